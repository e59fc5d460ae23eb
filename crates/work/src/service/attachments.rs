//! Attachments: anyone who may change an item uploads files to it; anyone
//! who may read items downloads them. A file's type is what its content
//! is; its size is bounded by the plan, per file and for the tenant.

use std::sync::Arc;

use serde_json::json;
use trellis_kernel::{AuditEntry, DomainError, DomainResult, Permission, TenantCtx};

use super::{WorkDeps, upload_stream};
use crate::attachment::{self, Attachment, AttachmentId};
use crate::item::ItemId;
use crate::ports::ByteStream;

/// A file as the client sent it, read as it is stored.
pub struct NewFile {
    pub filename: String,
    /// The type the client said it is; only a hint between text formats.
    pub declared_type: Option<String>,
    /// Its length, known before it is read (the upload is on disk).
    pub size: u64,
    pub content: ByteStream,
}

#[derive(Clone)]
pub struct AttachmentService {
    deps: Arc<WorkDeps>,
}

impl AttachmentService {
    pub fn new(deps: Arc<WorkDeps>) -> Self {
        Self { deps }
    }

    /// Stores the file, then its row; a file whose row cannot be written is
    /// removed again. The bytes pass through as they come: only the head
    /// that decides the type is held.
    ///
    /// # Errors
    /// `LimitExceeded` (`attachment size`, `storage`); `Validation` on
    /// `file` for a type not accepted; `NotFound` naming the item when the
    /// tenant has no such live item.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, item = %item))]
    pub async fn upload(
        &self,
        ctx: &TenantCtx,
        item: ItemId,
        file: NewFile,
    ) -> DomainResult<Attachment> {
        ctx.require(Permission::ItemsUpdate)?;
        let size = file.size;
        let usage = self.deps.attachments.usage(ctx.tenant_id).await?;
        if let Some(max) = usage.max_file_bytes.filter(|max| size > *max) {
            return Err(DomainError::LimitExceeded {
                limit: "attachment size",
                max,
            });
        }
        let (head, rest) = upload_stream::read_head(file.content, attachment::HEAD_BYTES).await?;
        let sniffed = attachment::content_type(
            "file",
            &head,
            rest.is_none(),
            &file.filename,
            file.declared_type.as_deref(),
        )?;
        if self.deps.items.find(ctx.tenant_id, item).await?.is_none() {
            return Err(DomainError::not_found("item"));
        }
        if let Some(max) = usage
            .max_storage_bytes
            .filter(|max| usage.used_bytes.saturating_add(size) > *max)
        {
            return Err(DomainError::LimitExceeded {
                limit: "storage",
                max,
            });
        }
        let now = self.deps.clock.now();
        let attachment = Attachment {
            id: AttachmentId::generate(),
            tenant_id: ctx.tenant_id,
            item_id: item,
            filename: attachment::filename(&file.filename),
            content_type: sniffed.content_type.to_owned(),
            size_bytes: size,
            uploaded_by: ctx.user_id(),
            created_at: now,
        };
        let key = attachment.storage_key();
        let content = upload_stream::checked(head, rest, size, sniffed.check_rest_as_text);
        self.deps.files.put(&key, content).await?;
        let entry = AuditEntry::by_member(
            ctx,
            "attachment.uploaded",
            ("attachment", attachment.id.to_string()),
            now,
        )
        .after(snapshot(&attachment));
        if let Err(err) = self
            .deps
            .attachments
            .create(ctx.tenant_id, &attachment, &entry)
            .await
        {
            if let Err(cleanup) = self.deps.files.delete(&key).await {
                tracing::warn!(%key, error = %cleanup, "an unrecorded file was left in the store");
            }
            return Err(err);
        }
        Ok(attachment)
    }

    /// An attachment with its bytes, to be read as they are sent on.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such attachment on a live item.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, attachment = %id))]
    pub async fn download(
        &self,
        ctx: &TenantCtx,
        id: AttachmentId,
    ) -> DomainResult<(Attachment, ByteStream)> {
        ctx.require(Permission::ItemsRead)?;
        let attachment = self
            .deps
            .attachments
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("attachment"))?;
        let Some(content) = self.deps.files.get(&attachment.storage_key()).await? else {
            return Err(DomainError::internal_msg(format!(
                "the file of attachment {id} is missing from the file store"
            )));
        };
        Ok((attachment, content))
    }

    /// Removes an attachment: its row (with the audit entry) first, then its
    /// file. A file that cannot be removed is left behind and logged: a
    /// stray file costs room, a row whose file is gone would break a
    /// download.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such attachment on a live item.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, attachment = %id))]
    pub async fn delete(&self, ctx: &TenantCtx, id: AttachmentId) -> DomainResult<Attachment> {
        ctx.require(Permission::ItemsUpdate)?;
        let attachment = self
            .deps
            .attachments
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("attachment"))?;
        let entry = AuditEntry::by_member(
            ctx,
            "attachment.deleted",
            ("attachment", id.to_string()),
            self.deps.clock.now(),
        )
        .before(snapshot(&attachment));
        self.deps
            .attachments
            .delete(ctx.tenant_id, id, &entry)
            .await?;
        let key = attachment.storage_key();
        if let Err(err) = self.deps.files.delete(&key).await {
            tracing::warn!(%key, error = %err, "the file of a deleted attachment was left in the store");
        }
        Ok(attachment)
    }

    /// The attachments of each of `items`, oldest first.
    pub async fn list_for(
        &self,
        ctx: &TenantCtx,
        items: &[ItemId],
    ) -> DomainResult<Vec<Attachment>> {
        ctx.require(Permission::ItemsRead)?;
        if items.is_empty() {
            return Ok(Vec::new());
        }
        self.deps.attachments.list_for(ctx.tenant_id, items).await
    }
}

/// What the audit log keeps of an attachment.
fn snapshot(attachment: &Attachment) -> serde_json::Value {
    json!({
        "itemId": attachment.item_id.to_string(),
        "filename": attachment.filename,
        "contentType": attachment.content_type,
        "sizeBytes": attachment.size_bytes,
    })
}
