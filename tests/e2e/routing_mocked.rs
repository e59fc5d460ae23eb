//! Routing over the real store with a mocked connector, for datasource
//! answers a real one will not give on demand (a timeout, an exact count of
//! lookups).

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use trellis_datasources::ports::MockConnector;
use trellis_datasources::{LookupError, LookupErrorKind, LookupResult, TimedAnswer};
use trellis_tests::TestApp;

use crate::routing_support::{
    CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT_WITH_RULES, ROUTE_EMAIL, id_at,
};

async fn api_routing(app: &TestApp, token: &str) -> String {
    let config = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": { "name": "crm-api", "protocol": "HTTP", "baseUrl": "https://crm.example.com" } }),
            Some(token),
        )
        .await
        .ok();
    app.gql(
        CREATE_DATASOURCE,
        json!({ "input": { "name": "CRM", "kind": "API", "connectionKey": "crm-api" } }),
        Some(token),
    )
    .await
    .ok();
    let datasources = app
        .gql(
            "{ datasources { edges { node { id } } } }",
            json!({}),
            Some(token),
        )
        .await
        .ok();
    let datasource = id_at(&datasources, "/datasources/edges/0/node/id");
    app.gql(
        CREATE_INTENT_WITH_RULES,
        json!({ "input": {
            "intent": { "name": "All mail", "matchers": [{ "field": "FROM", "operator": "CONTAINS", "value": "@" }] },
            "rules": [
                { "datasourceId": datasource, "fieldName": "from", "ruleType": "EXISTS",
                  "priority": 2, "conditions": { "path": "/customers/{from}" } },
                { "datasourceId": datasource, "fieldName": "from", "ruleType": "EXISTS",
                  "priority": 1, "conditions": { "path": "/vip/{from}" } },
            ],
        } }),
        Some(token),
    )
    .await
    .ok();
    id_at(&config, "/createDatasourceConfig/datasourceConfig/id")
}

#[tokio::test]
async fn a_timed_out_lookup_is_an_error_result_and_the_other_rules_still_run() {
    let mut connector = MockConnector::new();
    let mut calls = 0;
    connector
        .expect_lookup_all()
        .times(2)
        .returning(move |_, _, _| {
            calls += 1;
            let result = if calls == 1 {
                Err(LookupError::new(
                    LookupErrorKind::Timeout,
                    "the API did not answer within 2000 ms",
                ))
            } else {
                Ok(LookupResult::Http {
                    status: 200,
                    body: Some(json!({ "vip": true })),
                })
            };
            vec![TimedAnswer {
                result,
                took: Duration::from_millis(1),
            }]
        });
    let app = TestApp::sqlite_with_connector(Arc::new(connector)).await;
    let (owner, _) = app.owner_of("owner@mocked.test", "mocked", "PRO").await;
    api_routing(&app, &owner.access_token).await;

    // Refused input never reaches the connector (it expects two calls only).
    let refused = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "raw": "not an email" } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(refused.code(), Some("BAD_USER_INPUT"), "{:?}", refused.body);

    let decision = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "message": { "from": "ada@example.com", "subject": "Hi" } } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let decision = &decision["routeEmail"]["decision"];
    assert_eq!(decision["outcome"], "ERROR", "{decision}");
    assert_eq!(decision["results"][0]["outcome"], "ERROR");
    assert_eq!(
        decision["results"][0]["detail"],
        "datasource `CRM`: the API did not answer within 2000 ms"
    );
    assert_eq!(decision["results"][1]["outcome"], "PASSED");
}

#[tokio::test]
async fn a_datasource_error_quoting_a_nul_is_stored_with_a_replacement_character() {
    // A datasource's error may quote what it was sent or holds, NUL and all.
    let mut connector = MockConnector::new();
    connector.expect_lookup_all().times(2).returning(|_, _, _| {
        vec![TimedAnswer {
            result: Err(LookupError::new(LookupErrorKind::Query, "bad value 'a\0b'")),
            took: Duration::from_millis(1),
        }]
    });
    let app = TestApp::sqlite_with_connector(Arc::new(connector)).await;
    let (owner, _) = app
        .owner_of("owner@nul-error.test", "nul-error", "PRO")
        .await;
    api_routing(&app, &owner.access_token).await;

    let decision = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "message": { "from": "ada@example.com", "subject": "Hi" } } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let expected = "datasource `CRM`: bad value 'a\u{FFFD}b'";
    let decision = &decision["routeEmail"]["decision"];
    assert_eq!(decision["results"][0]["detail"], expected, "{decision}");
    let runs = app
        .gql(
            "{ routingRuns { edges { node { results { detail } } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(
        runs["routingRuns"]["edges"][0]["node"]["results"][0]["detail"],
        expected
    );
}

#[tokio::test]
async fn testing_a_config_reports_the_probe_and_changing_it_drops_its_pool() {
    let mut connector = MockConnector::new();
    connector.expect_probe().times(1).returning(|_| {
        Err(LookupError::new(
            LookupErrorKind::Unreachable,
            "could not connect to crm.example.com:443",
        ))
    });
    // Once for the update, once for the delete.
    connector.expect_evict().times(2).return_const(());
    let app = TestApp::sqlite_with_connector(Arc::new(connector)).await;
    let (owner, _) = app.owner_of("owner@probe.test", "probe", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let config = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": { "name": "crm-api", "protocol": "HTTP", "baseUrl": "https://crm.example.com" } }),
            token,
        )
        .await
        .ok();
    let id = id_at(&config, "/createDatasourceConfig/datasourceConfig/id");

    let test = app
        .gql(
            "mutation($id: ID!) { testDatasourceConfig(id: $id) { ok latencyMs error } }",
            json!({ "id": id }),
            token,
        )
        .await
        .ok();
    assert_eq!(test["testDatasourceConfig"]["ok"], false);
    assert_eq!(
        test["testDatasourceConfig"]["error"],
        "could not connect to crm.example.com:443"
    );
    assert!(test["testDatasourceConfig"]["latencyMs"].as_f64().is_some());

    app.gql(
        "mutation($input: UpdateDatasourceConfigInput!) { updateDatasourceConfig(input: $input) {
            datasourceConfig { baseUrl } } }",
        json!({ "input": { "id": id, "baseUrl": "https://crm2.example.com" } }),
        token,
    )
    .await
    .ok();
    app.gql(
        "mutation($input: DeleteDatasourceConfigInput!) { deleteDatasourceConfig(input: $input) { deletedId } }",
        json!({ "input": { "id": id } }),
        token,
    )
    .await
    .ok();
}
