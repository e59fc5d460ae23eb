//! Logging: `RUST_LOG` filtering, human or JSON lines, always on stderr so
//! that stdout stays clean for command output (`trellis schema`).

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::config::LogFormat;

/// The filter when `RUST_LOG` is unset: our logs at info, the database
/// drivers only when something is wrong (they log every statement at info).
pub const DEFAULT_FILTER: &str = "info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn";

/// Installs the global subscriber.
///
/// # Errors
/// If a global subscriber is already installed.
pub fn init(format: LogFormat) -> anyhow::Result<()> {
    let (filter, bad_rust_log) = filter();
    let registry = tracing_subscriber::registry().with(filter);
    match format {
        // The default (one line per event, with its spans' fields) reads
        // better in a terminal than tracing-subscriber's multi-line `pretty()`.
        LogFormat::Pretty => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(std::io::stderr)
                    .with_ansi(std::io::stderr().is_terminal()),
            )
            .try_init()?,
        // The span list carries the request span (request_id, tenant, user)
        // on every line, even inside nested use-case spans.
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(false)
                    .with_span_list(true)
                    .with_writer(std::io::stderr),
            )
            .try_init()?,
    }
    if let Some(err) = bad_rust_log {
        tracing::warn!(error = %err, default = DEFAULT_FILTER, "RUST_LOG is invalid; using the default filter");
    }
    Ok(())
}

fn filter() -> (EnvFilter, Option<String>) {
    match std::env::var("RUST_LOG") {
        Ok(directives) if !directives.trim().is_empty() => match EnvFilter::try_new(&directives) {
            Ok(filter) => (filter, None),
            Err(err) => (EnvFilter::new(DEFAULT_FILTER), Some(err.to_string())),
        },
        _ => (EnvFilter::new(DEFAULT_FILTER), None),
    }
}
