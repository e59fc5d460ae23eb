use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_intents::IntentId;
use trellis_intents::matcher::MatcherSpec;
use trellis_intents::service::{CreateIntent, UpdateIntent};
use trellis_kernel::DomainError;
use trellis_rules::service::{CreateIntentWithRules, RuleSpec};
use validator::Validate;

use super::rule::RuleSpecInput;
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::routing::types::{Intent, MatchField, MatchOperator};
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

/// One way of recognising an intent's emails.
#[derive(InputObject, Validate)]
pub struct MatcherInput {
    /// The part of the email compared.
    pub field: MatchField,
    /// The header's name; required for field HEADER, refused otherwise.
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters long"))]
    pub header: Option<String>,
    /// How it is compared.
    pub operator: MatchOperator,
    /// What it is compared with; a regular expression for REGEX.
    #[validate(length(min = 1, max = 1000, message = "must be 1 to 1000 characters long"))]
    pub value: String,
}

impl From<MatcherInput> for MatcherSpec {
    fn from(input: MatcherInput) -> Self {
        Self {
            field: input.field.into(),
            header: input.header,
            operator: input.operator.into(),
            value: input.value,
        }
    }
}

/// A new intent.
#[derive(InputObject, Validate)]
pub struct CreateIntentInput {
    /// Unique in the tenant, ignoring case.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: String,
    /// What the category is for.
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub description: Option<String>,
    /// Higher is tried first (-1000000 to 1000000).
    #[graphql(default)]
    pub priority: i32,
    /// Whether routing may choose it.
    #[graphql(default = true)]
    pub is_active: bool,
    /// Up to 20; an email belongs to the intent when any matches.
    #[graphql(default)]
    #[validate(nested)]
    pub matchers: Vec<MatcherInput>,
}

impl From<CreateIntentInput> for CreateIntent {
    fn from(input: CreateIntentInput) -> Self {
        Self {
            name: input.name,
            description: input.description,
            priority: input.priority,
            is_active: input.is_active,
            matchers: input.matchers.into_iter().map(Into::into).collect(),
        }
    }
}

/// What `createIntent` created.
#[derive(SimpleObject)]
pub struct CreateIntentPayload {
    /// The new intent.
    pub intent: Intent,
}

/// Every field omitted keeps its value.
#[derive(InputObject, Validate)]
pub struct UpdateIntentInput {
    /// The intent to change.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
    /// A new name.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: Option<String>,
    /// A new description; an empty one clears it.
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub description: Option<String>,
    /// A new priority.
    pub priority: Option<i32>,
    /// Turns routing to it on or off.
    pub is_active: Option<bool>,
    /// Replaces all its matchers.
    #[validate(nested)]
    pub matchers: Option<Vec<MatcherInput>>,
}

/// What `updateIntent` changed.
#[derive(SimpleObject)]
pub struct UpdateIntentPayload {
    /// The intent as it is now.
    pub intent: Intent,
}

/// The intent to delete.
#[derive(InputObject, Validate)]
pub struct DeleteIntentInput {
    /// The intent to delete, with its rules.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `deleteIntent` deleted.
#[derive(SimpleObject)]
pub struct DeleteIntentPayload {
    /// The id of the deleted intent.
    pub deleted_id: ID,
    /// Its validation rules, deleted with it.
    pub deleted_rule_ids: Vec<ID>,
}

/// An intent and its rules, created together or not at all.
#[derive(InputObject, Validate)]
pub struct CreateIntentWithRulesInput {
    /// The intent.
    #[validate(nested)]
    pub intent: CreateIntentInput,
    /// Its rules, at most 50.
    #[validate(nested)]
    pub rules: Vec<RuleSpecInput>,
}

/// What `createIntentWithRules` created.
#[derive(SimpleObject)]
pub struct CreateIntentWithRulesPayload {
    /// The new intent; its `rules` lists the new rules.
    pub intent: Intent,
}

#[derive(Default)]
pub struct IntentMutation;

#[Object]
impl IntentMutation {
    /// Creates an intent. Needs `routing.manage` (MEMBER and above).
    async fn create_intent(
        &self,
        ctx: &Context<'_>,
        input: CreateIntentInput,
    ) -> Result<CreateIntentPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let intent = state
            .routing
            .intents
            .create(scope, input.into())
            .await
            .gql(ctx)?;
        Ok(CreateIntentPayload {
            intent: intent.into(),
        })
    }

    /// Changes an intent.
    async fn update_intent(
        &self,
        ctx: &Context<'_>,
        input: UpdateIntentInput,
    ) -> Result<UpdateIntentPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let intent: IntentId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let changes = UpdateIntent {
            name: input.name,
            description: input.description,
            priority: input.priority,
            is_active: input.is_active,
            matchers: input
                .matchers
                .map(|matchers| matchers.into_iter().map(Into::into).collect()),
        };
        let intent = state
            .routing
            .intents
            .update(scope, intent, changes)
            .await
            .gql(ctx)?;
        Ok(UpdateIntentPayload {
            intent: intent.into(),
        })
    }

    /// Deletes an intent and its validation rules. Its routing decisions
    /// stay, naming it by `intentName`.
    async fn delete_intent(
        &self,
        ctx: &Context<'_>,
        input: DeleteIntentInput,
    ) -> Result<DeleteIntentPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let intent: IntentId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state.routing.intents.delete(scope, intent).await.gql(ctx)?;
        Ok(DeleteIntentPayload {
            deleted_id: id(deleted.id),
            deleted_rule_ids: deleted.deleted_rule_ids.into_iter().map(id).collect(),
        })
    }

    /// Creates an intent with its validation rules in one step: one bad
    /// rule and nothing is created.
    async fn create_intent_with_rules(
        &self,
        ctx: &Context<'_>,
        input: CreateIntentWithRulesInput,
    ) -> Result<CreateIntentWithRulesPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let rules = rule_specs(input.rules).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = CreateIntentWithRules {
            intent: input.intent.into(),
            rules,
        };
        let (intent, _) = state
            .routing
            .rules
            .create_intent_with_rules(scope, input)
            .await
            .gql(ctx)?;
        Ok(CreateIntentWithRulesPayload {
            intent: intent.into(),
        })
    }
}

/// The rules with their datasource ids parsed, each error named by its
/// place in the list.
fn rule_specs(inputs: Vec<RuleSpecInput>) -> Result<Vec<RuleSpec>, DomainError> {
    inputs
        .into_iter()
        .enumerate()
        .map(|(index, input)| {
            let field = format!("rules[{index}].datasourceId");
            Ok(RuleSpec {
                datasource_id: parse_id(&field, &input.datasource_id)?,
                field_name: input.field_name,
                rule_type: input.rule_type.into(),
                conditions: input.conditions.0,
                priority: input.priority,
                is_active: input.is_active,
            })
        })
        .collect()
}
