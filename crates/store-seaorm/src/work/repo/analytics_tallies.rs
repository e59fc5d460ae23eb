//! A tenant's unfiltered analytics on PostgreSQL, from the running tallies
//! the triggers of migration `work_tallies` keep: a few hundred rows summed
//! whatever the number of items. Completions this week are counted from
//! their own index. Filtered figures read the items (`analytics`).
//!
//! The tallies are signed deltas; once a tenant's rows outnumber its keys
//! by enough, the read folds them back into one row per key, under an
//! advisory lock so that two folds never race.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, PaginatorTrait, QueryFilter, Statement};
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId};
use trellis_work::analytics::{self, ItemAnalytics, MAX_ASSIGNEES_SHOWN};
use trellis_work::{ItemStatus, Priority};
use uuid::Uuid;

use super::analytics::count;
use crate::SeaOrmStore;
use crate::error::internal;
use crate::row::Columns;
use crate::work::entity::item::{self, Column as I};
use crate::write::scoped;

/// Rows beyond one per key a tenant's tallies may hold before a read
/// folds them.
const SLACK: i64 = 256;

/// The per-(status, priority) sums, with how many tally rows and keys
/// they came from.
fn item_sums(tenant: TenantId, today: NaiveDate) -> Statement {
    let closed = ItemStatus::ALL
        .into_iter()
        .filter(|s| !s.is_open())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT status, priority, sum(items)::int8,
                    coalesce(sum(items) FILTER (WHERE due_date < $2 AND status NOT IN ({closed})), 0)::int8,
                    sum(completed)::int8, sum(completion_seconds)::float8,
                    sum(with_actual)::int8, sum(actual_hours)::float8,
                    count(*), count(DISTINCT due_date) + 1
             FROM work_item_tallies WHERE tenant_id = $1
             GROUP BY status, priority"
        ),
        [tenant.as_uuid().into(), today.into()],
    )
}

/// The people with the most open items, with how many tally rows there
/// are and how many people they name.
fn assignee_sums(tenant: TenantId) -> Statement {
    Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT user_id, open_items, tally_rows, people FROM (
           SELECT user_id, sum(open_items)::int8 AS open_items,
                  (sum(count(*)) OVER ())::int8 AS tally_rows, count(*) OVER () AS people
           FROM work_assignee_tallies WHERE tenant_id = $1 GROUP BY user_id) t
         WHERE open_items > 0
         ORDER BY open_items DESC, user_id
         LIMIT $2",
        [
            tenant.as_uuid().into(),
            i64::try_from(MAX_ASSIGNEES_SHOWN)
                .unwrap_or(i64::MAX)
                .into(),
        ],
    )
}

pub(super) async fn item_analytics(
    store: &SeaOrmStore,
    tenant: TenantId,
    today: NaiveDate,
    week_start: DateTime<Utc>,
) -> DomainResult<ItemAnalytics> {
    let db = store.read(tenant);
    let mut figures = Sums::default();
    let mut item_rows = (0, 0);
    for row in db
        .query_all_raw(item_sums(tenant, today))
        .await
        .map_err(internal)?
    {
        let mut columns = Columns::new(&row);
        let status: String = columns.take()?;
        let status = ItemStatus::parse(&status)
            .ok_or_else(|| DomainError::internal_msg("tallied status unknown"))?;
        let priority = Priority::from_rank(columns.take()?)
            .ok_or_else(|| DomainError::internal_msg("tallied priority unknown"))?;
        let items: i64 = columns.take()?;
        figures.add(status, priority, items);
        figures.overdue += columns.take::<i64>()?;
        figures.completed += columns.take::<i64>()?;
        figures.completion_seconds += columns.take::<f64>()?;
        figures.with_actual += columns.take::<i64>()?;
        figures.actual_hours += columns.take::<f64>()?;
        item_rows.0 += columns.take::<i64>()?;
        item_rows.1 += columns.take::<i64>()?;
    }

    let completed_this_week = scoped::<item::Entity>(tenant)
        .filter(I::CompletedAt.gte(week_start))
        .count(&db)
        .await
        .map_err(internal)?;

    let mut by_assignee = Vec::new();
    let mut assignee_rows = (0, 0);
    for row in db
        .query_all_raw(assignee_sums(tenant))
        .await
        .map_err(internal)?
    {
        let mut columns = Columns::new(&row);
        let user = UserId::from_uuid(columns.take::<Uuid>()?);
        by_assignee.push((user, count(columns.take()?)));
        assignee_rows = (columns.take()?, columns.take()?);
    }

    if (piled_up(item_rows) || piled_up(assignee_rows))
        && let Err(error) = fold(store, tenant).await
    {
        // The figures stand; the next read folds.
        tracing::warn!(%error, "folding the work tallies failed");
    }

    Ok(ItemAnalytics {
        total: count(figures.by_status.iter().map(|(_, n)| *n).sum()),
        by_status: analytics::every_status(&counts(&figures.by_status)),
        by_priority: analytics::every_priority(&counts(&figures.by_priority)),
        overdue: count(figures.overdue),
        completed_this_week,
        avg_completion_hours: mean(figures.completion_seconds / 3600.0, figures.completed),
        avg_actual_hours: mean(figures.actual_hours, figures.with_actual),
        by_assignee,
    })
}

#[derive(Default)]
struct Sums {
    by_status: Vec<(ItemStatus, i64)>,
    by_priority: Vec<(Priority, i64)>,
    overdue: i64,
    completed: i64,
    completion_seconds: f64,
    with_actual: i64,
    actual_hours: f64,
}

impl Sums {
    fn add(&mut self, status: ItemStatus, priority: Priority, items: i64) {
        add_to(&mut self.by_status, status, items);
        add_to(&mut self.by_priority, priority, items);
    }
}

fn add_to<K: PartialEq>(counts: &mut Vec<(K, i64)>, key: K, n: i64) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, total)) => *total += n,
        None => counts.push((key, n)),
    }
}

fn counts<K: Copy>(sums: &[(K, i64)]) -> Vec<(K, u64)> {
    sums.iter().map(|(k, n)| (*k, count(*n))).collect()
}

fn mean(sum: f64, n: i64) -> Option<f64> {
    (n > 0).then(|| sum / n as f64)
}

/// `(rows, keys)`: more rows than keys by the slack and by half again.
fn piled_up((rows, keys): (i64, i64)) -> bool {
    rows > keys + SLACK && rows > keys * 3 / 2
}

/// One row per key of the tenant's tallies, and none for a key that sums
/// to nothing. A fold already under way for the tenant makes this one a
/// no-op: the rows it deletes would wait for it, then be gone.
async fn fold(store: &SeaOrmStore, tenant: TenantId) -> DomainResult<()> {
    const LOCK: &str =
        "SELECT pg_try_advisory_xact_lock(hashtextextended('work_tallies/' || $1::text, 0))";
    const ITEMS: &str = "
        WITH gone AS (DELETE FROM work_item_tallies WHERE tenant_id = $1 RETURNING *)
        INSERT INTO work_item_tallies (tenant_id, status, priority, due_date, items, completed,
          completion_seconds, with_actual, actual_hours)
        SELECT tenant_id, status, priority, due_date, sum(items), sum(completed),
               sum(completion_seconds), sum(with_actual), sum(actual_hours)
        FROM gone
        GROUP BY tenant_id, status, priority, due_date
        HAVING sum(items) <> 0 OR sum(completed) <> 0 OR sum(completion_seconds) <> 0
            OR sum(with_actual) <> 0 OR sum(actual_hours) <> 0";
    const ASSIGNEES: &str = "
        WITH gone AS (DELETE FROM work_assignee_tallies WHERE tenant_id = $1 RETURNING *)
        INSERT INTO work_assignee_tallies (tenant_id, user_id, open_items)
        SELECT tenant_id, user_id, sum(open_items)
        FROM gone
        GROUP BY tenant_id, user_id
        HAVING sum(open_items) <> 0";
    let txn = store.write(tenant).await?;
    let statement = |sql: &str| {
        Statement::from_sql_and_values(DbBackend::Postgres, sql, [tenant.as_uuid().into()])
    };
    let locked = txn
        .query_one_raw(statement(LOCK))
        .await
        .map_err(internal)?
        .map(|row| row.try_get_by_index::<bool>(0))
        .transpose()
        .map_err(internal)?
        .unwrap_or(false);
    if !locked {
        return Ok(());
    }
    txn.execute_raw(statement(ITEMS)).await.map_err(internal)?;
    txn.execute_raw(statement(ASSIGNEES))
        .await
        .map_err(internal)?;
    txn.commit_unaudited().await
}
