//! Turning database errors into domain errors.

use sea_orm::{DbErr, SqlErr};
use trellis_kernel::DomainError;

/// Anything the caller cannot act on. The cause is kept for the log.
pub(crate) fn internal(err: DbErr) -> DomainError {
    DomainError::internal(err)
}

fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

fn is_foreign_key_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(SqlErr::ForeignKeyConstraintViolation(_))
    )
}

/// A unique violation becomes `Conflict(message)`; anything else is internal.
pub(crate) fn conflict_on_unique(err: DbErr, message: impl FnOnce() -> String) -> DomainError {
    if is_unique_violation(&err) {
        DomainError::conflict(message())
    } else {
        internal(err)
    }
}

/// For writes that reference a role: a unique violation becomes
/// `Conflict(message)`, and a foreign-key violation `NotFound("role")`,
/// since the composite key refuses a role of another tenant.
pub(crate) fn role_write_error(err: DbErr, conflict: &str) -> DomainError {
    if is_foreign_key_violation(&err) {
        DomainError::not_found("role")
    } else {
        conflict_on_unique(err, || conflict.to_owned())
    }
}

/// For writes that reference a parent row checked just before: a unique
/// violation becomes `Conflict(message)`, and a foreign-key violation
/// (the parent went away meanwhile, or is another tenant's)
/// `NotFound(parent)`.
pub(crate) fn reference_write_error(
    err: DbErr,
    parent: &'static str,
    conflict: impl FnOnce() -> String,
) -> DomainError {
    if is_foreign_key_violation(&err) {
        DomainError::not_found(parent)
    } else {
        conflict_on_unique(err, conflict)
    }
}
