//! Security headers shared by every route: `nosniff` on every response and
//! `no-store` on API answers. The pages' own policy is in `console`.

use axum::http::{HeaderValue, header};
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

/// `X-Content-Type-Options: nosniff` on every response, so a browser never
/// runs an answer as a type it guessed (JSON as HTML, say).
pub(crate) fn nosniff() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    )
}

/// `Cache-Control: no-store` for API answers: they hold tokens and tenant
/// data that no shared or browser cache should keep.
pub(crate) fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
