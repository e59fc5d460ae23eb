//! Keyset paging. Cursors are opaque to clients and carry the id of the last
//! row seen; ids are UUIDv7, so "after this id" is "created after this row".

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

use crate::error::DomainError;

/// The most rows one page may hold, whatever the client asks for.
pub const MAX_PAGE_SIZE: u32 = 100;
pub const DEFAULT_PAGE_SIZE: u32 = 20;
const CURSOR_PREFIX: &str = "k1:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor(pub Uuid);

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{CURSOR_PREFIX}{}", self.0))
    }

    /// # Errors
    /// `Validation` on `after` when the string is not a cursor this API issued.
    pub fn decode(raw: &str) -> Result<Self, DomainError> {
        let invalid = || DomainError::invalid("after", "is not a valid cursor");
        let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| invalid())?;
        let text = String::from_utf8(bytes).map_err(|_| invalid())?;
        let id = text.strip_prefix(CURSOR_PREFIX).ok_or_else(invalid)?;
        id.parse().map(Cursor).map_err(|_| invalid())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// Rows wanted, already capped at [`MAX_PAGE_SIZE`].
    pub first: u32,
    pub after: Option<Cursor>,
}

impl PageRequest {
    /// Builds a page request from client arguments. `first` above the cap is
    /// lowered to the cap; a negative `first` or a foreign cursor is refused.
    pub fn from_args(first: Option<i32>, after: Option<&str>) -> Result<Self, DomainError> {
        let first = match first {
            None => DEFAULT_PAGE_SIZE,
            Some(n) if n < 0 => {
                return Err(DomainError::invalid("first", "must not be negative"));
            }
            Some(n) => (n as u32).min(MAX_PAGE_SIZE),
        };
        let after = after.map(Cursor::decode).transpose()?;
        Ok(Self { first, after })
    }

    pub fn first(first: u32) -> Self {
        Self {
            first: first.min(MAX_PAGE_SIZE),
            after: None,
        }
    }

    /// How many rows an adapter should fetch: one more than asked, to learn
    /// whether there is a next page without counting.
    pub fn fetch_limit(&self) -> u64 {
        u64::from(self.first) + 1
    }
}

/// One page of a list, in the list's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_next_page: bool,
}

impl<T> Page<T> {
    /// Cuts rows fetched with [`PageRequest::fetch_limit`] down to the page.
    pub fn from_overfetch(mut rows: Vec<T>, request: &PageRequest) -> Self {
        let has_next_page = rows.len() > request.first as usize;
        rows.truncate(request.first as usize);
        Self {
            items: rows,
            has_next_page,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            has_next_page: self.has_next_page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips() {
        let cursor = Cursor(Uuid::now_v7());
        assert_eq!(Cursor::decode(&cursor.encode()).unwrap(), cursor);
    }

    #[test]
    fn foreign_cursor_is_refused_on_after() {
        let err = Cursor::decode("bm90LWEtY3Vyc29y").unwrap_err();
        assert!(err.to_string().contains("after"), "{err}");
    }

    #[test]
    fn first_is_capped() {
        let page = PageRequest::from_args(Some(10_000), None).unwrap();
        assert_eq!(page.first, MAX_PAGE_SIZE);
    }

    #[test]
    fn negative_first_is_refused() {
        assert!(PageRequest::from_args(Some(-1), None).is_err());
    }

    #[test]
    fn overfetch_reveals_a_next_page() {
        let request = PageRequest::first(2);
        let page = Page::from_overfetch(vec![1, 2, 3], &request);
        assert_eq!(page.items, vec![1, 2]);
        assert!(page.has_next_page);
        let last = Page::from_overfetch(vec![1, 2], &request);
        assert!(!last.has_next_page);
    }
}
