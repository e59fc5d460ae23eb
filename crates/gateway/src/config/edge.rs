//! Limits at the edge: how often credentials may be tried, and how long
//! and how many connections may be held.

use std::num::NonZeroU32;
use std::time::Duration;

use super::parse::Parser;

pub const DEFAULT_AUTH_ATTEMPTS_PER_IP: u32 = 10;
pub const DEFAULT_AUTH_ATTEMPTS_PER_ACCOUNT: u32 = 20;
pub const DEFAULT_AUTH_WINDOW_SECS: u64 = 60;
pub const DEFAULT_HEADER_READ_TIMEOUT_SECS: u64 = 10;
pub const DEFAULT_KEEP_ALIVE_TIMEOUT_SECS: u64 = 30;
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;

/// How often `signIn`, `refreshSession` and `acceptInvitation` may be
/// tried, per client IP and per account, within `window`.
///
/// Per account allows more than per IP, so that one client alone can
/// never lock a user out: it runs into its own limit first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthRateLimits {
    pub per_ip: NonZeroU32,
    pub per_account: NonZeroU32,
    pub window: Duration,
}

impl Default for AuthRateLimits {
    fn default() -> Self {
        Self {
            per_ip: NonZeroU32::new(DEFAULT_AUTH_ATTEMPTS_PER_IP).unwrap_or(NonZeroU32::MIN),
            per_account: NonZeroU32::new(DEFAULT_AUTH_ATTEMPTS_PER_ACCOUNT)
                .unwrap_or(NonZeroU32::MIN),
            window: Duration::from_secs(DEFAULT_AUTH_WINDOW_SECS),
        }
    }
}

/// What one TCP connection may hold, and how many may be held at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// A request's head must arrive within this, from the connection's
    /// start or from the first byte of a later request.
    pub header_read_timeout: Duration,
    /// A connection with no request in flight closes after this.
    pub keep_alive_timeout: Duration,
    /// Connections held at once; further clients wait in the listen
    /// backlog until one closes.
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(DEFAULT_HEADER_READ_TIMEOUT_SECS),
            keep_alive_timeout: Duration::from_secs(DEFAULT_KEEP_ALIVE_TIMEOUT_SECS),
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }
}

pub(super) const VARIABLES: &[&str] = &[
    "TRELLIS_AUTH_ATTEMPTS_PER_IP",
    "TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT",
    "TRELLIS_AUTH_WINDOW_SECS",
    "TRELLIS_HEADER_READ_TIMEOUT_SECS",
    "TRELLIS_KEEP_ALIVE_TIMEOUT_SECS",
    "TRELLIS_MAX_CONNECTIONS",
];

pub(super) fn auth_rate_limits(p: &mut Parser<'_>) -> AuthRateLimits {
    let defaults = AuthRateLimits::default();
    let count = |p: &mut Parser<'_>, name: &str, default: NonZeroU32| {
        p.positive(name)
            .and_then(|n| u32::try_from(n).ok())
            .and_then(NonZeroU32::new)
            .unwrap_or(default)
    };
    let limits = AuthRateLimits {
        per_ip: count(p, "TRELLIS_AUTH_ATTEMPTS_PER_IP", defaults.per_ip),
        per_account: count(p, "TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT", defaults.per_account),
        window: p
            .positive("TRELLIS_AUTH_WINDOW_SECS")
            .map_or(defaults.window, |secs| Duration::from_secs(secs as u64)),
    };
    if limits.per_account <= limits.per_ip {
        p.problems.push(format!(
            "TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT ({}) must be greater than \
             TRELLIS_AUTH_ATTEMPTS_PER_IP ({}), or one client could lock a user out",
            limits.per_account, limits.per_ip
        ));
    }
    limits
}

pub(super) fn connection_limits(p: &mut Parser<'_>) -> ConnectionLimits {
    let defaults = ConnectionLimits::default();
    let secs = |p: &mut Parser<'_>, name: &str, default: Duration| {
        p.positive(name)
            .map_or(default, |secs| Duration::from_secs(secs as u64))
    };
    ConnectionLimits {
        header_read_timeout: secs(
            p,
            "TRELLIS_HEADER_READ_TIMEOUT_SECS",
            defaults.header_read_timeout,
        ),
        keep_alive_timeout: secs(
            p,
            "TRELLIS_KEEP_ALIVE_TIMEOUT_SECS",
            defaults.keep_alive_timeout,
        ),
        max_connections: p
            .positive("TRELLIS_MAX_CONNECTIONS")
            .unwrap_or(defaults.max_connections),
    }
}
