//! The HTTP status of an answer whose errors say "come back later": 503
//! while the database is down, 429 when throttled, each with `Retry-After`.

use async_graphql::{BatchResponse, ServerError, Value};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use crate::graphql::error::{RATE_LIMITED, RETRY_AFTER, SERVICE_UNAVAILABLE};

/// What `errors` call for, if anything: 503 wins over 429 (a retry after
/// the throttle's wait would meet the outage), the longest wait wins.
pub(crate) fn retry_status<'a>(
    errors: impl IntoIterator<Item = &'a ServerError>,
) -> Option<(StatusCode, u64)> {
    let mut found: Option<(StatusCode, u64)> = None;
    for error in errors {
        let Some(extensions) = &error.extensions else {
            continue;
        };
        let status = match extensions.get("code") {
            Some(Value::String(code)) if code == SERVICE_UNAVAILABLE => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Some(Value::String(code)) if code == RATE_LIMITED => StatusCode::TOO_MANY_REQUESTS,
            _ => continue,
        };
        let seconds = match extensions.get(RETRY_AFTER) {
            Some(Value::Number(n)) => n.as_u64().unwrap_or(1),
            _ => 1,
        };
        found = Some(match found {
            None => (status, seconds),
            Some((current, wait)) => {
                let status = if current == StatusCode::SERVICE_UNAVAILABLE {
                    current
                } else {
                    status
                };
                (status, wait.max(seconds))
            }
        });
    }
    found
}

/// Every error of a single or batched answer.
pub(crate) fn batch_errors(response: &BatchResponse) -> Vec<&ServerError> {
    match response {
        BatchResponse::Single(single) => single.errors.iter().collect(),
        BatchResponse::Batch(all) => all.iter().flat_map(|r| r.errors.iter()).collect(),
    }
}

/// Sets the status and `Retry-After` that `retry` calls for.
pub(crate) fn apply(mut response: Response, retry: Option<(StatusCode, u64)>) -> Response {
    if let Some((status, seconds)) = retry {
        *response.status_mut() = status;
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

#[cfg(test)]
mod tests {
    use async_graphql::ErrorExtensionValues;

    use super::*;

    fn error(code: &str, retry: Option<u64>) -> ServerError {
        let mut extensions = ErrorExtensionValues::default();
        extensions.set("code", code);
        if let Some(seconds) = retry {
            extensions.set(RETRY_AFTER, seconds);
        }
        let mut error = ServerError::new("x", None);
        error.extensions = Some(extensions);
        error
    }

    #[test]
    fn ordinary_errors_keep_the_status() {
        assert_eq!(retry_status(&[error("NOT_FOUND", None)]), None);
        assert_eq!(retry_status(&[ServerError::new("plain", None)]), None);
    }

    #[test]
    fn an_outage_wins_over_a_throttle_and_the_longest_wait_wins() {
        let errors = [
            error(RATE_LIMITED, Some(40)),
            error(SERVICE_UNAVAILABLE, Some(5)),
            error("NOT_FOUND", None),
        ];
        assert_eq!(
            retry_status(&errors),
            Some((StatusCode::SERVICE_UNAVAILABLE, 40))
        );
        assert_eq!(
            retry_status(&[error(RATE_LIMITED, Some(7))]),
            Some((StatusCode::TOO_MANY_REQUESTS, 7))
        );
    }
}
