//! PostgreSQL lookups against the server `TEST_DATABASE_URL` names (built
//! ignored without it) and the checks that need no server: network policy
//! and lookup kinds.

use serde_json::json;
use sqlx::{Executor, PgPool};
use trellis_datasources::ports::Connector;
use trellis_datasources::{Credentials, HttpMethod, Lookup, LookupErrorKind, Protocol};

use crate::helpers::*;

struct Pg {
    admin: PgPool,
    base: String,
    username: String,
    password: String,
}

async fn pg() -> Pg {
    let url = server_url("TEST_DATABASE_URL");
    let admin = PgPool::connect(url.as_str())
        .await
        .expect("TEST_DATABASE_URL connects");
    let (base, username, password) = split_url(&url);
    Pg {
        admin,
        base,
        username: if username.is_empty() {
            "postgres".into()
        } else {
            username
        },
        // Trust authentication ignores it; a password server checks it.
        password: if password.is_empty() {
            "unused-under-trust".into()
        } else {
            password
        },
    }
}

impl Pg {
    fn config(&self, statement_timeout_ms: u64) -> trellis_datasources::DatasourceConfig {
        config(
            Protocol::Postgresql,
            &self.base,
            Some(Credentials::Basic {
                username: self.username.clone(),
                password: self.password.clone(),
            }),
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
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_lookup_returns_the_first_row_with_typed_values_or_none() {
    let pg = pg().await;
    let table = unique("customers");
    pg.exec(format!(
        "CREATE TABLE {table} (id int8, email text, plan varchar(20), credit numeric(10,4), \
         since timestamptz, active bool, avatar bytea, note text, tags text[], meta jsonb); \
         INSERT INTO {table} VALUES \
         (1, 'ann@x.com', 'gold', 123.45, '2024-01-02 03:04:05+00', true, '\\x0102ff', NULL, \
          '{{a,b}}', '{{\"k\": 1}}'), \
         (2, 'ann@x.com', 'silver', -0.5, NULL, false, NULL, 'x', NULL, NULL)"
    ))
    .await;
    let connectors = connectors(true);
    let config = pg.config(2_000);
    let source = datasource(&config);
    let select = format!(
        "SELECT id, email, plan, credit, since, active, avatar, note, tags, meta \
         FROM {table} WHERE email = $1 ORDER BY id"
    );
    let found = connectors
        .lookup(&config, &source, &sql(&select, &["ann@x.com"]))
        .await;
    let missing = connectors
        .lookup(&config, &source, &sql(&select, &["bob@x.com"]))
        .await;
    let injected = connectors
        .lookup(&config, &source, &sql(&select, &["' OR 1=1 --"]))
        .await;
    let exists = connectors
        .lookup(
            &config,
            &source,
            &sql(
                &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE lower(email) = lower($1))"),
                &["ANN@x.com"],
            ),
        )
        .await;
    pg.exec(format!("DROP TABLE {table}")).await;

    assert_eq!(
        first_row(found.unwrap()),
        Some(vec![
            json!(1),
            json!("ann@x.com"),
            json!("gold"),
            json!("123.4500"),
            json!("2024-01-02T03:04:05Z"),
            json!(true),
            json!("AQL/"),
            json!(null),
            json!(["a", "b"]),
            json!({"k": 1}),
        ])
    );
    assert_eq!(first_row(missing.unwrap()), None);
    assert_eq!(
        first_row(injected.unwrap()),
        None,
        "the parameter was not bound"
    );
    assert_eq!(first_row(exists.unwrap()), Some(vec![json!(true)]));
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn lookups_are_read_only_and_leave_the_session_as_they_found_it() {
    let pg = pg().await;
    let table = unique("ro");
    let sequence = unique("ro_seq");
    pg.exec(format!(
        "CREATE TABLE {table} (email text); CREATE SEQUENCE {sequence}"
    ))
    .await;
    let connectors = connectors(true);
    let mut config = pg.config(2_000);
    config.connection.pool_size = 1;
    let source = datasource(&config);
    let run = |statement: String| {
        let (connectors, config, source) = (connectors.clone(), config.clone(), source.clone());
        async move {
            connectors
                .lookup(&config, &source, &sql(&statement, &[]))
                .await
        }
    };
    let mode = run("SELECT current_setting('transaction_read_only')".into()).await;
    let insert = run(format!("INSERT INTO {table} VALUES ('x') RETURNING email")).await;
    let nextval = run(format!("SELECT nextval('{sequence}')")).await;
    let unset =
        run("SELECT set_config('default_transaction_read_only', 'off', false)".into()).await;
    let after = run("SELECT current_setting('default_transaction_read_only')".into()).await;
    let count: i64 =
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
            .fetch_one(&pg.admin)
            .await
            .unwrap();
    pg.exec(format!("DROP TABLE {table}; DROP SEQUENCE {sequence}"))
        .await;

    assert_eq!(first_row(mode.unwrap()), Some(vec![json!("on")]));
    for write in [insert, nextval] {
        let message = assert_kind(write, LookupErrorKind::Query);
        assert!(message.contains("read-only transaction"), "{message}");
    }
    assert!(unset.is_ok());
    assert_eq!(
        first_row(after.unwrap()),
        Some(vec![json!("on")]),
        "rolled back with the lookup"
    );
    assert_eq!(count, 0);
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_slow_statement_is_cancelled_by_the_server_at_the_statement_timeout() {
    let pg = pg().await;
    let connectors = connectors(true);
    let config = pg.config(200);
    let source = datasource(&config);
    let slow = connectors
        .lookup(&config, &source, &sql("SELECT pg_sleep(5)", &[]))
        .await;
    let message = assert_kind(slow, LookupErrorKind::Timeout);
    assert_eq!(message, "the datasource did not answer within 200 ms");
    let after = connectors
        .lookup(&config, &source, &sql("SELECT 1", &[]))
        .await;
    assert_eq!(first_row(after.unwrap()), Some(vec![json!(1)]));
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_failed_sign_in_is_unreachable_and_never_shows_the_password() {
    let pg = pg().await;
    let password = unique("pw-SECRET");
    let config = config(
        Protocol::Postgresql,
        &pg.base,
        Some(Credentials::Basic {
            username: unique("no_such_role"),
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
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn pools_are_reused_per_config_version_and_dropped_on_evict() {
    let pg = pg().await;
    let connectors = connectors(true);
    let mut config = pg.config(2_000);
    config.connection.pool_size = 1;
    let source = datasource(&config);
    let pid = |config: trellis_datasources::DatasourceConfig| {
        let (connectors, source) = (connectors.clone(), source.clone());
        async move {
            let row = connectors
                .lookup(&config, &source, &sql("SELECT pg_backend_pid()", &[]))
                .await
                .unwrap();
            first_row(row).unwrap()[0].as_i64().unwrap()
        }
    };
    let first = pid(config.clone()).await;
    assert_eq!(
        pid(config.clone()).await,
        first,
        "the pooled connection is reused"
    );
    assert_eq!(connectors.pooled_configs(), 1);

    let updated = touched(&config);
    let after_update = pid(updated.clone()).await;
    assert_ne!(after_update, first, "a changed config gets a new pool");
    assert_eq!(connectors.pooled_configs(), 1, "the old pool is replaced");

    connectors.evict(updated.tenant_id, updated.id);
    assert_eq!(connectors.pooled_configs(), 0);
    assert_ne!(pid(updated).await, after_update);
    assert_eq!(connectors.pooled_configs(), 1);
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn probe_connects_or_reports_the_server_unreachable() {
    let pg = pg().await;
    let connectors = connectors(true);
    connectors.probe(&pg.config(2_000)).await.unwrap();

    let mut closed = config(
        Protocol::Postgresql,
        "postgres://127.0.0.1:1/test",
        None,
        options(2_000),
    );
    closed.connection.connect_timeout_ms = 300;
    let err = connectors.probe(&closed).await.unwrap_err();
    assert_eq!(err.kind, LookupErrorKind::Unreachable, "{}", err.message);
    assert!(err.message.contains("127.0.0.1:1"), "{}", err.message);
}

#[tokio::test]
async fn private_addresses_are_refused_unless_allowed() {
    let connectors = connectors(false);
    for (protocol, base, shown) in [
        (
            Protocol::Postgresql,
            "postgres://127.0.0.1:5432/test",
            "`127.0.0.1`",
        ),
        (
            Protocol::Postgresql,
            "postgresql://localhost/test",
            "`localhost`",
        ),
        (Protocol::Postgresql, "postgres://[::1]:5432/test", "`::1`"),
        (Protocol::Mysql, "mysql://10.1.2.3/test", "`10.1.2.3`"),
        (
            Protocol::Mysql,
            "mariadb://169.254.169.254:3306/test",
            "`169.254.169.254`",
        ),
    ] {
        let config = config(protocol, base, None, options(2_000));
        let result = connectors
            .lookup(&config, &datasource(&config), &sql("SELECT 1", &[]))
            .await;
        let message = assert_kind(result, LookupErrorKind::Refused);
        assert!(message.contains(shown), "{message}");
        assert!(
            message.contains("TRELLIS_ALLOW_PRIVATE_NETWORKS=true"),
            "{message}"
        );
        let probe = connectors.probe(&config).await.unwrap_err();
        assert_eq!(probe.kind, LookupErrorKind::Refused);
    }
    assert_eq!(connectors.pooled_configs(), 0);
}

#[tokio::test]
async fn a_lookup_of_the_wrong_kind_is_a_config_error() {
    let connectors = connectors(false);
    let config = config(
        Protocol::Postgresql,
        "postgres://db.example.com/crm",
        None,
        options(2_000),
    );
    let source = datasource(&config);
    for lookup in [
        Lookup::Http {
            method: HttpMethod::Get,
            path_and_query: "/".into(),
            body: None,
        },
        Lookup::File {
            column: "email".into(),
            value: "a".into(),
        },
    ] {
        let message = assert_kind(
            connectors.lookup(&config, &source, &lookup).await,
            LookupErrorKind::Config,
        );
        assert!(message.contains("POSTGRESQL"), "{message}");
    }
    let mut foreign = source.clone();
    foreign.tenant_id = trellis_kernel::TenantId::generate();
    let message = assert_kind(
        connectors
            .lookup(&config, &foreign, &sql("SELECT 1", &[]))
            .await,
        LookupErrorKind::Config,
    );
    assert!(message.contains("does not use"), "{message}");
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_batch_runs_read_only_and_a_failing_statement_fails_only_itself() {
    let pg = pg().await;
    let table = unique("batch");
    pg.exec(format!(
        "CREATE TABLE {table} (email text); INSERT INTO {table} VALUES ('ann@x.com')"
    ))
    .await;
    let connectors = connectors(true);
    let config = pg.config(2_000);
    let source = datasource(&config);
    let answers = connectors
        .lookup_all(
            &config,
            &source,
            &[
                sql(
                    &format!("SELECT 1 FROM {table} WHERE email = $1"),
                    &["ann@x.com"],
                ),
                sql("SELECT 1 / 0", &[]),
                sql("SELECT current_setting('transaction_read_only')", &[]),
                sql(
                    &format!("SELECT 1 FROM {table} WHERE email = $1"),
                    &["bob@x.com"],
                ),
            ],
        )
        .await;
    pg.exec(format!("DROP TABLE {table}")).await;

    assert_eq!(answers.len(), 4);
    let mut answers = answers.into_iter().map(|answer| answer.result);
    assert_eq!(
        first_row(answers.next().unwrap().unwrap()),
        Some(vec![json!(1)])
    );
    let failed = answers.next().unwrap().unwrap_err();
    assert_eq!(failed.kind, LookupErrorKind::Query);
    assert!(failed.message.contains("division by zero"), "{failed:?}");
    assert_eq!(
        first_row(answers.next().unwrap().unwrap()),
        Some(vec![json!("on")]),
        "the statement after a failure runs in a fresh read-only transaction"
    );
    assert_eq!(first_row(answers.next().unwrap().unwrap()), None);
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn the_tls_mode_decides_what_server_is_accepted() {
    let pg = pg().await;
    let ssl: String = sqlx::query_scalar("SHOW ssl")
        .fetch_one(&pg.admin)
        .await
        .unwrap();
    let why = if ssl == "on" {
        "invalid peer certificate"
    } else {
        "server does not support TLS; set tlsMode DISABLE only for a server without TLS"
    };
    assert_tls_modes(|| pg.config(2_000), &pg.base, ssl == "on", why).await;
}
