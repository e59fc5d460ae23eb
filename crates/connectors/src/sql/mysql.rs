//! MySQL and MariaDB: each connection is made read-only and given the
//! statement time limit when it opens (the two servers name that limit
//! differently); each lookup is a read-only transaction, rolled back.

use std::net::SocketAddr;

use serde_json::Value;
use sqlx::mysql::{MySql, MySqlConnectOptions, MySqlConnection, MySqlPool, MySqlSslMode};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, Executor};
use trellis_datasources::{ConnectionOptions, TlsMode};

use super::tls::Forwarder;
use super::{pool_options, value};

/// Where and how to connect; see `postgres::connect_options`.
pub(super) fn connect_options(
    host: &str,
    addr: SocketAddr,
    tls: TlsMode,
    forwarder: Option<&Forwarder>,
) -> MySqlConnectOptions {
    let options = MySqlConnectOptions::new().port(addr.port());
    match (tls, forwarder) {
        (TlsMode::VerifyFull, Some(forwarder)) => options
            .host(host)
            .socket(forwarder.socket())
            .ssl_mode(MySqlSslMode::VerifyIdentity),
        (TlsMode::VerifyFull, None) => options
            .host(&addr.ip().to_string())
            .ssl_mode(MySqlSslMode::VerifyIdentity),
        (TlsMode::Require, _) => options
            .host(&addr.ip().to_string())
            .ssl_mode(MySqlSslMode::Required),
        (TlsMode::Disable, _) => options
            .host(&addr.ip().to_string())
            .ssl_mode(MySqlSslMode::Disabled),
    }
}

pub(super) fn pool(
    connect: MySqlConnectOptions,
    database: &str,
    username: &str,
    password: &str,
    options: &ConnectionOptions,
) -> MySqlPool {
    let mut connect = connect
        .username(username)
        .database(database)
        .charset("utf8mb4")
        .disable_statement_logging();
    if !password.is_empty() {
        connect = connect.password(password);
    }
    let timeout_ms = options.statement_timeout_ms;
    pool_options::<MySql>(options)
        .after_connect(move |conn: &mut MySqlConnection, _| {
            Box::pin(async move {
                let version: String = sqlx::query_scalar("SELECT VERSION()")
                    .fetch_one(&mut *conn)
                    .await?;
                let limit = statement_limit(&version, timeout_ms);
                conn.execute(AssertSqlSafe(limit)).await?;
                conn.execute("SET SESSION TRANSACTION READ ONLY").await?;
                Ok(())
            })
        })
        .connect_lazy_with(connect)
}

/// MariaDB's `max_statement_time` is in seconds and covers every statement;
/// MySQL's `max_execution_time` is in milliseconds and covers SELECTs.
fn statement_limit(version: &str, timeout_ms: u64) -> String {
    if version.contains("MariaDB") {
        format!(
            "SET SESSION max_statement_time = {}.{:03}",
            timeout_ms / 1000,
            timeout_ms % 1000
        )
    } else {
        format!("SET SESSION max_execution_time = {timeout_ms}")
    }
}

pub(super) const BEGIN: &str = "START TRANSACTION READ ONLY";

pub(super) async fn first_row(
    conn: &mut MySqlConnection,
    statement: &str,
    params: &[String],
) -> Result<Option<Vec<Value>>, sqlx::Error> {
    let mut tx = conn.begin_with(BEGIN).await?;
    let mut query = sqlx::query(AssertSqlSafe(statement.to_owned()));
    for param in params {
        query = query.bind(param.as_str());
    }
    let row = query.fetch_optional(&mut *tx).await?;
    // Dropping the transaction queues its ROLLBACK; the pool sends it with
    // the health check it runs before the connection is handed out again,
    // so the lookup does not wait a round trip for it.
    drop(tx);
    Ok(row.as_ref().map(value::mysql_row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_server_gets_its_own_time_limit() {
        assert_eq!(
            statement_limit("10.11.6-MariaDB-0+deb12u1", 2500),
            "SET SESSION max_statement_time = 2.500"
        );
        assert_eq!(
            statement_limit("10.11.6-MariaDB", 200),
            "SET SESSION max_statement_time = 0.200"
        );
        assert_eq!(
            statement_limit("8.0.36", 200),
            "SET SESSION max_execution_time = 200"
        );
    }
}
