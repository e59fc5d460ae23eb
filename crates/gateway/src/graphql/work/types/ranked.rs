//! A page of items in the relevance order of a search.

use trellis_kernel::Page;
use trellis_work as work;

use super::item_page::{ItemConnection, ItemEdge};

/// A page by relevance: each cursor holds its row's rank.
pub(super) fn from_ranked(page: Page<(work::Item, f64)>) -> ItemConnection {
    let edges: Vec<ItemEdge> = page
        .items
        .into_iter()
        .map(|(item, rank)| ItemEdge {
            position: work::ItemCursor::ranked(&item, rank),
            node: item.into(),
        })
        .collect();
    ItemConnection::of_edges(edges, page.has_next_page)
}
