//! The comment port. A comment's writes touch no item row, so they never
//! move an item's version; the item's search document follows them
//! through the database's own triggers.

use async_trait::async_trait;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, SelectExt};
use trellis_kernel::{AuditEntry, DomainError, DomainResult, Page, PageRequest, TenantId, UserId};
use trellis_work::ports::CommentRepository;
use trellis_work::{Comment, CommentId, ItemId};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::internal;
use crate::soft_delete::mark_deleted;
use crate::work::entity::{comment, item};
use crate::write::{ensure_scope, one_of, scoped};

fn to_comment(model: comment::Model) -> Comment {
    Comment {
        id: CommentId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        item_id: ItemId::from_uuid(model.item_id),
        author_id: UserId::from_uuid(model.author_id),
        body: model.body,
        created_at: model.created_at,
        updated_at: model.updated_at,
        edited_at: model.edited_at,
    }
}

fn to_model(comment: &Comment) -> comment::ActiveModel {
    comment::ActiveModel {
        tenant_id: Set(comment.tenant_id.as_uuid()),
        id: Set(comment.id.as_uuid()),
        item_id: Set(comment.item_id.as_uuid()),
        author_id: Set(comment.author_id.as_uuid()),
        body: Set(comment.body.clone()),
        created_at: Set(comment.created_at),
        updated_at: Set(comment.updated_at),
        edited_at: Set(comment.edited_at),
        deleted_at: Set(None),
        deletion_id: Set(None),
    }
}

/// The tenant's live comment `id`, on a live item: the comments of a
/// deleted item are gone with it.
fn live(tenant: TenantId) -> sea_orm::Select<comment::Entity> {
    let items = Query::select()
        .column(item::Column::Id)
        .from(item::Entity)
        .and_where(Expr::col((item::Entity, item::Column::TenantId)).eq(tenant.as_uuid()))
        .and_where(Expr::col((item::Entity, item::Column::DeletedAt)).is_null())
        .to_owned();
    scoped::<comment::Entity>(tenant).filter(comment::Column::ItemId.in_subquery(items))
}

#[async_trait]
impl CommentRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, comment = %comment.id))]
    async fn create(
        &self,
        tenant: TenantId,
        comment: &Comment,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, comment.tenant_id, "the comment")?;
        let txn = self.write(tenant).await?;
        // Shared-locked: the item cannot be deleted before this commits.
        let found = one_of::<item::Entity>(tenant, comment.item_id.as_uuid())
            .lock_shared()
            .exists(&txn)
            .await
            .map_err(internal)?;
        if !found {
            return Err(DomainError::not_found("item"));
        }
        comment::Entity::insert(to_model(comment))
            .exec_without_returning(&txn)
            .await
            .map_err(internal)?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, comment = %comment.id))]
    async fn update(
        &self,
        tenant: TenantId,
        comment: &Comment,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, comment.tenant_id, "the comment")?;
        let mut model = to_model(comment);
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.item_id = NotSet;
        model.author_id = NotSet;
        model.created_at = NotSet;
        model.deleted_at = NotSet;
        model.deletion_id = NotSet;
        let txn = self.write(tenant).await?;
        let updated = comment::Entity::update_many()
            .set(model)
            .filter(comment::Column::TenantId.eq(tenant.as_uuid()))
            .filter(comment::Column::Id.eq(comment.id.as_uuid()))
            .filter(comment::Column::DeletedAt.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        if updated.rows_affected == 0 {
            return Err(DomainError::not_found("comment"));
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, comment = %id))]
    async fn delete(
        &self,
        tenant: TenantId,
        id: CommentId,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        if mark_deleted::<comment::Entity>(&txn, tenant, &[id.as_uuid()], audit).await? == 0 {
            return Err(DomainError::not_found("comment"));
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, comment = %id))]
    async fn find(&self, tenant: TenantId, id: CommentId) -> DomainResult<Option<Comment>> {
        let row = live(tenant)
            .filter(comment::Column::Id.eq(id.as_uuid()))
            .one(&self.read(tenant))
            .await
            .map_err(internal)?;
        Ok(row.map(to_comment))
    }

    /// By keyset on `(item_id, id)`, the live comments' index: ids are
    /// UUIDv7, so by id is oldest first.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, item = %item))]
    async fn list(
        &self,
        tenant: TenantId,
        item: ItemId,
        page: PageRequest,
    ) -> DomainResult<Page<Comment>> {
        let mut query =
            scoped::<comment::Entity>(tenant).filter(comment::Column::ItemId.eq(item.as_uuid()));
        if let Some(after) = page.after {
            query = query.filter(comment::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(comment::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let comments = rows.into_iter().map(to_comment).collect();
        Ok(Page::from_overfetch(comments, &page))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = items.len()))]
    async fn counts(&self, tenant: TenantId, items: &[ItemId]) -> DomainResult<Vec<(ItemId, u64)>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let rows = scoped::<comment::Entity>(tenant)
            .filter(comment::Column::ItemId.is_in(items.iter().map(ItemId::as_uuid)))
            .select_only()
            .column(comment::Column::ItemId)
            .column_as(comment::Column::Id.count(), "count")
            .group_by(comment::Column::ItemId)
            .into_tuple::<(Uuid, i64)>()
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|(item, count)| (ItemId::from_uuid(item), u64::try_from(count).unwrap_or(0)))
            .collect())
    }
}
