//! The console's session: its refresh token lives in an `HttpOnly` cookie
//! that script on the page can never read, and these routes turn it into
//! short-lived access tokens, which the console keeps in memory.
//!
//! - `POST /auth/session` `{"refreshToken"}`: adopts the token a sign-in
//!   (or a tenant switch) just returned, rotating it at once so the copy
//!   the page saw is dead, and sets the cookie.
//! - `POST /auth/refresh`: a new access token from the cookie, which is
//!   rotated in the same step.
//! - `POST /auth/signout`: ends the session and clears the cookie.
//!
//! Cross-site request forgery: each route accepts only same-origin requests
//! carrying [`CONSOLE_HEADER`]. A form on another site cannot set a custom
//! header, and script elsewhere cannot send one without a CORS preflight,
//! which is refused for these paths; the cookie is `SameSite=Strict` too.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use cookie::time::Duration as CookieDuration;
use serde::{Deserialize, Serialize};
use trellis_kernel::{DomainError, RequestMeta};
use trellis_tenancy::service::AuthSession;
use trellis_tenancy::session::SESSION_TTL_DAYS;

use super::HttpState;
use super::meta::ClientMeta;
use super::retry;
use crate::graphql::RequestAuth;
use crate::graphql::error::{
    BAD_USER_INPUT, FORBIDDEN, RATE_LIMITED, SERVICE_UNAVAILABLE, UNAUTHENTICATED,
    UNAVAILABLE_RETRY_AFTER, map_domain_error, rate_limited, retry_after_secs,
};
use crate::throttle::Attempt;

pub(crate) const COOKIE: &str = "trellis_refresh";
/// Sent only to these routes, not with every API call.
const COOKIE_PATH: &str = "/auth";
pub(crate) const CONSOLE_HEADER: &str = "x-trellis-console";
const MAX_TOKEN_CHARS: usize = 512;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AdoptBody {
    refresh_token: String,
}

/// What the console keeps: never the refresh token.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AccessGrant {
    access_token: String,
    expires_at: chrono::DateTime<chrono::Utc>,
}

/// `POST /auth/session`.
pub(crate) async fn adopt(
    State(http): State<HttpState>,
    ClientMeta(meta): ClientMeta,
    headers: HeaderMap,
    jar: CookieJar,
    body: Bytes,
) -> Response {
    if let Err(why) = same_origin(&headers) {
        return error(StatusCode::FORBIDDEN, FORBIDDEN, why);
    }
    let token = match serde_json::from_slice::<AdoptBody>(&body) {
        Ok(AdoptBody { refresh_token })
            if !refresh_token.is_empty() && refresh_token.len() <= MAX_TOKEN_CHARS =>
        {
            refresh_token
        }
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                BAD_USER_INPUT,
                "the body must be JSON {\"refreshToken\": \"...\"} with the token a sign-in \
                 returned",
            );
        }
    };
    rotate_into_cookie(&http, &meta, jar, &token).await
}

/// `POST /auth/refresh`.
pub(crate) async fn refresh(
    State(http): State<HttpState>,
    ClientMeta(meta): ClientMeta,
    headers: HeaderMap,
    jar: CookieJar,
) -> Response {
    if let Err(why) = same_origin(&headers) {
        return error(StatusCode::FORBIDDEN, FORBIDDEN, why);
    }
    let Some(token) = jar.get(COOKIE).map(|cookie| cookie.value().to_owned()) else {
        return error(
            StatusCode::UNAUTHORIZED,
            UNAUTHENTICATED,
            "no session in this browser; sign in",
        );
    };
    rotate_into_cookie(&http, &meta, jar, &token).await
}

/// `POST /auth/signout`: ends the session the bearer token names, or else
/// the one in the cookie, and clears the cookie either way.
pub(crate) async fn sign_out(
    State(http): State<HttpState>,
    ClientMeta(meta): ClientMeta,
    headers: HeaderMap,
    jar: CookieJar,
) -> Response {
    if let Err(why) = same_origin(&headers) {
        return error(StatusCode::FORBIDDEN, FORBIDDEN, why);
    }
    let auth = &http.app.tenancy.auth;
    let mut principal = match super::auth::authenticate(auth, &headers, &meta).await {
        Ok(RequestAuth::Authenticated(principal)) => Some(principal),
        Ok(_) => None,
        Err(err) => return domain_error(&err, &meta),
    };
    if principal.is_none()
        && let Some(cookie) = jar.get(COOKIE)
    {
        // Without a live access token, the cookie's session is found by
        // exchanging its token, the one way to prove the caller holds it.
        if let Ok(session) = auth.refresh(cookie.value()).await {
            principal = auth
                .authenticate(&session.access_token, meta.clone())
                .await
                .ok();
        }
    }
    if let Some(principal) = principal
        && let Err(err) = auth.sign_out(&principal).await
    {
        return domain_error(&err, &meta);
    }
    (removal(jar), StatusCode::NO_CONTENT).into_response()
}

async fn rotate_into_cookie(
    http: &HttpState,
    meta: &RequestMeta,
    jar: CookieJar,
    token: &str,
) -> Response {
    // Per token only: a refresh token is a 256-bit secret, hopeless to
    // guess, and a per-address count would lock an office behind one NAT
    // out after a few page loads each. Replaying one stolen token is still
    // braked.
    if let Err(wait) = http.throttle.check(Attempt::RefreshSession, None, token) {
        let response = error(
            StatusCode::TOO_MANY_REQUESTS,
            RATE_LIMITED,
            &rate_limited(wait).message,
        );
        return retry::apply(
            response,
            Some((StatusCode::TOO_MANY_REQUESTS, retry_after_secs(wait))),
        );
    }
    match http.app.tenancy.auth.refresh(token).await {
        Ok(session) => granted(jar, session),
        // A dead token is no session: the cookie goes too.
        Err(err @ DomainError::Unauthenticated(_)) => {
            let response = domain_error(&err, meta);
            (removal(jar), response).into_response()
        }
        Err(err) => domain_error(&err, meta),
    }
}

fn granted(jar: CookieJar, session: AuthSession) -> Response {
    let mut cookie = session_cookie(session.refresh_token);
    cookie.set_max_age(CookieDuration::days(SESSION_TTL_DAYS));
    let grant = AccessGrant {
        access_token: session.access_token,
        expires_at: session.expires_at,
    };
    let mut response = (jar.add(cookie), Json(grant)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Clears the cookie with the attributes it was set with.
fn removal(jar: CookieJar) -> CookieJar {
    jar.remove(session_cookie(String::new()))
}

fn session_cookie(token: String) -> Cookie<'static> {
    Cookie::build((COOKIE, token))
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .build()
}

/// Only the console's own page may call these routes: it sends
/// [`CONSOLE_HEADER`], and a browser's `Origin` and `Sec-Fetch-Site`, when
/// present, must say the request comes from this very origin.
fn same_origin(headers: &HeaderMap) -> Result<(), &'static str> {
    const OTHER_ORIGIN: &str = "this route accepts same-origin requests only";
    if headers.get(CONSOLE_HEADER).is_none_or(|value| value != "1") {
        return Err("this route serves the console only: send the X-Trellis-Console: 1 header");
    }
    if headers
        .get("sec-fetch-site")
        .is_some_and(|site| site != "same-origin")
    {
        return Err(OTHER_ORIGIN);
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let host = headers
            .get(header::HOST)
            .and_then(|value| value.to_str().ok());
        let origin_host = origin
            .to_str()
            .ok()
            .and_then(|origin| origin.split_once("://"))
            .map(|(_, authority)| authority);
        if host.is_none() || origin_host != host {
            return Err(OTHER_ORIGIN);
        }
    }
    Ok(())
}

fn domain_error(err: &DomainError, meta: &RequestMeta) -> Response {
    let mapped = map_domain_error(err, meta.request_id.as_deref());
    let code = mapped
        .extensions
        .as_ref()
        .and_then(|ext| ext.get("code"))
        .and_then(|value| match value {
            async_graphql::Value::String(code) => Some(code.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let status = match code.as_str() {
        UNAUTHENTICATED => StatusCode::UNAUTHORIZED,
        FORBIDDEN => StatusCode::FORBIDDEN,
        SERVICE_UNAVAILABLE => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let response = error(status, &code, &mapped.message);
    let retry = (status == StatusCode::SERVICE_UNAVAILABLE)
        .then(|| (status, UNAVAILABLE_RETRY_AFTER.as_secs()));
    retry::apply(response, retry)
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "error": { "code": code, "message": message } });
    let mut response = (status, Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
