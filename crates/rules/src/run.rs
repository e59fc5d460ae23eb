//! The record of one routing decision, kept so a tenant can see what
//! happened to an email and why.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use trellis_intents::IntentId;
use trellis_kernel::{RuleId, TenantId, UserId, define_id};

use trellis_intents::matcher::MatcherSpec;

use crate::rule::RuleType;

define_id!(
    /// One stored routing decision.
    RoutingRunId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RuleOutcome {
    Passed,
    Failed,
    /// The datasource failed, timed out or answered nonsense.
    Error,
    /// Not run: the time budget for the email was spent.
    Skipped,
}

impl RuleOutcome {
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleOutcome::Passed => "PASSED",
            RuleOutcome::Failed => "FAILED",
            RuleOutcome::Error => "ERROR",
            RuleOutcome::Skipped => "SKIPPED",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
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

impl DecisionOutcome {
    pub const ALL: [DecisionOutcome; 4] = [
        DecisionOutcome::Passed,
        DecisionOutcome::Failed,
        DecisionOutcome::Error,
        DecisionOutcome::NoMatch,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            DecisionOutcome::Passed => "PASSED",
            DecisionOutcome::Failed => "FAILED",
            DecisionOutcome::Error => "ERROR",
            DecisionOutcome::NoMatch => "NO_MATCH",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == name)
    }

    /// Failures outrank errors; skipped rules alone leave it passed.
    pub fn of(results: &[RuleResult]) -> Self {
        if results.iter().any(|r| r.outcome == RuleOutcome::Failed) {
            DecisionOutcome::Failed
        } else if results
            .iter()
            .any(|r| matches!(r.outcome, RuleOutcome::Error | RuleOutcome::Skipped))
        {
            DecisionOutcome::Error
        } else {
            DecisionOutcome::Passed
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleResult {
    pub rule_id: RuleId,
    pub rule_type: RuleType,
    pub field_name: String,
    pub outcome: RuleOutcome,
    /// What was found or what went wrong, in words for the tenant.
    pub detail: String,
    pub duration_ms: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RunMode {
    /// `routeEmail`: intents were matched.
    Route,
    /// `validateEmail`: one intent's rules were run.
    Validate,
}

impl RunMode {
    pub const fn as_str(self) -> &'static str {
        match self {
            RunMode::Route => "ROUTE",
            RunMode::Validate => "VALIDATE",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        [RunMode::Route, RunMode::Validate]
            .into_iter()
            .find(|m| m.as_str() == name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoutingRun {
    pub id: RoutingRunId,
    pub tenant_id: TenantId,
    pub mode: RunMode,
    /// The intent chosen (or validated against); `None` for NO_MATCH. Kept
    /// by name too, so the run stays readable after the intent is deleted.
    pub intent_id: Option<IntentId>,
    pub intent_name: Option<String>,
    pub matched_by: Option<MatcherSpec>,
    pub outcome: DecisionOutcome,
    pub results: Vec<RuleResult>,
    pub email_from: String,
    pub email_subject: String,
    pub email_message_id: Option<String>,
    pub duration_ms: f64,
    pub actor_id: Option<UserId>,
    pub request_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Narrows `routingRuns`; every field given must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoutingRunFilter {
    pub intent_id: Option<IntentId>,
    pub outcome: Option<DecisionOutcome>,
    /// Runs at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Runs before this time.
    pub until: Option<DateTime<Utc>>,
}
