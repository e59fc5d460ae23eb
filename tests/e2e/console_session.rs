//! The console's session routes: the refresh token in an HttpOnly cookie,
//! access tokens from it, sign-out, and refusals of other origins.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use trellis_tests::{Response, TestApp, on_every_backend};

on_every_backend! {
    an_adopted_session_refreshes_from_its_cookie_alone => an_adopted_session_refreshes_from_its_cookie_alone;
    signing_out_ends_the_session_and_clears_the_cookie => signing_out_ends_the_session_and_clears_the_cookie;
    the_cookie_alone_can_sign_out => the_cookie_alone_can_sign_out;
}

const CONSOLE: (&str, &str) = ("x-trellis-console", "1");

fn post(path: &str, cookie: Option<&str>, body: Option<serde_json::Value>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(CONSOLE.0, CONSOLE.1)
        .header(header::HOST, "console.test")
        .header(header::ORIGIN, "https://console.test")
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    match body {
        Some(body) => request
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string())),
        None => request.body(Body::empty()),
    }
    .expect("request builds")
}

/// The `name=value` pair of the session cookie a response sets, and the
/// attributes it sets it with.
fn set_cookie(response: &Response) -> (String, String) {
    let value = response
        .headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no Set-Cookie in {:?}", response.headers));
    let (pair, attributes) = value.split_once(';').unwrap_or((value, ""));
    (pair.trim().to_owned(), attributes.to_owned())
}

async fn adopt(app: &TestApp, refresh_token: &str) -> Response {
    app.request(post(
        "/auth/session",
        None,
        Some(json!({ "refreshToken": refresh_token })),
    ))
    .await
}

async fn an_adopted_session_refreshes_from_its_cookie_alone(app: TestApp) {
    let signed_up = app.sign_up("ada@cookie.test").await;
    let adopted = adopt(&app, &signed_up.refresh_token).await;
    assert_eq!(adopted.status, StatusCode::OK, "{:?}", adopted.body);
    let (cookie, attributes) = set_cookie(&adopted);
    assert!(cookie.starts_with("trellis_refresh="), "{cookie}");
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/auth"] {
        assert!(
            attributes.contains(attribute),
            "{attribute} missing: {attributes}"
        );
    }
    // The page gets an access token and never the refresh token.
    assert!(
        adopted.body.get("refreshToken").is_none(),
        "{:?}",
        adopted.body
    );
    let access = adopted.body["accessToken"]
        .as_str()
        .expect("an access token");
    let me = app
        .gql("{ me { email } }", json!({}), Some(access))
        .await
        .ok();
    assert_eq!(me["me"]["email"], "ada@cookie.test");

    // A page load later: the cookie alone gives a new token, and rotates.
    let refreshed = app
        .request(post("/auth/refresh", Some(&cookie), None))
        .await;
    assert_eq!(refreshed.status, StatusCode::OK, "{:?}", refreshed.body);
    let (rotated, _) = set_cookie(&refreshed);
    assert_ne!(rotated, cookie, "the cookie's token must rotate");
    let access = refreshed.body["accessToken"]
        .as_str()
        .expect("an access token");
    app.gql("{ me { id } }", json!({}), Some(access)).await.ok();

    // Another site's page, or a client without the console's header, is
    // refused before the cookie is looked at.
    let mut foreign = post("/auth/refresh", Some(&rotated), None);
    foreign
        .headers_mut()
        .insert(header::ORIGIN, "https://evil.test".parse().unwrap());
    foreign
        .headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().unwrap());
    let refused = app.request(foreign).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{:?}", refused.body);
    let mut headerless = post("/auth/refresh", Some(&rotated), None);
    headerless.headers_mut().remove(CONSOLE.0);
    let refused = app.request(headerless).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        refused.body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("X-Trellis-Console")),
        "{:?}",
        refused.body
    );

    // With no cookie there is no session.
    let none = app.request(post("/auth/refresh", None, None)).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.body["error"]["code"], "UNAUTHENTICATED");

    // The token the page once saw was spent by the adoption: replaying it
    // is taken as theft, and ends the session the cookie holds.
    let replay = app
        .gql(
            "mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken } }",
            json!({ "t": signed_up.refresh_token }),
            None,
        )
        .await;
    assert_eq!(replay.code(), Some("UNAUTHENTICATED"));
    let after = app
        .request(post("/auth/refresh", Some(&rotated), None))
        .await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
    let (cleared, attributes) = set_cookie(&after);
    assert_eq!(
        cleared, "trellis_refresh=",
        "a dead session's cookie is cleared"
    );
    assert!(attributes.contains("Max-Age=0"), "{attributes}");
}

async fn signing_out_ends_the_session_and_clears_the_cookie(app: TestApp) {
    let signed_up = app.sign_up("ada@signout-cookie.test").await;
    let adopted = adopt(&app, &signed_up.refresh_token).await;
    let (cookie, _) = set_cookie(&adopted);
    let access = adopted.body["accessToken"]
        .as_str()
        .expect("an access token");

    let mut request = post("/auth/signout", Some(&cookie), None);
    request.headers_mut().insert(
        header::AUTHORIZATION,
        format!("Bearer {access}").parse().unwrap(),
    );
    let out = app.request(request).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT, "{:?}", out.body);
    let (cleared, attributes) = set_cookie(&out);
    assert_eq!(cleared, "trellis_refresh=");
    for attribute in [
        "Max-Age=0",
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/auth",
    ] {
        assert!(
            attributes.contains(attribute),
            "{attribute} missing: {attributes}"
        );
    }

    let me = app.gql("{ me { id } }", json!({}), Some(access)).await;
    assert_eq!(me.code(), Some("UNAUTHENTICATED"));
    let refresh = app
        .request(post("/auth/refresh", Some(&cookie), None))
        .await;
    assert_eq!(refresh.status, StatusCode::UNAUTHORIZED);
}

async fn the_cookie_alone_can_sign_out(app: TestApp) {
    // The access token expired (or the tab lost it): the cookie still ends
    // the session it holds.
    let signed_up = app.sign_up("ada@cookie-out.test").await;
    let adopted = adopt(&app, &signed_up.refresh_token).await;
    let (cookie, _) = set_cookie(&adopted);
    let access = adopted.body["accessToken"]
        .as_str()
        .expect("an access token");

    let out = app
        .request(post("/auth/signout", Some(&cookie), None))
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT, "{:?}", out.body);
    let me = app.gql("{ me { id } }", json!({}), Some(access)).await;
    assert_eq!(me.code(), Some("UNAUTHENTICATED"));
}
