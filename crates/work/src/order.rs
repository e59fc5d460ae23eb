//! The orders a list of items can take, and the keyset cursors that page
//! through each: a cursor holds the last row's sort value and id, so the
//! next page starts right after it in any order, without OFFSET.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use trellis_kernel::paging::DEFAULT_PAGE_SIZE;
use trellis_kernel::{DomainError, DomainResult, MAX_PAGE_SIZE};

use crate::item::{Item, ItemId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ItemSort {
    #[default]
    CreatedAt,
    UpdatedAt,
    /// Items without a due date come last in either direction.
    DueDate,
    Priority,
    /// Ignoring case.
    Title,
    /// Best match of `filter.search` first (with DESC); needs a search.
    /// Ranks the [`RELEVANCE_WINDOW`] newest matches.
    Relevance,
}

/// How many of a search's matches, the newest, the relevance order ranks.
/// Ranking reads every match it orders, so a search that matches most of a
/// large tenant's items ("the") would take seconds; past this many matches
/// the words are too common to rank by, and narrower words (or another
/// order, which pages through every match) find the rest.
pub const RELEVANCE_WINDOW: u64 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortDirection {
    Asc,
    #[default]
    Desc,
}

/// An order; ties are broken by id in the same direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ItemOrder {
    pub sort: ItemSort,
    pub direction: SortDirection,
}

/// The last row of a page, as the next page's query needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "s", content = "v")]
pub enum SortKey {
    CreatedAt,
    UpdatedAt(DateTime<Utc>),
    DueDate(Option<NaiveDate>),
    Priority(i16),
    Title(String),
    /// The row's rank for the list's search.
    Relevance(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemCursor {
    pub id: ItemId,
    pub key: SortKey,
}

const CURSOR_PREFIX: &str = "i1:";

impl ItemCursor {
    /// The cursor after `item` in `sort`.
    pub fn after(item: &Item, sort: ItemSort) -> Self {
        let key = match sort {
            ItemSort::CreatedAt => SortKey::CreatedAt,
            ItemSort::UpdatedAt => SortKey::UpdatedAt(item.updated_at),
            ItemSort::DueDate => SortKey::DueDate(item.due_date),
            ItemSort::Priority => SortKey::Priority(item.priority.rank()),
            ItemSort::Title => SortKey::Title(item.title.to_lowercase()),
            // A rank belongs to a search, not to the item: see `ranked`.
            ItemSort::Relevance => SortKey::Relevance(0.0),
        };
        Self { id: item.id, key }
    }

    /// The cursor after `item`, ranked `rank` by the list's search.
    pub fn ranked(item: &Item, rank: f64) -> Self {
        Self {
            id: item.id,
            key: SortKey::Relevance(rank),
        }
    }

    pub fn encode(&self) -> String {
        // Serialising plain data to JSON cannot fail.
        let json = serde_json::to_string(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(format!("{CURSOR_PREFIX}{json}"))
    }

    /// # Errors
    /// `Validation` on `after` when `raw` is not a cursor of this list.
    pub fn decode(raw: &str) -> DomainResult<Self> {
        let invalid = || DomainError::invalid("after", "is not a valid cursor for this list");
        let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| invalid())?;
        let text = String::from_utf8(bytes).map_err(|_| invalid())?;
        let json = text.strip_prefix(CURSOR_PREFIX).ok_or_else(invalid)?;
        serde_json::from_str(json).map_err(|_| invalid())
    }

    fn sort(&self) -> ItemSort {
        match self.key {
            SortKey::CreatedAt => ItemSort::CreatedAt,
            SortKey::UpdatedAt(_) => ItemSort::UpdatedAt,
            SortKey::DueDate(_) => ItemSort::DueDate,
            SortKey::Priority(_) => ItemSort::Priority,
            SortKey::Title(_) => ItemSort::Title,
            SortKey::Relevance(_) => ItemSort::Relevance,
        }
    }
}

/// One page of items in one order.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemPageRequest {
    pub order: ItemOrder,
    /// Rows wanted, capped at [`MAX_PAGE_SIZE`].
    pub first: u32,
    pub after: Option<ItemCursor>,
}

impl ItemPageRequest {
    /// # Errors
    /// `Validation` on `first` when negative, and on `after` when it is not
    /// a cursor of this list in this order.
    pub fn from_args(
        order: ItemOrder,
        first: Option<i32>,
        after: Option<&str>,
    ) -> DomainResult<Self> {
        let first = match first {
            None => DEFAULT_PAGE_SIZE,
            Some(n) if n < 0 => return Err(DomainError::invalid("first", "must not be negative")),
            Some(n) => (n as u32).min(MAX_PAGE_SIZE),
        };
        let after = after.map(ItemCursor::decode).transpose()?;
        if let Some(cursor) = &after
            && cursor.sort() != order.sort
        {
            return Err(DomainError::invalid(
                "after",
                "was issued for another order; start again without `after`",
            ));
        }
        Ok(Self {
            order,
            first,
            after,
        })
    }

    pub fn first(order: ItemOrder, first: u32) -> Self {
        Self {
            order,
            first: first.min(MAX_PAGE_SIZE),
            after: None,
        }
    }

    /// One more row than asked, to learn whether a next page exists.
    pub fn fetch_limit(&self) -> u64 {
        u64::from(self.first) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_with_their_sort_value() {
        let cursor = ItemCursor {
            id: ItemId::generate(),
            key: SortKey::Title("a:b \"c\"".into()),
        };
        assert_eq!(ItemCursor::decode(&cursor.encode()).unwrap(), cursor);
        let undated = ItemCursor {
            id: ItemId::generate(),
            key: SortKey::DueDate(None),
        };
        assert_eq!(ItemCursor::decode(&undated.encode()).unwrap(), undated);
    }

    #[test]
    fn a_cursor_of_another_order_is_refused_on_after() {
        let cursor = ItemCursor {
            id: ItemId::generate(),
            key: SortKey::Priority(2),
        };
        let order = ItemOrder {
            sort: ItemSort::Title,
            direction: SortDirection::Asc,
        };
        let err = ItemPageRequest::from_args(order, Some(10), Some(&cursor.encode())).unwrap_err();
        assert!(
            err.to_string()
                .contains("after: was issued for another order"),
            "{err}"
        );
    }

    #[test]
    fn garbage_is_not_a_cursor() {
        let err = ItemCursor::decode("not a cursor").unwrap_err();
        assert!(err.to_string().contains("after"), "{err}");
    }
}
