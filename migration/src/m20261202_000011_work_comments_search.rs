//! Work: comments on items, and the full-text index of items over their
//! title, description and live comments.
//!
//! The searchable document of an item is kept by triggers on `work_items`
//! and `work_comments`, so every path that writes either (one item, a
//! bulk edit, a comment) refreshes it in its own transaction: a change is
//! searchable as soon as its mutation returns. A deleted item keeps its
//! document; searches join live items only, so a restore needs nothing.
//!
//! PostgreSQL: a `tsvector` per item in `work_item_search` (a generated
//! column on `work_items` cannot see the comments), title weighted A,
//! description B, comments C, with a GIN index whose key starts with
//! `tenant_id` (btree_gin is not assumed; the tenant is filtered after the
//! index lookup, and row-level security applies as everywhere). The
//! `simple` configuration: tenants write in any language, and English
//! stemming and stop words would mangle the others; it also answers as
//! SQLite's `unicode61` tokenizer does, so both backends find the same.
//!
//! SQLite: an FTS5 table with one column per part, its rowids given by
//! `work_item_search.doc_id` (an INTEGER PRIMARY KEY, which VACUUM keeps).

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum WorkItems {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkComments {
    Table,
    TenantId,
    Id,
    ItemId,
    AuthorId,
    Body,
    CreatedAt,
    UpdatedAt,
    EditedAt,
    DeletedAt,
    DeletionId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

fn comments() -> TableCreateStatement {
    use WorkComments as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(uuid(T::ItemId))
        .col(uuid(T::AuthorId))
        .col(text(T::Body))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .col(timestamp_with_time_zone_null(T::EditedAt))
        .col(timestamp_with_time_zone_null(T::DeletedAt))
        .col(uuid_null(T::DeletionId))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        // Items are soft-deleted: the key never cascades in practice.
        .foreign_key(
            ForeignKey::create()
                .name("fk_work_comments_item")
                .from(T::Table, (T::TenantId, T::ItemId))
                .to(WorkItems::Table, (WorkItems::TenantId, WorkItems::Id))
                .on_delete(ForeignKeyAction::Cascade),
        )
        // An author who leaves the tenant is still named on what they wrote.
        .foreign_key(
            ForeignKey::create()
                .name("fk_work_comments_author")
                .from(T::Table, T::AuthorId)
                .to(Users::Table, Users::Id),
        )
        .to_owned()
}

/// An item's live comments, oldest first, for its page and its count.
fn comments_by_item() -> IndexCreateStatement {
    use WorkComments as T;
    Index::create()
        .name("ix_work_comments_item")
        .table(T::Table)
        .col(T::TenantId)
        .col(T::ItemId)
        .col(T::Id)
        .and_where(Expr::col(T::DeletedAt).is_null())
        .to_owned()
}

const POSTGRES_UP: &str = "
CREATE TABLE work_item_search (
  tenant_id uuid NOT NULL,
  item_id uuid NOT NULL,
  document tsvector NOT NULL,
  PRIMARY KEY (tenant_id, item_id),
  CONSTRAINT fk_work_item_search_item FOREIGN KEY (tenant_id, item_id)
    REFERENCES work_items (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_work_item_search_document ON work_item_search USING gin (document);

CREATE FUNCTION work_item_search_refresh(t uuid, i uuid) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO work_item_search (tenant_id, item_id, document)
  SELECT it.tenant_id, it.id,
         setweight(to_tsvector('simple', it.title), 'A')
      || setweight(to_tsvector('simple', coalesce(it.description, '')), 'B')
      || setweight(to_tsvector('simple', coalesce((
           SELECT string_agg(c.body, ' ' ORDER BY c.id) FROM work_comments c
            WHERE c.tenant_id = it.tenant_id AND c.item_id = it.id
              AND c.deleted_at IS NULL), '')), 'C')
    FROM work_items it
   WHERE it.tenant_id = t AND it.id = i
  ON CONFLICT (tenant_id, item_id) DO UPDATE SET document = EXCLUDED.document
$$;

CREATE FUNCTION work_items_search_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM work_item_search_refresh(NEW.tenant_id, NEW.id);
  RETURN NULL;
END
$$;

CREATE FUNCTION work_comments_search_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM work_item_search_refresh(NEW.tenant_id, NEW.item_id);
  RETURN NULL;
END
$$;

CREATE TRIGGER work_items_search AFTER INSERT OR UPDATE OF title, description
  ON work_items FOR EACH ROW EXECUTE FUNCTION work_items_search_changed();
CREATE TRIGGER work_comments_search AFTER INSERT OR UPDATE OF body, deleted_at
  ON work_comments FOR EACH ROW EXECUTE FUNCTION work_comments_search_changed();

SELECT work_item_search_refresh(tenant_id, id) FROM work_items;

ALTER TABLE work_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_comments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON work_comments
  USING (tenant_id = (SELECT trellis_tenant()))
  WITH CHECK (tenant_id = (SELECT trellis_tenant()));
ALTER TABLE work_item_search ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_item_search FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON work_item_search
  USING (tenant_id = (SELECT trellis_tenant()))
  WITH CHECK (tenant_id = (SELECT trellis_tenant()));
";

const POSTGRES_DOWN: &str = "
DROP TRIGGER IF EXISTS work_items_search ON work_items;
DROP TRIGGER IF EXISTS work_comments_search ON work_comments;
DROP TABLE IF EXISTS work_item_search;
DROP FUNCTION IF EXISTS work_items_search_changed();
DROP FUNCTION IF EXISTS work_comments_search_changed();
DROP FUNCTION IF EXISTS work_item_search_refresh(uuid, uuid);
";

/// The FTS5 row of an item, replaced whole. `work_item_search` gives each
/// item its FTS rowid.
fn sqlite_refresh(tenant: &str, item: &str) -> String {
    format!(
        "INSERT OR IGNORE INTO work_item_search (tenant_id, item_id) VALUES ({tenant}, {item});
         DELETE FROM work_item_fts WHERE rowid =
           (SELECT doc_id FROM work_item_search WHERE tenant_id = {tenant} AND item_id = {item});
         INSERT INTO work_item_fts (rowid, title, description, comments)
           SELECT s.doc_id, it.title, coalesce(it.description, ''),
                  coalesce((SELECT group_concat(body, ' ') FROM
                              (SELECT c.body FROM work_comments c
                                WHERE c.tenant_id = it.tenant_id AND c.item_id = it.id
                                  AND c.deleted_at IS NULL ORDER BY c.id)), '')
             FROM work_items it
             JOIN work_item_search s ON s.tenant_id = it.tenant_id AND s.item_id = it.id
            WHERE it.tenant_id = {tenant} AND it.id = {item};"
    )
}

fn sqlite_up() -> String {
    format!(
        "CREATE TABLE work_item_search (
           doc_id INTEGER PRIMARY KEY,
           tenant_id uuid NOT NULL,
           item_id uuid NOT NULL,
           UNIQUE (tenant_id, item_id),
           FOREIGN KEY (tenant_id, item_id) REFERENCES work_items (tenant_id, id) ON DELETE CASCADE
         );
         CREATE VIRTUAL TABLE work_item_fts USING fts5(
           title, description, comments, tokenize = 'unicode61 remove_diacritics 2'
         );
         CREATE TRIGGER work_item_search_gone AFTER DELETE ON work_item_search BEGIN
           DELETE FROM work_item_fts WHERE rowid = OLD.doc_id;
         END;
         CREATE TRIGGER work_items_search_added AFTER INSERT ON work_items BEGIN {added} END;
         CREATE TRIGGER work_items_search_changed AFTER UPDATE OF title, description
           ON work_items BEGIN {changed} END;
         CREATE TRIGGER work_comments_search_added AFTER INSERT ON work_comments BEGIN {comment} END;
         CREATE TRIGGER work_comments_search_changed AFTER UPDATE OF body, deleted_at
           ON work_comments BEGIN {comment} END;
         INSERT INTO work_item_search (tenant_id, item_id) SELECT tenant_id, id FROM work_items;
         INSERT INTO work_item_fts (rowid, title, description, comments)
           SELECT s.doc_id, it.title, coalesce(it.description, ''), ''
             FROM work_items it
             JOIN work_item_search s ON s.tenant_id = it.tenant_id AND s.item_id = it.id;",
        added = sqlite_refresh("NEW.tenant_id", "NEW.id"),
        changed = sqlite_refresh("NEW.tenant_id", "NEW.id"),
        comment = sqlite_refresh("NEW.tenant_id", "NEW.item_id"),
    )
}

const SQLITE_DOWN: &str = "
DROP TRIGGER IF EXISTS work_items_search_added;
DROP TRIGGER IF EXISTS work_items_search_changed;
DROP TABLE IF EXISTS work_item_fts;
DROP TABLE IF EXISTS work_item_search;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(comments()).await?;
        manager.create_index(comments_by_item()).await?;
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => db.execute_unprepared(POSTGRES_UP).await?,
            _ => db.execute_unprepared(&sqlite_up()).await?,
        };
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => db.execute_unprepared(POSTGRES_DOWN).await?,
            _ => db.execute_unprepared(SQLITE_DOWN).await?,
        };
        manager
            .drop_table(Table::drop().table(WorkComments::Table).to_owned())
            .await?;
        Ok(())
    }
}
