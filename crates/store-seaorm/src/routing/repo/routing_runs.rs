use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{DomainResult, Page, PageRequest, TenantId};
use trellis_rules::ports::RoutingRunRepository;
use trellis_rules::{RoutingRun, RoutingRunFilter};

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::routing::convert;
use crate::routing::entity::routing_run;
use crate::write::ensure_scope;

#[async_trait]
impl RoutingRunRepository for SeaOrmStore {
    /// The run is a record of what happened, with no audit entry of its own.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, run = %run.id))]
    async fn insert(&self, tenant: TenantId, run: &RoutingRun) -> DomainResult<()> {
        ensure_scope(tenant, run.tenant_id, "the routing run")?;
        let model = convert::run_model(run)?;
        let txn = self.write(tenant).await?;
        routing_run::Entity::insert(model)
            .exec_without_returning(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, || "a routing run with this id exists".into()))?;
        txn.commit_unaudited().await
    }

    /// Newest first, by keyset on the time-ordered id; the intent and
    /// outcome filters each have an index `(tenant_id, field, id)`.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(
        &self,
        tenant: TenantId,
        filter: &RoutingRunFilter,
        page: PageRequest,
    ) -> DomainResult<Page<RoutingRun>> {
        let mut query =
            routing_run::Entity::find().filter(routing_run::Column::TenantId.eq(tenant.as_uuid()));
        if let Some(intent) = filter.intent_id {
            query = query.filter(routing_run::Column::IntentId.eq(intent.as_uuid()));
        }
        if let Some(outcome) = filter.outcome {
            query = query.filter(routing_run::Column::Outcome.eq(outcome.as_str()));
        }
        let Some((since, until)) = stored_bounds(filter) else {
            return Ok(Page::from_overfetch(Vec::new(), &page));
        };
        if let Some(since) = since {
            query = query.filter(routing_run::Column::CreatedAt.gte(since));
        }
        if let Some(until) = until {
            query = query.filter(routing_run::Column::CreatedAt.lt(until));
        }
        if let Some(before) = page.after {
            query = query.filter(routing_run::Column::Id.lt(before.0));
        }
        let rows = query
            .order_by_desc(routing_run::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let runs = rows
            .into_iter()
            .map(convert::run)
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(runs, &page))
    }
}

/// `since` and `until`, each optional.
type Bounds = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The filter's time bounds as the database can compare them, or `None`
/// when no run can lie between them. SQLite keeps timestamps as RFC 3339
/// text, which sorts as time only for four-digit years: `+99999-…` sorts
/// before `2026-…`. Runs are stamped by the server's clock, so a bound past
/// either end of those years either excludes every run or none, and is
/// settled here rather than compared as text.
fn stored_bounds(filter: &RoutingRunFilter) -> Option<Bounds> {
    let first = NaiveDate::from_ymd_opt(0, 1, 1)?
        .and_hms_opt(0, 0, 0)?
        .and_utc();
    let last = NaiveDate::from_ymd_opt(9999, 12, 31)?
        .and_hms_nano_opt(23, 59, 59, 999_999_999)?
        .and_utc();
    let since = match filter.since {
        Some(since) if since > last => return None,
        Some(since) if since > first => Some(since),
        _ => None,
    };
    let until = match filter.until {
        Some(until) if until <= first => return None,
        Some(until) if until <= last => Some(until),
        _ => None,
    };
    Some((since, until))
}
