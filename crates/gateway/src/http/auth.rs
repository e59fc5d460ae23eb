//! The bearer token of one HTTP request, checked once, whatever number of
//! GraphQL operations the request carries.

use axum::http::{HeaderMap, header};
use tracing::Span;
use trellis_kernel::{DomainError, RequestMeta};
use trellis_tenancy::service::AuthService;

use crate::graphql::RequestAuth;

const MALFORMED: &str = "the Authorization header must be `Bearer <accessToken>`";

/// Decides [`RequestAuth`] from the `Authorization` header.
///
/// A refused token is not an HTTP error: public operations (signIn) must
/// still work with a stale token, so the refusal travels to the resolvers.
///
/// # Errors
/// Only when the check itself could not be made (the database is down, or
/// broke): answering `UNAUTHENTICATED` then would make clients throw away
/// good tokens.
pub(crate) async fn authenticate(
    auth: &AuthService,
    headers: &HeaderMap,
    meta: &RequestMeta,
) -> Result<RequestAuth, DomainError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(RequestAuth::Anonymous);
    };
    let Some(token) = value.to_str().ok().and_then(bearer_token) else {
        return Ok(RequestAuth::Rejected(MALFORMED.to_owned()));
    };
    match auth.authenticate(token, meta.clone()).await {
        Ok(principal) => Ok(RequestAuth::Authenticated(principal)),
        Err(err @ (DomainError::Internal(_) | DomainError::Unavailable(_))) => Err(err),
        Err(refused) => {
            tracing::debug!(reason = %refused, "bearer token refused");
            Ok(RequestAuth::Rejected(refusal_message(refused)))
        }
    }
}

/// The token of `Bearer <token>`; the scheme is case-insensitive (RFC 9110).
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && !token.contains(' '))
        .then_some(token)
}

/// The message alone: the resolvers wrap it as `UNAUTHENTICATED` again.
fn refusal_message(err: DomainError) -> String {
    match err {
        DomainError::Unauthenticated(message) => message,
        other => other.to_string(),
    }
}

/// Adds the caller to the request span, so every later log line of the
/// request names its tenant and user.
pub(crate) fn record_caller(auth: &RequestAuth) {
    if let RequestAuth::Authenticated(principal) = auth {
        let span = Span::current();
        span.record("user", tracing::field::display(principal.actor.user_id));
        if let Some(tenant) = principal.tenant_id() {
            span.record("tenant", tracing::field::display(tenant));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bearer_scheme_is_case_insensitive_and_needs_a_token() {
        assert_eq!(bearer_token("Bearer abc.def.ghi"), Some("abc.def.ghi"));
        assert_eq!(bearer_token("bearer   abc"), Some("abc"));
        assert_eq!(bearer_token("Bearer "), None);
        assert_eq!(bearer_token("Basic dXNlcjpwdw=="), None);
        assert_eq!(bearer_token("abc.def.ghi"), None);
        assert_eq!(bearer_token("Bearer a b"), None);
    }
}
