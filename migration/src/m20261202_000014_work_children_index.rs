//! Work: every item's children, live or deleted, by parent. The live
//! subtasks have their own index (`ix_work_items_parent`, for paging); a
//! purge must also find deleted children, which still reference their
//! parent, and without this walked all of a tenant's items once per batch.
//! Top-level items, most of them, stay out of it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &str = "CREATE INDEX ix_work_items_children ON work_items (tenant_id, parent_id) \
                  WHERE parent_id IS NOT NULL";

const DOWN: &str = "DROP INDEX ix_work_items_children";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(UP).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(DOWN).await?;
        Ok(())
    }
}
