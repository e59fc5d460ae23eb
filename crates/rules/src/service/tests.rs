use std::sync::Arc;

use chrono::Utc;
use mockall::predicate::eq;
use serde_json::json;
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::ports::{MockDatasourceConfigRepository, MockDatasourceRepository};
use trellis_datasources::{
    AuthType, ConnectionOptions, Datasource, DatasourceConfig, DatasourceKind, Protocol,
};
use trellis_intents::ports::MockIntentRepository;
use trellis_intents::{CreateIntent, Intent};
use trellis_kernel::BuiltinRole;
use trellis_kernel::testing::ctx_with_role;
use trellis_kernel::{DomainError, FixedClock, TenantCtx};

use super::*;
use crate::ports::MockRuleRepository;

#[derive(Default)]
struct Mocks {
    rules: MockRuleRepository,
    intents: MockIntentRepository,
    datasources: MockDatasourceRepository,
    configs: MockDatasourceConfigRepository,
}

impl Mocks {
    /// Mocks where the tenant of `ctx` has `datasource` (through a
    /// PostgreSQL config) and `intent`, and nothing else. Every lookup must
    /// name that tenant: one in any other matches no expectation and fails
    /// the test.
    fn with(ctx: &TenantCtx, datasource: &Datasource, intent: Option<&Intent>) -> Self {
        let mut mocks = Self::default();
        let tenant = ctx.tenant_id;
        let known = datasource.clone();
        mocks
            .datasources
            .expect_find()
            .withf(move |t, _| *t == tenant)
            .returning(move |_, id| Ok((id == known.id).then(|| known.clone())));
        let config = DatasourceConfig {
            tls_mode: None,
            id: datasource.config_id,
            tenant_id: ctx.tenant_id,
            name: "crm".into(),
            protocol: Protocol::Postgresql,
            base_url: "postgres://db.example.com/crm".into(),
            auth_type: AuthType::None,
            credentials: None,
            connection: ConnectionOptions::default(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let config_id = config.id;
        mocks
            .configs
            .expect_find()
            .with(eq(tenant), eq(config_id))
            .returning(move |_, _| Ok(Some(config.clone())));
        let intent = intent.cloned();
        mocks
            .intents
            .expect_find()
            .withf(move |t, _| *t == tenant)
            .returning(move |_, id| Ok(intent.clone().filter(|i| i.id == id)));
        mocks
    }

    fn service(self) -> RuleService {
        RuleService::new(Arc::new(RuleDeps {
            rules: Arc::new(self.rules),
            intents: Arc::new(self.intents),
            datasources: Arc::new(self.datasources),
            configs: Arc::new(self.configs),
            clock: Arc::new(FixedClock::new(Utc::now())),
        }))
    }
}

fn datasource(ctx: &TenantCtx) -> Datasource {
    Datasource {
        id: DatasourceId::generate(),
        tenant_id: ctx.tenant_id,
        name: "customers".into(),
        kind: DatasourceKind::Database,
        config_id: DatasourceConfigId::generate(),
        description: None,
        file: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn intent(ctx: &TenantCtx) -> Intent {
    let mut errors = FieldErrors::new();
    trellis_intents::service::build_intent(ctx, intent_input(), Utc::now(), "", &mut errors)
        .expect("valid intent")
}

fn intent_input() -> CreateIntent {
    CreateIntent {
        name: "Support".into(),
        description: None,
        priority: 0,
        is_active: true,
        matchers: vec![],
    }
}

fn exists_rule(intent: IntentId, datasource: DatasourceId) -> CreateRule {
    CreateRule {
        intent_id: intent,
        datasource_id: datasource,
        field_name: "from".into(),
        rule_type: RuleType::Exists,
        conditions: json!({"query": "SELECT 1 FROM customers WHERE email = $1", "params": ["from"]}),
        priority: 0,
        is_active: true,
    }
}

#[tokio::test]
async fn a_rule_on_the_tenants_datasource_is_created_and_audited() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let (ds, it) = (datasource(&ctx), intent(&ctx));
    let mut mocks = Mocks::with(&ctx, &ds, Some(&it));
    let tenant = ctx.tenant_id;
    mocks
        .rules
        .expect_create()
        .withf(move |t, rule, audit| {
            *t == tenant
                && rule.tenant_id == tenant
                && audit.tenant_id == tenant
                && rule.field_name == EmailField::From
                && audit.action == "rule.created"
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let rule = mocks
        .service()
        .create(&ctx, exists_rule(it.id, ds.id))
        .await
        .unwrap();
    assert_eq!(rule.rule_type, RuleType::Exists);
}

#[tokio::test]
async fn a_rule_cannot_use_a_datasource_the_tenant_does_not_have() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let (ds, it) = (datasource(&ctx), intent(&ctx));
    let foreign = DatasourceId::generate();
    let err = Mocks::with(&ctx, &ds, Some(&it))
        .service()
        .create(&ctx, exists_rule(it.id, foreign))
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = &err else {
        panic!("expected a validation error, got {err}");
    };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["datasourceId"]);
}

#[tokio::test]
async fn bad_field_and_bad_sql_are_both_named_and_nothing_is_written() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let (ds, it) = (datasource(&ctx), intent(&ctx));
    let mut input = exists_rule(it.id, ds.id);
    input.field_name = "sender".into();
    input.conditions = json!({"query": "DELETE FROM customers", "params": []});
    let err = Mocks::with(&ctx, &ds, Some(&it))
        .service()
        .create(&ctx, input)
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("fieldName"), "{text}");
    let mut input = exists_rule(it.id, ds.id);
    input.conditions = json!({"query": "DELETE FROM customers", "params": []});
    let err = Mocks::with(&ctx, &ds, Some(&it))
        .service()
        .create(&ctx, input)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("conditions.query"), "{err}");
}

#[tokio::test]
async fn one_bad_rule_and_create_intent_with_rules_creates_nothing() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let ds = datasource(&ctx);
    // No expectation on `create_intent_with_rules`: calling it would fail the test.
    let service = Mocks::with(&ctx, &ds, None).service();
    let good = exists_rule(IntentId::generate(), ds.id);
    let spec = |datasource_id| RuleSpec {
        datasource_id,
        field_name: good.field_name.clone(),
        rule_type: good.rule_type,
        conditions: good.conditions.clone(),
        priority: 0,
        is_active: true,
    };
    let err = service
        .create_intent_with_rules(
            &ctx,
            CreateIntentWithRules {
                intent: intent_input(),
                rules: vec![spec(ds.id), spec(DatasourceId::generate())],
            },
        )
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = err else {
        panic!("expected validation, got {err}");
    };
    assert_eq!(fields[0].field, "rules[1].datasourceId");
}

#[tokio::test]
async fn create_intent_with_rules_stores_both_in_one_call() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let ds = datasource(&ctx);
    let mut mocks = Mocks::with(&ctx, &ds, None);
    let tenant = ctx.tenant_id;
    mocks
        .rules
        .expect_create_intent_with_rules()
        .withf(move |t, intent, rules, audit| {
            *t == tenant
                && intent.tenant_id == tenant
                && audit.tenant_id == tenant
                && rules.len() == 2
                && rules
                    .iter()
                    .all(|r| r.intent_id == intent.id && r.tenant_id == tenant)
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let rule = exists_rule(IntentId::generate(), ds.id);
    let spec = RuleSpec {
        datasource_id: ds.id,
        field_name: rule.field_name,
        rule_type: rule.rule_type,
        conditions: rule.conditions,
        priority: 0,
        is_active: true,
    };
    let (_, rules) = mocks
        .service()
        .create_intent_with_rules(
            &ctx,
            CreateIntentWithRules {
                intent: intent_input(),
                rules: vec![spec.clone(), spec],
            },
        )
        .await
        .unwrap();
    assert_eq!(rules.len(), 2);
}

fn stored_rule(
    ctx: &TenantCtx,
    intent: IntentId,
    ds: DatasourceId,
    priority: i32,
) -> ValidationRule {
    ValidationRule {
        id: RuleId::generate(),
        tenant_id: ctx.tenant_id,
        intent_id: intent,
        datasource_id: ds,
        field_name: EmailField::From,
        rule_type: RuleType::Exists,
        conditions: json!({}),
        priority,
        is_active: true,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

#[tokio::test]
async fn reordering_must_name_every_rule_once_and_sets_descending_priorities() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let (ds, it) = (datasource(&ctx), intent(&ctx));
    let a = stored_rule(&ctx, it.id, ds.id, 5);
    let b = stored_rule(&ctx, it.id, ds.id, 1);
    let (a_id, b_id) = (a.id, b.id);
    let mut mocks = Mocks::with(&ctx, &ds, Some(&it));
    let current = vec![a, b];
    let (tenant, intent_id) = (ctx.tenant_id, it.id);
    mocks
        .rules
        .expect_list_for_intent()
        .with(eq(tenant), eq(intent_id))
        .returning(move |_, _| Ok(current.clone()));
    mocks
        .rules
        .expect_set_priorities()
        .withf(move |t, intent, priorities, audit| {
            *t == tenant
                && *intent == intent_id
                && audit.tenant_id == tenant
                && priorities == [(b_id, 20), (a_id, 10)]
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let service = mocks.service();
    let err = service.reorder(&ctx, it.id, vec![b_id]).await.unwrap_err();
    assert!(err.to_string().contains("all 2 rules"), "{err}");
    let err = service
        .reorder(&ctx, it.id, vec![b_id, b_id])
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("ruleIds[1]: appears twice"),
        "{err}"
    );
    service
        .reorder(&ctx, it.id, vec![b_id, a_id])
        .await
        .unwrap();
}

#[tokio::test]
async fn viewers_read_rules_but_cannot_change_them() {
    let ctx = ctx_with_role(BuiltinRole::Viewer);
    let (ds, it) = (datasource(&ctx), intent(&ctx));
    let mut mocks = Mocks::with(&ctx, &ds, Some(&it));
    mocks
        .rules
        .expect_list_for_intent()
        .with(eq(ctx.tenant_id), eq(it.id))
        .returning(|_, _| Ok(vec![]));
    let service = mocks.service();
    assert!(service.list_for_intent(&ctx, it.id).await.is_ok());
    let err = service
        .create(&ctx, exists_rule(it.id, ds.id))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err}");
    let err = service.delete(&ctx, RuleId::generate()).await.unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err}");
}

#[tokio::test]
async fn rules_of_many_intents_are_read_at_once_and_grouped_per_intent() {
    let ctx = ctx_with_role(BuiltinRole::Viewer);
    let ds = datasource(&ctx);
    let (first, second) = (IntentId::generate(), IntentId::generate());
    let a = stored_rule(&ctx, first, ds.id, 5);
    let b = stored_rule(&ctx, first, ds.id, 1);
    let (a_id, b_id) = (a.id, b.id);
    let tenant = ctx.tenant_id;
    let mut mocks = Mocks::default();
    mocks
        .rules
        .expect_list_for_intents()
        .withf(move |t, intents| *t == tenant && intents == [first, second])
        .times(1)
        .returning(move |_, _| Ok(vec![a.clone(), b.clone()]));
    let service = mocks.service();

    let grouped = service
        .list_for_intents(&ctx, &[first, second])
        .await
        .unwrap();

    let ids: Vec<_> = grouped[&first].iter().map(|r| r.id).collect();
    assert_eq!(ids, [a_id, b_id], "in the order the store gave");
    assert!(
        grouped[&second].is_empty(),
        "an intent without rules has none"
    );
}

#[tokio::test]
async fn reading_many_intents_rules_needs_routing_read() {
    let mut ctx = ctx_with_role(BuiltinRole::Viewer);
    ctx.permissions.clear();
    let err = Mocks::default()
        .service()
        .list_for_intents(&ctx, &[IntentId::generate()])
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err}");
}
