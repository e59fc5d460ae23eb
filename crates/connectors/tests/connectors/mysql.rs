//! MySQL/MariaDB lookups against the server `TEST_MYSQL_URL` names (e.g.
//! `mysql://root@127.0.0.1:3306/test`); without it they are built ignored.

use serde_json::json;
use sqlx::{Executor, MySqlPool};
use trellis_datasources::ports::Connector;
use trellis_datasources::{Credentials, DatasourceConfig, Lookup, LookupErrorKind, Protocol};

use crate::helpers::*;

struct My {
    admin: MySqlPool,
    base: String,
    credentials: Option<Credentials>,
}

async fn my() -> My {
    let url = server_url("TEST_MYSQL_URL");
    let admin = MySqlPool::connect(url.as_str())
        .await
        .expect("TEST_MYSQL_URL connects");
    let (base, username, password) = split_url(&url);
    // No credentials means the connector's default user, root.
    let credentials = (!password.is_empty()).then_some(Credentials::Basic { username, password });
    My {
        admin,
        base,
        credentials,
    }
}

impl My {
    fn config(&self, statement_timeout_ms: u64) -> DatasourceConfig {
        config(
            Protocol::Mysql,
            &self.base,
            self.credentials.clone(),
            options(statement_timeout_ms),
        )
    }

    async fn exec(&self, sql: String) {
        self.admin
            .execute(sqlx::AssertSqlSafe(sql))
            .await
            .expect("setup SQL runs");
    }
}

fn sql(statement: &str, params: &[&str]) -> Lookup {
    Lookup::Sql {
        statement: statement.into(),
        params: params.iter().map(|p| p.to_string()).collect(),
    }
}

#[tokio::test]
#[cfg_attr(no_test_mysql, ignore = "TEST_MYSQL_URL is not set")]
async fn a_lookup_returns_the_first_row_with_typed_values_or_none() {
    let my = my().await;
    let table = unique("customers");
    my.exec(format!(
        "CREATE TABLE {table} (id BIGINT, email VARCHAR(100), credit DECIMAL(10,4), \
         since DATETIME, active BOOLEAN, avatar VARBINARY(10), note TEXT, visits INT UNSIGNED)"
    ))
    .await;
    my.exec(format!(
        "INSERT INTO {table} VALUES \
         (1, 'ann@x.com', 123.45, '2024-01-02 03:04:05', TRUE, X'0102FF', NULL, 7), \
         (2, 'ann@x.com', -0.5, NULL, FALSE, NULL, 'x', 0)"
    ))
    .await;
    let connectors = connectors(true);
    let config = my.config(2_000);
    let source = datasource(&config);
    let select = format!(
        "SELECT id, email, credit, since, active, avatar, note, visits FROM {table} \
         WHERE email = ? ORDER BY id"
    );
    let found = connectors
        .lookup(&config, &source, &sql(&select, &["ann@x.com"]))
        .await;
    let missing = connectors
        .lookup(&config, &source, &sql(&select, &["bob@x.com"]))
        .await;
    let injected = connectors
        .lookup(&config, &source, &sql(&select, &["' OR 1=1 -- "]))
        .await;
    let exists = connectors
        .lookup(
            &config,
            &source,
            &sql(
                &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE email = ?)"),
                &["ann@x.com"],
            ),
        )
        .await;
    my.exec(format!("DROP TABLE {table}")).await;

    assert_eq!(
        first_row(found.unwrap()),
        Some(vec![
            json!(1),
            json!("ann@x.com"),
            json!("123.4500"),
            json!("2024-01-02T03:04:05"),
            json!(true),
            json!("AQL/"),
            json!(null),
            json!(7),
        ])
    );
    assert_eq!(first_row(missing.unwrap()), None);
    assert_eq!(
        first_row(injected.unwrap()),
        None,
        "the parameter was not bound"
    );
    assert_eq!(first_row(exists.unwrap()), Some(vec![json!(1)]));
}

#[tokio::test]
#[cfg_attr(no_test_mysql, ignore = "TEST_MYSQL_URL is not set")]
async fn lookups_are_read_only() {
    let my = my().await;
    let table = unique("ro");
    let function = unique("ro_write");
    my.exec(format!("CREATE TABLE {table} (email VARCHAR(100))"))
        .await;
    // A SELECT that writes, through a function: what a read-only
    // transaction exists to stop.
    my.exec(format!(
        "CREATE FUNCTION {function}() RETURNS INT MODIFIES SQL DATA \
         BEGIN INSERT INTO {table} VALUES ('x'); RETURN 1; END"
    ))
    .await;
    let connectors = connectors(true);
    let config = my.config(2_000);
    let source = datasource(&config);
    let via_function = connectors
        .lookup(&config, &source, &sql(&format!("SELECT {function}()"), &[]))
        .await;
    let insert = connectors
        .lookup(
            &config,
            &source,
            &sql(&format!("INSERT INTO {table} VALUES ('y')"), &[]),
        )
        .await;
    let count: i64 =
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&my.admin)
            .await
            .unwrap();
    my.exec(format!("DROP FUNCTION {function}")).await;
    my.exec(format!("DROP TABLE {table}")).await;

    for write in [via_function, insert] {
        let message = assert_kind(write, LookupErrorKind::Query);
        assert!(message.contains("READ ONLY"), "{message}");
    }
    assert_eq!(count, 0);
}

#[tokio::test]
#[cfg_attr(no_test_mysql, ignore = "TEST_MYSQL_URL is not set")]
async fn a_slow_statement_is_stopped_at_the_statement_timeout() {
    let my = my().await;
    let connectors = connectors(true);
    let config = my.config(200);
    let source = datasource(&config);
    let slow = connectors
        .lookup(&config, &source, &sql("SELECT SLEEP(5)", &[]))
        .await;
    let message = assert_kind(slow, LookupErrorKind::Timeout);
    assert_eq!(message, "the datasource did not answer within 200 ms");
    let after = connectors
        .lookup(&config, &source, &sql("SELECT 1", &[]))
        .await;
    assert_eq!(first_row(after.unwrap()), Some(vec![json!(1)]));
}

#[tokio::test]
#[cfg_attr(no_test_mysql, ignore = "TEST_MYSQL_URL is not set")]
async fn a_wrong_password_is_unreachable_and_never_shown() {
    let my = my().await;
    let password = unique("wrong-SECRET");
    let config = config(
        Protocol::Mysql,
        &my.base,
        Some(Credentials::Basic {
            username: "root".into(),
            password: password.clone(),
        }),
        options(2_000),
    );
    let result = connectors(true)
        .lookup(&config, &datasource(&config), &sql("SELECT 1", &[]))
        .await;
    let message = assert_kind(result, LookupErrorKind::Unreachable);
    assert!(message.contains("could not sign in"), "{message}");
    assert!(!message.contains(&password), "{message}");
}

#[tokio::test]
#[cfg_attr(no_test_mysql, ignore = "TEST_MYSQL_URL is not set")]
async fn probe_runs_select_one() {
    let my = my().await;
    connectors(true).probe(&my.config(2_000)).await.unwrap();
}

#[tokio::test]
#[cfg_attr(no_test_mysql, ignore = "TEST_MYSQL_URL is not set")]
async fn the_tls_mode_decides_what_server_is_accepted() {
    let my = my().await;
    let have_ssl: (String, String) = sqlx::query_as("SHOW VARIABLES LIKE 'have_ssl'")
        .fetch_one(&my.admin)
        .await
        .unwrap();
    let tls = have_ssl.1 == "YES";
    let why = if tls {
        "certificate"
    } else {
        "does not support TLS; set tlsMode DISABLE only for a server without TLS"
    };
    assert_tls_modes(|| my.config(2_000), &my.base, tls, why).await;
}
