//! A page of items in the relevance order of a search.

use trellis_kernel::Page;
use trellis_work as work;

use super::item::{ItemConnection, ItemEdge};
use crate::graphql::connection::PageInfo;

/// A page by relevance: each cursor holds its row's rank.
pub(super) fn from_ranked(page: Page<(work::Item, f64)>) -> ItemConnection {
    let edges: Vec<ItemEdge> = page
        .items
        .into_iter()
        .map(|(item, rank)| ItemEdge {
            cursor: work::ItemCursor::ranked(&item, rank).encode(),
            node: item.into(),
        })
        .collect();
    let end_cursor = edges.last().map(|edge| edge.cursor.clone());
    ItemConnection {
        edges,
        page_info: PageInfo {
            has_next_page: page.has_next_page,
            end_cursor,
        },
    }
}
