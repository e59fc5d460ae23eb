//! Full-text search of items over their title, description and live
//! comments: the documents the migration's triggers keep (PostgreSQL
//! `tsvector` in `work_item_search`, SQLite FTS5 in `work_item_fts`).
//!
//! PostgreSQL reads the query with `websearch_to_tsquery('simple', …)` and
//! ranks with `ts_rank_cd` (title matches weigh most); SQLite gets the same
//! web-search syntax translated to an FTS5 query, ranked by `bm25` with
//! the same weights. The relevance order pages by keyset on (rank, id)
//! over the newest `RELEVANCE_WINDOW` matches, so that a search matching
//! most of a million items ranks a thousand, not all of them.

use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{
    ConnectionTrait, DbBackend, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Select,
};
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId};
use trellis_work::order::{ItemCursor, RELEVANCE_WINDOW, SortDirection, SortKey};
use trellis_work::{Item, ItemPageRequest};
use uuid::Uuid;

use crate::error::internal;
use crate::work::convert;
use crate::work::entity::item;

/// The column weights of title, description and comments on SQLite, as
/// PostgreSQL's A, B and C weigh them by default (1.0, 0.4, 0.2).
const BM25: &str = "bm25(work_item_fts, 10.0, 4.0, 2.0)";

/// The outer query's item matches `query`; `None` when the words hold
/// nothing to look for, which nothing matches.
pub(super) fn matches(backend: DbBackend, query: &str) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust_with_values(
            "EXISTS (SELECT 1 FROM work_item_search s
               WHERE s.tenant_id = work_items.tenant_id AND s.item_id = work_items.id
                 AND s.document @@ websearch_to_tsquery('simple', $1))",
            [query],
        ),
        _ => match fts5_query(query) {
            Some(fts) => Expr::cust_with_values(
                "EXISTS (SELECT 1 FROM work_item_search s
                   JOIN work_item_fts ON work_item_fts.rowid = s.doc_id
                   WHERE s.tenant_id = work_items.tenant_id AND s.item_id = work_items.id
                     AND work_item_fts MATCH ?)",
                [fts],
            ),
            None => Expr::cust("1 = 0"),
        },
    }
}

/// The outer query's item's rank for `query`: higher is better.
fn rank(backend: DbBackend, query: &str) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust_with_values(
            "(SELECT ts_rank_cd(s.document, websearch_to_tsquery('simple', $1))::float8
                FROM work_item_search s
               WHERE s.tenant_id = work_items.tenant_id AND s.item_id = work_items.id)",
            [query],
        ),
        _ => Expr::cust_with_values(
            format!(
                "(SELECT -{BM25} FROM work_item_search s
                   JOIN work_item_fts ON work_item_fts.rowid = s.doc_id
                   WHERE s.tenant_id = work_items.tenant_id AND s.item_id = work_items.id
                     AND work_item_fts MATCH ?)"
            ),
            [fts5_query(query).unwrap_or_default()],
        ),
    }
}

/// A page of `query` (the filtered items, with the search among the
/// filters) by rank, then id: the ids and ranks first, then the rows.
pub(super) async fn ranked<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    query: Select<item::Entity>,
    search: &str,
    page: &ItemPageRequest,
) -> DomainResult<Page<(Item, f64)>> {
    let backend = db.get_database_backend();
    let order = match page.order.direction {
        SortDirection::Asc => Order::Asc,
        SortDirection::Desc => Order::Desc,
    };
    let newest_matches = query
        .select_only()
        .column(item::Column::Id)
        .order_by(item::Column::Id, Order::Desc)
        .limit(RELEVANCE_WINDOW)
        .into_query();
    let mut query = item::Entity::find()
        .filter(Expr::col((item::Entity, item::Column::TenantId)).eq(tenant.as_uuid()))
        .filter(Expr::col((item::Entity, item::Column::Id)).in_subquery(newest_matches));
    if let Some(ItemCursor { id, key }) = &page.after {
        let SortKey::Relevance(last) = key else {
            return Err(DomainError::invalid(
                "after",
                "was issued for another order; start again without `after`",
            ));
        };
        let (rank, last, id) = (rank(backend, search), *last, id.as_uuid());
        let id_col = Expr::col((item::Entity, item::Column::Id));
        let after = match order {
            Order::Asc => rank.clone().gt(last).or(rank.eq(last).and(id_col.gt(id))),
            _ => rank.clone().lt(last).or(rank.eq(last).and(id_col.lt(id))),
        };
        query = query.filter(after);
    }
    let rows: Vec<(Uuid, f64)> = query
        .select_only()
        .column(item::Column::Id)
        .expr_as(rank(backend, search), "search_rank")
        .order_by(rank(backend, search), order.clone())
        .order_by(item::Column::Id, order)
        .limit(page.fetch_limit())
        .into_tuple()
        .all(db)
        .await
        .map_err(internal)?;
    let ids: Vec<Uuid> = rows.iter().map(|(id, _)| *id).collect();
    let found = item::Entity::find()
        .filter(Expr::col(item::Column::TenantId).eq(tenant.as_uuid()))
        .filter(Expr::col(item::Column::Id).is_in(ids))
        .all(db)
        .await
        .map_err(internal)?;
    let mut found: std::collections::HashMap<Uuid, item::Model> =
        found.into_iter().map(|row| (row.id, row)).collect();
    let mut items = Vec::with_capacity(rows.len());
    for (id, rank) in rows {
        if let Some(row) = found.remove(&id) {
            items.push((convert::item(row)?, rank));
        }
    }
    let request = PageRequest {
        first: page.first,
        after: None,
    };
    Ok(Page::from_overfetch(items, &request))
}

/// The web-search syntax PostgreSQL's `websearch_to_tsquery` reads, as an
/// FTS5 query: words and `"quoted phrases"` must all appear, `or` between
/// two makes either do, `-word` must not appear. Every term is quoted, so
/// no input is FTS5 syntax; `None` when nothing is left to look for.
pub(crate) fn fts5_query(input: &str) -> Option<String> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    let mut or_next = false;
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let negated = rest.starts_with('-');
        if negated {
            rest = &rest[1..];
        }
        let (raw, quoted) = if let Some(inner) = rest.strip_prefix('"') {
            let end = inner.find('"').unwrap_or(inner.len());
            let phrase = &inner[..end];
            rest = inner.get(end + 1..).unwrap_or("");
            (phrase, true)
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            (word, false)
        };
        if !quoted && !negated && raw.eq_ignore_ascii_case("or") {
            or_next = !groups.is_empty();
            continue;
        }
        let tokens: Vec<&str> = raw
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.is_empty() {
            continue;
        }
        let term = format!("\"{}\"", tokens.join(" "));
        if negated {
            excluded.push(term);
        } else if or_next {
            if let Some(group) = groups.last_mut() {
                group.push(term);
            }
        } else {
            groups.push(vec![term]);
        }
        or_next = false;
    }
    if groups.is_empty() {
        return None;
    }
    let mut query = groups
        .iter()
        .map(|group| format!("({})", group.join(" OR ")))
        .collect::<Vec<_>>()
        .join(" AND ");
    for term in excluded {
        query = format!("{query} NOT {term}");
    }
    Some(query)
}

#[cfg(test)]
mod tests {
    use super::fts5_query;

    #[test]
    fn web_search_syntax_becomes_quoted_fts5_terms() {
        assert_eq!(
            fts5_query("deploy the-api").as_deref(),
            Some("(\"deploy\") AND (\"the api\")")
        );
        assert_eq!(
            fts5_query("\"release notes\" or changelog -draft").as_deref(),
            Some("(\"release notes\" OR \"changelog\") NOT \"draft\"")
        );
        assert_eq!(fts5_query("NEAR( * ^ :").as_deref(), Some("(\"NEAR\")"));
        assert_eq!(fts5_query("  -- \" ").as_deref(), None);
    }
}
