//! Soft delete, through the one write helper: a delete marks rows, with
//! the audit entry of the delete that took them, and a restore brings back
//! what one delete took. Reads never see a marked row (`write::scoped`).

use std::collections::{BTreeMap, HashMap};

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbErr, QueryFilter, QueryOrder, QuerySelect, SelectExt};
use trellis_kernel::{AuditEntry, DomainError, DomainResult, TenantId};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::internal;
use crate::write::{TenantTable, Write, one_of, scoped, scoped_all};

/// A table whose rows are soft-deleted: `deleted_at` says when, and
/// `deletion_id` names the audit entry of the delete that took the row, the
/// same for a parent and the children its delete cascaded to.
pub(crate) trait SoftDeleted: TenantTable {
    const DELETION_ID: Self::Column;
}

impl SeaOrmStore {
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

/// Writes the columns `model` sets to the tenant's live row `id` of `E`;
/// `refused` says what a refusal of the database (a taken name, a missing
/// reference) means.
///
/// # Errors
/// `NotFound(E::NAME)` if the tenant has no such live row.
pub(crate) async fn update_live<E: SoftDeleted>(
    write: &Write,
    tenant: TenantId,
    id: Uuid,
    model: E::ActiveModel,
    refused: impl FnOnce(DbErr) -> DomainError,
) -> DomainResult<()> {
    let deleted_at = deleted_at::<E>()?;
    let updated = E::update_many()
        .set(model)
        .filter(E::TENANT_ID.eq(tenant.as_uuid()))
        .filter(E::ID.eq(id))
        .filter(deleted_at.is_null())
        .exec(write)
        .await
        .map_err(refused)?;
    if updated.rows_affected == 0 {
        return Err(DomainError::not_found(E::NAME));
    }
    Ok(())
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
    let deletions: HashMap<Uuid, Option<Uuid>> = scoped_all::<O>(tenant)
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
    let mut passed: BTreeMap<Uuid, Vec<Uuid>> = Default::default();
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
