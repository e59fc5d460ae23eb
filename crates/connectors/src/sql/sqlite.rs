//! SQLite files under the datasource files directory, opened read-only.
//! Each tenant has a directory of its own there, `<root>/<tenant id>/`, and
//! a config's path is relative to it, so no path reaches another tenant's
//! files.
//!
//! SQLite has no statement timeout and runs inside this process, so each
//! connection gets limits of its own (`sqlite3_limit`): no string or blob
//! past [`MAX_VALUE_BYTES`], which bounds what one call such as
//! `randomblob(1e9)` can allocate and how long it can compute, and no
//! attached databases. At the deadline a timer calls `sqlite3_interrupt`,
//! which also stops single long calls (counting a table, sorting) that a
//! progress handler, run between virtual machine steps, would not reach.
//! The process-wide heap limits (`hard_heap_limit`) are left alone: they
//! would cap the store's own SQLite database and every tenant together.

use std::ffi::c_int;
use std::path::Path;
use std::ptr::NonNull;
use std::time::{Duration, Instant};

use libsqlite3_sys as ffi;
use serde_json::Value;
use sqlx::sqlite::{Sqlite, SqliteConnectOptions, SqliteConnection, SqlitePool};
use sqlx::{AssertSqlSafe, ConnectOptions};
use trellis_datasources::{ConnectionOptions, LookupError, LookupErrorKind};
use trellis_kernel::TenantId;

use super::{pool_options, value};
use crate::error::config_error;

/// Largest string or blob a statement may read, bind or make. Lookups
/// compare short values; a megabyte leaves room for odd data while one
/// query's values stay in megabytes, not gigabytes.
pub(super) const MAX_VALUE_BYTES: c_int = 1024 * 1024;

/// Per-connection limits: (limit, value).
const LIMITS: [(c_int, c_int); 6] = [
    (ffi::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES),
    // A rule's query is at most 10 000 characters (4 bytes each at most).
    (ffi::SQLITE_LIMIT_SQL_LENGTH, 64 * 1024),
    // A lookup reads one row; many wide columns would multiply the values.
    (ffi::SQLITE_LIMIT_COLUMN, 100),
    (ffi::SQLITE_LIMIT_ATTACHED, 0),
    (ffi::SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 10_000),
    (ffi::SQLITE_LIMIT_VARIABLE_NUMBER, 1_000),
];

/// The raw connection handle, carried to the interrupt timer.
#[derive(Clone, Copy)]
struct RawHandle(NonNull<ffi::sqlite3>);

// SAFETY: the handle is used only for `sqlite3_interrupt`, which SQLite
// allows from any thread while the connection is open.
unsafe impl Send for RawHandle {}
unsafe impl Sync for RawHandle {}

/// The pool and the path as the tenant wrote it, for messages.
pub(super) fn pool(
    root: &Path,
    tenant: TenantId,
    base_url: &str,
    options: &ConnectionOptions,
) -> Result<(SqlitePool, String), LookupError> {
    let relative = base_url
        .strip_prefix("sqlite://")
        .or_else(|| base_url.strip_prefix("sqlite:"))
        .unwrap_or(base_url);
    let path = resolve(&root.join(tenant.to_string()), relative)?;
    let connect = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .create_if_missing(false)
        .pragma("query_only", "ON")
        .busy_timeout(Duration::from_millis(options.statement_timeout_ms))
        .disable_statement_logging();
    let pool = pool_options::<Sqlite>(options)
        .after_connect(|conn: &mut SqliteConnection, _| {
            Box::pin(async move {
                let mut handle = conn.lock_handle().await?;
                let raw = handle.as_raw_handle().as_ptr();
                for (limit, value) in LIMITS {
                    // SAFETY: the handle is locked away from the worker
                    // thread; sqlite3_limit only stores the number.
                    unsafe { ffi::sqlite3_limit(raw, limit, value) };
                }
                Ok(())
            })
        })
        .connect_lazy_with(connect);
    Ok((pool, relative.to_owned()))
}

/// The file's canonical path, refused if it lies outside `root`, the
/// tenant's directory (through `..` or a symbolic link).
fn resolve(root: &Path, relative: &str) -> Result<std::path::PathBuf, LookupError> {
    let relative_path = Path::new(relative);
    if relative.is_empty() || relative_path.is_absolute() {
        return Err(config_error(format!(
            "the SQLite path `{relative}` must be relative to the datasource files directory"
        )));
    }
    let missing = || config_error(format!("the SQLite file `{relative}` does not exist"));
    let root = match root.canonicalize() {
        Ok(root) => root,
        // A tenant's directory exists once its first file is placed.
        Err(_) if root.parent().is_some_and(Path::is_dir) => return Err(missing()),
        Err(_) => {
            return Err(config_error(
                "the datasource files directory is not available on this server",
            ));
        }
    };
    let path = match root.join(relative_path).canonicalize() {
        Ok(path) => path,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Err(missing()),
        Err(_) => {
            return Err(config_error(format!(
                "the SQLite file `{relative}` cannot be opened"
            )));
        }
    };
    if !path.starts_with(&root) {
        return Err(config_error(format!(
            "the SQLite file `{relative}` is outside the datasource files directory"
        )));
    }
    if !path.is_file() {
        return Err(config_error(format!(
            "the SQLite path `{relative}` is not a file"
        )));
    }
    Ok(path)
}

pub(super) async fn first_row(
    conn: &mut SqliteConnection,
    statement: &str,
    params: &[String],
    deadline: Instant,
) -> Result<Option<Vec<Value>>, sqlx::Error> {
    let handle = RawHandle(conn.lock_handle().await?.as_raw_handle());
    let mut query = sqlx::query(AssertSqlSafe(statement.to_owned()));
    for param in params {
        query = query.bind(param.as_str());
    }
    let run = query.fetch_optional(&mut *conn);
    tokio::pin!(run);
    let row = tokio::select! {
        row = &mut run => row,
        () = tokio::time::sleep_until(deadline.into()) => {
            // SAFETY: `run` borrows the connection and has not finished, so
            // the connection is open. An interrupt that lands after the
            // statement ended is cleared when the next one starts.
            unsafe { ffi::sqlite3_interrupt(handle.0.as_ptr()) };
            run.await
        }
    };
    Ok(row?.as_ref().map(value::sqlite_row))
}

/// SQLITE_TOOBIG: a string or blob past [`MAX_VALUE_BYTES`].
pub(super) fn is_too_big(err: &dyn sqlx::error::DatabaseError) -> bool {
    err.code().as_deref() == Some(&ffi::SQLITE_TOOBIG.to_string())
}

pub(super) fn too_big() -> LookupError {
    LookupError::new(
        LookupErrorKind::Query,
        format!(
            "a string or blob in the query is larger than the {} MiB a SQLite datasource allows",
            MAX_VALUE_BYTES / (1024 * 1024)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_root() {
        let root = std::env::temp_dir().join(format!(
            "trellis-sqlite-root-{}",
            sqlx::types::Uuid::now_v7()
        ));
        std::fs::create_dir_all(root.join("crm")).unwrap();
        std::fs::write(root.join("crm/customers.db"), b"").unwrap();
        assert!(resolve(&root, "crm/customers.db").is_ok());
        let outside = resolve(&root, "../").unwrap_err();
        assert!(outside.message.contains("outside"), "{}", outside.message);
        let missing = resolve(&root, "crm/missing.db").unwrap_err();
        assert_eq!(
            missing.message,
            "the SQLite file `crm/missing.db` does not exist"
        );
        assert!(resolve(&root, "/etc/passwd").is_err());
        assert!(
            resolve(&root, "crm")
                .unwrap_err()
                .message
                .contains("not a file")
        );
        #[cfg(unix)]
        {
            let target = root.with_extension("outside.db");
            std::fs::write(&target, b"").unwrap();
            std::os::unix::fs::symlink(&target, root.join("escape.db")).unwrap();
            let err = resolve(&root, "escape.db").unwrap_err();
            assert!(err.message.contains("outside"), "{}", err.message);
            std::fs::remove_file(&target).unwrap();
        }
        std::fs::remove_dir_all(&root).unwrap();
    }

    /// Stands for SQLite's own long single calls (counting a big table,
    /// sorting): it polls the interrupt flag and nothing else.
    unsafe extern "C" fn wait_for_interrupt(
        ctx: *mut ffi::sqlite3_context,
        _argc: c_int,
        _argv: *mut *mut ffi::sqlite3_value,
    ) {
        let started = Instant::now();
        // SAFETY: called by SQLite with a live context.
        unsafe {
            let db = ffi::sqlite3_context_db_handle(ctx);
            while started.elapsed() < Duration::from_secs(3) {
                if ffi::sqlite3_is_interrupted(db) != 0 {
                    ffi::sqlite3_result_error_code(ctx, ffi::SQLITE_INTERRUPT);
                    return;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            ffi::sqlite3_result_int(ctx, 0);
        }
    }

    #[tokio::test]
    async fn the_deadline_interrupts_a_single_long_call() {
        let root = std::env::temp_dir().join(format!(
            "trellis-sqlite-interrupt-{}",
            sqlx::types::Uuid::now_v7()
        ));
        let tenant = TenantId::generate();
        std::fs::create_dir_all(root.join(tenant.to_string())).unwrap();
        let file = SqliteConnectOptions::new()
            .filename(root.join(tenant.to_string()).join("x.db"))
            .create_if_missing(true);
        let created = <SqliteConnection as sqlx::Connection>::connect_with(&file)
            .await
            .unwrap();
        sqlx::Connection::close(created).await.unwrap();
        let (pool, _) = pool(&root, tenant, "x.db", &ConnectionOptions::default()).unwrap();
        let mut conn = pool.acquire().await.unwrap();
        {
            let mut handle = conn.lock_handle().await.unwrap();
            // SAFETY: the handle is locked; the function has no state.
            let rc = unsafe {
                ffi::sqlite3_create_function_v2(
                    handle.as_raw_handle().as_ptr(),
                    c"wait_for_interrupt".as_ptr(),
                    0,
                    ffi::SQLITE_UTF8,
                    std::ptr::null_mut(),
                    Some(wait_for_interrupt),
                    None,
                    None,
                    None,
                )
            };
            assert_eq!(rc, ffi::SQLITE_OK);
        }
        let deadline = Instant::now() + Duration::from_millis(100);
        let outcome = first_row(&mut conn, "SELECT wait_for_interrupt()", &[], deadline).await;
        match outcome {
            Err(sqlx::Error::Database(db)) => assert_eq!(db.code().as_deref(), Some("9")),
            other => panic!("the call ran to its end: {other:?}"),
        }
        // The next statement is not interrupted by the one before.
        let next = first_row(
            &mut conn,
            "SELECT 1",
            &[],
            Instant::now() + Duration::from_secs(2),
        );
        assert_eq!(next.await.unwrap(), Some(vec![Value::from(1)]));
        drop(conn);
        pool.close().await;
        std::fs::remove_dir_all(&root).unwrap();
    }
}
