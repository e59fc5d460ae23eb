//! Refresh-token rotation, replay detection and signing out.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend, session_from};

on_every_backend! {
    a_refresh_token_rotates_and_a_replay_revokes_the_session => a_refresh_token_rotates_and_a_replay_revokes_the_session;
    signing_out_ends_the_session => signing_out_ends_the_session;
    wrong_password_and_unknown_email_look_the_same => wrong_password_and_unknown_email_look_the_same;
}

const REFRESH: &str = "mutation($input: RefreshSessionInput!) { refreshSession(input: $input) {
    accessToken refreshToken user { id } } }";

async fn a_refresh_token_rotates_and_a_replay_revokes_the_session(app: TestApp) {
    let first = app.sign_up("ada@refresh.test").await;
    let rotated = app
        .gql(
            REFRESH,
            json!({ "input": { "refreshToken": first.refresh_token } }),
            None,
        )
        .await
        .ok();
    let second = session_from(&rotated["refreshSession"]);
    assert_ne!(second.refresh_token, first.refresh_token);
    app.gql("{ me { id } }", json!({}), Some(&second.access_token))
        .await
        .ok();

    // Someone replays the first token: refused, and the whole session ends.
    let replay = app
        .gql(
            REFRESH,
            json!({ "input": { "refreshToken": first.refresh_token } }),
            None,
        )
        .await;
    assert_eq!(replay.code(), Some("UNAUTHENTICATED"), "{:?}", replay.body);

    let legit = app
        .gql(
            REFRESH,
            json!({ "input": { "refreshToken": second.refresh_token } }),
            None,
        )
        .await;
    assert_eq!(legit.code(), Some("UNAUTHENTICATED"), "{:?}", legit.body);
    let me = app
        .gql("{ me { id } }", json!({}), Some(&second.access_token))
        .await;
    assert_eq!(me.code(), Some("UNAUTHENTICATED"), "{:?}", me.body);
}

async fn signing_out_ends_the_session(app: TestApp) {
    let session = app.sign_up("ada@signout.test").await;
    app.gql(
        "mutation { signOut { sessionId } }",
        json!({}),
        Some(&session.access_token),
    )
    .await
    .ok();
    let me = app
        .gql("{ me { id } }", json!({}), Some(&session.access_token))
        .await;
    assert_eq!(me.code(), Some("UNAUTHENTICATED"));
    let refresh = app
        .gql(
            REFRESH,
            json!({ "input": { "refreshToken": session.refresh_token } }),
            None,
        )
        .await;
    assert_eq!(refresh.code(), Some("UNAUTHENTICATED"));
}

async fn wrong_password_and_unknown_email_look_the_same(app: TestApp) {
    app.sign_up("ada@creds.test").await;
    let query = "mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }";
    let wrong = app
        .gql(
            query,
            json!({ "input": { "email": "ada@creds.test", "password": "wrong-password" } }),
            None,
        )
        .await;
    let unknown = app
        .gql(
            query,
            json!({ "input": { "email": "nobody@creds.test", "password": "wrong-password" } }),
            None,
        )
        .await;
    assert_eq!(wrong.code(), Some("UNAUTHENTICATED"));
    assert_eq!(wrong.body["errors"], unknown.body["errors"]);
}
