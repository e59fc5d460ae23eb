//! Every mutation: one `input` argument, one use case, a payload naming what
//! changed. Inputs are checked with `validator` before the use case runs.

mod admin;
mod auth;
mod member;
mod role;
mod tenant;

use async_graphql::MergedObject;

pub use admin::{ReactivateTenantInput, SuspendTenantInput, TenantPayload};
pub use auth::{RefreshSessionInput, SignInInput, SignOutPayload, SignUpInput, SwitchTenantInput};
pub use member::{
    AcceptInvitationInput, AcceptInvitationPayload, InviteMemberInput, InviteMemberPayload,
    RemoveMemberInput, RemoveMemberPayload, UpdateMemberRoleInput, UpdateMemberRolePayload,
};
pub use role::{CreateRoleInput, CreateRolePayload};
pub use tenant::{CreateTenantInput, CreateTenantPayload};

#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    auth::AuthMutation,
    tenant::TenantMutation,
    member::MemberMutation,
    role::RoleMutation,
    admin::AdminMutation,
);
