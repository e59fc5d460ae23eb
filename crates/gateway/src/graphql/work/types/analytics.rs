//! Figures over a tenant's items, and items completed per week.

use async_graphql::{ComplexObject, Context, Result, SimpleObject};
use chrono::NaiveDate;
use trellis_kernel::UserId;
use trellis_work::analytics as work;

use super::item::{ItemStatus, Priority};
use crate::graphql::error::GqlResultExt;
use crate::graphql::loaders::Loaders;
use crate::graphql::tenancy::types::User;

#[derive(SimpleObject)]
pub struct StatusCount {
    pub status: ItemStatus,
    pub count: u64,
}

#[derive(SimpleObject)]
pub struct PriorityCount {
    pub priority: Priority,
    pub count: u64,
}

/// Open items assigned to one member.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct AssigneeCount {
    #[graphql(skip)]
    pub user_id: UserId,
    pub count: u64,
}

#[ComplexObject]
impl AssigneeCount {
    /// The assignee; through the request's loader, so a whole list of them
    /// is one lookup.
    async fn user(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let person = Loaders::work(ctx)?.load_one(self.user_id).await.gql(ctx)?;
        Ok(person.map(super::user))
    }
}

/// Figures over the live items that pass the filter.
#[derive(SimpleObject)]
pub struct ItemAnalytics {
    pub total: u64,
    /// Every status, zero included.
    pub by_status: Vec<StatusCount>,
    /// Every priority, zero included.
    pub by_priority: Vec<PriorityCount>,
    /// Open items due before today (UTC).
    pub overdue: u64,
    /// Completed since Monday 00:00 UTC.
    pub completed_this_week: u64,
    /// Mean hours from creation to completion of DONE items; null when
    /// there is none.
    pub avg_completion_hours: Option<f64>,
    /// Mean of `actualHours` over the items that have it.
    pub avg_actual_hours: Option<f64>,
    /// Open items per assignee, most first, at most 50.
    pub by_assignee: Vec<AssigneeCount>,
}

impl From<work::ItemAnalytics> for ItemAnalytics {
    fn from(figures: work::ItemAnalytics) -> Self {
        Self {
            total: figures.total,
            by_status: figures
                .by_status
                .into_iter()
                .map(|(status, count)| StatusCount {
                    status: status.into(),
                    count,
                })
                .collect(),
            by_priority: figures
                .by_priority
                .into_iter()
                .map(|(priority, count)| PriorityCount {
                    priority: priority.into(),
                    count,
                })
                .collect(),
            overdue: figures.overdue,
            completed_this_week: figures.completed_this_week,
            avg_completion_hours: figures.avg_completion_hours,
            avg_actual_hours: figures.avg_actual_hours,
            by_assignee: figures
                .by_assignee
                .into_iter()
                .map(|(user_id, count)| AssigneeCount { user_id, count })
                .collect(),
        }
    }
}

/// Items completed in one ISO week.
#[derive(SimpleObject)]
pub struct ThroughputWeek {
    /// Its Monday.
    pub week_start: NaiveDate,
    pub completed: u64,
}

impl From<work::ThroughputWeek> for ThroughputWeek {
    fn from(week: work::ThroughputWeek) -> Self {
        Self {
            week_start: week.week_start,
            completed: week.completed,
        }
    }
}
