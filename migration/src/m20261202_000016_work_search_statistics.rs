//! Work: a finer statistics sample of the search documents, so that
//! PostgreSQL knows a rare word is rare.
//!
//! The planner estimates how many documents hold a word from the column's
//! most common lexemes; a word not among them is taken to be in half as
//! many as the least common listed, and never more than 0.5 % of rows. At
//! the default sample a million-item tenant's list holds only the words
//! nearly every document has, so a word in one document is estimated at
//! 5,000, and a search for it newest first walks every item backwards
//! looking for the 50 it expects to meet early (half a second) instead of
//! reading the one match from the GIN index (a fraction of a millisecond).
//! The largest sample lists enough lexemes to tell them apart; ANALYZE of
//! a million documents takes about two seconds with it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE work_item_search ALTER COLUMN document SET STATISTICS 10000",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE work_item_search ALTER COLUMN document SET STATISTICS -1",
            )
            .await?;
        }
        Ok(())
    }
}
