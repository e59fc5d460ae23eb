//! The HTTP edge (axum): routes, per-request authentication and the
//! middleware stack. Handlers stay small; GraphQL does the rest.

mod auth;
mod body_limit;
mod console;
mod cors;
mod files;
mod graphql;
mod headers;
mod health;
pub mod listen;
mod meta;
mod retry;
mod session_cookie;
mod upload_limit;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, StatusCode};
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower_http::LatencyUnit;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::config::Config;
use crate::graphql::{TrellisSchema, build_schema};
use crate::state::AppState;
use crate::throttle::{AuthThrottle, ThrottleClock};

pub use meta::REQUEST_ID_HEADER;

/// What the handlers share: the use cases, the schema built once, and the
/// few settings the HTTP layer itself applies. Behind one `Arc`: axum
/// clones the state for every request.
#[derive(Clone)]
pub(crate) struct HttpState(Arc<HttpShared>);

pub(crate) struct HttpShared {
    pub(crate) app: AppState,
    pub(crate) schema: TrellisSchema,
    pub(crate) settings: HttpSettings,
    /// Credential attempts per client IP and account, for the resolvers.
    pub(crate) throttle: Arc<AuthThrottle>,
}

impl std::ops::Deref for HttpState {
    type Target = HttpShared;

    fn deref(&self) -> &HttpShared {
        &self.0
    }
}

#[derive(Debug, Clone)]
pub(crate) struct HttpSettings {
    pub(crate) max_batch: usize,
    pub(crate) trust_proxy: bool,
    /// Largest uploaded file in a multipart request.
    pub(crate) max_upload_bytes: usize,
}

/// The whole HTTP application: `/graphql` (GraphiQL on GET when the
/// playground is enabled, the API on POST), the console's session routes
/// under `/auth`, `/health`, `/health/db`, and the web console for every
/// other GET.
///
/// Builds the schema from `config`'s limits. Serve it with
/// [`listen::serve_connections`] (or axum's
/// `into_make_service_with_connect_info::<SocketAddr>()`) so client IPs are
/// known; without either (e.g. `oneshot` in tests) the IP is simply absent.
pub fn router(state: AppState, config: &Config) -> Router {
    router_with_clock(state, config, ThrottleClock::system())
}

/// [`router`] whose credential throttle runs on `clock`, which a test can
/// advance past a window.
pub fn router_with_clock(state: AppState, config: &Config, clock: ThrottleClock) -> Router {
    let schema = build_schema(state.clone(), &config.graphql_limits());
    build(state, schema, config, clock)
}

/// [`router`] over a schema built by the caller.
pub fn router_with_schema(state: AppState, schema: TrellisSchema, config: &Config) -> Router {
    build(state, schema, config, ThrottleClock::system())
}

fn build(state: AppState, schema: TrellisSchema, config: &Config, clock: ThrottleClock) -> Router {
    let http = HttpState(Arc::new(HttpShared {
        app: state,
        schema,
        throttle: Arc::new(AuthThrottle::new(config.auth_rate_limits, clock)),
        settings: HttpSettings {
            max_batch: config.max_batch,
            trust_proxy: config.trust_proxy,
            max_upload_bytes: config.max_upload_bytes,
        },
    }));

    let graphql_route = if config.playground {
        get(|headers: axum::http::HeaderMap| async move { console::graphiql(&headers) })
            .post(graphql::execute)
    } else {
        // 404 rather than 405: a disabled playground should not be discoverable.
        get(|| async { StatusCode::NOT_FOUND }).post(graphql::execute)
    };

    let request_id = HeaderName::from_static(REQUEST_ID_HEADER);
    // Outermost first. The request id exists before anything logs; the trace
    // span wraps everything that can fail, panics included.
    let middleware = ServiceBuilder::new()
        .map_request(meta::drop_unusable_request_id)
        .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
        .layer(PropagateRequestIdLayer::new(request_id))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(meta::request_span)
                .on_response(
                    DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(LatencyUnit::Millis),
                ),
        )
        .layer(CatchPanicLayer::new())
        // 503, not 408: browsers retry a 408 on their own, which could replay
        // a mutation the server gave up on. Innermost, because its timeout
        // response needs the router's own body type.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.request_timeout,
        ));

    let router = Router::new()
        .route(graphql::GRAPHQL_PATH, graphql_route)
        .route("/auth/session", post(session_cookie::adopt))
        .route("/auth/refresh", post(session_cookie::refresh))
        .route("/auth/signout", post(session_cookie::sign_out))
        .route(files::FILES_PATH, get(files::download))
        .route("/health", get(health::live))
        .route("/health/db", get(health::database))
        .fallback(console::fallback)
        .with_state(http)
        // Body limits are `body_limit`'s alone (JSON and uploads differ);
        // axum's own default limit is disabled so it cannot interfere.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            body_limit::BodyLimits {
                json: config.max_body_bytes,
                upload: config.max_upload_bytes,
            },
            body_limit::limit,
        ))
        .layer(middleware);
    let router = match cors::layer(&config.cors_origins) {
        Some(cors) => router.layer(cors),
        None => router,
    };
    // Encodes what the client accepts (the console's scripts shrink to a
    // quarter); outside the timeout, so a slow client does not count.
    let router = router.layer(CompressionLayer::new());
    // Outermost, so that preflights, timeouts and panics carry it too.
    router.layer(headers::nosniff())
}
