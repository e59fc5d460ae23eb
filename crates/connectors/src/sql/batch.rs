//! Several lookups on one SQL config in one read-only transaction: an
//! email's rules against the same database cost one BEGIN and one ROLLBACK
//! rather than one of each per rule. Each statement keeps its own timeout,
//! and a failing statement fails only its own answer.

use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::{AssertSqlSafe, Connection};
use trellis_datasources::LookupError;

use super::{Kind, SqlPool, mysql, sqlite, value};
use crate::error::timed_out;

/// One statement's answer and how long it took.
pub type RowAnswer = (Result<Option<Vec<Value>>, LookupError>, Duration);

/// Runs `queries` in order inside transactions begun by `$begin` on `$conn`,
/// converting rows with `$row`. After a failed statement the transaction is
/// rolled back and a fresh one begun, since PostgreSQL refuses anything more
/// in an aborted one. A statement that outlives the budget costs the
/// connection, and the statements after it are not run.
macro_rules! run_in_transactions {
    ($self:ident, $conn:ident, $begin:expr, $row:path, $queries:ident) => {{
        let mut answers: Vec<RowAnswer> = Vec::with_capacity($queries.len());
        let mut lost = false;
        while answers.len() < $queries.len() && !lost {
            let started = Instant::now();
            let mut tx = match $conn.begin_with($begin).await {
                Ok(tx) => tx,
                Err(err) => {
                    answers.push((Err($self.query_error(err)), started.elapsed()));
                    continue;
                }
            };
            let mut first = true;
            while let Some((statement, params)) = $queries.get(answers.len()) {
                let started = if first { started } else { Instant::now() };
                first = false;
                let mut query = sqlx::query(AssertSqlSafe(statement.to_string()));
                for param in params.iter() {
                    query = query.bind(param.as_str());
                }
                let outcome =
                    tokio::time::timeout($self.budget(), query.fetch_optional(&mut *tx)).await;
                match outcome {
                    Ok(Ok(row)) => answers.push((Ok(row.as_ref().map($row)), started.elapsed())),
                    Ok(Err(err)) => {
                        answers.push((Err($self.query_error(err)), started.elapsed()));
                        break;
                    }
                    Err(_) => {
                        answers.push((Err(timed_out($self.statement_timeout)), started.elapsed()));
                        lost = true;
                        break;
                    }
                }
            }
            // Dropping the transaction queues its ROLLBACK (see `postgres`).
            drop(tx);
        }
        if lost {
            // The server may still be busy with the statement.
            $conn.close_on_drop();
        }
        answers
    }};
}

impl SqlPool {
    /// The first row of each of `queries`, in order.
    pub async fn first_rows(&self, queries: &[(&str, &[String])]) -> Vec<RowAnswer> {
        let mut answers = match &self.kind {
            Kind::Postgres { pool, begin } => match self.acquire(pool).await {
                Ok(mut conn) => {
                    run_in_transactions!(
                        self,
                        conn,
                        AssertSqlSafe(begin.clone()),
                        value::pg_row,
                        queries
                    )
                }
                Err(err) => vec![(Err(err), Duration::ZERO)],
            },
            Kind::MySql(pool) => match self.acquire(pool).await {
                Ok(mut conn) => {
                    run_in_transactions!(self, conn, mysql::BEGIN, value::mysql_row, queries)
                }
                Err(err) => vec![(Err(err), Duration::ZERO)],
            },
            Kind::Sqlite(pool) => match self.acquire(pool).await {
                Ok(mut conn) => {
                    let mut answers = Vec::with_capacity(queries.len());
                    for (statement, params) in queries {
                        let started = Instant::now();
                        let deadline = started + self.statement_timeout;
                        let run = sqlite::first_row(&mut conn, statement, params, deadline);
                        let outcome = tokio::time::timeout(self.budget(), run).await;
                        answers.push((self.finish(outcome, &mut conn), started.elapsed()));
                    }
                    answers
                }
                Err(err) => vec![(Err(err), Duration::ZERO)],
            },
        };
        // Whatever was not run (no connection, or a lost one) shares the
        // last failure, so every lookup gets an answer.
        while answers.len() < queries.len() {
            let last = answers
                .last()
                .and_then(|(result, _)| result.as_ref().err().cloned())
                .unwrap_or_else(|| timed_out(self.statement_timeout));
            answers.push((Err(last), Duration::ZERO));
        }
        answers
    }
}
