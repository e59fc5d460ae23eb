//! Turning database errors into domain errors.

use sea_orm::{DbErr, RuntimeErr, SqlErr};
use trellis_kernel::DomainError;

/// `Unavailable` when the database cannot be reached (the same request may
/// work later), `Internal` for anything else the caller cannot act on. The
/// cause is kept for the log.
///
/// Except text PostgreSQL cannot store: a NUL (U+0000) that reached a write
/// by a path that did not refuse or replace it is the caller's input, not
/// the server's fault, so it is `Validation`, and nothing is written.
pub(crate) fn internal(err: DbErr) -> DomainError {
    if is_unstorable_text(&err) {
        return DomainError::invalid("input", trellis_kernel::text::NUL_REFUSED);
    }
    if is_unavailable(&err) {
        DomainError::unavailable(err)
    } else {
        DomainError::internal(err)
    }
}

/// No connection could be had, or the one in use broke: the pool timed out
/// or closed, the socket failed, or the server refused new sessions or
/// ended this one (SQLSTATE class 08, 57P01-57P03).
pub(crate) fn is_unavailable(err: &DbErr) -> bool {
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(cause)) | DbErr::Query(RuntimeErr::SqlxError(cause)) => {
            sqlx_unavailable(cause)
        }
        _ => false,
    }
}

fn sqlx_unavailable(err: &sea_orm::sqlx::Error) -> bool {
    use sea_orm::sqlx::Error;
    match err {
        Error::Io(_) | Error::Tls(_) | Error::PoolTimedOut | Error::PoolClosed => true,
        Error::Database(db) => db.code().is_some_and(|code| {
            code.starts_with("08") || matches!(code.as_ref(), "57P01" | "57P02" | "57P03")
        }),
        _ => false,
    }
}

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

#[cfg(test)]
mod tests {
    use std::io;
    use std::sync::Arc;

    use sea_orm::ConnAcquireErr;

    use super::*;

    fn sqlx(err: sea_orm::sqlx::Error) -> RuntimeErr {
        RuntimeErr::SqlxError(Arc::new(err))
    }

    #[test]
    fn an_unreachable_database_is_unavailable() {
        let refused = || sea_orm::sqlx::Error::Io(io::ErrorKind::ConnectionRefused.into());
        for err in [
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
            DbErr::ConnectionAcquire(ConnAcquireErr::ConnectionClosed),
            DbErr::Conn(sqlx(refused())),
            DbErr::Query(sqlx(refused())),
            DbErr::Exec(sqlx(sea_orm::sqlx::Error::PoolTimedOut)),
        ] {
            let text = err.to_string();
            assert!(
                matches!(internal(err), DomainError::Unavailable(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn other_database_errors_stay_internal() {
        for err in [
            DbErr::Query(sqlx(sea_orm::sqlx::Error::RowNotFound)),
            DbErr::Custom("broken invariant".into()),
            DbErr::Type("bad column".into()),
        ] {
            let text = err.to_string();
            assert!(matches!(internal(err), DomainError::Internal(_)), "{text}");
        }
    }
}
