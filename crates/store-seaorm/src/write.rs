//! The one way the store writes and reads a tenant's data.
//!
//! A write is `store.write(tenant)`: it begins the transaction (`BEGIN
//! IMMEDIATE` on SQLite), the change runs through it, and `commit(audit)`
//! inserts the change's audit entry and commits. Dropped without a commit,
//! it rolls back, so a change never lands without its trail. Reads go
//! through `store.read(tenant)`.
//!
//! Both name their tenant to PostgreSQL: each runs in a transaction that
//! sets `trellis.tenant_id` for itself alone (`set_config(…, true)`), which
//! the row-level security policies admit rows by (see the migration
//! `row_level_security`). A pooled connection carries nothing to its next
//! user. SQLite has no row-level security; there the queries' own `WHERE
//! tenant_id = …` is the only wall.

use async_trait::async_trait;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    EntityTrait, ExecResult, QueryFilter, QueryOrder, QueryResult, QuerySelect, Select, SelectExt,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait, Value,
};
use trellis_kernel::{AuditEntry, DomainError, DomainResult, TenantId, UserId};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::audit;
use crate::error::internal;
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

/// A table whose rows are soft-deleted: `deleted_at` says when, and
/// `deletion_id` names the audit entry of the delete that took the row, the
/// same for a parent and the children its delete cascaded to.
pub(crate) trait SoftDeleted: TenantTable {
    const DELETION_ID: Self::Column;
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

    /// Sets the scope for the rest of the transaction `db` is in. One
    /// statement on PostgreSQL; nothing on SQLite.
    async fn bind<C: ConnectionTrait>(&self, db: &C) -> DomainResult<()> {
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let text = |value: Option<String>| Value::from(value.unwrap_or_default());
        let statement = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('trellis.tenant_id', $1, true), \
             set_config('trellis.user_id', $2, true), \
             set_config('trellis.invitation', $3, true)",
            [
                text(self.tenant.map(|t| t.to_string())),
                text(self.user.map(|u| u.to_string())),
                text(self.invitation.map(str::to_owned)),
            ],
        );
        db.execute_raw(statement).await.map_err(internal)?;
        Ok(())
    }
}

/// One write transaction. Scoped to a tenant unless it writes platform
/// tables only (users, sessions).
pub(crate) struct Write {
    txn: DatabaseTransaction,
    tenant: Option<TenantId>,
}

impl SeaOrmStore {
    /// Begins a write of the tenant's data.
    pub(crate) async fn write(&self, tenant: TenantId) -> DomainResult<Write> {
        Write::begin(&self.db, Some(tenant)).await
    }

    /// Begins a write of platform tables, which belong to no tenant.
    pub(crate) async fn write_platform(&self) -> DomainResult<Write> {
        Write::begin(&self.db, None).await
    }

    /// A write audited in `audit`'s tenant, or a platform write without one.
    pub(crate) async fn write_for(&self, audit: Option<&AuditEntry>) -> DomainResult<Write> {
        Write::begin(&self.db, audit.map(|entry| entry.tenant_id)).await
    }

    /// A read of `tenant`'s data.
    pub(crate) async fn read(&self, tenant: TenantId) -> DomainResult<TenantRead<'_>> {
        self.read_in(Scope::tenant(tenant)).await
    }

    /// A read in `scope`: on PostgreSQL a transaction of its own that names
    /// the scope, rolled back when dropped (it changed nothing); on SQLite
    /// the pool itself.
    pub(crate) async fn read_in(&self, scope: Scope<'_>) -> DomainResult<TenantRead<'_>> {
        if self.db.get_database_backend() != DbBackend::Postgres {
            return Ok(TenantRead::Pool(&self.db));
        }
        let txn = self.db.begin().await.map_err(internal)?;
        scope.bind(&txn).await?;
        Ok(TenantRead::Transaction(txn))
    }

    /// The one cascade, a soft delete: locks the live parent `P` (so
    /// nothing can start referencing it meanwhile), marks it and its live
    /// children `C` (whose `parent` column names it) deleted by `audit`'s
    /// entry, and records `audit`, all in one transaction. Returns the
    /// children's ids, oldest first.
    ///
    /// # Errors
    /// `NotFound(P::NAME)` if the tenant has no such live parent.
    pub(crate) async fn delete_cascading<P: SoftDeleted, C: SoftDeleted>(
        &self,
        tenant: TenantId,
        id: Uuid,
        parent: C::Column,
        audit: &AuditEntry,
    ) -> DomainResult<Vec<Uuid>> {
        let write = self.write(tenant).await?;
        let found = one_of::<P>(tenant, id)
            .lock_exclusive()
            .exists(&write)
            .await
            .map_err(internal)?;
        if !found {
            return Err(DomainError::not_found(P::NAME));
        }
        let children = scoped::<C>(tenant)
            .filter(parent.eq(id))
            .select_only()
            .column(C::ID)
            .order_by_asc(C::ID)
            .into_tuple::<Uuid>()
            .all(&write)
            .await
            .map_err(internal)?;
        if !children.is_empty() {
            mark_deleted::<C>(&write, tenant, &children, audit).await?;
        }
        mark_deleted::<P>(&write, tenant, &[id], audit).await?;
        write.commit(audit).await?;
        Ok(children)
    }
}

fn deleted_at<E: TenantTable>() -> DomainResult<E::Column> {
    E::DELETED_AT
        .ok_or_else(|| DomainError::internal_msg(format!("{} rows are not soft-deleted", E::NAME)))
}

/// Marks the tenant's live rows `ids` of `E` deleted by `audit`'s entry;
/// returns how many it marked.
pub(crate) async fn mark_deleted<E: SoftDeleted>(
    write: &Write,
    tenant: TenantId,
    ids: &[Uuid],
    audit: &AuditEntry,
) -> DomainResult<u64> {
    let deleted_at = deleted_at::<E>()?;
    let marked = E::update_many()
        .col_expr(deleted_at, Expr::value(audit.created_at))
        .col_expr(E::DELETION_ID, Expr::value(audit.id.as_uuid()))
        .filter(E::TENANT_ID.eq(tenant.as_uuid()))
        .filter(E::ID.is_in(ids.iter().copied()))
        .filter(deleted_at.is_null())
        .exec(write)
        .await
        .map_err(internal)?;
    Ok(marked.rows_affected)
}

/// The deletion that took the tenant's row `id` of `E`, locked until the
/// restore commits.
///
/// # Errors
/// `NotFound(E::NAME)` if the tenant has no such row, live or deleted;
/// `Conflict` if it is live.
pub(crate) async fn deletion_of<E: SoftDeleted>(
    write: &Write,
    tenant: TenantId,
    id: Uuid,
) -> DomainResult<(E::Model, Uuid)> {
    let row = scoped_all::<E>(tenant)
        .filter(E::ID.eq(id))
        .lock_exclusive()
        .one(write)
        .await
        .map_err(internal)?
        .ok_or_else(|| DomainError::not_found(E::NAME))?;
    let deletion = scoped_all::<E>(tenant)
        .filter(E::ID.eq(id))
        .select_only()
        .column(E::DELETION_ID)
        .into_tuple::<Option<Uuid>>()
        .one(write)
        .await
        .map_err(internal)?
        .flatten()
        .ok_or_else(|| DomainError::conflict(format!("this {} is not deleted", E::NAME)))?;
    Ok((row, deletion))
}

/// Brings the tenant's rows `ids` of `E` back to life. A live row that took
/// a name meanwhile makes this fail with a unique violation, which the
/// caller names.
pub(crate) async fn unmark_deleted<E: SoftDeleted>(
    write: &Write,
    tenant: TenantId,
    ids: &[Uuid],
) -> Result<u64, DbErr> {
    let deleted_at = E::DELETED_AT
        .ok_or_else(|| DbErr::Custom(format!("{} rows are not soft-deleted", E::NAME)))?;
    let restored = E::update_many()
        .col_expr(
            deleted_at,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .col_expr(E::DELETION_ID, Expr::value(Option::<Uuid>::None))
        .filter(E::TENANT_ID.eq(tenant.as_uuid()))
        .filter(E::ID.is_in(ids.iter().copied()))
        .exec(write)
        .await?;
    Ok(restored.rows_affected)
}

/// Restores the children `C` that `deletion` took with their parent. A
/// child of two parents (a rule, of an intent and a datasource) comes back
/// only if its `other` parent `O` is live; otherwise it passes to the
/// deletion that took that parent, and comes back when that one is
/// restored. Returns the restored children's ids, oldest first.
pub(crate) async fn restore_children<C: SoftDeleted, O: SoftDeleted>(
    write: &Write,
    tenant: TenantId,
    deletion: Uuid,
    other: C::Column,
) -> DomainResult<Vec<Uuid>> {
    let children = scoped_all::<C>(tenant)
        .filter(C::DELETION_ID.eq(deletion))
        .select_only()
        .column(C::ID)
        .column(other)
        .order_by_asc(C::ID)
        .into_tuple::<(Uuid, Uuid)>()
        .all(write)
        .await
        .map_err(internal)?;
    if children.is_empty() {
        return Ok(Vec::new());
    }
    let mut others: Vec<Uuid> = children.iter().map(|(_, o)| *o).collect();
    others.sort_unstable();
    others.dedup();
    // Each other parent's deletion; none for a live one.
    let deletions: std::collections::HashMap<Uuid, Option<Uuid>> = scoped_all::<O>(tenant)
        .filter(O::ID.is_in(others))
        .select_only()
        .column(O::ID)
        .column(O::DELETION_ID)
        .into_tuple::<(Uuid, Option<Uuid>)>()
        .all(write)
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    let mut live = Vec::new();
    let mut passed: std::collections::BTreeMap<Uuid, Vec<Uuid>> = Default::default();
    for (child, parent) in children {
        match deletions.get(&parent).copied().flatten() {
            Some(taken_by) => passed.entry(taken_by).or_default().push(child),
            None => live.push(child),
        }
    }
    if !live.is_empty() {
        unmark_deleted::<C>(write, tenant, &live)
            .await
            .map_err(internal)?;
    }
    for (taken_by, ids) in passed {
        C::update_many()
            .col_expr(C::DELETION_ID, Expr::value(taken_by))
            .filter(C::TENANT_ID.eq(tenant.as_uuid()))
            .filter(C::ID.is_in(ids))
            .exec(write)
            .await
            .map_err(internal)?;
    }
    Ok(live)
}

impl Write {
    /// On SQLite the write lock is taken up front (`BEGIN IMMEDIATE`): a
    /// deferred transaction that reads first and writes later fails with
    /// "database is locked" under concurrency instead of waiting for the
    /// busy timeout. PostgreSQL ignores the option.
    async fn begin(db: &DatabaseConnection, tenant: Option<TenantId>) -> DomainResult<Self> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        let txn = db.begin_with_options(options).await.map_err(internal)?;
        if let Some(tenant) = tenant {
            Scope::tenant(tenant).bind(&txn).await?;
        }
        Ok(Self { txn, tenant })
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
        self.txn.commit().await.map_err(internal)
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
        self.txn.commit().await.map_err(internal)
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

/// Reads in one scope (see [`SeaOrmStore::read_in`]).
pub(crate) enum TenantRead<'a> {
    Pool(&'a DatabaseConnection),
    Transaction(DatabaseTransaction),
}

#[async_trait]
impl ConnectionTrait for TenantRead<'_> {
    fn get_database_backend(&self) -> DbBackend {
        match self {
            TenantRead::Pool(db) => db.get_database_backend(),
            TenantRead::Transaction(txn) => txn.get_database_backend(),
        }
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        match self {
            TenantRead::Pool(db) => db.execute_raw(stmt).await,
            TenantRead::Transaction(txn) => txn.execute_raw(stmt).await,
        }
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        match self {
            TenantRead::Pool(db) => db.execute_unprepared(sql).await,
            TenantRead::Transaction(txn) => txn.execute_unprepared(sql).await,
        }
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match self {
            TenantRead::Pool(db) => db.query_one_raw(stmt).await,
            TenantRead::Transaction(txn) => txn.query_one_raw(stmt).await,
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match self {
            TenantRead::Pool(db) => db.query_all_raw(stmt).await,
            TenantRead::Transaction(txn) => txn.query_all_raw(stmt).await,
        }
    }
}
