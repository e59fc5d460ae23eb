//! The relations a page of items reads in the page's own statement on
//! PostgreSQL: each item's live tags and its creator, as JSON from
//! subqueries over the page's rows. They run for the rows of the page's
//! subquery only, a page or two of them whatever the filter matches, so
//! the list a console shows most is one statement instead of three.
//! SQLite leaves the relations to the caller's batched lookups.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, SelectStatement};
use sea_orm::{DbBackend, FromQueryResult, QueryResult};
use serde::Deserialize;
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId};
use trellis_work::ports::{ItemRelations, ListedItem, Person};
use trellis_work::{Color, Tag, TagId};
use uuid::Uuid;

use crate::error::internal;
use crate::work::convert;
use crate::work::entity::item;

/// The alias of the page's rows in the statement that adds relations.
pub(super) const PAGE: &str = "page";

const TAGS: &str = "trellis_tags";
const CREATOR: &str = "trellis_creator";

const TAGS_SQL: &str = r#"(SELECT coalesce(json_agg(json_build_array(t.id, t.name, t.color, t.created_at, t.updated_at) ORDER BY t.name_key), '[]')::text
  FROM work_item_tags l JOIN work_tags t ON t.tenant_id = l.tenant_id AND t.id = l.tag_id
  WHERE l.tenant_id = "page"."tenant_id" AND l.item_id = "page"."id" AND t.deleted_at IS NULL)"#;

const CREATOR_SQL: &str = r#"(SELECT json_build_array(u.email, u.name)::text
  FROM users u WHERE u.id = "page"."created_by")"#;

/// Those of `with` this backend reads along with the page: all of them
/// on PostgreSQL, none on SQLite.
pub(super) fn read_along(backend: DbBackend, with: ItemRelations) -> ItemRelations {
    match backend {
        DbBackend::Postgres => with,
        _ => ItemRelations::default(),
    }
}

/// Adds the relations `with` names to `select`, whose rows are the
/// page's, under the alias [`PAGE`]; none adds nothing.
pub(super) fn select(select: &mut SelectStatement, with: ItemRelations) {
    if with.tags {
        select.expr_as(Expr::cust(TAGS_SQL), Alias::new(TAGS));
    }
    if with.creators {
        select.expr_as(Expr::cust(CREATOR_SQL), Alias::new(CREATOR));
    }
}

#[derive(Deserialize)]
struct TagJson(Uuid, String, String, DateTime<Utc>, DateTime<Utc>);

#[derive(Deserialize)]
struct CreatorJson(String, String);

/// The page's rows, with the relations `with` names, which the statement
/// selected ([`select`]).
pub(super) fn decode(
    rows: &[QueryResult],
    tenant: TenantId,
    with: ItemRelations,
) -> DomainResult<Vec<ListedItem>> {
    rows.iter()
        .map(|row| {
            let model = item::Model::from_query_result(row, "").map_err(internal)?;
            let creator_id = UserId::from_uuid(model.created_by);
            let mut listed = ListedItem::alone(convert::item(model)?);
            if with.tags {
                let raw: String = row.try_get("", TAGS).map_err(internal)?;
                listed.tags = Some(tags(&raw, tenant)?);
            }
            if with.creators {
                let raw: Option<String> = row.try_get("", CREATOR).map_err(internal)?;
                listed.creator = Some(raw.map(|raw| creator(&raw, creator_id)).transpose()?);
            }
            Ok(listed)
        })
        .collect()
}

fn tags(raw: &str, tenant: TenantId) -> DomainResult<Vec<Tag>> {
    let rows: Vec<TagJson> = serde_json::from_str(raw).map_err(DomainError::internal)?;
    rows.into_iter()
        .map(|TagJson(id, name, color, created_at, updated_at)| {
            let color = Color::parse("color", &color).map_err(|_| {
                DomainError::internal_msg(format!("stored colour {color} is unknown"))
            })?;
            Ok(Tag {
                id: TagId::from_uuid(id),
                tenant_id: tenant,
                name,
                color,
                created_at,
                updated_at,
            })
        })
        .collect()
}

fn creator(raw: &str, id: UserId) -> DomainResult<Person> {
    let CreatorJson(email, name) = serde_json::from_str(raw).map_err(DomainError::internal)?;
    Ok(Person { id, email, name })
}
