//! PostgreSQL reads that name their row-level-security scope inside the
//! statement itself: one round trip, no transaction.
//!
//! A scope set by a statement of its own needs a transaction around the
//! two, and so a round trip for `BEGIN` and the scope before every read;
//! on a short read that is most of its cost. Here each read statement is
//! wrapped so that it sets the scope first:
//!
//! ```sql
//! WITH trellis_scope AS MATERIALIZED (SELECT set_config(…, true) AS tenant_id, …)
//! SELECT trellis_read.* FROM trellis_scope CROSS JOIN LATERAL (
//!     SELECT * FROM (<the read>) AS trellis_inner
//!     WHERE trellis_scope.tenant_id IS NOT NULL OFFSET 0) AS trellis_read
//! ```
//!
//! The settings are transaction-local and the statement runs in autocommit,
//! so they end with it: a pooled connection carries nothing to its next
//! user. The read is a lateral subquery that depends on the scope's output
//! and that `OFFSET 0` keeps the planner from flattening, so it runs only
//! after the scope is set, once for the scope's single row (which keeps its
//! order). Were it ever run first, the policies would admit no row: it
//! fails closed, never open.

use async_trait::async_trait;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, ExecResult, QueryResult, Statement, Value};
use sqlx::PgPool;

use crate::scoped_pg::{StatementObserver, query, query_err};
use crate::write::Scope;

/// Reads in one scope, each statement on whichever pooled connection is
/// free.
pub(crate) struct ScopedReads<'a> {
    pool: &'a PgPool,
    /// See [`Scope::settings`].
    settings: [String; 3],
    observer: Option<StatementObserver>,
}

impl<'a> ScopedReads<'a> {
    pub(crate) fn new(
        pool: &'a PgPool,
        scope: &Scope<'_>,
        observer: Option<StatementObserver>,
    ) -> Self {
        Self {
            pool,
            settings: scope.settings(),
            observer,
        }
    }

    /// [`scoped`] with this scope, reported to the observer.
    fn scoped(&self, stmt: &Statement) -> Result<Statement, DbErr> {
        let scoped = scoped(&self.settings, stmt)?;
        if let Some(observer) = &self.observer {
            observer(&scoped.sql);
        }
        Ok(scoped)
    }
}

/// `stmt` wrapped to set `settings` first; they are bound after the
/// statement's own values.
fn scoped(settings: &[String; 3], stmt: &Statement) -> Result<Statement, DbErr> {
    let read = stmt.sql.trim_end().trim_end_matches(';');
    if !starts_with_keyword(read, "SELECT") && !starts_with_keyword(read, "WITH") {
        return Err(DbErr::Custom(format!(
            "a scoped read runs queries only, not `{}`",
            read.split_whitespace().next().unwrap_or_default()
        )));
    }
    let mut values = stmt
        .values
        .as_ref()
        .map(|v| v.0.clone())
        .unwrap_or_default();
    let first = values.len() + 1;
    values.extend(settings.iter().cloned().map(Value::from));
    let sql = format!(
        "WITH trellis_scope AS MATERIALIZED (SELECT \
             set_config('trellis.tenant_id', ${first}, true) AS tenant_id, \
             set_config('trellis.user_id', ${}, true) AS user_id, \
             set_config('trellis.invitation', ${}, true) AS invitation) \
             SELECT trellis_read.* FROM trellis_scope CROSS JOIN LATERAL (\
             SELECT * FROM ({read}) AS trellis_inner \
             WHERE trellis_scope.tenant_id IS NOT NULL OFFSET 0) AS trellis_read",
        first + 1,
        first + 2,
    );
    Ok(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        values,
    ))
}

fn starts_with_keyword(sql: &str, keyword: &str) -> bool {
    sql.trim_start()
        .get(..keyword.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(keyword))
}

fn refused_write() -> DbErr {
    DbErr::Custom("a scoped read cannot write; begin a write instead".to_owned())
}

#[async_trait]
impl ConnectionTrait for ScopedReads<'_> {
    fn get_database_backend(&self) -> DbBackend {
        DbBackend::Postgres
    }

    async fn execute_raw(&self, _stmt: Statement) -> Result<ExecResult, DbErr> {
        Err(refused_write())
    }

    async fn execute_unprepared(&self, _sql: &str) -> Result<ExecResult, DbErr> {
        Err(refused_write())
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let scoped = self.scoped(&stmt)?;
        query(&scoped)
            .fetch_optional(self.pool)
            .await
            .map(|row| row.map(Into::into))
            .map_err(query_err)
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let scoped = self.scoped(&stmt)?;
        query(&scoped)
            .fetch_all(self.pool)
            .await
            .map(|rows| rows.into_iter().map(Into::into).collect())
            .map_err(query_err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trellis_kernel::TenantId;

    fn settings(tenant: Option<TenantId>) -> [String; 3] {
        Scope {
            tenant,
            ..Scope::default()
        }
        .settings()
    }

    #[test]
    fn the_scope_is_bound_after_the_statements_own_values() {
        let tenant = TenantId::from_uuid(uuid::Uuid::nil());
        let stmt = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT id FROM intents WHERE tenant_id = $1 AND name = $2",
            [Value::from(tenant.as_uuid()), Value::from("Billing")],
        );
        let Statement { sql, values, .. } = scoped(&settings(Some(tenant)), &stmt).unwrap();
        let values = values.expect("values");
        assert!(
            sql.contains("set_config('trellis.tenant_id', $3, true)"),
            "{sql}"
        );
        assert!(
            sql.contains("set_config('trellis.invitation', $5, true)"),
            "{sql}"
        );
        assert!(
            sql.contains("(SELECT id FROM intents WHERE tenant_id = $1 AND name = $2)"),
            "{sql}"
        );
        assert_eq!(values.0.len(), 5);
        assert_eq!(values.0[2], Value::from(tenant.to_string()));
        assert_eq!(values.0[3], Value::from(String::new()));
    }

    #[test]
    fn a_scoped_read_refuses_anything_but_a_query() {
        for sql in [
            "DELETE FROM intents",
            "UPDATE intents SET name = 'x'",
            "SET ROLE postgres",
        ] {
            let stmt = Statement::from_string(DbBackend::Postgres, sql);
            assert!(
                matches!(scoped(&settings(None), &stmt), Err(DbErr::Custom(_))),
                "{sql} was let through"
            );
        }
        let query = Statement::from_string(DbBackend::Postgres, " select 1;");
        assert!(scoped(&settings(None), &query).is_ok());
    }
}
