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
use trellis_datasources::ConnectionOptions;

use super::{pool_options, value};

/// Returns the pool and its begin statement.
pub(super) fn pool(
    addr: SocketAddr,
    database: &str,
    username: &str,
    password: &str,
    options: &ConnectionOptions,
) -> (PgPool, Arc<str>) {
    // `new_without_pgpass`: the server's own ~/.pgpass must never be offered
    // to a tenant's host. Every field that matters is set explicitly.
    let connect = PgConnectOptions::new_without_pgpass()
        .host(&addr.ip().to_string())
        .port(addr.port())
        .username(username)
        .password(password)
        .database(database)
        .ssl_mode(PgSslMode::Prefer)
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
