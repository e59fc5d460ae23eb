use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use trellis_tenancy::service::CreateRole;
use validator::Validate;

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::tenancy::types::Role;
use crate::graphql::validate::validate_input;
use crate::state::AppState;

#[derive(InputObject, Validate)]
pub struct CreateRoleInput {
    /// 2 to 40 letters, digits, spaces, `-` and `_`; not a built-in name.
    #[validate(length(min = 2, max = 40, message = "must be 2 to 40 characters long"))]
    pub name: String,
    /// `resource.action` names, see `permissions`; all must be your own.
    #[validate(length(min = 1, max = 100, message = "must name 1 to 100 permissions"))]
    pub permissions: Vec<String>,
}

#[derive(SimpleObject)]
pub struct CreateRolePayload {
    pub role: Role,
}

#[derive(Default)]
pub struct RoleMutation;

#[Object]
impl RoleMutation {
    /// Adds a custom role to the current tenant.
    async fn create_role(
        &self,
        ctx: &Context<'_>,
        input: CreateRoleInput,
    ) -> Result<CreateRolePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = CreateRole {
            name: input.name,
            permissions: input.permissions,
        };
        let role = state.tenancy.roles.create(scope, input).await.gql(ctx)?;
        Ok(CreateRolePayload { role: role.into() })
    }
}
