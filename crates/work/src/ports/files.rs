//! Attachments: their rows, and the store that keeps their bytes.

use std::pin::Pin;

use async_trait::async_trait;
use bytes::Bytes;
use futures_util::Stream;
use trellis_kernel::{AuditEntry, DomainResult, TenantId};

use crate::attachment::{Attachment, AttachmentId, StorageUsage};
use crate::item::ItemId;

/// A file's bytes as they arrive, so a large file never sits in memory
/// whole.
pub type ByteStream = Pin<Box<dyn Stream<Item = DomainResult<Bytes>> + Send>>;

/// Attachments' rows. An attachment is seen only while its item is live.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait AttachmentRepository: Send + Sync {
    /// Stores the row. The item and the plan's storage quota are checked
    /// again inside the transaction, so concurrent uploads cannot pass it.
    ///
    /// # Errors
    /// `NotFound` naming the item when the tenant has no such live item;
    /// `LimitExceeded` (`storage`) when the file would pass the quota.
    async fn create(
        &self,
        tenant: TenantId,
        attachment: &Attachment,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// An attachment whose item is live.
    async fn find(&self, tenant: TenantId, id: AttachmentId) -> DomainResult<Option<Attachment>>;

    /// The attachments of each of `items`, oldest first, in one query.
    async fn list_for(&self, tenant: TenantId, items: &[ItemId]) -> DomainResult<Vec<Attachment>>;

    /// The plan's file limits and the bytes the tenant's files take.
    async fn usage(&self, tenant: TenantId) -> DomainResult<StorageUsage>;

    /// Removes the row for good; its file is the caller's to remove once
    /// this has committed.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such attachment on a live item.
    async fn delete(
        &self,
        tenant: TenantId,
        id: AttachmentId,
        audit: &AuditEntry,
    ) -> DomainResult<()>;
}

/// Where files' bytes are kept, by key.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait FileStore: Send + Sync {
    /// Stores `content` under `key` as it arrives. When `content` fails,
    /// nothing is stored and its error is returned.
    async fn put(&self, key: &str, content: ByteStream) -> DomainResult<()>;

    /// The bytes under `key`, if there are any, read as they are sent on.
    async fn get(&self, key: &str) -> DomainResult<Option<ByteStream>>;

    /// Removing a key that holds nothing is no error.
    async fn delete(&self, key: &str) -> DomainResult<()>;
}
