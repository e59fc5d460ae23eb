//! SQLite files under a fresh datasource files directory.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::json;
use sqlx::Executor;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
use trellis_connectors::Connectors;
use trellis_datasources::ports::{Connector, MockDatasourceRepository};
use trellis_datasources::{DatasourceConfig, Lookup, LookupErrorKind, Protocol};
use trellis_kernel::TenantId;

use crate::helpers::*;

/// A files directory holding, in one tenant's directory,
/// `crm/customers.db` with two customers.
struct Files {
    root: PathBuf,
    tenant: TenantId,
}

impl Files {
    async fn new() -> Self {
        let root = std::env::temp_dir().join(unique("trellis-files"));
        let tenant = TenantId::generate();
        let dir = root.join(tenant.to_string());
        std::fs::create_dir_all(dir.join("crm")).unwrap();
        let pool = SqlitePool::connect_with(
            SqliteConnectOptions::new()
                .filename(dir.join("crm/customers.db"))
                .create_if_missing(true),
        )
        .await
        .unwrap();
        pool.execute(
            "CREATE TABLE customers (id INTEGER, email TEXT, credit REAL, vip BOOLEAN, avatar BLOB, note TEXT); \
             INSERT INTO customers VALUES (1, 'ann@x.com', 12.5, 1, X'0102FF', NULL), \
             (2, 'ann@x.com', 0, 0, NULL, 'x');",
        )
        .await
        .unwrap();
        pool.close().await;
        Self { root, tenant }
    }

    fn connectors(&self) -> Connectors {
        // The policy does not apply to local files: refusing private networks
        // must not stop SQLite.
        connectors_with(
            false,
            self.root.clone(),
            Arc::new(MockDatasourceRepository::new()),
        )
    }

    /// A config of this directory's tenant.
    fn config(&self, path: &str, statement_timeout_ms: u64) -> DatasourceConfig {
        self.config_of(self.tenant, path, statement_timeout_ms)
    }

    fn config_of(
        &self,
        tenant: TenantId,
        path: &str,
        statement_timeout_ms: u64,
    ) -> DatasourceConfig {
        let mut config = config(Protocol::Sqlite, path, None, options(statement_timeout_ms));
        config.tenant_id = tenant;
        config
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn sql(statement: &str, params: &[&str]) -> Lookup {
    Lookup::Sql {
        statement: statement.into(),
        params: params.iter().map(|p| p.to_string()).collect(),
    }
}

#[tokio::test]
async fn a_lookup_returns_the_first_row_with_typed_values_or_none() {
    let files = Files::new().await;
    let connectors = files.connectors();
    let config = files.config("crm/customers.db", 2_000);
    let source = datasource(&config);
    let select =
        "SELECT id, email, credit, vip, avatar, note FROM customers WHERE email = ? ORDER BY id";
    let found = connectors
        .lookup(&config, &source, &sql(select, &["ann@x.com"]))
        .await;
    assert_eq!(
        first_row(found.unwrap()),
        Some(vec![
            json!(1),
            json!("ann@x.com"),
            json!(12.5),
            json!(true),
            json!("AQL/"),
            json!(null)
        ])
    );
    let missing = connectors
        .lookup(&config, &source, &sql(select, &["bob@x.com"]))
        .await;
    assert_eq!(first_row(missing.unwrap()), None);
    let injected = connectors
        .lookup(&config, &source, &sql(select, &["' OR 1=1 --"]))
        .await;
    assert_eq!(
        first_row(injected.unwrap()),
        None,
        "the parameter was not bound"
    );
    let exists = connectors
        .lookup(
            &config,
            &source,
            &sql(
                "SELECT EXISTS (SELECT 1 FROM customers WHERE email = ?)",
                &["ann@x.com"],
            ),
        )
        .await;
    assert_eq!(first_row(exists.unwrap()), Some(vec![json!(1)]));
}

#[tokio::test]
async fn the_file_is_opened_read_only() {
    let files = Files::new().await;
    let connectors = files.connectors();
    let config = files.config("sqlite:crm/customers.db", 2_000);
    let source = datasource(&config);
    let insert = connectors
        .lookup(
            &config,
            &source,
            &sql("INSERT INTO customers (id) VALUES (3) RETURNING id", &[]),
        )
        .await;
    let message = assert_kind(insert, LookupErrorKind::Query);
    assert!(
        message.contains("readonly")
            || message.contains("read-only")
            || message.contains("query_only"),
        "{message}"
    );
    let count = connectors
        .lookup(
            &config,
            &source,
            &sql("SELECT count(*) FROM customers", &[]),
        )
        .await;
    assert_eq!(first_row(count.unwrap()), Some(vec![json!(2)]));
}

#[tokio::test]
async fn a_runaway_statement_is_interrupted_at_the_statement_timeout() {
    let files = Files::new().await;
    let connectors = files.connectors();
    let config = files.config("crm/customers.db", 200);
    let source = datasource(&config);
    let endless =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n";
    let message = assert_kind(
        connectors
            .lookup(&config, &source, &sql(endless, &[]))
            .await,
        LookupErrorKind::Timeout,
    );
    assert_eq!(message, "the datasource did not answer within 200 ms");
    let after = connectors
        .lookup(&config, &source, &sql("SELECT 1", &[]))
        .await;
    assert_eq!(first_row(after.unwrap()), Some(vec![json!(1)]));
}

#[tokio::test]
async fn missing_and_escaping_paths_are_config_errors() {
    let files = Files::new().await;
    let connectors = files.connectors();
    let missing = files.config("crm/nope.db", 2_000);
    let message = assert_kind(
        connectors
            .lookup(&missing, &datasource(&missing), &sql("SELECT 1", &[]))
            .await,
        LookupErrorKind::Config,
    );
    assert_eq!(message, "the SQLite file `crm/nope.db` does not exist");
    assert_eq!(
        connectors.probe(&missing).await.unwrap_err().kind,
        LookupErrorKind::Config
    );

    let outside = std::env::temp_dir()
        .join(unique("outside"))
        .with_extension("db");
    std::fs::write(&outside, b"").unwrap();
    let escaping = files.config(
        // Up from the tenant's directory and the files directory.
        &format!("../../{}", outside.file_name().unwrap().to_string_lossy()),
        2_000,
    );
    let result = connectors
        .lookup(&escaping, &datasource(&escaping), &sql("SELECT 1", &[]))
        .await;
    std::fs::remove_file(&outside).unwrap();
    let message = assert_kind(result, LookupErrorKind::Config);
    assert!(
        message.ends_with("is outside the datasource files directory"),
        "{message}"
    );
}

#[tokio::test]
async fn probe_opens_the_file() {
    let files = Files::new().await;
    files
        .connectors()
        .probe(&files.config("crm/customers.db", 2_000))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_value_past_the_size_limit_is_an_error_not_a_long_computation() {
    let files = Files::new().await;
    let connectors = files.connectors();
    let config = files.config("crm/customers.db", 5_000);
    let source = datasource(&config);
    // Each of these is one long call inside SQLite that, unbounded, keeps a
    // core busy and holds about a gigabyte for seconds. With the limit each
    // fails at once, well inside the timeout, which is generous only so that
    // a busy machine cannot turn the answer into a timeout.
    for (statement, params) in [
        (
            "SELECT length(randomblob(1000000000)) WHERE ? IS NOT NULL",
            &["x"][..],
        ),
        ("SELECT length(zeroblob(2000000000))", &[][..]),
        (
            "SELECT length(hex(zeroblob(400000)) || hex(zeroblob(400000)))",
            &[][..],
        ),
        (
            "SELECT length(group_concat(hex(randomblob(100000)))) FROM customers, customers, \
             customers, customers, customers, customers, customers, customers, customers, customers",
            &[][..],
        ),
    ] {
        let message = assert_kind(
            connectors
                .lookup(&config, &source, &sql(statement, params))
                .await,
            LookupErrorKind::Query,
        );
        assert_eq!(
            message,
            "a string or blob in the query is larger than the 1 MiB a SQLite datasource allows",
            "{statement}"
        );
    }
    let after = connectors
        .lookup(&config, &source, &sql("SELECT length(zeroblob(1000))", &[]))
        .await;
    assert_eq!(first_row(after.unwrap()), Some(vec![json!(1000)]));
}

#[tokio::test]
async fn a_tenant_cannot_reach_another_tenants_file_by_any_path() {
    let files = Files::new().await;
    let connectors = files.connectors();
    let other = TenantId::generate();
    let other_dir = files.root.join(other.to_string());
    std::fs::create_dir_all(&other_dir).unwrap();
    // The owner reads its own file.
    let own = files.config("crm/customers.db", 2_000);
    let count = "SELECT count(*) FROM customers";
    assert_eq!(
        first_row(
            connectors
                .lookup(&own, &datasource(&own), &sql(count, &[]))
                .await
                .unwrap()
        ),
        Some(vec![json!(2)])
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        files
            .root
            .join(files.tenant.to_string())
            .join("crm/customers.db"),
        other_dir.join("link.db"),
    )
    .unwrap();
    let theirs = format!("{}/crm/customers.db", files.tenant);
    for (path, says) in [
        // Relative to the other tenant's own directory: nothing there.
        (theirs.clone(), "does not exist"),
        (format!("../{theirs}"), "is outside"),
        (format!("sqlite:../{theirs}"), "is outside"),
        (
            files.root.join(&theirs).to_string_lossy().into_owned(),
            "must be relative",
        ),
        #[cfg(unix)]
        ("link.db".to_owned(), "is outside"),
    ] {
        let config = files.config_of(other, &path, 2_000);
        let message = assert_kind(
            connectors
                .lookup(&config, &datasource(&config), &sql(count, &[]))
                .await,
            LookupErrorKind::Config,
        );
        assert!(message.contains(says), "{path}: {message}");
    }
    // A tenant with no directory yet is told its file is missing.
    let newcomer = files.config_of(TenantId::generate(), "crm/customers.db", 2_000);
    let message = assert_kind(
        connectors
            .lookup(&newcomer, &datasource(&newcomer), &sql(count, &[]))
            .await,
        LookupErrorKind::Config,
    );
    assert_eq!(message, "the SQLite file `crm/customers.db` does not exist");
}
