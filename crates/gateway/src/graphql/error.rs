//! `DomainError` → GraphQL error with `extensions.code` (DESIGN.md, "Errors").
//!
//! Resolvers write `use_case(..).await.gql(ctx)?` or
//! `.map_err(gql_err(ctx))?`; nothing else builds client-facing errors.

use std::error::Error as StdError;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::indexmap::IndexMap;
use async_graphql::{Context, Error, ErrorExtensions, Name, Value};
use trellis_kernel::{DomainError, FieldError};

use super::context::request_meta;

pub const NOT_FOUND: &str = "NOT_FOUND";
pub const FORBIDDEN: &str = "FORBIDDEN";
pub const UNAUTHENTICATED: &str = "UNAUTHENTICATED";
pub const CONFLICT: &str = "CONFLICT";
pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
pub const LIMIT_EXCEEDED: &str = "LIMIT_EXCEEDED";
pub const INTERNAL_SERVER_ERROR: &str = "INTERNAL_SERVER_ERROR";
/// Too many attempts; HTTP 429 with `Retry-After`.
pub const RATE_LIMITED: &str = "RATE_LIMITED";
/// The database is down; HTTP 503 with `Retry-After`, safe to retry.
pub const SERVICE_UNAVAILABLE: &str = "SERVICE_UNAVAILABLE";
/// The extension that carries `Retry-After`'s seconds, for clients that
/// read only the body (an error inside a batch, say).
pub const RETRY_AFTER: &str = "retryAfter";
/// How long a client should wait before retrying while the database is down.
pub const UNAVAILABLE_RETRY_AFTER: Duration = Duration::from_secs(5);

/// Maps a domain error for the request `ctx` belongs to.
pub fn to_gql_error(ctx: &Context<'_>, err: &DomainError) -> Error {
    map_domain_error(err, request_meta(ctx).request_id.as_deref())
}

/// A `map_err` adapter: `.map_err(gql_err(ctx))?`.
pub fn gql_err<'c>(ctx: &'c Context<'_>) -> impl FnOnce(DomainError) -> Error + 'c {
    move |err| to_gql_error(ctx, &err)
}

/// `.gql(ctx)?` on any domain result.
pub trait GqlResultExt<T> {
    /// # Errors
    /// The domain error, mapped to its GraphQL code.
    fn gql(self, ctx: &Context<'_>) -> async_graphql::Result<T>;
}

impl<T> GqlResultExt<T> for Result<T, DomainError> {
    fn gql(self, ctx: &Context<'_>) -> async_graphql::Result<T> {
        self.map_err(gql_err(ctx))
    }
}

/// What a DataLoader reports: one error shared by every row of its batch.
impl<T> GqlResultExt<T> for Result<T, Arc<DomainError>> {
    fn gql(self, ctx: &Context<'_>) -> async_graphql::Result<T> {
        self.map_err(|err| to_gql_error(ctx, &err))
    }
}

/// The mapping itself, without a request context (so it can be tested alone).
/// `request_id` names an internal error in the log and in the reply.
pub fn map_domain_error(err: &DomainError, request_id: Option<&str>) -> Error {
    match err {
        DomainError::NotFound { .. } => coded(err.to_string(), NOT_FOUND),
        DomainError::Forbidden(message) => coded(message.clone(), FORBIDDEN),
        DomainError::Unauthenticated(message) => coded(message.clone(), UNAUTHENTICATED),
        DomainError::Conflict(message) => coded(message.clone(), CONFLICT),
        DomainError::StaleVersion { current, .. } => {
            Error::new(err.to_string()).extend_with(|_, ext| {
                ext.set("code", CONFLICT);
                ext.set("currentVersion", *current);
            })
        }
        DomainError::Validation(fields) => {
            let list = fields_value(fields);
            Error::new(err.to_string()).extend_with(|_, ext| {
                ext.set("code", BAD_USER_INPUT);
                ext.set("fields", list);
            })
        }
        DomainError::LimitExceeded { limit, max } => {
            Error::new(err.to_string()).extend_with(|_, ext| {
                ext.set("code", LIMIT_EXCEEDED);
                ext.set("limit", *limit);
                ext.set("max", *max);
            })
        }
        DomainError::Unavailable(_) => unavailable(err, request_id),
        DomainError::Internal(_) => internal(err, request_id),
    }
}

/// `RATE_LIMITED`, saying when to come back.
pub fn rate_limited(retry_after: Duration) -> Error {
    let seconds = retry_after_secs(retry_after);
    Error::new(format!("too many attempts; try again in {seconds} s")).extend_with(|_, ext| {
        ext.set("code", RATE_LIMITED);
        ext.set(RETRY_AFTER, seconds);
    })
}

/// Whole seconds, rounded up and at least one: `Retry-After: 0` would
/// invite an immediate retry that fails again.
pub fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs()
        .saturating_add(u64::from(wait.subsec_nanos() > 0))
        .max(1)
}

/// A warning, not an error, in the log: the outage is logged by whoever
/// watches the database; each request it fails only adds a line.
fn unavailable(err: &DomainError, request_id: Option<&str>) -> Error {
    tracing::warn!(
        request_id = request_id.unwrap_or("-"),
        error = %cause_chain(err),
        "database unavailable"
    );
    let seconds = retry_after_secs(UNAVAILABLE_RETRY_AFTER);
    Error::new("the database is unavailable; retry shortly").extend_with(|_, ext| {
        ext.set("code", SERVICE_UNAVAILABLE);
        ext.set(RETRY_AFTER, seconds);
    })
}

fn coded(message: String, code: &'static str) -> Error {
    Error::new(message).extend_with(|_, ext| ext.set("code", code))
}

/// Logs the whole cause chain under a reference the client can quote; the
/// client sees only the reference, never the cause (it may hold SQL).
fn internal(err: &DomainError, request_id: Option<&str>) -> Error {
    let reference = request_id
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    tracing::error!(request_id = %reference, error = %cause_chain(err), "internal error");
    Error::new(format!("internal error; reference {reference}")).extend_with(|_, ext| {
        ext.set("code", INTERNAL_SERVER_ERROR);
        ext.set("requestId", reference.as_str());
    })
}

fn cause_chain(err: &dyn StdError) -> String {
    let mut chain = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    chain
}

/// `[{ field, message }]`, in the order the checks reported them.
fn fields_value(fields: &[FieldError]) -> Value {
    Value::List(
        fields
            .iter()
            .map(|f| {
                let mut object = IndexMap::new();
                object.insert(Name::new("field"), Value::from(f.field.as_str()));
                object.insert(Name::new("message"), Value::from(f.message.as_str()));
                Value::Object(object)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(err: &Error) -> Option<Value> {
        err.extensions
            .as_ref()
            .and_then(|ext| ext.get("code").cloned())
    }

    #[test]
    fn each_kind_gets_its_code() {
        let cases = [
            (DomainError::not_found("tenant"), NOT_FOUND),
            (DomainError::forbidden("no"), FORBIDDEN),
            (DomainError::unauthenticated("who"), UNAUTHENTICATED),
            (DomainError::conflict("taken"), CONFLICT),
            (DomainError::invalid("email", "bad"), BAD_USER_INPUT),
            (
                DomainError::LimitExceeded {
                    limit: "members",
                    max: 5,
                },
                LIMIT_EXCEEDED,
            ),
            (DomainError::internal_msg("boom"), INTERNAL_SERVER_ERROR),
            (
                DomainError::unavailable(std::io::Error::from(
                    std::io::ErrorKind::ConnectionRefused,
                )),
                SERVICE_UNAVAILABLE,
            ),
        ];
        for (err, expected) in cases {
            let mapped = map_domain_error(&err, Some("req-1"));
            assert_eq!(
                code(&mapped),
                Some(Value::from(expected)),
                "{}",
                mapped.message
            );
        }
    }

    #[test]
    fn validation_lists_every_field() {
        let err = DomainError::Validation(vec![
            FieldError {
                field: "email".into(),
                message: "is not an email".into(),
            },
            FieldError {
                field: "slug".into(),
                message: "is too short".into(),
            },
        ]);
        let mapped = map_domain_error(&err, None);
        let fields = mapped
            .extensions
            .as_ref()
            .and_then(|ext| ext.get("fields").cloned());
        let json = fields.map(|v| v.into_json().unwrap_or_default());
        assert_eq!(
            json,
            Some(serde_json::json!([
                { "field": "email", "message": "is not an email" },
                { "field": "slug", "message": "is too short" },
            ]))
        );
    }

    #[test]
    fn limit_exceeded_names_the_limit_and_its_max() {
        let mapped = map_domain_error(
            &DomainError::LimitExceeded {
                limit: "members",
                max: 5,
            },
            None,
        );
        let ext = mapped.extensions.as_ref();
        assert_eq!(
            ext.and_then(|e| e.get("limit").cloned()),
            Some(Value::from("members"))
        );
        assert_eq!(
            ext.and_then(|e| e.get("max").cloned()),
            Some(Value::from(5u64))
        );
    }

    #[test]
    fn a_stale_version_is_a_conflict_carrying_the_current_version() {
        let mapped = map_domain_error(
            &DomainError::StaleVersion {
                entity: "item",
                current: 7,
            },
            None,
        );
        let ext = mapped.extensions.as_ref();
        assert_eq!(
            ext.and_then(|e| e.get("code").cloned()),
            Some(Value::from("CONFLICT"))
        );
        assert_eq!(
            ext.and_then(|e| e.get("currentVersion").cloned()),
            Some(Value::from(7i64))
        );
        assert!(mapped.message.contains("version 7"), "{}", mapped.message);
    }

    #[test]
    fn internal_errors_show_the_reference_and_hide_the_cause() {
        let err = DomainError::internal_msg("relation \"users\" does not exist");
        let mapped = map_domain_error(&err, Some("req-42"));
        assert_eq!(mapped.message, "internal error; reference req-42");
        assert!(!format!("{mapped:?}").contains("users"), "{mapped:?}");
    }

    #[test]
    fn unavailable_says_when_to_retry_and_hides_the_cause() {
        let err = DomainError::unavailable(std::io::Error::other("10.1.2.3:5432 refused"));
        let mapped = map_domain_error(&err, Some("req-7"));
        assert!(!format!("{mapped:?}").contains("10.1.2.3"), "{mapped:?}");
        let retry = mapped
            .extensions
            .as_ref()
            .and_then(|ext| ext.get(RETRY_AFTER).cloned());
        assert_eq!(retry, Some(Value::from(5u64)));
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(2_001)), 3);
        assert_eq!(retry_after_secs(Duration::from_secs(60)), 60);
    }

    #[test]
    fn the_cause_chain_is_complete_for_the_log() {
        let err = DomainError::internal_msg("connection refused");
        assert_eq!(cause_chain(&err), "internal error: connection refused");
    }
}
