//! A document the server has parsed before is taken from its cache of
//! checked documents: what depends on the request itself must still be
//! checked on every request.

use axum::http::StatusCode;
use serde_json::json;

use super::{Mocks, app, post_graphql, send, sign_in_operation};

#[tokio::test]
async fn a_document_sent_again_is_checked_against_its_new_variables() {
    let mut mocks = Mocks::default();
    // Only the first request reaches the resolver.
    mocks
        .users
        .expect_find_by_email()
        .times(1)
        .returning(|_| Ok(None));
    mocks
        .hasher
        .expect_verify()
        .times(1)
        .returning(|_, _| Ok(false));
    let app = app(mocks);
    let first = send(app.clone(), post_graphql(sign_in_operation(), None)).await;
    assert_eq!(
        first.json()["errors"][0]["extensions"]["code"],
        "UNAUTHENTICATED",
        "{}",
        first.text()
    );

    let mut with_nul = sign_in_operation();
    with_nul["variables"]["input"]["password"] = json!("correct\u{0}horse");
    let again = send(app, post_graphql(with_nul, None)).await;
    let body = again.json();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert_eq!(
        body["errors"][0]["extensions"]["fields"][0]["field"], "password",
        "{body}"
    );
}

#[tokio::test]
async fn a_batch_repeating_one_sign_in_document_is_refused() {
    let mut mocks = Mocks::default();
    mocks.users.expect_find_by_email().never();
    let reply = send(
        app(mocks),
        post_graphql(json!([sign_in_operation(), sign_in_operation()]), None),
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let message = reply.json()["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(message.contains("checks credentials 2 times"), "{message}");
}
