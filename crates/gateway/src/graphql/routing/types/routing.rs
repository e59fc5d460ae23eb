//! Routing decisions: which intent an email went to, what each rule found,
//! and the outcome. Every decision is stored, so `routingRuns` lists the
//! same objects `routeEmail` and `validateEmail` return.

use async_graphql::{ComplexObject, Context, Enum, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use tokio::sync::OnceCell;
use trellis_intents::IntentId;
use trellis_rules as rules;

use super::intent::{Intent, Matcher};
use super::rule::RuleType;
use crate::graphql::connection::connection;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;

/// How one rule went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum RuleOutcome {
    /// The check held.
    Passed,
    /// The check did not hold.
    Failed,
    /// The datasource failed, timed out or answered nonsense; `detail` says which.
    Error,
    /// Not run: the time budget for the email was spent.
    Skipped,
}

impl From<rules::RuleOutcome> for RuleOutcome {
    fn from(outcome: rules::RuleOutcome) -> Self {
        match outcome {
            rules::RuleOutcome::Passed => RuleOutcome::Passed,
            rules::RuleOutcome::Failed => RuleOutcome::Failed,
            rules::RuleOutcome::Error => RuleOutcome::Error,
            rules::RuleOutcome::Skipped => RuleOutcome::Skipped,
        }
    }
}

/// How a whole decision went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum DecisionOutcome {
    /// An intent matched and every rule passed.
    Passed,
    /// At least one rule failed.
    Failed,
    /// No rule failed, but at least one could not be run.
    Error,
    /// No active intent matched.
    NoMatch,
}

impl From<rules::DecisionOutcome> for DecisionOutcome {
    fn from(outcome: rules::DecisionOutcome) -> Self {
        match outcome {
            rules::DecisionOutcome::Passed => DecisionOutcome::Passed,
            rules::DecisionOutcome::Failed => DecisionOutcome::Failed,
            rules::DecisionOutcome::Error => DecisionOutcome::Error,
            rules::DecisionOutcome::NoMatch => DecisionOutcome::NoMatch,
        }
    }
}

impl From<DecisionOutcome> for rules::DecisionOutcome {
    fn from(outcome: DecisionOutcome) -> Self {
        match outcome {
            DecisionOutcome::Passed => rules::DecisionOutcome::Passed,
            DecisionOutcome::Failed => rules::DecisionOutcome::Failed,
            DecisionOutcome::Error => rules::DecisionOutcome::Error,
            DecisionOutcome::NoMatch => rules::DecisionOutcome::NoMatch,
        }
    }
}

/// How a decision was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum RoutingMode {
    /// `routeEmail`: intents were matched, then the chosen one's rules run.
    Route,
    /// `validateEmail`: one given intent's rules were run.
    Validate,
}

impl From<rules::RunMode> for RoutingMode {
    fn from(mode: rules::RunMode) -> Self {
        match mode {
            rules::RunMode::Route => RoutingMode::Route,
            rules::RunMode::Validate => RoutingMode::Validate,
        }
    }
}

impl From<RoutingMode> for rules::RunMode {
    fn from(mode: RoutingMode) -> Self {
        match mode {
            RoutingMode::Route => rules::RunMode::Route,
            RoutingMode::Validate => rules::RunMode::Validate,
        }
    }
}

/// What one rule found.
#[derive(Debug, Clone, SimpleObject)]
pub struct RuleResult {
    /// The rule that ran (it may have been deleted since).
    pub rule_id: ID,
    /// Its type when it ran.
    pub rule_type: RuleType,
    /// The email field it was about.
    pub field_name: String,
    /// How it went.
    pub outcome: RuleOutcome,
    /// What was found or what went wrong, in words for the tenant.
    pub detail: String,
    /// How long it took, in milliseconds to the microsecond.
    pub duration_ms: f64,
}

/// Milliseconds to three decimals: the clock says more, but nothing a
/// tenant reads in a duration is finer than a microsecond.
fn to_microseconds(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

impl From<rules::RuleResult> for RuleResult {
    fn from(result: rules::RuleResult) -> Self {
        Self {
            rule_id: id(result.rule_id),
            rule_type: result.rule_type.into(),
            field_name: result.field_name,
            outcome: result.outcome.into(),
            detail: result.detail,
            duration_ms: to_microseconds(result.duration_ms),
        }
    }
}

/// The routed email, as far as it is kept.
#[derive(Debug, Clone, SimpleObject)]
pub struct EmailSummary {
    /// The sender's address.
    pub from: String,
    /// The subject.
    pub subject: String,
    /// The `Message-ID` header, if it had one.
    pub message_id: Option<String>,
}

/// One routing decision: the intent chosen (or validated against), what
/// each of its rules found, and the outcome.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct RoutingDecision {
    /// The stored decision's id.
    pub id: ID,
    /// The intent chosen; `null` for NO_MATCH.
    pub intent_id: Option<ID>,
    /// The intent's name when the decision was made; kept after it is deleted.
    pub intent_name: Option<String>,
    /// The matcher that chose the intent; `null` for NO_MATCH and VALIDATE.
    pub matched_by: Option<Matcher>,
    /// How it went.
    pub outcome: DecisionOutcome,
    /// Each active rule of the intent, in the order they ran.
    pub results: Vec<RuleResult>,
    /// How long routing took, rules included, in milliseconds to the
    /// microsecond.
    pub duration_ms: f64,
    /// Whether it came from `routeEmail` or `validateEmail`.
    pub mode: RoutingMode,
    /// When it was decided.
    pub created_at: DateTime<Utc>,
    /// The email it was about.
    pub email: EmailSummary,
    #[graphql(skip)]
    pub(crate) intent_key: Option<IntentId>,
    /// The intent as it is now, once read: by `prefetch` for a whole page,
    /// or by the resolver on first use. `None` once it is deleted.
    #[graphql(skip)]
    pub(crate) loaded_intent: OnceCell<Option<Intent>>,
}

impl From<rules::RoutingRun> for RoutingDecision {
    fn from(run: rules::RoutingRun) -> Self {
        Self {
            id: id(run.id),
            intent_id: run.intent_id.map(id),
            intent_key: run.intent_id,
            intent_name: run.intent_name,
            matched_by: run.matched_by.map(Matcher::from),
            outcome: run.outcome.into(),
            results: run.results.into_iter().map(RuleResult::from).collect(),
            duration_ms: to_microseconds(run.duration_ms),
            mode: run.mode.into(),
            created_at: run.created_at,
            email: EmailSummary {
                from: run.email_from,
                subject: run.email_subject,
                message_id: run.email_message_id,
            },
            loaded_intent: OnceCell::new(),
        }
    }
}

#[ComplexObject]
impl RoutingDecision {
    /// The intent as it is now; `null` for NO_MATCH or once the intent is
    /// deleted (`intentName` still says which it was).
    async fn intent(&self, ctx: &Context<'_>) -> Result<Option<&Intent>> {
        let Some(key) = self.intent_key else {
            return Ok(None);
        };
        let intent = self
            .loaded_intent
            .get_or_try_init(|| async {
                let intent = Loaders::routing(ctx)?.load_one(key).await.gql(ctx)?;
                Ok::<_, async_graphql::Error>(intent.map(Intent::from))
            })
            .await?;
        Ok(intent.as_ref())
    }
}

connection!(
    RoutingDecisionConnection,
    RoutingDecisionEdge,
    RoutingDecision
);
