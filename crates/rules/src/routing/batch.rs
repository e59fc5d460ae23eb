//! Running rules through the connector. Consecutive rules that share a SQL
//! config go to it together, in one read-only transaction rather than one
//! per rule; any other rule goes alone.

use std::time::Duration;

use trellis_datasources::DatasourceKind;
use trellis_intents::EmailMessage;

use super::{RoutingService, result};
use crate::ports::RuleTarget;
use crate::run::{RuleOutcome, RuleResult};

impl RoutingService {
    /// Runs `batch` (one rule, or several sharing a SQL config) in one call
    /// to the connector, answering in their order.
    pub(super) async fn run_batch(
        &self,
        batch: &[RuleTarget],
        email: &EmailMessage,
        remaining: Duration,
    ) -> Vec<RuleResult> {
        let mut results: Vec<Option<RuleResult>> = vec![None; batch.len()];
        let mut asked = Vec::with_capacity(batch.len());
        for (position, target) in batch.iter().enumerate() {
            let check = self.check(target);
            let lookup = match check.as_ref() {
                Ok(parsed) => parsed.lookup(email),
                Err(problem) => {
                    results[position] = Some(result(
                        target,
                        RuleOutcome::Error,
                        format!("the rule cannot run: {problem}"),
                        Duration::ZERO,
                    ));
                    continue;
                }
            };
            match lookup {
                Ok(lookup) => asked.push((position, check, lookup)),
                Err(detail) => {
                    results[position] =
                        Some(result(target, RuleOutcome::Failed, detail, Duration::ZERO));
                }
            }
        }
        if let Some((first, _, _)) = asked.first() {
            let first = &batch[*first];
            let lookups: Vec<_> = asked.iter().map(|(_, _, lookup)| lookup.clone()).collect();
            let timeout = (self.deps.settings.rule_timeout * lookups.len() as u32).min(remaining);
            let answers = tokio::time::timeout(
                timeout,
                self.deps
                    .connector
                    .lookup_all(&first.config, &first.datasource, &lookups),
            )
            .await;
            let mut answers = answers.map(Vec::into_iter);
            for (position, check, _) in &asked {
                let target = &batch[*position];
                let judged = match (&mut answers, check.as_ref()) {
                    (Ok(answers), Ok(check)) => match answers.next() {
                        Some(answer) => {
                            let (outcome, detail) = match &answer.result {
                                Ok(found) => check.judge(email, found),
                                Err(err) => (
                                    RuleOutcome::Error,
                                    format!(
                                        "datasource `{}`: {}",
                                        target.datasource.name, err.message
                                    ),
                                ),
                            };
                            result(target, outcome, detail, answer.took)
                        }
                        None => result(
                            target,
                            RuleOutcome::Error,
                            format!("datasource `{}` gave no answer", target.datasource.name),
                            Duration::ZERO,
                        ),
                    },
                    _ => result(
                        target,
                        RuleOutcome::Error,
                        format!(
                            "datasource `{}` did not answer within {} ms",
                            target.datasource.name,
                            timeout.as_millis()
                        ),
                        timeout,
                    ),
                };
                results[*position] = Some(judged);
            }
        }
        results.into_iter().flatten().collect()
    }
}

/// Whether `other` may join a batch started by `first`.
pub(super) fn same_sql_config(first: &RuleTarget, other: &RuleTarget) -> bool {
    first.datasource.kind == DatasourceKind::Database
        && other.datasource.kind == DatasourceKind::Database
        && first.config.id == other.config.id
}
