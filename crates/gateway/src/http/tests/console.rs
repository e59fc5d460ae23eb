//! The embedded console as a browser loads it: pages, hashed assets,
//! revalidation, and what is never answered with the console's page.

use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, header};

use super::{Mocks, Reply, app, get, send};

fn header_of(reply: &Reply, name: header::HeaderName) -> Option<&str> {
    reply.headers.get(name).and_then(|v| v.to_str().ok())
}

/// The first hashed script the console's page loads.
fn first_script(page: &str) -> String {
    let (_, rest) = page
        .split_once("src=\"/assets/")
        .expect("the page loads a script from /assets/");
    let (name, _) = rest.split_once('"').expect("a closing quote");
    format!("/assets/{name}")
}

#[tokio::test]
async fn any_page_path_gets_the_console_under_its_policy() {
    for path in [
        "/",
        "/members",
        "/routing/intents/0192",
        "/invitations/accept?token=t",
    ] {
        let reply = send(app(Mocks::default()), get(path)).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(
            header_of(&reply, header::CONTENT_TYPE).is_some_and(|t| t.starts_with("text/html")),
            "{path}: {:?}",
            reply.headers
        );
        assert!(
            reply.text().contains("<div id=\"root\">"),
            "{path} is not the console"
        );
        let csp = header_of(&reply, header::CONTENT_SECURITY_POLICY).unwrap_or_default();
        assert!(csp.contains("script-src 'self';"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(header_of(&reply, header::X_FRAME_OPTIONS), Some("DENY"));
        // A new release must show on the next load.
        assert_eq!(header_of(&reply, header::CACHE_CONTROL), Some("no-cache"));
    }
}

#[tokio::test]
async fn hashed_assets_are_cached_for_good_and_revalidate_by_etag() {
    let page = send(app(Mocks::default()), get("/")).await.text();
    let script = first_script(&page);
    let reply = send(app(Mocks::default()), get(&script)).await;
    assert_eq!(reply.status, StatusCode::OK, "{script}");
    assert_eq!(
        header_of(&reply, header::CACHE_CONTROL),
        Some("public, max-age=31536000, immutable")
    );
    assert!(
        header_of(&reply, header::CONTENT_TYPE).is_some_and(|t| t.contains("javascript")),
        "{:?}",
        reply.headers
    );
    let etag = header_of(&reply, header::ETAG).expect("an ETag").to_owned();

    let mut again = Request::get(&script).body(Body::empty()).unwrap();
    again
        .headers_mut()
        .insert(header::IF_NONE_MATCH, HeaderValue::from_str(&etag).unwrap());
    let revalidated = send(app(Mocks::default()), again).await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(revalidated.text().is_empty());
}

#[tokio::test]
async fn a_missing_file_or_a_server_path_is_404_not_the_page() {
    for path in [
        "/assets/main-gone.js",
        "/favicon-old.ico",
        "/auth/elsewhere",
        "/health/nowhere",
    ] {
        let reply = send(app(Mocks::default()), get(path)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    // The download route answers for itself: without a token, 401.
    let download = send(app(Mocks::default()), get("/files/0192")).await;
    assert_eq!(download.status, StatusCode::UNAUTHORIZED);
    let post = Request::post("/members").body(Body::empty()).unwrap();
    assert_eq!(
        send(app(Mocks::default()), post).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn scripts_travel_compressed_when_the_browser_accepts_it() {
    use std::io::Read as _;

    let page = send(app(Mocks::default()), get("/")).await.text();
    let script = first_script(&page);
    let plain = send(app(Mocks::default()), get(&script)).await;
    assert_eq!(header_of(&plain, header::CONTENT_ENCODING), None);

    let mut request = Request::get(&script).body(Body::empty()).unwrap();
    request
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip"));
    let compressed = send(app(Mocks::default()), request).await;
    assert_eq!(compressed.status, StatusCode::OK);
    assert_eq!(
        header_of(&compressed, header::CONTENT_ENCODING),
        Some("gzip")
    );
    assert!(
        header_of(&compressed, header::VARY).is_some_and(|v| v.contains("accept-encoding")),
        "{:?}",
        compressed.headers
    );
    assert!(compressed.body.len() < plain.body.len() / 2);
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&compressed.body[..])
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, plain.body);
}
