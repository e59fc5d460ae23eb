use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_kernel::TenantId;
use validator::Validate;

use crate::graphql::context::principal;
use crate::graphql::error::GqlResultExt;
use crate::graphql::tenancy::types::Tenant;
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

#[derive(InputObject, Validate)]
pub struct SuspendTenantInput {
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub tenant_id: ID,
    /// Shown to the tenant's members; at most 500 characters.
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    pub reason: Option<String>,
}

#[derive(InputObject, Validate)]
pub struct ReactivateTenantInput {
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub tenant_id: ID,
}

/// The tenant as it is after the change.
#[derive(SimpleObject)]
pub struct TenantPayload {
    pub tenant: Tenant,
}

/// Platform administration. The use cases refuse anyone who is not a
/// platform administrator.
#[derive(Default)]
pub struct AdminMutation;

#[Object]
impl AdminMutation {
    /// Suspends a tenant: its members' tokens stop reaching its data.
    async fn suspend_tenant(
        &self,
        ctx: &Context<'_>,
        input: SuspendTenantInput,
    ) -> Result<TenantPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let tenant: TenantId = parse_id("tenantId", &input.tenant_id).gql(ctx)?;
        let actor = &principal(ctx).gql(ctx)?.actor;
        let tenant = state
            .tenancy
            .admin
            .suspend(actor, tenant, input.reason)
            .await
            .gql(ctx)?;
        Ok(TenantPayload {
            tenant: tenant.into(),
        })
    }

    async fn reactivate_tenant(
        &self,
        ctx: &Context<'_>,
        input: ReactivateTenantInput,
    ) -> Result<TenantPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let tenant: TenantId = parse_id("tenantId", &input.tenant_id).gql(ctx)?;
        let actor = &principal(ctx).gql(ctx)?.actor;
        let tenant = state
            .tenancy
            .admin
            .reactivate(actor, tenant)
            .await
            .gql(ctx)?;
        Ok(TenantPayload {
            tenant: tenant.into(),
        })
    }
}
