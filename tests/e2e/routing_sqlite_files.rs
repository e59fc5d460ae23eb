//! SQLite datasource files: each tenant's paths are relative to a directory
//! of its own, so no path a tenant can write reaches another tenant's file.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::routing_support::{CREATE_CONFIG, CUSTOMERS_DB, customers_database, id_at};

on_every_backend! {
    a_tenant_cannot_open_another_tenants_sqlite_file => a_tenant_cannot_open_another_tenants_sqlite_file;
}

const TEST_CONFIG: &str = "mutation($id: ID!) { testDatasourceConfig(id: $id) { ok error } }";

/// Creates a SQLITE config at `path` and tests it.
async fn test_path(app: &TestApp, session: &Session, name: &str, path: &str) -> Value {
    let token = Some(session.access_token.as_str());
    let created = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": { "name": name, "protocol": "SQLITE", "baseUrl": path } }),
            token,
        )
        .await
        .ok();
    let id = id_at(&created, "/createDatasourceConfig/datasourceConfig/id");
    app.gql(TEST_CONFIG, json!({ "id": id }), token).await.ok()["testDatasourceConfig"].clone()
}

async fn a_tenant_cannot_open_another_tenants_sqlite_file(app: TestApp) {
    let (a, a_tenant) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    customers_database(&app, &a).await;
    assert!(
        app.tenant_files_dir(&a).join(CUSTOMERS_DB).is_file(),
        "A's file is in A's directory"
    );
    let own = test_path(&app, &a, "crm", CUSTOMERS_DB).await;
    assert_eq!(own, json!({ "ok": true, "error": null }));

    // B names A's file relative to B's own directory: there is no such file.
    for (name, path) in [
        ("same", CUSTOMERS_DB.to_owned()),
        ("prefixed", format!("{a_tenant}/{CUSTOMERS_DB}")),
    ] {
        let answer = test_path(&app, &b, name, &path).await;
        assert_eq!(
            answer,
            json!({ "ok": false, "error": format!("the SQLite file `{path}` does not exist") }),
            "{path}"
        );
    }
    // Leaving B's directory is refused before anything is stored.
    for path in [
        format!("../{a_tenant}/{CUSTOMERS_DB}"),
        app.tenant_files_dir(&a)
            .join(CUSTOMERS_DB)
            .to_string_lossy()
            .into_owned(),
    ] {
        let refused = app
            .gql(
                CREATE_CONFIG,
                json!({ "input": { "name": "escape", "protocol": "SQLITE", "baseUrl": path } }),
                Some(&b.access_token),
            )
            .await;
        assert_eq!(
            refused.code(),
            Some("BAD_USER_INPUT"),
            "{path}: {:?}",
            refused.body
        );
    }
}
