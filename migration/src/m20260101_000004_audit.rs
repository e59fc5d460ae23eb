//! The audit trail: one row per change, written in the change's transaction.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_identity::{Tenants, Users};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    TenantId,
    Id,
    ActorId,
    Action,
    EntityType,
    EntityId,
    Before,
    After,
    Ip,
    UserAgent,
    RequestId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(uuid(AuditLog::TenantId))
                    .col(uuid(AuditLog::Id))
                    .col(uuid_null(AuditLog::ActorId))
                    .col(text(AuditLog::Action))
                    .col(text(AuditLog::EntityType))
                    .col(text(AuditLog::EntityId))
                    // jsonb on PostgreSQL, JSON text on SQLite.
                    .col(json_binary_null(AuditLog::Before))
                    .col(json_binary_null(AuditLog::After))
                    .col(text_null(AuditLog::Ip))
                    .col(text_null(AuditLog::UserAgent))
                    .col(text_null(AuditLog::RequestId))
                    .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                    // (tenant_id, id) also serves the unfiltered newest-first list.
                    .primary_key(Index::create().col(AuditLog::TenantId).col(AuditLog::Id))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_audit_log_tenant")
                            .from(AuditLog::Table, AuditLog::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_audit_log_actor")
                            .from(AuditLog::Table, AuditLog::ActorId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One index per filter, each ending in id so that a filtered page is
        // still a range scan.
        let filters = [
            ("idx_audit_log_tenant_action", AuditLog::Action),
            ("idx_audit_log_tenant_actor", AuditLog::ActorId),
            ("idx_audit_log_tenant_entity_type", AuditLog::EntityType),
        ];
        for (name, column) in filters {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditLog::Table)
                        .col(AuditLog::TenantId)
                        .col(column)
                        .col(AuditLog::Id)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await
    }
}
