use std::sync::Arc;

use crate::IntentId;
use chrono::Utc;
use mockall::predicate::eq;
use trellis_kernel::BuiltinRole;
use trellis_kernel::testing::ctx_with_role;
use trellis_kernel::{DomainError, FixedClock, RuleId};

use super::*;
use crate::matcher::{MatchField, MatchOperator};
use crate::ports::MockIntentRepository;

fn service(repo: MockIntentRepository) -> IntentService {
    IntentService::new(Arc::new(repo), Arc::new(FixedClock::new(Utc::now())))
}

fn support() -> CreateIntent {
    CreateIntent {
        name: "Support Ticket".into(),
        description: Some("Customers asking for help".into()),
        priority: 10,
        is_active: true,
        matchers: vec![MatcherSpec {
            field: MatchField::To,
            header: None,
            operator: MatchOperator::EndsWith,
            value: "support@acme.test".into(),
        }],
    }
}

#[tokio::test]
async fn a_member_creates_an_intent_with_its_matchers_audited() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let tenant = ctx.tenant_id;
    let mut repo = MockIntentRepository::new();
    repo.expect_create()
        .withf(move |t, intent, audit| {
            *t == tenant
                && intent.tenant_id == tenant
                && audit.tenant_id == tenant
                && intent.matchers.len() == 1
                && audit.action == "intent.created"
                && audit
                    .after
                    .as_ref()
                    .is_some_and(|a| a["matchers"][0]["operator"] == "ENDS_WITH")
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let intent = service(repo).create(&ctx, support()).await.unwrap();
    assert_eq!(intent.name, "Support Ticket");
    assert_eq!(intent.priority, 10);
}

#[tokio::test]
async fn bad_matchers_are_named_by_index_and_nothing_is_written() {
    let mut input = support();
    input.name = String::new();
    input.matchers.push(MatcherSpec {
        field: MatchField::Subject,
        header: None,
        operator: MatchOperator::Regex,
        value: "(unclosed".into(),
    });
    input.matchers.push(MatcherSpec {
        field: MatchField::Header,
        header: None,
        operator: MatchOperator::Equals,
        value: "1".into(),
    });
    let err = service(MockIntentRepository::new())
        .create(&ctx_with_role(BuiltinRole::Member), input)
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = err else {
        panic!("expected validation, got {err}");
    };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["name", "matchers[1].value", "matchers[2].header"]);
}

#[tokio::test]
async fn viewers_cannot_create_intents() {
    let err = service(MockIntentRepository::new())
        .create(&ctx_with_role(BuiltinRole::Viewer), support())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("routing.manage"), "{err}");
}

#[tokio::test]
async fn another_tenants_intent_is_not_found_and_unchanged() {
    let ctx = ctx_with_role(BuiltinRole::Owner);
    let id = IntentId::generate();
    // The intent is another tenant's: looked up in the caller's tenant, the
    // store has none. A lookup in any other tenant matches no expectation;
    // no update or delete is expected at all.
    let mut repo = MockIntentRepository::new();
    repo.expect_find()
        .with(eq(ctx.tenant_id), eq(id))
        .times(2)
        .returning(|_, _| Ok(None));
    let service = service(repo);
    let update = service.update(&ctx, id, UpdateIntent::default()).await;
    let delete = service.delete(&ctx, id).await;
    for err in [update.unwrap_err(), delete.unwrap_err()] {
        assert!(
            matches!(err, DomainError::NotFound { entity: "intent" }),
            "{err}"
        );
    }
}

#[tokio::test]
async fn an_update_changes_only_what_is_given_and_delete_reports_the_rules() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let mut errors = trellis_kernel::FieldErrors::new();
    let existing = build_intent(&ctx, support(), Utc::now(), "", &mut errors).unwrap();
    let id = existing.id;
    let rules = vec![RuleId::generate(), RuleId::generate()];
    let returned = rules.clone();
    let tenant = ctx.tenant_id;
    let mut repo = MockIntentRepository::new();
    repo.expect_find()
        .with(eq(tenant), eq(id))
        .returning(move |_, _| Ok(Some(existing.clone())));
    repo.expect_update()
        .withf(move |t, intent, audit| {
            *t == tenant
                && audit.tenant_id == tenant
                && !intent.is_active
                && intent.name == "Support Ticket"
                && audit.before.is_some()
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    repo.expect_delete()
        .withf(move |t, deleted, audit| *t == tenant && *deleted == id && audit.tenant_id == tenant)
        .times(1)
        .returning(move |_, _, _| Ok(returned.clone()));
    let service = service(repo);
    let updated = service
        .update(
            &ctx,
            id,
            UpdateIntent {
                is_active: Some(false),
                ..UpdateIntent::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.matchers.len(), 1);
    let deleted = service.delete(&ctx, id).await.unwrap();
    assert_eq!(deleted.deleted_rule_ids, rules);
}

#[tokio::test]
async fn a_restore_is_audited_in_the_callers_tenant_and_reports_the_rules() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let mut errors = trellis_kernel::FieldErrors::new();
    let intent = build_intent(&ctx, support(), Utc::now(), "", &mut errors).unwrap();
    let id = intent.id;
    let rules = vec![RuleId::generate()];
    let returned = (intent.clone(), rules.clone());
    let tenant = ctx.tenant_id;
    let brought_back = intent.clone();
    let mut repo = MockIntentRepository::new();
    repo.expect_restore()
        .withf(move |scope, restored, audit| {
            // What the log keeps of the intent brought back.
            let after = audit.of(&brought_back).after;
            *scope == tenant
                && *restored == id
                && audit.entry.action == "intent.restored"
                && audit.entry.entity_id == id.to_string()
                && after.is_some_and(|after| after["name"] == brought_back.name)
        })
        .times(1)
        .returning(move |_, _, _| Ok(returned.clone()));
    let restored = service(repo).restore(&ctx, id).await.unwrap();
    assert_eq!(restored.intent, intent);
    assert_eq!(restored.restored_rule_ids, rules);
}

#[tokio::test]
async fn viewers_cannot_restore_intents() {
    let err = service(MockIntentRepository::new())
        .restore(&ctx_with_role(BuiltinRole::Viewer), IntentId::generate())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("routing.manage"), "{err}");
}
