//! Work attachments: the rows of files uploaded to items. The bytes live in
//! the file store; a row says what a file is and where it hangs.
//!
//! As everywhere, `tenant_id` leads the key and the index, and the item is
//! referenced by `(tenant_id, item_id)`. Rows are not soft-deleted: an
//! attachment is hidden while its item is deleted and goes when the item is
//! purged. On PostgreSQL the table gets the row-level security of
//! `row_level_security`.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_identity::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum WorkAttachments {
    Table,
    TenantId,
    Id,
    ItemId,
    Filename,
    ContentType,
    SizeBytes,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkItems {
    Table,
    TenantId,
    Id,
}

fn attachments() -> TableCreateStatement {
    use WorkAttachments as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(uuid(T::ItemId))
        .col(text(T::Filename))
        .col(text(T::ContentType))
        .col(big_integer(T::SizeBytes))
        .col(uuid(T::UploadedBy))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        // Items are soft-deleted, so this never cascades; a purge removes
        // the attachments (and their files) first.
        .foreign_key(
            ForeignKey::create()
                .name("fk_work_attachments_item")
                .from(T::Table, (T::TenantId, T::ItemId))
                .to(WorkItems::Table, (WorkItems::TenantId, WorkItems::Id))
                .on_delete(ForeignKeyAction::NoAction),
        )
        // Whoever uploaded a file is named on it after leaving the tenant.
        .foreign_key(
            ForeignKey::create()
                .name("fk_work_attachments_uploaded_by")
                .from(T::Table, T::UploadedBy)
                .to(Users::Table, Users::Id),
        )
        .to_owned()
}

/// An item's attachments, in the order they are listed.
fn by_item() -> IndexCreateStatement {
    use WorkAttachments as T;
    Index::create()
        .name("ix_work_attachments_item")
        .table(T::Table)
        .col(T::TenantId)
        .col(T::ItemId)
        .col(T::Id)
        .to_owned()
}

const ROW_LEVEL_SECURITY: &str = "
    ALTER TABLE work_attachments ENABLE ROW LEVEL SECURITY;
    ALTER TABLE work_attachments FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON work_attachments
      USING (tenant_id = (SELECT trellis_tenant()))
      WITH CHECK (tenant_id = (SELECT trellis_tenant()));";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(attachments()).await?;
        manager.create_index(by_item()).await?;
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(ROW_LEVEL_SECURITY).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(WorkAttachments::Table).to_owned())
            .await
    }
}
