//! Security headers as a browser receives them.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

use super::{Mocks, app, get, post_graphql, send};
use crate::config::Config;

fn header_of(reply: &super::Reply, name: header::HeaderName) -> Option<&str> {
    reply.headers.get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn every_response_forbids_content_sniffing() {
    let mut config = Config::for_tests();
    config.cors_origins = vec!["https://app.example.com".into()];
    let app = super::app_with(Mocks::default(), Ok(()), &config);
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri("/graphql")
        .header(header::ORIGIN, "https://app.example.com")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .body(Body::empty())
        .unwrap();
    let replies = [
        send(app.clone(), get("/health")).await,
        send(app.clone(), get("/nowhere")).await,
        send(app.clone(), get("/graphql")).await,
        send(app.clone(), preflight).await,
        send(
            app,
            post_graphql(json!({ "query": "{ __typename }" }), None),
        )
        .await,
    ];
    for reply in &replies {
        assert_eq!(
            header_of(reply, header::X_CONTENT_TYPE_OPTIONS),
            Some("nosniff"),
            "{} {:?}",
            reply.status,
            reply.headers
        );
    }
}

#[tokio::test]
async fn graphql_answers_are_never_cached() {
    let ok = send(
        app(Mocks::default()),
        post_graphql(json!({ "query": "{ __typename }" }), None),
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(header_of(&ok, header::CACHE_CONTROL), Some("no-store"));

    let garbage = Request::post("/graphql")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{ not json"))
        .unwrap();
    let refused = send(app(Mocks::default()), garbage).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(header_of(&refused, header::CACHE_CONTROL), Some("no-store"));
}

#[tokio::test]
async fn the_playground_cannot_be_framed_and_runs_under_a_policy() {
    let reply = send(app(Mocks::default()), get("/graphql")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(header_of(&reply, header::X_FRAME_OPTIONS), Some("DENY"));
    let csp = header_of(&reply, header::CONTENT_SECURITY_POLICY).unwrap_or_default();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self';"), "{csp}");
    assert!(csp.contains("connect-src 'self'"), "{csp}");
    // Served from the bundle: nothing is fetched from another host.
    let html = reply.text();
    for attribute in ["src=\"", "href=\""] {
        for rest in html.split(attribute).skip(1) {
            assert!(
                rest.starts_with('/'),
                "{attribute}{} leaves the origin",
                &rest[..40.min(rest.len())]
            );
        }
    }
}
