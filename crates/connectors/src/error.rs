//! The few error shapes every connector uses, worded for the tenant.

use std::time::Duration;

use trellis_datasources::{LookupError, LookupErrorKind};

pub fn config_error(message: impl Into<String>) -> LookupError {
    LookupError::new(LookupErrorKind::Config, message)
}

pub fn timed_out(limit: Duration) -> LookupError {
    LookupError::new(
        LookupErrorKind::Timeout,
        format!(
            "the datasource did not answer within {} ms",
            limit.as_millis()
        ),
    )
}
