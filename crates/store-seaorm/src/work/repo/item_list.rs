//! A page of items: every filter, in any order, by keyset.
//!
//! Each order has an index `(tenant_id, key, id)` over live items, and a
//! page after a cursor is the rows whose `(key, id)` compares after the
//! cursor's, a row-value comparison both backends answer with a range
//! scan. Items without a due date come last in either direction, so the
//! due-date order is two ranges: the dated items, then the undated ones
//! by id (their own partial index), joined in one statement.

use sea_orm::sea_query::{
    Asterisk, Expr, ExprTrait, JoinType, Query, SelectStatement, SimpleExpr, UnionType,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, Iterable, Order, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Select, Value,
};
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId};
use trellis_work::order::{ItemCursor, ItemSort, SortDirection, SortKey};
use trellis_work::ports::{ItemRelations, ListedItem};
use trellis_work::{Item, ItemFilter, ItemPageRequest, ItemStatus, TagMatch};
use uuid::Uuid;

use super::item_relations;
use crate::error::internal;
use crate::work::entity::item::{self, Column as I};
use crate::work::entity::{item_assignee, item_tag, tag};
use crate::write::scoped;

pub(super) async fn list<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    filter: &ItemFilter,
    page: &ItemPageRequest,
    with: ItemRelations,
) -> DomainResult<Page<ListedItem>> {
    let backend = db.get_database_backend();
    let along = item_relations::read_along(backend, with);
    let mut query = filtered(backend, tenant, filter);
    if !with.descriptions {
        without_descriptions(QueryTrait::query(&mut query));
    }
    item_relations::select_keys(QueryTrait::query(&mut query), along);
    let order = match page.order.direction {
        SortDirection::Asc => Order::Asc,
        SortDirection::Desc => Order::Desc,
    };
    let limit = page.fetch_limit();
    let statement = match page.order.sort {
        ItemSort::DueDate => by_due_date(query, page.after.as_ref(), order, limit, along)?,
        ItemSort::Relevance => {
            return Err(DomainError::invalid(
                "orderBy",
                "RELEVANCE needs filter.search, the words to rank by",
            ));
        }
        sort => {
            let column = match sort {
                ItemSort::UpdatedAt => Some(I::UpdatedAt),
                ItemSort::Priority => Some(I::Priority),
                ItemSort::Title => Some(I::TitleKey),
                _ => None,
            };
            let mut query = query;
            if let Some(cursor) = &page.after {
                let key = sort_value(sort, cursor)?;
                query = query.filter(after(column.zip(key), cursor.id.as_uuid(), &order));
            }
            let mut keys = Vec::from_iter(column);
            keys.push(I::Id);
            for key in &keys {
                query = query.order_by(*key, order.clone());
            }
            let on_page = keys
                .iter()
                .map(|key| (item_relations::on_page(*key), order.clone()))
                .collect();
            item_relations::along_with(query.limit(limit).into_query(), on_page, along)
        }
    };
    let rows = db
        .query_all_raw(backend.build(&statement))
        .await
        .map_err(internal)?;
    let items = item_relations::decode(&rows, tenant, along)?;
    let request = PageRequest {
        first: page.first,
        after: None,
    };
    Ok(Page::from_overfetch(items, &request))
}

/// The item's columns in the entity's order, with an empty description:
/// a list seldom shows one, and each may hold 50,000 characters.
fn without_descriptions(rows: &mut SelectStatement) {
    rows.clear_selects();
    for column in item::Column::iter() {
        if matches!(column, I::Description) {
            rows.expr_as(Expr::cust("CAST(NULL AS TEXT)"), column);
        } else {
            rows.column((item::Entity, column));
        }
    }
}

fn another_order() -> DomainError {
    DomainError::invalid(
        "after",
        "was issued for another order; start again without `after`",
    )
}

/// The cursor's value of the sort's column; none for the order by
/// creation, which is the id's.
fn sort_value(sort: ItemSort, cursor: &ItemCursor) -> DomainResult<Option<Value>> {
    match (sort, &cursor.key) {
        (ItemSort::CreatedAt, SortKey::CreatedAt) => Ok(None),
        (ItemSort::UpdatedAt, SortKey::UpdatedAt(at)) => Ok(Some((*at).into())),
        (ItemSort::Priority, SortKey::Priority(rank)) => Ok(Some((*rank).into())),
        (ItemSort::Title, SortKey::Title(title)) => Ok(Some(title.clone().into())),
        _ => Err(another_order()),
    }
}

/// Rows after the cursor `(key, id)` in `order`; with no key, after `id`.
fn after(key: Option<(I, Value)>, id: Uuid, order: &Order) -> SimpleExpr {
    let (rows, cursor) = match key {
        Some((column, value)) => (
            Expr::tuple([
                Expr::col((item::Entity, column)),
                Expr::col((item::Entity, I::Id)),
            ]),
            Expr::tuple([Expr::val(value), Expr::val(id)]),
        ),
        None => (Expr::col((item::Entity, I::Id)), Expr::val(id)),
    };
    match order {
        Order::Asc => rows.gt(cursor),
        _ => rows.lt(cursor),
    }
}

/// The dated items after the cursor, then the undated ones: a cursor on
/// an undated item reads only the latter.
fn by_due_date(
    query: Select<item::Entity>,
    cursor: Option<&ItemCursor>,
    order: Order,
    limit: u64,
    along: ItemRelations,
) -> DomainResult<SelectStatement> {
    let (dated_after, undated_after) = match cursor.map(|c| (&c.key, c.id.as_uuid())) {
        None => (None, None),
        Some((SortKey::DueDate(Some(day)), id)) => (
            Some(after(Some((I::DueDate, (*day).into())), id, &order)),
            None,
        ),
        Some((SortKey::DueDate(None), id)) => (None, Some(after(None, id, &order))),
        Some(_) => return Err(another_order()),
    };
    let mut undated = query.clone().filter(I::DueDate.is_null());
    if let Some(condition) = undated_after {
        undated = undated.filter(condition);
    }
    let undated = undated.order_by(I::Id, order.clone()).limit(limit);
    if matches!(cursor, Some(c) if c.key == SortKey::DueDate(None)) {
        let on_page = vec![(item_relations::on_page(I::Id), order)];
        return Ok(item_relations::along_with(
            undated.into_query(),
            on_page,
            along,
        ));
    }
    let mut dated = query.filter(I::DueDate.is_not_null());
    if let Some(condition) = dated_after {
        dated = dated.filter(condition);
    }
    let dated = dated
        .order_by(I::DueDate, order.clone())
        .order_by(I::Id, order.clone())
        .limit(limit);
    // Each range keeps its own order and limit inside a subquery, which
    // SQLite requires of the members of a UNION.
    let range = |select: Select<item::Entity>, alias: &'static str| {
        Query::select()
            .column(Asterisk)
            .from_subquery(select.into_query(), alias)
            .to_owned()
    };
    let both = range(dated, "dated")
        .union(UnionType::All, range(undated, "undated"))
        .to_owned();
    let rows: SelectStatement = Query::select()
        .column(Asterisk)
        .from_subquery(both, "due")
        .order_by_expr(Expr::col(I::DueDate).is_null(), Order::Asc)
        .order_by(I::DueDate, order.clone())
        .order_by(I::Id, order.clone())
        .limit(limit)
        .to_owned();
    let on_page = vec![
        (item_relations::on_page(I::DueDate).is_null(), Order::Asc),
        (item_relations::on_page(I::DueDate), order.clone()),
        (item_relations::on_page(I::Id), order),
    ];
    Ok(item_relations::along_with(rows, on_page, along))
}

/// The tenant's live items that pass every filter set, the search's
/// words among them.
pub(super) fn filtered(
    backend: DbBackend,
    tenant: TenantId,
    filter: &ItemFilter,
) -> Select<item::Entity> {
    let mut query = scoped::<item::Entity>(tenant);
    if let Some(search) = &filter.search {
        query = query.filter(super::item_search::matches(backend, search));
    }
    if let Some(statuses) = &filter.status {
        query = query.filter(I::Status.is_in(statuses.iter().map(|s| s.as_str())));
    }
    if let Some(priorities) = &filter.priority {
        query = query.filter(I::Priority.is_in(priorities.iter().map(|p| p.rank())));
    }
    if let Some(user) = filter.assignee_id {
        let mut assigned = assignees();
        assigned.and_where(
            Expr::col((item_assignee::Entity, item_assignee::Column::UserId)).eq(user.as_uuid()),
        );
        query = query.filter(Expr::exists(assigned));
    }
    if filter.unassigned {
        query = query.filter(Expr::not_exists(assignees()));
    }
    if let Some(team) = filter.team_id {
        query = query.filter(I::TeamId.eq(team.as_uuid()));
    }
    let mut tags: Vec<Uuid> = filter.tag_ids.iter().map(|t| t.as_uuid()).collect();
    tags.sort_unstable();
    tags.dedup();
    if !tags.is_empty() {
        let wanted = tags.len() as i64;
        let mut carried = live_tags();
        carried.and_where(Expr::col((item_tag::Entity, item_tag::Column::TagId)).is_in(tags));
        query = match filter.tag_match {
            TagMatch::Any => {
                carried.expr(Expr::val(1));
                query.filter(Expr::exists(carried))
            }
            TagMatch::All => {
                carried.expr(Expr::col((item_tag::Entity, item_tag::Column::TagId)).count());
                query.filter(Expr::SubQuery(None, Box::new(carried.into())).eq(wanted))
            }
        };
    }
    if let Some(parent) = filter.parent_id {
        query = query.filter(I::ParentId.eq(parent.as_uuid()));
    }
    if filter.top_level_only {
        query = query.filter(I::ParentId.is_null());
    }
    if let Some(day) = filter.due_before {
        query = query.filter(I::DueDate.lt(day));
    }
    if let Some(day) = filter.due_after {
        query = query.filter(I::DueDate.gt(day));
    }
    if let Some(today) = filter.overdue_on {
        let closed = ItemStatus::ALL.into_iter().filter(|s| !s.is_open());
        query = query
            .filter(I::DueDate.lt(today))
            .filter(I::Status.is_not_in(closed.map(ItemStatus::as_str)));
    }
    if let Some(creator) = filter.created_by {
        query = query.filter(I::CreatedBy.eq(creator.as_uuid()));
    }
    query
}

/// The assignee rows of the outer query's item.
fn assignees() -> SelectStatement {
    use item_assignee::{Column as A, Entity as Assignees};
    Query::select()
        .expr(Expr::val(1))
        .from(Assignees)
        .and_where(Expr::col((Assignees, A::TenantId)).equals((item::Entity, I::TenantId)))
        .and_where(Expr::col((Assignees, A::ItemId)).equals((item::Entity, I::Id)))
        .to_owned()
}

/// The tag rows of the outer query's item whose tag is live: a deleted
/// tag is on no item.
fn live_tags() -> SelectStatement {
    use item_tag::{Column as T, Entity as Tags};
    Query::select()
        .from(Tags)
        .join(
            JoinType::InnerJoin,
            tag::Entity,
            Expr::col((tag::Entity, tag::Column::TenantId))
                .equals((Tags, T::TenantId))
                .and(Expr::col((tag::Entity, tag::Column::Id)).equals((Tags, T::TagId)))
                .and(Expr::col((tag::Entity, tag::Column::DeletedAt)).is_null()),
        )
        .and_where(Expr::col((Tags, T::TenantId)).equals((item::Entity, I::TenantId)))
        .and_where(Expr::col((Tags, T::ItemId)).equals((item::Entity, I::Id)))
        .to_owned()
}

/// A page of the items matching `filter`, whose `search` is set, by
/// relevance.
pub(super) async fn ranked<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    filter: &ItemFilter,
    page: &ItemPageRequest,
) -> DomainResult<Page<(Item, f64)>> {
    let Some(search) = filter.search.as_deref() else {
        return Err(DomainError::invalid(
            "orderBy",
            "RELEVANCE needs filter.search, the words to rank by",
        ));
    };
    let query = filtered(db.get_database_backend(), tenant, filter);
    super::item_search::ranked(db, tenant, query, search, page).await
}
