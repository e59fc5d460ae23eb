//! PostgreSQL transactions that name their row-level-security scope in the
//! same round trip as their `BEGIN`.
//!
//! SeaORM begins a transaction with a bare `BEGIN` and the scope would take
//! a second round trip (`SELECT set_config(…)`), which on a short read is
//! most of its cost. Here the transaction begins with one simple-protocol
//! query, `BEGIN; SELECT set_config(…, true), …`, and the statements then
//! run on that connection through sqlx exactly as SeaORM runs them.
//! Dropped uncommitted, sqlx queues the `ROLLBACK` on the connection and
//! sends it with the connection's next query, so a read pays no round trip
//! to end.

use std::sync::Arc;

use async_trait::async_trait;
use sea_orm::sea_query::Values;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr, Statement};
use sea_query_sqlx::SqlxValues;
use sqlx::{AssertSqlSafe, PgPool, Postgres, Transaction};
use tokio::sync::Mutex;

use crate::write::Scope;

/// Called with the SQL of every statement the store sends through its own
/// transactions and reads (a scoped transaction's `BEGIN` too), as
/// SeaORM's metric callback is for its own.
pub type StatementObserver = Arc<dyn Fn(&str) + Send + Sync>;

/// One scoped PostgreSQL transaction.
pub(crate) struct ScopedPg {
    txn: Mutex<Transaction<'static, Postgres>>,
    observer: Option<StatementObserver>,
}

impl ScopedPg {
    pub(crate) async fn begin(
        pool: &PgPool,
        scope: &Scope<'_>,
        observer: Option<StatementObserver>,
    ) -> Result<Self, DbErr> {
        let begin = begin_sql(scope)?;
        if let Some(observer) = &observer {
            observer(&begin);
        }
        let txn = pool
            .begin_with(AssertSqlSafe(begin))
            .await
            .map_err(|err| DbErr::Conn(RuntimeErr::SqlxError(Arc::new(err))))?;
        Ok(Self {
            txn: Mutex::new(txn),
            observer,
        })
    }

    pub(crate) async fn commit(self) -> Result<(), DbErr> {
        self.txn.into_inner().commit().await.map_err(exec_err)
    }

    fn observe(&self, sql: &str) {
        if let Some(observer) = &self.observer {
            observer(sql);
        }
    }
}

/// `BEGIN` and the scope as one simple-protocol query. The simple protocol
/// has no parameters, so the values are written as literals; each is a UUID
/// or a hex digest, checked here, so nothing can escape the quotes.
fn begin_sql(scope: &Scope<'_>) -> Result<String, DbErr> {
    let [tenant, user, invitation] = scope.settings();
    if !invitation.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(DbErr::Custom(
            "an invitation scope must be a hex digest".to_owned(),
        ));
    }
    Ok(format!(
        "BEGIN; SELECT set_config('trellis.tenant_id', '{tenant}', true), \
         set_config('trellis.user_id', '{user}', true), \
         set_config('trellis.invitation', '{invitation}', true)"
    ))
}

pub(crate) fn query(stmt: &Statement) -> sqlx::query::Query<'_, Postgres, SqlxValues> {
    let values = stmt.values.clone().unwrap_or(Values(Vec::new()));
    sqlx::query_with(AssertSqlSafe(stmt.sql.as_str()), SqlxValues(values))
}

fn exec_err(err: sqlx::Error) -> DbErr {
    DbErr::Exec(RuntimeErr::SqlxError(Arc::new(err)))
}

pub(crate) fn query_err(err: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(Arc::new(err)))
}

#[async_trait]
impl ConnectionTrait for ScopedPg {
    fn get_database_backend(&self) -> DbBackend {
        DbBackend::Postgres
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.observe(&stmt.sql);
        let mut txn = self.txn.lock().await;
        query(&stmt)
            .execute(&mut **txn)
            .await
            .map(Into::into)
            .map_err(exec_err)
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.observe(sql);
        let mut txn = self.txn.lock().await;
        sqlx::raw_sql(AssertSqlSafe(sql))
            .execute(&mut **txn)
            .await
            .map(Into::into)
            .map_err(exec_err)
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.observe(&stmt.sql);
        let mut txn = self.txn.lock().await;
        query(&stmt)
            .fetch_optional(&mut **txn)
            .await
            .map(|row| row.map(Into::into))
            .map_err(query_err)
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.observe(&stmt.sql);
        let mut txn = self.txn.lock().await;
        query(&stmt)
            .fetch_all(&mut **txn)
            .await
            .map(|rows| rows.into_iter().map(Into::into).collect())
            .map_err(query_err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trellis_kernel::{TenantId, UserId};

    #[test]
    fn the_scope_is_written_as_literals_of_uuids_and_digests() {
        let tenant = TenantId::from_uuid(uuid::Uuid::nil());
        let user = UserId::from_uuid(uuid::Uuid::max());
        let sql = begin_sql(&Scope {
            tenant: Some(tenant),
            user: Some(user),
            invitation: Some("00ff"),
        })
        .unwrap();
        assert_eq!(
            sql,
            "BEGIN; SELECT set_config('trellis.tenant_id', '00000000-0000-0000-0000-000000000000', true), \
             set_config('trellis.user_id', 'ffffffff-ffff-ffff-ffff-ffffffffffff', true), \
             set_config('trellis.invitation', '00ff', true)"
        );
    }

    #[test]
    fn an_invitation_scope_that_is_not_a_digest_is_refused() {
        let refused = begin_sql(&Scope {
            invitation: Some("x'); DROP TABLE users; --"),
            ..Scope::default()
        });
        assert!(matches!(refused, Err(DbErr::Custom(_))));
    }
}
