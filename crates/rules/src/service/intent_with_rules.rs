use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde_json::{Value, json};
use trellis_datasources::DatasourceId;
use trellis_intents::Intent;
use trellis_intents::service::{CreateIntent, build_intent, snapshot as intent_snapshot};
use trellis_kernel::AuditEntry;
use trellis_kernel::{DomainError, DomainResult, FieldErrors, Permission, TenantCtx};

use super::{RuleService, build_rule, snapshot};
use crate::rule::{RuleType, ValidationRule};

/// One rule of `createIntentWithRules`.
#[derive(Debug, Clone)]
pub struct RuleSpec {
    pub datasource_id: DatasourceId,
    pub field_name: String,
    pub rule_type: RuleType,
    pub conditions: Value,
    pub priority: i32,
    pub is_active: bool,
}

#[derive(Debug, Clone)]
pub struct CreateIntentWithRules {
    pub intent: CreateIntent,
    pub rules: Vec<RuleSpec>,
}

pub const MAX_RULES_PER_REQUEST: usize = 50;

impl RuleService {
    /// Creates the intent and all its rules, or nothing: one bad rule (a
    /// datasource the tenant does not have, bad conditions) and no intent
    /// is created.
    ///
    /// # Errors
    /// `Validation` naming every bad field, as `intent.name` or
    /// `rules[2].conditions.query`; `Conflict` on a taken intent name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create_intent_with_rules(
        &self,
        ctx: &TenantCtx,
        input: CreateIntentWithRules,
    ) -> DomainResult<(Intent, Vec<ValidationRule>)> {
        ctx.require(Permission::RoutingManage)?;
        let now = self.deps.clock.now();
        let mut errors = FieldErrors::new();
        let intent = build_intent(ctx, input.intent, now, "intent.", &mut errors);
        if input.rules.len() > MAX_RULES_PER_REQUEST {
            errors.add(
                "rules",
                format!("at most {MAX_RULES_PER_REQUEST} rules may be created at once"),
            );
            return Err(errors
                .into_result()
                .err()
                .unwrap_or_else(|| DomainError::internal_msg("validation error missing")));
        }
        // Each datasource is read once however many rules use it.
        let mut targets = HashMap::new();
        for spec in &input.rules {
            if let Entry::Vacant(slot) = targets.entry(spec.datasource_id) {
                slot.insert(self.find_datasource(ctx, spec.datasource_id).await?);
            }
        }
        let mut rules = Vec::with_capacity(input.rules.len());
        for (index, spec) in input.rules.into_iter().enumerate() {
            let prefix = format!("rules[{index}].");
            let Some(Some((datasource, config))) = targets.get(&spec.datasource_id) else {
                errors.add(format!("{prefix}datasourceId"), "no datasource has this id");
                continue;
            };
            let intent_id = intent
                .as_ref()
                .map(|i| i.id)
                .unwrap_or_else(trellis_intents::IntentId::generate);
            if let Some(rule) = build_rule(
                ctx,
                intent_id,
                spec,
                (datasource, config),
                now,
                &prefix,
                &mut errors,
            ) {
                rules.push(rule);
            }
        }
        errors.into_result()?;
        let intent = intent.ok_or_else(|| DomainError::internal_msg("validated intent missing"))?;
        let mut after = intent_snapshot(&intent);
        after["rules"] = json!(rules.iter().map(snapshot).collect::<Vec<_>>());
        let entry = AuditEntry::by_member(
            ctx,
            "intent.created",
            ("intent", intent.id.to_string()),
            now,
        )
        .after(after);
        self.deps
            .rules
            .create_intent_with_rules(ctx.tenant_id, &intent, &rules, &entry)
            .await?;
        Ok((intent, rules))
    }
}
