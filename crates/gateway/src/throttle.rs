//! How often credentials may be tried: a keyed GCRA limiter (governor) per
//! client IP and one per account, in this process. Shared limits across
//! instances need a shared store and come later.
//!
//! The IP is checked first and a refusal there spends nothing of the
//! account's allowance, so one client hammering an account runs into its
//! own limit and never locks the real user out; many clients together can,
//! but only until a window after they stop.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use governor::clock::Clock;
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};

use crate::config::AuthRateLimits;

/// What is being tried; each has its own allowance per IP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Attempt {
    SignIn,
    RefreshSession,
    AcceptInvitation,
}

/// The limiters' time: the monotonic clock (none for a stopped one), plus
/// whatever a test advanced it by.
#[derive(Debug, Clone)]
pub struct ThrottleClock {
    start: Option<Instant>,
    advanced_nanos: Arc<AtomicU64>,
}

impl ThrottleClock {
    pub fn system() -> Self {
        Self {
            start: Some(Instant::now()),
            advanced_nanos: Arc::new(AtomicU64::new(0)),
        }
    }

    /// A clock that moves only when advanced, for tests: however slowly
    /// they run, no allowance refills behind their back.
    pub fn stopped() -> Self {
        Self {
            start: None,
            advanced_nanos: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Moves this clock (and every clone) forward, for tests of windows.
    pub fn advance(&self, by: Duration) {
        let nanos = u64::try_from(by.as_nanos()).unwrap_or(u64::MAX);
        self.advanced_nanos.fetch_add(nanos, Ordering::Relaxed);
    }
}

impl Clock for ThrottleClock {
    type Instant = Duration;

    fn now(&self) -> Duration {
        let elapsed = self.start.map(|start| start.elapsed()).unwrap_or_default();
        elapsed + Duration::from_nanos(self.advanced_nanos.load(Ordering::Relaxed))
    }
}

type Keyed<K> = RateLimiter<K, HashMapStateStore<K>, ThrottleClock, NoOpMiddleware<Duration>>;

/// Forgets keys whose allowance is full again after this many checks, so
/// that a stream of made-up emails cannot grow the maps without bound.
const HOUSEKEEPING_EVERY: u64 = 1024;

pub struct AuthThrottle {
    per_ip: Keyed<(Attempt, IpAddr)>,
    /// Keyed by a hash of the account: no email or token is kept in memory.
    per_account: Keyed<(Attempt, u64)>,
    hasher: RandomState,
    clock: ThrottleClock,
    checks: AtomicU64,
}

impl AuthThrottle {
    pub fn new(limits: AuthRateLimits, clock: ThrottleClock) -> Self {
        Self {
            per_ip: Keyed::hashmap_with_clock(quota(limits.per_ip, limits.window), clock.clone()),
            per_account: Keyed::hashmap_with_clock(
                quota(limits.per_account, limits.window),
                clock.clone(),
            ),
            hasher: RandomState::new(),
            clock,
            checks: AtomicU64::new(0),
        }
    }

    /// Spends one attempt on `account` from `ip` (absent when the peer is
    /// unknown, as in router tests without a socket).
    ///
    /// # Errors
    /// How long to wait before the next attempt can succeed.
    pub fn check(
        &self,
        attempt: Attempt,
        ip: Option<IpAddr>,
        account: &str,
    ) -> Result<(), Duration> {
        self.housekeeping();
        let now = self.clock.now();
        if let Some(ip) = ip {
            self.per_ip
                .check_key(&(attempt, ip))
                .map_err(|refused| refused.wait_time_from(now))?;
        }
        let account = self.hasher.hash_one(account);
        self.per_account
            .check_key(&(attempt, account))
            .map_err(|refused| refused.wait_time_from(now))
    }

    fn housekeeping(&self) {
        if self.checks.fetch_add(1, Ordering::Relaxed) % HOUSEKEEPING_EVERY
            == HOUSEKEEPING_EVERY - 1
        {
            self.per_ip.retain_recent();
            self.per_ip.shrink_to_fit();
            self.per_account.retain_recent();
            self.per_account.shrink_to_fit();
        }
    }
}

/// `count` attempts at once, then one more every `window / count`: a full
/// allowance is back one window after the last attempt.
fn quota(count: std::num::NonZeroU32, window: Duration) -> Quota {
    let every = window / count.get();
    Quota::with_period(every.max(Duration::from_nanos(1)))
        .unwrap_or_else(|| Quota::per_second(count))
        .allow_burst(count)
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU32;

    use super::*;

    const WINDOW: Duration = Duration::from_secs(60);

    fn throttle(per_ip: u32, per_account: u32) -> (AuthThrottle, ThrottleClock) {
        let clock = ThrottleClock::stopped();
        let limits = AuthRateLimits {
            per_ip: NonZeroU32::new(per_ip).unwrap(),
            per_account: NonZeroU32::new(per_account).unwrap(),
            window: WINDOW,
        };
        (AuthThrottle::new(limits, clock.clone()), clock)
    }

    fn ip(last: u8) -> Option<IpAddr> {
        Some(IpAddr::from([203, 0, 113, last]))
    }

    #[test]
    fn an_ip_gets_its_allowance_then_waits_for_the_next_attempt() {
        let (throttle, clock) = throttle(3, 10);
        for _ in 0..3 {
            assert_eq!(throttle.check(Attempt::SignIn, ip(1), "a@x.test"), Ok(()));
        }
        let wait = throttle
            .check(Attempt::SignIn, ip(1), "b@x.test")
            .unwrap_err();
        assert!(wait > Duration::ZERO && wait <= WINDOW / 3, "{wait:?}");
        // Another IP, and the same IP trying something else, are not held.
        assert_eq!(throttle.check(Attempt::SignIn, ip(2), "a@x.test"), Ok(()));
        assert_eq!(
            throttle.check(Attempt::RefreshSession, ip(1), "token"),
            Ok(())
        );
        clock.advance(wait);
        assert_eq!(throttle.check(Attempt::SignIn, ip(1), "a@x.test"), Ok(()));
    }

    #[test]
    fn a_refusal_by_ip_spends_nothing_of_the_account() {
        let (throttle, _) = throttle(2, 3);
        // One client hammers an account far past both limits.
        for _ in 0..50 {
            let _ = throttle.check(Attempt::SignIn, ip(1), "ada@x.test");
        }
        // It spent two of the account's three attempts: the real user gets in.
        assert_eq!(throttle.check(Attempt::SignIn, ip(9), "ada@x.test"), Ok(()));
    }

    #[test]
    fn many_ips_lock_an_account_for_one_window_at_most() {
        let (throttle, clock) = throttle(2, 4);
        for last in 1..=4 {
            assert_eq!(
                throttle.check(Attempt::SignIn, ip(last), "ada@x.test"),
                Ok(())
            );
        }
        let wait = throttle
            .check(Attempt::SignIn, ip(9), "ada@x.test")
            .unwrap_err();
        assert!(wait <= WINDOW, "{wait:?}");
        clock.advance(WINDOW);
        assert_eq!(throttle.check(Attempt::SignIn, ip(9), "ada@x.test"), Ok(()));
    }

    #[test]
    fn without_an_ip_the_account_limit_still_holds() {
        let (throttle, _) = throttle(1, 2);
        assert_eq!(throttle.check(Attempt::AcceptInvitation, None, "t"), Ok(()));
        assert_eq!(throttle.check(Attempt::AcceptInvitation, None, "t"), Ok(()));
        assert!(
            throttle
                .check(Attempt::AcceptInvitation, None, "t")
                .is_err()
        );
        assert_eq!(throttle.check(Attempt::AcceptInvitation, None, "u"), Ok(()));
    }

    #[test]
    fn forgotten_keys_do_not_pile_up() {
        let (throttle, clock) = throttle(1, 2);
        for n in 0..HOUSEKEEPING_EVERY - 1 {
            let _ = throttle.check(Attempt::SignIn, None, &format!("u{n}@x.test"));
        }
        clock.advance(WINDOW * 2);
        let _ = throttle.check(Attempt::SignIn, None, "last@x.test");
        assert!(
            throttle.per_account.len() <= 1,
            "{}",
            throttle.per_account.len()
        );
    }
}
