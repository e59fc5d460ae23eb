//! Time as a port, so that expiry rules can be tested without waiting.

use chrono::{DateTime, SubsecRound, Utc};

/// The `updated_at` of a row being changed: `now`, or a microsecond after
/// `previous` when the clock has not moved past it, so caches and pools keyed
/// by the stamp always see the change.
pub fn next_version(now: DateTime<Utc>, previous: DateTime<Utc>) -> DateTime<Utc> {
    now.max(previous + chrono::Duration::microseconds(1))
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    /// Microsecond precision: what PostgreSQL stores, so a value read back
    /// equals the value written.
    fn now(&self) -> DateTime<Utc> {
        Utc::now().trunc_subsecs(6)
    }
}

/// A clock that says what it is told; for tests of expiry.
#[derive(Debug)]
pub struct FixedClock(std::sync::Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(std::sync::Mutex::new(at))
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *now += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
