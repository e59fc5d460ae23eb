//! Purge: items deleted long enough ago go for good, with everything that
//! hangs off them (assignees, tags, history, comments, search documents,
//! attachments) and then their attachments' files.
//!
//! An item goes with its whole deletion: the items one delete took (an
//! item and its subtasks share a deletion id) are purged together or not
//! at all, and only once every one of them was deleted before the cutoff.
//! A deletion whose items are still the parent of an item outside it (a
//! live item, or one deleted after the cutoff) is skipped, so no row is
//! ever left pointing at a purged parent; it is purged by a later run once
//! that item has gone.
//!
//! Rows go first, one transaction per batch, each with its audit entry;
//! files go after that transaction commits. A file that cannot be removed
//! is logged with its key and counted, and stays an orphan: a stray file
//! is a smaller harm than a row naming a file that is gone, and nothing
//! will try it again.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use trellis_kernel::{
    AuditEntry, AuditEntryId, Clock, DomainError, DomainResult, RequestMeta, TenantId,
};

use crate::attachment::{self, AttachmentId};
use crate::ports::FileStore;

/// Items removed per transaction, at most (a single deletion larger than
/// this goes whole in a batch of its own): a tenant with a million deleted
/// items never holds one huge transaction.
pub const BATCH_ITEMS: u64 = 1_000;

/// Tenants read from the directory at a time.
const TENANTS_PER_PAGE: u64 = 500;

/// What a purge removes: the deletions before `deleted_before` that come
/// after `after`, in id order, up to about `max_items` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurgeRequest {
    pub deleted_before: DateTime<Utc>,
    /// The last deletion an earlier batch of the same run looked at.
    pub after: Option<AuditEntryId>,
    pub max_items: u64,
}

/// An attachment whose row a batch removed; its file goes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurgedAttachment {
    pub id: AttachmentId,
    pub size_bytes: u64,
}

/// What one batch removed, in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgedBatch {
    /// The deletions purged: each is the id of the audit entry of the
    /// delete that took its items.
    pub deletions: Vec<AuditEntryId>,
    pub items: u64,
    /// Comments on those items, deleted ones included.
    pub comments: u64,
    pub attachments: Vec<PurgedAttachment>,
    /// The last deletion the batch looked at, purged or skipped: where the
    /// next batch starts. `None` when there was none left to look at.
    pub last: Option<AuditEntryId>,
}

/// The audit entry of a batch. What it removed is known only inside the
/// batch's transaction, so the store completes the entry with [`Self::of`].
#[derive(Debug, Clone, PartialEq)]
pub struct PurgeAudit {
    entry: AuditEntry,
    deleted_before: DateTime<Utc>,
}

impl PurgeAudit {
    /// No member acts: the entry has no actor and no request.
    pub fn new(tenant: TenantId, deleted_before: DateTime<Utc>, at: DateTime<Utc>) -> Self {
        let entry = AuditEntry::new(
            tenant,
            None,
            &RequestMeta::default(),
            "items.purged",
            ("tenant", tenant.to_string()),
            at,
        );
        Self {
            entry,
            deleted_before,
        }
    }

    pub fn tenant(&self) -> TenantId {
        self.entry.tenant_id
    }

    /// The entry, saying what `batch` removed.
    pub fn of(&self, batch: &PurgedBatch) -> AuditEntry {
        let bytes: u64 = batch.attachments.iter().map(|a| a.size_bytes).sum();
        self.entry.clone().after(json!({
            "deletedBefore": self.deleted_before,
            "deletions": batch.deletions,
            "items": batch.items,
            "comments": batch.comments,
            "attachments": batch.attachments.len(),
            "attachmentBytes": bytes,
        }))
    }
}

/// The store's side of a purge. Unlike the other ports it crosses tenants:
/// it lists them, then works inside one at a time.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait PurgeRepository: Send + Sync {
    /// Up to `limit` tenants after `after`, by id, deleted ones too: a
    /// deleted tenant's deleted items are purged like any other's.
    async fn tenants(&self, after: Option<TenantId>, limit: u64) -> DomainResult<Vec<TenantId>>;

    /// Removes, in one transaction of the tenant, the next deletions of
    /// `request` that can go (see the module comment) with every row that
    /// hangs off their items, and commits `audit.of(batch)` with them when
    /// anything was removed. Returns once the transaction has committed.
    async fn purge_batch(
        &self,
        tenant: TenantId,
        request: &PurgeRequest,
        audit: &PurgeAudit,
    ) -> DomainResult<PurgedBatch>;
}

/// What a purge did, over every tenant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// Tenants that had anything purged.
    pub tenants: u64,
    pub items: u64,
    pub comments: u64,
    pub attachments: u64,
    /// What the removed files took. A file that could not be removed is
    /// counted in `files_failed` instead.
    pub bytes_freed: u64,
    /// Files whose rows are gone but that the file store kept; each is in
    /// the log with its key.
    pub files_failed: u64,
}

/// Purges deleted items; run by an operator, as no member.
#[derive(Clone)]
pub struct PurgeService {
    purge: Arc<dyn PurgeRepository>,
    files: Arc<dyn FileStore>,
    clock: Arc<dyn Clock>,
}

impl PurgeService {
    pub fn new(
        purge: Arc<dyn PurgeRepository>,
        files: Arc<dyn FileStore>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            purge,
            files,
            clock,
        }
    }

    /// Purges, in every tenant, the items deleted more than `older_than`
    /// ago. Safe to run while servers run, and to run again: what is gone
    /// is not looked at again, and what was skipped is looked at anew.
    ///
    /// # Errors
    /// `Validation` on `olderThan` if it is negative or reaches before the
    /// calendar; the store's errors as they come (batches already
    /// committed stay purged, and their files removed).
    #[tracing::instrument(skip_all, fields(older_than = %older_than))]
    pub async fn purge_deleted_items(&self, older_than: Duration) -> DomainResult<PurgeReport> {
        if older_than < Duration::zero() {
            return Err(DomainError::invalid("olderThan", "must not be negative"));
        }
        let deleted_before = self
            .clock
            .now()
            .checked_sub_signed(older_than)
            .ok_or_else(|| DomainError::invalid("olderThan", "reaches before the calendar"))?;
        let mut report = PurgeReport::default();
        let mut after = None;
        loop {
            let tenants = self.purge.tenants(after, TENANTS_PER_PAGE).await?;
            let Some(last) = tenants.last().copied() else {
                return Ok(report);
            };
            after = Some(last);
            for tenant in tenants {
                self.purge_tenant(tenant, deleted_before, &mut report)
                    .await?;
            }
        }
    }

    async fn purge_tenant(
        &self,
        tenant: TenantId,
        deleted_before: DateTime<Utc>,
        report: &mut PurgeReport,
    ) -> DomainResult<()> {
        let mut request = PurgeRequest {
            deleted_before,
            after: None,
            max_items: BATCH_ITEMS,
        };
        let mut purged_any = false;
        loop {
            let audit = PurgeAudit::new(tenant, deleted_before, self.clock.now());
            let batch = self.purge.purge_batch(tenant, &request, &audit).await?;
            if batch.items > 0 {
                purged_any = true;
                tracing::info!(%tenant, items = batch.items, "deleted items purged");
            }
            report.items += batch.items;
            report.comments += batch.comments;
            report.attachments += batch.attachments.len() as u64;
            self.remove_files(tenant, &batch.attachments, report).await;
            match batch.last {
                // A store that did not move on would loop for ever.
                Some(last) if request.after.is_none_or(|after| last > after) => {
                    request.after = Some(last);
                }
                Some(_) => {
                    return Err(DomainError::internal_msg(
                        "a purge batch did not move past the deletions it was given",
                    ));
                }
                None => break,
            }
        }
        if purged_any {
            report.tenants += 1;
        }
        Ok(())
    }

    /// Each file in turn; a failure is logged and counted, never fatal.
    async fn remove_files(
        &self,
        tenant: TenantId,
        attachments: &[PurgedAttachment],
        report: &mut PurgeReport,
    ) {
        for purged in attachments {
            let key = attachment::storage_key(tenant, purged.id);
            match self.files.delete(&key).await {
                Ok(()) => report.bytes_freed += purged.size_bytes,
                Err(error) => {
                    report.files_failed += 1;
                    tracing::warn!(
                        %key, %error,
                        "the file of a purged attachment could not be removed; \
                         it stays in the file store, unreferenced"
                    );
                }
            }
        }
    }
}
