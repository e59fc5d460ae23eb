//! The one way the store writes and reads a tenant's data.
//!
//! A write is `store.write(tenant)`: it begins the transaction (`BEGIN
//! IMMEDIATE` on SQLite), the change runs through it, and `commit(audit)`
//! inserts the change's audit entry and commits. Dropped without a commit,
//! it rolls back, so a change never lands without its trail. Reads go
//! through `store.read(tenant)`.
//!
//! Both name their tenant to PostgreSQL, whose row-level security
//! policies admit rows by `trellis.tenant_id` (see the migration
//! `row_level_security`). A write runs in a transaction that sets it for
//! itself alone (`set_config(…, true)`, in the same round trip as its
//! BEGIN: `scoped_pg`); a read is one autocommit statement that sets it
//! first (`scoped_read`). Either way a pooled connection carries nothing
//! to its next user. SQLite has no row-level security; there the queries'
//! own `WHERE tenant_id = …` is the only wall.

use std::sync::Arc;

use async_trait::async_trait;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    EntityTrait, ExecResult, QueryFilter, QueryResult, Select, SelectExt, SqliteTransactionMode,
    Statement, TransactionOptions, TransactionTrait,
};
use trellis_kernel::{AuditEntry, DomainError, DomainResult, TenantId, UserId};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::audit;
use crate::error::internal;
use crate::principals::KeptPrincipals;
use crate::scoped_pg::ScopedPg;
use crate::scoped_read::ScopedReads;
use crate::tenancy::entity::tenant;

/// A table whose rows belong to one tenant, keyed by `(tenant_id, id)`.
pub(crate) trait TenantTable: EntityTrait {
    const TENANT_ID: Self::Column;
    const ID: Self::Column;
    /// What a missing row is called in `NotFound`.
    const NAME: &'static str;
    /// `deleted_at` of a table whose rows are soft-deleted: reads through
    /// [`scoped`] see only the rows where it is NULL.
    const DELETED_AT: Option<Self::Column> = None;
}

/// The tenant's live rows of `E`: lists and lookups never see a deleted
/// row.
pub(crate) fn scoped<E: TenantTable>(tenant: TenantId) -> Select<E> {
    let query = scoped_all::<E>(tenant);
    match E::DELETED_AT {
        Some(deleted_at) => query.filter(deleted_at.is_null()),
        None => query,
    }
}

/// The tenant's rows of `E`, deleted ones too: for restores, and for
/// maintenance that must reach rows a restore could bring back.
pub(crate) fn scoped_all<E: TenantTable>(tenant: TenantId) -> Select<E> {
    E::find().filter(E::TENANT_ID.eq(tenant.as_uuid()))
}

/// The tenant's live row of `E` with this id.
pub(crate) fn one_of<E: TenantTable>(tenant: TenantId, id: Uuid) -> Select<E> {
    scoped::<E>(tenant).filter(E::ID.eq(id))
}

/// The tenant's live rows of `E` among `ids`, converted; one query for a list's
/// relations, none for no ids.
pub(crate) async fn find_many<E: TenantTable, T>(
    db: &impl ConnectionTrait,
    tenant: TenantId,
    ids: &[Uuid],
    convert: impl Fn(E::Model) -> DomainResult<T>,
) -> DomainResult<Vec<T>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = scoped::<E>(tenant)
        .filter(E::ID.is_in(ids.iter().copied()))
        .all(db)
        .await
        .map_err(internal)?;
    rows.into_iter().map(convert).collect()
}

/// Whether the tenant has the row, live; for writes that reference one (a
/// deleted parent is as unknown as a missing one).
pub(crate) async fn exists<E: TenantTable, C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    id: Uuid,
) -> DomainResult<bool> {
    one_of::<E>(tenant, id).exists(db).await.map_err(internal)
}

/// A value naming a tenant other than the one written is a bug in the
/// caller; refuse it rather than write across tenants.
pub(crate) fn ensure_scope(scope: TenantId, named: TenantId, what: &str) -> DomainResult<()> {
    if scope == named {
        Ok(())
    } else {
        Err(DomainError::internal_msg(format!(
            "{what} names tenant {named} but is written in tenant {scope}"
        )))
    }
}

/// What a transaction tells PostgreSQL's row-level security it may see.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Scope<'a> {
    /// The tenant whose rows it reads and writes.
    pub(crate) tenant: Option<TenantId>,
    /// The user whose own memberships (in any tenant) it may read.
    pub(crate) user: Option<UserId>,
    /// The hash of the invitation token it may look an invitation up by.
    pub(crate) invitation: Option<&'a str>,
}

impl Scope<'_> {
    pub(crate) fn tenant(tenant: TenantId) -> Self {
        Self {
            tenant: Some(tenant),
            ..Self::default()
        }
    }

    /// `trellis.tenant_id`, `trellis.user_id` and `trellis.invitation`, as
    /// text; empty for none.
    pub(crate) fn settings(&self) -> [String; 3] {
        [
            self.tenant.map(|t| t.to_string()).unwrap_or_default(),
            self.user.map(|u| u.to_string()).unwrap_or_default(),
            self.invitation.unwrap_or_default().to_owned(),
        ]
    }
}

/// One write transaction. Scoped to a tenant unless it writes platform
/// tables only (users, sessions).
pub(crate) struct Write {
    txn: Txn,
    tenant: Option<TenantId>,
    /// Set by [`Write::changing_principals`]: what its commit forgets.
    principals: Option<Arc<KeptPrincipals>>,
}

/// A transaction: SeaORM's own, or on PostgreSQL one that named its scope
/// as it began.
enum Txn {
    SeaOrm(DatabaseTransaction),
    Scoped(ScopedPg),
}

impl Txn {
    async fn commit(self) -> Result<(), DbErr> {
        match self {
            Txn::SeaOrm(txn) => txn.commit().await,
            Txn::Scoped(txn) => txn.commit().await,
        }
    }
}

impl SeaOrmStore {
    /// Begins a write of the tenant's data.
    pub(crate) async fn write(&self, tenant: TenantId) -> DomainResult<Write> {
        Write::begin(self, Some(tenant)).await
    }

    /// Begins a write of platform tables, which belong to no tenant.
    pub(crate) async fn write_platform(&self) -> DomainResult<Write> {
        Write::begin(self, None).await
    }

    /// A write audited in `audit`'s tenant, or a platform write without one.
    pub(crate) async fn write_for(&self, audit: Option<&AuditEntry>) -> DomainResult<Write> {
        Write::begin(self, audit.map(|entry| entry.tenant_id)).await
    }

    /// A read of `tenant`'s data.
    pub(crate) fn read(&self, tenant: TenantId) -> TenantRead<'_> {
        self.read_in(Scope::tenant(tenant))
    }

    /// As [`Self::read`], for statements whose plan cannot depend on their
    /// values (`settled_plans`).
    pub(crate) fn read_settled(&self, tenant: TenantId) -> TenantRead<'_> {
        self.read_settled_in(Scope::tenant(tenant))
    }

    /// As [`Self::read_in`], for a statement whose plan cannot depend on
    /// its values (lookups by primary key): on PostgreSQL it runs where
    /// plans are made once (`settled_plans`).
    pub(crate) fn read_settled_in(&self, scope: Scope<'_>) -> TenantRead<'_> {
        match &self.settled {
            Some(pool) => TenantRead::Scoped(ScopedReads::new(pool, &scope, self.observer.clone())),
            None => self.read_in(scope),
        }
    }

    /// Reads in `scope`: on PostgreSQL each statement names the scope
    /// itself, in autocommit; on SQLite the pool itself.
    pub(crate) fn read_in(&self, scope: Scope<'_>) -> TenantRead<'_> {
        if self.db.get_database_backend() != DbBackend::Postgres {
            return TenantRead::Pool(&self.db);
        }
        TenantRead::Scoped(ScopedReads::new(
            self.db.get_postgres_connection_pool(),
            &scope,
            self.observer.clone(),
        ))
    }
}

impl Write {
    /// On SQLite the write lock is taken up front (`BEGIN IMMEDIATE`): a
    /// deferred transaction that reads first and writes later fails with
    /// "database is locked" under concurrency instead of waiting for the
    /// busy timeout. PostgreSQL ignores the option.
    async fn begin(store: &SeaOrmStore, tenant: Option<TenantId>) -> DomainResult<Self> {
        let db = &store.db;
        let txn = match tenant {
            Some(tenant) if db.get_database_backend() == DbBackend::Postgres => Txn::Scoped(
                ScopedPg::begin(
                    db.get_postgres_connection_pool(),
                    &Scope::tenant(tenant),
                    store.observer.clone(),
                )
                .await
                .map_err(internal)?,
            ),
            _ => {
                let options = TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..TransactionOptions::default()
                };
                Txn::SeaOrm(db.begin_with_options(options).await.map_err(internal)?)
            }
        };
        Ok(Self {
            txn,
            tenant,
            principals: None,
        })
    }

    /// Marks a write that updates or deletes sessions, users, memberships,
    /// roles or tenants: its commit forgets every caller the store kept,
    /// before the write returns (`principals`).
    pub(crate) fn changing_principals(mut self, store: &SeaOrmStore) -> Self {
        self.principals = Some(store.principals.clone());
        self
    }

    /// Commits, then forgets the kept callers if this changed them; a
    /// failed commit forgets them too, since whether it took is unknown.
    async fn end(self) -> DomainResult<()> {
        let committed = self.txn.commit().await.map_err(internal);
        if let Some(principals) = &self.principals {
            principals.forget_all();
        }
        committed
    }

    fn ensure_scope(&self, named: TenantId, what: &str) -> DomainResult<()> {
        match self.tenant {
            Some(scope) => ensure_scope(scope, named, what),
            None => Err(DomainError::internal_msg(format!(
                "{what} names tenant {named} but is written outside any tenant"
            ))),
        }
    }

    /// Locks the tenant's row until the transaction ends, which serializes
    /// concurrent membership changes of one tenant on PostgreSQL: a check
    /// made after this (the last OWNER, the member limit) cannot be raced.
    /// The update changes nothing. `false` if the tenant does not exist or
    /// is deleted.
    pub(crate) async fn lock_tenant(&self) -> DomainResult<bool> {
        let Some(scope) = self.tenant else {
            return Err(DomainError::internal_msg("no tenant to lock"));
        };
        let result = tenant::Entity::update_many()
            .col_expr(
                tenant::Column::UpdatedAt,
                Expr::col(tenant::Column::UpdatedAt),
            )
            .filter(tenant::Column::Id.eq(scope.as_uuid()))
            .filter(tenant::Column::DeletedAt.is_null())
            .exec(&self.txn)
            .await
            .map_err(internal)?;
        Ok(result.rows_affected == 1)
    }

    /// Records `audit` and commits the change with it.
    pub(crate) async fn commit(self, audit: &AuditEntry) -> DomainResult<()> {
        self.ensure_scope(audit.tenant_id, "the audit entry")?;
        audit::insert(&self.txn, audit).await?;
        self.end().await
    }

    /// Records every entry of `audits` and commits the changes with them:
    /// a batch whose each change has its own entry.
    pub(crate) async fn commit_all(self, audits: &[&AuditEntry]) -> DomainResult<()> {
        for audit in audits {
            self.ensure_scope(audit.tenant_id, "the audit entry")?;
            audit::insert(&self.txn, audit).await?;
        }
        self.end().await
    }

    /// Commits with `audit` if there is one.
    pub(crate) async fn commit_maybe(self, audit: Option<&AuditEntry>) -> DomainResult<()> {
        match audit {
            Some(audit) => self.commit(audit).await,
            None => self.commit_unaudited().await,
        }
    }

    /// Commits a change that leaves no audit entry: platform tables (a new
    /// user, a rotated refresh token) and the routing runs, which are their
    /// own record.
    pub(crate) async fn commit_unaudited(self) -> DomainResult<()> {
        self.end().await
    }
}

/// Runs a write's statements inside its transaction.
#[async_trait]
impl ConnectionTrait for Write {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }
}

/// `ConnectionTrait` for an enum of connections: each call goes to the
/// variant's own.
macro_rules! connection_of_variants {
    ($ty:ty: $($variant:path),+) => {
        #[async_trait]
        impl ConnectionTrait for $ty {
            fn get_database_backend(&self) -> DbBackend {
                match self {
                    $($variant(db) => db.get_database_backend(),)+
                }
            }

            async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
                match self {
                    $($variant(db) => db.execute_raw(stmt).await,)+
                }
            }

            async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
                match self {
                    $($variant(db) => db.execute_unprepared(sql).await,)+
                }
            }

            async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
                match self {
                    $($variant(db) => db.query_one_raw(stmt).await,)+
                }
            }

            async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
                match self {
                    $($variant(db) => db.query_all_raw(stmt).await,)+
                }
            }
        }
    };
}

connection_of_variants!(Txn: Txn::SeaOrm, Txn::Scoped);

/// Reads in one scope (see [`SeaOrmStore::read_in`]).
pub(crate) enum TenantRead<'a> {
    Pool(&'a DatabaseConnection),
    Scoped(ScopedReads<'a>),
}

connection_of_variants!(TenantRead<'_>: TenantRead::Pool, TenantRead::Scoped);
