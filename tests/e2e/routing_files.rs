//! FILE datasources: a CSV uploaded with the GraphQL multipart request
//! spec, routed against, and replaced.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

use crate::routing_support::{
    CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT_WITH_RULES, id_at, outcomes, raw_email, route,
};

on_every_backend! {
    a_csv_is_uploaded_routed_against_and_replaced => a_csv_is_uploaded_routed_against_and_replaced;
    a_bad_csv_is_refused_naming_the_file => a_bad_csv_is_refused_naming_the_file;
}

const CUSTOMERS_CSV: &[u8] = b"email,plan\nada@example.com,pro\nbob@example.com,free\n";

async fn a_csv_is_uploaded_routed_against_and_replaced(app: TestApp) {
    let (owner, _) = app.owner_of("owner@files.test", "files", "PRO").await;
    let token = Some(owner.access_token.as_str());
    app.gql(
        CREATE_CONFIG,
        json!({ "input": { "name": "uploads", "protocol": "FILE" } }),
        token,
    )
    .await
    .ok();

    let created = app
        .gql_upload(
            CREATE_DATASOURCE,
            json!({ "input": {
                "name": "Customer list",
                "kind": "FILE",
                "connectionKey": "uploads",
                "file": null,
            } }),
            "variables.input.file",
            ("customers.csv", CUSTOMERS_CSV),
            token,
        )
        .await
        .ok();
    let datasource = &created["createDatasource"]["datasource"];
    assert_eq!(datasource["kind"], "FILE");
    assert_eq!(datasource["connectionKey"], "uploads");
    assert_eq!(
        datasource["file"],
        json!({
            "filename": "customers.csv",
            "sizeBytes": CUSTOMERS_CSV.len(),
            "rowCount": 2,
            "columns": ["email", "plan"],
        })
    );
    let datasource_id = id_at(&created, "/createDatasource/datasource/id");

    app.gql(
        CREATE_INTENT_WITH_RULES,
        json!({ "input": {
            "intent": {
                "name": "Customer mail",
                "matchers": [{ "field": "TO", "operator": "EQUALS", "value": "support@acme.test" }],
            },
            "rules": [
                {
                    "datasourceId": datasource_id,
                    "fieldName": "from",
                    "ruleType": "EXISTS",
                    "conditions": { "column": "email" },
                },
                {
                    "datasourceId": datasource_id,
                    "fieldName": "from",
                    "ruleType": "EQUALS",
                    "conditions": { "column": "email", "returnColumn": "plan", "expected": "pro" },
                },
            ],
        } }),
        token,
    )
    .await
    .ok();

    let ada = raw_email("ada@example.com", "support@acme.test", "Hello", "A-1");
    let decision = route(&app, &owner, &ada).await;
    assert_eq!(decision["outcome"], "PASSED", "{decision}");
    assert_eq!(outcomes(&decision), ["PASSED", "PASSED"]);
    let bob = route(
        &app,
        &owner,
        &raw_email("bob@example.com", "support@acme.test", "Hello", "B-1"),
    )
    .await;
    assert_eq!(outcomes(&bob), ["PASSED", "FAILED"]);

    // A new upload replaces the file; routing reads the new one.
    let replaced = app
        .gql_upload(
            "mutation($input: UpdateDatasourceInput!) { updateDatasource(input: $input) {
                datasource { file { filename rowCount } } } }",
            json!({ "input": { "id": datasource_id, "file": null } }),
            "variables.input.file",
            ("customers-v2.csv", b"email,plan\nbob@example.com,pro\n"),
            token,
        )
        .await
        .ok();
    assert_eq!(
        replaced["updateDatasource"]["datasource"]["file"],
        json!({ "filename": "customers-v2.csv", "rowCount": 1 })
    );
    let decision = route(&app, &owner, &ada).await;
    assert_eq!(outcomes(&decision), ["FAILED", "FAILED"], "{decision}");
}

async fn a_bad_csv_is_refused_naming_the_file(app: TestApp) {
    let (owner, _) = app.owner_of("owner@badcsv.test", "badcsv", "PRO").await;
    let token = Some(owner.access_token.as_str());
    app.gql(
        CREATE_CONFIG,
        json!({ "input": { "name": "uploads", "protocol": "FILE" } }),
        token,
    )
    .await
    .ok();
    let refused = app
        .gql_upload(
            CREATE_DATASOURCE,
            json!({ "input": { "name": "Ragged", "kind": "FILE", "connectionKey": "uploads", "file": null } }),
            "variables.input.file",
            ("ragged.csv", b"email,plan\nada@example.com\n"),
            token,
        )
        .await;
    assert_eq!(refused.code(), Some("BAD_USER_INPUT"), "{:?}", refused.body);
    assert_eq!(refused.bad_fields(), ["file"]);
    let list = app
        .gql(
            "{ datasources { edges { node { id } } } }",
            json!({}),
            token,
        )
        .await
        .ok();
    assert_eq!(list["datasources"]["edges"], json!([]));
}
