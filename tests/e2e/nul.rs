//! A NUL character (U+0000) in text: refused as BAD_USER_INPUT naming the
//! field, whether sent in variables or inline, on every database; an email
//! to route is routed, and what is stored of it has U+FFFD in its place.

use serde_json::{Value, json};
use trellis_tests::{Response, Session, TestApp, on_every_backend};

use crate::routing_support::{CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT, ROUTE_EMAIL};

on_every_backend! {
    a_nul_in_an_intent_description_is_refused_by_name => a_nul_in_an_intent_description_is_refused_by_name;
    a_nul_in_a_sign_up_name_is_refused_and_nobody_is_created => a_nul_in_a_sign_up_name_is_refused_and_nobody_is_created;
    a_nul_in_a_tenant_name_is_refused => a_nul_in_a_tenant_name_is_refused;
    a_nul_in_a_filter_or_a_role_is_refused => a_nul_in_a_filter_or_a_role_is_refused;
    an_email_with_nul_is_routed_and_stored_with_a_replacement_character => an_email_with_nul_is_routed_and_stored_with_a_replacement_character;
    a_csv_with_nul_is_refused_naming_the_file => a_csv_with_nul_is_refused_naming_the_file;
}

fn assert_refused(response: &Response, fields: &[&str]) {
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    assert_eq!(response.bad_fields(), fields, "{:?}", response.body);
    assert!(
        response.message().contains("NUL"),
        "the message says what is wrong: {:?}",
        response.body
    );
}

async fn intent_names(app: &TestApp, session: &Session) -> Vec<Value> {
    let data = app
        .gql(
            "{ intents { edges { node { name } } } }",
            json!({}),
            Some(&session.access_token),
        )
        .await
        .ok();
    data["intents"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|edge| edge["node"]["name"].clone())
        .collect()
}

async fn a_nul_in_an_intent_description_is_refused_by_name(app: TestApp) {
    let (owner, _) = app
        .owner_of("ada@nul-intent.test", "nul-intent", "PRO")
        .await;
    let token = Some(owner.access_token.as_str());
    let by_variable = app
        .gql(
            CREATE_INTENT,
            json!({ "input": { "name": "Support", "description": "a\u{0}b", "priority": 1 } }),
            token,
        )
        .await;
    assert_refused(&by_variable, &["description"]);

    let inline = app
        .gql(
            r#"mutation { createIntent(input: {
                name: "Support", description: "a\u0000b", priority: 1
            }) { intent { id } } }"#,
            json!({}),
            token,
        )
        .await;
    assert_refused(&inline, &["description"]);

    // A variable inside an inline object is named by where it is used.
    let nested = app
        .gql(
            "mutation($d: String) { createIntent(input: {
                name: \"Support\", description: $d, priority: 1 }) { intent { id } } }",
            json!({ "d": "\u{0}" }),
            token,
        )
        .await;
    assert_refused(&nested, &["description"]);

    assert!(intent_names(&app, &owner).await.is_empty());
    // The same intent without the NUL is fine.
    app.gql(
        CREATE_INTENT,
        json!({ "input": { "name": "Support", "description": "ab", "priority": 1 } }),
        token,
    )
    .await
    .ok();
}

async fn a_nul_in_a_sign_up_name_is_refused_and_nobody_is_created(app: TestApp) {
    let by_variable = app
        .gql(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
            json!({ "input": { "email": "ada@nul-signup.test", "password": "correct-horse-9", "name": "Ada\u{0}" } }),
            None,
        )
        .await;
    assert_refused(&by_variable, &["name"]);
    let inline = app
        .gql(
            r#"mutation { signUp(input: {
                email: "ada@nul-signup.test", password: "correct-horse-9", name: "\u0000"
            }) { accessToken } }"#,
            json!({}),
            None,
        )
        .await;
    assert_refused(&inline, &["name"]);
    // Nothing was written: the address is still free.
    app.sign_up("ada@nul-signup.test").await;
}

async fn a_nul_in_a_tenant_name_is_refused(app: TestApp) {
    let session = app.sign_up("ada@nul-tenant.test").await;
    let token = Some(session.access_token.as_str());
    let by_variable = app
        .gql(
            "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }",
            json!({ "input": { "name": "Acme\u{0}", "slug": "nul-tenant", "plan": "FREE" } }),
            token,
        )
        .await;
    assert_refused(&by_variable, &["name"]);
    let inline = app
        .gql(
            r#"mutation { createTenant(input: { name: "Acme\u0000", slug: "nul-tenant", plan: FREE }) { tenant { id } } }"#,
            json!({}),
            token,
        )
        .await;
    assert_refused(&inline, &["name"]);
    // The slug was not taken.
    app.create_tenant(&session, "nul-tenant", "FREE").await;
}

async fn a_nul_in_a_filter_or_a_role_is_refused(app: TestApp) {
    let (owner, _) = app
        .owner_of("ada@nul-filter.test", "nul-filter", "PRO")
        .await;
    let token = Some(owner.access_token.as_str());
    let by_variable = app
        .gql(
            "query($filter: IntentFilter) { intents(filter: $filter) { edges { node { id } } } }",
            json!({ "filter": { "text": "sup\u{0}" } }),
            token,
        )
        .await;
    assert_refused(&by_variable, &["filter.text"]);
    let inline = app
        .gql(
            r#"{ intents(filter: { text: "sup\u0000" }) { edges { node { id } } } }"#,
            json!({}),
            token,
        )
        .await;
    assert_refused(&inline, &["filter.text"]);

    let role = app
        .invite(&owner, "grace@nul-filter.test", "MEMBER\u{0}")
        .await;
    assert_refused(&role, &["role"]);
    let inline_role = app
        .gql(
            r#"mutation { inviteMember(input: { email: "grace@nul-filter.test", role: "\u0000" }) { token } }"#,
            json!({}),
            token,
        )
        .await;
    assert_refused(&inline_role, &["role"]);
    // Grace can still be invited: nothing was written.
    app.invite(&owner, "grace@nul-filter.test", "MEMBER")
        .await
        .ok();
}

const RUNS: &str = "{ routingRuns(first: 10) { edges { node {
    outcome intentName email { from subject messageId } results { outcome detail } } } } }";

async fn stored_runs(app: &TestApp, session: &Session) -> Vec<Value> {
    let data = app
        .gql(RUNS, json!({}), Some(&session.access_token))
        .await
        .ok();
    data["routingRuns"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|edge| edge["node"].clone())
        .collect()
}

async fn an_email_with_nul_is_routed_and_stored_with_a_replacement_character(app: TestApp) {
    let (owner, _) = app.owner_of("ada@nul-route.test", "nul-route", "PRO").await;
    let token = Some(owner.access_token.as_str());
    app.gql(
        CREATE_INTENT,
        json!({ "input": {
            "name": "Orders", "priority": 1,
            "matchers": [{ "field": "SUBJECT", "operator": "CONTAINS", "value": "order" }],
        } }),
        token,
    )
    .await
    .ok();

    let by_message = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "message": {
                "from": "grace@example.com",
                "to": ["support@acme.test"],
                "subject": "order\u{0}42",
                "body": "where\u{0}is it?",
                "messageId": "<a\u{0}@example.com>",
                "headers": [{ "name": "X-Note", "value": "\u{0}" }],
                "fields": { "orderId": "4\u{0}2" },
            } } }),
            token,
        )
        .await
        .ok();
    let decision = &by_message["routeEmail"]["decision"];
    assert_eq!(decision["intent"]["name"], "Orders", "{decision}");
    assert_eq!(decision["email"]["subject"], "order\u{FFFD}42");
    assert_eq!(decision["email"]["messageId"], "<a\u{FFFD}@example.com>");

    let raw = "From: grace@example.com\r\nTo: support@acme.test\r\nSubject: order\u{0} 7\r\n\r\nbody\u{0}\r\n";
    let inline = app
        .gql(
            &format!(
                "mutation {{ routeEmail(input: {{ raw: {} }}) {{ decision {{ outcome intentName }} }} }}",
                serde_json::to_string(raw).expect("a GraphQL string literal")
            ),
            json!({}),
            token,
        )
        .await
        .ok();
    assert_eq!(inline["routeEmail"]["decision"]["intentName"], "Orders");

    let runs = stored_runs(&app, &owner).await;
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert_eq!(runs[0]["email"]["subject"], "order\u{FFFD} 7");
    assert_eq!(runs[1]["email"]["subject"], "order\u{FFFD}42");
    assert!(
        !serde_json::to_string(&runs).unwrap().contains("\\u0000"),
        "{runs:?}"
    );
}

async fn a_csv_with_nul_is_refused_naming_the_file(app: TestApp) {
    let (owner, _) = app.owner_of("ada@nul-csv.test", "nul-csv", "PRO").await;
    let token = Some(owner.access_token.as_str());
    app.gql(
        CREATE_CONFIG,
        json!({ "input": { "name": "uploads", "protocol": "FILE" } }),
        token,
    )
    .await
    .ok();
    for (name, csv) in [
        ("header.csv", &b"email,pl\0an\nada@example.com,pro\n"[..]),
        ("row.csv", &b"email,plan\nada@example.com,pro\0\n"[..]),
    ] {
        let refused = app
            .gql_upload(
                CREATE_DATASOURCE,
                json!({ "input": { "name": name, "kind": "FILE", "connectionKey": "uploads", "file": null } }),
                "variables.input.file",
                (name, csv),
                token,
            )
            .await;
        assert_refused(&refused, &["file"]);
    }
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
