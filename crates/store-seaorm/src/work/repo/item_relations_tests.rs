//! The page's rows as PostgreSQL sends them, decoded.

use sea_orm::{ConnectionTrait, Database, Iterable, Statement};

use super::*;
use crate::testing::test_database_url;

/// A page of two rows as `along_with` lays them out, with tags: the
/// first row's estimated hours NULL, the second's 1.5, as `hours`.
async fn two_rows(hours: &str) -> Vec<QueryResult> {
    let row = |n: u32, estimated: &str, tags: &str| {
        format!(
            "SELECT '00000000-0000-7000-8000-00000000000{n}'::uuid AS id, 'Item {n}' AS title, \
             NULL::text AS description, 'TODO' AS status, 2::int2 AS priority, \
             NULL::date AS due_date, {estimated}::{hours} AS estimated_hours, \
             NULL::float8 AS actual_hours, NULL::uuid AS team_id, NULL::uuid AS parent_id, \
             {n}::int8 AS version, '00000000-0000-7000-8000-0000000000aa'::uuid AS created_by, \
             now() AS created_at, now() AS updated_at, NULL::timestamptz AS completed_at, \
             ARRAY[]::uuid[] AS {ROW_TAG_IDS}, {tags}::text AS {TAG_DICTIONARY}"
        )
    };
    let sql = format!(
        "{} UNION ALL {} ORDER BY version",
        row(1, "NULL", "'[]'"),
        row(2, "1.5", "NULL")
    );
    let db = Database::connect(test_database_url()).await.unwrap();
    db.query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .unwrap()
}

const TAGS: ItemRelations = ItemRelations {
    tags: true,
    creators: false,
    descriptions: true,
};

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn the_rows_after_the_first_read_what_their_checked_columns_hold() {
    let tenant = TenantId::generate();
    let page = decode(&two_rows("float8").await, tenant, TAGS).unwrap();
    let hours: Vec<_> = page.iter().map(|row| row.item.estimated_hours).collect();
    assert_eq!(hours, [None, Some(1.5)]);
    assert_eq!(page[1].item.version, 2);
    assert_eq!(page[1].item.title, "Item 2");
    assert_eq!(page[1].tags, Some(Vec::new()));
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_column_of_another_type_is_an_error_even_where_the_first_row_holds_null() {
    let err = decode(&two_rows("numeric").await, TenantId::generate(), TAGS).unwrap_err();
    assert!(matches!(err, DomainError::Internal(_)), "{err:?}");
    // What went wrong is for the server's log: the caller sees an internal error.
    let message = std::error::Error::source(&err)
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        message.contains("estimated_hours") && message.contains("NUMERIC"),
        "{message}"
    );
}

#[test]
fn a_columns_discriminant_is_its_place_in_the_select_list() {
    for (place, column) in item::Column::iter().enumerate() {
        assert_eq!(column as usize, place, "{column:?}");
    }
}
