//! Routing: pick the intent, run its rules against live data, record the
//! decision. A datasource that fails gives its rule an ERROR; the decision
//! still comes back, and is always stored before it is returned.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use trellis_datasources::ports::Connector;
use trellis_intents::IntentId;
use trellis_intents::ports::IntentRepository;
use trellis_intents::{EmailMessage, Intent};
use trellis_kernel::text::storable;
use trellis_kernel::{
    Clock, DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, RuleId, TenantCtx,
};

use crate::check::RuleCheck;
use crate::ports::{RoutingRunRepository, RuleRepository, RuleTarget};
use crate::run::{
    DecisionOutcome, RoutingRun, RoutingRunFilter, RoutingRunId, RuleOutcome, RuleResult, RunMode,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutingSettings {
    /// Longest one rule may take (`TRELLIS_RULE_TIMEOUT_MS`).
    pub rule_timeout: Duration,
    /// Longest all of one email's rules may take together
    /// (`TRELLIS_ROUTING_BUDGET_MS`); rules left when it is spent are SKIPPED.
    pub email_budget: Duration,
}

impl Default for RoutingSettings {
    fn default() -> Self {
        Self {
            rule_timeout: Duration::from_secs(2),
            email_budget: Duration::from_secs(10),
        }
    }
}

#[derive(Clone)]
pub struct RoutingDeps {
    pub intents: Arc<dyn IntentRepository>,
    pub rules: Arc<dyn RuleRepository>,
    pub runs: Arc<dyn RoutingRunRepository>,
    pub connector: Arc<dyn Connector>,
    pub clock: Arc<dyn Clock>,
    pub settings: RoutingSettings,
}

/// Parsed checks by rule and version: parsing SQL for every email would
/// cost more than running it.
type CheckCache = Mutex<HashMap<(RuleId, DateTime<Utc>), Arc<Result<RuleCheck, String>>>>;
const CHECK_CACHE_CAPACITY: usize = 10_000;

#[derive(Clone)]
pub struct RoutingService {
    deps: Arc<RoutingDeps>,
    checks: Arc<CheckCache>,
}

impl RoutingService {
    pub fn new(deps: Arc<RoutingDeps>) -> Self {
        Self {
            deps,
            checks: Arc::default(),
        }
    }

    /// Routes `email` to the highest-priority active intent one of whose
    /// matchers matches, and runs that intent's rules. No match is a
    /// decision too (NO_MATCH).
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn route(&self, ctx: &TenantCtx, email: EmailMessage) -> DomainResult<RoutingRun> {
        ctx.require(Permission::EmailsRoute)?;
        let started = Instant::now();
        let intents = self.deps.intents.list_active(ctx.tenant_id).await?;
        let matched = intents.iter().find_map(|intent| {
            intent
                .matched_by(&email)
                .map(|m| (intent, m.spec().clone()))
        });
        let (intent, matched_by, results) = match matched {
            Some((intent, spec)) => {
                let results = self.run_rules(ctx, intent.id, &email, started).await?;
                (Some(intent), Some(spec), Some(results))
            }
            None => (None, None, None),
        };
        self.record(
            ctx,
            RunMode::Route,
            intent,
            matched_by,
            results,
            &email,
            started,
        )
        .await
    }

    /// Runs one intent's active rules on `email`, whatever its matchers say.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such intent.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, intent = %intent))]
    pub async fn validate(
        &self,
        ctx: &TenantCtx,
        intent: IntentId,
        email: EmailMessage,
    ) -> DomainResult<RoutingRun> {
        ctx.require(Permission::EmailsRoute)?;
        let started = Instant::now();
        let intent = self
            .deps
            .intents
            .find(ctx.tenant_id, intent)
            .await?
            .ok_or(DomainError::not_found("intent"))?;
        let results = self.run_rules(ctx, intent.id, &email, started).await?;
        self.record(
            ctx,
            RunMode::Validate,
            Some(&intent),
            None,
            Some(results),
            &email,
            started,
        )
        .await
    }

    /// Stored decisions, newest first.
    pub async fn runs(
        &self,
        ctx: &TenantCtx,
        filter: &RoutingRunFilter,
        page: PageRequest,
    ) -> DomainResult<Page<RoutingRun>> {
        ctx.require(Permission::RoutingRead)?;
        if let (Some(since), Some(until)) = (filter.since, filter.until)
            && since > until
        {
            return Err(DomainError::invalid(
                "filter.since",
                "must not be after filter.until",
            ));
        }
        self.deps.runs.list(ctx.tenant_id, filter, page).await
    }

    async fn run_rules(
        &self,
        ctx: &TenantCtx,
        intent: IntentId,
        email: &EmailMessage,
        started: Instant,
    ) -> DomainResult<Vec<RuleResult>> {
        let targets = self.deps.rules.list_targets(ctx.tenant_id, intent).await?;
        let settings = self.deps.settings;
        let mut results = Vec::with_capacity(targets.len());
        let mut index = 0;
        while let Some(target) = targets.get(index) {
            let remaining = settings.email_budget.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                results.push(result(
                    target,
                    RuleOutcome::Skipped,
                    format!(
                        "not run: the {} ms budget for this email was spent",
                        settings.email_budget.as_millis()
                    ),
                    Duration::ZERO,
                ));
                index += 1;
                continue;
            }
            // Consecutive DATABASE rules on one config go to it together:
            // one transaction instead of one per rule.
            let group = targets[index..]
                .iter()
                .take_while(|other| batch::same_sql_config(target, other))
                .count()
                .max(1);
            let batch = &targets[index..index + group];
            results.extend(self.run_batch(batch, email, remaining).await);
            index += group;
        }
        Ok(results)
    }

    pub(super) fn check(&self, target: &RuleTarget) -> Arc<Result<RuleCheck, String>> {
        let key = (target.rule.id, target.rule.updated_at);
        if let Ok(cache) = self.checks.lock()
            && let Some(found) = cache.get(&key)
        {
            return found.clone();
        }
        let mut errors = FieldErrors::new();
        let parsed = RuleCheck::parse(
            target.rule.rule_type,
            &target.rule.field_name,
            &target.rule.conditions,
            target.datasource.kind,
            target.config.protocol,
            "",
            &mut errors,
        )
        .ok_or_else(|| match errors.into_result() {
            Err(err) => err.to_string(),
            Ok(()) => "its conditions are not valid".to_owned(),
        });
        let parsed = Arc::new(parsed);
        if let Ok(mut cache) = self.checks.lock() {
            if cache.len() >= CHECK_CACHE_CAPACITY {
                cache.clear();
            }
            cache.insert(key, parsed.clone());
        }
        parsed
    }

    #[allow(clippy::too_many_arguments)]
    async fn record(
        &self,
        ctx: &TenantCtx,
        mode: RunMode,
        intent: Option<&Intent>,
        matched_by: Option<trellis_intents::matcher::MatcherSpec>,
        results: Option<Vec<RuleResult>>,
        email: &EmailMessage,
        started: Instant,
    ) -> DomainResult<RoutingRun> {
        let outcome = match &results {
            Some(results) => DecisionOutcome::of(results),
            None => DecisionOutcome::NoMatch,
        };
        let run = RoutingRun {
            id: RoutingRunId::generate(),
            tenant_id: ctx.tenant_id,
            mode,
            intent_id: intent.map(|i| i.id),
            intent_name: intent.map(|i| i.name.clone()),
            matched_by,
            outcome,
            results: results
                .unwrap_or_default()
                .into_iter()
                .map(stored_result)
                .collect(),
            // An email is routed as it came, NULs and all; its stored copy
            // shows U+FFFD where PostgreSQL could store no NUL.
            email_from: storable(&email.from, 320),
            email_subject: storable(&email.subject, 500),
            email_message_id: email.message_id.as_deref().map(|id| storable(id, 500)),
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            actor_id: Some(ctx.user_id()),
            request_id: ctx.actor.meta.request_id.clone(),
            created_at: self.deps.clock.now(),
        };
        self.deps.runs.insert(ctx.tenant_id, &run).await?;
        Ok(run)
    }
}

pub(super) fn result(
    target: &RuleTarget,
    outcome: RuleOutcome,
    detail: String,
    took: Duration,
) -> RuleResult {
    RuleResult {
        rule_id: target.rule.id,
        rule_type: target.rule.rule_type,
        field_name: target.rule.field_name.to_string(),
        outcome,
        detail,
        duration_ms: took.as_secs_f64() * 1000.0,
    }
}

/// A rule's detail quotes the email and what the datasource answered,
/// either of which may hold a NUL.
fn stored_result(result: RuleResult) -> RuleResult {
    let clean = |text: String| {
        if text.contains('\0') {
            text.replace('\0', "\u{FFFD}")
        } else {
            text
        }
    };
    RuleResult {
        detail: clean(result.detail),
        field_name: clean(result.field_name),
        ..result
    }
}

mod batch;

#[cfg(test)]
mod tests;
