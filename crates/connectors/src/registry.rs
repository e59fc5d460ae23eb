//! One live handle (SQL pool or HTTP client) per config, keyed by tenant and
//! config and stamped with the config's `updated_at`: a changed config gets a
//! new handle and the old one is closed. The lock is held only to look up or
//! swap an entry, never across an await.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use trellis_datasources::DatasourceConfigId;
use trellis_kernel::TenantId;

use crate::http::HttpClient;
use crate::sql::SqlPool;

#[derive(Clone)]
pub enum Handle {
    Sql(SqlPool),
    Http(Arc<HttpClient>),
}

impl Handle {
    fn close(&self) {
        match self {
            Handle::Sql(pool) => pool.close(),
            // Idle HTTP connections close when the last clone of the client drops.
            Handle::Http(_) => {}
        }
    }
}

type Key = (TenantId, DatasourceConfigId);

struct Entry {
    updated_at: DateTime<Utc>,
    handle: Handle,
}

#[derive(Default)]
pub struct Registry {
    entries: Mutex<HashMap<Key, Entry>>,
    /// Bumped by every eviction, so a handle built while its config was being
    /// evicted is used once and not cached.
    evictions: AtomicU64,
}

impl Registry {
    fn entries(&self) -> MutexGuard<'_, HashMap<Key, Entry>> {
        // A panic elsewhere while holding the lock leaves the map intact.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The handle for this version of the config, if there is one.
    pub fn get(&self, key: Key, updated_at: DateTime<Utc>) -> Option<Handle> {
        self.entries()
            .get(&key)
            .filter(|entry| entry.updated_at == updated_at)
            .map(|entry| entry.handle.clone())
    }

    /// Read before building a handle and passed to `insert`.
    pub fn generation(&self) -> u64 {
        self.evictions.load(Ordering::Acquire)
    }

    /// Caches `handle` and returns the one to use: an equal-version handle
    /// someone else cached meanwhile wins, and ours is closed.
    pub fn insert(
        &self,
        key: Key,
        updated_at: DateTime<Utc>,
        handle: Handle,
        generation: u64,
    ) -> Handle {
        let (winner, closed) = {
            let mut entries = self.entries();
            if self.generation() != generation {
                return handle;
            }
            match entries.get_mut(&key) {
                Some(entry) if entry.updated_at == updated_at => {
                    (entry.handle.clone(), Some(handle))
                }
                Some(entry) => {
                    let old = std::mem::replace(&mut entry.handle, handle.clone());
                    entry.updated_at = updated_at;
                    (handle, Some(old))
                }
                None => {
                    entries.insert(
                        key,
                        Entry {
                            updated_at,
                            handle: handle.clone(),
                        },
                    );
                    (handle, None)
                }
            }
        };
        if let Some(closed) = closed {
            closed.close();
        }
        winner
    }

    pub fn evict(&self, key: Key) {
        let removed = {
            let mut entries = self.entries();
            self.evictions.fetch_add(1, Ordering::AcqRel);
            entries.remove(&key)
        };
        if let Some(entry) = removed {
            entry.handle.close();
        }
    }

    pub fn len(&self) -> usize {
        self.entries().len()
    }
}
