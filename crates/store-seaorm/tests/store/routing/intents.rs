//! Intents: matchers, names, the filtered list, the routing order, deletion.

use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use serde_json::json;
use trellis_intents::{Intent, IntentFilter, MatchField, MatchOperator};
use trellis_kernel::{Cursor, DomainError, PageRequest};
use trellis_store_seaorm::routing::entity::intent as intent_row;

use crate::routing::support::*;
use crate::support::*;

async fn names(
    routing: &trellis_rules::RoutingPorts,
    org: &Org,
    filter: IntentFilter,
) -> Vec<String> {
    routing
        .intents
        .list(org.id(), &filter, PageRequest::first(100))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.name)
        .collect()
}

fn text(text: &str) -> IntentFilter {
    IntentFilter {
        text: Some(text.into()),
        ..IntentFilter::default()
    }
}

contract!(an_intent_reads_back_with_its_matchers);
async fn an_intent_reads_back_with_its_matchers(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let support = add_intent(&routing, &org, "Support", 7).await;
    let found = routing
        .intents
        .find(org.id(), support.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, support);
    assert_eq!(found.matchers.len(), 2);
    assert_eq!(
        found.matchers[1].spec().header.as_deref(),
        Some("X-Category")
    );
    assert_eq!(actions(&env, org.id()).await[0], "intent.created");

    let quiet = Intent {
        name: "Quiet".into(),
        description: None,
        priority: -3,
        is_active: false,
        matchers: vec![matcher(
            MatchField::FromDomain,
            None,
            MatchOperator::EndsWith,
            "example.com",
        )],
        updated_at: now() + chrono::Duration::seconds(3),
        ..support.clone()
    };
    routing
        .intents
        .update(org.id(), &quiet, &audit(org.id(), None, "intent.updated"))
        .await
        .unwrap();
    assert_eq!(
        routing.intents.find(org.id(), support.id).await.unwrap(),
        Some(quiet)
    );
    assert_eq!(actions(&env, org.id()).await[0], "intent.updated");
}

contract!(a_stored_matcher_that_no_longer_compiles_is_an_internal_error);
async fn a_stored_matcher_that_no_longer_compiles_is_an_internal_error(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let support = add_intent(&routing, &org, "Support", 1).await;
    let broken = intent_row::ActiveModel {
        matchers: Set(json!([{ "field": "SUBJECT", "operator": "REGEX", "value": "(unclosed" }])),
        ..Default::default()
    };
    intent_row::Entity::update_many()
        .set(broken)
        .exec(env.db.owner())
        .await
        .unwrap();
    let err = routing
        .intents
        .find(org.id(), support.id)
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Internal(_)), "{err:?}");
}

contract!(intent_names_are_unique_per_tenant_ignoring_case);
async fn intent_names_are_unique_per_tenant_ignoring_case(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    add_intent(&routing, &acme, "Support", 1).await;

    let twin = intent(&acme, "SUPPORT", 2);
    let err = routing
        .intents
        .create(acme.id(), &twin, &audit(acme.id(), None, "intent.created"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m)
            if m == "an intent named `SUPPORT` exists (names ignore case)"),
        "{err:?}"
    );
    assert_eq!(
        routing.intents.find(acme.id(), twin.id).await.unwrap(),
        None
    );

    let sales = add_intent(&routing, &acme, "Sales", 1).await;
    let renamed = Intent {
        name: "support".into(),
        ..sales.clone()
    };
    let err = routing
        .intents
        .update(
            acme.id(),
            &renamed,
            &audit(acme.id(), None, "intent.updated"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    assert_eq!(
        routing.intents.find(acme.id(), sales.id).await.unwrap(),
        Some(sales)
    );

    add_intent(&routing, &globex, "Support", 1).await;
    assert_eq!(
        actions(&env, acme.id()).await[..2],
        ["intent.created", "intent.created"],
        "no audit entry for the refused writes"
    );
}

contract!(another_tenants_intent_is_not_found_and_stays_as_it_was);
async fn another_tenants_intent_is_not_found_and_stays_as_it_was(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let support = add_intent(&routing, &acme, "Support", 1).await;
    let crm = add_datasource(&routing, &acme, "CRM").await;
    let check = rule(&acme, support.id, crm.id, 1);
    add_rule(&routing, &check).await;

    assert_eq!(
        routing.intents.find(globex.id(), support.id).await.unwrap(),
        None
    );
    assert!(
        names(&routing, &globex, IntentFilter::default())
            .await
            .is_empty()
    );
    assert!(
        routing
            .intents
            .list_active(globex.id())
            .await
            .unwrap()
            .is_empty()
    );

    let hijack = Intent {
        tenant_id: globex.id(),
        name: "Hijacked".into(),
        ..support.clone()
    };
    let err = routing
        .intents
        .update(
            globex.id(),
            &hijack,
            &audit(globex.id(), None, "intent.updated"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "intent" }),
        "{err:?}"
    );
    let err = routing
        .intents
        .delete(
            globex.id(),
            support.id,
            &audit(globex.id(), None, "intent.deleted"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "intent" }),
        "{err:?}"
    );

    assert_eq!(
        routing.intents.find(acme.id(), support.id).await.unwrap(),
        Some(support)
    );
    assert_eq!(
        routing.rules.find(acme.id(), check.id).await.unwrap(),
        Some(check)
    );
    assert_eq!(actions(&env, globex.id()).await, ["tenant.created"]);
}

contract!(the_list_filters_by_activity_and_by_text_taken_literally);
async fn the_list_filters_by_activity_and_by_text_taken_literally(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let mut refunds = intent(&org, "Refunds", 1);
    refunds.description = Some("Asks for 100% back".into());
    let mut discount = intent(&org, "Discount 50_off", 1);
    discount.description = Some("Coupon codes".into());
    discount.is_active = false;
    let mut plain = intent(&org, "Support", 1);
    plain.description = None;
    for intent in [&refunds, &discount, &plain] {
        routing
            .intents
            .create(org.id(), intent, &audit(org.id(), None, "intent.created"))
            .await
            .unwrap();
    }

    let all = names(&routing, &org, IntentFilter::default()).await;
    assert_eq!(
        all,
        ["Refunds", "Discount 50_off", "Support"],
        "oldest first"
    );
    let active = IntentFilter {
        active: Some(true),
        ..IntentFilter::default()
    };
    assert_eq!(names(&routing, &org, active).await, ["Refunds", "Support"]);
    let inactive = IntentFilter {
        active: Some(false),
        ..IntentFilter::default()
    };
    assert_eq!(names(&routing, &org, inactive).await, ["Discount 50_off"]);

    // In the name or the description, ignoring case.
    assert_eq!(names(&routing, &org, text("SUPP")).await, ["Support"]);
    assert_eq!(
        names(&routing, &org, text("coupon")).await,
        ["Discount 50_off"]
    );
    // `%` and `_` mean themselves, not wildcards.
    assert_eq!(names(&routing, &org, text("100%")).await, ["Refunds"]);
    assert_eq!(names(&routing, &org, text("%")).await, ["Refunds"]);
    assert_eq!(
        names(&routing, &org, text("0_o")).await,
        ["Discount 50_off"]
    );
    assert!(
        names(&routing, &org, text("s_o")).await.is_empty(),
        "`_` is no wildcard"
    );
    assert!(names(&routing, &org, text("\\")).await.is_empty());
    let both = IntentFilter {
        active: Some(true),
        text: Some("PORT".into()),
    };
    assert_eq!(names(&routing, &org, both).await, ["Support"]);
    let neither = IntentFilter {
        active: Some(false),
        text: Some("PORT".into()),
    };
    assert!(names(&routing, &org, neither).await.is_empty());

    let page = routing
        .intents
        .list(org.id(), &IntentFilter::default(), PageRequest::first(2))
        .await
        .unwrap();
    assert!(page.has_next_page);
    let after = PageRequest {
        first: 2,
        after: Some(Cursor(page.items[1].id.as_uuid())),
    };
    let rest = routing
        .intents
        .list(org.id(), &IntentFilter::default(), after)
        .await
        .unwrap();
    assert_eq!(rest.items, [plain]);
    assert!(!rest.has_next_page);
}

contract!(active_intents_come_highest_priority_first_then_oldest_first);
async fn active_intents_come_highest_priority_first_then_oldest_first(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let low = add_intent(&routing, &org, "Low", 1).await;
    let high_old = add_intent(&routing, &org, "High old", 10).await;
    let mut off = intent(&org, "Off", 100);
    off.is_active = false;
    routing
        .intents
        .create(org.id(), &off, &audit(org.id(), None, "intent.created"))
        .await
        .unwrap();
    let high_new = add_intent(&routing, &org, "High new", 10).await;
    let negative = add_intent(&routing, &org, "Negative", -5).await;

    let order: Vec<_> = routing
        .intents
        .list_active(org.id())
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(order, [high_old.id, high_new.id, low.id, negative.id]);
}

contract!(deleting_an_intent_deletes_its_rules_and_names_them);
async fn deleting_an_intent_deletes_its_rules_and_names_them(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &org, "CRM").await;
    let support = add_intent(&routing, &org, "Support", 1).await;
    let sales = add_intent(&routing, &org, "Sales", 1).await;
    let first = rule(&org, support.id, crm.id, 1);
    let second = rule(&org, support.id, crm.id, 2);
    let kept = rule(&org, sales.id, crm.id, 1);
    for rule in [&first, &second, &kept] {
        add_rule(&routing, rule).await;
    }

    let deleted = routing
        .intents
        .delete(
            org.id(),
            support.id,
            &audit(org.id(), None, "intent.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(deleted, [first.id, second.id]);
    assert_eq!(
        routing.intents.find(org.id(), support.id).await.unwrap(),
        None
    );
    assert!(
        routing
            .rules
            .list_for_intent(org.id(), support.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        routing.rules.find(org.id(), kept.id).await.unwrap(),
        Some(kept)
    );
    assert_eq!(actions(&env, org.id()).await[0], "intent.deleted");

    let err = routing
        .intents
        .delete(
            org.id(),
            support.id,
            &audit(org.id(), None, "intent.deleted"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "intent" }),
        "{err:?}"
    );
}
