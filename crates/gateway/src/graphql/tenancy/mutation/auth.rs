use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_tenancy::service::{SignIn, SignUp};
use validator::Validate;

use crate::graphql::context::{principal, request_meta, throttle};
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::tenancy::types::AuthPayload;
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;
use crate::throttle::Attempt;

#[derive(InputObject, Validate)]
pub struct SignUpInput {
    #[validate(custom(function = "crate::graphql::validate::email"))]
    pub email: String,
    /// 8 to 128 characters.
    #[validate(length(min = 8, max = 128, message = "must be 8 to 128 characters long"))]
    pub password: String,
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: String,
}

#[derive(InputObject, Validate)]
pub struct SignInInput {
    #[validate(custom(function = "crate::graphql::validate::email"))]
    pub email: String,
    // No minimum beyond "given": the policy of today must not lock out
    // passwords set under an older one.
    #[validate(length(min = 1, max = 128, message = "must be 1 to 128 characters long"))]
    pub password: String,
    /// Select this tenant in the new session.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub tenant_id: Option<ID>,
}

#[derive(InputObject, Validate)]
pub struct RefreshSessionInput {
    #[validate(length(min = 1, max = 512, message = "must be 1 to 512 characters long"))]
    pub refresh_token: String,
}

#[derive(InputObject, Validate)]
pub struct SwitchTenantInput {
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub tenant_id: ID,
}

#[derive(SimpleObject)]
pub struct SignOutPayload {
    /// The session that was ended.
    pub session_id: ID,
}

#[derive(Default)]
pub struct AuthMutation;

#[Object]
impl AuthMutation {
    /// Creates an account and signs it in, with no tenant selected.
    async fn sign_up(&self, ctx: &Context<'_>, input: SignUpInput) -> Result<AuthPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let input = SignUp {
            email: input.email,
            password: input.password,
            name: input.name,
        };
        let session = state
            .tenancy
            .auth
            .sign_up(&request_meta(ctx), input)
            .await
            .gql(ctx)?;
        Ok(session.into())
    }

    async fn sign_in(&self, ctx: &Context<'_>, input: SignInInput) -> Result<AuthPayload> {
        validate_input(&input).gql(ctx)?;
        throttle(ctx, Attempt::SignIn, &input.email.trim().to_lowercase())?;
        let state = ctx.data::<AppState>()?;
        let tenant_id = input
            .tenant_id
            .as_deref()
            .map(|raw| parse_id("tenantId", raw))
            .transpose()
            .gql(ctx)?;
        let input = SignIn {
            email: input.email,
            password: input.password,
            tenant_id,
        };
        let session = state
            .tenancy
            .auth
            .sign_in(&request_meta(ctx), input)
            .await
            .gql(ctx)?;
        Ok(session.into())
    }

    /// Exchanges a refresh token for a new pair; the old one stops working.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        input: RefreshSessionInput,
    ) -> Result<AuthPayload> {
        validate_input(&input).gql(ctx)?;
        throttle(ctx, Attempt::RefreshSession, &input.refresh_token)?;
        let state = ctx.data::<AppState>()?;
        let session = state
            .tenancy
            .auth
            .refresh(&input.refresh_token)
            .await
            .gql(ctx)?;
        Ok(session.into())
    }

    /// Selects another of your tenants and issues tokens for it.
    async fn switch_tenant(
        &self,
        ctx: &Context<'_>,
        input: SwitchTenantInput,
    ) -> Result<AuthPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let tenant = parse_id("tenantId", &input.tenant_id).gql(ctx)?;
        let actor = &principal(ctx).gql(ctx)?.actor;
        let session = state
            .tenancy
            .auth
            .switch_tenant(actor, tenant)
            .await
            .gql(ctx)?;
        Ok(session.into())
    }

    /// Ends the current session: its access and refresh tokens stop working.
    async fn sign_out(&self, ctx: &Context<'_>) -> Result<SignOutPayload> {
        let state = ctx.data::<AppState>()?;
        let principal = principal(ctx).gql(ctx)?;
        let session = state.tenancy.auth.sign_out(principal).await.gql(ctx)?;
        Ok(SignOutPayload {
            session_id: id(session),
        })
    }
}
