//! The Work file store over `object_store`: one adapter for every backend
//! that crate speaks. Configuration picks the backend: no storage URL keeps
//! files on the local filesystem under the data directory, `s3://bucket/prefix`
//! keeps them in S3-compatible object storage.
//!
//! An adapter crate of its own, not a wing of the SeaORM store: it shares
//! nothing with the database, and the S3 client it brings (an HTTP stack)
//! stays out of the store and of every domain crate.

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use trellis_kernel::{DomainError, DomainResult};
use trellis_work::ports::{ByteStream, FileStore};

/// The setting that names the object storage.
pub const STORAGE_URL_SETTING: &str = "TRELLIS_STORAGE_URL";

/// The folder of the data directory that holds attachments.
pub const ATTACHMENTS_DIR: &str = "attachments";

/// A multipart upload's part: S3 wants at least 5 MiB for all but the last.
const PART_BYTES: usize = 8 * 1024 * 1024;

/// Parts sent at once: bounds the memory of one upload to a few parts.
const PARTS_IN_FLIGHT: usize = 2;

/// Attachments' bytes in an [`ObjectStore`].
#[derive(Clone)]
pub struct ObjectFileStore {
    store: Arc<dyn ObjectStore>,
    description: String,
}

/// Why the file store cannot be built; names the setting at fault.
#[derive(Debug)]
pub struct StorageConfigError(pub String);

impl std::fmt::Display for StorageConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StorageConfigError {}

impl ObjectFileStore {
    pub fn new(store: Arc<dyn ObjectStore>) -> Self {
        let description = store.to_string();
        Self { store, description }
    }

    /// The store configuration asks for: `url` unset, the local filesystem
    /// under `<data_dir>/attachments/` (created if missing); `s3://bucket`
    /// or `s3://bucket/prefix`, S3 with credentials and region from the
    /// standard `AWS_*` environment variables.
    ///
    /// # Errors
    /// Any other URL, or a directory that cannot be made.
    pub fn from_settings(data_dir: &Path, url: Option<&str>) -> Result<Self, StorageConfigError> {
        let Some(url) = url.map(str::trim).filter(|url| !url.is_empty()) else {
            return Self::local(&data_dir.join(ATTACHMENTS_DIR));
        };
        let Some(rest) = url.strip_prefix("s3://") else {
            return Err(StorageConfigError(format!(
                "{STORAGE_URL_SETTING} must be `s3://bucket` or `s3://bucket/prefix` \
                 (or unset for files under TRELLIS_DATA_DIR); got `{url}`"
            )));
        };
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(StorageConfigError(format!(
                "{STORAGE_URL_SETTING} names no bucket: `{url}`"
            )));
        }
        let s3 = AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|err| StorageConfigError(format!("{STORAGE_URL_SETTING}: {err}")))?;
        let prefix = prefix.trim_matches('/');
        let description = format!("{s3} under `{prefix}/`");
        let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(s3, prefix))
        };
        Ok(Self { store, description })
    }

    fn local(root: &Path) -> Result<Self, StorageConfigError> {
        std::fs::create_dir_all(root).map_err(|err| {
            StorageConfigError(format!(
                "TRELLIS_DATA_DIR: cannot create {}: {err}",
                root.display()
            ))
        })?;
        let local = LocalFileSystem::new_with_prefix(root).map_err(|err| {
            StorageConfigError(format!("TRELLIS_DATA_DIR: {}: {err}", root.display()))
        })?;
        Ok(Self::new(Arc::new(local)))
    }

    /// Which backend it is, for the start-up log.
    pub fn describe(&self) -> &str {
        &self.description
    }
}

fn path(key: &str) -> DomainResult<ObjectPath> {
    ObjectPath::parse(key).map_err(DomainError::internal)
}

#[async_trait]
impl FileStore for ObjectFileStore {
    /// A file that fits in one part goes in one request; a larger one as
    /// a multipart upload that becomes visible only when complete, and is
    /// aborted when its content fails.
    async fn put(&self, key: &str, mut content: ByteStream) -> DomainResult<()> {
        let path = path(key)?;
        let mut first = Vec::new();
        let mut buffered = 0;
        while buffered < PART_BYTES {
            match content.next().await {
                Some(piece) => {
                    let piece = piece?;
                    buffered += piece.len();
                    first.push(piece);
                }
                None => {
                    let payload: PutPayload = first.into_iter().collect();
                    self.store
                        .put(&path, payload)
                        .await
                        .map_err(DomainError::unavailable)?;
                    return Ok(());
                }
            }
        }
        let upload = self
            .store
            .put_multipart(&path)
            .await
            .map_err(DomainError::unavailable)?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
        let mut pieces = futures_util::stream::iter(first.into_iter().map(Ok)).chain(content);
        while let Some(piece) = pieces.next().await {
            let written = match piece {
                Ok(piece) => writer
                    .wait_for_capacity(PARTS_IN_FLIGHT)
                    .await
                    .map(|()| writer.put(piece))
                    .map_err(DomainError::unavailable),
                Err(err) => Err(err),
            };
            if let Err(err) = written {
                if let Err(abort) = writer.abort().await {
                    tracing::warn!(%key, error = %abort, "an aborted upload could not be cleaned up");
                }
                return Err(err);
            }
        }
        writer.finish().await.map_err(DomainError::unavailable)?;
        Ok(())
    }

    async fn get(&self, key: &str) -> DomainResult<Option<ByteStream>> {
        match self.store.get(&path(key)?).await {
            Ok(found) => Ok(Some(Box::pin(
                found.into_stream().map_err(DomainError::unavailable),
            ))),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(DomainError::unavailable(err)),
        }
    }

    async fn delete(&self, key: &str) -> DomainResult<()> {
        match self.store.delete(&path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(DomainError::unavailable(err)),
        }
    }
}

/// Whether `url` names a store this adapter can build, without building it.
///
/// # Errors
/// The reason, naming the setting.
pub fn check_url(url: &str) -> Result<(), StorageConfigError> {
    if url.trim().is_empty() {
        return Ok(());
    }
    ObjectFileStore::from_settings(Path::new(""), Some(url)).map(|_| ())
}

#[cfg(test)]
mod tests;
