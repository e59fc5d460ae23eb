//! The purge port: deleted items removed for good, one tenant and one
//! batch of whole deletions at a time, every statement set-based.
//!
//! A batch runs in one write of its tenant, so on PostgreSQL it is held by
//! the same row-level security as every other write. It takes the next
//! deletions by id (a deletion id is the time-ordered id of the delete's
//! audit entry), locks their items so that no restore can take them back
//! halfway, drops the deletions still parent to an item outside the batch,
//! and removes the rest child tables first: history changes, history
//! entries, assignees, tags, comments, search documents, attachments
//! (their ids and sizes returned for the files to go next) and the items.

use async_trait::async_trait;
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, JoinType, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{AuditEntryId, DomainError, DomainResult, TenantId};
use trellis_work::AttachmentId;
use trellis_work::purge::{
    PurgeAudit, PurgeRepository, PurgeRequest, PurgedAttachment, PurgedBatch,
};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::internal;
use crate::row::Columns;
use crate::tenancy::entity::tenant;
use crate::work::entity::item::{self, Column as I};
use crate::work::entity::{
    activity, activity_change, attachment, comment, item_assignee, item_tag,
};
use crate::write::{Write, ensure_scope, scoped_all};

/// Kept by the migration's triggers; no entity of its own.
const SEARCH_DOCUMENTS: &str = "work_item_search";

#[async_trait]
impl PurgeRepository for SeaOrmStore {
    /// The tenants table belongs to no tenant (no row-level security), so
    /// it is read on the pool as it is.
    #[tracing::instrument(skip_all)]
    async fn tenants(&self, after: Option<TenantId>, limit: u64) -> DomainResult<Vec<TenantId>> {
        let mut query = tenant::Entity::find()
            .select_only()
            .column(tenant::Column::Id)
            .order_by_asc(tenant::Column::Id)
            .limit(limit);
        if let Some(after) = after {
            query = query.filter(tenant::Column::Id.gt(after.as_uuid()));
        }
        let ids = query
            .into_tuple::<Uuid>()
            .all(&self.db)
            .await
            .map_err(internal)?;
        Ok(ids.into_iter().map(TenantId::from_uuid).collect())
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn purge_batch(
        &self,
        tenant: TenantId,
        request: &PurgeRequest,
        audit: &PurgeAudit,
    ) -> DomainResult<PurgedBatch> {
        ensure_scope(tenant, audit.tenant(), "the purge's audit entry")?;
        let txn = self.write(tenant).await?;
        let mut deletions = next_deletions(&txn, tenant, request).await?;
        let Some(last) = deletions.last().copied().map(AuditEntryId::from_uuid) else {
            return Ok(PurgedBatch::default());
        };
        let locked = lock_items(&txn, tenant, request, &deletions).await?;
        deletions.retain(|deletion| locked.binary_search(deletion).is_ok());
        loop {
            let blocked = still_parents(&txn, tenant, request, &deletions).await?;
            if blocked.is_empty() {
                break;
            }
            tracing::info!(
                %tenant,
                deletions = blocked.len(),
                "deletions skipped: their items are still parents of items outside them"
            );
            deletions.retain(|deletion| !blocked.contains(deletion));
        }
        if deletions.is_empty() {
            // Dropped uncommitted: the locks go, nothing changed.
            return Ok(PurgedBatch {
                last: Some(last),
                ..PurgedBatch::default()
            });
        }
        let mut batch = remove(&txn, tenant, &doomed(tenant, request, &deletions)).await?;
        batch.deletions = deletions.into_iter().map(AuditEntryId::from_uuid).collect();
        batch.last = Some(last);
        txn.commit(&audit.of(&batch)).await?;
        Ok(batch)
    }
}

/// The next deletions after the request's cursor whose every item was
/// deleted before the cutoff, in id order, enough of them for about
/// `max_items` items (at least one, however large).
async fn next_deletions(
    txn: &Write,
    tenant: TenantId,
    request: &PurgeRequest,
) -> DomainResult<Vec<Uuid>> {
    let mut query = scoped_all::<item::Entity>(tenant)
        .select_only()
        .column(I::DeletionId)
        .column_as(Expr::col((item::Entity, I::Id)).count(), "items")
        .filter(I::DeletionId.is_not_null());
    if let Some(after) = request.after {
        query = query.filter(I::DeletionId.gt(after.as_uuid()));
    }
    let sizes = query
        .group_by(I::DeletionId)
        .having(
            Expr::col((item::Entity, I::DeletedAt))
                .max()
                .lt(request.deleted_before),
        )
        .order_by_asc(I::DeletionId)
        .limit(Ord::max(request.max_items, 1))
        .into_tuple::<(Uuid, i64)>()
        .all(txn)
        .await
        .map_err(internal)?;
    let mut taken = Vec::new();
    let mut items = 0;
    for (deletion, size) in sizes {
        if items >= request.max_items && !taken.is_empty() {
            break;
        }
        taken.push(deletion);
        items += u64::try_from(size).unwrap_or(0);
    }
    Ok(taken)
}

/// The ids of the items `deletions` took that are still deleted before
/// the cutoff: what the batch removes.
fn doomed(tenant: TenantId, request: &PurgeRequest, deletions: &[Uuid]) -> SelectStatement {
    Query::select()
        .column((item::Entity, I::Id))
        .from(item::Entity)
        .and_where(Expr::col((item::Entity, I::TenantId)).eq(tenant.as_uuid()))
        .and_where(Expr::col((item::Entity, I::DeletionId)).is_in(deletions.iter().copied()))
        .and_where(Expr::col((item::Entity, I::DeletedAt)).lt(request.deleted_before))
        .to_owned()
}

/// Locks the items of `deletions` until the batch commits (a restore locks
/// them too, so it waits, then finds them gone); returns the deletions
/// that still have items to remove. SQLite's write is locked whole
/// already.
async fn lock_items(
    txn: &Write,
    tenant: TenantId,
    request: &PurgeRequest,
    deletions: &[Uuid],
) -> DomainResult<Vec<Uuid>> {
    let mut found = scoped_all::<item::Entity>(tenant)
        .filter(I::DeletionId.is_in(deletions.iter().copied()))
        .filter(I::DeletedAt.lt(request.deleted_before))
        .select_only()
        .column(I::DeletionId)
        .lock_exclusive()
        .into_tuple::<Uuid>()
        .all(txn)
        .await
        .map_err(internal)?;
    found.sort_unstable();
    found.dedup();
    Ok(found)
}

/// Those of `deletions` with an item that is the parent of an item the
/// batch does not remove: live, deleted after the cutoff, or taken by
/// another deletion. The parent key never cascades, so removing such an
/// item would fail the batch.
async fn still_parents(
    txn: &Write,
    tenant: TenantId,
    request: &PurgeRequest,
    deletions: &[Uuid],
) -> DomainResult<Vec<Uuid>> {
    if deletions.is_empty() {
        return Ok(Vec::new());
    }
    let (parent, child) = (Alias::new("parent"), Alias::new("child"));
    let outside = Condition::any()
        .add(Expr::col((child.clone(), I::DeletedAt)).is_null())
        .add(Expr::col((child.clone(), I::DeletedAt)).gte(request.deleted_before))
        .add(Expr::col((child.clone(), I::DeletionId)).is_null())
        .add(Expr::col((child.clone(), I::DeletionId)).is_not_in(deletions.iter().copied()));
    let query = Query::select()
        .distinct()
        .column((parent.clone(), I::DeletionId))
        .from_as(item::Entity, parent.clone())
        .join_as(
            JoinType::InnerJoin,
            item::Entity,
            child.clone(),
            Expr::col((child.clone(), I::TenantId))
                .equals((parent.clone(), I::TenantId))
                .and(Expr::col((child.clone(), I::ParentId)).equals((parent.clone(), I::Id))),
        )
        .cond_where(
            Condition::all()
                .add(Expr::col((parent.clone(), I::TenantId)).eq(tenant.as_uuid()))
                .add(Expr::col((parent.clone(), I::DeletionId)).is_in(deletions.iter().copied()))
                .add(Expr::col((parent, I::DeletedAt)).lt(request.deleted_before))
                .add(outside),
        )
        .to_owned();
    let rows = txn.query_all(&query).await.map_err(internal)?;
    rows.iter().map(|row| Columns::new(row).take()).collect()
}

/// Removes the `doomed` items and every row that hangs off them, children
/// first; returns the counts and the attachments whose files go next.
async fn remove(
    txn: &Write,
    tenant: TenantId,
    doomed: &SelectStatement,
) -> DomainResult<PurgedBatch> {
    let scope = tenant.as_uuid();
    let entries = Query::select()
        .column((activity::Entity, activity::Column::Id))
        .from(activity::Entity)
        .and_where(Expr::col((activity::Entity, activity::Column::TenantId)).eq(scope))
        .and_where(
            Expr::col((activity::Entity, activity::Column::ItemId)).in_subquery(doomed.clone()),
        )
        .to_owned();
    activity_change::Entity::delete_many()
        .filter(activity_change::Column::TenantId.eq(scope))
        .filter(activity_change::Column::ActivityId.in_subquery(entries))
        .exec(txn)
        .await
        .map_err(internal)?;
    activity::Entity::delete_many()
        .filter(activity::Column::TenantId.eq(scope))
        .filter(activity::Column::ItemId.in_subquery(doomed.clone()))
        .exec(txn)
        .await
        .map_err(internal)?;
    item_assignee::Entity::delete_many()
        .filter(item_assignee::Column::TenantId.eq(scope))
        .filter(item_assignee::Column::ItemId.in_subquery(doomed.clone()))
        .exec(txn)
        .await
        .map_err(internal)?;
    item_tag::Entity::delete_many()
        .filter(item_tag::Column::TenantId.eq(scope))
        .filter(item_tag::Column::ItemId.in_subquery(doomed.clone()))
        .exec(txn)
        .await
        .map_err(internal)?;
    let comments = comment::Entity::delete_many()
        .filter(comment::Column::TenantId.eq(scope))
        .filter(comment::Column::ItemId.in_subquery(doomed.clone()))
        .exec(txn)
        .await
        .map_err(internal)?
        .rows_affected;
    // On SQLite a trigger takes the full-text row with the document.
    let search = Query::delete()
        .from_table(Alias::new(SEARCH_DOCUMENTS))
        .and_where(Expr::col(Alias::new("tenant_id")).eq(scope))
        .and_where(Expr::col(Alias::new("item_id")).in_subquery(doomed.clone()))
        .to_owned();
    txn.execute(&search).await.map_err(internal)?;
    let attachments = remove_attachments(txn, scope, doomed).await?;
    let items = item::Entity::delete_many()
        .filter(I::TenantId.eq(scope))
        .filter(I::Id.in_subquery(doomed.clone()))
        .exec(txn)
        .await
        .map_err(internal)?
        .rows_affected;
    Ok(PurgedBatch {
        items,
        comments,
        attachments,
        ..PurgedBatch::default()
    })
}

/// The attachments' rows, returned by the delete itself: exactly the rows
/// removed, whatever was uploaded meanwhile.
async fn remove_attachments(
    txn: &Write,
    scope: Uuid,
    doomed: &SelectStatement,
) -> DomainResult<Vec<PurgedAttachment>> {
    use attachment::Column as A;
    let delete = Query::delete()
        .from_table(attachment::Entity)
        .and_where(Expr::col(A::TenantId).eq(scope))
        .and_where(Expr::col(A::ItemId).in_subquery(doomed.clone()))
        .returning(Query::returning().columns([A::Id, A::SizeBytes]))
        .to_owned();
    let rows = txn.query_all(&delete).await.map_err(internal)?;
    rows.iter()
        .map(|row| {
            let mut columns = Columns::new(row);
            let id: Uuid = columns.take()?;
            let size: i64 = columns.take()?;
            Ok(PurgedAttachment {
                id: AttachmentId::from_uuid(id),
                size_bytes: u64::try_from(size)
                    .map_err(|_| DomainError::internal_msg("stored attachment size is negative"))?,
            })
        })
        .collect()
}
