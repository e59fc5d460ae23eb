//! Routing across two tenants: every query and mutation that takes an id of
//! the first tenant's, sent by the second, is NOT_FOUND and changes nothing.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::routing_support::{
    CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT, CREATE_INTENT_WITH_RULES, CREATE_RULE,
    ROUTING_RUNS, SqlRouting, id_at, raw_email, route, sql_routing,
};

on_every_backend! {
    another_tenants_routing_ids_are_not_found_and_nothing_changes => another_tenants_routing_ids_are_not_found_and_nothing_changes;
    a_rule_cannot_reference_another_tenants_datasource => a_rule_cannot_reference_another_tenants_datasource;
    one_bad_rule_and_create_intent_with_rules_creates_nothing => one_bad_rule_and_create_intent_with_rules_creates_nothing;
}

/// Everything tenant A has, as A sees it.
async fn snapshot(app: &TestApp, owner: &Session) -> Value {
    app.gql(
        "{ datasourceConfigs { edges { node { id name baseUrl updatedAt } } }
           datasources { edges { node { id name description updatedAt connectionKey } } }
           intents { edges { node { id name priority isActive updatedAt
               rules { id priority isActive conditions updatedAt } } } }
           routingRuns { edges { node { id outcome } } } }",
        json!({}),
        Some(&owner.access_token),
    )
    .await
    .ok()
}

async fn another_tenants_routing_ids_are_not_found_and_nothing_changes(app: TestApp) {
    let (a, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    let SqlRouting {
        config_id,
        datasource_id,
        intent_id,
        rule_ids,
    } = sql_routing(&app, &a).await;
    let rule_id = rule_ids[0].clone();
    route(
        &app,
        &a,
        &raw_email("ada@example.com", "support@acme.test", "order", "A-42"),
    )
    .await;
    // B has an intent of its own, for the operations that need one.
    let own = app
        .gql(
            CREATE_INTENT,
            json!({ "input": { "name": "B's" } }),
            Some(&b.access_token),
        )
        .await
        .ok();
    let b_intent = id_at(&own, "/createIntent/intent/id");
    let before = snapshot(&app, &a).await;

    let attempts: Vec<(&str, Value)> = vec![
        (
            "query($id: ID!) { datasourceConfig(id: $id) { id } }",
            json!({ "id": config_id }),
        ),
        (
            "query($id: ID!) { datasource(id: $id) { id } }",
            json!({ "id": datasource_id }),
        ),
        (
            "query($id: ID!) { intent(id: $id) { id } }",
            json!({ "id": intent_id }),
        ),
        (
            "query($id: ID!) { validationRule(id: $id) { id } }",
            json!({ "id": rule_id }),
        ),
        (
            "mutation($input: UpdateDatasourceConfigInput!) { updateDatasourceConfig(input: $input) { datasourceConfig { id } } }",
            json!({ "input": { "id": config_id, "name": "stolen" } }),
        ),
        (
            "mutation($input: DeleteDatasourceConfigInput!) { deleteDatasourceConfig(input: $input) { deletedId } }",
            json!({ "input": { "id": config_id } }),
        ),
        (
            "mutation($id: ID!) { testDatasourceConfig(id: $id) { ok } }",
            json!({ "id": config_id }),
        ),
        (
            "mutation($input: UpdateDatasourceInput!) { updateDatasource(input: $input) { datasource { id } } }",
            json!({ "input": { "id": datasource_id, "description": "stolen" } }),
        ),
        (
            "mutation($input: DeleteDatasourceInput!) { deleteDatasource(input: $input) { deletedId } }",
            json!({ "input": { "id": datasource_id } }),
        ),
        (
            "mutation($input: UpdateIntentInput!) { updateIntent(input: $input) { intent { id } } }",
            json!({ "input": { "id": intent_id, "isActive": false } }),
        ),
        (
            "mutation($input: DeleteIntentInput!) { deleteIntent(input: $input) { deletedId } }",
            json!({ "input": { "id": intent_id } }),
        ),
        (
            CREATE_RULE,
            json!({ "input": {
                "intentId": intent_id, "datasourceId": datasource_id, "fieldName": "from",
                "ruleType": "EXISTS", "conditions": { "query": "SELECT 1", "params": [] },
            } }),
        ),
        (
            "mutation($input: UpdateValidationRuleInput!) { updateValidationRule(input: $input) { rule { id } } }",
            json!({ "input": { "id": rule_id, "isActive": false } }),
        ),
        (
            "mutation($input: DeleteValidationRuleInput!) { deleteValidationRule(input: $input) { deletedId } }",
            json!({ "input": { "id": rule_id } }),
        ),
        (
            "mutation($input: ReorderValidationRulesInput!) { reorderValidationRules(input: $input) { rules { id } } }",
            json!({ "input": { "intentId": intent_id, "ruleIds": rule_ids.iter().rev().collect::<Vec<_>>() } }),
        ),
        (
            "mutation($input: ValidateEmailInput!) { validateEmail(input: $input) { decision { id } } }",
            json!({ "input": { "intentId": intent_id, "message": { "from": "ada@example.com" } } }),
        ),
    ];
    let made_up = uuid::Uuid::now_v7().to_string();
    for (query, variables) in attempts {
        let response = app.gql(query, variables, Some(&b.access_token)).await;
        assert_eq!(
            response.code(),
            Some("NOT_FOUND"),
            "{query}: {:?}",
            response.body
        );
        // Indistinguishable from an id that never existed.
        if query.starts_with("query($id") {
            let unknown = app
                .gql(query, json!({ "id": made_up }), Some(&b.access_token))
                .await;
            assert_eq!(unknown.message(), response.message(), "{query}");
        }
    }

    // A's rules under B's own intent are not rules of it, as if they did
    // not exist.
    let reorder = app
        .gql(
            "mutation($input: ReorderValidationRulesInput!) { reorderValidationRules(input: $input) { rules { id } } }",
            json!({ "input": { "intentId": b_intent, "ruleIds": rule_ids } }),
            Some(&b.access_token),
        )
        .await;
    assert_eq!(reorder.code(), Some("BAD_USER_INPUT"), "{:?}", reorder.body);
    assert_eq!(reorder.bad_fields(), ["ruleIds[0]", "ruleIds[1]"]);

    // B's lists show none of it; a filter on A's intent finds nothing.
    let runs = app
        .gql(
            ROUTING_RUNS,
            json!({ "filter": { "intentId": intent_id } }),
            Some(&b.access_token),
        )
        .await
        .ok();
    assert_eq!(runs["routingRuns"]["edges"], json!([]));
    let b_view = snapshot(&app, &b).await;
    assert_eq!(b_view["datasourceConfigs"]["edges"], json!([]));
    assert_eq!(b_view["datasources"]["edges"], json!([]));
    assert_eq!(b_view["routingRuns"]["edges"], json!([]));

    // B cannot build on A's config, by name or by id.
    for key in ["crm", config_id.as_str()] {
        let response = app
            .gql(
                CREATE_DATASOURCE,
                json!({ "input": { "name": "Mine", "kind": "DATABASE", "connectionKey": key } }),
                Some(&b.access_token),
            )
            .await;
        assert_eq!(
            response.code(),
            Some("BAD_USER_INPUT"),
            "{:?}",
            response.body
        );
        assert_eq!(response.bad_fields(), ["connectionKey"]);
    }

    assert_eq!(snapshot(&app, &a).await, before);
}

async fn a_rule_cannot_reference_another_tenants_datasource(app: TestApp) {
    let (a, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    let a_setup = sql_routing(&app, &a).await;
    let own = app
        .gql(
            CREATE_INTENT,
            json!({ "input": { "name": "B's" } }),
            Some(&b.access_token),
        )
        .await
        .ok();
    let b_intent = id_at(&own, "/createIntent/intent/id");

    let a_before = snapshot(&app, &a).await;
    let response = app
        .gql(
            CREATE_RULE,
            json!({ "input": {
                "intentId": b_intent, "datasourceId": a_setup.datasource_id, "fieldName": "from",
                "ruleType": "EXISTS", "conditions": { "query": "SELECT 1 FROM customers WHERE email = ?", "params": ["from"] },
            } }),
            Some(&b.access_token),
        )
        .await;
    // An id inside an input names no object of another tenant's.
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    assert_eq!(response.bad_fields(), ["datasourceId"]);
    // Read back: B's intent got no rule, and A's intent and rules are as
    // they were (A's two rules still there, none added).
    let b_rules = app
        .gql(
            "query($id: ID!) { intent(id: $id) { rules { id } } }",
            json!({ "id": b_intent }),
            Some(&b.access_token),
        )
        .await
        .ok();
    assert_eq!(b_rules["intent"]["rules"], json!([]));
    let a_after = snapshot(&app, &a).await;
    assert_eq!(a_after, a_before);
    let a_rules: Vec<_> = a_after["intents"]["edges"][0]["node"]["rules"]
        .as_array()
        .expect("A's rules")
        .iter()
        .map(|rule| rule["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(a_rules.len(), a_setup.rule_ids.len());
    assert!(a_setup.rule_ids.iter().all(|id| a_rules.contains(id)));

    // Moving one of B's rules onto A's datasource fails the same way.
    app.gql(
        CREATE_CONFIG,
        json!({ "input": { "name": "b-api", "protocol": "HTTP", "baseUrl": "https://api.b.test" } }),
        Some(&b.access_token),
    )
    .await
    .ok();
    let datasource = app
        .gql(
            CREATE_DATASOURCE,
            json!({ "input": { "name": "B API", "kind": "API", "connectionKey": "b-api" } }),
            Some(&b.access_token),
        )
        .await
        .ok();
    let b_datasource = id_at(&datasource, "/createDatasource/datasource/id");
    let rule = app
        .gql(
            CREATE_RULE,
            json!({ "input": {
                "intentId": b_intent, "datasourceId": b_datasource, "fieldName": "from",
                "ruleType": "EXISTS", "conditions": { "path": "/customers/{from}" },
            } }),
            Some(&b.access_token),
        )
        .await
        .ok();
    let b_rule = id_at(&rule, "/createValidationRule/rule/id");
    let moved = app
        .gql(
            "mutation($input: UpdateValidationRuleInput!) { updateValidationRule(input: $input) { rule { id } } }",
            json!({ "input": { "id": b_rule, "datasourceId": a_setup.datasource_id } }),
            Some(&b.access_token),
        )
        .await;
    assert_eq!(moved.code(), Some("BAD_USER_INPUT"), "{:?}", moved.body);
    assert_eq!(moved.bad_fields(), ["datasourceId"]);
    let unchanged = app
        .gql(
            "query($id: ID!) { validationRule(id: $id) { datasourceId } }",
            json!({ "id": b_rule }),
            Some(&b.access_token),
        )
        .await
        .ok();
    assert_eq!(
        unchanged["validationRule"]["datasourceId"],
        b_datasource.as_str()
    );

    // Nor through createIntentWithRules, which then creates nothing.
    let bundled = app
        .gql(
            CREATE_INTENT_WITH_RULES,
            json!({ "input": {
                "intent": { "name": "Sneaky" },
                "rules": [{
                    "datasourceId": a_setup.datasource_id, "fieldName": "from", "ruleType": "EXISTS",
                    "conditions": { "query": "SELECT 1 FROM customers WHERE email = ?", "params": ["from"] },
                }],
            } }),
            Some(&b.access_token),
        )
        .await;
    assert_eq!(bundled.code(), Some("BAD_USER_INPUT"), "{:?}", bundled.body);
    assert_eq!(bundled.bad_fields(), ["rules[0].datasourceId"]);
    let names = app
        .gql(
            "{ intents { edges { node { name } } } }",
            json!({}),
            Some(&b.access_token),
        )
        .await
        .ok();
    assert_eq!(
        names["intents"]["edges"],
        json!([{ "node": { "name": "B's" } }])
    );
}

async fn one_bad_rule_and_create_intent_with_rules_creates_nothing(app: TestApp) {
    let (owner, _) = app.owner_of("owner@atomic.test", "atomic", "PRO").await;
    let token = Some(owner.access_token.as_str());
    let setup = sql_routing(&app, &owner).await;
    app.gql(
        "mutation($input: DeleteIntentInput!) { deleteIntent(input: $input) { deletedId } }",
        json!({ "input": { "id": setup.intent_id } }),
        token,
    )
    .await
    .ok();

    let good = json!({
        "datasourceId": setup.datasource_id, "fieldName": "from", "ruleType": "EXISTS",
        "conditions": { "query": "SELECT 1 FROM customers WHERE email = ?", "params": ["from"] },
    });
    let bad = json!({
        "datasourceId": setup.datasource_id, "fieldName": "from", "ruleType": "EXISTS",
        "conditions": { "query": "SELECT 1 FROM customers WHERE email = ? AND plan = ?", "params": ["from"] },
    });
    let response = app
        .gql(
            CREATE_INTENT_WITH_RULES,
            json!({ "input": { "intent": { "name": "Half" }, "rules": [good, bad] } }),
            token,
        )
        .await;
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    assert_eq!(response.bad_fields(), ["rules[1].conditions.params"]);
    let intents = app
        .gql("{ intents { edges { node { id } } } }", json!({}), token)
        .await
        .ok();
    assert_eq!(intents["intents"]["edges"], json!([]));
}
