//! Turning database errors into domain errors.

use sea_orm::{DbErr, RuntimeErr, SqlErr};
use trellis_kernel::DomainError;

/// Anything the caller cannot act on. The cause is kept for the log.
///
/// Except text PostgreSQL cannot store: a NUL (U+0000) that reached a write
/// by a path that did not refuse or replace it is the caller's input, not
/// the server's fault, so it is `Validation`, and nothing is written.
pub(crate) fn internal(err: DbErr) -> DomainError {
    if is_unstorable_text(&err) {
        return DomainError::invalid("input", NUL_MESSAGE);
    }
    DomainError::internal(err)
}

pub(crate) const NUL_MESSAGE: &str = "must not contain a NUL character (U+0000)";

/// PostgreSQL's refusals of a NUL: 22021 (`character_not_in_repertoire`,
/// in `text`) and 22P05 (`untranslatable_character`, `\u0000` in `jsonb`).
fn is_unstorable_text(err: &DbErr) -> bool {
    let (DbErr::Exec(RuntimeErr::SqlxError(cause)) | DbErr::Query(RuntimeErr::SqlxError(cause))) =
        err
    else {
        return false;
    };
    let sea_orm::sqlx::Error::Database(database) = cause.as_ref() else {
        return false;
    };
    matches!(database.code().as_deref(), Some("22021" | "22P05"))
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

/// A foreign-key violation means the row is still referenced: `Conflict(message)`.
pub(crate) fn conflict_on_reference(err: DbErr, message: impl FnOnce() -> String) -> DomainError {
    if is_foreign_key_violation(&err) {
        DomainError::conflict(message())
    } else {
        internal(err)
    }
}
