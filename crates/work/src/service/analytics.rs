//! Figures over a tenant's items, for whoever may read them.

use std::sync::Arc;

use chrono::Duration;
use trellis_kernel::{DomainError, DomainResult, Permission, TenantCtx};

use super::WorkDeps;
use crate::analytics::{ItemAnalytics, MAX_THROUGHPUT_WEEKS, ThroughputWeek, week_start};
use crate::item::ItemFilter;

#[derive(Clone)]
pub struct AnalyticsService {
    deps: Arc<WorkDeps>,
}

impl AnalyticsService {
    pub fn new(deps: Arc<WorkDeps>) -> Self {
        Self { deps }
    }

    /// Figures over the live items that pass `filter` (its search
    /// included), as of today (UTC).
    ///
    /// # Errors
    /// `Validation` on filter fields that contradict each other, as a list
    /// has them.
    pub async fn items(&self, ctx: &TenantCtx, filter: &ItemFilter) -> DomainResult<ItemAnalytics> {
        ctx.require(Permission::ItemsRead)?;
        super::items_read::check_filter(filter)?;
        let today = self.deps.clock.now().date_naive();
        self.deps
            .analytics
            .item_analytics(ctx.tenant_id, filter, today, week_start(today))
            .await
    }

    /// Items completed in each of the last `weeks` ISO weeks, this one
    /// included, oldest first.
    ///
    /// # Errors
    /// `Validation` on `weeks` outside 1 to 52.
    pub async fn throughput(
        &self,
        ctx: &TenantCtx,
        weeks: i32,
    ) -> DomainResult<Vec<ThroughputWeek>> {
        ctx.require(Permission::ItemsRead)?;
        let weeks = u32::try_from(weeks)
            .ok()
            .filter(|weeks| (1..=MAX_THROUGHPUT_WEEKS).contains(weeks))
            .ok_or_else(|| {
                DomainError::invalid("weeks", format!("must be from 1 to {MAX_THROUGHPUT_WEEKS}"))
            })?;
        let this_week = week_start(self.deps.clock.now().date_naive());
        let first = this_week - Duration::weeks(i64::from(weeks) - 1);
        self.deps
            .analytics
            .throughput(ctx.tenant_id, first, weeks)
            .await
    }
}
