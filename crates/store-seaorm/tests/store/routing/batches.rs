//! The batched lookups a page's relations are read with: one call for many
//! ids, only the tenant's rows, and nothing for an empty list.

use std::collections::BTreeSet;

use crate::routing::support::*;
use crate::support::*;

contract!(a_batch_finds_the_tenants_rows_and_skips_every_other_id);
async fn a_batch_finds_the_tenants_rows_and_skips_every_other_id(env: Env) {
    let routing = ports(&env);
    let (acme, globex) = (org(&env, "acme").await, org(&env, "globex").await);
    let ours = [
        add_datasource(&routing, &acme, "crm").await,
        add_datasource(&routing, &acme, "billing").await,
    ];
    let theirs = add_datasource(&routing, &globex, "crm").await;
    let datasource_ids = [ours[0].id, ours[1].id, theirs.id];
    let config_ids = [ours[0].config_id, ours[1].config_id, theirs.config_id];
    let intent_ids = [
        add_intent(&routing, &acme, "Orders", 1).await.id,
        add_intent(&routing, &globex, "Orders", 1).await.id,
    ];

    let datasources = routing
        .datasources
        .find_many(acme.id(), &datasource_ids)
        .await
        .expect("datasources");
    let configs = routing
        .configs
        .find_many(acme.id(), &config_ids)
        .await
        .expect("configs");
    let intents = routing
        .intents
        .find_many(acme.id(), &intent_ids)
        .await
        .expect("intents");

    let names = |ids: Vec<String>| ids.into_iter().collect::<BTreeSet<_>>();
    assert_eq!(
        names(datasources.iter().map(|d| d.name.clone()).collect()),
        names(vec!["billing".into(), "crm".into()])
    );
    assert!(datasources.iter().all(|d| d.tenant_id == acme.id()));
    assert_eq!(configs.len(), 2);
    assert!(configs.iter().all(|c| c.tenant_id == acme.id()));
    assert_eq!(intents.len(), 1);
    assert_eq!(intents[0].id, intent_ids[0]);
    assert!(
        routing
            .intents
            .find_many(acme.id(), &[])
            .await
            .expect("nothing asked")
            .is_empty()
    );
}

contract!(rules_of_many_intents_come_grouped_in_running_order);
async fn rules_of_many_intents_come_grouped_in_running_order(env: Env) {
    let routing = ports(&env);
    let (acme, globex) = (org(&env, "acme").await, org(&env, "globex").await);
    let datasource = add_datasource(&routing, &acme, "crm").await;
    let first = add_intent(&routing, &acme, "Orders", 1).await;
    let second = add_intent(&routing, &acme, "Refunds", 1).await;
    let low = rule(&acme, first.id, datasource.id, 1);
    let high = rule(&acme, first.id, datasource.id, 9);
    let other = rule(&acme, second.id, datasource.id, 5);
    for r in [&low, &high, &other] {
        add_rule(&routing, r).await;
    }
    let foreign_datasource = add_datasource(&routing, &globex, "crm").await;
    let foreign_intent = add_intent(&routing, &globex, "Orders", 1).await;
    add_rule(
        &routing,
        &rule(&globex, foreign_intent.id, foreign_datasource.id, 1),
    )
    .await;

    let rules = routing
        .rules
        .list_for_intents(acme.id(), &[first.id, second.id, foreign_intent.id])
        .await
        .expect("rules");

    let of = |intent| -> Vec<_> {
        rules
            .iter()
            .filter(|r| r.intent_id == intent)
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(of(first.id), [high.id, low.id], "highest priority first");
    assert_eq!(of(second.id), [other.id]);
    assert_eq!(rules.len(), 3, "another tenant's intent has no rules here");
}
