//! Credential attempts are throttled per client IP and per account:
//! guessing is slow, and a guesser cannot keep the real user out.

use std::net::IpAddr;
use std::time::Duration;

use axum::http::{StatusCode, header};
use serde_json::json;
use trellis_tests::{Response, TestApp, on_every_backend};

on_every_backend! {
    one_client_is_held_to_its_allowance_and_the_user_still_gets_in =>
        one_client_is_held_to_its_allowance_and_the_user_still_gets_in;
    many_clients_lock_an_account_for_one_window_at_most =>
        many_clients_lock_an_account_for_one_window_at_most;
    refreshing_and_accepting_invitations_are_throttled_per_ip_too =>
        refreshing_and_accepting_invitations_are_throttled_per_ip_too;
}

const SIGN_IN: &str = "mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }";
const WINDOW: Duration = Duration::from_secs(60);
const PER_IP: usize = 10;
const PER_ACCOUNT: usize = 20;

fn ip(last: u8) -> IpAddr {
    IpAddr::from([203, 0, 113, last])
}

async fn sign_in_from(app: &TestApp, from: IpAddr, email: &str, password: &str) -> Response {
    app.gql_from(
        from,
        SIGN_IN,
        json!({ "input": { "email": email, "password": password } }),
        None,
    )
    .await
}

fn assert_rate_limited(response: &Response) {
    assert_eq!(
        response.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        response.body
    );
    assert_eq!(response.code(), Some("RATE_LIMITED"), "{}", response.body);
    let retry_after = response
        .headers
        .get(header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    assert!(
        retry_after.is_some_and(|secs| (1..=WINDOW.as_secs()).contains(&secs)),
        "{:?}",
        response.headers
    );
    assert!(response.body["data"].is_null() || response.body["data"]["signIn"].is_null());
}

async fn one_client_is_held_to_its_allowance_and_the_user_still_gets_in(app: TestApp) {
    app.sign_up("ada@throttle.test").await;
    for _ in 0..PER_IP {
        let guess = sign_in_from(&app, ip(1), "ada@throttle.test", "wrong-guess-1").await;
        assert_eq!(guess.code(), Some("UNAUTHENTICATED"), "{}", guess.body);
    }
    assert_rate_limited(&sign_in_from(&app, ip(1), "ada@throttle.test", "wrong-guess-2").await);
    // Held even with the right password: the guesser learns nothing more.
    assert_rate_limited(&sign_in_from(&app, ip(1), "ada@throttle.test", "correct-horse-9").await);

    // Ada, from her own address, is not held by the guesser's refusals.
    sign_in_from(&app, ip(77), "ada@throttle.test", "correct-horse-9")
        .await
        .ok();

    // After the window the guessing address may try again, and a correct
    // password works.
    app.clock.advance(WINDOW);
    sign_in_from(&app, ip(1), "ada@throttle.test", "correct-horse-9")
        .await
        .ok();
}

async fn many_clients_lock_an_account_for_one_window_at_most(app: TestApp) {
    app.sign_up("grace@throttle.test").await;
    for n in 0..PER_ACCOUNT {
        let from = ip(u8::try_from(n + 1).unwrap());
        let guess = sign_in_from(&app, from, "grace@throttle.test", "wrong-guess-1").await;
        assert_eq!(guess.code(), Some("UNAUTHENTICATED"), "{}", guess.body);
    }
    // The account has used its allowance: Grace waits too, but no longer
    // than a window.
    let held = sign_in_from(&app, ip(200), "grace@throttle.test", "correct-horse-9").await;
    assert_rate_limited(&held);
    // Other accounts are not held.
    app.sign_up("alan@throttle.test").await;
    sign_in_from(&app, ip(201), "alan@throttle.test", "correct-horse-9")
        .await
        .ok();

    app.clock.advance(WINDOW);
    sign_in_from(&app, ip(200), "Grace@Throttle.test", "correct-horse-9")
        .await
        .ok();
}

async fn refreshing_and_accepting_invitations_are_throttled_per_ip_too(app: TestApp) {
    let session = app.sign_up("alan@throttle.test").await;
    let refresh =
        "mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }";
    let accept =
        "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { role } }";
    for n in 0..PER_IP {
        let guess = app
            .gql_from(
                ip(5),
                refresh,
                json!({ "input": { "refreshToken": format!("guess-{n}") } }),
                None,
            )
            .await;
        assert_eq!(guess.code(), Some("UNAUTHENTICATED"), "{}", guess.body);
        let guess = app
            .gql_from(
                ip(5),
                accept,
                json!({ "input": { "token": format!("guess-{n}") } }),
                Some(&session.access_token),
            )
            .await;
        assert_eq!(guess.code(), Some("NOT_FOUND"), "{}", guess.body);
    }
    let over = app
        .gql_from(
            ip(5),
            refresh,
            json!({ "input": { "refreshToken": session.refresh_token } }),
            None,
        )
        .await;
    assert_rate_limited(&over);
    let over = app
        .gql_from(
            ip(5),
            accept,
            json!({ "input": { "token": "guess-x" } }),
            Some(&session.access_token),
        )
        .await;
    assert_rate_limited(&over);
    // The genuine refresh token still works from the user's own address.
    app.gql_from(
        ip(6),
        refresh,
        json!({ "input": { "refreshToken": session.refresh_token } }),
        None,
    )
    .await
    .ok();
}
