//! Opening databases: the SQLite file a fresh machine starts with.

use std::path::PathBuf;
use std::sync::Arc;

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use trellis_store_seaorm::{SeaOrmStore, connect, migrate, ping};
use trellis_tenancy::ports::SessionRepository;
use trellis_tenancy::{RotateOutcome, TokenHash};

use crate::support::now;

/// A directory of its own under the system temp dir, removed at the end.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        Self(std::env::temp_dir().join(format!("trellis-store-{}", uuid::Uuid::now_v7().simple())))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn pragma(db: &DatabaseConnection, name: &str) -> String {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("PRAGMA {name}"),
        ))
        .await
        .unwrap()
        .expect("a pragma row");
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
        .unwrap()
}

#[tokio::test]
async fn a_sqlite_file_and_its_directory_are_created_in_wal_mode_with_foreign_keys() {
    let dir = TempDir::new();
    let path = dir.0.join("nested").join("trellis.db");
    let db = connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    migrate(&db).await.unwrap();
    ping(&db).await.unwrap();

    assert!(path.exists());
    assert_eq!(pragma(&db, "journal_mode").await, "wal");
    assert_eq!(pragma(&db, "foreign_keys").await, "1");
    // Migrating again is a no-op.
    migrate(&db).await.unwrap();
    db.close().await.unwrap();
}

#[tokio::test]
async fn an_in_memory_database_is_one_database_for_the_whole_pool() {
    let db = connect("sqlite::memory:").await.unwrap();
    migrate(&db).await.unwrap();
    assert_eq!(pragma(&db, "foreign_keys").await, "1");
    // Separate checkouts see the migrated schema.
    let (a, b) = tokio::join!(ping(&db), migrate(&db));
    a.unwrap();
    b.unwrap();
}

/// On a file several connections write at once; write transactions must
/// wait for each other instead of failing with "database is locked".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_to_a_sqlite_file_wait_for_each_other() {
    let dir = TempDir::new();
    let db = connect(&format!("sqlite://{}", dir.0.join("trellis.db").display()))
        .await
        .unwrap();
    migrate(&db).await.unwrap();
    let store = Arc::new(SeaOrmStore::new(db.clone()));

    let user = crate::support::new_user("ada@example.com");
    trellis_tenancy::ports::UserRepository::create(&*store, &user, "hash")
        .await
        .unwrap();
    let mut sessions = Vec::new();
    for n in 0..8 {
        let at = now();
        let session = trellis_tenancy::Session {
            id: trellis_kernel::SessionId::generate(),
            user_id: user.id,
            tenant_id: None,
            created_at: at,
            expires_at: at + chrono::Duration::days(1),
            revoked_at: None,
        };
        store
            .create(&session, &TokenHash::of(&format!("rt_{n}")), None)
            .await
            .unwrap();
        sessions.push(session);
    }

    // Each token presented twice at once: one rotation and one replay per session.
    let mut tasks = Vec::new();
    for n in 0..8 {
        for copy in 0..2 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .rotate(
                        &TokenHash::of(&format!("rt_{n}")),
                        &TokenHash::of(&format!("rt_{n}_{copy}")),
                        now(),
                    )
                    .await
            }));
        }
    }
    let mut rotated = 0;
    let mut reused = 0;
    for task in tasks {
        match task.await.unwrap().unwrap() {
            RotateOutcome::Rotated(_) => rotated += 1,
            RotateOutcome::Reused => reused += 1,
            RotateOutcome::Invalid => panic!("a live session's token is never invalid here"),
        }
    }
    assert_eq!((rotated, reused), (8, 8));
    db.close().await.unwrap();
}
