use super::*;

fn pg(sql: &str) -> Result<ReadOnlySelect, String> {
    parse_read_only(Protocol::Postgresql, sql)
}

fn refused(protocol: Protocol, sql: &str) -> String {
    match parse_read_only(protocol, sql) {
        Ok(select) => panic!("{sql} was accepted as {}", select.statement),
        Err(message) => message,
    }
}

#[test]
fn only_one_select_is_accepted() {
    let err = refused(Protocol::Postgresql, "DELETE FROM customers WHERE id = $1");
    assert!(err.contains("SELECT") && err.contains("DELETE"), "{err}");
    let err = refused(Protocol::Postgresql, "SELECT 1; SELECT 2");
    assert!(err.contains("one statement"), "{err}");
    let err = refused(Protocol::Mysql, "UPDATE c SET plan = 'x'");
    assert!(err.contains("UPDATE"), "{err}");
    let err = refused(Protocol::Sqlite, "-- tidy up\nDROP TABLE customers");
    assert!(err.contains("DROP"), "{err}");
}

#[test]
fn parse_errors_carry_the_parser_message() {
    let err = refused(Protocol::Postgresql, "SELEC 1 FROM customers");
    assert!(err.starts_with("is not valid SQL: "), "{err}");
    assert!(err.contains("SELEC"), "{err}");
    assert!(refused(Protocol::Postgresql, "   ").contains("empty"));
    let long = format!(
        "SELECT 1 FROM c WHERE x = '{}'",
        "a".repeat(MAX_QUERY_CHARS)
    );
    assert!(refused(Protocol::Postgresql, &long).contains("at most"));
}

#[test]
fn locking_into_and_writing_ctes_are_refused_at_any_depth() {
    let cases = [
        ("SELECT * FROM c WHERE email = $1 FOR UPDATE", "lock"),
        ("SELECT * FROM c FOR SHARE", "lock"),
        ("SELECT * FROM (SELECT * FROM c FOR UPDATE) s", "lock"),
        ("SELECT * INTO copy FROM c", "INTO"),
        (
            "WITH x AS (DELETE FROM c RETURNING id) SELECT * FROM x",
            "WITH x AS (DELETE",
        ),
        (
            "WITH x AS (SELECT 1), y AS (INSERT INTO c VALUES (1) RETURNING 1) SELECT 1",
            "INSERT",
        ),
        (
            "SELECT * FROM c WHERE id IN (WITH d AS (UPDATE c SET a = 1 RETURNING id) SELECT id FROM d)",
            "UPDATE",
        ),
    ];
    for (sql, why) in cases {
        let err = refused(Protocol::Postgresql, sql);
        assert!(err.contains(why), "{sql}: {err}");
    }
    let err = refused(Protocol::Mysql, "SELECT * FROM c LOCK IN SHARE MODE");
    assert!(!err.is_empty());
    let err = refused(
        Protocol::Mysql,
        "SELECT * FROM c WHERE a = ? INTO OUTFILE '/tmp/x'",
    );
    assert!(!err.is_empty());
}

#[test]
fn quoted_identifiers_that_look_like_keywords_are_fine() {
    let select = pg(r#"SELECT "update" FROM c WHERE "delete" = $1"#).unwrap();
    assert_eq!(select.placeholders.count(), 1);
}

#[test]
fn postgres_placeholders_are_numbered_from_one() {
    let select = pg("SELECT 1 FROM c WHERE a = $1 AND b = $2 AND c = $1 -- $3").unwrap();
    assert_eq!(select.placeholders.count(), 2);
    assert!(select.placeholders.check_params(2).is_ok());
    assert_eq!(
        select.placeholders.check_params(1).unwrap_err(),
        "the query has 2 placeholders but 1 param is given"
    );
    let select = pg("SELECT 1 FROM c WHERE a = $1 AND b = $3").unwrap();
    assert_eq!(
        select.placeholders.check_params(2).unwrap_err(),
        "`$3` has no param"
    );
    assert!(refused(Protocol::Postgresql, "SELECT $0").contains("`$0`"));
    assert!(refused(Protocol::Postgresql, "SELECT $name").contains("`$name`"));
}

#[test]
fn mysql_and_sqlite_placeholder_styles() {
    let select = parse_read_only(Protocol::Mysql, "SELECT 1 FROM c WHERE a = ? AND b = ?").unwrap();
    assert_eq!(select.placeholders, Placeholders::Positional(2));
    // MySQL reads `$1` as a column name, so it binds nothing.
    let dollar = parse_read_only(Protocol::Mysql, "SELECT 1 FROM c WHERE a = $1").unwrap();
    assert_eq!(dollar.placeholders.count(), 0);

    let sqlite = |sql| parse_read_only(Protocol::Sqlite, sql);
    assert_eq!(
        sqlite("SELECT 1 WHERE ? = ?").unwrap().placeholders.count(),
        2
    );
    let numbered = sqlite("SELECT 1 WHERE ?2 = $1 AND ?1 = 1").unwrap();
    assert_eq!(numbered.placeholders.count(), 2);
    assert!(numbered.placeholders.check_params(2).is_ok());
    assert!(
        sqlite("SELECT 1 WHERE ? = ?1")
            .unwrap_err()
            .contains("mixes")
    );
    assert!(
        sqlite("SELECT 1 WHERE a = :email")
            .unwrap_err()
            .contains("`:email`")
    );
    assert_eq!(
        Placeholders::Positional(0).check_params(1).unwrap_err(),
        "the query has 0 placeholders but 1 param is given"
    );
}

#[test]
fn the_outer_query_is_capped_to_one_row() {
    let select = pg("SELECT plan FROM customers WHERE email = $1;").unwrap();
    assert!(select.capped);
    assert_eq!(
        select.statement,
        "SELECT plan FROM customers WHERE email = $1 LIMIT 1"
    );
    let select = pg("SELECT plan FROM c WHERE email = $1 ORDER BY id LIMIT 10 OFFSET 2").unwrap();
    assert_eq!(
        select.statement,
        "SELECT plan FROM c WHERE email = $1 ORDER BY id LIMIT 1 OFFSET 2"
    );
    let select = pg("SELECT a FROM c UNION SELECT b FROM d").unwrap();
    assert!(
        select.statement.ends_with("SELECT b FROM d LIMIT 1"),
        "{}",
        select.statement
    );
    let mysql =
        parse_read_only(Protocol::Mysql, "SELECT a FROM c WHERE e = ? LIMIT 5, 20").unwrap();
    assert_eq!(mysql.statement, "SELECT a FROM c WHERE e = ? LIMIT 5, 1");
}

#[test]
fn limits_that_cannot_be_read_are_left_alone() {
    for sql in [
        "SELECT a FROM c WHERE e = $1 LIMIT 0",
        "SELECT a FROM c WHERE e = $1 LIMIT $2",
        "SELECT a FROM c WHERE e = $1 FETCH FIRST 3 ROWS ONLY",
    ] {
        let select = pg(sql).unwrap();
        assert!(!select.capped, "{sql}");
        assert_eq!(select.statement, sql);
    }
}
