//! The relations a page of items reads in the page's own statement on
//! PostgreSQL: each item's live tags and its creator. The page's rows are
//! a common table expression; each row carries its tag ids
//! (`work_items.tag_ids`) and its creator's id, and one row of the page
//! carries two dictionaries, the live tags and the creators those rows
//! name, each read once for the page. The list a console shows most is
//! one statement instead of three, and the page's tags cost one index
//! lookup of a few tags rather than a join per item.
//! SQLite leaves the relations to the caller's batched lookups.

use chrono::{DateTime, Utc};
use foldhash::{HashMap, HashMapExt};
use sea_orm::sea_query::{
    Alias, CommonTableExpression, Expr, Order, Query, SelectStatement, SimpleExpr, WithClause,
};
use sea_orm::{DbBackend, DbErr, QueryResult};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use sqlx::postgres::{PgColumn, PgRow, Postgres};
use sqlx::{Column, Row};
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId};
use trellis_work::ports::{ItemRelations, ListedItem, Person};
use trellis_work::{Color, Item, ItemId, Tag, TagId, TeamId};
use uuid::Uuid;

use crate::error::internal;
use crate::work::convert;
use crate::work::entity::item;

/// The alias of the page's rows in the statement that adds relations.
const PAGE: &str = "page";

/// The column of `work_items` holding its tags' ids, PostgreSQL only.
const TAG_IDS: &str = "tag_ids";

const ROW_TAG_IDS: &str = "trellis_tag_ids";
const TAG_DICTIONARY: &str = "trellis_tags";
const CREATOR_DICTIONARY: &str = "trellis_creators";

// The dictionaries look their ids up as arrays (`= ANY(ARRAY(…))`): as
// `IN (SELECT …)`, a generic plan's estimate of the page's rows (a tenth
// of an average tenant's items) makes a hash join of the whole table the
// cheaper guess, and `users` holds every account of every tenant.
// The arrays keep the page's repeats: an index scan sorts and dedups its
// keys itself, and a filter over the tags matches each tag once however
// often its id repeats. A `DISTINCT` would cost a hash table per page,
// made and dropped on every run of the statement.

/// The live tags any row of the page names, by name. Their times travel
/// as microseconds since 1970, whole numbers, exact both ways: a time as
/// JSON text costs PostgreSQL its formatting and the server its parsing.
const TAG_DICTIONARY_SQL: &str = r#"(SELECT coalesce(json_agg(json_build_array(t.id, t.name, t.color,
    (extract(epoch FROM t.created_at) * 1000000)::int8, (extract(epoch FROM t.updated_at) * 1000000)::int8)
    ORDER BY t.name_key), '[]')::text
  FROM work_tags t
  WHERE t.tenant_id = "page"."tenant_id" AND t.deleted_at IS NULL
    AND t.id = ANY(ARRAY(SELECT unnest(p.tag_ids) FROM "page" p)))"#;

/// The accounts that created the page's rows.
const CREATOR_DICTIONARY_SQL: &str = r#"(SELECT coalesce(json_agg(json_build_array(u.id, u.email, u.name)), '[]')::text
  FROM users u WHERE u.id = ANY(ARRAY(SELECT p.created_by FROM "page" p)))"#;

/// Those of `with` this backend reads along with the page: all of them
/// on PostgreSQL, no relation on SQLite.
pub(super) fn read_along(backend: DbBackend, with: ItemRelations) -> ItemRelations {
    match backend {
        DbBackend::Postgres => with,
        _ => ItemRelations {
            tags: false,
            creators: false,
            ..with
        },
    }
}

/// What the rows of a page select besides the item's columns, so that
/// [`along_with`] can read the relations `with` names from them.
pub(super) fn select_keys(rows: &mut SelectStatement, with: ItemRelations) {
    if with.tags {
        rows.expr(Expr::col((item::Entity, Alias::new(TAG_IDS))));
    }
}

/// Whether a page's statement reads relations along with its rows. The
/// rows' layout follows from it: with relations, the [`LISTED`] columns
/// then the relations' ([`along_with`]); without, the entity's columns.
/// [`decode`] reads them by the same answer.
fn reads_relations(with: ItemRelations) -> bool {
    with.tags || with.creators
}

/// A column of the page's rows, to order them by.
pub(super) fn on_page(column: item::Column) -> SimpleExpr {
    Expr::col((Alias::new(PAGE), column))
}

/// `rows` of a page (which selected [`select_keys`]), in `order` (of
/// [`on_page`] columns), with the relations `with` names; with none,
/// `rows` as they are.
pub(super) fn along_with(
    rows: SelectStatement,
    order: Vec<(SimpleExpr, Order)>,
    with: ItemRelations,
) -> SelectStatement {
    if !reads_relations(with) {
        return rows;
    }
    let page = Alias::new(PAGE);
    let mut select = Query::select();
    for column in LISTED {
        select.column((page.clone(), column));
    }
    // One row carries the dictionaries; which one does not matter.
    let once = |dictionary: &str| {
        Expr::cust(format!(
            "CASE WHEN row_number() OVER () = 1 THEN {dictionary} END"
        ))
    };
    if with.tags {
        select.expr_as(
            Expr::col((page.clone(), Alias::new(TAG_IDS))),
            Alias::new(ROW_TAG_IDS),
        );
        select.expr_as(once(TAG_DICTIONARY_SQL), Alias::new(TAG_DICTIONARY));
    }
    if with.creators {
        select.expr_as(once(CREATOR_DICTIONARY_SQL), Alias::new(CREATOR_DICTIONARY));
    }
    select.from(page.clone());
    for (expr, direction) in order {
        select.order_by_expr(expr, direction);
    }
    // Built in place: the builders' `to_owned` would copy the page's
    // statement at each step, on every request.
    let mut page_rows = CommonTableExpression::new();
    page_rows.query(rows).table_name(page).materialized(true);
    let mut with = WithClause::new();
    with.cte(page_rows);
    select.with_cte(with);
    select
}

#[derive(Deserialize)]
struct TagJson(Uuid, String, String, i64, i64);

#[derive(Deserialize)]
struct CreatorJson(Uuid, String, String);

/// The page's rows, with the relations `with` names, which the statement
/// selected ([`along_with`]).
pub(super) fn decode(
    rows: &[QueryResult],
    tenant: TenantId,
    with: ItemRelations,
) -> DomainResult<Vec<ListedItem>> {
    if !reads_relations(with) {
        return rows
            .iter()
            .map(|row| {
                let model = item_at_start(row).map_err(internal)?;
                Ok(ListedItem::alone(convert::item(model)?))
            })
            .collect();
    }
    let tags = if with.tags {
        tag_dictionary(dictionary(rows, TAG_DICTIONARY)?, tenant)?
    } else {
        HashMap::new()
    };
    let creators = if with.creators {
        creator_dictionary(dictionary(rows, CREATOR_DICTIONARY)?)
    } else {
        HashMap::new()
    };
    let mut checked = TypesChecked::default();
    rows.iter()
        .map(|row| {
            // Only PostgreSQL reads relations along with the page.
            let row = row
                .try_as_pg_row()
                .ok_or_else(|| DomainError::internal_msg("a page with relations off PostgreSQL"))?;
            let mut columns = Columns {
                row,
                next: 0,
                check_types: checked.first_sight(row),
            };
            let item = listed_item(&mut columns, tenant)?;
            let mut listed = ListedItem::alone(item);
            // The relations' columns follow the item's, in `along_with`'s order.
            if with.tags {
                let ids: Vec<Uuid> = columns.next()?;
                listed.tags = Some(tags_of(&ids, &tags));
            }
            if with.creators {
                let creator = listed.item.created_by.as_uuid();
                listed.creator = Some(creators.get(&creator).cloned());
            }
            Ok(listed)
        })
        .collect()
}

/// The columns of an item that a page with relations selects, in order:
/// what a listed item holds. The tenant is the page's and every row is
/// live, so `tenant_id`, `deleted_at` and `deletion_id` stay behind, as
/// does `title_key`, which only orders the rows.
const LISTED: [item::Column; 15] = {
    use item::Column as I;
    [
        I::Id,
        I::Title,
        I::Description,
        I::Status,
        I::Priority,
        I::DueDate,
        I::EstimatedHours,
        I::ActualHours,
        I::TeamId,
        I::ParentId,
        I::Version,
        I::CreatedBy,
        I::CreatedAt,
        I::UpdatedAt,
        I::CompletedAt,
    ]
};

/// A row's columns, read one after the other.
struct Columns<'r> {
    row: &'r PgRow,
    next: usize,
    /// Whether each column's type is checked against the type read from
    /// it, as sqlx's `try_get` checks each value's. The rows of one result
    /// share their columns, so a page checks them on the first row that
    /// has them ([`TypesChecked`]) rather than 800 times.
    check_types: bool,
}

impl<'r> Columns<'r> {
    fn next<T>(&mut self) -> DomainResult<T>
    where
        T: sqlx::Decode<'r, Postgres> + sqlx::Type<Postgres>,
    {
        let index = self.next;
        self.next += 1;
        if self.check_types {
            let column = self.row.try_column(index).map_err(DomainError::internal)?;
            if !T::compatible(column.type_info()) {
                // The error sqlx's own `try_get` gives.
                return Err(DomainError::internal(sqlx::Error::ColumnDecode {
                    index: format!("{:?}", column.name()),
                    source: sqlx::error::mismatched_types::<Postgres, T>(column.type_info()),
                }));
            }
        }
        self.row
            .try_get_unchecked(index)
            .map_err(DomainError::internal)
    }
}

/// The columns whose types a page has checked: those of its first row,
/// which every other row of the same result shares.
#[derive(Default)]
struct TypesChecked<'r>(Option<&'r [PgColumn]>);

impl<'r> TypesChecked<'r> {
    /// Whether `row`'s columns still need their types checked; they are
    /// counted as checked from here on.
    fn first_sight(&mut self, row: &'r PgRow) -> bool {
        let columns = row.columns();
        let seen = self.0.is_some_and(|seen| std::ptr::eq(seen, columns));
        self.0 = Some(columns);
        !seen
    }
}

/// The item in the [`LISTED`] columns that start the row, straight from
/// PostgreSQL's row: fifty of them make a page, and the status is read
/// without a copy of its text.
fn listed_item(columns: &mut Columns<'_>, tenant: TenantId) -> DomainResult<Item> {
    Ok(Item {
        id: ItemId::from_uuid(columns.next()?),
        tenant_id: tenant,
        title: columns.next()?,
        description: columns.next()?,
        status: convert::item_status(columns.next()?)?,
        priority: convert::priority(columns.next()?)?,
        due_date: columns.next()?,
        estimated_hours: columns.next()?,
        actual_hours: columns.next()?,
        team_id: columns.next::<Option<Uuid>>()?.map(TeamId::from_uuid),
        parent_id: columns.next::<Option<Uuid>>()?.map(ItemId::from_uuid),
        version: columns.next()?,
        created_by: UserId::from_uuid(columns.next()?),
        created_at: columns.next()?,
        updated_at: columns.next()?,
        completed_at: columns.next()?,
    })
}

/// The item whose columns start the row, in the entity's order, as every
/// page selects them: by position, as a page decodes fifty of them and a
/// lookup by name costs a hash of the name per column.
fn item_at_start(row: &QueryResult) -> Result<item::Model, DbErr> {
    use item::Column as I;
    // A column's discriminant is its place in `Column::iter()`.
    let at = |column: I| column as usize;
    Ok(item::Model {
        tenant_id: row.try_get_by_index(at(I::TenantId))?,
        id: row.try_get_by_index(at(I::Id))?,
        title: row.try_get_by_index(at(I::Title))?,
        title_key: row.try_get_by_index(at(I::TitleKey))?,
        description: row.try_get_by_index(at(I::Description))?,
        status: row.try_get_by_index(at(I::Status))?,
        priority: row.try_get_by_index(at(I::Priority))?,
        due_date: row.try_get_by_index(at(I::DueDate))?,
        estimated_hours: row.try_get_by_index(at(I::EstimatedHours))?,
        actual_hours: row.try_get_by_index(at(I::ActualHours))?,
        team_id: row.try_get_by_index(at(I::TeamId))?,
        parent_id: row.try_get_by_index(at(I::ParentId))?,
        version: row.try_get_by_index(at(I::Version))?,
        created_by: row.try_get_by_index(at(I::CreatedBy))?,
        created_at: row.try_get_by_index(at(I::CreatedAt))?,
        updated_at: row.try_get_by_index(at(I::UpdatedAt))?,
        completed_at: row.try_get_by_index(at(I::CompletedAt))?,
        deleted_at: row.try_get_by_index(at(I::DeletedAt))?,
        deletion_id: row.try_get_by_index(at(I::DeletionId))?,
    })
}

/// The dictionary `column` one row of the page carries; none for a page
/// without rows.
fn dictionary<T: DeserializeOwned>(rows: &[QueryResult], column: &str) -> DomainResult<Vec<T>> {
    for row in rows {
        let raw: Option<String> = row.try_get("", column).map_err(internal)?;
        if let Some(raw) = raw {
            return serde_json::from_str(&raw).map_err(DomainError::internal);
        }
    }
    Ok(Vec::new())
}

/// The live tags by id, each with its place in the order by name. The
/// ids are the server's own, so a fast hash will do ([`foldhash`]).
fn tag_dictionary(
    rows: Vec<TagJson>,
    tenant: TenantId,
) -> DomainResult<HashMap<Uuid, (usize, Tag)>> {
    rows.into_iter()
        .enumerate()
        .map(|(rank, TagJson(id, name, color, created_at, updated_at))| {
            let color = Color::parse("color", &color).map_err(|_| {
                DomainError::internal_msg(format!("stored colour {color} is unknown"))
            })?;
            let tag = Tag {
                id: TagId::from_uuid(id),
                tenant_id: tenant,
                name,
                color,
                created_at: from_micros(created_at)?,
                updated_at: from_micros(updated_at)?,
            };
            Ok((id, (rank, tag)))
        })
        .collect()
}

/// The time `micros` microseconds after 1970 began.
fn from_micros(micros: i64) -> DomainResult<DateTime<Utc>> {
    DateTime::from_timestamp_micros(micros).ok_or_else(|| {
        DomainError::internal_msg(format!("stored time {micros} µs is out of range"))
    })
}

fn creator_dictionary(rows: Vec<CreatorJson>) -> HashMap<Uuid, Person> {
    rows.into_iter()
        .map(|CreatorJson(id, email, name)| {
            let id = UserId::from_uuid(id);
            (id.as_uuid(), Person { id, email, name })
        })
        .collect()
}

/// The live tags among a row's tag ids, by name; a deleted tag is not in
/// the dictionary.
fn tags_of(ids: &[Uuid], dictionary: &HashMap<Uuid, (usize, Tag)>) -> Vec<Tag> {
    let mut found: Vec<_> = ids.iter().filter_map(|id| dictionary.get(id)).collect();
    found.sort_unstable_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, tag)| tag.clone()).collect()
}

#[cfg(test)]
#[path = "item_relations_tests.rs"]
mod tests;
