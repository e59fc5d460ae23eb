//! The rule use cases: `routing.manage` (MEMBER and above) to change rules,
//! `routing.read` to see them. Conditions are checked against the
//! datasource's kind when saved, so a rule that is stored can run.

mod intent_with_rules;

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Value, json};
use trellis_datasources::DatasourceId;
use trellis_datasources::ports::{DatasourceConfigRepository, DatasourceRepository};
use trellis_datasources::{Datasource, DatasourceConfig};
use trellis_intents::IntentId;
use trellis_intents::ports::IntentRepository;
use trellis_intents::{EmailField, Intent};
use trellis_kernel::AuditEntry;
use trellis_kernel::{
    Clock, DomainError, DomainResult, FieldErrors, Permission, RuleId, TenantCtx,
};

pub use intent_with_rules::{CreateIntentWithRules, RuleSpec};

use crate::check::RuleCheck;
use crate::ports::RuleRepository;
use crate::rule::{RuleType, ValidationRule};

#[derive(Clone)]
pub struct RuleDeps {
    pub rules: Arc<dyn RuleRepository>,
    pub intents: Arc<dyn IntentRepository>,
    pub datasources: Arc<dyn DatasourceRepository>,
    pub configs: Arc<dyn DatasourceConfigRepository>,
    pub clock: Arc<dyn Clock>,
}

#[derive(Debug, Clone)]
pub struct CreateRule {
    pub intent_id: IntentId,
    pub datasource_id: DatasourceId,
    pub field_name: String,
    pub rule_type: RuleType,
    pub conditions: Value,
    pub priority: i32,
    pub is_active: bool,
}

/// Every field left `None` keeps its value; conditions are checked again
/// whenever the datasource, type, field or conditions change.
#[derive(Debug, Clone, Default)]
pub struct UpdateRule {
    pub datasource_id: Option<DatasourceId>,
    pub field_name: Option<String>,
    pub rule_type: Option<RuleType>,
    pub conditions: Option<Value>,
    pub priority: Option<i32>,
    pub is_active: Option<bool>,
}

#[derive(Clone)]
pub struct RuleService {
    deps: Arc<RuleDeps>,
}

impl RuleService {
    pub fn new(deps: Arc<RuleDeps>) -> Self {
        Self { deps }
    }

    /// The intent's rules, in the order they run.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such intent.
    pub async fn list_for_intent(
        &self,
        ctx: &TenantCtx,
        intent: IntentId,
    ) -> DomainResult<Vec<ValidationRule>> {
        ctx.require(Permission::RoutingRead)?;
        self.find_intent(ctx, intent).await?;
        self.deps.rules.list_for_intent(ctx.tenant_id, intent).await
    }

    /// The rules of each of `intents`, in the order they run, in one
    /// lookup. An intent the tenant does not have has no rules here: the
    /// intents come from a list the caller has already read.
    pub async fn list_for_intents(
        &self,
        ctx: &TenantCtx,
        intents: &[IntentId],
    ) -> DomainResult<HashMap<IntentId, Vec<ValidationRule>>> {
        ctx.require(Permission::RoutingRead)?;
        let rules = self
            .deps
            .rules
            .list_for_intents(ctx.tenant_id, intents)
            .await?;
        let mut by_intent: HashMap<IntentId, Vec<ValidationRule>> =
            intents.iter().map(|id| (*id, Vec::new())).collect();
        for rule in rules {
            if let Some(list) = by_intent.get_mut(&rule.intent_id) {
                list.push(rule);
            }
        }
        Ok(by_intent)
    }

    /// # Errors
    /// `NotFound`.
    pub async fn get(&self, ctx: &TenantCtx, id: RuleId) -> DomainResult<ValidationRule> {
        ctx.require(Permission::RoutingRead)?;
        self.find(ctx, id).await
    }

    /// # Errors
    /// `NotFound` for an intent the tenant does not have; `Validation`
    /// naming every bad field, `datasourceId` among them.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create(&self, ctx: &TenantCtx, input: CreateRule) -> DomainResult<ValidationRule> {
        ctx.require(Permission::RoutingManage)?;
        self.find_intent(ctx, input.intent_id).await?;
        let (datasource, config) = self
            .find_datasource(ctx, input.datasource_id)
            .await?
            .ok_or_else(unknown_datasource)?;
        let now = self.deps.clock.now();
        let mut errors = FieldErrors::new();
        let rule = build_rule(
            ctx,
            input.intent_id,
            RuleSpec {
                datasource_id: input.datasource_id,
                field_name: input.field_name,
                rule_type: input.rule_type,
                conditions: input.conditions,
                priority: input.priority,
                is_active: input.is_active,
            },
            (&datasource, &config),
            now,
            "",
            &mut errors,
        );
        errors.into_result()?;
        let rule = rule.ok_or_else(|| DomainError::internal_msg("validated rule missing"))?;
        let entry = AuditEntry::by_member(ctx, "rule.created", ("rule", rule.id.to_string()), now)
            .after(snapshot(&rule));
        self.deps.rules.create(ctx.tenant_id, &rule, &entry).await?;
        Ok(rule)
    }

    /// # Errors
    /// `NotFound` for the rule; `Validation` naming every bad field,
    /// `datasourceId` among them.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, rule = %id))]
    pub async fn update(
        &self,
        ctx: &TenantCtx,
        id: RuleId,
        input: UpdateRule,
    ) -> DomainResult<ValidationRule> {
        ctx.require(Permission::RoutingManage)?;
        let before = self.find(ctx, id).await?;
        let datasource_id = input.datasource_id.unwrap_or(before.datasource_id);
        let (datasource, config) = self
            .find_datasource(ctx, datasource_id)
            .await?
            .ok_or_else(unknown_datasource)?;
        let now = self.deps.clock.now();
        let mut errors = FieldErrors::new();
        let spec = RuleSpec {
            datasource_id,
            field_name: input
                .field_name
                .unwrap_or_else(|| before.field_name.to_string()),
            rule_type: input.rule_type.unwrap_or(before.rule_type),
            conditions: input
                .conditions
                .unwrap_or_else(|| before.conditions.clone()),
            priority: input.priority.unwrap_or(before.priority),
            is_active: input.is_active.unwrap_or(before.is_active),
        };
        let rebuilt = build_rule(
            ctx,
            before.intent_id,
            spec,
            (&datasource, &config),
            now,
            "",
            &mut errors,
        );
        errors.into_result()?;
        let rebuilt = rebuilt.ok_or_else(|| DomainError::internal_msg("validated rule missing"))?;
        let rule = ValidationRule {
            id: before.id,
            created_at: before.created_at,
            updated_at: trellis_kernel::next_version(now, before.updated_at),
            ..rebuilt
        };
        let entry = AuditEntry::by_member(ctx, "rule.updated", ("rule", id.to_string()), now)
            .before(snapshot(&before))
            .after(snapshot(&rule));
        self.deps.rules.update(ctx.tenant_id, &rule, &entry).await?;
        Ok(rule)
    }

    /// # Errors
    /// `NotFound`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, rule = %id))]
    pub async fn delete(&self, ctx: &TenantCtx, id: RuleId) -> DomainResult<RuleId> {
        ctx.require(Permission::RoutingManage)?;
        let before = self.find(ctx, id).await?;
        let entry = AuditEntry::by_member(
            ctx,
            "rule.deleted",
            ("rule", id.to_string()),
            self.deps.clock.now(),
        )
        .before(snapshot(&before));
        self.deps.rules.delete(ctx.tenant_id, id, &entry).await?;
        Ok(id)
    }

    /// Makes `order` the running order of the intent's rules: the first
    /// runs first. It must name every rule of the intent exactly once.
    ///
    /// # Errors
    /// `NotFound` for the intent; `Validation` on `ruleIds` otherwise.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, intent = %intent))]
    pub async fn reorder(
        &self,
        ctx: &TenantCtx,
        intent: IntentId,
        order: Vec<RuleId>,
    ) -> DomainResult<Vec<ValidationRule>> {
        ctx.require(Permission::RoutingManage)?;
        self.find_intent(ctx, intent).await?;
        let current = self
            .deps
            .rules
            .list_for_intent(ctx.tenant_id, intent)
            .await?;
        let mut errors = FieldErrors::new();
        for (index, id) in order.iter().enumerate() {
            if order[..index].contains(id) {
                errors.add(format!("ruleIds[{index}]"), "appears twice");
            } else if !current.iter().any(|rule| rule.id == *id) {
                errors.add(format!("ruleIds[{index}]"), "is not a rule of this intent");
            }
        }
        if errors.is_empty() && order.len() != current.len() {
            errors.add(
                "ruleIds",
                format!(
                    "must name all {} rules of the intent; {} given",
                    current.len(),
                    order.len()
                ),
            );
        }
        errors.into_result()?;
        // Gaps of 10 leave room to slot a rule in without renumbering.
        let count = order.len() as i32;
        let priorities: Vec<(RuleId, i32)> = order
            .iter()
            .enumerate()
            .map(|(index, id)| (*id, (count - index as i32) * 10))
            .collect();
        let now = self.deps.clock.now();
        let entry =
            AuditEntry::by_member(ctx, "rules.reordered", ("intent", intent.to_string()), now)
                .before(json!(current.iter().map(|r| r.id).collect::<Vec<_>>()))
                .after(json!(order));
        self.deps
            .rules
            .set_priorities(ctx.tenant_id, intent, &priorities, &entry)
            .await?;
        self.deps.rules.list_for_intent(ctx.tenant_id, intent).await
    }

    async fn find(&self, ctx: &TenantCtx, id: RuleId) -> DomainResult<ValidationRule> {
        self.deps
            .rules
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("rule"))
    }

    async fn find_intent(&self, ctx: &TenantCtx, id: IntentId) -> DomainResult<Intent> {
        self.deps
            .intents
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("intent"))
    }

    /// The tenant's datasource with its config; `None` if either is missing.
    async fn find_datasource(
        &self,
        ctx: &TenantCtx,
        id: DatasourceId,
    ) -> DomainResult<Option<(Datasource, DatasourceConfig)>> {
        let Some(datasource) = self.deps.datasources.find(ctx.tenant_id, id).await? else {
            return Ok(None);
        };
        let config = self
            .deps
            .configs
            .find(ctx.tenant_id, datasource.config_id)
            .await?
            .ok_or_else(|| DomainError::internal_msg("a datasource lost its config"))?;
        Ok(Some((datasource, config)))
    }
}

/// An input's `datasourceId` the tenant has no live datasource for: another
/// tenant's, a deleted one, or none at all, alike.
fn unknown_datasource() -> DomainError {
    DomainError::invalid("datasourceId", "no datasource has this id")
}

/// Checks one rule against its datasource; errors are prefixed `prefix`.
fn build_rule(
    ctx: &TenantCtx,
    intent_id: IntentId,
    spec: RuleSpec,
    (datasource, config): (&Datasource, &DatasourceConfig),
    now: chrono::DateTime<chrono::Utc>,
    prefix: &str,
    errors: &mut FieldErrors,
) -> Option<ValidationRule> {
    let field = match EmailField::parse(spec.field_name.trim()) {
        Ok(field) => Some(field),
        Err(message) => {
            errors.add(format!("{prefix}fieldName"), message);
            None
        }
    };
    if !trellis_intents::service::PRIORITY_RANGE.contains(&spec.priority) {
        errors.add(
            format!("{prefix}priority"),
            "must be between -1000000 and 1000000",
        );
    }
    let field = field?;
    RuleCheck::parse(
        spec.rule_type,
        &field,
        &spec.conditions,
        datasource.kind,
        config.protocol,
        prefix,
        errors,
    )?;
    Some(ValidationRule {
        id: RuleId::generate(),
        tenant_id: ctx.tenant_id,
        intent_id,
        datasource_id: spec.datasource_id,
        field_name: field,
        rule_type: spec.rule_type,
        conditions: spec.conditions,
        priority: spec.priority,
        is_active: spec.is_active,
        created_at: now,
        updated_at: now,
    })
}

/// What the audit log keeps of a rule. Conditions hold no secrets: those
/// live encrypted in the datasource config.
fn snapshot(rule: &ValidationRule) -> Value {
    json!({
        "intentId": rule.intent_id,
        "datasourceId": rule.datasource_id,
        "fieldName": rule.field_name.to_string(),
        "ruleType": rule.rule_type.as_str(),
        "conditions": rule.conditions,
        "priority": rule.priority,
        "isActive": rule.is_active,
    })
}

#[cfg(test)]
mod tests;
