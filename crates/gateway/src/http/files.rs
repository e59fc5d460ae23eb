//! `GET /files/<id>`: an attachment's bytes, for the caller's tenant only.
//! The bearer token is checked exactly as `/graphql` checks it; another
//! tenant's attachment, or an id that is not one, is 404 as a missing one
//! is.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use trellis_kernel::{DomainError, RequestMeta};
use trellis_work::AttachmentId;

use super::HttpState;
use super::meta::ClientMeta;
use super::{auth, retry};
use crate::graphql::RequestAuth;
use crate::graphql::error::{
    FORBIDDEN, NOT_FOUND, SERVICE_UNAVAILABLE, UNAUTHENTICATED, UNAVAILABLE_RETRY_AFTER,
    map_domain_error,
};

pub(crate) const FILES_PATH: &str = "/files/{id}";

pub(crate) async fn download(
    State(http): State<HttpState>,
    ClientMeta(meta): ClientMeta,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    match serve(&http, &meta, &headers, &id).await {
        Ok(response) => response,
        Err(err) => domain_error(&err, &meta),
    }
}

async fn serve(
    http: &HttpState,
    meta: &RequestMeta,
    headers: &HeaderMap,
    id: &str,
) -> Result<Response, DomainError> {
    let principal = match auth::authenticate(&http.app.tenancy.auth, headers, meta).await? {
        RequestAuth::Authenticated(principal) => principal,
        RequestAuth::Rejected(reason) => return Err(DomainError::unauthenticated(reason)),
        RequestAuth::Anonymous => {
            return Err(DomainError::unauthenticated(
                "sign in first: send `Authorization: Bearer <accessToken>`",
            ));
        }
    };
    auth::record_caller(&RequestAuth::Authenticated(principal.clone()));
    let scope = principal.tenant_ctx()?;
    // A malformed id names nothing, as far as the caller can tell.
    let id: AttachmentId = id
        .parse()
        .map_err(|_| DomainError::not_found("attachment"))?;
    let (attachment, content) = http.app.work.attachments.download(scope, id).await?;
    let mut response = Response::new(Body::from_stream(content));
    let out = response.headers_mut();
    // The type is the sniffed one, from an allowlist: always a valid value.
    let content_type = HeaderValue::from_str(&attachment.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    out.insert(header::CONTENT_TYPE, content_type);
    out.insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(attachment.size_bytes),
    );
    out.insert(
        header::CONTENT_DISPOSITION,
        content_disposition(&attachment.filename),
    );
    out.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// Always a download, never shown inline: an uploaded file must not run
/// as a page of this origin. The name travels percent-encoded (RFC 6266,
/// RFC 8187), so no character of it can break the header.
fn content_disposition(filename: &str) -> HeaderValue {
    let encoded = utf8_percent_encode(filename, NON_ALPHANUMERIC);
    HeaderValue::from_str(&format!("attachment; filename*=UTF-8''{encoded}"))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

fn domain_error(err: &DomainError, meta: &RequestMeta) -> Response {
    let mapped = map_domain_error(err, meta.request_id.as_deref());
    let code = mapped
        .extensions
        .as_ref()
        .and_then(|ext| ext.get("code"))
        .and_then(|value| match value {
            async_graphql::Value::String(code) => Some(code.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let status = match code.as_str() {
        UNAUTHENTICATED => StatusCode::UNAUTHORIZED,
        FORBIDDEN => StatusCode::FORBIDDEN,
        NOT_FOUND => StatusCode::NOT_FOUND,
        SERVICE_UNAVAILABLE => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let body = serde_json::json!({ "error": { "code": code, "message": mapped.message } });
    let mut response = (status, Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let retry = (status == StatusCode::SERVICE_UNAVAILABLE)
        .then(|| (status, UNAVAILABLE_RETRY_AFTER.as_secs()));
    retry::apply(response, retry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_percent_encoded_into_the_disposition() {
        let value = content_disposition("Q3 report \"final\";ü.pdf");
        assert_eq!(
            value.to_str().unwrap(),
            "attachment; filename*=UTF-8''Q3%20report%20%22final%22%3B%C3%BC%2Epdf"
        );
    }
}
