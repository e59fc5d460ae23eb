//! Relay connections: `edges { cursor node }` and `pageInfo { hasNextPage
//! endCursor }`. A cursor is the kernel's `Cursor` of the row's id, which is
//! what the ports page by.

use async_graphql::SimpleObject;

#[derive(Debug, Clone, SimpleObject)]
pub struct PageInfo {
    pub has_next_page: bool,
    /// The cursor of the last edge; pass it as `after` for the next page.
    pub end_cursor: Option<String>,
}

/// Defines `$connection` and `$edge` over the GraphQL node type `$node`,
/// with `$connection::from_page(page, id_of)` building it from a domain page.
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ty) => {
        #[derive(Debug, Clone, async_graphql::SimpleObject)]
        pub struct $edge {
            /// Opaque; pass it as `after` to read the rows after this one.
            pub cursor: String,
            pub node: $node,
        }

        #[derive(Debug, Clone, async_graphql::SimpleObject)]
        pub struct $connection {
            pub edges: Vec<$edge>,
            pub page_info: $crate::graphql::connection::PageInfo,
        }

        impl $connection {
            /// `id_of` gives the key the list is paged by.
            pub fn from_page<T>(
                page: trellis_kernel::Page<T>,
                id_of: impl Fn(&T) -> uuid::Uuid,
            ) -> Self
            where
                $node: From<T>,
            {
                let edges: Vec<$edge> = page
                    .items
                    .into_iter()
                    .map(|item| $edge {
                        cursor: trellis_kernel::Cursor(id_of(&item)).encode(),
                        node: <$node>::from(item),
                    })
                    .collect();
                let end_cursor = edges.last().map(|edge| edge.cursor.clone());
                Self {
                    edges,
                    page_info: $crate::graphql::connection::PageInfo {
                        has_next_page: page.has_next_page,
                        end_cursor,
                    },
                }
            }
        }
    };
}

pub(crate) use connection;

/// The complexity of a list field: its rows times their cost, so that a
/// page of 100 costs what 100 rows cost. Mirrors `PageRequest::from_args`
/// (default 20, capped at 100).
pub(crate) fn page_complexity(first: Option<i32>, child_complexity: usize) -> usize {
    let rows = match first {
        None => trellis_kernel::paging::DEFAULT_PAGE_SIZE,
        Some(n) => u32::try_from(n)
            .unwrap_or(0)
            .min(trellis_kernel::MAX_PAGE_SIZE),
    };
    (rows.max(1) as usize).saturating_mul(child_complexity)
}
