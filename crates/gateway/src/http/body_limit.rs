//! Request body limits, chosen per request: multipart requests (the GraphQL
//! multipart request spec, which uploads attachments and FILE datasources'
//! CSVs) may be
//! as large as `TRELLIS_MAX_UPLOAD_BYTES`, every other body only
//! `TRELLIS_MAX_BODY_BYTES`. One raised limit for all would let any JSON
//! request make the server buffer megabytes before parsing it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::Limited;

#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLimits {
    pub(crate) json: usize,
    pub(crate) upload: usize,
}

/// Refuses a declared `Content-Length` over the limit with 413 before
/// anything is read, and caps a streamed body at the same limit: reading
/// past it fails, which the GraphQL handler turns into 413 too.
pub(crate) async fn limit(
    State(limits): State<BodyLimits>,
    request: Request,
    next: Next,
) -> Response {
    let limit = if is_multipart(request.headers()) {
        limits.upload
    } else {
        limits.json
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    next.run(request.map(|body| Body::new(Limited::new(body, limit))))
        .await
}

pub(crate) fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("multipart/form-data"))
}
