//! The `trellis` binary as an operator runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A directory of one test's files, deleted on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let path = std::env::temp_dir().join(format!("trellis-cli-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&path).expect("temporary directory");
        Self(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `trellis <args>` in `dir` with a clean configuration: only what a fresh
/// machine would have, and `DATABASE_URL`.
fn trellis(dir: &Path, database_url: &str, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trellis"));
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy().into_owned();
        if name.starts_with("TRELLIS_") || name == "DATABASE_URL" {
            command.env_remove(name);
        }
    }
    command
        .current_dir(dir)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .args(args)
        .output()
        .expect("the trellis binary runs")
}

/// The migrations the code holds, by file name, oldest first.
fn migration_names() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migration/src");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the migration sources")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".rs")?;
            stem.starts_with('m').then(|| stem.to_owned())
        })
        .collect();
    names.sort();
    names
}

#[test]
fn migrate_says_how_many_migrations_it_applied_then_that_none_are_pending() {
    let dir = TempDir::new();
    let url = format!("sqlite://{}?mode=rwc", dir.0.join("fresh.db").display());
    let names = migration_names();
    assert!(names.len() > 1, "{names:?}");

    let first = trellis(&dir.0, &url, &["migrate"]);
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(
        stdout.trim(),
        format!(
            "applied {} migrations ({}); the database is up to date",
            names.len(),
            names.join(", ")
        )
    );

    let again = trellis(&dir.0, &url, &["migrate"]);
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim(),
        "no pending migrations; the database is up to date"
    );
}

#[test]
fn help_describes_the_product_and_every_command() {
    let dir = TempDir::new();
    let help = trellis(&dir.0, "sqlite::memory:", &["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for words in [
        "multi-tenant",
        "GraphQL",
        "serve",
        "migrate",
        "schema",
        "admin",
        "secrets",
    ] {
        assert!(text.contains(words), "`{words}` missing from:\n{text}");
    }
}
