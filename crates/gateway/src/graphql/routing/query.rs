//! The Routing product's queries: datasource configs, datasources, intents,
//! validation rules and stored routing decisions. Another tenant's id is
//! `NOT_FOUND`, exactly like an id that never existed.

use async_graphql::{Context, ID, InputObject, Lookahead, Object, Result};
use chrono::{DateTime, Utc};
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::DatasourceId;
use trellis_intents as intents;
use trellis_intents::IntentId;
use trellis_kernel::{PageRequest, RuleId};
use trellis_rules as rules;
use validator::Validate;

use super::prefetch;
use crate::graphql::connection::page_complexity;
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::routing::types::{
    Datasource, DatasourceConfig, DatasourceConfigConnection, DatasourceConnection,
    DecisionOutcome, Intent, IntentConnection, RoutingDecisionConnection, ValidationRule,
};
use crate::graphql::validate::{parse_id, validate_input_at};
use crate::state::AppState;

/// Narrows `intents`; every field given must match.
#[derive(Debug, Default, InputObject, Validate)]
pub struct IntentFilter {
    /// Only active (`true`) or inactive (`false`) intents.
    pub active: Option<bool>,
    /// Found in the name or description, ignoring case.
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    pub text: Option<String>,
}

/// Narrows `routingRuns`; every field given must match.
#[derive(Debug, Default, InputObject, Validate)]
pub struct RoutingRunFilter {
    /// Decisions for this intent.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub intent_id: Option<ID>,
    /// Decisions with this outcome.
    pub outcome: Option<DecisionOutcome>,
    /// Decisions made at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Decisions made before this time.
    pub until: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct RoutingQuery;

#[Object]
impl RoutingQuery {
    /// The tenant's datasource configs, oldest first. Credentials are never
    /// returned.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn datasource_configs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<DatasourceConfigConnection> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let configs = state
            .routing
            .datasources
            .list_configs(scope, page)
            .await
            .gql(ctx)?;
        Ok(DatasourceConfigConnection::from_page(configs, |c| {
            c.id.as_uuid()
        }))
    }

    /// One datasource config.
    async fn datasource_config(&self, ctx: &Context<'_>, id: ID) -> Result<DatasourceConfig> {
        let state = ctx.data::<AppState>()?;
        let id: DatasourceConfigId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        Ok(state
            .routing
            .datasources
            .config(scope, id)
            .await
            .gql(ctx)?
            .into())
    }

    /// The tenant's datasources, oldest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn datasources(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<DatasourceConnection> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let datasources = state.routing.datasources.list(scope, page).await.gql(ctx)?;
        let mut connection = DatasourceConnection::from_page(datasources, |d| d.id.as_uuid());
        let nodes = connection
            .edges
            .iter_mut()
            .map(|edge| &mut edge.node)
            .collect();
        prefetch::datasources(ctx, page_nodes(ctx), nodes).await?;
        Ok(connection)
    }

    /// One datasource.
    async fn datasource(&self, ctx: &Context<'_>, id: ID) -> Result<Datasource> {
        let state = ctx.data::<AppState>()?;
        let id: DatasourceId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let mut datasource = state
            .routing
            .datasources
            .get(scope, id)
            .await
            .gql(ctx)?
            .into();
        prefetch::datasources(ctx, ctx.look_ahead(), vec![&mut datasource]).await?;
        Ok(datasource)
    }

    /// The tenant's intents, oldest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn intents(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<IntentFilter>,
    ) -> Result<IntentConnection> {
        let state = ctx.data::<AppState>()?;
        let filter = filter.unwrap_or_default();
        validate_input_at("filter", &filter).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let filter = intents::IntentFilter {
            active: filter.active,
            text: filter
                .text
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty()),
        };
        let intents = state
            .routing
            .intents
            .list(scope, &filter, page)
            .await
            .gql(ctx)?;
        let mut connection = IntentConnection::from_page(intents, |i| i.id.as_uuid());
        let nodes = connection
            .edges
            .iter_mut()
            .map(|edge| &mut edge.node)
            .collect();
        prefetch::intents(ctx, page_nodes(ctx), nodes).await?;
        Ok(connection)
    }

    /// One intent.
    async fn intent(&self, ctx: &Context<'_>, id: ID) -> Result<Intent> {
        let state = ctx.data::<AppState>()?;
        let id: IntentId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let mut intent = state.routing.intents.get(scope, id).await.gql(ctx)?.into();
        prefetch::intents(ctx, ctx.look_ahead(), vec![&mut intent]).await?;
        Ok(intent)
    }

    /// One validation rule.
    async fn validation_rule(&self, ctx: &Context<'_>, id: ID) -> Result<ValidationRule> {
        let state = ctx.data::<AppState>()?;
        let id: RuleId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let mut rule = state.routing.rules.get(scope, id).await.gql(ctx)?.into();
        prefetch::rules(ctx, ctx.look_ahead(), vec![&mut rule]).await?;
        Ok(rule)
    }

    /// Stored routing decisions, newest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn routing_runs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<RoutingRunFilter>,
    ) -> Result<RoutingDecisionConnection> {
        let state = ctx.data::<AppState>()?;
        let filter = filter.unwrap_or_default();
        validate_input_at("filter", &filter).gql(ctx)?;
        let intent_id = filter
            .intent_id
            .as_deref()
            .map(|raw| parse_id("filter.intentId", raw))
            .transpose()
            .gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let filter = rules::RoutingRunFilter {
            intent_id,
            outcome: filter.outcome.map(Into::into),
            since: filter.since,
            until: filter.until,
        };
        let runs = state
            .routing
            .emails
            .runs(scope, &filter, page)
            .await
            .gql(ctx)?;
        let mut connection = RoutingDecisionConnection::from_page(runs, |r| r.id.as_uuid());
        let nodes = connection
            .edges
            .iter_mut()
            .map(|edge| &mut edge.node)
            .collect();
        prefetch::decisions(ctx, page_nodes(ctx), nodes).await?;
        Ok(connection)
    }
}

/// The selection of a connection's nodes: `edges { node { … } }`.
fn page_nodes<'c>(ctx: &'c Context<'_>) -> Lookahead<'c> {
    ctx.look_ahead().field("edges").field("node")
}
