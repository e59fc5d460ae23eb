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

/// How many documents are kept at most, the least recently used going
/// first.
const CAPACITY: NonZeroUsize = NonZeroUsize::new(256).expect("a capacity above zero");

/// Longer documents are parsed each time. The console's longest is under
/// 1 KiB.
pub const MAX_CACHED_BYTES: usize = 4 * 1024;

/// The text of all kept documents together, at most. A parsed tree takes
/// up to about a hundred times its text (`{ me { id id id … } }`), so
/// anyone sending distinct documents can pin some 25 MB at worst.
pub const TEXT_BUDGET: usize = 256 * 1024;

/// A parsed document that passed the document limits.
#[derive(Debug)]
pub struct CheckedDocument {
    pub document: ExecutableDocument,
    /// [`credential_fields`](super::limits::credential_fields) of it.
    pub credential_fields: usize,
}

/// The schema's cache of checked documents; shared by every request.
pub struct DocumentCache {
    entries: Mutex<Entries>,
}

struct Entries {
    documents: LruCache<String, Arc<CheckedDocument>>,
    /// The length of every key of `documents`, summed.
    text_bytes: usize,
}

impl Default for DocumentCache {
    fn default() -> Self {
        Self {
            entries: Mutex::new(Entries {
                documents: LruCache::new(CAPACITY),
                text_bytes: 0,
            }),
        }
    }
}

impl DocumentCache {
    /// The checked document whose text is `query`, if it is kept.
    pub fn get(&self, query: &str) -> Option<Arc<CheckedDocument>> {
        if query.len() > MAX_CACHED_BYTES {
            return None;
        }
        self.lock().documents.get(query).cloned()
    }

    /// Keeps `checked` as the document of `query`, unless it is too long;
    /// the least recently used go to stay within [`TEXT_BUDGET`].
    pub fn insert(&self, query: &str, checked: CheckedDocument) {
        if query.len() > MAX_CACHED_BYTES {
            return;
        }
        let mut entries = self.lock();
        // What `push` gives back (the same key replaced, or the least
        // recently used one evicted) is no longer kept.
        if let Some((gone, _)) = entries.documents.push(query.to_owned(), Arc::new(checked)) {
            entries.text_bytes = entries.text_bytes.saturating_sub(gone.len());
        }
        entries.text_bytes += query.len();
        while entries.text_bytes > TEXT_BUDGET {
            let Some((gone, _)) = entries.documents.pop_lru() else {
                break;
            };
            entries.text_bytes = entries.text_bytes.saturating_sub(gone.len());
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        // The entries are consistent after any panic of a holder: nothing
        // in between their updates can panic.
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
    fn the_documents_kept_hold_at_most_the_text_budget() {
        let cache = DocumentCache::default();
        let query = |n: usize| format!("{{ a{n:04}: me {{ id }} }} # {}", "x".repeat(3000));
        let inserted = 2 * TEXT_BUDGET / query(0).len();
        for n in 0..inserted {
            cache.insert(&query(n), checked(&query(n)));
        }
        let kept: Vec<usize> = (0..inserted)
            .filter(|n| cache.get(&query(*n)).is_some())
            .collect();
        assert_eq!(kept.len(), TEXT_BUDGET / query(0).len());
        assert_eq!(kept.last(), Some(&(inserted - 1)), "the newest is kept");
        assert!(cache.lock().text_bytes <= TEXT_BUDGET);
    }

    #[test]
    fn a_long_document_is_not_kept() {
        let cache = DocumentCache::default();
        let long = format!("{{ me {{ id }} }} # {}", "x".repeat(MAX_CACHED_BYTES));
        cache.insert(&long, checked(&long));
        assert!(cache.get(&long).is_none());
    }
}
