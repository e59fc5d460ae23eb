//! Soft delete: deleted rows leave every list and lookup, free their names,
//! and come back with exactly what their delete took.

use trellis_datasources::DatasourceId;
use trellis_intents::{IntentFilter, IntentId};
use trellis_kernel::{DomainError, PageRequest, RuleId, TenantId};
use trellis_rules::RoutingPorts;

use crate::routing::support::*;
use crate::support::*;

async fn intent_names(routing: &RoutingPorts, tenant: TenantId) -> Vec<String> {
    let page = routing
        .intents
        .list(tenant, &IntentFilter::default(), PageRequest::first(100))
        .await
        .unwrap();
    page.items.into_iter().map(|i| i.name).collect()
}

async fn datasource_names(routing: &RoutingPorts, tenant: TenantId) -> Vec<String> {
    let page = routing
        .datasources
        .list(tenant, PageRequest::first(100))
        .await
        .unwrap();
    page.items.into_iter().map(|d| d.name).collect()
}

async fn config_names(routing: &RoutingPorts, tenant: TenantId) -> Vec<String> {
    let page = routing
        .configs
        .list(tenant, PageRequest::first(100))
        .await
        .unwrap();
    page.items.into_iter().map(|c| c.name).collect()
}

async fn rule_ids(routing: &RoutingPorts, tenant: TenantId, intent: IntentId) -> Vec<RuleId> {
    let mut ids: Vec<_> = routing
        .rules
        .list_for_intent(tenant, intent)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.sort();
    ids
}

async fn delete_intent(routing: &RoutingPorts, tenant: TenantId, id: IntentId) -> Vec<RuleId> {
    let mut ids = routing
        .intents
        .delete(tenant, id, &audit(tenant, None, "intent.deleted"))
        .await
        .unwrap();
    ids.sort();
    ids
}

async fn delete_datasource(
    routing: &RoutingPorts,
    tenant: TenantId,
    id: DatasourceId,
) -> Vec<RuleId> {
    let mut ids = routing
        .datasources
        .delete(tenant, id, &audit(tenant, None, "datasource.deleted"))
        .await
        .unwrap();
    ids.sort();
    ids
}

fn sorted(mut ids: Vec<RuleId>) -> Vec<RuleId> {
    ids.sort();
    ids
}

contract!(deleted_rows_leave_lists_and_lookups_and_free_their_names);
async fn deleted_rows_leave_lists_and_lookups_and_free_their_names(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let support = add_intent(&routing, &org, "Support", 1).await;
    let crm = add_datasource(&routing, &org, "CRM").await;
    let rule = rule(&org, support.id, crm.id, 1);
    add_rule(&routing, &rule).await;

    assert_eq!(delete_intent(&routing, tenant, support.id).await, [rule.id]);
    assert_eq!(delete_datasource(&routing, tenant, crm.id).await, []);
    // Only a deleted datasource uses the config: it is no longer in use.
    routing
        .configs
        .delete(
            tenant,
            crm.config_id,
            &audit(tenant, None, "datasource_config.deleted"),
        )
        .await
        .unwrap();

    assert!(intent_names(&routing, tenant).await.is_empty());
    assert!(datasource_names(&routing, tenant).await.is_empty());
    assert!(config_names(&routing, tenant).await.is_empty());
    assert_eq!(
        routing.intents.find(tenant, support.id).await.unwrap(),
        None
    );
    assert!(
        routing
            .intents
            .list_active(tenant)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        routing.datasources.find(tenant, crm.id).await.unwrap(),
        None
    );
    assert_eq!(
        routing.configs.find(tenant, crm.config_id).await.unwrap(),
        None
    );
    assert_eq!(
        routing
            .configs
            .find_by_name(tenant, "CRM config")
            .await
            .unwrap(),
        None
    );
    // The batched lookups of a page's relations skip them too.
    assert!(
        routing
            .intents
            .find_many(tenant, &[support.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        routing
            .datasources
            .find_many(tenant, &[crm.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        routing
            .configs
            .find_many(tenant, &[crm.config_id])
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(routing.rules.find(tenant, rule.id).await.unwrap(), None);
    assert!(
        routing
            .rules
            .list_for_intents(tenant, &[support.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        routing
            .rules
            .list_targets(tenant, support.id)
            .await
            .unwrap()
            .is_empty()
    );

    // Every name is free again, in any case (the new datasource's config
    // is `crm config`).
    add_intent(&routing, &org, "SUPPORT", 1).await;
    add_datasource(&routing, &org, "crm").await;
    assert_eq!(intent_names(&routing, tenant).await, ["SUPPORT"]);
    assert_eq!(datasource_names(&routing, tenant).await, ["crm"]);
    assert_eq!(config_names(&routing, tenant).await, ["crm config"]);
}

contract!(deleted_parents_are_as_unknown_to_new_rows_as_missing_ones);
async fn deleted_parents_are_as_unknown_to_new_rows_as_missing_ones(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let support = add_intent(&routing, &org, "Support", 1).await;
    let crm = add_datasource(&routing, &org, "CRM").await;
    delete_datasource(&routing, tenant, crm.id).await;

    let err = routing
        .rules
        .create(
            tenant,
            &rule(&org, support.id, crm.id, 1),
            &audit(tenant, None, "rule.created"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "datasource"
            }
        ),
        "{err:?}"
    );
    let sales = intent(&org, "Sales", 1);
    let err = routing
        .rules
        .create_intent_with_rules(
            tenant,
            &sales,
            &[rule(&org, sales.id, crm.id, 1)],
            &audit(tenant, None, "intent.created"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "datasource"
            }
        ),
        "{err:?}"
    );

    routing
        .configs
        .delete(
            tenant,
            crm.config_id,
            &audit(tenant, None, "datasource_config.deleted"),
        )
        .await
        .unwrap();
    let err = routing
        .datasources
        .create(
            tenant,
            &api_datasource(&org, "ERP", crm.config_id),
            None,
            &audit(tenant, None, "datasource.created"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "datasource config"
            }
        ),
        "{err:?}"
    );
    assert_eq!(intent_names(&routing, tenant).await, ["Support"]);
    assert!(datasource_names(&routing, tenant).await.is_empty());
}

contract!(a_restore_brings_back_exactly_what_its_delete_took);
async fn a_restore_brings_back_exactly_what_its_delete_took(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let support = add_intent(&routing, &org, "Support", 1).await;
    let crm = add_datasource(&routing, &org, "CRM").await;
    let erp = add_datasource(&routing, &org, "ERP").await;
    let alone = rule(&org, support.id, crm.id, 1);
    let with_crm = rule(&org, support.id, crm.id, 2);
    let with_erp = rule(&org, support.id, erp.id, 3);
    for rule in [&alone, &with_crm, &with_erp] {
        add_rule(&routing, rule).await;
    }
    // Deleted on its own first: no later restore brings it back.
    routing
        .rules
        .delete(tenant, alone.id, &audit(tenant, None, "rule.deleted"))
        .await
        .unwrap();
    assert_eq!(
        delete_intent(&routing, tenant, support.id).await,
        sorted(vec![with_crm.id, with_erp.id])
    );
    // Its one rule went with the intent already.
    assert_eq!(delete_datasource(&routing, tenant, erp.id).await, []);

    let (intent, restored) = routing
        .intents
        .restore(tenant, support.id, &audit(tenant, None, "intent.restored"))
        .await
        .unwrap();
    assert_eq!(intent, support);
    // The ERP rule waits for its datasource.
    assert_eq!(restored, [with_crm.id]);
    assert_eq!(intent_names(&routing, tenant).await, ["Support"]);
    assert_eq!(rule_ids(&routing, tenant, support.id).await, [with_crm.id]);
    assert_eq!(actions(&env, tenant).await[0], "intent.restored");

    let (datasource, restored) = routing
        .datasources
        .restore(tenant, erp.id, &audit(tenant, None, "datasource.restored"))
        .await
        .unwrap();
    assert_eq!(datasource, erp);
    assert_eq!(restored, [with_erp.id]);
    assert_eq!(
        rule_ids(&routing, tenant, support.id).await,
        sorted(vec![with_crm.id, with_erp.id])
    );
    let targets = routing
        .rules
        .list_targets(tenant, support.id)
        .await
        .unwrap();
    assert_eq!(targets.len(), 2);
    assert_eq!(routing.rules.find(tenant, alone.id).await.unwrap(), None);
    assert_eq!(actions(&env, tenant).await[0], "datasource.restored");
}

contract!(a_restore_is_refused_while_a_live_row_has_the_name_and_changes_nothing);
async fn a_restore_is_refused_while_a_live_row_has_the_name_and_changes_nothing(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let old = add_intent(&routing, &org, "Support", 1).await;
    let crm = add_datasource(&routing, &org, "CRM").await;
    let rule = rule(&org, old.id, crm.id, 1);
    add_rule(&routing, &rule).await;
    delete_intent(&routing, tenant, old.id).await;
    let new = add_intent(&routing, &org, "support", 2).await;

    let err = routing
        .intents
        .restore(tenant, old.id, &audit(tenant, None, "intent.restored"))
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(
        message.contains("an intent named `Support` exists"),
        "{message}"
    );
    assert_eq!(routing.intents.find(tenant, old.id).await.unwrap(), None);
    assert_eq!(routing.rules.find(tenant, rule.id).await.unwrap(), None);
    assert_ne!(actions(&env, tenant).await[0], "intent.restored");

    // Once the name is free again, the restore goes through.
    delete_intent(&routing, tenant, new.id).await;
    let (_, restored) = routing
        .intents
        .restore(tenant, old.id, &audit(tenant, None, "intent.restored"))
        .await
        .unwrap();
    assert_eq!(restored, [rule.id]);

    // A live row is not restored again.
    let err = routing
        .intents
        .restore(tenant, old.id, &audit(tenant, None, "intent.restored"))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");

    // Datasources and configs are refused alike.
    delete_datasource(&routing, tenant, crm.id).await;
    routing
        .datasources
        .create(
            tenant,
            &api_datasource(&org, "crm", crm.config_id),
            None,
            &audit(tenant, None, "datasource.created"),
        )
        .await
        .unwrap();
    let err = routing
        .datasources
        .restore(tenant, crm.id, &audit(tenant, None, "datasource.restored"))
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("a datasource named `CRM` exists"),
        "{err}"
    );
    let spare = api_config(&org, "Spare");
    add_config(&routing, &org, &spare).await;
    routing
        .configs
        .delete(
            tenant,
            spare.id,
            &audit(tenant, None, "datasource_config.deleted"),
        )
        .await
        .unwrap();
    add_config(&routing, &org, &api_config(&org, "SPARE")).await;
    let err = routing
        .configs
        .restore(
            tenant,
            spare.id,
            &audit(tenant, None, "datasource_config.restored"),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("a datasource config named `Spare` exists"),
        "{err}"
    );
    assert_eq!(routing.configs.find(tenant, spare.id).await.unwrap(), None);
}

contract!(a_datasource_comes_back_only_after_its_config);
async fn a_datasource_comes_back_only_after_its_config(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let crm = add_datasource(&routing, &org, "CRM").await;
    delete_datasource(&routing, tenant, crm.id).await;
    routing
        .configs
        .delete(
            tenant,
            crm.config_id,
            &audit(tenant, None, "datasource_config.deleted"),
        )
        .await
        .unwrap();

    let err = routing
        .datasources
        .restore(tenant, crm.id, &audit(tenant, None, "datasource.restored"))
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(
        message.contains("config `CRM config`") && message.contains("restore it first"),
        "{message}"
    );
    assert!(datasource_names(&routing, tenant).await.is_empty());

    let config = routing
        .configs
        .restore(
            tenant,
            crm.config_id,
            &audit(tenant, None, "datasource_config.restored"),
        )
        .await
        .unwrap();
    assert_eq!(config.name, "CRM config");
    // The config alone: its datasource stays deleted until restored itself.
    assert!(datasource_names(&routing, tenant).await.is_empty());
    routing
        .datasources
        .restore(tenant, crm.id, &audit(tenant, None, "datasource.restored"))
        .await
        .unwrap();
    assert_eq!(datasource_names(&routing, tenant).await, ["CRM"]);
}

contract!(another_tenants_deleted_rows_are_not_found_and_stay_deleted);
async fn another_tenants_deleted_rows_are_not_found_and_stay_deleted(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let support = add_intent(&routing, &acme, "Support", 1).await;
    let crm = add_datasource(&routing, &acme, "CRM").await;
    delete_intent(&routing, acme.id(), support.id).await;
    delete_datasource(&routing, acme.id(), crm.id).await;
    routing
        .configs
        .delete(
            acme.id(),
            crm.config_id,
            &audit(acme.id(), None, "datasource_config.deleted"),
        )
        .await
        .unwrap();

    let intent = routing
        .intents
        .restore(
            globex.id(),
            support.id,
            &audit(globex.id(), None, "intent.restored"),
        )
        .await
        .unwrap_err();
    let datasource = routing
        .datasources
        .restore(
            globex.id(),
            crm.id,
            &audit(globex.id(), None, "datasource.restored"),
        )
        .await
        .unwrap_err();
    let config = routing
        .configs
        .restore(
            globex.id(),
            crm.config_id,
            &audit(globex.id(), None, "datasource_config.restored"),
        )
        .await
        .unwrap_err();
    for err in [intent, datasource, config] {
        assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
    }
    assert!(intent_names(&routing, acme.id()).await.is_empty());
    assert!(datasource_names(&routing, acme.id()).await.is_empty());
    assert!(config_names(&routing, acme.id()).await.is_empty());
    assert!(
        actions(&env, globex.id())
            .await
            .iter()
            .all(|a| !a.ends_with(".restored"))
    );
}
