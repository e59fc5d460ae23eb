//! Routing end to end: a SQLite datasource file with customers, an intent
//! with EXISTS rules, real MIME emails routed to decisions, decisions
//! listed; failing datasources and deletes that cascade.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

use crate::routing_support::{
    CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT_WITH_RULES, ROUTING_RUNS, id_at, outcomes,
    raw_email, route, sql_routing,
};

on_every_backend! {
    emails_are_routed_checked_against_live_data_and_listed => emails_are_routed_checked_against_live_data_and_listed;
    validate_email_runs_one_intents_rules_whatever_its_matchers_say => validate_email_runs_one_intents_rules_whatever_its_matchers_say;
    a_failing_datasource_makes_its_rule_error_and_the_decision_still_comes_back => a_failing_datasource_makes_its_rule_error_and_the_decision_still_comes_back;
    deletes_report_what_they_cascaded => deletes_report_what_they_cascaded;
}

async fn emails_are_routed_checked_against_live_data_and_listed(app: TestApp) {
    let (owner, _) = app.owner_of("owner@route.test", "route", "PRO").await;
    let setup = sql_routing(&app, &owner).await;
    assert_eq!(setup.rule_ids.len(), 2);

    let passed = route(
        &app,
        &owner,
        &raw_email(
            "Ada@Example.com",
            "support@acme.test",
            "Where is my order?",
            "A-42",
        ),
    )
    .await;
    assert_eq!(passed["outcome"], "PASSED", "{passed}");
    assert_eq!(passed["mode"], "ROUTE");
    assert_eq!(passed["intentId"], setup.intent_id.as_str());
    assert_eq!(passed["intentName"], "Order question");
    assert_eq!(passed["intent"]["name"], "Order question");
    assert_eq!(
        passed["matchedBy"],
        json!({ "field": "SUBJECT", "operator": "CONTAINS", "value": "order" })
    );
    assert_eq!(outcomes(&passed), ["PASSED", "PASSED"]);
    // In running order: the higher-priority rule first.
    assert_eq!(passed["results"][0]["ruleId"], setup.rule_ids[0].as_str());
    assert_eq!(passed["results"][0]["fieldName"], "from");
    assert_eq!(passed["results"][0]["ruleType"], "EXISTS");
    assert_eq!(passed["results"][1]["fieldName"], "headers.X-Order-Id");
    assert_eq!(passed["email"]["from"], "Ada@Example.com");
    assert_eq!(passed["email"]["subject"], "Where is my order?");
    assert_eq!(passed["email"]["messageId"], "A-42.Ada@Example.com");

    let failed = route(
        &app,
        &owner,
        &raw_email("eve@unknown.test", "support@acme.test", "My order", "A-42"),
    )
    .await;
    assert_eq!(failed["outcome"], "FAILED", "{failed}");
    assert_eq!(outcomes(&failed), ["FAILED", "PASSED"]);
    assert!(
        failed["results"][0]["detail"]
            .as_str()
            .is_some_and(|d| !d.is_empty()),
        "{failed}"
    );

    let no_match = route(
        &app,
        &owner,
        &raw_email(
            "ada@example.com",
            "hello@acme.test",
            "Lunch on Friday?",
            "none",
        ),
    )
    .await;
    assert_eq!(no_match["outcome"], "NO_MATCH", "{no_match}");
    assert_eq!(no_match["intentId"], serde_json::Value::Null);
    assert_eq!(no_match["intent"], serde_json::Value::Null);
    assert_eq!(no_match["results"], json!([]));

    let token = Some(owner.access_token.as_str());
    let all = app.gql(ROUTING_RUNS, json!({}), token).await.ok();
    let ids: Vec<_> = all["routingRuns"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<_> = [&no_match, &failed, &passed]
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, expected, "newest first");

    let by_outcome = app
        .gql(
            ROUTING_RUNS,
            json!({ "filter": { "outcome": "FAILED" } }),
            token,
        )
        .await
        .ok();
    let edges = by_outcome["routingRuns"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0]["node"]["email"]["from"], "eve@unknown.test");

    let by_intent = app
        .gql(
            ROUTING_RUNS,
            json!({ "filter": { "intentId": setup.intent_id } }),
            token,
        )
        .await
        .ok();
    let outcomes: Vec<_> = by_intent["routingRuns"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["FAILED", "PASSED"]);

    let paged = app
        .gql(ROUTING_RUNS, json!({ "first": 2 }), token)
        .await
        .ok();
    assert_eq!(paged["routingRuns"]["pageInfo"]["hasNextPage"], true);

    let backwards = app
        .gql(
            ROUTING_RUNS,
            json!({ "filter": { "since": "2030-01-01T00:00:00Z", "until": "2020-01-01T00:00:00Z" } }),
            token,
        )
        .await;
    assert_eq!(
        backwards.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        backwards.body
    );
    assert_eq!(backwards.bad_fields(), ["filter.since"]);
}

async fn validate_email_runs_one_intents_rules_whatever_its_matchers_say(app: TestApp) {
    let (owner, _) = app.owner_of("owner@validate.test", "validate", "PRO").await;
    let setup = sql_routing(&app, &owner).await;
    let response = app
        .gql(
            "mutation($input: ValidateEmailInput!) { validateEmail(input: $input) {
                decision { outcome mode intentId matchedBy { field } results { outcome } } } }",
            json!({ "input": {
                "intentId": setup.intent_id,
                "message": {
                    "from": "bob@example.com",
                    "subject": "Nothing to match here",
                    "headers": [{ "name": "X-Order-Id", "value": "B-1" }],
                },
            } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let decision = &response["validateEmail"]["decision"];
    assert_eq!(decision["mode"], "VALIDATE");
    assert_eq!(decision["intentId"], setup.intent_id.as_str());
    assert_eq!(decision["matchedBy"], serde_json::Value::Null);
    // Bob is a customer; order B-1 does not exist.
    assert_eq!(outcomes(decision), ["PASSED", "FAILED"]);
    assert_eq!(decision["outcome"], "FAILED");
}

async fn a_failing_datasource_makes_its_rule_error_and_the_decision_still_comes_back(app: TestApp) {
    let (owner, _) = app.owner_of("owner@broken.test", "broken", "PRO").await;
    let token = Some(owner.access_token.as_str());
    // A SQLite file that is not there, and an API on loopback, which the
    // default network policy refuses.
    for config in [
        json!({ "name": "gone", "protocol": "SQLITE", "baseUrl": "missing/customers.db" }),
        json!({ "name": "local-api", "protocol": "HTTP", "baseUrl": "http://127.0.0.1:9" }),
    ] {
        app.gql(CREATE_CONFIG, json!({ "input": config }), token)
            .await
            .ok();
    }
    let mut datasources = Vec::new();
    for (name, kind, key) in [("Gone", "DATABASE", "gone"), ("Local", "API", "local-api")] {
        let data = app
            .gql(
                CREATE_DATASOURCE,
                json!({ "input": { "name": name, "kind": kind, "connectionKey": key } }),
                token,
            )
            .await
            .ok();
        datasources.push(id_at(&data, "/createDatasource/datasource/id"));
    }
    app.gql(
        CREATE_INTENT_WITH_RULES,
        json!({ "input": {
            "intent": {
                "name": "Anything",
                "matchers": [{ "field": "FROM_DOMAIN", "operator": "EQUALS", "value": "example.com" }],
            },
            "rules": [
                {
                    "datasourceId": datasources[0],
                    "fieldName": "from",
                    "ruleType": "EXISTS",
                    "priority": 2,
                    "conditions": { "query": "SELECT 1 FROM customers WHERE email = ?", "params": ["from"] },
                },
                {
                    "datasourceId": datasources[1],
                    "fieldName": "from",
                    "ruleType": "EXISTS",
                    "priority": 1,
                    "conditions": { "path": "/customers/{from}" },
                },
            ],
        } }),
        token,
    )
    .await
    .ok();

    let decision = route(
        &app,
        &owner,
        &raw_email("ada@example.com", "support@acme.test", "Hi", "A-1"),
    )
    .await;
    assert_eq!(decision["outcome"], "ERROR", "{decision}");
    assert_eq!(outcomes(&decision), ["ERROR", "ERROR"]);
    let detail = |i: usize| {
        decision["results"][i]["detail"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        detail(0).contains("Gone") && detail(0).contains("does not exist"),
        "{}",
        detail(0)
    );
    assert!(
        detail(1).contains("Local") && detail(1).contains("TRELLIS_ALLOW_PRIVATE_NETWORKS"),
        "{}",
        detail(1)
    );

    // The decision was stored too.
    let runs = app.gql(ROUTING_RUNS, json!({}), token).await.ok();
    assert_eq!(runs["routingRuns"]["edges"][0]["node"]["outcome"], "ERROR");

    let test = app
        .gql(
            "mutation($id: ID!) { testDatasourceConfig(id: $id) { ok latencyMs error } }",
            json!({ "id": runs_config_id(&app, &owner, "gone").await }),
            token,
        )
        .await
        .ok();
    assert_eq!(test["testDatasourceConfig"]["ok"], false);
    assert!(
        test["testDatasourceConfig"]["error"]
            .as_str()
            .is_some_and(|e| e.contains("does not exist")),
        "{test}"
    );
}

/// The id of the config named `name`, through the list.
async fn runs_config_id(app: &TestApp, owner: &trellis_tests::Session, name: &str) -> String {
    let data = app
        .gql(
            "{ datasourceConfigs(first: 100) { edges { node { id name } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await
        .ok();
    data["datasourceConfigs"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["name"] == name)
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
        .expect("config listed")
}

async fn deletes_report_what_they_cascaded(app: TestApp) {
    let (owner, _) = app.owner_of("owner@cascade.test", "cascade", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let setup = sql_routing(&app, &owner).await;

    // A config in use cannot go.
    let in_use = app
        .gql(
            "mutation($input: DeleteDatasourceConfigInput!) { deleteDatasourceConfig(input: $input) { deletedId } }",
            json!({ "input": { "id": setup.config_id } }),
            token,
        )
        .await;
    assert_eq!(in_use.code(), Some("CONFLICT"), "{:?}", in_use.body);

    let deleted = app
        .gql(
            "mutation($input: DeleteIntentInput!) { deleteIntent(input: $input) { deletedId deletedRuleIds } }",
            json!({ "input": { "id": setup.intent_id } }),
            token,
        )
        .await
        .ok();
    assert_eq!(
        deleted["deleteIntent"]["deletedId"],
        setup.intent_id.as_str()
    );
    let mut cascaded: Vec<String> =
        serde_json::from_value(deleted["deleteIntent"]["deletedRuleIds"].clone()).unwrap();
    cascaded.sort();
    let mut expected = setup.rule_ids.clone();
    expected.sort();
    assert_eq!(cascaded, expected);
    for rule in &setup.rule_ids {
        let gone = app
            .gql(
                "query($id: ID!) { validationRule(id: $id) { id } }",
                json!({ "id": rule }),
                token,
            )
            .await;
        assert_eq!(gone.code(), Some("NOT_FOUND"), "{:?}", gone.body);
    }

    // A rule on another intent goes with its datasource.
    let intent = app
        .gql(
            crate::routing_support::CREATE_INTENT,
            json!({ "input": { "name": "Billing" } }),
            token,
        )
        .await
        .ok();
    let intent_id = id_at(&intent, "/createIntent/intent/id");
    let rule = app
        .gql(
            crate::routing_support::CREATE_RULE,
            json!({ "input": {
                "intentId": intent_id,
                "datasourceId": setup.datasource_id,
                "fieldName": "from",
                "ruleType": "NOT_EXISTS",
                "conditions": { "query": "SELECT 1 FROM customers WHERE email = ? AND plan = 'banned'", "params": ["from"] },
            } }),
            token,
        )
        .await
        .ok();
    let rule_id = id_at(&rule, "/createValidationRule/rule/id");
    let deleted = app
        .gql(
            "mutation($input: DeleteDatasourceInput!) { deleteDatasource(input: $input) { deletedId deletedRuleIds } }",
            json!({ "input": { "id": setup.datasource_id } }),
            token,
        )
        .await
        .ok();
    assert_eq!(
        deleted["deleteDatasource"],
        json!({ "deletedId": setup.datasource_id, "deletedRuleIds": [rule_id] })
    );
    let rules = app
        .gql(
            "query($id: ID!) { intent(id: $id) { rules { id } } }",
            json!({ "id": intent_id }),
            token,
        )
        .await
        .ok();
    assert_eq!(rules["intent"]["rules"], json!([]));

    // Now unused, the config can go.
    let deleted = app
        .gql(
            "mutation($input: DeleteDatasourceConfigInput!) { deleteDatasourceConfig(input: $input) { deletedId } }",
            json!({ "input": { "id": setup.config_id } }),
            token,
        )
        .await
        .ok();
    assert_eq!(
        deleted["deleteDatasourceConfig"]["deletedId"],
        setup.config_id.as_str()
    );
}
