//! Related objects looked up once per list rather than once per row: the
//! nodes of one page share a memo, so a page of 100 datasources over three
//! configs costs three config lookups, not a hundred.
//!
//! The memo lives only as long as the list it was made for, so a later
//! mutation in the same document never reads a stale entry.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::OnceCell;

pub(crate) struct Memo<K, V> {
    cells: Mutex<HashMap<K, Arc<OnceCell<V>>>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self {
            cells: Mutex::new(HashMap::new()),
        }
    }
}

impl<K, V> fmt::Debug for Memo<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Memo")
    }
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    /// The value for `key`, loading it with `load` on first use. Rows asking
    /// at the same time wait for one load; a failed load is not kept, so the
    /// next row tries again.
    pub(crate) async fn get_or_load<E, F, Fut>(&self, key: K, load: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        let cell = {
            // The lock guards the map only, never a load.
            let mut cells = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
            cells.entry(key).or_default().clone()
        };
        cell.get_or_try_init(load).await.cloned()
    }
}
