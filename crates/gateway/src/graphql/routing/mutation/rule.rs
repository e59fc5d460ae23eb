use async_graphql::{Context, ID, InputObject, Json, Object, Result, SimpleObject};
use trellis_datasources::DatasourceId;
use trellis_intents::IntentId;
use trellis_kernel::{DomainError, RuleId};
use trellis_rules::service::{CreateRule, UpdateRule};
use validator::Validate;

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::routing::types::{RuleType, ValidationRule};
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

/// One rule of `createIntentWithRules`.
#[derive(InputObject, Validate)]
pub struct RuleSpecInput {
    /// The datasource it queries.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub datasource_id: ID,
    /// The email value it is about: `from`, `fromDomain`, `to`, `cc`,
    /// `subject`, `body`, `messageId`, `headers.<Name>` or `fields.<key>`.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters long"))]
    pub field_name: String,
    /// What it checks.
    pub rule_type: RuleType,
    /// The lookup and comparison; see `ValidationRule.conditions`.
    pub conditions: Json<serde_json::Value>,
    /// Higher runs first.
    #[graphql(default)]
    pub priority: i32,
    /// Whether it runs.
    #[graphql(default = true)]
    pub is_active: bool,
}

/// A new validation rule of an intent.
#[derive(InputObject, Validate)]
pub struct CreateValidationRuleInput {
    /// The intent it belongs to.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub intent_id: ID,
    /// The datasource it queries.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub datasource_id: ID,
    /// The email value it is about; see `RuleSpecInput.fieldName`.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters long"))]
    pub field_name: String,
    /// What it checks.
    pub rule_type: RuleType,
    /// The lookup and comparison; see `ValidationRule.conditions`.
    pub conditions: Json<serde_json::Value>,
    /// Higher runs first.
    #[graphql(default)]
    pub priority: i32,
    /// Whether it runs.
    #[graphql(default = true)]
    pub is_active: bool,
}

/// What `createValidationRule` created.
#[derive(SimpleObject)]
pub struct CreateValidationRulePayload {
    /// The new rule.
    pub rule: ValidationRule,
}

/// Every field omitted keeps its value; the conditions are checked again
/// against the (new) datasource.
#[derive(InputObject, Validate)]
pub struct UpdateValidationRuleInput {
    /// The rule to change.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
    /// Another datasource to query.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub datasource_id: Option<ID>,
    /// Another email value.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters long"))]
    pub field_name: Option<String>,
    /// Another check.
    pub rule_type: Option<RuleType>,
    /// New conditions, replacing the old ones.
    pub conditions: Option<Json<serde_json::Value>>,
    /// A new priority.
    pub priority: Option<i32>,
    /// Turns the rule on or off.
    pub is_active: Option<bool>,
}

/// What `updateValidationRule` changed.
#[derive(SimpleObject)]
pub struct UpdateValidationRulePayload {
    /// The rule as it is now.
    pub rule: ValidationRule,
}

/// The validation rule to delete.
#[derive(InputObject, Validate)]
pub struct DeleteValidationRuleInput {
    /// The rule to delete.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `deleteValidationRule` deleted.
#[derive(SimpleObject)]
pub struct DeleteValidationRulePayload {
    /// The id of the deleted rule.
    pub deleted_id: ID,
}

/// The new running order of an intent's rules.
#[derive(InputObject, Validate)]
pub struct ReorderValidationRulesInput {
    /// The intent whose rules are reordered.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub intent_id: ID,
    /// Every rule of the intent, once each, in the order they should run.
    #[validate(length(max = 500, message = "must hold at most 500 ids"))]
    pub rule_ids: Vec<ID>,
}

/// What `reorderValidationRules` changed.
#[derive(SimpleObject)]
pub struct ReorderValidationRulesPayload {
    /// The intent's rules in their new order.
    pub rules: Vec<ValidationRule>,
}

#[derive(Default)]
pub struct RuleMutation;

#[Object]
impl RuleMutation {
    /// Adds a validation rule to an intent. Its conditions are checked
    /// against the datasource now, so a stored rule can run.
    async fn create_validation_rule(
        &self,
        ctx: &Context<'_>,
        input: CreateValidationRuleInput,
    ) -> Result<CreateValidationRulePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let intent_id: IntentId = parse_id("intentId", &input.intent_id).gql(ctx)?;
        let datasource_id: DatasourceId =
            parse_id("datasourceId", &input.datasource_id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = CreateRule {
            intent_id,
            datasource_id,
            field_name: input.field_name,
            rule_type: input.rule_type.into(),
            conditions: input.conditions.0,
            priority: input.priority,
            is_active: input.is_active,
        };
        let rule = state.routing.rules.create(scope, input).await.gql(ctx)?;
        Ok(CreateValidationRulePayload { rule: rule.into() })
    }

    /// Changes a validation rule.
    async fn update_validation_rule(
        &self,
        ctx: &Context<'_>,
        input: UpdateValidationRuleInput,
    ) -> Result<UpdateValidationRulePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let rule: RuleId = parse_id("id", &input.id).gql(ctx)?;
        let datasource_id = input
            .datasource_id
            .as_deref()
            .map(|raw| parse_id("datasourceId", raw))
            .transpose()
            .gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let changes = UpdateRule {
            datasource_id,
            field_name: input.field_name,
            rule_type: input.rule_type.map(Into::into),
            conditions: input.conditions.map(|Json(value)| value),
            priority: input.priority,
            is_active: input.is_active,
        };
        let rule = state
            .routing
            .rules
            .update(scope, rule, changes)
            .await
            .gql(ctx)?;
        Ok(UpdateValidationRulePayload { rule: rule.into() })
    }

    /// Deletes a validation rule.
    async fn delete_validation_rule(
        &self,
        ctx: &Context<'_>,
        input: DeleteValidationRuleInput,
    ) -> Result<DeleteValidationRulePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let rule: RuleId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state.routing.rules.delete(scope, rule).await.gql(ctx)?;
        Ok(DeleteValidationRulePayload {
            deleted_id: id(deleted),
        })
    }

    /// Sets the order an intent's rules run in: the first listed runs first.
    async fn reorder_validation_rules(
        &self,
        ctx: &Context<'_>,
        input: ReorderValidationRulesInput,
    ) -> Result<ReorderValidationRulesPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let intent: IntentId = parse_id("intentId", &input.intent_id).gql(ctx)?;
        let order = rule_ids(&input.rule_ids).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let rules = state
            .routing
            .rules
            .reorder(scope, intent, order)
            .await
            .gql(ctx)?;
        Ok(ReorderValidationRulesPayload {
            rules: rules.into_iter().map(ValidationRule::from).collect(),
        })
    }
}

fn rule_ids(raw: &[ID]) -> Result<Vec<RuleId>, DomainError> {
    raw.iter()
        .enumerate()
        .map(|(index, id)| parse_id(&format!("ruleIds[{index}]"), id))
        .collect()
}
