//! Bad Routing input is BAD_USER_INPUT naming the field as the client
//! spelled it, or CONFLICT for a taken name; nothing is written.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

use crate::routing_support::{
    CREATE_CONFIG, CREATE_INTENT, CREATE_RULE, ROUTE_EMAIL, id_at, sql_routing,
};

on_every_backend! {
    rules_with_bad_sql_or_fields_are_refused_naming_them => rules_with_bad_sql_or_fields_are_refused_naming_them;
    intents_with_taken_names_or_bad_matchers_are_refused => intents_with_taken_names_or_bad_matchers_are_refused;
    route_email_needs_exactly_one_email => route_email_needs_exactly_one_email;
    configs_with_bad_addresses_or_credentials_are_refused_naming_them => configs_with_bad_addresses_or_credentials_are_refused_naming_them;
}

async fn rules_with_bad_sql_or_fields_are_refused_naming_them(app: TestApp) {
    let (owner, _) = app.owner_of("owner@rules.test", "rules", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let setup = sql_routing(&app, &owner).await;
    let rule = |field: &str, query: &str| {
        json!({ "input": {
            "intentId": setup.intent_id, "datasourceId": setup.datasource_id,
            "fieldName": field, "ruleType": "EXISTS",
            "conditions": { "query": query, "params": ["from"] },
        } })
    };

    let delete = app
        .gql(
            CREATE_RULE,
            rule("from", "DELETE FROM customers WHERE email = ?"),
            token,
        )
        .await;
    assert_eq!(delete.code(), Some("BAD_USER_INPUT"), "{:?}", delete.body);
    assert_eq!(delete.bad_fields(), ["conditions.query"]);

    let unknown = app
        .gql(
            CREATE_RULE,
            rule("sender", "SELECT 1 FROM customers WHERE email = ?"),
            token,
        )
        .await;
    assert_eq!(unknown.code(), Some("BAD_USER_INPUT"), "{:?}", unknown.body);
    assert_eq!(unknown.bad_fields(), ["fieldName"]);

    let bad_id = app
        .gql(
            CREATE_RULE,
            json!({ "input": {
                "intentId": "not-an-id", "datasourceId": setup.datasource_id,
                "fieldName": "from", "ruleType": "EXISTS", "conditions": {},
            } }),
            token,
        )
        .await;
    assert_eq!(bad_id.code(), Some("BAD_USER_INPUT"), "{:?}", bad_id.body);
    assert_eq!(bad_id.bad_fields(), ["intentId"]);

    let rules = app
        .gql(
            "query($id: ID!) { intent(id: $id) { rules { id } } }",
            json!({ "id": setup.intent_id }),
            token,
        )
        .await
        .ok();
    assert_eq!(rules["intent"]["rules"].as_array().unwrap().len(), 2);

    // Reordering names every rule, once.
    let reorder = "mutation($input: ReorderValidationRulesInput!) {
        reorderValidationRules(input: $input) { rules { id priority } } }";
    let twice = app
        .gql(
            reorder,
            json!({ "input": { "intentId": setup.intent_id, "ruleIds": [setup.rule_ids[0], setup.rule_ids[0]] } }),
            token,
        )
        .await;
    assert_eq!(twice.bad_fields(), ["ruleIds[1]"], "{:?}", twice.body);
    let reversed: Vec<_> = setup.rule_ids.iter().rev().cloned().collect();
    let reordered = app
        .gql(
            reorder,
            json!({ "input": { "intentId": setup.intent_id, "ruleIds": reversed } }),
            token,
        )
        .await
        .ok();
    let ids: Vec<_> = reordered["reorderValidationRules"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, reversed);
}

async fn intents_with_taken_names_or_bad_matchers_are_refused(app: TestApp) {
    let (owner, _) = app.owner_of("owner@intents.test", "intents", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let created = app
        .gql(
            CREATE_INTENT,
            json!({ "input": { "name": "Support" } }),
            token,
        )
        .await
        .ok();
    let id = id_at(&created, "/createIntent/intent/id");

    let taken = app
        .gql(
            CREATE_INTENT,
            json!({ "input": { "name": "SUPPORT" } }),
            token,
        )
        .await;
    assert_eq!(taken.code(), Some("CONFLICT"), "{:?}", taken.body);

    let regex = app
        .gql(
            CREATE_INTENT,
            json!({ "input": { "name": "Regex", "matchers": [
                { "field": "SUBJECT", "operator": "REGEX", "value": "(unclosed" },
            ] } }),
            token,
        )
        .await;
    assert_eq!(regex.code(), Some("BAD_USER_INPUT"), "{:?}", regex.body);
    assert_eq!(regex.bad_fields(), ["matchers[0].value"]);

    let header = app
        .gql(
            "mutation($input: UpdateIntentInput!) { updateIntent(input: $input) { intent { id } } }",
            json!({ "input": { "id": id, "name": "", "matchers": [
                { "field": "SUBJECT", "operator": "EQUALS", "value": "ok" },
                { "field": "HEADER", "operator": "EQUALS", "value": "" },
            ] } }),
            token,
        )
        .await;
    assert_eq!(header.code(), Some("BAD_USER_INPUT"), "{:?}", header.body);
    assert_eq!(header.bad_fields(), ["matchers[1].value", "name"]);

    let list = app
        .gql(
            "{ intents { edges { node { name matchers { value } } } } }",
            json!({}),
            token,
        )
        .await
        .ok();
    assert_eq!(
        list["intents"]["edges"],
        json!([{ "node": { "name": "Support", "matchers": [] } }])
    );
}

async fn route_email_needs_exactly_one_email(app: TestApp) {
    let (owner, _) = app.owner_of("owner@emails.test", "emails", "PRO").await;
    let token = Some(owner.access_token.as_str());
    for input in [
        json!({}),
        json!({ "raw": "From: a@b.test\r\n\r\nhi", "message": { "from": "a@b.test" } }),
    ] {
        let response = app.gql(ROUTE_EMAIL, json!({ "input": input }), token).await;
        assert_eq!(
            response.code(),
            Some("BAD_USER_INPUT"),
            "{:?}",
            response.body
        );
        assert_eq!(response.bad_fields(), ["raw"]);
    }
    let not_mail = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "raw": "Subject: no sender\r\n\r\nhi" } }),
            token,
        )
        .await;
    assert_eq!(not_mail.bad_fields(), ["raw"], "{:?}", not_mail.body);
    let fields = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "message": { "from": "a@b.test", "fields": { "order": 42 } } } }),
            token,
        )
        .await;
    assert_eq!(
        fields.bad_fields(),
        ["message.fields.order"],
        "{:?}",
        fields.body
    );
    let runs = app
        .gql(
            "{ routingRuns { edges { node { id } } } }",
            json!({}),
            token,
        )
        .await
        .ok();
    assert_eq!(runs["routingRuns"]["edges"], json!([]));
}

async fn configs_with_bad_addresses_or_credentials_are_refused_naming_them(app: TestApp) {
    let (owner, _) = app.owner_of("owner@configs.test", "configs", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let cases = [
        (
            json!({ "name": "db", "protocol": "POSTGRESQL", "baseUrl": "postgres://u:p@db.test/x" }),
            vec!["baseUrl"],
        ),
        (
            json!({ "name": "file", "protocol": "SQLITE", "baseUrl": "../trellis.db" }),
            vec!["baseUrl"],
        ),
        (
            json!({ "name": "api", "protocol": "HTTP", "baseUrl": "https://api.test",
                    "authType": "BASIC", "authConfig": { "username": "u" } }),
            vec!["authConfig.password"],
        ),
        (
            json!({ "name": "pool", "protocol": "HTTP", "baseUrl": "ftp://api.test",
                    "connection": { "poolSize": 0 } }),
            vec!["baseUrl", "connection.poolSize"],
        ),
    ];
    for (input, expected) in cases {
        let response = app
            .gql(CREATE_CONFIG, json!({ "input": input }), token)
            .await;
        assert_eq!(
            response.code(),
            Some("BAD_USER_INPUT"),
            "{:?}",
            response.body
        );
        let mut fields = response.bad_fields();
        fields.sort();
        assert_eq!(fields, expected, "{input}");
    }
    let list = app
        .gql(
            "{ datasourceConfigs { edges { node { id } } } }",
            json!({}),
            token,
        )
        .await
        .ok();
    assert_eq!(list["datasourceConfigs"]["edges"], json!([]));
}
