//! Cross-origin access for browser apps served from other origins.

use axum::http::{HeaderName, HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::REQUEST_ID_HEADER;

/// Lets browser apps on the configured origins call the API. Bearer tokens
/// travel in a header, so cookies (credentials) are never allowed.
pub(crate) fn layer(origins: &[String]) -> Option<CorsLayer> {
    let allow_origin = match origins {
        [] => return None,
        [any] if any == "*" => AllowOrigin::any(),
        list => AllowOrigin::list(list.iter().filter_map(|o| HeaderValue::from_str(o).ok())),
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow_origin)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                HeaderName::from_static(REQUEST_ID_HEADER),
            ])
            .expose_headers([HeaderName::from_static(REQUEST_ID_HEADER)])
            .max_age(std::time::Duration::from_secs(3600)),
    )
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, header};
    use axum::routing::post;
    use tower::ServiceExt;

    use super::*;

    async fn preflight(origins: &[&str], from: &str) -> Option<String> {
        let origins: Vec<String> = origins.iter().map(|o| o.to_string()).collect();
        let mut app = Router::new().route("/graphql", post(|| async { "ok" }));
        if let Some(cors) = layer(&origins) {
            app = app.layer(cors);
        }
        let request = Request::builder()
            .method(Method::OPTIONS)
            .uri("/graphql")
            .header(header::ORIGIN, from)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(
                header::ACCESS_CONTROL_REQUEST_HEADERS,
                "authorization,content-type",
            )
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        response
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .map(|v| v.to_str().unwrap().to_owned())
    }

    #[tokio::test]
    async fn a_listed_origin_may_call_and_others_may_not() {
        let listed = ["https://app.example.com"];
        assert_eq!(
            preflight(&listed, "https://app.example.com")
                .await
                .as_deref(),
            Some("https://app.example.com")
        );
        assert_eq!(preflight(&listed, "https://evil.example.com").await, None);
    }

    #[tokio::test]
    async fn without_configured_origins_no_cross_origin_call_is_allowed() {
        assert_eq!(preflight(&[], "https://app.example.com").await, None);
    }

    #[tokio::test]
    async fn a_wildcard_allows_any_origin() {
        assert_eq!(
            preflight(&["*"], "https://anywhere.test").await.as_deref(),
            Some("*")
        );
    }
}
