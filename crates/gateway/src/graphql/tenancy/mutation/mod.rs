//! The tenancy mutations: one `input` argument, one use case, a payload
//! naming what changed. Inputs are checked with `validator` before the use
//! case runs.

mod admin;
mod auth;
mod member;
mod role;
mod tenant;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct TenancyMutation(
    auth::AuthMutation,
    tenant::TenantMutation,
    member::MemberMutation,
    role::RoleMutation,
    admin::AdminMutation,
);
