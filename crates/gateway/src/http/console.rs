//! The web console and GraphiQL, built into the binary: `console/dist` is
//! embedded at compile time, so a server installed without Node.js serves
//! them. Hashed assets are cached for a year; the pages themselves are
//! revalidated on every load, so a new release shows at once.

use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rust_embed::{Embed, EmbeddedFile};

#[derive(Embed)]
#[folder = "../../console/dist"]
struct Bundle;

const INDEX: &str = "index.html";
const GRAPHIQL: &str = "graphiql.html";
/// Vite's output for hashed files: their names change with their content.
const HASHED: &str = "assets/";
/// Paths the server answers itself: never the console's page.
const SERVER_PREFIXES: [&str; 4] = ["auth/", "files/", "health", "graphql"];

/// The pages' policy: scripts and styles from this origin only (Mantine
/// and GraphiQL set inline styles at run time, which hashes cannot cover),
/// requests to this origin only, and no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
     connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// Every GET the routes do not take: a file of the bundle, or the console's
/// page for any other path (its router decides what to show), or 404.
pub(crate) async fn fallback(method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::NOT_FOUND.into_response();
    }
    let path = uri.path().trim_start_matches('/');
    if let Some(file) = Bundle::get(path).filter(|_| !path.is_empty()) {
        return file_response(path, &file, &headers);
    }
    // A missing asset or a server path is an error, not a page: a stale
    // script name must not load HTML.
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'));
    if is_file || path.starts_with(HASHED) || SERVER_PREFIXES.iter().any(|p| path.starts_with(p)) {
        return StatusCode::NOT_FOUND.into_response();
    }
    page(INDEX, &headers)
}

/// GraphiQL, for `GET /graphql`.
pub(crate) fn graphiql(headers: &HeaderMap) -> Response {
    page(GRAPHIQL, headers)
}

/// An HTML entry point of the bundle, with the page headers.
fn page(name: &str, headers: &HeaderMap) -> Response {
    match Bundle::get(name) {
        Some(file) => file_response(name, &file, headers),
        // Only a bundle built without this entry gets here; the bundle
        // tests catch that before a release.
        None => {
            tracing::error!(page = name, "the console bundle lacks this page");
            StatusCode::NOT_FOUND.into_response()
        }
    }
}

fn file_response(path: &str, file: &EmbeddedFile, request: &HeaderMap) -> Response {
    let etag = format!(
        "\"{}\"",
        URL_SAFE_NO_PAD.encode(&file.metadata.sha256_hash()[..16])
    );
    let is_page = path.ends_with(".html");
    let cache = if path.starts_with(HASHED) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        file.data.clone().into_owned().into_response()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(file.metadata.mimetype()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if is_page {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        );
    }
    response
}
