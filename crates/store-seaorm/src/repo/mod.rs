//! One module per port. Helpers shared by the writes live here.

mod audit;
mod datasource_configs;
mod datasources;
mod intents;
mod invitations;
mod memberships;
mod roles;
mod routing_runs;
mod rules;
mod sessions;
mod tenants;
mod users;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use trellis_kernel::{DomainError, DomainResult, TenantId};
use trellis_tenancy::AuditEntry;

use crate::convert;
use crate::entity::{audit_log, tenant};
use crate::error::internal;

/// Starts a write transaction. On SQLite it takes the write lock up front
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes
/// later fails with "database is locked" under concurrency instead of
/// waiting for the busy timeout. PostgreSQL ignores the option.
pub(crate) async fn begin_write(db: &DatabaseConnection) -> DomainResult<DatabaseTransaction> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    db.begin_with_options(options).await.map_err(internal)
}

/// Locks the tenant's row until the transaction ends, which serializes
/// concurrent membership changes of one tenant on PostgreSQL: a check made
/// after this (the last OWNER, the member limit) cannot be raced. The update
/// changes nothing. Returns `false` if the tenant does not exist or is deleted.
pub(crate) async fn lock_tenant(txn: &DatabaseTransaction, tenant: TenantId) -> DomainResult<bool> {
    let result = tenant::Entity::update_many()
        .col_expr(
            tenant::Column::UpdatedAt,
            Expr::col(tenant::Column::UpdatedAt),
        )
        .filter(tenant::Column::Id.eq(tenant.as_uuid()))
        .filter(tenant::Column::DeletedAt.is_null())
        .exec(txn)
        .await
        .map_err(internal)?;
    Ok(result.rows_affected == 1)
}

pub(crate) async fn insert_audit<C: ConnectionTrait>(
    db: &C,
    entry: &AuditEntry,
) -> DomainResult<()> {
    audit_log::Entity::insert(convert::audit_model(entry))
        .exec_without_returning(db)
        .await
        .map_err(internal)?;
    Ok(())
}

/// A value that names a tenant other than the scope it is written in is a
/// bug in the caller; refuse it rather than write across tenants.
pub(crate) fn ensure_scope(scope: TenantId, named: TenantId, what: &str) -> DomainResult<()> {
    if scope == named {
        Ok(())
    } else {
        Err(DomainError::internal_msg(format!(
            "{what} names tenant {named} but is written in tenant {scope}"
        )))
    }
}
