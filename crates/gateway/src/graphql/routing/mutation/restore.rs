//! Restores of what a delete took: an intent, a datasource or a config
//! comes back with what its delete cascaded to, if its name is still free.
//! Each needs what the matching delete needs.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_datasources::{DatasourceConfigId, DatasourceId};
use trellis_intents::IntentId;
use validator::Validate;

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::routing::types::{Datasource, DatasourceConfig, Intent};
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

/// A deleted intent to bring back.
#[derive(InputObject, Validate)]
pub struct RestoreIntentInput {
    /// The deleted intent; its rules deleted with it come back too.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `restoreIntent` brought back.
#[derive(SimpleObject)]
pub struct RestoreIntentPayload {
    /// The intent, live again; its `rules` lists the rules restored.
    pub intent: Intent,
    /// The rules its delete took that came back with it. A rule whose
    /// datasource is deleted stays deleted until that datasource is
    /// restored.
    pub restored_rule_ids: Vec<ID>,
}

/// A deleted datasource to bring back.
#[derive(InputObject, Validate)]
pub struct RestoreDatasourceInput {
    /// The deleted datasource; its config must be live.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `restoreDatasource` brought back.
#[derive(SimpleObject)]
pub struct RestoreDatasourcePayload {
    /// The datasource, live again, with its file.
    pub datasource: Datasource,
    /// The rules its delete took that came back with it. A rule whose
    /// intent is deleted stays deleted until that intent is restored.
    pub restored_rule_ids: Vec<ID>,
}

/// A deleted datasource config to bring back.
#[derive(InputObject, Validate)]
pub struct RestoreDatasourceConfigInput {
    /// The deleted config.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `restoreDatasourceConfig` brought back.
#[derive(SimpleObject)]
pub struct RestoreDatasourceConfigPayload {
    /// The config, live again.
    pub datasource_config: DatasourceConfig,
}

#[derive(Default)]
pub struct RestoreMutation;

#[Object]
impl RestoreMutation {
    /// Brings back a deleted intent with the rules its delete took.
    /// `CONFLICT` if a live intent has its name. Needs `routing.manage`.
    async fn restore_intent(
        &self,
        ctx: &Context<'_>,
        input: RestoreIntentInput,
    ) -> Result<RestoreIntentPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let intent: IntentId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let restored = state
            .routing
            .intents
            .restore(scope, intent)
            .await
            .gql(ctx)?;
        Ok(RestoreIntentPayload {
            intent: restored.intent.into(),
            restored_rule_ids: restored.restored_rule_ids.into_iter().map(id).collect(),
        })
    }

    /// Brings back a deleted datasource, its file and the rules its delete
    /// took. `CONFLICT` if a live datasource has its name or its config is
    /// deleted (restore the config first). Needs `routing.manage`.
    async fn restore_datasource(
        &self,
        ctx: &Context<'_>,
        input: RestoreDatasourceInput,
    ) -> Result<RestoreDatasourcePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let datasource: DatasourceId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let restored = state
            .routing
            .datasources
            .restore(scope, datasource)
            .await
            .gql(ctx)?;
        Ok(RestoreDatasourcePayload {
            datasource: restored.datasource.into(),
            restored_rule_ids: restored.restored_rule_ids.into_iter().map(id).collect(),
        })
    }

    /// Brings back a deleted datasource config; its deleted datasources
    /// stay deleted until each is restored. `CONFLICT` if a live config has
    /// its name. Needs `connections.manage`.
    async fn restore_datasource_config(
        &self,
        ctx: &Context<'_>,
        input: RestoreDatasourceConfigInput,
    ) -> Result<RestoreDatasourceConfigPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let config: DatasourceConfigId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let config = state
            .routing
            .datasources
            .restore_config(scope, config)
            .await
            .gql(ctx)?;
        Ok(RestoreDatasourceConfigPayload {
            datasource_config: config.into(),
        })
    }
}
