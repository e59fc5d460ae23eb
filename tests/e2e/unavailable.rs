//! While the database cannot be reached, every request is answered fast
//! with a retryable `SERVICE_UNAVAILABLE` (HTTP 503, `Retry-After`), from
//! the token check and from the resolvers alike.

use std::time::{Duration, Instant};

use axum::http::{StatusCode, header};
use serde_json::json;
use trellis_gateway::Config;
use trellis_kernel::{SessionId, UserId};
use trellis_tests::{Response, TestApp};

/// An app whose PostgreSQL pool points at a port nothing listens on, with
/// the server's default pool settings.
async fn app_with_the_database_down() -> TestApp {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        listener.local_addr().expect("an address").port()
    };
    let url = format!("postgres://trellis:secret@127.0.0.1:{port}/trellis");
    let config = Config::for_tests();
    let mut options =
        trellis_store_seaorm::pool_options(&url, trellis_gateway::server::pool_settings(&config));
    // Lazily, as a running server's pool is once the database has gone.
    options.connect_lazy(true);
    let db = sea_orm::Database::connect(options)
        .await
        .expect("a lazy pool opens without connecting");
    TestApp::over_pool(db)
}

fn assert_unavailable(response: &Response, started: Instant) {
    assert_eq!(
        response.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        response.body
    );
    assert_eq!(
        response.code(),
        Some("SERVICE_UNAVAILABLE"),
        "{}",
        response.body
    );
    let retry_after = response
        .headers
        .get(header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    assert!(
        retry_after.is_some_and(|secs| secs > 0),
        "{:?}",
        response.headers
    );
    assert!(
        !response.message().contains("127.0.0.1"),
        "the cause leaked: {}",
        response.message()
    );
    // The pool waits its acquire timeout (2 s by default), not the 10 s it
    // used to, nor the 30 s request timeout.
    let took = started.elapsed();
    assert!(took < Duration::from_secs(8), "answered after {took:?}");
}

#[tokio::test]
async fn a_resolver_answers_503_while_the_database_is_down() {
    let app = app_with_the_database_down().await;
    let started = Instant::now();
    let response = app.sign_in("ada@down.test", None).await;
    assert_unavailable(&response, started);
}

#[tokio::test]
async fn the_token_check_answers_503_while_the_database_is_down() {
    let app = app_with_the_database_down().await;
    let (token, _) = app
        .state
        .tenancy
        .auth
        .tokens()
        .issue(
            UserId::generate(),
            SessionId::generate(),
            None,
            None,
            chrono::Utc::now(),
        )
        .expect("a token");
    let started = Instant::now();
    let response = app.gql("{ me { id } }", json!({}), Some(&token)).await;
    assert_unavailable(&response, started);
}
