//! The order rules run in: priorities set all or nothing, and the targets
//! routing reads in one query.

use trellis_intents::IntentId;
use trellis_kernel::{DomainError, RuleId};
use trellis_rules::RoutingPorts;

use crate::routing::support::*;
use crate::support::*;

async fn rule_ids(routing: &RoutingPorts, org: &Org, intent: IntentId) -> Vec<RuleId> {
    routing
        .rules
        .list_for_intent(org.id(), intent)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

contract!(priorities_are_set_all_or_nothing);
async fn priorities_are_set_all_or_nothing(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &org, "CRM").await;
    let support = add_intent(&routing, &org, "Support", 1).await;
    let sales = add_intent(&routing, &org, "Sales", 1).await;
    let a = rule(&org, support.id, crm.id, 1);
    let b = rule(&org, support.id, crm.id, 2);
    let c = rule(&org, support.id, crm.id, 3);
    let elsewhere = rule(&org, sales.id, crm.id, 1);
    for rule in [&a, &b, &c, &elsewhere] {
        add_rule(&routing, rule).await;
    }
    assert_eq!(
        rule_ids(&routing, &org, support.id).await,
        [c.id, b.id, a.id]
    );

    routing
        .rules
        .set_priorities(
            org.id(),
            support.id,
            &[(a.id, 30), (b.id, 20)],
            &audit(org.id(), None, "rule.reordered"),
        )
        .await
        .unwrap();
    assert_eq!(
        rule_ids(&routing, &org, support.id).await,
        [a.id, b.id, c.id]
    );
    let a_now = routing.rules.find(org.id(), a.id).await.unwrap().unwrap();
    assert_eq!(a_now.priority, 30);
    assert_eq!(
        routing.rules.find(org.id(), c.id).await.unwrap(),
        Some(c.clone()),
        "untouched"
    );
    assert_eq!(actions(&env, org.id()).await[0], "rule.reordered");

    // One rule of another intent, or an unknown one, and nothing changes.
    for stranger in [elsewhere.id, RuleId::generate()] {
        let err = routing
            .rules
            .set_priorities(
                org.id(),
                support.id,
                &[(c.id, 100), (stranger, 5)],
                &audit(org.id(), None, "rule.reordered"),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(err, DomainError::NotFound { entity: "rule" }),
            "{err:?}"
        );
        assert_eq!(
            routing.rules.find(org.id(), c.id).await.unwrap(),
            Some(c.clone())
        );
    }
    assert_eq!(
        routing.rules.find(org.id(), elsewhere.id).await.unwrap(),
        Some(elsewhere)
    );
    assert_eq!(actions(&env, org.id()).await[0], "rule.reordered");
    assert_eq!(actions(&env, org.id()).await[1], "rule.created");
}

contract!(targets_are_the_active_rules_in_running_order_with_their_datasources);
async fn targets_are_the_active_rules_in_running_order_with_their_datasources(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &org, "CRM").await;
    let billing = add_datasource(&routing, &org, "Billing").await;
    let support = add_intent(&routing, &org, "Support", 1).await;
    let sales = add_intent(&routing, &org, "Sales", 1).await;
    let low = rule(&org, support.id, crm.id, 1);
    let high_old = rule(&org, support.id, billing.id, 5);
    let mut off = rule(&org, support.id, crm.id, 9);
    off.is_active = false;
    let high_new = rule(&org, support.id, crm.id, 5);
    let other_intent = rule(&org, sales.id, crm.id, 7);
    for rule in [&low, &high_old, &off, &high_new, &other_intent] {
        add_rule(&routing, rule).await;
    }

    let targets = routing
        .rules
        .list_targets(org.id(), support.id)
        .await
        .unwrap();
    let order: Vec<_> = targets.iter().map(|t| t.rule.id).collect();
    assert_eq!(order, [high_old.id, high_new.id, low.id]);
    assert_eq!(targets[0].rule, high_old);
    assert_eq!(targets[0].datasource, billing);
    let billing_config = routing
        .configs
        .find(org.id(), billing.config_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(targets[0].config, billing_config);
    assert_eq!(targets[1].datasource, crm);
    assert_eq!(targets[1].config.id, crm.config_id);

    // The list of all rules keeps the inactive one, in the same order.
    assert_eq!(
        rule_ids(&routing, &org, support.id).await,
        [off.id, high_old.id, high_new.id, low.id]
    );
}
