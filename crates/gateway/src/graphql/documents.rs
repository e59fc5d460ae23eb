//! Documents already parsed and checked, by their text. A client sends the
//! same few documents over and over with different variables (a console
//! page, an integration's poll); parsing one again costs more than
//! copying its tree. Only a document that parsed and passed
//! [`check_document`](super::limits::check_document) is kept, so a hit
//! skips both; what depends on the variables (the NUL check) runs on every
//! request.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};

use async_graphql::parser::types::ExecutableDocument;
use lru::LruCache;

/// How many documents are kept, the least recently used going first.
const CAPACITY: NonZeroUsize = NonZeroUsize::new(256).expect("a capacity above zero");

/// Longer documents are parsed each time: rare, and they would let a few
/// requests pin a lot of memory.
pub const MAX_CACHED_BYTES: usize = 16 * 1024;

/// A parsed document that passed the document limits.
#[derive(Debug)]
pub struct CheckedDocument {
    pub document: ExecutableDocument,
    /// [`credential_fields`](super::limits::credential_fields) of it.
    pub credential_fields: usize,
}

/// The schema's cache of checked documents; shared by every request.
pub struct DocumentCache {
    entries: Mutex<LruCache<String, Arc<CheckedDocument>>>,
}

impl Default for DocumentCache {
    fn default() -> Self {
        Self {
            entries: Mutex::new(LruCache::new(CAPACITY)),
        }
    }
}

impl DocumentCache {
    /// The checked document whose text is `query`, if it is kept.
    pub fn get(&self, query: &str) -> Option<Arc<CheckedDocument>> {
        if query.len() > MAX_CACHED_BYTES {
            return None;
        }
        self.lock().get(query).cloned()
    }

    /// Keeps `checked` as the document of `query`, unless it is too long.
    pub fn insert(&self, query: &str, checked: CheckedDocument) {
        if query.len() > MAX_CACHED_BYTES {
            return;
        }
        self.lock().put(query.to_owned(), Arc::new(checked));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<String, Arc<CheckedDocument>>> {
        // The map is consistent after any panic of a holder: each
        // operation on it is one call.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn checked(query: &str) -> CheckedDocument {
        CheckedDocument {
            document: parse_query(query).expect("a document"),
            credential_fields: 0,
        }
    }

    #[test]
    fn a_kept_document_is_found_by_its_exact_text() {
        let cache = DocumentCache::default();
        cache.insert("{ me { id } }", checked("{ me { id } }"));
        assert!(cache.get("{ me { id } }").is_some());
        assert!(cache.get("{ me { id name } }").is_none());
        assert!(cache.get("{ me  { id } }").is_none());
    }

    #[test]
    fn the_least_recently_used_document_goes_first() {
        let cache = DocumentCache::default();
        let query = |n: usize| format!("{{ a{n}: me {{ id }} }}");
        for n in 0..CAPACITY.get() {
            cache.insert(&query(n), checked(&query(n)));
        }
        assert!(cache.get(&query(0)).is_some(), "used again, so kept");
        cache.insert(&query(CAPACITY.get()), checked(&query(CAPACITY.get())));
        assert!(cache.get(&query(0)).is_some());
        assert!(cache.get(&query(1)).is_none(), "the least recently used");
        assert!(cache.get(&query(CAPACITY.get())).is_some());
    }

    #[test]
    fn a_long_document_is_not_kept() {
        let cache = DocumentCache::default();
        let long = format!("{{ me {{ id }} }} # {}", "x".repeat(MAX_CACHED_BYTES));
        cache.insert(&long, checked(&long));
        assert!(cache.get(&long).is_none());
    }
}
