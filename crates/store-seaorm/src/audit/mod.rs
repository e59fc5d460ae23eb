//! The audit log every product writes to: its table, the insert each
//! tenant-scoped write ends with (see `write`), and the read port.

pub(crate) mod entity;

use async_trait::async_trait;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{
    AuditEntry, AuditEntryId, AuditFilter, AuditRepository, DomainResult, Page, PageRequest,
    TenantId, UserId,
};

use self::entity as audit_log;
use crate::SeaOrmStore;
use crate::error::internal;

pub(crate) async fn insert<C: ConnectionTrait>(db: &C, entry: &AuditEntry) -> DomainResult<()> {
    audit_log::Entity::insert(audit_model(entry))
        .exec_without_returning(db)
        .await
        .map_err(internal)?;
    Ok(())
}

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
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let entries = rows.into_iter().map(audit).collect();
        Ok(Page::from_overfetch(entries, &page))
    }
}

fn audit(model: audit_log::Model) -> AuditEntry {
    AuditEntry {
        id: AuditEntryId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        actor_id: model.actor_id.map(UserId::from_uuid),
        action: model.action,
        entity_type: model.entity_type,
        entity_id: model.entity_id,
        before: model.before,
        after: model.after,
        ip: model.ip,
        user_agent: model.user_agent,
        request_id: model.request_id,
        created_at: model.created_at,
    }
}

fn audit_model(entry: &AuditEntry) -> audit_log::ActiveModel {
    audit_log::ActiveModel {
        tenant_id: Set(entry.tenant_id.as_uuid()),
        id: Set(entry.id.as_uuid()),
        actor_id: Set(entry.actor_id.map(|id| id.as_uuid())),
        action: Set(entry.action.clone()),
        entity_type: Set(entry.entity_type.clone()),
        entity_id: Set(entry.entity_id.clone()),
        before: Set(entry.before.clone()),
        after: Set(entry.after.clone()),
        ip: Set(entry.ip.clone()),
        user_agent: Set(entry.user_agent.clone()),
        request_id: Set(entry.request_id.clone()),
        created_at: Set(entry.created_at),
    }
}
