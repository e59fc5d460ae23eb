//! The platform and tenancy queries. Each resolver reads the caller from the
//! request, calls one use case and maps its result.

use async_graphql::{Context, ID, InputObject, Object, Result};
use trellis_kernel::AuditFilter;
use trellis_kernel::{PageRequest, Permission};
use validator::Validate;

use super::types::{AuditEntryConnection, Me, PermissionInfo, Role, Tenant, TenantConnection};
use crate::graphql::connection::page_complexity;
use crate::graphql::context::{principal, tenant_ctx};
use crate::graphql::error::GqlResultExt;
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

#[derive(Default)]
pub struct TenancyQuery;

/// Narrows the audit log; every field given must match.
#[derive(Debug, Default, InputObject, Validate)]
pub struct AuditLogFilter {
    /// `entity.verb`, e.g. `member.invited`.
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    pub action: Option<String>,
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub actor_id: Option<ID>,
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    pub entity_type: Option<String>,
}

#[Object]
impl TenancyQuery {
    /// The signed-in user.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        let principal = principal(ctx).gql(ctx)?;
        Ok(Me::new(principal.actor.clone()))
    }

    /// The tenant the access token selects.
    async fn tenant(&self, ctx: &Context<'_>) -> Result<Tenant> {
        let state = ctx.data::<AppState>()?;
        let caller = principal(ctx).gql(ctx)?;
        Ok(state.tenancy.tenants.current(caller).await.gql(ctx)?.into())
    }

    /// The current tenant's roles: built-in first, then custom ones.
    async fn roles(&self, ctx: &Context<'_>) -> Result<Vec<Role>> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let roles = state.tenancy.roles.list(scope).await.gql(ctx)?;
        Ok(roles.into_iter().map(Role::from).collect())
    }

    /// Every permission a role can hold.
    async fn permissions(&self) -> Vec<PermissionInfo> {
        Permission::ALL
            .iter()
            .copied()
            .map(PermissionInfo::from)
            .collect()
    }

    /// The current tenant's audit log, newest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<AuditLogFilter>,
    ) -> Result<AuditEntryConnection> {
        let state = ctx.data::<AppState>()?;
        let filter = filter.unwrap_or_default();
        validate_input(&filter).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let actor_id = filter
            .actor_id
            .as_deref()
            .map(|raw| parse_id("actorId", raw))
            .transpose()
            .gql(ctx)?;
        let filter = AuditFilter {
            action: filter.action,
            actor_id,
            entity_type: filter.entity_type,
        };
        let entries = state
            .tenancy
            .roles
            .audit_log(scope, &filter, page)
            .await
            .gql(ctx)?;
        Ok(AuditEntryConnection::from_page(entries, |e| e.id.as_uuid()))
    }

    /// Every tenant, oldest first. Platform administrators only.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn admin_tenants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<TenantConnection> {
        let state = ctx.data::<AppState>()?;
        let actor = &principal(ctx).gql(ctx)?.actor;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let tenants = state.tenancy.admin.tenants(actor, page).await.gql(ctx)?;
        Ok(TenantConnection::from_page(tenants, |t| t.id.as_uuid()))
    }
}
