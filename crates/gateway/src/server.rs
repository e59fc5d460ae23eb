//! Start-up and shutdown: connect, migrate, wire the use cases, serve until
//! Ctrl-C or SIGTERM, then let requests in flight finish.

use std::future::IntoFuture;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_trait::async_trait;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use trellis_connectors::{ConnectorSettings, Connectors};
use trellis_kernel::SystemClock;
use trellis_store_seaorm::SeaOrmStore;
use trellis_tenancy::Argon2PasswordHasher;

use crate::config::Config;
use crate::memory::ReleasingHasher;
use crate::state::{AppState, DatabaseProbe, Ports};

/// Extra time, beyond the request timeout, that shutdown waits for requests
/// in flight before giving up on them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Runs the server until a shutdown signal. Applies pending migrations
/// first unless `no_migrate` or `TRELLIS_AUTO_MIGRATE=false`.
///
/// # Errors
/// If the database cannot be reached or migrated, or the address is taken.
pub async fn serve(config: Config, no_migrate: bool) -> anyhow::Result<()> {
    log_start_notes(&config);
    let db = connect(&config).await?;
    if config.auto_migrate && !no_migrate {
        migrate(&db).await?;
    } else {
        tracing::info!("automatic migration is off; run `trellis migrate` after upgrades");
    }
    let state = build_state(&config, db);
    let app = crate::http::router(state, &config);

    let listener = TcpListener::bind(config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let address = listener.local_addr().context("listener has no address")?;
    tracing::info!(
        %address,
        environment = ?config.environment,
        playground = config.playground,
        "Trellis is listening on http://{address}/graphql"
    );

    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        tracing::info!("shutting down; finishing requests in flight");
        let _ = stop_tx.send(true);
    })
    .into_future();
    // Requests are bounded by the request timeout, but an idle client can
    // hold a connection open; don't wait on it forever.
    let deadline = config.request_timeout + SHUTDOWN_GRACE;
    let give_up = async move {
        let _ = stop_rx.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(deadline).await;
    };
    tokio::select! {
        result = server => result.context("server failed")?,
        () = give_up => tracing::warn!(?deadline, "requests still open after the deadline; stopping anyway"),
    }
    tracing::info!("stopped");
    Ok(())
}

/// Connects to the configured database.
///
/// # Errors
/// If it cannot be reached; the message names the URL without its password.
pub async fn connect(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let redacted = config.database_url_redacted();
    tracing::info!(database = %redacted, "connecting to the database");
    trellis_store_seaorm::connect(&config.database_url)
        .await
        .with_context(|| format!("cannot connect to the database at {redacted}"))
}

/// Applies pending migrations.
///
/// # Errors
/// If a migration fails.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    trellis_store_seaorm::migrate(db)
        .await
        .context("database migration failed")?;
    tracing::info!("database schema is up to date");
    Ok(())
}

/// Every use case over the SeaORM store and the real connectors.
pub fn build_state(config: &Config, db: DatabaseConnection) -> AppState {
    AppState::new(ports(config, db), config)
}

/// The production adapters: the store's ports of every product, the real
/// datasource connectors and password hasher, the system clock.
pub fn ports(config: &Config, db: DatabaseConnection) -> Ports {
    let store = SeaOrmStore::new(db.clone());
    let routing = store.routing_ports();
    let connector = Connectors::new(
        ConnectorSettings {
            allow_private_networks: config.allow_private_networks,
            sqlite_root: config.datasource_files_dir.clone(),
        },
        config.keyring.clone(),
        // FILE lookups read the uploaded CSVs through the repository.
        routing.datasources.clone(),
    );
    Ports {
        tenancy: store.tenancy_ports(),
        routing,
        connector: Arc::new(connector),
        hasher: Arc::new(ReleasingHasher(Argon2PasswordHasher::new())),
        clock: Arc::new(SystemClock),
        database: Arc::new(SeaOrmProbe(db)),
    }
}

/// `/health/db` over the store's connection pool.
struct SeaOrmProbe(DatabaseConnection);

#[async_trait]
impl DatabaseProbe for SeaOrmProbe {
    async fn ping(&self) -> Result<(), String> {
        trellis_store_seaorm::ping(&self.0)
            .await
            .map_err(|err| err.to_string())
    }
}

/// Warnings decided while reading the configuration, logged once logging is up.
fn log_start_notes(config: &Config) {
    if config.jwt_secret_generated {
        tracing::warn!(
            "TRELLIS_JWT_SECRET is not set: using a random secret for this run; \
             access tokens will not survive a restart"
        );
    }
    if config.keyring_is_development {
        tracing::warn!(
            "TRELLIS_SECRET_KEY is not set: datasource credentials are encrypted with the \
             well-known development key; set a key before storing real credentials"
        );
    }
    if config.allow_private_networks {
        tracing::warn!(
            "TRELLIS_ALLOW_PRIVATE_NETWORKS is on: datasources may reach loopback and private \
             addresses, including this server's own network"
        );
    }
    if !config.datasource_files_dir.is_dir() {
        tracing::warn!(
            directory = %config.datasource_files_dir.display(),
            "the datasource files directory (TRELLIS_DATASOURCE_FILES_DIR) does not exist; \
             SQLite datasources will report their files as missing"
        );
    }
    for name in &config.unknown_variables {
        tracing::warn!(variable = %name, "unknown configuration variable ignored; is it misspelt?");
    }
}

/// Resolves on Ctrl-C, or SIGTERM (what orchestrators send) on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
