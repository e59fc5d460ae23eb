//! Tags: a tenant's labels, unique by name ignoring case.

use std::sync::Arc;

use serde_json::{Value, json};
use trellis_kernel::{
    AuditEntry, DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, TenantCtx,
    next_version, text,
};

use super::WorkDeps;
use crate::tag::{Color, TAG_NAME_MAX, Tag, TagId};

#[derive(Debug, Clone)]
pub struct CreateTag {
    pub name: String,
    pub color: String,
}

/// Fields left `None` keep their value.
#[derive(Debug, Clone, Default)]
pub struct UpdateTag {
    pub name: Option<String>,
    pub color: Option<String>,
}

#[derive(Clone)]
pub struct TagService {
    deps: Arc<WorkDeps>,
}

impl TagService {
    pub fn new(deps: Arc<WorkDeps>) -> Self {
        Self { deps }
    }

    pub async fn list(&self, ctx: &TenantCtx, page: PageRequest) -> DomainResult<Page<Tag>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.tags.list(ctx.tenant_id, page).await
    }

    /// # Errors
    /// `NotFound` if the tenant has no such live tag.
    pub async fn get(&self, ctx: &TenantCtx, id: TagId) -> DomainResult<Tag> {
        ctx.require(Permission::ItemsRead)?;
        self.find(ctx, id).await
    }

    async fn find(&self, ctx: &TenantCtx, id: TagId) -> DomainResult<Tag> {
        self.deps
            .tags
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("tag"))
    }

    /// # Errors
    /// `Validation` naming every bad field; `Conflict` on a taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create(&self, ctx: &TenantCtx, input: CreateTag) -> DomainResult<Tag> {
        ctx.require(Permission::TagsManage)?;
        let mut errors = FieldErrors::new();
        let name = errors.check(text::name("name", &input.name, TAG_NAME_MAX));
        let color = errors.check(Color::parse("color", &input.color));
        errors.into_result()?;
        let (Some(name), Some(color)) = (name, color) else {
            return Err(DomainError::internal_msg("validated tag missing"));
        };
        let now = self.deps.clock.now();
        let tag = Tag {
            id: TagId::generate(),
            tenant_id: ctx.tenant_id,
            name,
            color,
            created_at: now,
            updated_at: now,
        };
        let entry = AuditEntry::by_member(ctx, "tag.created", ("tag", tag.id.to_string()), now)
            .after(snapshot(&tag));
        self.deps.tags.create(ctx.tenant_id, &tag, &entry).await?;
        Ok(tag)
    }

    /// # Errors
    /// `NotFound`; `Validation` naming every bad field; `Conflict` on a
    /// taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn update(&self, ctx: &TenantCtx, id: TagId, input: UpdateTag) -> DomainResult<Tag> {
        ctx.require(Permission::TagsManage)?;
        let before = self.find(ctx, id).await?;
        let mut errors = FieldErrors::new();
        let name = match &input.name {
            Some(raw) => errors.check(text::name("name", raw, TAG_NAME_MAX)),
            None => Some(before.name.clone()),
        };
        let color = match &input.color {
            Some(raw) => errors.check(Color::parse("color", raw)),
            None => Some(before.color.clone()),
        };
        errors.into_result()?;
        let (Some(name), Some(color)) = (name, color) else {
            return Err(DomainError::internal_msg("validated tag missing"));
        };
        let now = self.deps.clock.now();
        let tag = Tag {
            name,
            color,
            updated_at: next_version(now, before.updated_at),
            ..before.clone()
        };
        let entry = AuditEntry::by_member(ctx, "tag.updated", ("tag", id.to_string()), now)
            .before(snapshot(&before))
            .after(snapshot(&tag));
        self.deps.tags.update(ctx.tenant_id, &tag, &entry).await?;
        Ok(tag)
    }

    /// # Errors
    /// `NotFound`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn delete(&self, ctx: &TenantCtx, id: TagId) -> DomainResult<TagId> {
        ctx.require(Permission::TagsManage)?;
        let before = self.find(ctx, id).await?;
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(ctx, "tag.deleted", ("tag", id.to_string()), now)
            .before(snapshot(&before));
        self.deps.tags.delete(ctx.tenant_id, id, &entry).await?;
        Ok(id)
    }
}

fn snapshot(tag: &Tag) -> Value {
    json!({ "name": tag.name, "color": tag.color })
}
