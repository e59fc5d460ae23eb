//! Walks of the item tree, each one recursive CTE, the same SQL on both
//! backends: up the parents, down the live subtasks.

use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{
    CommonTableExpression, Expr, ExprTrait, JoinType, Order, Query, SelectStatement, UnionType,
    WithClause,
};
use trellis_kernel::{DomainResult, TenantId};
use uuid::Uuid;

use crate::error::internal;
use crate::row::Columns;
use crate::work::entity::item::{self, Column as I};

const WALK: &str = "item_walk";
const ID: &str = "id";
const PARENT: &str = "parent_id";
const DEPTH: &str = "depth";

/// The item itself: where every walk starts, at depth 0.
fn start(tenant: TenantId, id: Uuid, columns: &[I]) -> SelectStatement {
    let mut start = Query::select();
    for column in columns {
        start.column(*column);
    }
    start
        .from(item::Entity)
        .and_where(Expr::col(I::TenantId).eq(tenant.as_uuid()))
        .and_where(Expr::col(I::Id).eq(id));
    start
}

/// `WITH RECURSIVE item_walk (columns) AS (start UNION [ALL] step)`.
fn walk(
    columns: &[&'static str],
    start: SelectStatement,
    union: UnionType,
    step: SelectStatement,
) -> WithClause {
    let cte = CommonTableExpression::new()
        .query(start.clone().union(union, step).to_owned())
        .columns(columns.iter().copied())
        .table_name(WALK)
        .to_owned();
    WithClause::new().recursive(true).cte(cte).to_owned()
}

/// The items of the tenant joined to the walk by `on`.
fn step(tenant: TenantId, on: Expr) -> SelectStatement {
    Query::select()
        .from(item::Entity)
        .join(
            JoinType::InnerJoin,
            WALK,
            Expr::col((item::Entity, I::TenantId))
                .eq(tenant.as_uuid())
                .and(on),
        )
        .to_owned()
}

fn depth_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

/// The chain above `id`: its parent first, at most `limit` of them.
pub(super) async fn ancestors<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    id: Uuid,
    limit: usize,
) -> DomainResult<Vec<Uuid>> {
    let mut first = start(tenant, id, &[I::Id, I::ParentId]);
    first.expr(Expr::cust("0"));
    let mut up = step(
        tenant,
        Expr::col((item::Entity, I::Id)).equals((WALK, PARENT)),
    );
    up.column((item::Entity, I::Id))
        .column((item::Entity, I::ParentId))
        .expr(Expr::col((WALK, DEPTH)).add(1))
        .and_where(Expr::col((WALK, DEPTH)).lt(depth_limit(limit)));
    let query = Query::select()
        .column(ID)
        .from(WALK)
        .and_where(Expr::col(DEPTH).gt(0))
        .order_by(DEPTH, Order::Asc)
        .to_owned()
        .with(walk(&[ID, PARENT, DEPTH], first, UnionType::All, up));
    let rows = db.query_all(&query).await.map_err(internal)?;
    rows.iter().map(|row| Columns::new(row).take()).collect()
}

/// How many levels of live subtasks hang below `id`, up to `limit`.
pub(super) async fn height<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    id: Uuid,
    limit: usize,
) -> DomainResult<usize> {
    let mut first = start(tenant, id, &[I::Id]);
    first.expr(Expr::cust("0"));
    let mut down = step(
        tenant,
        Expr::col((item::Entity, I::ParentId)).equals((WALK, ID)),
    );
    down.column((item::Entity, I::Id))
        .expr(Expr::col((WALK, DEPTH)).add(1))
        .and_where(Expr::col((item::Entity, I::DeletedAt)).is_null())
        .and_where(Expr::col((WALK, DEPTH)).lt(depth_limit(limit)));
    let query = Query::select()
        .expr(Expr::col(DEPTH).max())
        .from(WALK)
        .to_owned()
        .with(walk(&[ID, DEPTH], first, UnionType::All, down));
    let Some(row) = db.query_one(&query).await.map_err(internal)? else {
        return Ok(0);
    };
    // The literal 0 and its increments are `integer` on PostgreSQL.
    let height: Option<i32> = Columns::new(&row).take()?;
    Ok(height.map_or(0, |h| usize::try_from(h).unwrap_or(0)))
}

/// Every live item below `id`, oldest first. UNION (not ALL) ends the
/// walk even if the rows ever made a cycle.
pub(super) async fn descendants<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    id: Uuid,
) -> DomainResult<Vec<Uuid>> {
    let first = start(tenant, id, &[I::Id]);
    let mut down = step(
        tenant,
        Expr::col((item::Entity, I::ParentId)).equals((WALK, ID)),
    );
    down.column((item::Entity, I::Id))
        .and_where(Expr::col((item::Entity, I::DeletedAt)).is_null());
    let query = Query::select()
        .column(ID)
        .from(WALK)
        .and_where(Expr::col(ID).ne(id))
        .order_by(ID, Order::Asc)
        .to_owned()
        .with(walk(&[ID], first, UnionType::Distinct, down));
    let rows = db.query_all(&query).await.map_err(internal)?;
    rows.iter().map(|row| Columns::new(row).take()).collect()
}
