//! Changing items: create, partial update, assign, delete with the
//! subtree, restore. Every change checks the item's version when the
//! client names one, and writes its history entry with the change.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use trellis_kernel::{
    AuditEntry, DomainError, DomainResult, FieldErrors, Permission, RestoreAudit, TenantCtx, UserId,
};

use super::WorkDeps;
use super::input::{self, CreateItem, ItemPatch, MAX_ASSIGNEES, MAX_TAGS, validated};
use super::item_references::References;
use super::teams::NOT_A_MEMBER;
use crate::activity::{self, Activity, ActivityAction, ActivityId};
use crate::item::{Item, ItemId, ItemState, ItemStatus, Priority};

#[derive(Debug, Clone, PartialEq)]
pub struct DeletedItem {
    pub id: ItemId,
    pub deleted_subtask_ids: Vec<ItemId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RestoredItem {
    pub item: Item,
    pub restored_subtask_ids: Vec<ItemId>,
}

#[derive(Clone)]
pub struct ItemService {
    pub(super) deps: Arc<WorkDeps>,
}

impl ItemService {
    pub fn new(deps: Arc<WorkDeps>) -> Self {
        Self { deps }
    }

    /// # Errors
    /// `Validation` naming every bad field, ids of other tenants included;
    /// `LimitExceeded` at the plan's item limit or the parent's child limit.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create(&self, ctx: &TenantCtx, input: CreateItem) -> DomainResult<Item> {
        ctx.require(Permission::ItemsCreate)?;
        let mut errors = FieldErrors::new();
        let title = input::title(&mut errors, &input.title);
        let description = input::description(&mut errors, input.description.as_deref());
        let estimated_hours = input::hours(&mut errors, "estimatedHours", input.estimated_hours);
        let actual_hours = input::hours(&mut errors, "actualHours", input.actual_hours);
        let assignee_ids = input::distinct(
            &mut errors,
            "assigneeIds",
            &input.assignee_ids,
            MAX_ASSIGNEES,
        );
        let tag_ids = input::distinct(&mut errors, "tagIds", &input.tag_ids, MAX_TAGS);
        errors.into_result()?;
        let (assignee_ids, tag_ids) = (validated(assignee_ids)?, validated(tag_ids)?);
        self.check_references(
            ctx,
            References {
                team: input.team_id,
                parent: input.parent_id,
                assignees: &input.assignee_ids,
                known_assignees: &[],
                tags: &input.tag_ids,
                known_tags: &[],
                moving: None,
            },
        )
        .await?;

        let now = self.deps.clock.now();
        let status = input.status.unwrap_or(ItemStatus::Todo);
        let item = Item {
            id: ItemId::generate(),
            tenant_id: ctx.tenant_id,
            title: validated(title)?,
            description: validated(description)?,
            status,
            priority: input.priority.unwrap_or(Priority::Medium),
            due_date: input.due_date,
            estimated_hours: validated(estimated_hours)?,
            actual_hours: validated(actual_hours)?,
            team_id: input.team_id,
            parent_id: input.parent_id,
            version: 1,
            created_by: ctx.user_id(),
            created_at: now,
            updated_at: now,
            completed_at: (status == ItemStatus::Done).then_some(now),
        };
        let state = ItemState {
            item,
            assignee_ids,
            tag_ids,
        };
        let entry = AuditEntry::by_member(
            ctx,
            "item.created",
            ("item", state.item.id.to_string()),
            now,
        )
        .after(snapshot(&state));
        let changes = activity::changes(None, &state);
        let activity = activity(ctx, state.item.id, ActivityAction::Created, changes, now);
        self.deps
            .items
            .create(ctx.tenant_id, &state, &entry, &activity)
            .await?;
        Ok(state.item)
    }

    /// Applies the fields `patch` sets and leaves the others.
    ///
    /// # Errors
    /// `NotFound`; `StaleVersion` when `expected_version` is not the
    /// item's; `Validation` naming every bad field; `Conflict` naming the
    /// cycle a new parent would make.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn update(
        &self,
        ctx: &TenantCtx,
        id: ItemId,
        expected_version: Option<i64>,
        patch: ItemPatch,
    ) -> DomainResult<Item> {
        ctx.require(Permission::ItemsUpdate)?;
        let before = self.find_state(ctx, id).await?;
        check_version(&before.item, expected_version)?;
        self.apply(ctx, before, patch, &[]).await
    }

    /// Adds one assignee, a member of the tenant.
    ///
    /// # Errors
    /// As [`Self::update`], on `userId`.
    pub async fn assign(
        &self,
        ctx: &TenantCtx,
        id: ItemId,
        user: UserId,
        expected_version: Option<i64>,
    ) -> DomainResult<Item> {
        ctx.require(Permission::ItemsUpdate)?;
        let before = self.find_state(ctx, id).await?;
        check_version(&before.item, expected_version)?;
        if before.assignee_ids.contains(&user) {
            return Ok(before.item);
        }
        let members = self
            .deps
            .members
            .members_among(ctx.tenant_id, &[user])
            .await?;
        if !members.contains(&user) {
            return Err(DomainError::invalid("userId", NOT_A_MEMBER));
        }
        let mut assignees = before.assignee_ids.clone();
        assignees.push(user);
        let patch = ItemPatch {
            assignee_ids: Some(assignees),
            ..ItemPatch::default()
        };
        // Checked above, under its own field name: not looked up again.
        self.apply(ctx, before, patch, &[user]).await
    }

    /// Removes one assignee; removing someone not assigned changes nothing.
    ///
    /// # Errors
    /// `NotFound`; `StaleVersion`.
    pub async fn unassign(
        &self,
        ctx: &TenantCtx,
        id: ItemId,
        user: UserId,
        expected_version: Option<i64>,
    ) -> DomainResult<Item> {
        ctx.require(Permission::ItemsUpdate)?;
        let before = self.find_state(ctx, id).await?;
        check_version(&before.item, expected_version)?;
        let assignees: Vec<UserId> = before
            .assignee_ids
            .iter()
            .copied()
            .filter(|u| *u != user)
            .collect();
        let patch = ItemPatch {
            assignee_ids: Some(assignees),
            ..ItemPatch::default()
        };
        self.apply(ctx, before, patch, &[]).await
    }

    /// Deletes the item and its subtasks, all of them, softly.
    ///
    /// # Errors
    /// `NotFound`; `StaleVersion`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn delete(
        &self,
        ctx: &TenantCtx,
        id: ItemId,
        expected_version: Option<i64>,
    ) -> DomainResult<DeletedItem> {
        ctx.require(Permission::ItemsDelete)?;
        let before = self.find_state(ctx, id).await?;
        check_version(&before.item, expected_version)?;
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(ctx, "item.deleted", ("item", id.to_string()), now)
            .before(snapshot(&before));
        let activity = activity(ctx, id, ActivityAction::Deleted, Vec::new(), now);
        let deleted_subtask_ids = self
            .deps
            .items
            .delete(ctx.tenant_id, id, before.item.version, &entry, &activity)
            .await?;
        Ok(DeletedItem {
            id,
            deleted_subtask_ids,
        })
    }

    /// Brings a deleted item back with the subtasks its delete took.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` if it is not deleted or its parent is.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn restore(&self, ctx: &TenantCtx, id: ItemId) -> DomainResult<RestoredItem> {
        ctx.require(Permission::ItemsDelete)?;
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(ctx, "item.restored", ("item", id.to_string()), now);
        let activity = activity(ctx, id, ActivityAction::Restored, Vec::new(), now);
        let (item, restored_subtask_ids) = self
            .deps
            .items
            .restore(
                ctx.tenant_id,
                id,
                &RestoreAudit::new(entry, item_snapshot),
                &activity,
            )
            .await?;
        Ok(RestoredItem {
            item,
            restored_subtask_ids,
        })
    }

    pub(super) async fn find_state(&self, ctx: &TenantCtx, id: ItemId) -> DomainResult<ItemState> {
        self.deps
            .items
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("item"))
    }
}

pub(super) fn activity(
    ctx: &TenantCtx,
    item: ItemId,
    action: ActivityAction,
    changes: Vec<activity::FieldChange>,
    at: DateTime<Utc>,
) -> Activity {
    Activity {
        id: ActivityId::generate(),
        tenant_id: ctx.tenant_id,
        item_id: item,
        actor_id: Some(ctx.user_id()),
        action,
        changes,
        at,
    }
}

/// # Errors
/// `StaleVersion` naming the item's version when the client's is another.
pub(super) fn check_version(item: &Item, expected: Option<i64>) -> DomainResult<()> {
    match expected {
        Some(version) if version != item.version => Err(DomainError::StaleVersion {
            entity: "item",
            current: item.version,
        }),
        _ => Ok(()),
    }
}

pub(super) fn snapshot(state: &ItemState) -> Value {
    let mut value = item_snapshot(&state.item);
    if let Value::Object(fields) = &mut value {
        fields.insert("assigneeIds".into(), json!(state.assignee_ids));
        fields.insert("tagIds".into(), json!(state.tag_ids));
    }
    value
}

fn item_snapshot(item: &Item) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}
