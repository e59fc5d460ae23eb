//! Who may do what in Routing, and credentials that never come back out.

use serde_json::{Value, json};
use trellis_tests::{TestApp, on_every_backend};

use crate::routing_support::{
    CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT, CREATE_RULE, ROUTE_EMAIL, id_at, sql_routing,
};

on_every_backend! {
    viewers_read_members_route_and_admins_manage_configs => viewers_read_members_route_and_admins_manage_configs;
    credentials_never_come_back_nor_reach_the_audit_log => credentials_never_come_back_nor_reach_the_audit_log;
}

async fn viewers_read_members_route_and_admins_manage_configs(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@roles.test", "roles", "PRO").await;
    let setup = sql_routing(&app, &owner).await;
    let viewer = app
        .join(&owner, &tenant, "viewer@roles.test", "VIEWER")
        .await;
    let member = app
        .join(&owner, &tenant, "member@roles.test", "MEMBER")
        .await;
    let admin = app.join(&owner, &tenant, "admin@roles.test", "ADMIN").await;

    // A viewer reads everything but changes nothing.
    let read = app
        .gql(
            "query($id: ID!) { intents { edges { node { name rules { fieldName } } } }
                datasources { edges { node { name connectionKey } } }
                datasourceConfigs { edges { node { name } } }
                intent(id: $id) { name }
                routingRuns { edges { node { id } } } }",
            json!({ "id": setup.intent_id }),
            Some(&viewer.access_token),
        )
        .await
        .ok();
    assert_eq!(read["intent"]["name"], "Order question");
    assert_eq!(
        read["datasources"]["edges"][0]["node"]["connectionKey"],
        "crm"
    );
    let create = |name: &str| json!({ "input": { "name": name } });
    let refused = app
        .gql(
            CREATE_INTENT,
            create("Viewer's"),
            Some(&viewer.access_token),
        )
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
    let route = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "message": { "from": "ada@example.com", "subject": "order" } } }),
            Some(&viewer.access_token),
        )
        .await;
    assert_eq!(route.code(), Some("FORBIDDEN"), "{:?}", route.body);

    // A member manages intents, rules and datasources and routes email...
    let intent = app
        .gql(
            CREATE_INTENT,
            create("Member's"),
            Some(&member.access_token),
        )
        .await
        .ok();
    let intent_id = id_at(&intent, "/createIntent/intent/id");
    app.gql(
        CREATE_RULE,
        json!({ "input": {
            "intentId": intent_id, "datasourceId": setup.datasource_id, "fieldName": "from",
            "ruleType": "EXISTS",
            "conditions": { "query": "SELECT 1 FROM customers WHERE email = ?", "params": ["from"] },
        } }),
        Some(&member.access_token),
    )
    .await
    .ok();
    app.gql(
        CREATE_DATASOURCE,
        json!({ "input": { "name": "Customers again", "kind": "DATABASE", "connectionKey": "crm" } }),
        Some(&member.access_token),
    )
    .await
    .ok();
    let routed = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "message": { "from": "ada@example.com", "subject": "order",
                "headers": [{ "name": "X-Order-Id", "value": "A-42" }] } } }),
            Some(&member.access_token),
        )
        .await
        .ok();
    assert_eq!(routed["routeEmail"]["decision"]["outcome"], "PASSED");

    // ...but not the configs that hold credentials.
    let config =
        json!({ "input": { "name": "other", "protocol": "SQLITE", "baseUrl": "other.db" } });
    let refused = app
        .gql(CREATE_CONFIG, config.clone(), Some(&member.access_token))
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
    let refused = app
        .gql(
            "mutation($id: ID!) { testDatasourceConfig(id: $id) { ok } }",
            json!({ "id": setup.config_id }),
            Some(&member.access_token),
        )
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);

    let created = app
        .gql(CREATE_CONFIG, config, Some(&admin.access_token))
        .await
        .ok();
    assert_eq!(
        created["createDatasourceConfig"]["datasourceConfig"]["name"],
        "other"
    );
}

const PASSWORD: &str = "hunter2-correct-horse";
const NEW_PASSWORD: &str = "battery-staple-s3cond";
const TOKEN: &str = "bearer-token-abcdef-123";

async fn credentials_never_come_back_nor_reach_the_audit_log(app: TestApp) {
    let (owner, _) = app.owner_of("owner@secrets.test", "secrets", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let leaks = |value: &Value| {
        let text = value.to_string();
        [PASSWORD, NEW_PASSWORD, TOKEN]
            .iter()
            .any(|secret| text.contains(secret))
    };

    let created = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": {
                "name": "billing-db",
                "protocol": "POSTGRESQL",
                "baseUrl": "postgres://db.billing.test:5432/billing",
                "authType": "BASIC",
                "authConfig": { "username": "reader", "password": PASSWORD },
            } }),
            token,
        )
        .await;
    assert!(!leaks(&created.body), "{}", created.body);
    let created = created.ok();
    let config = &created["createDatasourceConfig"]["datasourceConfig"];
    assert_eq!(config["hasCredentials"], true);
    assert_eq!(config["authType"], "BASIC");
    let config_id = id_at(&created, "/createDatasourceConfig/datasourceConfig/id");

    let updated = app
        .gql(
            "mutation($input: UpdateDatasourceConfigInput!) { updateDatasourceConfig(input: $input) {
                datasourceConfig { hasCredentials authType } } }",
            json!({ "input": { "id": config_id, "authConfig": { "username": "reader", "password": NEW_PASSWORD } } }),
            token,
        )
        .await;
    assert!(!leaks(&updated.body), "{}", updated.body);
    assert_eq!(
        updated.ok()["updateDatasourceConfig"]["datasourceConfig"]["hasCredentials"],
        true
    );
    let api = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": {
                "name": "crm-api", "protocol": "HTTP", "baseUrl": "https://crm.example.com/v1",
                "authType": "BEARER", "authConfig": { "token": TOKEN },
            } }),
            token,
        )
        .await;
    assert!(!leaks(&api.body), "{}", api.body);

    let read = app
        .gql(
            "query($id: ID!) { datasourceConfig(id: $id) { name hasCredentials connection baseUrl }
                datasourceConfigs { edges { node { name authType hasCredentials connection } } } }",
            json!({ "id": config_id }),
            token,
        )
        .await
        .ok();
    assert!(!leaks(&read), "{read}");
    assert_eq!(read["datasourceConfig"]["hasCredentials"], true);
    assert_eq!(read["datasourceConfig"]["connection"]["poolSize"], 4);

    let log = app
        .gql(
            "{ auditLog(first: 100) { edges { node { action before after } } } }",
            json!({}),
            token,
        )
        .await
        .ok();
    assert!(!leaks(&log), "{log}");
    let entries: Vec<&Value> = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .filter(|n| {
            n["action"]
                .as_str()
                .is_some_and(|a| a.starts_with("datasource_config."))
        })
        .collect();
    let actions: Vec<_> = entries
        .iter()
        .map(|n| n["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "datasource_config.created",
            "datasource_config.updated",
            "datasource_config.created"
        ]
    );
    for entry in entries {
        assert_eq!(entry["after"]["hasCredentials"], true, "{entry}");
    }
}
