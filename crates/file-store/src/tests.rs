//! The adapter over the local filesystem and object_store's in-memory
//! store; S3 cannot be reached here, so only its construction is checked.

use std::path::PathBuf;

use object_store::memory::InMemory;

use super::*;

/// A fresh directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let path = std::env::temp_dir().join(format!(
            "trellis-files-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        ));
        Self(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn round_trip(files: &ObjectFileStore) {
    let key = "tenant-a/0190c0de-0000-7000-8000-000000000001";
    assert_eq!(files.get(key).await.unwrap(), None);
    files
        .put(key, Bytes::from_static(b"\x89PNG bytes"))
        .await
        .unwrap();
    assert_eq!(
        files.get(key).await.unwrap().as_deref(),
        Some(&b"\x89PNG bytes"[..])
    );
    files.put(key, Bytes::from_static(b"again")).await.unwrap();
    assert_eq!(
        files.get(key).await.unwrap().as_deref(),
        Some(&b"again"[..])
    );
    files.delete(key).await.unwrap();
    assert_eq!(files.get(key).await.unwrap(), None);
    // Deleting what is gone is no error: a failed upload's clean-up may race.
    files.delete(key).await.unwrap();
}

#[tokio::test]
async fn files_round_trip_in_memory() {
    round_trip(&ObjectFileStore::new(Arc::new(InMemory::new()))).await;
}

#[tokio::test]
async fn without_a_url_files_live_under_the_data_directory() {
    let dir = TempDir::new();
    let files = ObjectFileStore::from_settings(&dir.0, None).unwrap();
    round_trip(&files).await;

    files
        .put("tenant-a/file-1", Bytes::from_static(b"kept"))
        .await
        .unwrap();
    let on_disk = dir.0.join(ATTACHMENTS_DIR).join("tenant-a").join("file-1");
    assert_eq!(std::fs::read(on_disk).unwrap(), b"kept");
    // An empty setting is the same as none.
    assert!(ObjectFileStore::from_settings(&dir.0, Some("  ")).is_ok());
}

#[test]
fn an_s3_url_builds_the_s3_store() {
    let dir = TempDir::new();
    for url in ["s3://attachments", "s3://attachments/trellis/prod"] {
        let files = ObjectFileStore::from_settings(&dir.0, Some(url))
            .unwrap_or_else(|err| panic!("{url}: {err}"));
        let described = files.describe();
        assert!(described.contains("attachments"), "{url}: {described}");
        assert!(
            described.to_lowercase().contains("s3"),
            "{url}: {described}"
        );
    }
    // Nothing was made locally.
    assert!(!dir.0.exists());
}

#[test]
fn other_urls_are_refused_naming_the_setting() {
    let dir = TempDir::new();
    for url in [
        "gs://bucket",
        "/var/files",
        "s3://",
        "https://example.com/x",
    ] {
        let err = ObjectFileStore::from_settings(&dir.0, Some(url))
            .err()
            .unwrap_or_else(|| panic!("{url} was accepted"));
        assert!(
            err.to_string().contains(STORAGE_URL_SETTING),
            "{url}: {err}"
        );
    }
}
