//! SQLite files under the datasource files directory, opened read-only.
//! SQLite has no statement timeout, so a progress handler interrupts a
//! statement that runs past its deadline.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqlitePool};
use sqlx::{AssertSqlSafe, ConnectOptions};
use trellis_datasources::{ConnectionOptions, LookupError};

use super::{pool_options, value};
use crate::error::config_error;

/// Virtual machine steps between deadline checks: frequent enough to stop
/// within a millisecond or so, rare enough to cost nothing measurable.
const PROGRESS_STEPS: i32 = 1000;

/// The pool and the path as the tenant wrote it, for messages.
pub(super) fn pool(
    root: &Path,
    base_url: &str,
    options: &ConnectionOptions,
) -> Result<(SqlitePool, String), LookupError> {
    let relative = base_url
        .strip_prefix("sqlite://")
        .or_else(|| base_url.strip_prefix("sqlite:"))
        .unwrap_or(base_url);
    let path = resolve(root, relative)?;
    let connect = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .create_if_missing(false)
        .pragma("query_only", "ON")
        .busy_timeout(Duration::from_millis(options.statement_timeout_ms))
        .disable_statement_logging();
    let pool = pool_options(options).connect_lazy_with(connect);
    Ok((pool, relative.to_owned()))
}

/// The file's canonical path, refused if it lies outside `root` (through
/// `..` or a symbolic link).
fn resolve(root: &Path, relative: &str) -> Result<std::path::PathBuf, LookupError> {
    let relative_path = Path::new(relative);
    if relative.is_empty() || relative_path.is_absolute() {
        return Err(config_error(format!(
            "the SQLite path `{relative}` must be relative to the datasource files directory"
        )));
    }
    let root = root.canonicalize().map_err(|_| {
        config_error("the datasource files directory is not available on this server")
    })?;
    let path = match root.join(relative_path).canonicalize() {
        Ok(path) => path,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(config_error(format!(
                "the SQLite file `{relative}` does not exist"
            )));
        }
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
    // Replaces whatever handler an earlier, abandoned lookup left behind.
    conn.lock_handle()
        .await?
        .set_progress_handler(PROGRESS_STEPS, move || Instant::now() < deadline);
    let mut query = sqlx::query(AssertSqlSafe(statement.to_owned()));
    for param in params {
        query = query.bind(param.as_str());
    }
    let row = query.fetch_optional(&mut *conn).await;
    conn.lock_handle().await?.remove_progress_handler();
    Ok(row?.as_ref().map(value::sqlite_row))
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
}
