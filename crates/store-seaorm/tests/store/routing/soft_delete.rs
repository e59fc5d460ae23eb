//! Soft delete: deleted rows leave every list and lookup, free their names,
//! and are as unknown as missing ones to the rows that would reference them.

use trellis_datasources::DatasourceId;
use trellis_intents::{IntentFilter, IntentId};
use trellis_kernel::{DomainError, PageRequest, RuleId, TenantId};
use trellis_rules::RoutingPorts;

use crate::routing::support::*;
use crate::support::*;

pub(super) async fn intent_names(routing: &RoutingPorts, tenant: TenantId) -> Vec<String> {
    let page = routing
        .intents
        .list(tenant, &IntentFilter::default(), PageRequest::first(100))
        .await
        .unwrap();
    page.items.into_iter().map(|i| i.name).collect()
}

pub(super) async fn datasource_names(routing: &RoutingPorts, tenant: TenantId) -> Vec<String> {
    let page = routing
        .datasources
        .list(tenant, PageRequest::first(100))
        .await
        .unwrap();
    page.items.into_iter().map(|d| d.name).collect()
}

pub(super) async fn config_names(routing: &RoutingPorts, tenant: TenantId) -> Vec<String> {
    let page = routing
        .configs
        .list(tenant, PageRequest::first(100))
        .await
        .unwrap();
    page.items.into_iter().map(|c| c.name).collect()
}

pub(super) async fn rule_ids(
    routing: &RoutingPorts,
    tenant: TenantId,
    intent: IntentId,
) -> Vec<RuleId> {
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

pub(super) async fn delete_intent(
    routing: &RoutingPorts,
    tenant: TenantId,
    id: IntentId,
) -> Vec<RuleId> {
    let mut ids = routing
        .intents
        .delete(tenant, id, &audit(tenant, None, "intent.deleted"))
        .await
        .unwrap();
    ids.sort();
    ids
}

pub(super) async fn delete_datasource(
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

pub(super) fn sorted(mut ids: Vec<RuleId>) -> Vec<RuleId> {
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
