//! Before the pool opens: one connection to PostgreSQL, so that a missing
//! database is created (or its absence explained) and an unreachable
//! server reported at once, instead of after the pool's timeout in a
//! message with the server's internal line numbers.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use sea_orm::sqlx::postgres::PgConnectOptions;
use sea_orm::sqlx::{
    AssertSqlSafe, ConnectOptions as _, Connection as _, Error as SqlxError, Executor as _,
};

/// How long the first connection may take before the server counts as
/// unreachable.
pub const STARTUP_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// PostgreSQL's SQLSTATE for "database does not exist".
const INVALID_CATALOG_NAME: &str = "3D000";
/// The database every PostgreSQL server has, to connect to when the one
/// named does not exist yet.
const MAINTENANCE_DATABASE: &str = "postgres";

/// What [`prepare_database`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared {
    /// Not PostgreSQL: SQLite creates its file itself.
    NotPostgres,
    Existing,
    /// The database was missing and has been created.
    Created {
        database: String,
    },
}

/// Why the database cannot be used; the message says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartupError(String);

impl fmt::Display for StartupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartupError {}

/// Connects once to the PostgreSQL database `url` names, creating it when
/// it does not exist (over the `postgres` maintenance database, with the
/// same credentials).
///
/// # Errors
/// The server is unreachable ("connection refused at host:port"), the
/// database is missing and the role may not create it (with the command
/// that would), or the server refused the connection otherwise.
pub async fn prepare_database(url: &str) -> Result<Prepared, StartupError> {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Ok(Prepared::NotPostgres);
    }
    let options = PgConnectOptions::from_str(url)
        .map_err(|err| StartupError(format!("the database URL is not valid: {err}")))?;
    let address = format!("{}:{}", options.get_host(), options.get_port());
    let database = options
        .get_database()
        .unwrap_or(options.get_username())
        .to_owned();
    match connect_once(&options).await {
        Ok(()) => Ok(Prepared::Existing),
        Err(Failure::Sql(err)) if sqlstate(&err).as_deref() == Some(INVALID_CATALOG_NAME) => {
            create(&options, &address, &database).await?;
            Ok(Prepared::Created { database })
        }
        Err(failure) => Err(failure.explain(&address, &database)),
    }
}

enum Failure {
    Sql(SqlxError),
    TimedOut,
}

impl Failure {
    fn explain(self, address: &str, database: &str) -> StartupError {
        StartupError(match self {
            Failure::TimedOut => format!(
                "no answer from the database server at {address} within {} s",
                STARTUP_CONNECT_TIMEOUT.as_secs()
            ),
            Failure::Sql(SqlxError::Io(err))
                if err.kind() == std::io::ErrorKind::ConnectionRefused =>
            {
                format!("connection refused at {address}: is PostgreSQL running there?")
            }
            Failure::Sql(SqlxError::Io(err)) => {
                format!("cannot reach the database server at {address}: {err}")
            }
            Failure::Sql(SqlxError::Database(err)) => format!(
                "the database server at {address} refused to open database \"{database}\": {}",
                err.message()
            ),
            Failure::Sql(err) => {
                format!("cannot open database \"{database}\" at {address}: {err}")
            }
        })
    }
}

async fn connect_once(options: &PgConnectOptions) -> Result<(), Failure> {
    let connection = tokio::time::timeout(STARTUP_CONNECT_TIMEOUT, options.connect())
        .await
        .map_err(|_| Failure::TimedOut)?
        .map_err(Failure::Sql)?;
    connection.close().await.ok();
    Ok(())
}

async fn create(
    options: &PgConnectOptions,
    address: &str,
    database: &str,
) -> Result<(), StartupError> {
    let how = || {
        format!(
            "create it as a role that may (a superuser, or one with CREATEDB): \
             `createdb -h {host} -p {port} {database}`, or in psql \
             `CREATE DATABASE {quoted};`, then start again",
            host = options.get_host(),
            port = options.get_port(),
            quoted = quote_identifier(database),
        )
    };
    let maintenance = options.clone().database(MAINTENANCE_DATABASE);
    let mut connection = tokio::time::timeout(STARTUP_CONNECT_TIMEOUT, maintenance.connect())
        .await
        .map_err(|_| Failure::TimedOut.explain(address, MAINTENANCE_DATABASE))?
        .map_err(|err| {
            StartupError(format!(
                "database \"{database}\" does not exist at {address}, and the `{MAINTENANCE_DATABASE}` \
                 database to create it from cannot be opened ({}); {}",
                reason(&err),
                how()
            ))
        })?;
    let created = connection
        // The name is quoted: an identifier cannot be a bound parameter.
        .execute(AssertSqlSafe(format!(
            "CREATE DATABASE {}",
            quote_identifier(database)
        )))
        .await;
    connection.close().await.ok();
    match created {
        Ok(_) => {
            tracing::info!(%database, %address, "the database did not exist; created it");
            Ok(())
        }
        // Another instance starting at the same time created it first.
        Err(err) if sqlstate(&err).as_deref() == Some("42P04") => Ok(()),
        Err(err) => Err(StartupError(format!(
            "database \"{database}\" does not exist at {address} and role `{role}` may not \
             create it ({}); {}",
            reason(&err),
            how(),
            role = options.get_username(),
        ))),
    }
}

fn sqlstate(err: &SqlxError) -> Option<String> {
    match err {
        SqlxError::Database(db) => db.code().map(|code| code.into_owned()),
        _ => None,
    }
}

/// The server's message alone, without the position details sqlx adds.
fn reason(err: &SqlxError) -> String {
    match err {
        SqlxError::Database(db) => db.message().to_owned(),
        other => other.to_string(),
    }
}

/// `"name"`, with inner quotes doubled: a database name is an identifier
/// and cannot be a bound parameter.
fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use sea_orm::sqlx::postgres::PgConnection;

    use super::*;
    use crate::testing::{APP_ROLE, TEST_DATABASE_URL, app_url, with_database};

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote_identifier("trellis"), "\"trellis\"");
        assert_eq!(quote_identifier("a\"b"), "\"a\"\"b\"");
    }

    #[tokio::test]
    async fn sqlite_needs_no_preparation() {
        assert_eq!(
            prepare_database("sqlite::memory:").await,
            Ok(Prepared::NotPostgres)
        );
    }

    #[tokio::test]
    async fn an_unreachable_server_is_named_at_once() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let started = Instant::now();
        let err = prepare_database(&format!("postgres://trellis@127.0.0.1:{port}/trellis"))
            .await
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("connection refused at 127.0.0.1:{port}")),
            "{err}"
        );
        assert!(
            started.elapsed() < STARTUP_CONNECT_TIMEOUT,
            "{:?}",
            started.elapsed()
        );
    }

    fn admin_url() -> Option<String> {
        std::env::var(TEST_DATABASE_URL)
            .ok()
            .filter(|url| url.starts_with("postgres"))
    }

    #[tokio::test]
    async fn a_missing_database_is_created() {
        let Some(admin) = admin_url() else { return };
        let name = format!("trellis_missing_{}", uuid::Uuid::now_v7().simple());
        let url = with_database(&admin, &name);
        let prepared = prepare_database(&url).await;
        // Dropped whatever happened, before asserting.
        let maintenance = with_database(&admin, MAINTENANCE_DATABASE);
        let mut connection = PgConnection::connect(&maintenance).await.unwrap();
        connection
            .execute(AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {}",
                quote_identifier(&name)
            )))
            .await
            .unwrap();
        assert_eq!(prepared, Ok(Prepared::Created { database: name }));
        // Known databases are left alone.
        assert_eq!(prepare_database(&admin).await, Ok(Prepared::Existing));
    }

    #[tokio::test]
    async fn a_role_that_may_not_create_it_is_told_how() {
        let Some(admin) = admin_url() else { return };
        // The tests' application role exists once any PostgreSQL test ran.
        crate::testing::fresh_postgres(&admin).await.unwrap();
        let name = format!("trellis_missing_{}", uuid::Uuid::now_v7().simple());
        let err = prepare_database(&app_url(&admin, &name))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!(
                "database \"{name}\" does not exist at 127.0.0.1:5432"
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!("role `{APP_ROLE}` may not create it")),
            "{err}"
        );
        assert!(
            err.contains(&format!("createdb -h 127.0.0.1 -p 5432 {name}")),
            "{err}"
        );
        assert!(!err.contains("line "), "{err}");
    }
}
