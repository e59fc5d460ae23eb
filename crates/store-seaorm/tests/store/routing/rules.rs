//! Validation rules: references within the tenant, all-or-nothing writes,
//! priorities, and the targets routing runs.

use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use serde_json::json;
use trellis_intents::EmailField;
use trellis_kernel::DomainError;
use trellis_rules::{RuleType, ValidationRule};
use trellis_store_seaorm::routing::entity::validation_rule;

use crate::routing::support::*;
use crate::support::*;

contract!(a_rule_reads_back_as_written);
async fn a_rule_reads_back_as_written(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &org, "CRM").await;
    let billing = add_datasource(&routing, &org, "Billing").await;
    let support = add_intent(&routing, &org, "Support", 1).await;
    let check = rule(&org, support.id, crm.id, 5);
    add_rule(&routing, &check).await;
    assert_eq!(
        routing
            .rules
            .find(org.id(), check.id)
            .await
            .unwrap()
            .as_ref(),
        Some(&check)
    );
    assert_eq!(actions(&env, org.id()).await[0], "rule.created");

    let changed = ValidationRule {
        datasource_id: billing.id,
        field_name: EmailField::Field("account".into()),
        rule_type: RuleType::Range,
        conditions: json!({ "min": 1, "max": 9.5, "path": "$.seats" }),
        priority: -2,
        is_active: false,
        updated_at: now() + chrono::Duration::seconds(2),
        ..check.clone()
    };
    routing
        .rules
        .update(org.id(), &changed, &audit(org.id(), None, "rule.updated"))
        .await
        .unwrap();
    assert_eq!(
        routing.rules.find(org.id(), check.id).await.unwrap(),
        Some(changed)
    );
    assert_eq!(actions(&env, org.id()).await[0], "rule.updated");

    routing
        .rules
        .delete(org.id(), check.id, &audit(org.id(), None, "rule.deleted"))
        .await
        .unwrap();
    assert_eq!(routing.rules.find(org.id(), check.id).await.unwrap(), None);
    assert_eq!(actions(&env, org.id()).await[0], "rule.deleted");
    let err = routing
        .rules
        .delete(org.id(), check.id, &audit(org.id(), None, "rule.deleted"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "rule" }),
        "{err:?}"
    );
}

contract!(a_rule_cannot_reference_another_tenants_intent_or_datasource);
async fn a_rule_cannot_reference_another_tenants_intent_or_datasource(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let ours = add_datasource(&routing, &acme, "CRM").await;
    let support = add_intent(&routing, &acme, "Support", 1).await;
    let theirs = add_datasource(&routing, &globex, "CRM").await;
    let their_intent = add_intent(&routing, &globex, "Support", 1).await;
    let before = actions(&env, acme.id()).await;

    let foreign_datasource = rule(&acme, support.id, theirs.id, 1);
    let err = routing
        .rules
        .create(
            acme.id(),
            &foreign_datasource,
            &audit(acme.id(), None, "rule.created"),
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
    let foreign_intent = rule(&acme, their_intent.id, ours.id, 1);
    let err = routing
        .rules
        .create(
            acme.id(),
            &foreign_intent,
            &audit(acme.id(), None, "rule.created"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "intent" }),
        "{err:?}"
    );
    assert!(
        validation_rule::Entity::find()
            .all(env.db.owner())
            .await
            .unwrap()
            .is_empty()
    );

    // Moving an existing rule onto the foreign datasource is refused alike.
    let check = rule(&acme, support.id, ours.id, 1);
    add_rule(&routing, &check).await;
    let moved = ValidationRule {
        datasource_id: theirs.id,
        ..check.clone()
    };
    let err = routing
        .rules
        .update(acme.id(), &moved, &audit(acme.id(), None, "rule.updated"))
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
    assert_eq!(
        routing.rules.find(acme.id(), check.id).await.unwrap(),
        Some(check.clone())
    );
    assert_eq!(
        actions(&env, acme.id()).await.len(),
        before.len() + 1,
        "only rule.created"
    );

    // The composite key refuses it even when the code does not check.
    let row = validation_rule::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        datasource_id: Set(theirs.id.as_uuid()),
        ..row_of(&check)
    };
    let err = validation_rule::Entity::insert(row)
        .exec_without_returning(env.db.owner())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err.sql_err(),
            Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_))
        ),
        "{err:?}"
    );
}

/// The row of `rule`, written by hand.
fn row_of(rule: &ValidationRule) -> validation_rule::ActiveModel {
    validation_rule::ActiveModel {
        tenant_id: Set(rule.tenant_id.as_uuid()),
        id: Set(rule.id.as_uuid()),
        intent_id: Set(rule.intent_id.as_uuid()),
        datasource_id: Set(rule.datasource_id.as_uuid()),
        field_name: Set(rule.field_name.to_string()),
        rule_type: Set(rule.rule_type.as_str().to_owned()),
        conditions: Set(rule.conditions.clone()),
        priority: Set(rule.priority),
        is_active: Set(rule.is_active),
        created_at: Set(rule.created_at),
        updated_at: Set(rule.updated_at),
        deleted_at: Set(None),
        deletion_id: Set(None),
    }
}

contract!(another_tenants_rule_is_not_found_and_stays_as_it_was);
async fn another_tenants_rule_is_not_found_and_stays_as_it_was(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &acme, "CRM").await;
    let support = add_intent(&routing, &acme, "Support", 1).await;
    let check = rule(&acme, support.id, crm.id, 1);
    add_rule(&routing, &check).await;
    let their_crm = add_datasource(&routing, &globex, "CRM").await;
    let their_support = add_intent(&routing, &globex, "Support", 1).await;

    assert_eq!(
        routing.rules.find(globex.id(), check.id).await.unwrap(),
        None
    );
    assert!(
        routing
            .rules
            .list_for_intent(globex.id(), support.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        routing
            .rules
            .list_targets(globex.id(), support.id)
            .await
            .unwrap()
            .is_empty()
    );
    let hijack = ValidationRule {
        tenant_id: globex.id(),
        intent_id: their_support.id,
        datasource_id: their_crm.id,
        priority: 99,
        ..check.clone()
    };
    let err = routing
        .rules
        .update(
            globex.id(),
            &hijack,
            &audit(globex.id(), None, "rule.updated"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "rule" }),
        "{err:?}"
    );
    let err = routing
        .rules
        .delete(
            globex.id(),
            check.id,
            &audit(globex.id(), None, "rule.deleted"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "rule" }),
        "{err:?}"
    );
    let err = routing
        .rules
        .set_priorities(
            globex.id(),
            support.id,
            &[(check.id, 50)],
            &audit(globex.id(), None, "rule.reordered"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "rule" }),
        "{err:?}"
    );
    assert_eq!(
        routing.rules.find(acme.id(), check.id).await.unwrap(),
        Some(check)
    );
}

contract!(an_intent_with_rules_is_created_whole_or_not_at_all);
async fn an_intent_with_rules_is_created_whole_or_not_at_all(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &acme, "CRM").await;
    let theirs = add_datasource(&routing, &globex, "CRM").await;
    let before = actions(&env, acme.id()).await.len();

    let support = intent(&acme, "Support", 1);
    let rules = [
        rule(&acme, support.id, crm.id, 2),
        rule(&acme, support.id, theirs.id, 1),
    ];
    let err = routing
        .rules
        .create_intent_with_rules(
            acme.id(),
            &support,
            &rules,
            &audit(acme.id(), None, "intent.created"),
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
    assert_eq!(
        routing.intents.find(acme.id(), support.id).await.unwrap(),
        None
    );
    assert!(
        validation_rule::Entity::find()
            .all(env.db.owner())
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(actions(&env, acme.id()).await.len(), before);

    let rules = [
        rule(&acme, support.id, crm.id, 2),
        rule(&acme, support.id, crm.id, 1),
    ];
    routing
        .rules
        .create_intent_with_rules(
            acme.id(),
            &support,
            &rules,
            &audit(acme.id(), None, "intent.created"),
        )
        .await
        .unwrap();
    assert_eq!(
        routing.intents.find(acme.id(), support.id).await.unwrap(),
        Some(support.clone())
    );
    assert_eq!(
        routing
            .rules
            .list_for_intent(acme.id(), support.id)
            .await
            .unwrap(),
        rules.to_vec()
    );
    assert_eq!(actions(&env, acme.id()).await[0], "intent.created");

    // A taken name leaves no rule behind either.
    let twin = intent(&acme, "support", 1);
    let err = routing
        .rules
        .create_intent_with_rules(
            acme.id(),
            &twin,
            &[rule(&acme, twin.id, crm.id, 1)],
            &audit(acme.id(), None, "intent.created"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`support`")),
        "{err:?}"
    );
    assert_eq!(
        validation_rule::Entity::find()
            .all(env.db.owner())
            .await
            .unwrap()
            .len(),
        2
    );
}
