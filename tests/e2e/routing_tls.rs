//! The TLS mode of SQL datasource configs: VERIFY_FULL unless said, only
//! for POSTGRESQL and MYSQL, changeable, and in the audit trail.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

on_every_backend! {
    sql_configs_verify_by_default_and_say_how_they_connect => sql_configs_verify_by_default_and_say_how_they_connect;
}

const CREATE: &str = "mutation($input: CreateDatasourceConfigInput!) {
    createDatasourceConfig(input: $input) { datasourceConfig { id protocol tlsMode } } }";

const UPDATE: &str = "mutation($input: UpdateDatasourceConfigInput!) {
    updateDatasourceConfig(input: $input) { datasourceConfig { id tlsMode } } }";

async fn sql_configs_verify_by_default_and_say_how_they_connect(app: TestApp) {
    let (owner, _) = app.owner_of("owner@tls.test", "tls", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let created = app
        .gql(
            CREATE,
            json!({ "input": { "name": "crm", "protocol": "POSTGRESQL",
                "baseUrl": "postgres://db.example.com:5432/crm" } }),
            token,
        )
        .await
        .ok();
    let config = &created["createDatasourceConfig"]["datasourceConfig"];
    assert_eq!(config["tlsMode"], "VERIFY_FULL");
    let id = config["id"].as_str().unwrap().to_owned();

    let mysql = app
        .gql(
            CREATE,
            json!({ "input": { "name": "shop", "protocol": "MYSQL",
                "baseUrl": "mysql://db.example.com/shop", "tlsMode": "REQUIRE" } }),
            token,
        )
        .await
        .ok();
    assert_eq!(
        mysql["createDatasourceConfig"]["datasourceConfig"]["tlsMode"],
        "REQUIRE"
    );

    // A SQLite file has no connection to encrypt: saying a mode is an error,
    // and nothing is created.
    let refused = app
        .gql(
            CREATE,
            json!({ "input": { "name": "local", "protocol": "SQLITE",
                "baseUrl": "crm.db", "tlsMode": "REQUIRE" } }),
            token,
        )
        .await;
    assert_eq!(refused.code(), Some("BAD_USER_INPUT"), "{:?}", refused.body);
    assert!(
        refused.body.to_string().contains("tlsMode")
            && refused
                .message()
                .contains("applies only to POSTGRESQL and MYSQL"),
        "{:?}",
        refused.body
    );
    let sqlite = app
        .gql(
            CREATE,
            json!({ "input": { "name": "local", "protocol": "SQLITE", "baseUrl": "crm.db" } }),
            token,
        )
        .await
        .ok();
    assert_eq!(
        sqlite["createDatasourceConfig"]["datasourceConfig"]["tlsMode"],
        json!(null)
    );

    let updated = app
        .gql(
            UPDATE,
            json!({ "input": { "id": id, "tlsMode": "DISABLE" } }),
            token,
        )
        .await
        .ok();
    assert_eq!(
        updated["updateDatasourceConfig"]["datasourceConfig"]["tlsMode"],
        "DISABLE"
    );
    let read = app
        .gql(
            "{ datasourceConfigs { edges { node { name tlsMode } } } }",
            json!({}),
            token,
        )
        .await
        .ok();
    let modes: Vec<_> = read["datasourceConfigs"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["node"]["name"].clone(), e["node"]["tlsMode"].clone()))
        .collect();
    assert!(
        modes.contains(&(json!("crm"), json!("DISABLE"))),
        "{modes:?}"
    );
    assert!(
        modes.contains(&(json!("shop"), json!("REQUIRE"))),
        "{modes:?}"
    );

    let log = app
        .gql(
            "{ auditLog(first: 10) { edges { node { action before after } } } }",
            json!({}),
            token,
        )
        .await
        .ok();
    let change = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .find(|n| n["action"] == "datasource_config.updated")
        .expect("the update is audited");
    assert_eq!(change["before"]["tlsMode"], "VERIFY_FULL");
    assert_eq!(change["after"]["tlsMode"], "DISABLE");
}
