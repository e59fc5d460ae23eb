//! Comments on items: anyone who may comment adds them; only the author
//! edits one; the author, or a moderator, deletes it.

use std::sync::Arc;

use serde_json::{Value, json};
use trellis_kernel::{
    AuditEntry, DomainError, DomainResult, Page, PageRequest, Permission, TenantCtx, next_version,
};

use super::WorkDeps;
use crate::comment::{self, Comment, CommentId};
use crate::item::ItemId;

#[derive(Clone)]
pub struct CommentService {
    deps: Arc<WorkDeps>,
}

impl CommentService {
    pub fn new(deps: Arc<WorkDeps>) -> Self {
        Self { deps }
    }

    /// # Errors
    /// `NotFound` if the tenant has no such live comment.
    pub async fn get(&self, ctx: &TenantCtx, id: CommentId) -> DomainResult<Comment> {
        ctx.require(Permission::ItemsRead)?;
        self.find(ctx, id).await
    }

    async fn find(&self, ctx: &TenantCtx, id: CommentId) -> DomainResult<Comment> {
        self.deps
            .comments
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("comment"))
    }

    /// The item's comments, oldest first.
    pub async fn list(
        &self,
        ctx: &TenantCtx,
        item: ItemId,
        page: PageRequest,
    ) -> DomainResult<Page<Comment>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.comments.list(ctx.tenant_id, item, page).await
    }

    /// How many comments each of `items` has (none listed for none).
    pub async fn counts(
        &self,
        ctx: &TenantCtx,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, u64)>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.comments.counts(ctx.tenant_id, items).await
    }

    /// # Errors
    /// `Validation` on `body`; `NotFound` naming the item when the tenant
    /// has no such live item.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn add(&self, ctx: &TenantCtx, item: ItemId, body: &str) -> DomainResult<Comment> {
        ctx.require(Permission::CommentsWrite)?;
        let body = comment::body("body", body)?;
        let now = self.deps.clock.now();
        let comment = Comment {
            id: CommentId::generate(),
            tenant_id: ctx.tenant_id,
            item_id: item,
            author_id: ctx.user_id(),
            body,
            created_at: now,
            updated_at: now,
            edited_at: None,
        };
        let entry = AuditEntry::by_member(ctx, "comment.added", entity(comment.id), now)
            .after(snapshot(&comment));
        self.deps
            .comments
            .create(ctx.tenant_id, &comment, &entry)
            .await?;
        Ok(comment)
    }

    /// # Errors
    /// `NotFound`; `Forbidden` unless the caller wrote it; `Validation` on
    /// `body`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn edit(&self, ctx: &TenantCtx, id: CommentId, body: &str) -> DomainResult<Comment> {
        ctx.require(Permission::CommentsWrite)?;
        let before = self.find(ctx, id).await?;
        if before.author_id != ctx.user_id() {
            return Err(DomainError::forbidden("only its author can edit a comment"));
        }
        let body = comment::body("body", body)?;
        if body == before.body {
            return Ok(before);
        }
        let now = self.deps.clock.now();
        let at = next_version(now, before.updated_at);
        let comment = Comment {
            body,
            updated_at: at,
            edited_at: Some(at),
            ..before.clone()
        };
        let entry = AuditEntry::by_member(ctx, "comment.edited", entity(id), now)
            .before(snapshot(&before))
            .after(snapshot(&comment));
        self.deps
            .comments
            .update(ctx.tenant_id, &comment, &entry)
            .await?;
        Ok(comment)
    }

    /// # Errors
    /// `NotFound`; `Forbidden` unless the caller wrote it or holds
    /// `comments.moderate`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn delete(&self, ctx: &TenantCtx, id: CommentId) -> DomainResult<CommentId> {
        ctx.require(Permission::CommentsWrite)?;
        let before = self.find(ctx, id).await?;
        if before.author_id != ctx.user_id() {
            ctx.require(Permission::CommentsModerate)?;
        }
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(ctx, "comment.deleted", entity(id), now)
            .before(snapshot(&before));
        self.deps.comments.delete(ctx.tenant_id, id, &entry).await?;
        Ok(id)
    }
}

fn entity(id: CommentId) -> (&'static str, String) {
    ("comment", id.to_string())
}

fn snapshot(comment: &Comment) -> Value {
    json!({
        "itemId": comment.item_id.to_string(),
        "authorId": comment.author_id.to_string(),
        "body": comment.body,
    })
}
