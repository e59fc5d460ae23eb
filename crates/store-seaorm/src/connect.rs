//! Opening the pool and bringing the schema up to date.

use std::collections::HashSet;
use std::str::FromStr;
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement,
};
use trellis_migration::{Migrator, MigratorTrait};

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a query waits for a connection before the database counts as
/// down: long enough for a busy pool, short enough that a client hears
/// "unavailable" before it gives up itself.
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(2);
/// An in-memory SQLite database is one connection that every query queues
/// for; a wait there is load, not an outage.
const IN_MEMORY_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(30);

/// A pooled connection idle this long is pinged before it is handed out,
/// as the server or a proxy may have dropped it meanwhile. A ping on every
/// checkout would double the round trips of every query.
const PING_IF_IDLE_FOR: Duration = Duration::from_secs(30);

/// How the pool behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// Longest wait for a free or new connection; past it the query fails
    /// as unavailable.
    pub acquire_timeout: Duration,
    /// Most connections open to PostgreSQL in each of the store's two
    /// pools; none takes [`default_max_connections`]. SQLite keeps its own.
    pub max_connections: Option<u32>,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
            max_connections: None,
        }
    }
}

/// Twice this machine's cores, and at least four: PostgreSQL serves the
/// most statements a second with about two busy connections per core of
/// its own. Past that its processes only take turns on the cores, and
/// each statement waits longer and costs more; a request meanwhile waits
/// for a connection in the pool, where waiting costs nothing. A database
/// with more cores than this machine is worth a larger setting.
pub fn default_max_connections() -> u32 {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    u32::try_from(cores * 2).unwrap_or(u32::MAX).max(4)
}

/// [`connect_with`] the default [`PoolSettings`].
pub async fn connect(database_url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(database_url, PoolSettings::default()).await
}

/// Opens a pool on `database_url` (`postgres://…`, `sqlite://path.db`,
/// `sqlite::memory:`).
///
/// SQLite files are created when missing and run in WAL mode with foreign
/// keys enforced on every connection. An in-memory SQLite database lives in
/// one connection that is never closed, so every query sees the same data.
pub async fn connect_with(
    database_url: &str,
    settings: PoolSettings,
) -> Result<DatabaseConnection, DbErr> {
    Database::connect(pool_options(database_url, settings)).await
}

/// The pool's options, for [`connect_with`] and for tests that build a
/// pool their own way (lazily, over an address nothing listens on).
pub fn pool_options(database_url: &str, settings: PoolSettings) -> ConnectOptions {
    let mut options = ConnectOptions::new(database_url);
    options
        .sqlx_logging(false)
        .acquire_timeout(settings.acquire_timeout)
        .test_before_acquire_if_idle_for(PING_IF_IDLE_FOR);
    if database_url.starts_with("sqlite:") {
        let in_memory = is_in_memory(database_url);
        if in_memory {
            options
                .max_connections(1)
                .min_connections(1)
                .acquire_timeout(IN_MEMORY_ACQUIRE_TIMEOUT.max(settings.acquire_timeout))
                .idle_timeout(None)
                .max_lifetime(None);
        } else {
            create_parent_dir(database_url);
            options.max_connections(8);
        }
        options.map_sqlx_sqlite_opts(move |sqlite| {
            // sqlx turns foreign keys on by default; say so anyway, the
            // composite keys are what keeps tenants apart.
            let sqlite = sqlite.foreign_keys(true).busy_timeout(BUSY_TIMEOUT);
            if in_memory {
                sqlite
            } else {
                sqlite
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
            }
        });
    } else {
        options
            .max_connections(
                settings
                    .max_connections
                    .unwrap_or_else(default_max_connections),
            )
            .min_connections(1)
            // Every statement is planned for its own values. A plan cached
            // for the typical tenant (a few thousand rows) is ruinous for
            // one with a million; planning again costs a fraction of a
            // millisecond.
            .map_sqlx_postgres_opts(|pg| pg.options([("plan_cache_mode", "force_custom_plan")]));
    }
    options
}

/// Applies every pending migration and returns the names of those it
/// applied, oldest first (empty when the schema was up to date).
pub async fn migrate(db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {
    // Compared before and after rather than listed as pending beforehand,
    // so that what another process applied meanwhile is not claimed.
    let before: HashSet<String> = Migrator::get_applied_migrations(db)
        .await?
        .iter()
        .map(|migration| migration.name().to_owned())
        .collect();
    Migrator::up(db, None).await?;
    Ok(Migrator::get_applied_migrations(db)
        .await?
        .iter()
        .map(|migration| migration.name().to_owned())
        .filter(|name| !before.contains(name))
        .collect())
}

/// Whether the database answers; for `/health/db`.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.ping().await
}

fn is_in_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
}

/// SQLite creates a missing file but not a missing directory; a fresh
/// machine should not need one made by hand.
fn create_parent_dir(url: &str) {
    let Ok(options) = SqliteConnectOptions::from_str(url) else {
        return; // connecting will report the bad URL
    };
    if let Some(parent) = options.get_filename().parent()
        && !parent.as_os_str().is_empty()
        && let Err(err) = std::fs::create_dir_all(parent)
    {
        tracing::warn!(error = %err, dir = %parent.display(), "cannot create the SQLite directory");
    }
}

/// What the connected PostgreSQL role could do that row-level security
/// would not hold it to. Superusers and BYPASSRLS roles skip every policy;
/// a table's owner could drop them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRisks {
    pub role: String,
    pub superuser: bool,
    pub bypasses_row_security: bool,
    /// Tables in `public` the role owns.
    pub owned_tables: Vec<String>,
}

impl RoleRisks {
    pub fn any(&self) -> bool {
        self.superuser || self.bypasses_row_security || !self.owned_tables.is_empty()
    }
}

/// The risks of the role `db` connects as; `None` on SQLite, which has no
/// roles.
///
/// # Errors
/// If the catalog cannot be read.
pub async fn role_risks(db: &DatabaseConnection) -> Result<Option<RoleRisks>, DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(None);
    }
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT current_user::text AS role, r.rolsuper AS superuser, \
                    r.rolbypassrls AS bypasses, \
                    coalesce((SELECT string_agg(tablename::text, ',' ORDER BY tablename) \
                              FROM pg_tables WHERE schemaname = 'public' \
                                AND tableowner = current_user), '') AS owned \
             FROM pg_roles r WHERE r.rolname = current_user",
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("the current role is not in pg_roles".into()))?;
    let owned: String = row.try_get("", "owned")?;
    Ok(Some(RoleRisks {
        role: row.try_get("", "role")?,
        superuser: row.try_get("", "superuser")?,
        bypasses_row_security: row.try_get("", "bypasses")?,
        owned_tables: owned
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
    }))
}
