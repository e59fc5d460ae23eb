//! The items' history: written by every item write, in its transaction,
//! and read newest first by keyset on the time-ordered id.

use std::collections::HashMap;

use async_trait::async_trait;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{DomainResult, Page, PageRequest, TenantId};
use trellis_work::ports::ActivityRepository;
use trellis_work::{Activity, ActivityFilter};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::internal;
use crate::work::convert;
use crate::work::entity::{activity, activity_change};
use crate::write::{Write, ensure_scope, scoped};

/// Records `entry` with its changes, in the write's transaction.
pub(crate) async fn insert(txn: &Write, tenant: TenantId, entry: &Activity) -> DomainResult<()> {
    ensure_scope(tenant, entry.tenant_id, "the activity entry")?;
    activity::Entity::insert(convert::activity_model(entry))
        .exec_without_returning(txn)
        .await
        .map_err(internal)?;
    activity_change::Entity::insert_many(convert::change_models(entry)?)
        .exec_without_returning(txn)
        .await
        .map_err(internal)?;
    Ok(())
}

#[async_trait]
impl ActivityRepository for SeaOrmStore {
    /// Two statements: the page of entries, then all their changes.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(
        &self,
        tenant: TenantId,
        filter: &ActivityFilter,
        page: PageRequest,
    ) -> DomainResult<Page<Activity>> {
        use activity::Column as A;
        let mut query = scoped::<activity::Entity>(tenant);
        if let Some(item) = filter.item_id {
            query = query.filter(A::ItemId.eq(item.as_uuid()));
        }
        if let Some(actor) = filter.actor_id {
            query = query.filter(A::ActorId.eq(actor.as_uuid()));
        }
        if let Some(action) = filter.action {
            query = query.filter(A::Action.eq(action.as_str()));
        }
        if let Some(since) = filter.since {
            query = query.filter(A::At.gte(since));
        }
        if let Some(until) = filter.until {
            query = query.filter(A::At.lte(until));
        }
        if filter.field.is_some() || filter.to.is_some() {
            let mut change = Query::select();
            change
                .expr(Expr::val(1))
                .from(activity_change::Entity)
                .and_where(
                    Expr::col((activity_change::Entity, activity_change::Column::TenantId))
                        .equals((activity::Entity, A::TenantId)),
                )
                .and_where(
                    Expr::col((activity_change::Entity, activity_change::Column::ActivityId))
                        .equals((activity::Entity, A::Id)),
                );
            if let Some(field) = &filter.field {
                change.and_where(
                    Expr::col((activity_change::Entity, activity_change::Column::Field))
                        .eq(field.as_str()),
                );
            }
            if let Some(to) = &filter.to {
                change.and_where(
                    Expr::col((activity_change::Entity, activity_change::Column::ToValue))
                        .eq(convert::json_text(to)),
                );
            }
            query = query.filter(Expr::exists(change));
        }
        if let Some(before) = page.after {
            query = query.filter(A::Id.lt(before.0));
        }
        let read = self.read(tenant);
        let rows = query
            .order_by_desc(A::Id)
            .limit(page.fetch_limit())
            .all(&read)
            .await
            .map_err(internal)?;
        let page = Page::from_overfetch(rows, &page);
        let mut changes: HashMap<Uuid, Vec<activity_change::Model>> = HashMap::new();
        if !page.items.is_empty() {
            let ids: Vec<Uuid> = page.items.iter().map(|row| row.id).collect();
            let rows = scoped::<activity_change::Entity>(tenant)
                .filter(activity_change::Column::ActivityId.is_in(ids))
                .order_by_asc(activity_change::Column::ActivityId)
                .order_by_asc(activity_change::Column::Position)
                .all(&read)
                .await
                .map_err(internal)?;
            for row in rows {
                changes.entry(row.activity_id).or_default().push(row);
            }
        }
        let has_next_page = page.has_next_page;
        let items = page
            .items
            .into_iter()
            .map(|row| {
                let own = changes.remove(&row.id).unwrap_or_default();
                convert::activity(row, own)
            })
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page {
            items,
            has_next_page,
        })
    }
}
