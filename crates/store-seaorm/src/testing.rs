//! Fresh, migrated databases for tests: this crate's contract suite and the
//! end-to-end tests use the same helpers.
//!
//! With `TEST_DATABASE_URL` set to a PostgreSQL URL, each call creates a
//! brand-new database `trellis_t_<uuid>` next to the one the URL names;
//! otherwise each call opens a private in-memory SQLite database.

use std::ops::Deref;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr};

use crate::{SeaOrmStore, connect, migrate};

pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// Names this run's per-test databases (`trellis_t_<run>_<uuid>`), so that
/// a CI run cleans up its own databases and no other run's.
pub const TEST_RUN_ID: &str = "TRELLIS_TEST_RUN_ID";

/// `TEST_DATABASE_URL`, for a test that needs PostgreSQL.
///
/// # Panics
/// When it is not set. Such tests are built `#[ignore]`d when it is missing
/// (the package's build script), so this fires only where a database was
/// promised: with `TRELLIS_REQUIRE_TEST_DATABASES=1`, under `--ignored`, or
/// in a test binary built with the variable and run without it.
pub fn test_database_url() -> String {
    match std::env::var(TEST_DATABASE_URL) {
        Ok(url) if !url.trim().is_empty() => url.trim().to_owned(),
        _ => panic!(
            "TEST_DATABASE_URL is not set, and this test needs PostgreSQL: set it to a \
             database the tests may create databases next to, e.g. \
             postgres://postgres@127.0.0.1:5432/test (without it and without \
             TRELLIS_REQUIRE_TEST_DATABASES=1, such tests are built as ignored)"
        ),
    }
}

/// The role the stores of PostgreSQL tests connect as: like the server's in
/// production, it owns no table and is neither a superuser nor exempt from
/// row-level security, so every test runs behind the policies.
pub const APP_ROLE: &str = "trellis_test_app";
const APP_PASSWORD: &str = "trellis-test-app";

/// A migrated database of one test. Keep it alive as long as its connection
/// is used: dropping it drops a PostgreSQL test database (best effort).
pub struct TestDatabase {
    /// As the application: [`APP_ROLE`] on PostgreSQL.
    db: DatabaseConnection,
    /// As the owner (who migrated it); the same connection on SQLite.
    owner: DatabaseConnection,
    postgres: Option<PostgresDatabase>,
    /// The directory of a SQLite file database, removed on drop.
    sqlite_dir: Option<std::path::PathBuf>,
}

struct PostgresDatabase {
    admin_url: String,
    name: String,
}

impl TestDatabase {
    /// The application's connection, as the server's would be.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The owner's connection, for looking at or planting rows whatever
    /// their tenant. On PostgreSQL the tests' owner is a superuser, whom
    /// row-level security does not hold.
    pub fn owner(&self) -> &DatabaseConnection {
        &self.owner
    }

    /// The URL the application's connection was opened with; `None` for
    /// in-memory SQLite, which has no second way in.
    pub fn app_url(&self) -> Option<String> {
        self.postgres
            .as_ref()
            .map(|pg| app_url(&pg.admin_url, &pg.name))
    }

    /// A store on this database.
    pub fn store(&self) -> SeaOrmStore {
        SeaOrmStore::new(self.db.clone())
    }

    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    /// The PostgreSQL database's name; `None` for SQLite.
    pub fn name(&self) -> Option<&str> {
        self.postgres.as_ref().map(|pg| pg.name.as_str())
    }
}

impl Deref for TestDatabase {
    type Target = DatabaseConnection;

    fn deref(&self) -> &DatabaseConnection {
        &self.db
    }
}

impl std::fmt::Debug for TestDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestDatabase")
            .field("backend", &self.backend())
            .field("name", &self.name())
            .finish()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(pg) = self.postgres.take() {
            drop_postgres_database(pg);
        }
        if let Some(dir) = self.sqlite_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// PostgreSQL when `TEST_DATABASE_URL` is set, in-memory SQLite otherwise.
///
/// # Errors
/// When the database cannot be created, reached or migrated.
pub async fn fresh_database() -> Result<TestDatabase, DbErr> {
    match std::env::var(TEST_DATABASE_URL) {
        Ok(url) if !url.trim().is_empty() => fresh_postgres(url.trim()).await,
        _ => fresh_sqlite().await,
    }
}

/// Always an in-memory SQLite database, whatever the environment says.
///
/// # Errors
/// When the database cannot be opened or migrated.
pub async fn fresh_sqlite() -> Result<TestDatabase, DbErr> {
    let db = connect("sqlite::memory:").await?;
    migrate(&db).await?;
    Ok(TestDatabase {
        owner: db.clone(),
        db,
        postgres: None,
        sqlite_dir: None,
    })
}

/// A SQLite file in a directory of its own, opened as the server opens
/// one: a pool of several connections in WAL mode. In-memory SQLite has a
/// single connection, so two operations there take turns and never race;
/// here they compete as they do in production (each write transaction
/// begins `IMMEDIATE` and waits for the other's).
///
/// # Errors
/// When the file cannot be created or migrated.
pub async fn fresh_sqlite_file() -> Result<TestDatabase, DbErr> {
    let dir = std::env::temp_dir().join(format!("trellis-test-{}", uuid::Uuid::now_v7().simple()));
    let url = format!("sqlite://{}", dir.join("trellis.db").display());
    let opened = async {
        let db = connect(&url).await?;
        migrate(&db).await?;
        Ok::<_, DbErr>(db)
    }
    .await;
    match opened {
        Ok(db) => Ok(TestDatabase {
            owner: db.clone(),
            db,
            postgres: None,
            sqlite_dir: Some(dir),
        }),
        Err(err) => {
            let _ = std::fs::remove_dir_all(&dir);
            Err(err)
        }
    }
}

/// A brand-new PostgreSQL database next to the one `admin_url` names.
///
/// # Errors
/// When the database cannot be created, reached or migrated, or
/// `TRELLIS_TEST_RUN_ID` is not a short lowercase run id.
pub async fn fresh_postgres(admin_url: &str) -> Result<TestDatabase, DbErr> {
    let run = std::env::var(TEST_RUN_ID).ok();
    let name = database_name(run.as_deref(), uuid::Uuid::now_v7())?;
    let admin = connect(admin_url).await?;
    let created = admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await;
    admin.close().await?;
    created?;
    let postgres = PostgresDatabase {
        admin_url: admin_url.to_owned(),
        name: name.clone(),
    };
    // From here on the guard drops the database, whatever fails next.
    let owner = connect(&with_database(admin_url, &name)).await?;
    let mut test_db = TestDatabase {
        db: owner.clone(),
        owner,
        postgres: Some(postgres),
        sqlite_dir: None,
    };
    migrate(&test_db.owner).await?;
    grant_app_role(&test_db.owner, &name).await?;
    test_db.db = connect(&app_url(admin_url, &name)).await?;
    Ok(test_db)
}

/// `trellis_t_<uuid>`, or `trellis_t_<run>_<uuid>` within a run. The run id
/// is checked because it lands in SQL and in the cleanup's `LIKE` pattern.
fn database_name(run: Option<&str>, id: uuid::Uuid) -> Result<String, DbErr> {
    match run.map(str::trim).filter(|run| !run.is_empty()) {
        None => Ok(format!("trellis_t_{}", id.simple())),
        Some(run)
            if run.len() <= 20
                && run
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) =>
        {
            Ok(format!("trellis_t_{run}_{}", id.simple()))
        }
        Some(run) => Err(DbErr::Custom(format!(
            "{TEST_RUN_ID} must be 1 to 20 lowercase letters and digits, not `{run}`"
        ))),
    }
}

/// Creates [`APP_ROLE`] once per server and lets it use this database's
/// tables, as an operator grants the server's role in production.
async fn grant_app_role(owner: &DatabaseConnection, database: &str) -> Result<(), DbErr> {
    // Tests create their databases in parallel: a role another test made a
    // moment ago is fine.
    owner
        .execute_unprepared(&format!(
            "DO $$ BEGIN CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{APP_PASSWORD}'; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        ))
        .await?;
    owner
        .execute_unprepared(&format!(
            "GRANT CONNECT ON DATABASE \"{database}\" TO {APP_ROLE}; \
             GRANT USAGE ON SCHEMA public TO {APP_ROLE}; \
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}; \
             ALTER DEFAULT PRIVILEGES IN SCHEMA public \
               GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_ROLE};"
        ))
        .await?;
    Ok(())
}

/// `admin_url` naming database `name` and [`APP_ROLE`] as its user.
pub(crate) fn app_url(admin_url: &str, name: &str) -> String {
    let url = with_database(admin_url, name);
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url;
    };
    let rest = &url[scheme_end..];
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    format!("{}{APP_ROLE}:{APP_PASSWORD}@{host}", &url[..scheme_end])
}

/// `url` with its database name replaced by `name`.
pub(crate) fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

/// `Drop` cannot await, and the test's runtime may be shutting down: the
/// drop runs on a thread with a runtime of its own. `WITH (FORCE)` ends the
/// test's own connections that are still open.
fn drop_postgres_database(pg: PostgresDatabase) {
    let worker = std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async move {
            if let Ok(admin) = connect(&pg.admin_url).await {
                let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", pg.name);
                if let Err(err) = admin.execute_unprepared(&sql).await {
                    tracing::warn!(database = %pg.name, error = %err, "test database not dropped");
                }
                let _ = admin.close().await;
            }
        });
    });
    let _ = worker.join();
}

/// Waits until `store` listens for changes to callers made through other
/// stores, from when on it keeps the callers it reads (`principals`); at
/// once on SQLite, which keeps none.
pub async fn until_keeping_callers(store: &SeaOrmStore) {
    if let Some(pool) = &store.settled {
        store.principals.listen_once(pool);
        store.principals.until_listening().await;
    }
}

/// How many times `store` has forgotten the callers it kept.
pub fn callers_forgotten(store: &SeaOrmStore) -> u64 {
    store.principals.generation()
}

/// Waits until `store` forgets the callers it kept after it had done so
/// `count` times.
pub async fn until_callers_forgotten_after(store: &SeaOrmStore, count: u64) {
    store.principals.until_forgotten_after(count).await;
}

#[cfg(test)]
mod tests {
    use super::{app_url, database_name, with_database};

    #[test]
    fn a_run_id_prefixes_the_database_name_and_a_bad_one_is_refused() {
        let id = uuid::Uuid::nil();
        let zeros = "00000000000000000000000000000000";
        assert_eq!(
            database_name(None, id).unwrap(),
            format!("trellis_t_{zeros}")
        );
        assert_eq!(
            database_name(Some("r1733000000x42"), id).unwrap(),
            format!("trellis_t_r1733000000x42_{zeros}")
        );
        assert_eq!(
            database_name(Some(""), id).unwrap(),
            format!("trellis_t_{zeros}")
        );
        for bad in ["a_b", "Run1", "x'; DROP", "%", "123456789012345678901"] {
            let err = database_name(Some(bad), id).unwrap_err();
            assert!(err.to_string().contains("TRELLIS_TEST_RUN_ID"), "{err}");
        }
    }

    #[test]
    fn the_app_url_names_the_app_role_instead_of_the_admin() {
        assert_eq!(
            app_url("postgres://postgres:secret@127.0.0.1:5432/test", "t1"),
            "postgres://trellis_test_app:trellis-test-app@127.0.0.1:5432/t1"
        );
        assert_eq!(
            app_url("postgres://127.0.0.1/test?sslmode=disable", "t1"),
            "postgres://trellis_test_app:trellis-test-app@127.0.0.1/t1?sslmode=disable"
        );
    }

    #[test]
    fn the_database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/test", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/test?sslmode=disable", "t1"),
            "postgres://u:p@h/t1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://h:5432", "t1"),
            "postgres://h:5432/t1"
        );
    }
}
