//! Work: each item carries the ids of its tags (`work_items.tag_ids`), so
//! that a page of items reads its tags as one lookup of the tags the page
//! names instead of a join of links and tags per item (the page the
//! console shows most ran half as fast with that join as without it).
//!
//! The links in `work_item_tags` stay the truth that filters and foreign
//! keys use; statement-level triggers on them keep the array equal to
//! them, whichever statement adds or removes links (an item's write, or a
//! tag's purge cascading to its links). A deleted tag stays in the arrays,
//! as its links stay: readers take only live tags.
//!
//! PostgreSQL only; SQLite pages read their tags in a batched lookup.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The ids of the linked tags of each item in `items`, a relation with
/// `tenant_id` and `item_id`, written to those items.
fn refresh(items: &str) -> String {
    format!(
        "UPDATE work_items i
         SET tag_ids = coalesce(
           (SELECT array_agg(l.tag_id ORDER BY l.tag_id) FROM work_item_tags l
            WHERE l.tenant_id = i.tenant_id AND l.item_id = i.id),
           '{{}}')
         FROM (SELECT DISTINCT tenant_id, item_id FROM {items}) c
         WHERE i.tenant_id = c.tenant_id AND i.id = c.item_id"
    )
}

/// One function per event: a trigger that reads a transition table
/// fires for one event only.
fn trigger(event: &str, transition: &str) -> String {
    let name = format!("work_item_tag_ids_{}", event.to_lowercase());
    format!(
        "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           {refresh};
           RETURN NULL;
         END $$;
         CREATE TRIGGER {name} AFTER {event} ON work_item_tags
           REFERENCING {transition} TABLE AS changed_links
           FOR EACH STATEMENT EXECUTE FUNCTION {name}();",
        refresh = refresh("changed_links"),
    )
}

/// The arrays of the items already there. The policies are lifted for
/// the migration's own role (FORCE), and the tallies' update trigger,
/// which would count a million unchanged rows, is held, both inside the
/// migration's transaction.
fn backfill() -> String {
    format!(
        "ALTER TABLE work_items NO FORCE ROW LEVEL SECURITY;
         ALTER TABLE work_item_tags NO FORCE ROW LEVEL SECURITY;
         ALTER TABLE work_items DISABLE TRIGGER work_tally_items_update;
         {refresh};
         ALTER TABLE work_items ENABLE TRIGGER work_tally_items_update;
         ALTER TABLE work_items FORCE ROW LEVEL SECURITY;
         ALTER TABLE work_item_tags FORCE ROW LEVEL SECURITY;",
        refresh = refresh("work_item_tags"),
    )
}

const DOWN: &str = "
DROP TRIGGER work_item_tag_ids_insert ON work_item_tags;
DROP TRIGGER work_item_tag_ids_delete ON work_item_tags;
DROP FUNCTION work_item_tag_ids_insert(), work_item_tag_ids_delete();
ALTER TABLE work_items DROP COLUMN tag_ids;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE work_items ADD COLUMN tag_ids uuid[] NOT NULL DEFAULT '{}'",
            )
            .await?;
            db.execute_unprepared(&trigger("INSERT", "NEW")).await?;
            db.execute_unprepared(&trigger("DELETE", "OLD")).await?;
            db.execute_unprepared(&backfill()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(DOWN).await?;
        }
        Ok(())
    }
}
