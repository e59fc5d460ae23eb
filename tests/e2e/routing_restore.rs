//! Deleting and restoring Routing's objects: a delete frees the name, a
//! restore brings back exactly what its delete took, unless a live object
//! has taken the name meanwhile; both are audited, and another tenant's ids
//! are NOT_FOUND.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::routing_support::{
    CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT, CREATE_RULE, id_at, outcomes, raw_email,
    route, sql_routing,
};

on_every_backend! {
    a_deleted_intent_comes_back_with_the_rules_its_delete_took => a_deleted_intent_comes_back_with_the_rules_its_delete_took;
    a_deleted_datasource_comes_back_after_its_config => a_deleted_datasource_comes_back_after_its_config;
    another_tenants_restores_are_not_found_and_change_nothing => another_tenants_restores_are_not_found_and_change_nothing;
}

const RESTORE_INTENT: &str = "mutation($input: RestoreIntentInput!) {
    restoreIntent(input: $input) { intent { id name rules { id } } restoredRuleIds } }";

const RESTORE_DATASOURCE: &str = "mutation($input: RestoreDatasourceInput!) {
    restoreDatasource(input: $input) { datasource { id name connectionKey } restoredRuleIds } }";

const RESTORE_CONFIG: &str = "mutation($input: RestoreDatasourceConfigInput!) {
    restoreDatasourceConfig(input: $input) { datasourceConfig { id name } } }";

const DELETE_INTENT: &str = "mutation($input: DeleteIntentInput!) {
    deleteIntent(input: $input) { deletedId deletedRuleIds } }";

const DELETE_DATASOURCE: &str = "mutation($input: DeleteDatasourceInput!) {
    deleteDatasource(input: $input) { deletedId deletedRuleIds } }";

const DELETE_CONFIG: &str = "mutation($input: DeleteDatasourceConfigInput!) {
    deleteDatasourceConfig(input: $input) { deletedId } }";

const DELETE_RULE: &str = "mutation($input: DeleteValidationRuleInput!) {
    deleteValidationRule(input: $input) { deletedId } }";

const AUDIT: &str = "{ auditLog(first: 100) { edges { node { action entityType entityId } } } }";

/// Everything Routing shows the tenant, for comparing before and after.
async fn snapshot(app: &TestApp, session: &Session) -> Value {
    app.gql(
        "{ datasourceConfigs { edges { node { id name updatedAt } } }
           datasources { edges { node { id name updatedAt } } }
           intents { edges { node { id name updatedAt rules { id } } } } }",
        json!({}),
        Some(&session.access_token),
    )
    .await
    .ok()
}

async fn send(app: &TestApp, session: &Session, query: &str, id: &str) -> trellis_tests::Response {
    app.gql(
        query,
        json!({ "input": { "id": id } }),
        Some(&session.access_token),
    )
    .await
}

/// The `(action, entityId)` pairs of the tenant's audit log, newest first.
async fn audited(app: &TestApp, session: &Session) -> Vec<(String, String)> {
    let log = app
        .gql(AUDIT, json!({}), Some(&session.access_token))
        .await
        .ok();
    log["auditLog"]["edges"]
        .as_array()
        .expect("audit entries")
        .iter()
        .map(|e| {
            let node = &e["node"];
            (
                node["action"].as_str().unwrap_or_default().to_owned(),
                node["entityId"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn ids(value: &Value) -> Vec<String> {
    let mut ids: Vec<String> = value
        .as_array()
        .expect("a list of ids")
        .iter()
        .map(|v| {
            v.as_str()
                .or_else(|| v["id"].as_str())
                .expect("an id")
                .to_owned()
        })
        .collect();
    ids.sort();
    ids
}

async fn a_deleted_intent_comes_back_with_the_rules_its_delete_took(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@restore.test", "restore", "PRO").await;
    let setup = sql_routing(&app, &owner).await;
    let email = raw_email("ada@example.com", "support@acme.test", "order", "A-42");
    // One rule deleted on its own first: restoring the intent leaves it out.
    send(&app, &owner, DELETE_RULE, &setup.rule_ids[1])
        .await
        .ok();
    let kept = setup.rule_ids[0].clone();

    let deleted = send(&app, &owner, DELETE_INTENT, &setup.intent_id)
        .await
        .ok();
    assert_eq!(
        deleted["deleteIntent"]["deletedId"],
        setup.intent_id.as_str()
    );
    assert_eq!(
        ids(&deleted["deleteIntent"]["deletedRuleIds"]),
        [kept.as_str()]
    );
    assert_eq!(route(&app, &owner, &email).await["outcome"], "NO_MATCH");

    // The name is free: a new intent takes it, and the restore is refused.
    let taken = app
        .gql(
            CREATE_INTENT,
            json!({ "input": { "name": "ORDER QUESTION" } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let taken_id = id_at(&taken, "/createIntent/intent/id");
    let before = snapshot(&app, &owner).await;
    let refused = send(&app, &owner, RESTORE_INTENT, &setup.intent_id).await;
    assert_eq!(refused.code(), Some("CONFLICT"), "{:?}", refused.body);
    assert!(
        refused
            .message()
            .contains("an intent named `Order question` exists"),
        "{}",
        refused.message()
    );
    assert_eq!(snapshot(&app, &owner).await, before);

    // A viewer may not restore; the member who may delete may.
    let viewer = app
        .join(&owner, &tenant, "viewer@restore.test", "VIEWER")
        .await;
    let forbidden = send(&app, &viewer, RESTORE_INTENT, &setup.intent_id).await;
    assert_eq!(forbidden.code(), Some("FORBIDDEN"), "{:?}", forbidden.body);
    let member = app
        .join(&owner, &tenant, "member@restore.test", "MEMBER")
        .await;
    send(&app, &member, DELETE_INTENT, &taken_id).await.ok();
    let restored = send(&app, &member, RESTORE_INTENT, &setup.intent_id)
        .await
        .ok();
    let payload = &restored["restoreIntent"];
    assert_eq!(payload["intent"]["id"], setup.intent_id.as_str());
    assert_eq!(payload["intent"]["name"], "Order question");
    assert_eq!(ids(&payload["restoredRuleIds"]), [kept.as_str()]);
    assert_eq!(ids(&payload["intent"]["rules"]), [kept.as_str()]);

    // Routing sees it again, with the one rule.
    let decision = route(&app, &owner, &email).await;
    assert_eq!(decision["intentId"], setup.intent_id.as_str());
    assert_eq!(outcomes(&decision), ["PASSED"]);
    // Restoring a live intent is refused.
    let again = send(&app, &owner, RESTORE_INTENT, &setup.intent_id).await;
    assert_eq!(again.code(), Some("CONFLICT"), "{:?}", again.body);

    let log = audited(&app, &owner).await;
    assert_eq!(
        log[0],
        ("intent.restored".to_owned(), setup.intent_id.clone())
    );
    assert!(log.contains(&("intent.deleted".to_owned(), setup.intent_id.clone())));
    assert_eq!(
        log.iter().filter(|(a, _)| a == "intent.restored").count(),
        1,
        "{log:?}"
    );
}

async fn a_deleted_datasource_comes_back_after_its_config(app: TestApp) {
    let (owner, _) = app.owner_of("owner@sources.test", "sources", "PRO").await;
    let setup = sql_routing(&app, &owner).await;
    let token = Some(owner.access_token.as_str());
    let deleted = send(&app, &owner, DELETE_DATASOURCE, &setup.datasource_id)
        .await
        .ok();
    assert_eq!(
        ids(&deleted["deleteDatasource"]["deletedRuleIds"]),
        ids(&json!(setup.rule_ids))
    );

    // A rule cannot name the deleted datasource: as unknown as any id.
    let rule = app
        .gql(
            CREATE_RULE,
            json!({ "input": {
                "intentId": setup.intent_id, "datasourceId": setup.datasource_id,
                "fieldName": "from", "ruleType": "EXISTS",
                "conditions": { "query": "SELECT 1", "params": [] },
            } }),
            token,
        )
        .await;
    assert_eq!(rule.code(), Some("BAD_USER_INPUT"), "{:?}", rule.body);
    assert_eq!(rule.bad_fields(), ["datasourceId"]);

    // Only the deleted datasource used the config, so it may go too.
    send(&app, &owner, DELETE_CONFIG, &setup.config_id)
        .await
        .ok();
    let refused = send(&app, &owner, RESTORE_DATASOURCE, &setup.datasource_id).await;
    assert_eq!(refused.code(), Some("CONFLICT"), "{:?}", refused.body);
    assert!(
        refused.message().contains("config `crm`")
            && refused.message().contains("restore it first"),
        "{}",
        refused.message()
    );

    // A new config took the name: the config's restore is refused.
    let taken = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": { "name": "CRM", "protocol": "HTTP", "baseUrl": "https://crm.test" } }),
            token,
        )
        .await
        .ok();
    let taken_id = id_at(&taken, "/createDatasourceConfig/datasourceConfig/id");
    let before = snapshot(&app, &owner).await;
    let clash = send(&app, &owner, RESTORE_CONFIG, &setup.config_id).await;
    assert_eq!(clash.code(), Some("CONFLICT"), "{:?}", clash.body);
    assert!(
        clash
            .message()
            .contains("a datasource config named `crm` exists"),
        "{}",
        clash.message()
    );
    assert_eq!(snapshot(&app, &owner).await, before);
    send(&app, &owner, DELETE_CONFIG, &taken_id).await.ok();

    let config = send(&app, &owner, RESTORE_CONFIG, &setup.config_id)
        .await
        .ok();
    assert_eq!(
        config["restoreDatasourceConfig"]["datasourceConfig"]["name"],
        "crm"
    );
    // And a new datasource took the datasource's name meanwhile.
    let other = app
        .gql(
            CREATE_DATASOURCE,
            json!({ "input": { "name": "customers", "kind": "DATABASE", "connectionKey": "crm" } }),
            token,
        )
        .await
        .ok();
    let other_id = id_at(&other, "/createDatasource/datasource/id");
    let clash = send(&app, &owner, RESTORE_DATASOURCE, &setup.datasource_id).await;
    assert_eq!(clash.code(), Some("CONFLICT"), "{:?}", clash.body);
    assert!(
        clash
            .message()
            .contains("a datasource named `Customers` exists"),
        "{}",
        clash.message()
    );
    send(&app, &owner, DELETE_DATASOURCE, &other_id).await.ok();

    let restored = send(&app, &owner, RESTORE_DATASOURCE, &setup.datasource_id)
        .await
        .ok();
    let payload = &restored["restoreDatasource"];
    assert_eq!(payload["datasource"]["name"], "Customers");
    assert_eq!(payload["datasource"]["connectionKey"], "crm");
    assert_eq!(
        ids(&payload["restoredRuleIds"]),
        ids(&json!(setup.rule_ids))
    );
    let decision = route(
        &app,
        &owner,
        &raw_email("ada@example.com", "support@acme.test", "order", "A-42"),
    )
    .await;
    assert_eq!(decision["outcome"], "PASSED", "{decision}");

    let log = audited(&app, &owner).await;
    assert_eq!(
        log[0],
        (
            "datasource.restored".to_owned(),
            setup.datasource_id.clone()
        )
    );
    assert!(log.contains(&(
        "datasource_config.restored".to_owned(),
        setup.config_id.clone()
    )));
}

async fn another_tenants_restores_are_not_found_and_change_nothing(app: TestApp) {
    let (a, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    let setup = sql_routing(&app, &a).await;
    send(&app, &a, DELETE_INTENT, &setup.intent_id).await.ok();
    send(&app, &a, DELETE_DATASOURCE, &setup.datasource_id)
        .await
        .ok();
    send(&app, &a, DELETE_CONFIG, &setup.config_id).await.ok();
    let before = snapshot(&app, &a).await;
    let a_log = audited(&app, &a).await;

    for (query, id) in [
        (RESTORE_INTENT, &setup.intent_id),
        (RESTORE_DATASOURCE, &setup.datasource_id),
        (RESTORE_CONFIG, &setup.config_id),
    ] {
        let response = send(&app, &b, query, id).await;
        assert_eq!(response.code(), Some("NOT_FOUND"), "{:?}", response.body);
    }
    assert_eq!(snapshot(&app, &a).await, before);
    assert_eq!(audited(&app, &a).await, a_log);
    assert!(
        audited(&app, &b)
            .await
            .iter()
            .all(|(action, _)| !action.ends_with(".restored"))
    );

    // The ids were good: A restores them, in order.
    send(&app, &a, RESTORE_CONFIG, &setup.config_id).await.ok();
    send(&app, &a, RESTORE_DATASOURCE, &setup.datasource_id)
        .await
        .ok();
    let intent = send(&app, &a, RESTORE_INTENT, &setup.intent_id).await.ok();
    assert_eq!(
        ids(&intent["restoreIntent"]["intent"]["rules"]),
        ids(&json!(setup.rule_ids))
    );
}
