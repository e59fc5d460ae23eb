//! Security headers: `nosniff` on every response, `no-store` on API
//! answers, and a framing ban plus a Content-Security-Policy on the
//! playground page.

use std::sync::Arc;

use async_graphql::http::GraphiQLSource;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};
use tower_http::set_header::SetResponseHeaderLayer;

/// Where GraphiQL's scripts and styles come from (async-graphql's page).
const PLAYGROUND_CDN: &str = "https://unpkg.com";
/// The page's favicon.
const PLAYGROUND_ICON_HOST: &str = "https://graphql.org";

/// `X-Content-Type-Options: nosniff` on every response, so a browser never
/// runs an answer as a type it guessed (JSON as HTML, say).
pub(crate) fn nosniff() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    )
}

/// `Cache-Control: no-store` for API answers: they hold tokens and tenant
/// data that no shared or browser cache should keep.
pub(crate) fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The GraphiQL page, rendered once, and the policy that lets exactly it
/// run: its CDN scripts and its one inline script, by hash.
#[derive(Clone)]
pub(crate) struct Playground(Arc<PlaygroundPage>);

struct PlaygroundPage {
    html: String,
    csp: HeaderValue,
}

impl Playground {
    pub(crate) fn new(endpoint: &str) -> Self {
        let html = GraphiQLSource::build().endpoint(endpoint).finish();
        let csp = HeaderValue::from_str(&content_security_policy(&html))
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
        Self(Arc::new(PlaygroundPage { html, csp }))
    }

    pub(crate) fn response(&self) -> Response {
        let mut response = Html(self.0.html.clone()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_SECURITY_POLICY, self.0.csp.clone());
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

/// Scripts: the CDN and the page's own inline scripts by hash (never
/// `'unsafe-inline'`). Styles: GraphiQL sets inline styles at run time,
/// which hashes cannot cover. Requests: this origin only.
fn content_security_policy(html: &str) -> String {
    let hashes: String = inline_scripts(html)
        .map(|script| format!(" 'sha256-{}'", BASE64.encode(Sha256::digest(script))))
        .collect();
    format!(
        "default-src 'none'; \
         script-src {PLAYGROUND_CDN}{hashes}; \
         style-src {PLAYGROUND_CDN} 'unsafe-inline'; \
         font-src {PLAYGROUND_CDN} data:; \
         img-src 'self' {PLAYGROUND_ICON_HOST} data:; \
         connect-src 'self'; \
         worker-src 'self' blob:; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
}

/// The text of every `<script>` without a `src`, exactly as the browser
/// hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        let (body, _) = rest.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scripts_without_a_source_are_hashed() {
        let html = "<script src=\"https://unpkg.com/a.js\"></script>\
                    <script>run()</script><script type=\"x\">two()</script>";
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["run()", "two()"]);
    }

    #[test]
    fn the_policy_allows_the_playground_inline_script_by_its_hash() {
        let page = Playground::new("/graphql");
        let csp = page.0.csp.to_str().unwrap().to_owned();
        let scripts: Vec<&str> = inline_scripts(&page.0.html).collect();
        assert_eq!(scripts.len(), 1, "GraphiQL's page changed shape");
        let hash = BASE64.encode(Sha256::digest(scripts[0]));
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
        assert!(!csp.contains("script-src 'unsafe-inline'"), "{csp}");
    }

    #[test]
    fn everything_the_playground_loads_is_on_an_allowed_host() {
        let page = Playground::new("/graphql");
        let csp = page.0.csp.to_str().unwrap().to_owned();
        let html = &page.0.html;
        let urls: Vec<&str> = ["src=\"", "href=\""]
            .iter()
            .flat_map(|attr| html.split(attr).skip(1))
            .filter_map(|rest| rest.split_once('"').map(|(url, _)| url))
            .collect();
        assert!(!urls.is_empty());
        for url in urls {
            let host = url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
            assert!(csp.contains(&host), "{url} is not allowed by {csp}");
        }
    }
}
