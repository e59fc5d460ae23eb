//! The edge of Trellis: HTTP (axum) and GraphQL (async-graphql). It verifies
//! credentials, builds the per-request tenant context and hands each
//! operation to one use case; no business rule lives here.

pub mod cli;
pub mod config;
pub mod graphql;
pub mod http;
pub mod memory;
pub mod server;
pub mod state;
pub mod telemetry;
#[cfg(any(test, feature = "mock"))]
pub mod testing;
pub mod throttle;

pub use config::Config;
pub use graphql::{GraphqlLimits, TrellisSchema, build_schema};
pub use http::router;
pub use state::AppState;
