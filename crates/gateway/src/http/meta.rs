//! Where a request came from (request id, client IP, user agent) and the
//! tracing span that carries it through every log line of the request.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, header};
use tracing::Span;
use trellis_kernel::RequestMeta;

use super::HttpState;

pub const REQUEST_ID_HEADER: &str = "x-request-id";
const X_FORWARDED_FOR: &str = "x-forwarded-for";
/// Longer user agents are cut: they end up in audit rows and log lines.
const MAX_USER_AGENT_CHARS: usize = 256;
/// A client-sent request id is kept only if it is this short and plain.
const MAX_REQUEST_ID_CHARS: usize = 64;

/// The request's [`RequestMeta`], for audit entries and resolvers.
pub(crate) struct ClientMeta(pub(crate) RequestMeta);

impl FromRequestParts<HttpState> for ClientMeta {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &HttpState) -> Result<Self, Infallible> {
        Ok(Self(request_meta(
            &parts.headers,
            &parts.extensions,
            state.settings.trust_proxy,
        )))
    }
}

pub(crate) fn request_meta(
    headers: &HeaderMap,
    extensions: &Extensions,
    trust_proxy: bool,
) -> RequestMeta {
    RequestMeta {
        request_id: header_str(headers, REQUEST_ID_HEADER).map(str::to_owned),
        ip: client_ip(headers, extensions, trust_proxy).map(|ip| ip.to_string()),
        user_agent: header_str(headers, header::USER_AGENT.as_str())
            .map(|ua| ua.chars().take(MAX_USER_AGENT_CHARS).collect()),
    }
}

/// The peer address, or with `trust_proxy` the address our proxy saw.
///
/// That is the *last* `X-Forwarded-For` entry: proxies append the peer they
/// saw, so entries to its left come from the client and can be forged.
fn client_ip(headers: &HeaderMap, extensions: &Extensions, trust_proxy: bool) -> Option<IpAddr> {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if !trust_proxy {
        return peer;
    }
    headers
        .get_all(X_FORWARDED_FOR)
        .iter()
        .next_back()
        .and_then(|value| value.to_str().ok())
        .and_then(|list| list.rsplit(',').next())
        .and_then(|entry| entry.trim().parse::<IpAddr>().ok())
        .or(peer)
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// Keeps a client-sent `x-request-id` only if it is short and plain, so a
/// client cannot push arbitrary text into every log line and audit row; the
/// id layer then generates a UUID for requests without one.
pub(crate) fn drop_unusable_request_id(mut request: Request) -> Request {
    let usable = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .is_none_or(is_plain_request_id);
    if !usable {
        request.headers_mut().remove(REQUEST_ID_HEADER);
    }
    request
}

fn is_plain_request_id(id: &str) -> bool {
    (1..=MAX_REQUEST_ID_CHARS).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// One span per request. `tenant` and `user` start empty and are recorded
/// once the bearer token is verified (see `auth::record_caller`). The path
/// only: query strings can carry secrets.
pub(crate) fn request_span<B>(request: &axum::http::Request<B>) -> Span {
    let request_id = header_str(request.headers(), REQUEST_ID_HEADER).unwrap_or("-");
    tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %request.method(),
        path = %request.uri().path(),
        tenant = tracing::field::Empty,
        user = tracing::field::Empty,
    )
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn connected(addr: &str) -> Extensions {
        let mut ext = Extensions::new();
        ext.insert(ConnectInfo(addr.parse::<SocketAddr>().unwrap()));
        ext
    }

    #[test]
    fn without_a_trusted_proxy_the_peer_address_is_used() {
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        let meta = request_meta(&h, &connected("10.0.0.2:5000"), false);
        assert_eq!(meta.ip.as_deref(), Some("10.0.0.2"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_address_it_appended_is_used() {
        let h = headers(&[("x-forwarded-for", "1.1.1.1, 203.0.113.9")]);
        let meta = request_meta(&h, &connected("10.0.0.2:5000"), true);
        assert_eq!(meta.ip.as_deref(), Some("203.0.113.9"));
    }

    #[test]
    fn a_garbled_forwarded_header_falls_back_to_the_peer() {
        let h = headers(&[("x-forwarded-for", "not-an-ip")]);
        let meta = request_meta(&h, &connected("10.0.0.2:5000"), true);
        assert_eq!(meta.ip.as_deref(), Some("10.0.0.2"));
    }

    #[test]
    fn without_connect_info_the_ip_is_absent() {
        let meta = request_meta(&HeaderMap::new(), &Extensions::new(), false);
        assert_eq!(meta, RequestMeta::default());
    }

    #[test]
    fn long_user_agents_are_cut_and_the_request_id_is_kept() {
        let long = "x".repeat(1000);
        let h = headers(&[("user-agent", &long), ("x-request-id", "abc-123")]);
        let meta = request_meta(&h, &Extensions::new(), false);
        assert_eq!(
            meta.user_agent.map(|ua| ua.len()),
            Some(MAX_USER_AGENT_CHARS)
        );
        assert_eq!(meta.request_id.as_deref(), Some("abc-123"));
    }

    #[test]
    fn only_short_plain_request_ids_are_accepted_from_clients() {
        assert!(is_plain_request_id("0190e6a4-7b1c-7cc3-9f0e-3a1d2b4c5d6e"));
        assert!(!is_plain_request_id(""));
        assert!(!is_plain_request_id(&"a".repeat(65)));
        assert!(!is_plain_request_id("id with spaces"));
        assert!(!is_plain_request_id("id\u{7f}"));
    }
}
