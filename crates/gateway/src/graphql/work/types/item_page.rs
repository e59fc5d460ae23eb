//! A page of items: its edges, cursors and the relations read along with it.

use std::hash::Hash;
use std::sync::Arc;

use async_graphql::{Context, Object, Result};
use foldhash::{HashMap, HashMapExt};
use tokio::sync::OnceCell;
use trellis_kernel::{Page, UserId};
use trellis_work::ports::{ItemRelations, ListedItem};
use trellis_work::{self as work, ItemFilter, ItemSort, TagId};

use super::item::Item;
use super::tag::Tag;
use crate::graphql::connection::PageInfo;
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::plain::{Plain, PlainList};
use crate::graphql::tenancy::types::User;
use crate::state::AppState;

/// One item of a page, with its place in the page's order.
#[derive(Debug, Clone)]
pub struct ItemEdge {
    pub node: Item,
    /// Written out as a cursor only when the selection asks for it: a
    /// page of fifty would otherwise encode fifty that most clients never
    /// read.
    pub(crate) position: work::ItemCursor,
}

#[Object]
impl ItemEdge {
    /// Opaque; pass it as `after`, with the same `orderBy`, for the rows
    /// after this one.
    async fn cursor(&self) -> String {
        self.position.encode()
    }

    async fn node(&self) -> Plain<'_, Item> {
        Plain(&self.node)
    }
}

#[derive(Debug, Clone)]
pub struct ItemConnection {
    pub edges: Vec<ItemEdge>,
    pub page_info: PageInfo,
}

/// A page of items in one order.
#[Object]
impl ItemConnection {
    async fn edges(&self) -> PlainList<'_, ItemEdge> {
        PlainList(&self.edges)
    }

    async fn page_info(&self) -> &PageInfo {
        &self.page_info
    }
}

impl ItemConnection {
    /// The page's edges, with `endCursor` the last one's.
    pub(super) fn of_edges(edges: Vec<ItemEdge>, has_next_page: bool) -> Self {
        let end_cursor = edges.last().map(|edge| edge.position.encode());
        Self {
            edges,
            page_info: PageInfo {
                has_next_page,
                end_cursor,
            },
        }
    }

    /// Cursors carry each row's value in `sort`, so that the next page
    /// starts right after it; the relations the list read along with the
    /// page are the nodes'. A tag or a creator many rows name is made once
    /// for the page and shared by them (found by id with a fast hash: the
    /// ids are the server's own, not a caller's).
    fn from_page(page: Page<ListedItem>, sort: ItemSort) -> Self {
        let mut tags_by_id: HashMap<TagId, Arc<Tag>> = HashMap::new();
        let mut creators_by_id: HashMap<UserId, Arc<User>> = HashMap::new();
        let edges: Vec<ItemEdge> = page
            .items
            .into_iter()
            .map(|listed| {
                let position = work::ItemCursor::after(&listed.item, sort);
                let mut node = Item::from(listed.item);
                if let Some(tags) = listed.tags {
                    let tags = tags
                        .into_iter()
                        .map(|tag| shared(&mut tags_by_id, tag.id, || Tag::from(tag)))
                        .collect();
                    node.loaded_tags = OnceCell::new_with(Some(tags));
                }
                if let Some(creator) = listed.creator {
                    let creator = creator.map(|person| {
                        shared(&mut creators_by_id, person.id, || super::user(person))
                    });
                    node.loaded_creator = OnceCell::new_with(Some(creator));
                }
                ItemEdge { node, position }
            })
            .collect();
        Self::of_edges(edges, page.has_next_page)
    }

    /// One page of the caller's items, with the relations its selection
    /// asks for read for the whole page.
    pub(crate) async fn list(
        ctx: &Context<'_>,
        filter: &ItemFilter,
        order: work::ItemOrder,
        first: Option<i32>,
        after: Option<&str>,
    ) -> Result<Self> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = work::ItemPageRequest::from_args(order, first, after).gql(ctx)?;
        let selection = ctx.look_ahead().field("edges").field("node");
        let mut connection = if order.sort == ItemSort::Relevance {
            let ranked = state
                .work
                .items
                .list_ranked(scope, filter, &page)
                .await
                .gql(ctx)?;
            super::ranked::from_ranked(ranked)
        } else {
            // The relations the page's statement can read along with it.
            let with = ItemRelations {
                tags: selection.field("tags").exists(),
                creators: selection.field("creator").exists(),
                descriptions: selection.field("description").exists(),
            };
            let items = state
                .work
                .items
                .list_with(scope, filter, &page, with)
                .await
                .gql(ctx)?;
            Self::from_page(items, order.sort)
        };
        let nodes = connection
            .edges
            .iter_mut()
            .map(|edge| &mut edge.node)
            .collect();
        crate::graphql::work::prefetch::items(ctx, selection, nodes).await?;
        Ok(connection)
    }
}

/// The object `made` holds for `key`, made by `make` the first time.
fn shared<K: Hash + Eq, V>(
    made: &mut HashMap<K, Arc<V>>,
    key: K,
    make: impl FnOnce() -> V,
) -> Arc<V> {
    Arc::clone(made.entry(key).or_insert_with(|| Arc::new(make())))
}
