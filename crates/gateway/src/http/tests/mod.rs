//! The HTTP layer through the whole router (`oneshot`), over mock ports: a
//! port call a test did not expect panics, which is how these tests prove
//! that nothing ran.

use std::sync::Arc;

use async_graphql::futures_util::stream;
use async_trait::async_trait;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, Utc};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use trellis_kernel::{DomainError, SessionId, UserId};
use trellis_tenancy::session::PrincipalRecord;
use trellis_tenancy::{AccessTokens, Email, Session, User};

use crate::config::Config;
use crate::state::{AppState, DatabaseProbe, Ports};
use trellis_rules::testing::RoutingMocks;

const SECRET_DETAIL: &str = "password authentication failed for user trellis at 10.1.2.3";

pub(super) use trellis_tenancy::testing::MockPorts as Mocks;

mod console;
mod documents;
mod headers;

pub(super) struct Probe(Result<(), String>);

#[async_trait]
impl DatabaseProbe for Probe {
    async fn ping(&self) -> Result<(), String> {
        self.0.clone()
    }
}

pub(super) fn app_with(mocks: Mocks, probe: Result<(), String>, config: &Config) -> Router {
    let mut ports = Ports::mocked(mocks, RoutingMocks::default());
    ports.database = Arc::new(Probe(probe));
    super::router(AppState::new(ports, config), config)
}

pub(super) fn app(mocks: Mocks) -> Router {
    app_with(mocks, Ok(()), &Config::for_tests())
}

pub(super) struct Reply {
    pub(super) status: StatusCode,
    pub(super) headers: axum::http::HeaderMap,
    pub(super) body: Bytes,
}

impl Reply {
    pub(super) fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| {
            panic!(
                "not JSON ({}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub(super) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub(super) async fn send(app: Router, request: Request<Body>) -> Reply {
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body,
    }
}

pub(super) fn post_graphql(body: Value, token: Option<&str>) -> Request<Body> {
    let mut request = Request::post("/graphql").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, token);
    }
    request.body(Body::from(body.to_string())).unwrap()
}

pub(super) fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn health_is_ok() {
    let reply = send(app(Mocks::default()), get("/health")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json(), json!({ "status": "ok" }));
}

#[tokio::test]
async fn health_db_reports_a_reachable_database() {
    let reply = send(app(Mocks::default()), get("/health/db")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.json(),
        json!({ "status": "ok", "database": "reachable" })
    );
}

#[tokio::test]
async fn health_db_is_503_without_the_reason() {
    let app = app_with(
        Mocks::default(),
        Err(SECRET_DETAIL.into()),
        &Config::for_tests(),
    );
    let reply = send(app, get("/health/db")).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        reply.json(),
        json!({ "status": "error", "database": "unreachable" })
    );
    assert!(!reply.text().contains("10.1.2.3"));
}

fn small_body_config() -> Config {
    let mut config = Config::for_tests();
    config.max_body_bytes = 64;
    config
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let body = json!({ "query": format!("{{ permissions {{ name }} }} #{}", "x".repeat(100)) })
        .to_string();
    let request = Request::post("/graphql")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let reply = send(
        app_with(Mocks::default(), Ok(()), &small_body_config()),
        request,
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_streamed_body_over_the_limit_is_413_too() {
    // No Content-Length: the limit must hold while the body is read.
    let chunks = (0..10).map(|_| Ok::<_, std::io::Error>(Bytes::from_static(&[b' '; 16])));
    let request = Request::post("/graphql")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from_stream(stream::iter(chunks)))
        .unwrap();
    let reply = send(
        app_with(Mocks::default(), Ok(()), &small_body_config()),
        request,
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// A GraphQL multipart request (operations, map, one file) of about
/// `file_bytes` bytes plus the other parts.
fn upload_request(file_bytes: usize) -> Request<Body> {
    let boundary = "b0undary";
    let operations = json!({
        "query": "mutation($input: CreateDatasourceInput!) { createDatasource(input: $input) { datasource { id } } }",
        "variables": { "input": { "name": "f", "kind": "FILE", "connectionKey": "u", "file": null } },
    });
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{operations}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{\"0\":[\"variables.input.file\"]}}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"a.csv\"\r\n\r\n{}\r\n\
         --{boundary}--\r\n",
        "x".repeat(file_bytes)
    );
    Request::post("/graphql")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap()
}

fn upload_config() -> Config {
    let mut config = Config::for_tests();
    config.max_body_bytes = 64;
    config.max_upload_bytes = 4096;
    config
}

#[tokio::test]
async fn an_upload_may_exceed_the_json_limit_up_to_the_upload_limit() {
    // Past the body limit, the anonymous caller meets authentication.
    let reply = send(
        app_with(Mocks::default(), Ok(()), &upload_config()),
        upload_request(1000),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(
        reply.json()["errors"][0]["extensions"]["code"],
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn an_upload_over_the_upload_limit_is_413() {
    let reply = send(
        app_with(Mocks::default(), Ok(()), &upload_config()),
        upload_request(5000),
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_streamed_upload_over_the_upload_limit_is_413() {
    // No Content-Length: the limit must hold while the parts are read.
    let (parts, body) = upload_request(5000).into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    let chunks: Vec<Result<Bytes, std::io::Error>> = bytes
        .chunks(256)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let mut request = Request::from_parts(parts, Body::from_stream(stream::iter(chunks)));
    request.headers_mut().remove(header::CONTENT_LENGTH);
    let reply = send(
        app_with(Mocks::default(), Ok(()), &upload_config()),
        request,
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_json_body_does_not_get_the_upload_limit() {
    let mut config = upload_config();
    config.max_body_bytes = 512;
    let body = json!({ "query": format!("{{ permissions {{ name }} }} #{}", "x".repeat(1000)) });
    let reply = send(
        app_with(Mocks::default(), Ok(()), &config),
        post_graphql(body, None),
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

pub(super) fn sign_in_operation() -> Value {
    json!({
        "query": "mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }",
        "variables": { "input": { "email": "a@example.com", "password": "correct-horse-9" } }
    })
}

#[tokio::test]
async fn a_batch_over_the_limit_is_refused_before_anything_runs() {
    let config = Config::for_tests();
    let mut mocks = Mocks::default();
    mocks.users.expect_find_by_email().never();
    mocks.sessions.expect_load_principal().never();
    let batch: Vec<Value> = (0..=config.max_batch)
        .map(|_| sign_in_operation())
        .collect();
    let token = format!(
        "Bearer {}",
        issue(&config, UserId::generate(), SessionId::generate())
    );
    let reply = send(app(mocks), post_graphql(json!(batch), Some(&token))).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let body = reply.json();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("at most 10 operations; this one holds 11"),
        "{message}"
    );
}

#[tokio::test]
async fn a_batch_at_the_limit_runs_every_operation() {
    let config = Config::for_tests();
    let batch: Vec<Value> = (0..config.max_batch)
        .map(|_| json!({ "query": "{ permissions { name } }" }))
        .collect();
    let reply = send(app(Mocks::default()), post_graphql(json!(batch), None)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let results = reply.json();
    let results = results.as_array().cloned().unwrap_or_default();
    assert_eq!(results.len(), config.max_batch);
    assert!(results.iter().all(|r| {
        r["data"]["permissions"]
            .as_array()
            .is_some_and(|p| !p.is_empty())
    }));
}

#[tokio::test]
async fn a_body_that_is_not_graphql_is_a_400_in_graphql_shape() {
    let request = Request::post("/graphql")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    let reply = send(app(Mocks::default()), request).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        reply.json()["errors"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );
}

fn me_and_public_batch() -> Value {
    json!([{ "query": "{ me { id } }" }, { "query": "{ permissions { name } }" }])
}

#[tokio::test]
async fn a_garbage_token_fails_me_but_public_queries_still_work() {
    let mut mocks = Mocks::default();
    mocks.sessions.expect_load_principal().never();
    let reply = send(
        app(mocks),
        post_graphql(me_and_public_batch(), Some("Bearer garbage")),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    let body = reply.json();
    assert_eq!(
        body[0]["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
        "{body}"
    );
    assert!(
        body[1]["data"]["permissions"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "{body}"
    );
    assert!(body[1].get("errors").is_none(), "{body}");
}

#[tokio::test]
async fn a_malformed_authorization_header_is_refused_with_the_expected_form() {
    let reply = send(
        app(Mocks::default()),
        post_graphql(me_and_public_batch(), Some("Token abc")),
    )
    .await;
    let body = reply.json();
    assert_eq!(
        body[0]["errors"][0]["extensions"]["code"],
        "UNAUTHENTICATED"
    );
    let message = body[0]["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("Bearer <accessToken>"), "{message}");
}

#[tokio::test]
async fn without_a_token_me_asks_to_sign_in() {
    let reply = send(
        app(Mocks::default()),
        post_graphql(json!({ "query": "{ me { id } }" }), None),
    )
    .await;
    assert_eq!(
        reply.json()["errors"][0]["extensions"]["code"],
        "UNAUTHENTICATED"
    );
}

fn issue(config: &Config, user: UserId, session: SessionId) -> String {
    AccessTokens::new(config.jwt_secret.as_bytes())
        .issue(user, session, None, None, Utc::now())
        .map(|(token, _)| token)
        .unwrap()
}

fn record(user: UserId, session: SessionId) -> PrincipalRecord {
    let now = Utc::now();
    PrincipalRecord {
        session: Session {
            id: session,
            user_id: user,
            tenant_id: None,
            created_at: now,
            expires_at: now + Duration::days(1),
            revoked_at: None,
        },
        user: User {
            id: user,
            email: Email::parse("email", "ada@example.com").unwrap(),
            name: "Ada".into(),
            is_platform_admin: false,
            created_at: now,
        },
        membership: None,
    }
}

#[tokio::test]
async fn a_valid_token_is_checked_once_for_the_whole_batch() {
    let config = Config::for_tests();
    let (user, session) = (UserId::generate(), SessionId::generate());
    let mut mocks = Mocks::default();
    mocks
        .sessions
        .expect_load_principal()
        .withf(move |s, u, t, _| *s == session && *u == user && t.is_none())
        .times(1)
        .returning(move |_, _, _, _| Ok(Some(record(user, session))));
    let token = format!("Bearer {}", issue(&config, user, session));
    let batch = json!([{ "query": "{ me { id } }" }, { "query": "{ me { isPlatformAdmin } }" }]);
    let body = send(app(mocks), post_graphql(batch, Some(&token)))
        .await
        .json();
    assert_eq!(body[0]["data"]["me"]["id"], user.to_string(), "{body}");
    assert_eq!(body[1]["data"]["me"]["isPlatformAdmin"], false, "{body}");
}

#[tokio::test]
async fn a_failing_token_check_is_an_internal_error_with_the_request_id() {
    let config = Config::for_tests();
    let mut mocks = Mocks::default();
    mocks
        .sessions
        .expect_load_principal()
        .returning(|_, _, _, _| Err(DomainError::internal_msg(SECRET_DETAIL)));
    let token = format!(
        "Bearer {}",
        issue(&config, UserId::generate(), SessionId::generate())
    );
    let reply = send(
        app(mocks),
        post_graphql(json!({ "query": "{ permissions { name } }" }), Some(&token)),
    )
    .await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    let body = reply.json();
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        "INTERNAL_SERVER_ERROR"
    );
    let request_id = reply
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok());
    assert_eq!(
        body["errors"][0]["extensions"]["requestId"].as_str(),
        request_id
    );
    assert!(!reply.text().contains("10.1.2.3"), "{body}");
}

#[tokio::test]
async fn a_panic_becomes_a_500_not_a_dropped_connection() {
    // The users mock has no expectation: signIn's lookup panics.
    let reply = send(
        app(Mocks::default()),
        post_graphql(sign_in_operation(), None),
    )
    .await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(reply.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn the_playground_is_served_when_enabled() {
    let reply = send(app(Mocks::default()), get("/graphql")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let content_type = reply
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    assert!(
        content_type.is_some_and(|ct| ct.starts_with("text/html")),
        "{content_type:?}"
    );
    assert!(reply.text().contains("graphiql"), "not GraphiQL");
}

#[tokio::test]
async fn the_playground_is_404_when_disabled() {
    let mut config = Config::for_tests();
    config.playground = false;
    let reply = send(app_with(Mocks::default(), Ok(()), &config), get("/graphql")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_response_carries_a_generated_request_id() {
    let reply = send(app(Mocks::default()), get("/health")).await;
    let id = reply
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id:?}");
    let missing = send(app(Mocks::default()), get("/assets/nowhere.js")).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn a_plain_client_request_id_is_echoed_and_a_strange_one_replaced() {
    let request = Request::get("/health")
        .header("x-request-id", "client-42")
        .body(Body::empty())
        .unwrap();
    let reply = send(app(Mocks::default()), request).await;
    assert_eq!(
        reply.headers.get("x-request-id").map(|v| v.as_bytes()),
        Some(&b"client-42"[..])
    );

    let request = Request::get("/health")
        .header("x-request-id", "a".repeat(200))
        .body(Body::empty())
        .unwrap();
    let reply = send(app(Mocks::default()), request).await;
    let id = reply
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id:?}");
}
