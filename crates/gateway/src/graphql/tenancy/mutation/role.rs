use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_tenancy::RoleId;
use trellis_tenancy::service::CreateRole;
use validator::Validate;

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::tenancy::types::Role;
use crate::graphql::validate::{parse_id, validate_input};
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

/// What `createRole` created.
#[derive(SimpleObject)]
pub struct CreateRolePayload {
    /// The new custom role.
    pub role: Role,
}

/// The custom role to delete.
#[derive(InputObject, Validate)]
pub struct DeleteRoleInput {
    /// A custom role that no member holds and no pending invitation offers.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `deleteRole` deleted.
#[derive(SimpleObject)]
pub struct DeleteRolePayload {
    /// The id of the deleted role.
    pub deleted_id: ID,
}

/// A deleted custom role to bring back.
#[derive(InputObject, Validate)]
pub struct RestoreRoleInput {
    /// The deleted role.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `restoreRole` brought back.
#[derive(SimpleObject)]
pub struct RestoreRolePayload {
    /// The role, live again, with the permissions it had.
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

    /// Deletes a custom role of the current tenant; its name is free for a
    /// new role. `CONFLICT` for a built-in role, or while a member holds it
    /// or a pending invitation offers it (change their role or revoke the
    /// invitation first). Needs `roles.manage`.
    async fn delete_role(
        &self,
        ctx: &Context<'_>,
        input: DeleteRoleInput,
    ) -> Result<DeleteRolePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let role: RoleId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state.tenancy.roles.delete(scope, role).await.gql(ctx)?;
        Ok(DeleteRolePayload {
            deleted_id: id(deleted),
        })
    }

    /// Brings back a deleted custom role. `CONFLICT` if a live role has its
    /// name. Needs `roles.manage`.
    async fn restore_role(
        &self,
        ctx: &Context<'_>,
        input: RestoreRoleInput,
    ) -> Result<RestoreRolePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let role: RoleId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let role = state.tenancy.roles.restore(scope, role).await.gql(ctx)?;
        Ok(RestoreRolePayload { role: role.into() })
    }
}
