use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use trellis_tenancy::service::CreateTenant;
use validator::Validate;

use crate::graphql::context::principal;
use crate::graphql::error::GqlResultExt;
use crate::graphql::tenancy::types::{Plan, Tenant};
use crate::graphql::validate::validate_input;
use crate::state::AppState;

#[derive(InputObject, Validate)]
pub struct CreateTenantInput {
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: String,
    /// The tenant's URL name: 3 to 63 characters of a-z, 0-9 and inner hyphens.
    #[validate(length(min = 3, max = 63, message = "must be 3 to 63 characters long"))]
    pub slug: String,
    pub plan: Plan,
}

#[derive(SimpleObject)]
pub struct CreateTenantPayload {
    pub tenant: Tenant,
}

#[derive(Default)]
pub struct TenantMutation;

#[Object]
impl TenantMutation {
    /// Creates an organization with you as its OWNER. Call `switchTenant`
    /// to act in it.
    async fn create_tenant(
        &self,
        ctx: &Context<'_>,
        input: CreateTenantInput,
    ) -> Result<CreateTenantPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let actor = &principal(ctx).gql(ctx)?.actor;
        let input = CreateTenant {
            name: input.name,
            slug: input.slug,
            plan: input.plan.into(),
        };
        let tenant = state.tenancy.tenants.create(actor, input).await.gql(ctx)?;
        Ok(CreateTenantPayload {
            tenant: tenant.into(),
        })
    }
}
