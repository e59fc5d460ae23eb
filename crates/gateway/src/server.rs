//! Start-up and shutdown: connect, migrate, wire the use cases, serve until
//! Ctrl-C or SIGTERM, then let requests in flight finish.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_trait::async_trait;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use trellis_connectors::{ConnectorSettings, Connectors};
use trellis_file_store::ObjectFileStore;
use trellis_kernel::SystemClock;
use trellis_store_seaorm::{PoolSettings, RoleRisks, SeaOrmStore};
use trellis_tenancy::Argon2PasswordHasher;

use crate::config::{Config, Environment, redact_url};
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
    if config.auto_migrate && !no_migrate {
        migrate_database(&config).await?;
    } else {
        tracing::info!("automatic migration is off; run `trellis migrate` after upgrades");
    }
    let db = connect(&config).await?;
    check_role(&config, &db).await?;
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
    let server = crate::http::listen::serve_connections(
        listener,
        app,
        config.connection_limits,
        async move {
            shutdown_signal().await;
            tracing::info!("shutting down; finishing requests in flight");
            let _ = stop_tx.send(true);
        },
    );
    // Requests are bounded by the request timeout and idle connections by
    // the keep-alive timeout; don't wait past both.
    let deadline = config.request_timeout + SHUTDOWN_GRACE;
    let give_up = async move {
        let _ = stop_rx.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(deadline).await;
    };
    tokio::select! {
        () = server => {}
        () = give_up => tracing::warn!(?deadline, "requests still open after the deadline; stopping anyway"),
    }
    tracing::info!("stopped");
    Ok(())
}

/// Connects to the configured database, creating it first on PostgreSQL if
/// it does not exist.
///
/// # Errors
/// If it cannot be reached ("connection refused at host:port"), or is
/// missing and cannot be created (saying how to); other messages name the
/// URL without its password.
pub async fn connect(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let redacted = config.database_url_redacted();
    tracing::info!(database = %redacted, "connecting to the database");
    trellis_store_seaorm::prepare_database(&config.database_url).await?;
    trellis_store_seaorm::connect_with(&config.database_url, pool_settings(config))
        .await
        .with_context(|| format!("cannot connect to the database at {redacted}"))
}

/// The pool settings `config` asks for.
pub fn pool_settings(config: &Config) -> PoolSettings {
    PoolSettings {
        acquire_timeout: config.db_acquire_timeout,
        max_connections: config.db_max_connections,
    }
}

/// Applies pending migrations over `TRELLIS_MIGRATION_DATABASE_URL` (the
/// tables' owner) when it is set, over the server's own URL otherwise.
///
/// # Errors
/// If the database cannot be reached or a migration fails.
pub async fn migrate_database(config: &Config) -> anyhow::Result<Vec<String>> {
    let Some(url) = &config.migration_database_url else {
        return migrate(&connect(config).await?).await;
    };
    let redacted = redact_url(url);
    tracing::info!(database = %redacted, "connecting as the migration role");
    trellis_store_seaorm::prepare_database(url).await?;
    let db = trellis_store_seaorm::connect_with(url, pool_settings(config))
        .await
        .with_context(|| format!("cannot connect to the migration database at {redacted}"))?;
    let migrated = migrate(&db).await;
    db.close().await.ok();
    migrated
}

/// Refuses, in production, a PostgreSQL role that row-level security does
/// not hold (tenancy rule 7); in development says so and goes on.
///
/// # Errors
/// In production, naming what the role may do and what to run instead.
pub async fn check_role(config: &Config, db: &DatabaseConnection) -> anyhow::Result<()> {
    let risks = trellis_store_seaorm::role_risks(db)
        .await
        .context("cannot read the database role's attributes")?;
    let Some(refusal) = risks.as_ref().and_then(role_refusal) else {
        return Ok(());
    };
    if config.environment == Environment::Production {
        anyhow::bail!(refusal);
    }
    tracing::warn!("{refusal} (allowed in development)");
    Ok(())
}

/// Why the server must not run as this role, or `None` if it may.
pub fn role_refusal(risks: &RoleRisks) -> Option<String> {
    let mut reasons = Vec::new();
    if risks.superuser {
        reasons.push("is a superuser".to_owned());
    }
    if risks.bypasses_row_security {
        reasons.push("has BYPASSRLS".to_owned());
    }
    if !risks.owned_tables.is_empty() {
        reasons.push(format!("owns tables ({})", risks.owned_tables.join(", ")));
    }
    if reasons.is_empty() {
        return None;
    }
    Some(format!(
        "the database role `{}` {}, so row-level security would not hold it to one tenant; \
         serve as a role that owns no table and has neither SUPERUSER nor BYPASSRLS, and \
         migrate as the owner with TRELLIS_MIGRATION_DATABASE_URL (README: PostgreSQL roles)",
        risks.role,
        reasons.join(" and ")
    ))
}

/// Applies pending migrations and returns the names of those applied.
///
/// # Errors
/// If a migration fails.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<Vec<String>> {
    let applied = trellis_store_seaorm::migrate(db)
        .await
        .context("database migration failed")?;
    tracing::info!(
        applied = applied.len(),
        migrations = %applied.join(", "),
        "database schema is up to date"
    );
    Ok(applied)
}

/// Every use case over the SeaORM store and the real connectors.
pub fn build_state(config: &Config, db: DatabaseConnection) -> AppState {
    AppState::new(ports(config, db), config)
}

/// The production adapters: the store's ports of every product, the real
/// datasource connectors and password hasher, the system clock.
pub fn ports(config: &Config, db: DatabaseConnection) -> Ports {
    ports_over(config, SeaOrmStore::new(db))
}

/// [`ports`] over a store the caller built (one that observes its
/// statements, say).
pub fn ports_over(config: &Config, store: SeaOrmStore) -> Ports {
    let db = store.connection().clone();
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
        work: store.work_ports(Arc::new(file_store(config))),
        connector: Arc::new(connector),
        hasher: Arc::new(ReleasingHasher(Argon2PasswordHasher::new())),
        clock: Arc::new(SystemClock),
        database: Arc::new(SeaOrmProbe(db)),
    }
}

/// Attachments' bytes where the configuration puts them. The storage URL
/// was checked when the configuration was read; what can still fail here
/// is making the data directory, which must stop the start.
fn file_store(config: &Config) -> ObjectFileStore {
    let files = ObjectFileStore::from_settings(&config.data_dir, config.storage_url.as_deref())
        .unwrap_or_else(|err| panic!("the file store cannot be built: {err}"));
    tracing::info!(store = files.describe(), "attachments' file store");
    files
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

#[cfg(test)]
mod tests {
    use super::*;

    fn risks(superuser: bool, bypasses: bool, owned: &[&str]) -> RoleRisks {
        RoleRisks {
            role: "trellis".into(),
            superuser,
            bypasses_row_security: bypasses,
            owned_tables: owned.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn a_role_row_level_security_holds_may_serve() {
        assert_eq!(role_refusal(&risks(false, false, &[])), None);
    }

    #[test]
    fn the_refusal_names_each_way_the_role_escapes_the_policies() {
        let refusal = role_refusal(&risks(true, true, &["intents", "roles"])).unwrap();
        assert!(
            refusal.starts_with(
                "the database role `trellis` is a superuser and has BYPASSRLS and owns tables \
                 (intents, roles)"
            ),
            "{refusal}"
        );
        assert!(
            refusal.contains("TRELLIS_MIGRATION_DATABASE_URL"),
            "{refusal}"
        );
        let owner = role_refusal(&risks(false, false, &["intents"])).unwrap();
        assert!(owner.contains("`trellis` owns tables (intents)"), "{owner}");
    }
}
