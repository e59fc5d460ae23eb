//! PostgreSQL: each lookup is one read-only transaction whose statement
//! timeout is set with `SET LOCAL`, rolled back at the end, so whatever the
//! statement does to the session (`set_config`, say) is undone too.
//! Two round trips: begin + timeout in one simple query, then the prepared
//! statement (cached per connection); the rollback travels afterwards.

use std::net::SocketAddr;
use std::sync::Arc;

use serde_json::Value;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgSslMode, Postgres};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, Executor};
use trellis_datasources::{ConnectionOptions, TlsMode};

use super::tls::Forwarder;
use super::{pool_options, value};

/// Returns the pool and its begin statement.
pub(super) fn pool(
    connect: PgConnectOptions,
    database: &str,
    username: &str,
    password: &str,
    options: &ConnectionOptions,
) -> (PgPool, Arc<str>) {
    // Every field that matters is set explicitly.
    let connect = connect
        .username(username)
        .password(password)
        .database(database)
        .application_name("trellis")
        // Poolers such as PgBouncer reject startup parameters they do not
        // know, so none beyond the standard ones are sent; read-only is set
        // right after connecting instead.
        .extra_float_digits(None)
        .disable_statement_logging();
    let pool = pool_options::<Postgres>(options)
        .after_connect(|conn: &mut PgConnection, _| {
            Box::pin(async move {
                // Defence in depth: even a statement run outside our
                // read-only transaction cannot write.
                conn.execute("SET default_transaction_read_only = on")
                    .await?;
                Ok(())
            })
        })
        .connect_lazy_with(connect);
    let begin = format!(
        "BEGIN READ ONLY; SET LOCAL statement_timeout = {}",
        options.statement_timeout_ms
    );
    (pool, begin.into())
}

/// Where and how to connect: to the approved address itself for DISABLE and
/// REQUIRE; for VERIFY_FULL through the forwarder's socket, with the host
/// name for the certificate check.
pub(super) fn connect_options(
    host: &str,
    addr: SocketAddr,
    tls: TlsMode,
    forwarder: Option<&Forwarder>,
) -> PgConnectOptions {
    // `new_without_pgpass`: the server's own ~/.pgpass must never be offered
    // to a tenant's host.
    let options = PgConnectOptions::new_without_pgpass().port(addr.port());
    match (tls, forwarder) {
        (TlsMode::VerifyFull, Some(forwarder)) => options
            .host(host)
            .socket(forwarder.dir())
            .ssl_mode(PgSslMode::VerifyFull),
        // Without a forwarder the certificate is checked against the IP.
        (TlsMode::VerifyFull, None) => options
            .host(&addr.ip().to_string())
            .ssl_mode(PgSslMode::VerifyFull),
        (TlsMode::Require, _) => options
            .host(&addr.ip().to_string())
            .ssl_mode(PgSslMode::Require),
        (TlsMode::Disable, _) => options
            .host(&addr.ip().to_string())
            .ssl_mode(PgSslMode::Disable),
    }
}

pub(super) async fn first_row(
    conn: &mut PgConnection,
    begin: &Arc<str>,
    statement: &str,
    params: &[String],
) -> Result<Option<Vec<Value>>, sqlx::Error> {
    // `begin` is our own text with one integer in it.
    let mut tx = conn.begin_with(AssertSqlSafe(begin.clone())).await?;
    // The statement was validated as a single SELECT; the email's values
    // are bound parameters, never part of the text.
    let mut query = sqlx::query(AssertSqlSafe(statement.to_owned()));
    for param in params {
        query = query.bind(param.as_str());
    }
    let row = query.fetch_optional(&mut *tx).await?;
    // Dropping the transaction queues its ROLLBACK; the pool sends it with
    // the health check it runs before the connection is handed out again,
    // so the lookup does not wait a round trip for it.
    drop(tx);
    Ok(row.as_ref().map(value::pg_row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn verify_full_checks_the_host_name_over_the_approved_address() {
        let approved: SocketAddr = "203.0.113.7:6543".parse().unwrap();
        let forwarder = Forwarder::start(approved).unwrap();
        let options = connect_options(
            "db.example.com",
            approved,
            TlsMode::VerifyFull,
            Some(&forwarder),
        );
        // The name is what the certificate is checked against...
        assert_eq!(options.get_host(), "db.example.com");
        assert!(matches!(options.get_ssl_mode(), PgSslMode::VerifyFull));
        // ...while the connection goes to the forwarder, which dials the
        // approved address, never the name.
        assert_eq!(options.get_socket(), Some(&forwarder.dir().to_path_buf()));
        assert_eq!(
            forwarder.socket(),
            forwarder
                .dir()
                .join(format!(".s.PGSQL.{}", options.get_port()))
        );
        for (mode, expected) in [(TlsMode::Require, "Require"), (TlsMode::Disable, "Disable")] {
            let options = connect_options("db.example.com", approved, mode, None);
            assert_eq!(options.get_host(), "203.0.113.7");
            assert_eq!(options.get_port(), 6543);
            assert_eq!(options.get_socket(), None);
            assert_eq!(format!("{:?}", options.get_ssl_mode()), expected);
        }
    }
}
