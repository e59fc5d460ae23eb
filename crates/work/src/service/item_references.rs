//! The ids inside an item's input: each must name a live object of the
//! tenant, and a new parent must keep the tree acyclic and shallow.

use trellis_kernel::{DomainError, DomainResult, FieldErrors, TenantCtx, UserId};

use super::input::{self, NO_SUCH_ITEM, NO_SUCH_TAG, NO_SUCH_TEAM};
use super::items::ItemService;
use super::teams::NOT_A_MEMBER;
use crate::item::{ItemId, MAX_DEPTH};
use crate::tag::TagId;
use crate::team::TeamId;

/// The ids inside an input that must name the tenant's objects. Only what
/// a change adds is checked: an assignee who has since left the tenant
/// does not block an edit of the title.
pub(super) struct References<'a> {
    pub(super) team: Option<TeamId>,
    pub(super) parent: Option<ItemId>,
    pub(super) assignees: &'a [UserId],
    pub(super) known_assignees: &'a [UserId],
    pub(super) tags: &'a [TagId],
    pub(super) known_tags: &'a [TagId],
    /// The item being moved, for an update.
    pub(super) moving: Option<ItemId>,
}

impl ItemService {
    /// Every id inside the input must name a live object of the tenant;
    /// one that does not is a field error, worded alike whether the object
    /// is another tenant's or nobody's. A new parent must not make a cycle
    /// nor nest items past [`MAX_DEPTH`].
    pub(super) async fn check_references(
        &self,
        ctx: &TenantCtx,
        refs: References<'_>,
    ) -> DomainResult<()> {
        let tenant = ctx.tenant_id;
        let mut errors = FieldErrors::new();
        if let Some(team) = refs.team
            && self.deps.teams.find_many(tenant, &[team]).await?.is_empty()
        {
            errors.add("teamId", NO_SUCH_TEAM);
        }
        let new_assignees: Vec<UserId> = refs
            .assignees
            .iter()
            .copied()
            .filter(|user| !refs.known_assignees.contains(user))
            .collect();
        if !new_assignees.is_empty() {
            let mut found = self
                .deps
                .members
                .members_among(tenant, &new_assignees)
                .await?;
            found.extend_from_slice(refs.known_assignees);
            input::missing_ids(
                &mut errors,
                "assigneeIds",
                refs.assignees,
                &found,
                NOT_A_MEMBER,
            );
        }
        let new_tags: Vec<TagId> = refs
            .tags
            .iter()
            .copied()
            .filter(|tag| !refs.known_tags.contains(tag))
            .collect();
        if !new_tags.is_empty() {
            let mut found: Vec<TagId> = self
                .deps
                .tags
                .find_many(tenant, &new_tags)
                .await?
                .into_iter()
                .map(|tag| tag.id)
                .collect();
            found.extend_from_slice(refs.known_tags);
            input::missing_ids(&mut errors, "tagIds", refs.tags, &found, NO_SUCH_TAG);
        }
        if let Some(parent) = refs.parent {
            self.check_parent(ctx, parent, refs.moving, &mut errors)
                .await?;
        }
        errors.into_result()
    }

    async fn check_parent(
        &self,
        ctx: &TenantCtx,
        parent: ItemId,
        moving: Option<ItemId>,
        errors: &mut FieldErrors,
    ) -> DomainResult<()> {
        let tenant = ctx.tenant_id;
        if moving == Some(parent) {
            return Err(DomainError::conflict(format!(
                "parentId: item {parent} cannot be its own parent"
            )));
        }
        if self
            .deps
            .items
            .find_many(tenant, &[parent])
            .await?
            .is_empty()
        {
            errors.add("parentId", NO_SUCH_ITEM);
            return Ok(());
        }
        let ancestors = self.deps.items.ancestors(tenant, parent, MAX_DEPTH).await?;
        if let Some(id) = moving
            && let Some(position) = ancestors.iter().position(|ancestor| *ancestor == id)
        {
            let chain: Vec<String> = std::iter::once(id)
                .chain(std::iter::once(parent))
                .chain(ancestors[..=position].iter().copied())
                .map(|item| item.to_string())
                .collect();
            return Err(DomainError::conflict(format!(
                "parentId: moving item {id} under item {parent} would make a cycle: {}",
                chain.join(" → ")
            )));
        }
        let height = match moving {
            Some(id) => {
                self.deps
                    .items
                    .subtree_height(tenant, id, MAX_DEPTH)
                    .await?
            }
            None => 0,
        };
        // The parent's chain, the parent, the item, and what hangs below it.
        let depth = ancestors.len() + 2 + height;
        if depth > MAX_DEPTH {
            errors.add(
                "parentId",
                format!("would nest items {depth} levels deep; at most {MAX_DEPTH} are allowed"),
            );
        }
        Ok(())
    }
}
