//! Every mutation: one `input` argument, one use case, a payload naming what
//! changed. Inputs are checked with `validator` before the use case runs.

mod admin;
mod auth;
mod datasource;
mod datasource_config;
mod intent;
mod member;
mod role;
mod routing;
mod rule;
mod tenant;

use async_graphql::MergedObject;

pub use admin::{ReactivateTenantInput, SuspendTenantInput, TenantPayload};
pub use auth::{RefreshSessionInput, SignInInput, SignOutPayload, SignUpInput, SwitchTenantInput};
pub use datasource::{
    CreateDatasourceInput, CreateDatasourcePayload, DeleteDatasourceInput, DeleteDatasourcePayload,
    UpdateDatasourceInput, UpdateDatasourcePayload,
};
pub use datasource_config::{
    CreateDatasourceConfigInput, CreateDatasourceConfigPayload, DeleteDatasourceConfigInput,
    DeleteDatasourceConfigPayload, UpdateDatasourceConfigInput, UpdateDatasourceConfigPayload,
};
pub use intent::{
    CreateIntentInput, CreateIntentPayload, CreateIntentWithRulesInput,
    CreateIntentWithRulesPayload, DeleteIntentInput, DeleteIntentPayload, MatcherInput,
    UpdateIntentInput, UpdateIntentPayload,
};
pub use member::{
    AcceptInvitationInput, AcceptInvitationPayload, InviteMemberInput, InviteMemberPayload,
    RemoveMemberInput, RemoveMemberPayload, UpdateMemberRoleInput, UpdateMemberRolePayload,
};
pub use role::{CreateRoleInput, CreateRolePayload};
pub use routing::{
    EmailMessageInput, HeaderInput, RouteEmailInput, RouteEmailPayload, ValidateEmailInput,
    ValidateEmailPayload,
};
pub use rule::{
    CreateValidationRuleInput, CreateValidationRulePayload, DeleteValidationRuleInput,
    DeleteValidationRulePayload, ReorderValidationRulesInput, ReorderValidationRulesPayload,
    RuleSpecInput, UpdateValidationRuleInput, UpdateValidationRulePayload,
};
pub use tenant::{CreateTenantInput, CreateTenantPayload};

#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    auth::AuthMutation,
    tenant::TenantMutation,
    member::MemberMutation,
    role::RoleMutation,
    admin::AdminMutation,
    datasource_config::DatasourceConfigMutation,
    datasource::DatasourceMutation,
    intent::IntentMutation,
    rule::RuleMutation,
    routing::RoutingMutation,
);
