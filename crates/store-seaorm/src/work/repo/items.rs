//! The item port. Every write runs in one transaction with its audit
//! entry and its history entry (its checks and relation rows are in
//! `item_write`); the reads are in `items_read`, `item_list` and `tree`.

use async_trait::async_trait;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{AuditEntry, DomainError, DomainResult, Page, RestoreAudit, TenantId, UserId};
use trellis_work::item::ItemState;
use trellis_work::ports::{
    BatchError, ItemChange, ItemRelations, ItemRepository, ItemUpdate, ListedItem,
};
use trellis_work::{Activity, Item, ItemFilter, ItemId, ItemPageRequest, Progress, Tag};
use uuid::Uuid;

use super::item_write::{
    add_relations, apply_update, check_child_limit, check_item_limit, reference_error,
    stale_or_missing,
};
use super::{activity, item_list, items_read, tree};
use crate::SeaOrmStore;
use crate::error::internal;
use crate::soft_delete::{deletion_of, mark_deleted, unmark_deleted};
use crate::work::convert;
use crate::work::entity::item;
use crate::write::{ensure_scope, exists, scoped_all};

#[async_trait]
impl ItemRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %state.item.id))]
    async fn create(
        &self,
        tenant: TenantId,
        state: &ItemState,
        audit: &AuditEntry,
        activity: &Activity,
    ) -> DomainResult<()> {
        let item = &state.item;
        ensure_scope(tenant, item.tenant_id, "the item")?;
        let txn = self.write(tenant).await?;
        check_item_limit(&txn, tenant).await?;
        if let Some(parent) = item.parent_id {
            check_child_limit(&txn, tenant, parent).await?;
        }
        item::Entity::insert(convert::item_model(item))
            .exec_without_returning(&txn)
            .await
            .map_err(reference_error)?;
        add_relations(&txn, tenant, item.id, &state.assignee_ids, &state.tag_ids).await?;
        activity::insert(&txn, tenant, activity).await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %update.item.id))]
    async fn update(
        &self,
        tenant: TenantId,
        update: &ItemUpdate,
        audit: &AuditEntry,
        activity: &Activity,
    ) -> DomainResult<()> {
        ensure_scope(tenant, update.item.tenant_id, "the item")?;
        let txn = self.write(tenant).await?;
        apply_update(&txn, tenant, update).await?;
        activity::insert(&txn, tenant, activity).await?;
        txn.commit(audit).await
    }

    /// Each change in order, as `update` makes it, in one transaction:
    /// the first that fails rolls back those before it.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = changes.len()))]
    async fn update_many(
        &self,
        tenant: TenantId,
        changes: &[ItemChange],
    ) -> Result<(), BatchError> {
        for change in changes {
            ensure_scope(tenant, change.update.item.tenant_id, "the item")?;
        }
        let txn = self.write(tenant).await?;
        for (index, change) in changes.iter().enumerate() {
            apply_update(&txn, tenant, &change.update)
                .await
                .map_err(|error| BatchError {
                    index: Some(index),
                    error,
                })?;
            activity::insert(&txn, tenant, &change.activity).await?;
        }
        let audits: Vec<&AuditEntry> = changes.iter().map(|change| &change.audit).collect();
        txn.commit_all(&audits).await.map_err(BatchError::from)
    }

    /// The item is marked first, if it still has `version`; then every
    /// live item below it, with the same deletion.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %id))]
    async fn delete(
        &self,
        tenant: TenantId,
        id: ItemId,
        version: i64,
        audit: &AuditEntry,
        activity: &Activity,
    ) -> DomainResult<Vec<ItemId>> {
        let txn = self.write(tenant).await?;
        let marked = item::Entity::update_many()
            .col_expr(item::Column::DeletedAt, Expr::value(audit.created_at))
            .col_expr(item::Column::DeletionId, Expr::value(audit.id.as_uuid()))
            .filter(item::Column::TenantId.eq(tenant.as_uuid()))
            .filter(item::Column::Id.eq(id.as_uuid()))
            .filter(item::Column::DeletedAt.is_null())
            .filter(item::Column::Version.eq(version))
            .exec(&txn)
            .await
            .map_err(internal)?;
        if marked.rows_affected == 0 {
            return Err(stale_or_missing(&txn, tenant, id).await);
        }
        let subtasks = tree::descendants(&txn, tenant, id.as_uuid()).await?;
        if !subtasks.is_empty() {
            mark_deleted::<item::Entity>(&txn, tenant, &subtasks, audit).await?;
        }
        activity::insert(&txn, tenant, activity).await?;
        txn.commit(audit).await?;
        Ok(subtasks.into_iter().map(ItemId::from_uuid).collect())
    }

    /// What the item's delete took is what carries its deletion's mark.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %id))]
    async fn restore(
        &self,
        tenant: TenantId,
        id: ItemId,
        audit: &RestoreAudit<Item>,
        activity: &Activity,
    ) -> DomainResult<(Item, Vec<ItemId>)> {
        let txn = self.write(tenant).await?;
        let (row, deletion) = deletion_of::<item::Entity>(&txn, tenant, id.as_uuid()).await?;
        if let Some(parent) = row.parent_id
            && !exists::<item::Entity, _>(&txn, tenant, parent).await?
        {
            return Err(DomainError::conflict(format!(
                "the parent item {parent} of this item is deleted; restore it first"
            )));
        }
        let subtasks = scoped_all::<item::Entity>(tenant)
            .filter(item::Column::DeletionId.eq(deletion))
            .filter(item::Column::Id.ne(id.as_uuid()))
            .select_only()
            .column(item::Column::Id)
            .order_by_asc(item::Column::Id)
            .into_tuple::<Uuid>()
            .all(&txn)
            .await
            .map_err(internal)?;
        let mut restored = subtasks.clone();
        restored.push(id.as_uuid());
        unmark_deleted::<item::Entity>(&txn, tenant, &restored)
            .await
            .map_err(internal)?;
        let item = convert::item(row)?;
        activity::insert(&txn, tenant, activity).await?;
        txn.commit(&audit.of(&item)).await?;
        Ok((item, subtasks.into_iter().map(ItemId::from_uuid).collect()))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %id))]
    async fn find(&self, tenant: TenantId, id: ItemId) -> DomainResult<Option<ItemState>> {
        items_read::find(&self.read(tenant), tenant, id).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = ids.len()))]
    async fn find_many(&self, tenant: TenantId, ids: &[ItemId]) -> DomainResult<Vec<Item>> {
        let ids: Vec<Uuid> = ids.iter().map(ItemId::as_uuid).collect();
        crate::write::find_many::<item::Entity, _>(&self.read(tenant), tenant, &ids, convert::item)
            .await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = items.len()))]
    async fn assignees(
        &self,
        tenant: TenantId,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, UserId)>> {
        items_read::assignees(&self.read(tenant), tenant, items).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = items.len()))]
    async fn tags(&self, tenant: TenantId, items: &[ItemId]) -> DomainResult<Vec<(ItemId, Tag)>> {
        items_read::tags(&self.read(tenant), tenant, items).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = items.len()))]
    async fn progress(
        &self,
        tenant: TenantId,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, Progress)>> {
        items_read::progress(&self.read(tenant), tenant, items).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        page: &ItemPageRequest,
    ) -> DomainResult<Page<Item>> {
        let page = item_list::list(
            &self.read(tenant),
            tenant,
            filter,
            page,
            ItemRelations::ITEMS,
        )
        .await?;
        Ok(page.map(|listed| listed.item))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list_with(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        page: &ItemPageRequest,
        with: ItemRelations,
    ) -> DomainResult<Page<ListedItem>> {
        // An unfiltered page reads its order's index from the cursor,
        // whatever the tenant holds: its plan is made once.
        let db = if *filter == ItemFilter::default() {
            self.read_settled(tenant)
        } else {
            self.read(tenant)
        };
        item_list::list(&db, tenant, filter, page, with).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list_ranked(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        page: &ItemPageRequest,
    ) -> DomainResult<Page<(Item, f64)>> {
        item_list::ranked(&self.read(tenant), tenant, filter, page).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %id))]
    async fn ancestors(
        &self,
        tenant: TenantId,
        id: ItemId,
        limit: usize,
    ) -> DomainResult<Vec<ItemId>> {
        let chain = tree::ancestors(&self.read(tenant), tenant, id.as_uuid(), limit).await?;
        Ok(chain.into_iter().map(ItemId::from_uuid).collect())
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %id))]
    async fn subtree_height(
        &self,
        tenant: TenantId,
        id: ItemId,
        limit: usize,
    ) -> DomainResult<usize> {
        tree::height(&self.read(tenant), tenant, id.as_uuid(), limit).await
    }
}
