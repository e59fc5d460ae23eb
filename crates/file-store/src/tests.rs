//! The adapter over the local filesystem and object_store's in-memory
//! store; S3 cannot be reached here, so only its construction is checked.

use std::path::PathBuf;

use bytes::Bytes;
use object_store::memory::InMemory;

use super::*;

/// `content` as an upload hands it over: in pieces of 64 KiB.
fn pieces(content: &[u8]) -> ByteStream {
    let pieces: Vec<DomainResult<Bytes>> = content
        .chunks(64 * 1024)
        .map(|piece| Ok(Bytes::copy_from_slice(piece)))
        .collect();
    Box::pin(futures_util::stream::iter(pieces))
}

async fn put(files: &ObjectFileStore, key: &str, content: &[u8]) {
    files.put(key, pieces(content)).await.unwrap();
}

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

/// The chunks a file is read in, if it exists.
async fn chunks(files: &ObjectFileStore, key: &str) -> Option<Vec<Bytes>> {
    let stream = files.get(key).await.unwrap()?;
    Some(stream.try_collect().await.unwrap())
}

async fn read(files: &ObjectFileStore, key: &str) -> Option<Vec<u8>> {
    chunks(files, key).await.map(|chunks| chunks.concat())
}

async fn round_trip(files: &ObjectFileStore) {
    let key = "tenant-a/0190c0de-0000-7000-8000-000000000001";
    assert_eq!(read(files, key).await, None);
    put(files, key, b"\x89PNG bytes").await;
    assert_eq!(
        read(files, key).await.as_deref(),
        Some(&b"\x89PNG bytes"[..])
    );
    put(files, key, b"again").await;
    assert_eq!(read(files, key).await.as_deref(), Some(&b"again"[..]));
    files.delete(key).await.unwrap();
    assert_eq!(read(files, key).await, None);
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

    put(&files, "tenant-a/file-1", b"kept").await;
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

#[tokio::test]
async fn a_large_local_file_is_read_in_chunks_not_whole() {
    let dir = TempDir::new();
    let files = ObjectFileStore::from_settings(&dir.0, None).unwrap();
    let content: Vec<u8> = (0..3 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    let key = "tenant-a/0190c0de-0000-7000-8000-000000000002";
    put(&files, key, &content).await;
    let chunks = chunks(&files, key).await.unwrap();
    assert!(chunks.len() > 1, "read in {} chunk(s)", chunks.len());
    assert_eq!(chunks.concat(), content);
}

/// Larger than one part, so stored as a multipart upload.
fn large() -> Vec<u8> {
    (0..PART_BYTES * 2 + 12_345)
        .map(|i| (i % 253) as u8)
        .collect()
}

#[tokio::test]
async fn a_file_of_several_parts_is_stored_whole() {
    let dir = TempDir::new();
    let local = ObjectFileStore::from_settings(&dir.0, None).unwrap();
    let memory = ObjectFileStore::new(Arc::new(InMemory::new()));
    let content = large();
    for files in [&local, &memory] {
        let key = "tenant-a/0190c0de-0000-7000-8000-000000000003";
        put(files, key, &content).await;
        assert!(
            read(files, key).await.unwrap() == content,
            "{}",
            files.describe()
        );
    }
}

#[tokio::test]
async fn content_that_fails_midway_leaves_nothing_stored() {
    let dir = TempDir::new();
    let files = ObjectFileStore::from_settings(&dir.0, None).unwrap();
    for size in [100, large().len()] {
        let key = format!("tenant-a/failing-{size}");
        let mut pieces: Vec<DomainResult<Bytes>> = large()[..size]
            .chunks(64 * 1024)
            .map(|piece| Ok(Bytes::copy_from_slice(piece)))
            .collect();
        pieces.push(Err(DomainError::invalid("file", "stopped being text")));
        let err = files
            .put(&key, Box::pin(futures_util::stream::iter(pieces)))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("stopped being text"), "{err}");
        assert_eq!(read(&files, &key).await, None, "{size} bytes");
    }
    // Nor is anything left behind in the directory.
    let tenant_dir = dir.0.join(ATTACHMENTS_DIR).join("tenant-a");
    let left = std::fs::read_dir(&tenant_dir)
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert_eq!(left, 0);
}
