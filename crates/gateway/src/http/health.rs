//! Liveness and database reachability, for load balancers and orchestrators.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::HttpState;

/// A probe must answer quickly even when the database hangs: orchestrators
/// time out their own checks after a few seconds.
const DATABASE_PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// The process is up and serving.
pub(crate) async fn live() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// Whether the database answers. The reason of a failure is logged, never
/// returned: it can name hosts, users or driver internals.
pub(crate) async fn database(State(http): State<HttpState>) -> (StatusCode, Json<Value>) {
    let failure = match tokio::time::timeout(DATABASE_PROBE_TIMEOUT, http.app.database.ping()).await
    {
        Ok(Ok(())) => None,
        Ok(Err(reason)) => Some(reason),
        Err(_) => Some(format!("no answer within {DATABASE_PROBE_TIMEOUT:?}")),
    };
    match failure {
        None => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "reachable" })),
        ),
        Some(reason) => {
            tracing::error!(%reason, "database health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "error", "database": "unreachable" })),
            )
        }
    }
}
