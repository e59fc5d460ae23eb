use async_trait::async_trait;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{DomainResult, Page, PageRequest, TenantId};
use trellis_tenancy::ports::AuditRepository;
use trellis_tenancy::{AuditEntry, AuditFilter};

use crate::SeaOrmStore;
use crate::convert;
use crate::entity::audit_log;
use crate::error::internal;

#[async_trait]
impl AuditRepository for SeaOrmStore {
    /// Newest first, by keyset on the time-ordered id: each filter has an
    /// index `(tenant_id, field, id)`, so a page is one range scan.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(
        &self,
        tenant: TenantId,
        filter: &AuditFilter,
        page: PageRequest,
    ) -> DomainResult<Page<AuditEntry>> {
        let mut query =
            audit_log::Entity::find().filter(audit_log::Column::TenantId.eq(tenant.as_uuid()));
        if let Some(action) = &filter.action {
            query = query.filter(audit_log::Column::Action.eq(action.as_str()));
        }
        if let Some(actor) = filter.actor_id {
            query = query.filter(audit_log::Column::ActorId.eq(actor.as_uuid()));
        }
        if let Some(entity_type) = &filter.entity_type {
            query = query.filter(audit_log::Column::EntityType.eq(entity_type.as_str()));
        }
        if let Some(before) = page.after {
            query = query.filter(audit_log::Column::Id.lt(before.0));
        }
        let rows = query
            .order_by_desc(audit_log::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.db)
            .await
            .map_err(internal)?;
        let entries = rows.into_iter().map(convert::audit).collect();
        Ok(Page::from_overfetch(entries, &page))
    }
}
