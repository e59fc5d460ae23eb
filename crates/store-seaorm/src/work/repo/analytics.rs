//! The analytics port: every figure is an aggregate the database computes
//! over the same filtered items a list reads (`item_list::filtered`), so a
//! tenant's million items never travel to the server. On PostgreSQL the
//! unfiltered figures come from running tallies instead
//! (`analytics_tallies`), which cost the same at any number of items.

use async_trait::async_trait;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, Order, QueryFilter, QueryOrder, QuerySelect,
};
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId};
use trellis_work::analytics::{self, ItemAnalytics, MAX_ASSIGNEES_SHOWN, ThroughputWeek};
use trellis_work::ports::AnalyticsRepository;
use trellis_work::{ItemFilter, ItemStatus, Priority};
use uuid::Uuid;

use super::item_list::filtered;
use crate::SeaOrmStore;
use crate::error::internal;
use crate::work::entity::item::{self, Column as I};
use crate::work::entity::item_assignee;
use crate::write::scoped;

#[async_trait]
impl AnalyticsRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn item_analytics(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        today: NaiveDate,
        week_start: NaiveDate,
    ) -> DomainResult<ItemAnalytics> {
        let db = self.read(tenant);
        let backend = db.get_database_backend();
        if backend == DbBackend::Postgres && *filter == ItemFilter::default() {
            return super::analytics_tallies::item_analytics(
                self,
                tenant,
                today,
                midnight(week_start),
            )
            .await;
        }
        let (total, overdue, completed_this_week, avg_completion_hours, avg_actual_hours) =
            filtered(backend, tenant, filter)
                .select_only()
                .column_as(Expr::col((item::Entity, I::Id)).count(), "total")
                .column_as(count_where(overdue(today)), "overdue")
                .column_as(
                    count_where(
                        Expr::col((item::Entity, I::CompletedAt)).gte(midnight(week_start)),
                    ),
                    "completed_this_week",
                )
                .column_as(completion_hours(backend), "avg_completion_hours")
                .column_as(
                    Expr::col((item::Entity, I::ActualHours)).avg(),
                    "avg_actual_hours",
                )
                .into_tuple::<(i64, Option<i64>, Option<i64>, Option<f64>, Option<f64>)>()
                .one(&db)
                .await
                .map_err(internal)?
                .ok_or_else(|| DomainError::internal_msg("an aggregate returned no row"))?;

        let by_status = filtered(backend, tenant, filter)
            .select_only()
            .column(I::Status)
            .column_as(Expr::col((item::Entity, I::Id)).count(), "count")
            .group_by(I::Status)
            .into_tuple::<(String, i64)>()
            .all(&db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|(status, n)| {
                ItemStatus::parse(&status)
                    .map(|status| (status, count(n)))
                    .ok_or_else(|| DomainError::internal_msg("stored status is unknown"))
            })
            .collect::<DomainResult<Vec<_>>>()?;
        let by_priority = filtered(backend, tenant, filter)
            .select_only()
            .column(I::Priority)
            .column_as(Expr::col((item::Entity, I::Id)).count(), "count")
            .group_by(I::Priority)
            .into_tuple::<(i16, i64)>()
            .all(&db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|(rank, n)| {
                Priority::from_rank(rank)
                    .map(|priority| (priority, count(n)))
                    .ok_or_else(|| DomainError::internal_msg("stored priority is unknown"))
            })
            .collect::<DomainResult<Vec<_>>>()?;
        let by_assignee = by_assignee(&db, tenant, filter).await?;

        Ok(ItemAnalytics {
            total: count(total),
            by_status: analytics::every_status(&by_status),
            by_priority: analytics::every_priority(&by_priority),
            overdue: count(overdue.unwrap_or_default()),
            completed_this_week: count(completed_this_week.unwrap_or_default()),
            avg_completion_hours,
            avg_actual_hours,
            by_assignee,
        })
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, weeks))]
    async fn throughput(
        &self,
        tenant: TenantId,
        first_week_start: NaiveDate,
        weeks: u32,
    ) -> DomainResult<Vec<ThroughputWeek>> {
        let db = self.read(tenant);
        let week = week_of_completion(db.get_database_backend());
        let end = first_week_start + Duration::weeks(i64::from(weeks));
        let rows = scoped::<item::Entity>(tenant)
            .filter(I::CompletedAt.gte(midnight(first_week_start)))
            .filter(I::CompletedAt.lt(midnight(end)))
            .select_only()
            .column_as(week.clone(), "week")
            .column_as(Expr::col((item::Entity, I::Id)).count(), "completed")
            .group_by(week)
            .into_tuple::<(String, i64)>()
            .all(&db)
            .await
            .map_err(internal)?;
        let found = rows
            .into_iter()
            .map(|(week, n)| {
                week.parse::<NaiveDate>()
                    .map(|day| (day, count(n)))
                    .map_err(DomainError::internal)
            })
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(analytics::every_week(first_week_start, weeks, &found))
    }
}

/// Open items per assignee, most first (ties by id, so the cut at the
/// limit is stable).
async fn by_assignee<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    filter: &ItemFilter,
) -> DomainResult<Vec<(UserId, u64)>> {
    use item_assignee::{Column as A, Entity as Assignees};
    let mut query = filtered(db.get_database_backend(), tenant, filter).filter(open());
    QuerySelect::query(&mut query).join(
        JoinType::InnerJoin,
        Assignees,
        Expr::col((Assignees, A::TenantId))
            .equals((item::Entity, I::TenantId))
            .and(Expr::col((Assignees, A::ItemId)).equals((item::Entity, I::Id))),
    );
    let user = Expr::col((Assignees, A::UserId));
    let items = Expr::col((item::Entity, I::Id)).count();
    let rows = query
        .select_only()
        .column_as(user.clone(), "user_id")
        .column_as(items.clone(), "count")
        .group_by(user.clone())
        .order_by(items, Order::Desc)
        .order_by(user, Order::Asc)
        .limit(MAX_ASSIGNEES_SHOWN as u64)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await
        .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|(user, n)| (UserId::from_uuid(user), count(n)))
        .collect())
}

fn open() -> SimpleExpr {
    let closed = ItemStatus::ALL.into_iter().filter(|s| !s.is_open());
    Expr::col((item::Entity, I::Status)).is_not_in(closed.map(ItemStatus::as_str))
}

fn overdue(today: NaiveDate) -> SimpleExpr {
    Expr::col((item::Entity, I::DueDate)).lt(today).and(open())
}

/// How many rows `condition` holds for.
fn count_where(condition: SimpleExpr) -> SimpleExpr {
    Expr::case(condition, 1).finally(0).sum()
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}

/// The mean of creation to completion, in hours, over DONE items; each
/// backend has its own time arithmetic.
fn completion_hours(backend: DbBackend) -> SimpleExpr {
    let hours = match backend {
        DbBackend::Postgres => Expr::cust(
            r#"CAST(EXTRACT(EPOCH FROM ("work_items"."completed_at" - "work_items"."created_at")) AS DOUBLE PRECISION) / 3600.0"#,
        ),
        _ => Expr::cust(
            r#"(julianday("work_items"."completed_at") - julianday("work_items"."created_at")) * 24.0"#,
        ),
    };
    let done = Expr::col((item::Entity, I::Status))
        .eq(ItemStatus::Done.as_str())
        .and(Expr::col((item::Entity, I::CompletedAt)).is_not_null());
    // Items that are not DONE give NULL, which AVG leaves out.
    Expr::case(done, hours).finally(Expr::null()).avg()
}

/// The Monday (UTC) of the week an item was completed in, as `YYYY-MM-DD`.
fn week_of_completion(backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust(
            r#"to_char(date_trunc('week', "work_items"."completed_at" AT TIME ZONE 'UTC'), 'YYYY-MM-DD')"#,
        ),
        // The next Sunday (or the day itself, a Sunday), less six days.
        _ => Expr::cust(r#"date("work_items"."completed_at", 'weekday 0', '-6 days')"#),
    }
}

/// A count as SQL gives it (a BIGINT), as the figures hold it.
pub(super) fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or_default()
}
