//! Work: running tallies of each tenant's live items, so that its
//! unfiltered analytics read a few hundred rows, not a scan of every item
//! (a scan of a million items takes about a second).
//!
//! The tallies are append-only deltas written by statement-level
//! triggers: a statement adds one row per (status, priority, due date) it
//! changed the count of, signed, so concurrent writers never wait on a
//! shared counter row, and two transactions moving items in opposite
//! directions cannot deadlock on one. Reads sum a tenant's rows; the store
//! folds them back into one row per key once they pile up (`analytics`).
//!
//! `work_assignee_tallies` counts each person's open items the same way:
//! an assignment to a live open item, or an assigned item opening,
//! closing, being deleted or restored, adds a delta. A live item's rows
//! are only ever removed with its whole tenant, whose tallies go with it.
//!
//! PostgreSQL only; SQLite, a single-writer database for smaller tenants,
//! computes its figures from the items. Both get the index of completions
//! that completed-this-week and throughput read.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const COMPLETED_INDEX: &str = "CREATE INDEX ix_work_items_completed ON work_items (tenant_id, completed_at) \
     WHERE deleted_at IS NULL AND completed_at IS NOT NULL";

const TABLES: &str = "
CREATE TABLE work_item_tallies (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  status text NOT NULL,
  priority smallint NOT NULL,
  due_date date,
  items bigint NOT NULL,
  -- DONE items with a completion time, and the seconds each took from
  -- creation: numeric, so that a delta and its reversal cancel exactly.
  completed bigint NOT NULL,
  completion_seconds numeric NOT NULL,
  with_actual bigint NOT NULL,
  actual_hours numeric NOT NULL
);
CREATE INDEX ix_work_item_tallies ON work_item_tallies (tenant_id);
CREATE TABLE work_assignee_tallies (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  open_items bigint NOT NULL
);
CREATE INDEX ix_work_assignee_tallies ON work_assignee_tallies (tenant_id, user_id);
";

/// The transition tables a statement-level trigger on `event` reads:
/// `new_rows` and `old_rows`, as the event has them.
fn transition_tables(event: &str) -> &'static str {
    match event {
        "INSERT" => "REFERENCING NEW TABLE AS new_rows",
        "DELETE" => "REFERENCING OLD TABLE AS old_rows",
        _ => "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }
}

/// One trigger function per event: a trigger that reads transition
/// tables fires for one event only.
fn item_trigger(event: &str, changes: &str) -> String {
    let name = format!("work_tally_items_{}", event.to_lowercase());
    let referencing = transition_tables(event);
    let assignees = if event == "UPDATE" {
        ASSIGNED_ITEMS_OPENING_OR_CLOSING
    } else {
        ""
    };
    format!(
        "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           {tally};
           {assignees}
           RETURN NULL;
         END $$;
         CREATE TRIGGER {name} AFTER {event} ON work_items {referencing}
           FOR EACH STATEMENT EXECUTE FUNCTION {name}();",
        tally = tally_items(changes),
    )
}

/// The item tally deltas of `changes`, rows of `work_items` with a
/// `sign` column (+1 for a row as it now is, -1 for one as it was).
fn tally_items(changes: &str) -> String {
    let sums = "sum(sign) AS items,
       coalesce(sum(sign) FILTER (WHERE status = 'DONE' AND completed_at IS NOT NULL), 0) AS completed,
       coalesce(sum(sign * extract(epoch FROM completed_at - created_at))
                FILTER (WHERE status = 'DONE' AND completed_at IS NOT NULL), 0) AS seconds,
       coalesce(sum(sign) FILTER (WHERE actual_hours IS NOT NULL), 0) AS with_actual,
       coalesce(sum(sign * actual_hours::numeric) FILTER (WHERE actual_hours IS NOT NULL), 0) AS hours";
    // A statement that changed nothing counted (a title edit) adds nothing.
    format!(
        "INSERT INTO work_item_tallies
           (tenant_id, status, priority, due_date, items, completed, completion_seconds,
            with_actual, actual_hours)
         SELECT tenant_id, status, priority, due_date, items, completed, seconds, with_actual, hours
         FROM (SELECT tenant_id, status, priority, due_date, {sums}
               FROM ({changes}) c
               WHERE deleted_at IS NULL
               GROUP BY tenant_id, status, priority, due_date) d
         WHERE items <> 0 OR completed <> 0 OR seconds <> 0 OR with_actual <> 0 OR hours <> 0"
    )
}

const OPEN: &str = "deleted_at IS NULL AND status NOT IN ('DONE', 'ARCHIVED')";

/// An update that opens, closes, deletes or restores assigned items
/// moves each of their assignees' counts.
const ASSIGNED_ITEMS_OPENING_OR_CLOSING: &str = "
  INSERT INTO work_assignee_tallies (tenant_id, user_id, open_items)
  SELECT a.tenant_id, a.user_id, sum(d.delta)
  FROM (SELECT n.tenant_id, n.id,
               (CASE WHEN n.deleted_at IS NULL AND n.status NOT IN ('DONE', 'ARCHIVED') THEN 1 ELSE 0 END)
             - (CASE WHEN o.deleted_at IS NULL AND o.status NOT IN ('DONE', 'ARCHIVED') THEN 1 ELSE 0 END)
               AS delta
        FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id) d
  JOIN work_item_assignees a ON a.tenant_id = d.tenant_id AND a.item_id = d.id
  WHERE d.delta <> 0
  GROUP BY a.tenant_id, a.user_id
  HAVING sum(d.delta) <> 0;";

fn assignee_trigger(event: &str, changes: &str) -> String {
    let name = format!("work_tally_assignees_{}", event.to_lowercase());
    let referencing = transition_tables(event);
    format!(
        "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO work_assignee_tallies (tenant_id, user_id, open_items)
           SELECT c.tenant_id, c.user_id, sum(c.sign)
           FROM ({changes}) c
           JOIN work_items i ON i.tenant_id = c.tenant_id AND i.id = c.item_id
           WHERE i.{OPEN}
           GROUP BY c.tenant_id, c.user_id
           HAVING sum(c.sign) <> 0;
           RETURN NULL;
         END $$;
         CREATE TRIGGER {name} AFTER {event} ON work_item_assignees {referencing}
           FOR EACH STATEMENT EXECUTE FUNCTION {name}();"
    )
}

const NEW: &str = "SELECT *, 1 AS sign FROM new_rows";
const OLD: &str = "SELECT *, -1 AS sign FROM old_rows";

fn triggers() -> String {
    let both = format!("{NEW} UNION ALL {OLD}");
    [
        item_trigger("INSERT", NEW),
        item_trigger("UPDATE", &both),
        item_trigger("DELETE", OLD),
        assignee_trigger("INSERT", NEW),
        assignee_trigger("UPDATE", &both),
        assignee_trigger("DELETE", OLD),
    ]
    .join("\n")
}

/// The tallies of the items already there. The migration's role may be
/// held by the policies like any other (FORCE), so they are lifted for
/// the backfill, inside the migration's transaction.
fn backfill() -> String {
    format!(
        "ALTER TABLE work_items NO FORCE ROW LEVEL SECURITY;
         ALTER TABLE work_item_assignees NO FORCE ROW LEVEL SECURITY;
         {items};
         INSERT INTO work_assignee_tallies (tenant_id, user_id, open_items)
         SELECT a.tenant_id, a.user_id, count(*)
         FROM work_item_assignees a
         JOIN work_items i ON i.tenant_id = a.tenant_id AND i.id = a.item_id
         WHERE i.{OPEN}
         GROUP BY a.tenant_id, a.user_id;
         ALTER TABLE work_items FORCE ROW LEVEL SECURITY;
         ALTER TABLE work_item_assignees FORCE ROW LEVEL SECURITY;",
        items = tally_items("SELECT *, 1 AS sign FROM work_items"),
    )
}

fn row_level_security() -> String {
    ["work_item_tallies", "work_assignee_tallies"]
        .map(|table| {
            format!(
                "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                 ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                 CREATE POLICY tenant_isolation ON {table}
                   USING (tenant_id = (SELECT trellis_tenant()))
                   WITH CHECK (tenant_id = (SELECT trellis_tenant()));"
            )
        })
        .join("\n")
}

const DOWN: &str = "
DROP TRIGGER work_tally_items_insert ON work_items;
DROP TRIGGER work_tally_items_update ON work_items;
DROP TRIGGER work_tally_items_delete ON work_items;
DROP TRIGGER work_tally_assignees_insert ON work_item_assignees;
DROP TRIGGER work_tally_assignees_update ON work_item_assignees;
DROP TRIGGER work_tally_assignees_delete ON work_item_assignees;
DROP FUNCTION work_tally_items_insert(), work_tally_items_update(), work_tally_items_delete(),
  work_tally_assignees_insert(), work_tally_assignees_update(), work_tally_assignees_delete();
DROP TABLE work_assignee_tallies;
DROP TABLE work_item_tallies;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(COMPLETED_INDEX).await?;
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(TABLES).await?;
            db.execute_unprepared(&triggers()).await?;
            db.execute_unprepared(&backfill()).await?;
            db.execute_unprepared(&row_level_security()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(DOWN).await?;
        }
        db.execute_unprepared("DROP INDEX ix_work_items_completed")
            .await?;
        Ok(())
    }
}
