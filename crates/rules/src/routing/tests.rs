use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::Utc;
use mockall::predicate::{always, eq};
use serde_json::json;
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::DatasourceId;
use trellis_datasources::ports::{Connector, MockConnector};
use trellis_datasources::{
    AuthType, ConnectionOptions, Datasource, DatasourceConfig, DatasourceKind, Lookup, LookupError,
    LookupErrorKind, LookupResult, Protocol,
};
use trellis_intents::IntentId;
use trellis_intents::matcher::{MatchField, MatchOperator, MatcherSpec};
use trellis_intents::ports::MockIntentRepository;
use trellis_intents::{EmailField, EmailMessage, Intent, Matcher};
use trellis_kernel::BuiltinRole;
use trellis_kernel::testing::ctx_with_role;
use trellis_kernel::{DomainError, FixedClock, PageRequest, RuleId, TenantCtx, TenantId};

use super::*;
use crate::ports::{MockRoutingRunRepository, MockRuleRepository, RuleTarget};
use crate::rule::{RuleType, ValidationRule};

fn intent(tenant: TenantId, name: &str, priority: i32, subject_contains: &str) -> Intent {
    Intent {
        id: IntentId::generate(),
        tenant_id: tenant,
        name: name.into(),
        description: None,
        priority,
        is_active: true,
        matchers: vec![
            Matcher::new(MatcherSpec {
                field: MatchField::Subject,
                header: None,
                operator: MatchOperator::Contains,
                value: subject_contains.into(),
            })
            .unwrap(),
        ],
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn target(tenant: TenantId, intent: IntentId, priority: i32) -> RuleTarget {
    let config = DatasourceConfig {
        tls_mode: None,
        id: DatasourceConfigId::generate(),
        tenant_id: tenant,
        name: "crm".into(),
        protocol: Protocol::Postgresql,
        base_url: "postgres://db.example.com/crm".into(),
        auth_type: AuthType::None,
        credentials: None,
        connection: ConnectionOptions::default(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    let datasource = Datasource {
        id: DatasourceId::generate(),
        tenant_id: tenant,
        name: "customers".into(),
        kind: DatasourceKind::Database,
        config_id: config.id,
        description: None,
        file: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    let rule = ValidationRule {
        id: RuleId::generate(),
        tenant_id: tenant,
        intent_id: intent,
        datasource_id: datasource.id,
        field_name: EmailField::From,
        rule_type: RuleType::Exists,
        conditions: json!({
            "query": "SELECT 1 FROM customers WHERE email = $1",
            "params": ["from"],
        }),
        priority,
        is_active: true,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    RuleTarget {
        rule,
        datasource,
        config,
    }
}

fn email(subject: &str) -> EmailMessage {
    EmailMessage {
        from: "ada@example.com".into(),
        to: vec!["support@acme.test".into()],
        subject: subject.into(),
        ..EmailMessage::default()
    }
}

struct Setup {
    intents: MockIntentRepository,
    rules: MockRuleRepository,
    runs: MockRoutingRunRepository,
    settings: RoutingSettings,
}

impl Setup {
    /// A setup for a caller in `tenant`: every repository call must name
    /// it, or it matches no expectation and fails the test.
    fn new(tenant: TenantId) -> Self {
        let mut runs = MockRoutingRunRepository::new();
        runs.expect_insert()
            .withf(move |t, run| *t == tenant && run.tenant_id == tenant)
            .times(1)
            .returning(|_, _| Ok(()));
        Self {
            intents: MockIntentRepository::new(),
            rules: MockRuleRepository::new(),
            runs,
            settings: RoutingSettings::default(),
        }
    }

    fn service(self, connector: impl Connector + 'static) -> RoutingService {
        RoutingService::new(Arc::new(RoutingDeps {
            intents: Arc::new(self.intents),
            rules: Arc::new(self.rules),
            runs: Arc::new(self.runs),
            connector: Arc::new(connector),
            clock: Arc::new(FixedClock::new(Utc::now())),
            settings: self.settings,
        }))
    }
}

fn row() -> Result<LookupResult, LookupError> {
    Ok(LookupResult::Sql {
        first_row: Some(vec![json!(1)]),
    })
}

/// The connector's answer to a single lookup.
fn answered(result: Result<LookupResult, LookupError>) -> Vec<trellis_datasources::TimedAnswer> {
    vec![trellis_datasources::TimedAnswer {
        result,
        took: Duration::from_millis(1),
    }]
}

#[tokio::test]
async fn the_highest_priority_matching_intent_wins_and_its_rules_run_in_order() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let refund = intent(ctx.tenant_id, "Refund", 20, "refund");
    let support = intent(ctx.tenant_id, "Support", 10, "order");
    let first = target(ctx.tenant_id, refund.id, 9);
    let second = target(ctx.tenant_id, refund.id, 1);
    let order = [first.rule.id, second.rule.id];
    let mut setup = Setup::new(ctx.tenant_id);
    let active = vec![refund.clone(), support];
    setup
        .intents
        .expect_list_active()
        .with(eq(ctx.tenant_id))
        .returning(move |_| Ok(active.clone()));
    let targets = vec![first, second];
    let refund_id = refund.id;
    setup
        .rules
        .expect_list_targets()
        .with(eq(ctx.tenant_id), eq(refund_id))
        .returning(move |_, _| Ok(targets.clone()));
    let mut connector = MockConnector::new();
    connector
        .expect_lookup_all()
        .withf(|_, _, lookups| {
            matches!(lookups, [Lookup::Sql { params, .. }] if params == &["ada@example.com"])
        })
        .times(2)
        .returning(|_, _, _| answered(row()));

    let run = setup
        .service(connector)
        .route(&ctx, email("Refund for order 42"))
        .await
        .unwrap();
    assert_eq!(run.intent_name.as_deref(), Some("Refund"));
    assert_eq!(run.matched_by.unwrap().value, "refund");
    assert_eq!(run.outcome, DecisionOutcome::Passed);
    let ran: Vec<_> = run.results.iter().map(|r| r.rule_id).collect();
    assert_eq!(ran, order);
    assert!(run.results.iter().all(|r| r.outcome == RuleOutcome::Passed));
}

#[tokio::test]
async fn no_match_is_a_stored_decision_and_queries_nothing() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let mut setup = Setup::new(ctx.tenant_id);
    let support = intent(ctx.tenant_id, "Support", 10, "help");
    setup
        .intents
        .expect_list_active()
        .with(eq(ctx.tenant_id))
        .returning(move |_| Ok(vec![support.clone()]));
    let run = setup
        .service(MockConnector::new())
        .route(&ctx, email("Quarterly newsletter"))
        .await
        .unwrap();
    assert_eq!(run.outcome, DecisionOutcome::NoMatch);
    assert!(run.intent_id.is_none() && run.results.is_empty());
}

#[tokio::test]
async fn a_failing_datasource_gives_that_rule_an_error_and_a_failure_outranks_it() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let support = intent(ctx.tenant_id, "Support", 10, "help");
    let targets = vec![
        target(ctx.tenant_id, support.id, 3),
        target(ctx.tenant_id, support.id, 2),
        target(ctx.tenant_id, support.id, 1),
    ];
    let mut setup = Setup::new(ctx.tenant_id);
    setup
        .intents
        .expect_list_active()
        .with(eq(ctx.tenant_id))
        .returning(move |_| Ok(vec![support.clone()]));
    setup
        .rules
        .expect_list_targets()
        .with(eq(ctx.tenant_id), always())
        .returning(move |_, _| Ok(targets.clone()));
    let mut answers = vec![
        Ok(LookupResult::Sql { first_row: None }),
        Err(LookupError::new(
            LookupErrorKind::Unreachable,
            "could not connect to db.example.com:5432",
        )),
        row(),
    ];
    let mut connector = MockConnector::new();
    connector
        .expect_lookup_all()
        .times(3)
        .returning(move |_, _, _| answered(answers.pop().unwrap_or_else(row)));
    let run = setup
        .service(connector)
        .route(&ctx, email("help please"))
        .await
        .unwrap();
    let outcomes: Vec<_> = run.results.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [RuleOutcome::Passed, RuleOutcome::Error, RuleOutcome::Failed]
    );
    assert!(
        run.results[1].detail.contains("could not connect"),
        "{}",
        run.results[1].detail
    );
    assert_eq!(run.outcome, DecisionOutcome::Failed);
}

/// A datasource that never answers.
struct Hanging;

#[async_trait]
impl Connector for Hanging {
    async fn lookup(
        &self,
        _: &DatasourceConfig,
        _: &Datasource,
        _: &Lookup,
    ) -> Result<LookupResult, LookupError> {
        std::future::pending().await
    }

    async fn probe(&self, _: &DatasourceConfig) -> Result<(), LookupError> {
        Ok(())
    }

    fn evict(&self, _: TenantId, _: DatasourceConfigId) {}
}

fn one_rule_setup(ctx: &TenantCtx, settings: RoutingSettings) -> Setup {
    let support = intent(ctx.tenant_id, "Support", 10, "help");
    let targets = vec![target(ctx.tenant_id, support.id, 1)];
    let mut setup = Setup::new(ctx.tenant_id);
    setup.settings = settings;
    setup
        .intents
        .expect_list_active()
        .with(eq(ctx.tenant_id))
        .returning(move |_| Ok(vec![support.clone()]));
    setup
        .rules
        .expect_list_targets()
        .with(eq(ctx.tenant_id), always())
        .returning(move |_, _| Ok(targets.clone()));
    setup
}

#[tokio::test(start_paused = true)]
async fn a_datasource_that_does_not_answer_times_out_into_an_error() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let settings = RoutingSettings {
        rule_timeout: Duration::from_millis(250),
        email_budget: Duration::from_secs(10),
    };
    let run = one_rule_setup(&ctx, settings)
        .service(Hanging)
        .route(&ctx, email("help"))
        .await
        .unwrap();
    assert_eq!(run.results[0].outcome, RuleOutcome::Error);
    assert!(
        run.results[0].detail.contains("within 250 ms"),
        "{}",
        run.results[0].detail
    );
    assert_eq!(run.outcome, DecisionOutcome::Error);
}

#[tokio::test]
async fn rules_left_when_the_budget_is_spent_are_skipped() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let settings = RoutingSettings {
        rule_timeout: Duration::from_secs(2),
        email_budget: Duration::ZERO,
    };
    let run = one_rule_setup(&ctx, settings)
        .service(MockConnector::new())
        .route(&ctx, email("help"))
        .await
        .unwrap();
    assert_eq!(run.results[0].outcome, RuleOutcome::Skipped);
    assert!(
        run.results[0].detail.contains("budget"),
        "{}",
        run.results[0].detail
    );
}

#[tokio::test]
async fn an_email_without_the_bound_value_fails_the_rule_without_a_query() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let support = intent(ctx.tenant_id, "Support", 10, "help");
    let mut rule = target(ctx.tenant_id, support.id, 1);
    rule.rule.conditions = json!({
        "query": "SELECT 1 FROM customers WHERE id = $1",
        "params": ["headers.X-Customer"],
    });
    let mut setup = Setup::new(ctx.tenant_id);
    setup
        .intents
        .expect_list_active()
        .with(eq(ctx.tenant_id))
        .returning(move |_| Ok(vec![support.clone()]));
    setup
        .rules
        .expect_list_targets()
        .with(eq(ctx.tenant_id), always())
        .returning(move |_, _| Ok(vec![rule.clone()]));
    let run = setup
        .service(MockConnector::new())
        .route(&ctx, email("help"))
        .await
        .unwrap();
    assert_eq!(run.results[0].outcome, RuleOutcome::Failed);
    assert!(
        run.results[0].detail.contains("X-Customer"),
        "{}",
        run.results[0].detail
    );
}

#[tokio::test]
async fn viewers_cannot_route_and_validating_a_foreign_intent_is_not_found() {
    let member = ctx_with_role(BuiltinRole::Member);
    let foreign = IntentId::generate();
    let service = RoutingService::new(Arc::new(RoutingDeps {
        intents: Arc::new({
            // Another tenant's intent: the caller's tenant has none of that id.
            let mut intents = MockIntentRepository::new();
            intents
                .expect_find()
                .with(eq(member.tenant_id), eq(foreign))
                .times(1)
                .returning(|_, _| Ok(None));
            intents
        }),
        rules: Arc::new(MockRuleRepository::new()),
        runs: Arc::new(MockRoutingRunRepository::new()),
        connector: Arc::new(MockConnector::new()),
        clock: Arc::new(FixedClock::new(Utc::now())),
        settings: RoutingSettings::default(),
    }));
    let err = service
        .route(&ctx_with_role(BuiltinRole::Viewer), email("help"))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err}");
    let err = service
        .validate(&member, foreign, email("help"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "intent" }),
        "{err}"
    );
    let filter = RoutingRunFilter {
        since: Some(Utc::now()),
        until: Some(Utc::now() - chrono::Duration::hours(1)),
        ..RoutingRunFilter::default()
    };
    let err = service
        .runs(
            &ctx_with_role(BuiltinRole::Viewer),
            &filter,
            PageRequest::first(10),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("filter.since"), "{err}");
}

#[tokio::test]
async fn rules_sharing_a_database_config_are_asked_together_and_answered_in_order() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let support = intent(ctx.tenant_id, "Support", 10, "help");
    let first = target(ctx.tenant_id, support.id, 3);
    let mut second = target(ctx.tenant_id, support.id, 2);
    second.config = first.config.clone();
    second.datasource.config_id = first.config.id;
    let other = target(ctx.tenant_id, support.id, 1);
    let targets = vec![first, second, other];
    let mut setup = Setup::new(ctx.tenant_id);
    setup
        .intents
        .expect_list_active()
        .with(eq(ctx.tenant_id))
        .returning(move |_| Ok(vec![support.clone()]));
    setup
        .rules
        .expect_list_targets()
        .with(eq(ctx.tenant_id), always())
        .returning(move |_, _| Ok(targets.clone()));
    let mut connector = MockConnector::new();
    connector
        .expect_lookup_all()
        .withf(|_, _, lookups| lookups.len() == 2)
        .times(1)
        .returning(|_, _, _| {
            vec![
                trellis_datasources::TimedAnswer {
                    result: Ok(LookupResult::Sql { first_row: None }),
                    took: Duration::from_millis(3),
                },
                trellis_datasources::TimedAnswer {
                    result: row(),
                    took: Duration::from_millis(1),
                },
            ]
        });
    connector
        .expect_lookup_all()
        .withf(|_, _, lookups| lookups.len() == 1)
        .times(1)
        .returning(|_, _, _| answered(row()));
    let run = setup
        .service(connector)
        .route(&ctx, email("help"))
        .await
        .unwrap();
    let outcomes: Vec<_> = run.results.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [
            RuleOutcome::Failed,
            RuleOutcome::Passed,
            RuleOutcome::Passed
        ]
    );
    assert!((run.results[0].duration_ms - 3.0).abs() < 0.001);
}
