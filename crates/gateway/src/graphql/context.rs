//! What the HTTP layer attaches to each GraphQL request, and how resolvers
//! read it. Resolvers never `unwrap` request data.

use std::net::IpAddr;
use std::sync::Arc;

use async_graphql::Context;
use trellis_kernel::{DomainError, RequestMeta, TenantCtx};
use trellis_tenancy::Principal;

use super::error::rate_limited;
use crate::throttle::{Attempt, AuthThrottle};

/// The outcome of checking the request's bearer token, decided once per
/// HTTP request before any resolver runs.
#[derive(Debug, Clone)]
// One value per request, never stored in bulk: boxing the principal would
// buy nothing but an allocation per request.
#[allow(clippy::large_enum_variant)]
pub enum RequestAuth {
    /// No `Authorization` header.
    Anonymous,
    Authenticated(Principal),
    /// A token was sent but refused; operations that need a caller fail with
    /// this message as `UNAUTHENTICATED`, public ones (signIn) still work.
    Rejected(String),
}

/// The caller, or `UNAUTHENTICATED`.
pub fn principal<'a>(ctx: &Context<'a>) -> Result<&'a Principal, DomainError> {
    match ctx.data_opt::<RequestAuth>() {
        Some(RequestAuth::Authenticated(principal)) => Ok(principal),
        Some(RequestAuth::Rejected(reason)) => Err(DomainError::unauthenticated(reason.clone())),
        Some(RequestAuth::Anonymous) | None => Err(DomainError::unauthenticated(
            "sign in first: send `Authorization: Bearer <accessToken>`",
        )),
    }
}

/// The caller acting inside its selected tenant, or the reason it cannot.
pub fn tenant_ctx<'a>(ctx: &Context<'a>) -> Result<&'a TenantCtx, DomainError> {
    principal(ctx)?.tenant_ctx()
}

/// Where the request came from, for audit entries of public operations.
pub fn request_meta(ctx: &Context<'_>) -> RequestMeta {
    ctx.data_opt::<RequestMeta>().cloned().unwrap_or_default()
}

/// Spends one credential attempt on `account` from the caller's IP, or
/// `RATE_LIMITED` with the wait. Requests that did not come over HTTP
/// (schema tests) carry no throttle and are not held.
///
/// # Errors
/// `RATE_LIMITED` once the IP or the account has used its allowance.
pub fn throttle(ctx: &Context<'_>, attempt: Attempt, account: &str) -> async_graphql::Result<()> {
    let Some(throttle) = ctx.data_opt::<Arc<AuthThrottle>>() else {
        return Ok(());
    };
    let ip = ctx
        .data_opt::<RequestMeta>()
        .and_then(|meta| meta.ip.as_deref())
        .and_then(|ip| ip.parse::<IpAddr>().ok());
    throttle.check(attempt, ip, account).map_err(|wait| {
        tracing::info!(?attempt, ?ip, retry_after = ?wait, "credential attempt throttled");
        rate_limited(wait)
    })
}
