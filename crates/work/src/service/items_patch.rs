//! Planning a partial update: a patch checked against the item as it is,
//! turned into the change with its audit and history entries, and written
//! unless it changes nothing. One item's update and every item of a bulk
//! update go through it.

use trellis_kernel::{AuditEntry, DomainResult, FieldErrors, TenantCtx, UserId, next_version};

use super::input::{self, ItemPatch, MAX_ASSIGNEES, MAX_TAGS, validated};
use super::item_references::References;
use super::items::{ItemService, activity, snapshot};
use crate::activity::{self as history, ActivityAction};
use crate::item::{Item, ItemState, ItemStatus};
use crate::ports::{ItemChange, ItemUpdate, SetChange};

/// What a patch comes to, before anything is written.
pub(super) enum Planned {
    /// The patch changes nothing: there is nothing to write.
    Unchanged(Box<Item>),
    Change(Box<ItemChange>),
}

impl ItemService {
    /// Plans `patch` and writes the change, if any. `verified` are
    /// assignees the caller has already found to be members.
    pub(super) async fn apply(
        &self,
        ctx: &TenantCtx,
        before: ItemState,
        patch: ItemPatch,
        verified: &[UserId],
    ) -> DomainResult<Item> {
        match self.plan(ctx, before, patch, verified).await? {
            Planned::Unchanged(item) => Ok(*item),
            Planned::Change(change) => {
                let ItemChange {
                    update,
                    audit,
                    activity,
                } = *change;
                self.deps
                    .items
                    .update(ctx.tenant_id, &update, &audit, &activity)
                    .await?;
                Ok(update.item)
            }
        }
    }

    /// Checks `patch` against the item as it is and computes the change,
    /// with its audit and history entries, without writing anything.
    /// Assignees among `verified` are known members.
    pub(super) async fn plan(
        &self,
        ctx: &TenantCtx,
        before: ItemState,
        patch: ItemPatch,
        verified: &[UserId],
    ) -> DomainResult<Planned> {
        let old = &before.item;
        let mut errors = FieldErrors::new();
        let title = match &patch.title {
            Some(raw) => input::title(&mut errors, raw),
            None => Some(old.title.clone()),
        };
        let description = match &patch.description {
            Some(raw) => input::description(&mut errors, raw.as_deref()),
            None => Some(old.description.clone()),
        };
        let estimated_hours = match patch.estimated_hours {
            Some(value) => input::hours(&mut errors, "estimatedHours", value),
            None => Some(old.estimated_hours),
        };
        let actual_hours = match patch.actual_hours {
            Some(value) => input::hours(&mut errors, "actualHours", value),
            None => Some(old.actual_hours),
        };
        let assignee_ids = match &patch.assignee_ids {
            Some(ids) => input::distinct(&mut errors, "assigneeIds", ids, MAX_ASSIGNEES),
            None => Some(before.assignee_ids.clone()),
        };
        let tag_ids = match &patch.tag_ids {
            Some(ids) => input::distinct(&mut errors, "tagIds", ids, MAX_TAGS),
            None => Some(before.tag_ids.clone()),
        };
        errors.into_result()?;
        let known_assignees: Vec<UserId> = before
            .assignee_ids
            .iter()
            .chain(verified)
            .copied()
            .collect();
        let team_id = patch.team_id.unwrap_or(old.team_id);
        let parent_id = patch.parent_id.unwrap_or(old.parent_id);
        self.check_references(
            ctx,
            References {
                team: team_id.filter(|team| Some(*team) != old.team_id),
                parent: parent_id.filter(|parent| Some(*parent) != old.parent_id),
                assignees: patch.assignee_ids.as_deref().unwrap_or_default(),
                known_assignees: &known_assignees,
                tags: patch.tag_ids.as_deref().unwrap_or_default(),
                known_tags: &before.tag_ids,
                moving: Some(old.id),
            },
        )
        .await?;

        let status = patch.status.unwrap_or(old.status);
        let mut after = ItemState {
            item: Item {
                title: validated(title)?,
                description: validated(description)?,
                status,
                priority: patch.priority.unwrap_or(old.priority),
                due_date: patch.due_date.unwrap_or(old.due_date),
                estimated_hours: validated(estimated_hours)?,
                actual_hours: validated(actual_hours)?,
                team_id,
                parent_id,
                ..old.clone()
            },
            assignee_ids: validated(assignee_ids)?,
            tag_ids: validated(tag_ids)?,
        };
        let changes = history::changes(Some(&before), &after);
        if changes.is_empty() {
            return Ok(Planned::Unchanged(Box::new(before.item)));
        }
        let now = self.deps.clock.now();
        after.item.completed_at = match (old.status == ItemStatus::Done, status == ItemStatus::Done)
        {
            (false, true) => Some(now),
            (true, false) => None,
            _ => old.completed_at,
        };
        after.item.version = old.version + 1;
        after.item.updated_at = next_version(now, old.updated_at);

        let entry = AuditEntry::by_member(ctx, "item.updated", ("item", old.id.to_string()), now)
            .before(snapshot(&before))
            .after(snapshot(&after));
        let activity = activity(ctx, old.id, ActivityAction::Updated, changes, now);
        let update = ItemUpdate {
            item: after.item.clone(),
            previous_version: old.version,
            assignees: SetChange::between(&before.assignee_ids, &after.assignee_ids),
            tags: SetChange::between(&before.tag_ids, &after.tag_ids),
        };
        Ok(Planned::Change(Box::new(ItemChange {
            update,
            audit: entry,
            activity,
        })))
    }
}
