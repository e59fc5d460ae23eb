use async_graphql::{Context, ID, InputObject, Json, Object, Result, SimpleObject};
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::service::{CreateDatasourceConfig, UpdateDatasourceConfig};
use validator::Validate;

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::routing::types::{AuthType, ConfigTest, DatasourceConfig, Protocol, TlsMode};
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

/// A new datasource config.
#[derive(InputObject, Validate)]
pub struct CreateDatasourceConfigInput {
    /// Unique in the tenant, ignoring case; datasources name it as their `connectionKey`.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: String,
    /// How to reach the datasource; it cannot change later.
    pub protocol: Protocol,
    /// `postgres://host:5432/db`, `mysql://host/db`, a SQLite file path
    /// relative to the tenant's own directory among the server's datasource
    /// files, an `http(s)://` base address; omitted for FILE. Never with
    /// credentials in it.
    #[validate(length(max = 2048, message = "must be at most 2048 characters"))]
    pub base_url: Option<String>,
    /// How it authenticates; NONE when omitted.
    #[graphql(default_with = "AuthType::None")]
    pub auth_type: AuthType,
    /// The credentials for `authType`: `{username, password}`, `{token}` or
    /// `{key, header}`. Write-only: stored encrypted, never returned.
    #[graphql(secret)]
    pub auth_config: Option<Json<serde_json::Value>>,
    /// Connection options: `poolSize` (1-20), `connectTimeoutMs`,
    /// `statementTimeoutMs` (100-30000), `maxResponseBytes`, `headers`.
    pub connection: Option<Json<serde_json::Value>>,
    /// For POSTGRESQL and MYSQL only: how the connection is encrypted;
    /// VERIFY_FULL when omitted.
    pub tls_mode: Option<TlsMode>,
}

/// What `createDatasourceConfig` created.
#[derive(SimpleObject)]
pub struct CreateDatasourceConfigPayload {
    /// The new config.
    pub datasource_config: DatasourceConfig,
}

/// Every field omitted keeps its value. The protocol cannot change: the
/// datasources using the config depend on it.
#[derive(InputObject, Validate)]
pub struct UpdateDatasourceConfigInput {
    /// The config to change.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
    /// A new name.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: Option<String>,
    /// A new address.
    #[validate(length(max = 2048, message = "must be at most 2048 characters"))]
    pub base_url: Option<String>,
    /// A new authentication scheme; needs `authConfig` unless NONE.
    pub auth_type: Option<AuthType>,
    /// New credentials, replacing the stored ones. Write-only.
    #[graphql(secret)]
    pub auth_config: Option<Json<serde_json::Value>>,
    /// New connection options, replacing the old ones.
    pub connection: Option<Json<serde_json::Value>>,
    /// A new TLS mode (POSTGRESQL and MYSQL only).
    pub tls_mode: Option<TlsMode>,
}

/// What `updateDatasourceConfig` changed.
#[derive(SimpleObject)]
pub struct UpdateDatasourceConfigPayload {
    /// The config as it is now.
    pub datasource_config: DatasourceConfig,
}

/// The datasource config to delete.
#[derive(InputObject, Validate)]
pub struct DeleteDatasourceConfigInput {
    /// The config to delete; refused while datasources use it.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `deleteDatasourceConfig` deleted.
#[derive(SimpleObject)]
pub struct DeleteDatasourceConfigPayload {
    /// The id of the deleted config.
    pub deleted_id: ID,
}

#[derive(Default)]
pub struct DatasourceConfigMutation;

#[Object]
impl DatasourceConfigMutation {
    /// Creates a datasource config. Needs `connections.manage` (ADMIN and above).
    async fn create_datasource_config(
        &self,
        ctx: &Context<'_>,
        input: CreateDatasourceConfigInput,
    ) -> Result<CreateDatasourceConfigPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = CreateDatasourceConfig {
            name: input.name,
            protocol: input.protocol.into(),
            base_url: input.base_url,
            auth_type: input.auth_type.into(),
            auth_config: input.auth_config.map(|Json(value)| value),
            connection: input.connection.map(|Json(value)| value),
            tls_mode: input.tls_mode.map(Into::into),
        };
        let config = state
            .routing
            .datasources
            .create_config(scope, input)
            .await
            .gql(ctx)?;
        Ok(CreateDatasourceConfigPayload {
            datasource_config: config.into(),
        })
    }

    /// Changes a datasource config; datasources using it pick the change up
    /// on their next lookup.
    async fn update_datasource_config(
        &self,
        ctx: &Context<'_>,
        input: UpdateDatasourceConfigInput,
    ) -> Result<UpdateDatasourceConfigPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let id: DatasourceConfigId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = UpdateDatasourceConfig {
            id,
            name: input.name,
            base_url: input.base_url,
            auth_type: input.auth_type.map(Into::into),
            auth_config: input.auth_config.map(|Json(value)| value),
            connection: input.connection.map(|Json(value)| value),
            tls_mode: input.tls_mode.map(Into::into),
        };
        let config = state
            .routing
            .datasources
            .update_config(scope, input)
            .await
            .gql(ctx)?;
        Ok(UpdateDatasourceConfigPayload {
            datasource_config: config.into(),
        })
    }

    /// Deletes a datasource config no datasource uses (`CONFLICT` otherwise).
    async fn delete_datasource_config(
        &self,
        ctx: &Context<'_>,
        input: DeleteDatasourceConfigInput,
    ) -> Result<DeleteDatasourceConfigPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let config: DatasourceConfigId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state
            .routing
            .datasources
            .delete_config(scope, config)
            .await
            .gql(ctx)?;
        Ok(DeleteDatasourceConfigPayload {
            deleted_id: id(deleted),
        })
    }

    /// Connects with a stored config and reports whether that worked and how
    /// long it took. Changes nothing.
    async fn test_datasource_config(&self, ctx: &Context<'_>, id: ID) -> Result<ConfigTest> {
        let state = ctx.data::<AppState>()?;
        let id: DatasourceConfigId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        Ok(state
            .routing
            .datasources
            .test_config(scope, id)
            .await
            .gql(ctx)?
            .into())
    }
}
