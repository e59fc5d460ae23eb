//! Callers this server has read, kept for a few seconds so that a request
//! does not read its session, membership and role again: on PostgreSQL,
//! one statement and one round trip fewer on every request.
//!
//! A kept caller must never outlive a change to it (a revoked session, a
//! removed member, a lowered role, a suspended tenant), so:
//! - a write through this store that updates or deletes sessions, users,
//!   memberships, roles or tenants forgets every kept caller as it
//!   commits, before the write returns;
//! - a write through any other server does the same to this one: each
//!   such statement notifies `trellis_principals` as it commits (a
//!   trigger, migration 18) and this server listens there. Only while it
//!   listens does it keep anything; when the connection drops it forgets
//!   all and keeps nothing until it listens again;
//! - a read that began before a forgetting is not kept, since it may have
//!   read what was just changed;
//! - nothing is kept longer than [`KEEP_FOR`], which bounds what a
//!   listening connection lost without noticing could cost.
//!
//! Only callers that were found are kept: an addition (a new membership)
//! cannot make a kept caller wrong. On SQLite nothing is kept: the lookup
//! is in-process and costs little.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use lru::LruCache;
use sqlx::PgPool;
use sqlx::postgres::{PgListener, PgPoolOptions};
use tokio::sync::{oneshot, watch};
use trellis_kernel::{SessionId, TenantId, UserId};
use trellis_tenancy::session::PrincipalRecord;

/// The channel migration 18's triggers notify.
pub(crate) const CHANNEL: &str = "trellis_principals";
/// How long a caller is kept at most.
const KEEP_FOR: Duration = Duration::from_secs(5);
/// How many callers are kept at most, least recently used out first.
const CAPACITY: NonZeroUsize = NonZeroUsize::new(10_000).expect("a capacity above zero");
/// The longest wait before listening again after a failure.
const MAX_RETRY: Duration = Duration::from_secs(30);

/// A token's session, user and tenant.
pub(crate) type CallerKey = (SessionId, UserId, Option<TenantId>);

struct Kept {
    record: PrincipalRecord,
    at: Instant,
}

pub(crate) struct KeptPrincipals {
    kept: Mutex<LruCache<CallerKey, Kept>>,
    /// Counts the forgettings: a read that began under an older count is
    /// not kept.
    forgotten: watch::Sender<u64>,
    /// Whether changes made through other servers reach this one.
    listening: watch::Sender<bool>,
    started: OnceLock<()>,
    /// Dropped with this, which stops the listener.
    stop: Mutex<Option<oneshot::Sender<()>>>,
}

impl Default for KeptPrincipals {
    fn default() -> Self {
        Self {
            kept: Mutex::new(LruCache::new(CAPACITY)),
            forgotten: watch::Sender::new(0),
            listening: watch::Sender::new(false),
            started: OnceLock::new(),
            stop: Mutex::new(None),
        }
    }
}

impl KeptPrincipals {
    /// The kept caller for `key`, if it is kept, fresh, and its session is
    /// still live at `now`.
    pub(crate) fn get(&self, key: &CallerKey, now: DateTime<Utc>) -> Option<PrincipalRecord> {
        if !*self.listening.borrow() {
            return None;
        }
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let found = kept.get(key)?;
        if found.at.elapsed() < KEEP_FOR && found.record.session.is_live(now) {
            return Some(found.record.clone());
        }
        kept.pop(key);
        None
    }

    /// The count to pass to [`Self::keep`] for a read that begins now.
    pub(crate) fn generation(&self) -> u64 {
        *self.forgotten.borrow()
    }

    /// Keeps `record`, read for `key` since `generation`, unless something
    /// was forgotten meanwhile. A record without the membership its key
    /// asks for is a refusal, which is never kept.
    pub(crate) fn keep(&self, key: CallerKey, record: &PrincipalRecord, generation: u64) {
        if key.2.is_some() && record.membership.is_none() {
            return;
        }
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Checked under the lock that `forget_all` takes too: a forgetting
        // either came first and is seen here, or comes after and clears this.
        if *self.listening.borrow() && self.generation() == generation {
            kept.put(
                key,
                Kept {
                    record: record.clone(),
                    at: Instant::now(),
                },
            );
        }
    }

    /// Forgets every kept caller.
    pub(crate) fn forget_all(&self) {
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.forgotten.send_modify(|count| *count += 1);
        kept.clear();
    }

    fn set_listening(&self, listening: bool) {
        self.forget_all();
        self.listening.send_replace(listening);
    }

    /// Starts listening for changes made through other servers, once;
    /// nothing is kept before the listener is in place. On a runtime only.
    pub(crate) fn listen_once(self: &Arc<Self>, pool: &PgPool) {
        self.started.get_or_init(|| {
            let (stop, stopped) = oneshot::channel();
            *self
                .stop
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(stop);
            // A connection of its own, held as long as this listens, and
            // never one of the pool's.
            let connection = PgPoolOptions::new()
                .max_connections(1)
                .connect_lazy_with((*pool.connect_options()).clone());
            tokio::spawn(listen(connection, Arc::downgrade(self), stopped));
        });
    }

    /// Waits until this listens for changes made elsewhere.
    pub(crate) async fn until_listening(&self) {
        let _ = self
            .listening
            .subscribe()
            .wait_for(|listening| *listening)
            .await;
    }

    /// Waits until something is forgotten after `generation`.
    pub(crate) async fn until_forgotten_after(&self, generation: u64) {
        let _ = self
            .forgotten
            .subscribe()
            .wait_for(|count| *count > generation)
            .await;
    }
}

/// Listens until `stopped`, listening again after each failure; kept
/// callers are forgotten on every notice, and on every failure.
async fn listen(
    connection: PgPool,
    kept: Weak<KeptPrincipals>,
    mut stopped: oneshot::Receiver<()>,
) {
    let mut retry = Duration::from_millis(100);
    loop {
        let failure = tokio::select! {
            _ = &mut stopped => return,
            failure = hear(&connection, &kept) => failure,
        };
        let Some(principals) = kept.upgrade() else {
            return;
        };
        principals.set_listening(false);
        drop(principals);
        tracing::warn!(
            error = %failure,
            "not listening for changes to callers; each request reads its caller until this listens again"
        );
        tokio::select! {
            _ = &mut stopped => return,
            () = tokio::time::sleep(retry) => {}
        }
        retry = (retry * 2).min(MAX_RETRY);
    }
}

/// Listens on `connection` and forgets on each notice; returns only with
/// what made it stop.
async fn hear(connection: &PgPool, kept: &Weak<KeptPrincipals>) -> sqlx::Error {
    let mut listener = match PgListener::connect_with(connection).await {
        Ok(listener) => listener,
        Err(error) => return error,
    };
    // The pool is this listener's own and is never closed.
    listener.ignore_pool_close_event(true);
    if let Err(error) = listener.listen(CHANNEL).await {
        return error;
    }
    match kept.upgrade() {
        Some(principals) => principals.set_listening(true),
        None => return sqlx::Error::PoolClosed,
    }
    loop {
        // `None`: the connection was lost and is back, listening again;
        // what was notified in between is lost, so all is forgotten too.
        let heard = listener.try_recv().await;
        let Some(principals) = kept.upgrade() else {
            return sqlx::Error::PoolClosed;
        };
        match heard {
            Ok(_) => principals.forget_all(),
            Err(error) => return error,
        }
    }
}
