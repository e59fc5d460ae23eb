//! The attachment port: rows of uploaded files, seen while their item is
//! live, and the plan's storage quota, checked inside the write.

use async_trait::async_trait;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{AuditEntry, DomainError, DomainResult, TenantId, UserId};
use trellis_tenancy::{Plan, PlanLimits};
use trellis_work::attachment::StorageUsage;
use trellis_work::ports::AttachmentRepository;
use trellis_work::{Attachment, AttachmentId, ItemId};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::internal;
use crate::tenancy::entity::tenant;
use crate::work::entity::{attachment, item};
use crate::write::{ensure_scope, exists, one_of, scoped};

fn to_domain(row: attachment::Model) -> DomainResult<Attachment> {
    Ok(Attachment {
        id: AttachmentId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        item_id: ItemId::from_uuid(row.item_id),
        filename: row.filename,
        content_type: row.content_type,
        size_bytes: u64::try_from(row.size_bytes)
            .map_err(|_| DomainError::internal_msg("stored attachment size is negative"))?,
        uploaded_by: UserId::from_uuid(row.uploaded_by),
        created_at: row.created_at,
    })
}

fn to_row(attachment: &Attachment) -> DomainResult<attachment::ActiveModel> {
    Ok(attachment::ActiveModel {
        tenant_id: Set(attachment.tenant_id.as_uuid()),
        id: Set(attachment.id.as_uuid()),
        item_id: Set(attachment.item_id.as_uuid()),
        filename: Set(attachment.filename.clone()),
        content_type: Set(attachment.content_type.clone()),
        size_bytes: Set(i64::try_from(attachment.size_bytes).map_err(DomainError::internal)?),
        uploaded_by: Set(attachment.uploaded_by.as_uuid()),
        created_at: Set(attachment.created_at),
    })
}

async fn plan(db: &impl sea_orm::ConnectionTrait, tenant: TenantId) -> DomainResult<Plan> {
    tenant::Entity::find_by_id(tenant.as_uuid())
        .filter(tenant::Column::DeletedAt.is_null())
        .select_only()
        .column(tenant::Column::Plan)
        .into_tuple::<String>()
        .one(db)
        .await
        .map_err(internal)?
        .ok_or_else(|| DomainError::not_found("tenant"))?
        .parse::<Plan>()
        .map_err(|_| DomainError::internal_msg("stored plan is unknown"))
}

/// What all of the tenant's files take, those of deleted items included:
/// they are kept until a purge.
async fn used_bytes(db: &impl sea_orm::ConnectionTrait, tenant: TenantId) -> DomainResult<u64> {
    let used = scoped::<attachment::Entity>(tenant)
        .select_only()
        // SUM of a bigint is numeric on PostgreSQL: cast it back.
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT)"),
            "used",
        )
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(internal)?
        .unwrap_or(0);
    Ok(u64::try_from(used).unwrap_or(0))
}

#[async_trait]
impl AttachmentRepository for SeaOrmStore {
    /// Only a limited plan locks the tenant, which serializes its uploads
    /// so that two cannot share the last of the quota.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, attachment = %attachment.id))]
    async fn create(
        &self,
        tenant: TenantId,
        attachment: &Attachment,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, attachment.tenant_id, "the attachment")?;
        let txn = self.write(tenant).await?;
        if !exists::<item::Entity, _>(&txn, tenant, attachment.item_id.as_uuid()).await? {
            return Err(DomainError::not_found("item"));
        }
        if let Some(max) = plan(&txn, tenant).await?.limits().max_storage_bytes {
            if !txn.lock_tenant().await? {
                return Err(DomainError::not_found("tenant"));
            }
            let used = used_bytes(&txn, tenant).await?;
            PlanLimits::check(Some(max), "storage", used, attachment.size_bytes)?;
        }
        attachment::Entity::insert(to_row(attachment)?)
            .exec_without_returning(&txn)
            .await
            .map_err(internal)?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, attachment = %id))]
    async fn find(&self, tenant: TenantId, id: AttachmentId) -> DomainResult<Option<Attachment>> {
        one_of::<attachment::Entity>(tenant, id.as_uuid())
            .inner_join(item::Entity)
            .filter(item::Column::DeletedAt.is_null())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(to_domain)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = items.len()))]
    async fn list_for(&self, tenant: TenantId, items: &[ItemId]) -> DomainResult<Vec<Attachment>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<Uuid> = items.iter().map(ItemId::as_uuid).collect();
        scoped::<attachment::Entity>(tenant)
            .filter(attachment::Column::ItemId.is_in(ids))
            .inner_join(item::Entity)
            .filter(item::Column::DeletedAt.is_null())
            .order_by_asc(attachment::Column::ItemId)
            .order_by_asc(attachment::Column::Id)
            .all(&self.read(tenant))
            .await
            .map_err(internal)?
            .into_iter()
            .map(to_domain)
            .collect()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn usage(&self, tenant: TenantId) -> DomainResult<StorageUsage> {
        let db = self.read(tenant);
        let limits = plan(&db, tenant).await?.limits();
        Ok(StorageUsage {
            max_file_bytes: limits.max_attachment_bytes,
            max_storage_bytes: limits.max_storage_bytes,
            used_bytes: used_bytes(&db, tenant).await?,
        })
    }

    /// The item must be live, as for every read of an attachment; the
    /// delete itself decides, so two deleting at once get one success.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, attachment = %id))]
    async fn delete(
        &self,
        tenant: TenantId,
        id: AttachmentId,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        let on_live_item = one_of::<attachment::Entity>(tenant, id.as_uuid())
            .inner_join(item::Entity)
            .filter(item::Column::DeletedAt.is_null())
            .one(&txn)
            .await
            .map_err(internal)?
            .is_some();
        if !on_live_item {
            return Err(DomainError::not_found("attachment"));
        }
        let deleted = attachment::Entity::delete_many()
            .filter(attachment::Column::TenantId.eq(tenant.as_uuid()))
            .filter(attachment::Column::Id.eq(id.as_uuid()))
            .exec(&txn)
            .await
            .map_err(internal)?;
        if deleted.rows_affected == 0 {
            return Err(DomainError::not_found("attachment"));
        }
        txn.commit(audit).await
    }
}
