//! The item port's lookups: one item with its relations, and what a page
//! of items needs, one statement per relation.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, JoinType, Order, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
};
use trellis_kernel::{DomainResult, TenantId, UserId};
use trellis_work::item::ItemState;
use trellis_work::{ItemId, ItemStatus, Progress, Tag, TagId};
use uuid::Uuid;

use crate::error::internal;
use crate::work::convert;
use crate::work::entity::{item, item_assignee, item_tag, tag};
use crate::write::{one_of, scoped};

fn uuids(items: &[ItemId]) -> Vec<Uuid> {
    items.iter().map(ItemId::as_uuid).collect()
}

pub(super) async fn find<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    id: ItemId,
) -> DomainResult<Option<ItemState>> {
    let Some(row) = one_of::<item::Entity>(tenant, id.as_uuid())
        .one(db)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    let assignee_ids = assignees(db, tenant, &[id])
        .await?
        .into_iter()
        .map(|(_, user)| user)
        .collect();
    let tag_ids = scoped::<item_tag::Entity>(tenant)
        .inner_join(tag::Entity)
        .filter(tag::Column::DeletedAt.is_null())
        .filter(item_tag::Column::ItemId.eq(id.as_uuid()))
        .select_only()
        .column(item_tag::Column::TagId)
        .order_by_asc(item_tag::Column::TagId)
        .into_tuple::<Uuid>()
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(TagId::from_uuid)
        .collect();
    Ok(Some(ItemState {
        item: convert::item(row)?,
        assignee_ids,
        tag_ids,
    }))
}

/// Each item's assignees, by user id.
pub(super) async fn assignees<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    items: &[ItemId],
) -> DomainResult<Vec<(ItemId, UserId)>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let rows = scoped::<item_assignee::Entity>(tenant)
        .filter(item_assignee::Column::ItemId.is_in(uuids(items)))
        .order_by_asc(item_assignee::Column::ItemId)
        .order_by_asc(item_assignee::Column::UserId)
        .all(db)
        .await
        .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            (
                ItemId::from_uuid(row.item_id),
                UserId::from_uuid(row.user_id),
            )
        })
        .collect())
}

/// Each item's live tags, by name: the page's links first, then their
/// tags. On PostgreSQL the links sit in a subquery with `OFFSET 0`, which
/// it plans on its own: it reads them by item through the key, never by
/// walking each tag's links across all of a tenant's items, whatever the
/// statistics of one tenant's million items suggest. (SQLite takes no
/// OFFSET without a LIMIT, and plans from the item ids anyway.)
const LINKED_ITEM: &str = "linked_item_id";

pub(super) async fn tags<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    items: &[ItemId],
) -> DomainResult<Vec<(ItemId, Tag)>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let links = Alias::new("page_links");
    let linked_item = Alias::new(LINKED_ITEM);
    let mut page_links = Query::select()
        .expr_as(Expr::col(item_tag::Column::ItemId), linked_item.clone())
        .column(item_tag::Column::TagId)
        .from(item_tag::Entity)
        .and_where(Expr::col(item_tag::Column::TenantId).eq(tenant.as_uuid()))
        .and_where(Expr::col(item_tag::Column::ItemId).is_in(uuids(items)))
        .to_owned();
    if db.get_database_backend() == DbBackend::Postgres {
        page_links.offset(0);
    }
    let query = Query::select()
        .column((links.clone(), linked_item.clone()))
        .column((tag::Entity, Asterisk))
        .from_subquery(page_links, links.clone())
        .join(
            JoinType::InnerJoin,
            tag::Entity,
            Expr::col((tag::Entity, tag::Column::TenantId))
                .eq(tenant.as_uuid())
                .and(
                    Expr::col((tag::Entity, tag::Column::Id))
                        .equals((links.clone(), item_tag::Column::TagId)),
                ),
        )
        .and_where(Expr::col((tag::Entity, tag::Column::DeletedAt)).is_null())
        .order_by((links, linked_item.clone()), Order::Asc)
        .order_by((tag::Entity, tag::Column::NameKey), Order::Asc)
        .to_owned();
    db.query_all(&query)
        .await
        .map_err(internal)?
        .iter()
        .map(|row| {
            let item: Uuid = row.try_get("", LINKED_ITEM).map_err(internal)?;
            let tag = tag::Model::from_query_result(row, "").map_err(internal)?;
            Ok((ItemId::from_uuid(item), convert::tag(tag)?))
        })
        .collect()
}

/// One GROUP BY over the items' live subtasks; an item without any has
/// none of either.
pub(super) async fn progress<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    items: &[ItemId],
) -> DomainResult<Vec<(ItemId, Progress)>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let done = Expr::case(
        Expr::col(item::Column::Status).eq(ItemStatus::Done.as_str()),
        Expr::cust("1"),
    )
    .finally(Expr::cust("0"));
    let counted = scoped::<item::Entity>(tenant)
        .filter(item::Column::ParentId.is_in(uuids(items)))
        .select_only()
        .column(item::Column::ParentId)
        .expr(Expr::col(item::Column::Id).count())
        .expr(Into::<Expr>::into(done).sum())
        .group_by(item::Column::ParentId)
        .into_tuple::<(Uuid, i64, i64)>()
        .all(db)
        .await
        .map_err(internal)?;
    let counted: HashMap<Uuid, (i64, i64)> = counted
        .into_iter()
        .map(|(parent, total, done)| (parent, (total, done)))
        .collect();
    let count = |value: i64| u64::try_from(value).unwrap_or(0);
    let mut seen = HashSet::new();
    let out = items
        .iter()
        .filter(|id| seen.insert(**id))
        .map(|id| {
            let progress = counted
                .get(&id.as_uuid())
                .map(|(total, done)| Progress {
                    total: count(*total),
                    done: count(*done),
                })
                .unwrap_or_default();
            (*id, progress)
        })
        .collect();
    Ok(out)
}
