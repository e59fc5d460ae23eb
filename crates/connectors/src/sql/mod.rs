//! SQL datasources: one pool per config, every lookup read-only and bounded
//! by the config's timeouts, every value bound rather than spliced.

mod batch;
mod mysql;
mod postgres;
mod sqlite;
mod tls;
pub mod value;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use sqlx::error::DatabaseError;
use sqlx::mysql::{MySqlDatabaseError, MySqlPool};
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgDatabaseError, PgPool};
use sqlx::sqlite::SqlitePool;
use sqlx::{Database, Pool};
use tokio::time::error::Elapsed;
use trellis_datasources::{
    ConnectionOptions, Credentials, DatasourceConfig, LookupError, LookupErrorKind, Protocol,
    TlsMode,
};

use crate::ConnectorSettings;
use crate::error::{config_error, timed_out};
use crate::policy;

/// Time allowed beyond the statement timeout for the round trips around the
/// statement (begin, rollback) before the connector gives up on the server.
const MARGIN: Duration = Duration::from_millis(250);
/// A connection idle longer than this is pinged before use.
const PING_AFTER_IDLE: Duration = Duration::from_secs(60);
const IDLE_TIMEOUT: Duration = Duration::from_secs(5 * 60);
const MAX_LIFETIME: Duration = Duration::from_secs(30 * 60);

#[derive(Clone)]
enum Kind {
    Postgres { pool: PgPool, begin: Arc<str> },
    MySql(MySqlPool),
    Sqlite(SqlitePool),
}

/// A config's pool and what its error messages need.
#[derive(Clone)]
pub struct SqlPool {
    kind: Kind,
    /// "the database `crm` at `db.example.com:5432`", for messages.
    label: Arc<str>,
    username: Arc<str>,
    /// Held only to keep it out of messages: a server that echoes it back
    /// does not get it shown to the tenant.
    password: Arc<str>,
    statement_timeout: Duration,
    connect_timeout: Duration,
    /// The TLS mode of a server's pool, for messages.
    tls: Option<TlsMode>,
    /// VERIFY_FULL's way to the approved address; lives as long as the pool.
    _forwarder: Option<Arc<tls::Forwarder>>,
}

/// Host, port and database of a server URL.
struct Target {
    host: String,
    port: u16,
    database: String,
}

impl Target {
    fn parse(config: &DatasourceConfig) -> Result<Self, LookupError> {
        let bad = |why: &str| config_error(format!("the address of `{}` {why}", config.name));
        let url = url::Url::parse(&config.base_url).map_err(|_| bad("is not a URL"))?;
        let (schemes, default_port): (&[&str], u16) = match config.protocol {
            Protocol::Postgresql => (&["postgres", "postgresql"], 5432),
            _ => (&["mysql", "mariadb"], 3306),
        };
        if !schemes.contains(&url.scheme()) {
            return Err(bad(&format!("must start with {}://", schemes[0])));
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("names no host"))?;
        let database = percent_decode(url.path().trim_start_matches('/'))
            .filter(|d| !d.is_empty())
            .ok_or_else(|| bad("names no database"))?;
        Ok(Self {
            host: host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_owned(),
            port: url.port().unwrap_or(default_port),
            database,
        })
    }
}

/// `host:port`, with an IPv6 host in brackets.
struct SocketAddrText<'a>(&'a str, u16);

impl std::fmt::Display for SocketAddrText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.contains(':') {
            write!(f, "[{}]:{}", self.0, self.1)
        } else {
            write!(f, "{}:{}", self.0, self.1)
        }
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

impl SqlPool {
    /// Resolves and checks the server's address (once: the pool connects to
    /// that IP, so a DNS answer that changes later cannot redirect it) and
    /// makes a pool that connects on first use.
    pub async fn build(
        config: &DatasourceConfig,
        credentials: Option<Credentials>,
        settings: &ConnectorSettings,
    ) -> Result<Self, LookupError> {
        let options = &config.connection;
        let (username, password) = match credentials {
            None => (None, String::new()),
            Some(Credentials::Basic { username, password }) => (Some(username), password),
            Some(_) => {
                return Err(config_error(format!(
                    "`{}` is a SQL datasource: it takes a user name and password (BASIC) or no \
                     credentials",
                    config.name
                )));
            }
        };
        let statement_timeout = Duration::from_millis(options.statement_timeout_ms);
        let connect_timeout = Duration::from_millis(options.connect_timeout_ms);
        if config.protocol == Protocol::Sqlite {
            if username.is_some() {
                return Err(config_error(format!(
                    "`{}` is a SQLite file: it takes no credentials",
                    config.name
                )));
            }
            let (pool, shown) = sqlite::pool(
                &settings.sqlite_root,
                config.tenant_id,
                &config.base_url,
                options,
            )?;
            return Ok(Self {
                kind: Kind::Sqlite(pool),
                label: format!("the SQLite file `{shown}`").into(),
                username: "".into(),
                password: "".into(),
                statement_timeout,
                connect_timeout,
                tls: None,
                _forwarder: None,
            });
        }
        let target = Target::parse(config)?;
        let addrs = policy::resolve(
            &target.host,
            target.port,
            settings.allow_private_networks,
            connect_timeout,
        )
        .await?;
        let addr: SocketAddr = *addrs.first().ok_or_else(|| {
            LookupError::new(LookupErrorKind::Unreachable, "the host has no addresses")
        })?;
        let tls = config.tls_mode.unwrap_or(TlsMode::DEFAULT);
        let forwarder = match tls {
            TlsMode::VerifyFull => Some(Arc::new(tls::Forwarder::start(addr).map_err(|err| {
                LookupError::new(
                    LookupErrorKind::Unreachable,
                    format!("could not prepare a verified connection: {err}"),
                )
            })?)),
            _ => None,
        };
        let via = forwarder.as_deref();
        let (kind, username) = if config.protocol == Protocol::Postgresql {
            let username = username.unwrap_or_else(|| "postgres".into());
            let connect = postgres::connect_options(&target.host, addr, tls, via);
            let (pool, begin) =
                postgres::pool(connect, &target.database, &username, &password, options);
            (Kind::Postgres { pool, begin }, username)
        } else {
            let username = username.unwrap_or_else(|| "root".into());
            let connect = mysql::connect_options(&target.host, addr, tls, via);
            let pool = mysql::pool(connect, &target.database, &username, &password, options);
            (Kind::MySql(pool), username)
        };
        Ok(Self {
            kind,
            label: format!(
                "the database `{}` at `{}`",
                target.database,
                SocketAddrText(&target.host, target.port)
            )
            .into(),
            username: username.into(),
            password: password.into(),
            statement_timeout,
            connect_timeout,
            tls: Some(tls),
            _forwarder: forwarder,
        })
    }

    /// The first row `statement` returns, column by column.
    pub async fn first_row(
        &self,
        statement: &str,
        params: &[String],
    ) -> Result<Option<Vec<Value>>, LookupError> {
        match &self.kind {
            Kind::Postgres { pool, begin } => {
                let mut conn = self.acquire(pool).await?;
                let run = postgres::first_row(&mut conn, begin, statement, params);
                self.finish(tokio::time::timeout(self.budget(), run).await, &mut conn)
            }
            Kind::MySql(pool) => {
                let mut conn = self.acquire(pool).await?;
                let run = mysql::first_row(&mut conn, statement, params);
                self.finish(tokio::time::timeout(self.budget(), run).await, &mut conn)
            }
            Kind::Sqlite(pool) => {
                let mut conn = self.acquire(pool).await?;
                let deadline = std::time::Instant::now() + self.statement_timeout;
                let run = sqlite::first_row(&mut conn, statement, params, deadline);
                self.finish(tokio::time::timeout(self.budget(), run).await, &mut conn)
            }
        }
    }

    /// Connects (or takes a pooled connection) and runs `SELECT 1`.
    pub async fn probe(&self) -> Result<(), LookupError> {
        self.first_row("SELECT 1", &[]).await.map(drop)
    }

    /// Closes the pool's connections once they are returned.
    pub fn close(&self) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let kind = self.kind.clone();
        runtime.spawn(async move {
            match kind {
                Kind::Postgres { pool, .. } => pool.close().await,
                Kind::MySql(pool) => pool.close().await,
                Kind::Sqlite(pool) => pool.close().await,
            }
        });
    }

    fn budget(&self) -> Duration {
        self.statement_timeout + MARGIN
    }

    async fn acquire<DB: Database>(
        &self,
        pool: &Pool<DB>,
    ) -> Result<PoolConnection<DB>, LookupError> {
        // The pool's own acquire timeout bounds this; the outer one is a
        // backstop in case a connect step ignores it.
        match tokio::time::timeout(self.connect_timeout + MARGIN, pool.acquire()).await {
            Ok(Ok(conn)) => Ok(conn),
            Ok(Err(err)) => Err(self.connect_error(err)),
            Err(_) => Err(self.connect_error(sqlx::Error::PoolTimedOut)),
        }
    }

    fn finish<DB: Database, T>(
        &self,
        outcome: Result<Result<T, sqlx::Error>, Elapsed>,
        conn: &mut PoolConnection<DB>,
    ) -> Result<T, LookupError> {
        match outcome {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => Err(self.query_error(err)),
            Err(_) => {
                // The server may still be busy with the statement; a fresh
                // connection is cheaper than waiting for this one.
                conn.close_on_drop();
                Err(timed_out(self.statement_timeout))
            }
        }
    }

    /// Removes the password from a server message, should one echo it.
    fn scrub(&self, message: &str) -> String {
        if !self.password.is_empty() && message.contains(&*self.password) {
            "(the server's message is withheld because it contains the password)".into()
        } else {
            message.to_owned()
        }
    }

    fn connect_error(&self, err: sqlx::Error) -> LookupError {
        let message = match err {
            sqlx::Error::PoolTimedOut => format!(
                "could not connect to {} within {} ms",
                self.label,
                self.connect_timeout.as_millis()
            ),
            sqlx::Error::Database(db) => format!(
                "could not sign in to {} as `{}`: {}",
                self.label,
                self.username,
                self.scrub(db.message())
            ),
            sqlx::Error::Tls(err) => self.tls_error(&err.to_string()),
            // rustls reports a rejected certificate as an I/O error.
            sqlx::Error::Io(err) if err.to_string().contains("certificate") => {
                self.tls_error(&err.to_string())
            }
            other => format!(
                "could not connect to {}: {}",
                self.label,
                self.scrub(&other.to_string())
            ),
        };
        LookupError::new(LookupErrorKind::Unreachable, message)
    }

    /// Names the config's TLS mode and what to do about a server without TLS.
    fn tls_error(&self, why: &str) -> String {
        let mode = self.tls.map_or("", TlsMode::as_str);
        let mut message = format!(
            "the TLS handshake with {} failed (tlsMode {mode}): {}",
            self.label,
            self.scrub(why)
        );
        if why.contains("does not support TLS") {
            message.push_str(
                "; set tlsMode DISABLE only for a server without TLS on a network you trust",
            );
        } else if why.contains("certificate") {
            message.push_str(
                "; the certificate must be valid for the host name in baseUrl and issued by a \
                 trusted authority",
            );
        }
        message
    }

    fn query_error(&self, err: sqlx::Error) -> LookupError {
        match err {
            sqlx::Error::Database(db) if is_statement_timeout(db.as_ref()) => {
                timed_out(self.statement_timeout)
            }
            sqlx::Error::Database(db)
                if matches!(self.kind, Kind::Sqlite(_)) && sqlite::is_too_big(db.as_ref()) =>
            {
                sqlite::too_big()
            }
            sqlx::Error::Database(db) => LookupError::new(
                LookupErrorKind::Query,
                format!(
                    "the database refused the query: {}",
                    self.scrub(db.message())
                ),
            ),
            sqlx::Error::Io(err) => LookupError::new(
                LookupErrorKind::Unreachable,
                format!("the connection to {} broke: {err}", self.label),
            ),
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => self.connect_error(err),
            other => LookupError::new(
                LookupErrorKind::BadResponse,
                format!(
                    "the answer of {} could not be read: {}",
                    self.label,
                    self.scrub(&other.to_string())
                ),
            ),
        }
    }
}

/// PostgreSQL's `query_canceled` (statement_timeout), MySQL's and MariaDB's
/// statement time limits, SQLite's interrupt (the deadline's timer).
fn is_statement_timeout(err: &dyn DatabaseError) -> bool {
    if let Some(pg) = err.try_downcast_ref::<PgDatabaseError>() {
        return pg.code() == "57014";
    }
    if let Some(my) = err.try_downcast_ref::<MySqlDatabaseError>() {
        return matches!(my.number(), 3024 | 1969);
    }
    err.code().as_deref() == Some("9")
}

/// Pool settings shared by every server kind.
fn pool_options<DB: Database>(options: &ConnectionOptions) -> sqlx::pool::PoolOptions<DB> {
    sqlx::pool::PoolOptions::new()
        .max_connections(options.pool_size.max(1))
        .min_connections(0)
        .acquire_timeout(Duration::from_millis(options.connect_timeout_ms))
        .idle_timeout(IDLE_TIMEOUT)
        .max_lifetime(MAX_LIFETIME)
        // A ping before every use would double the round trips of a lookup;
        // only connections idle for a while are checked.
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for > PING_AFTER_IDLE {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_is_strict() {
        assert_eq!(percent_decode("crm%20db").as_deref(), Some("crm db"));
        assert_eq!(percent_decode("crm"), Some("crm".into()));
        assert_eq!(percent_decode("bad%2"), None);
        assert_eq!(percent_decode("bad%zz"), None);
        assert_eq!(percent_decode("%ff"), None);
    }
}
