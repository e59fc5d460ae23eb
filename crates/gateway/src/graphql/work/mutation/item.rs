use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};
use chrono::NaiveDate;
use trellis_kernel::{DomainError, DomainResult, FieldErrors, UserId};
use trellis_work::service::{CreateItem, ItemPatch};
use trellis_work::{ItemId, TagId, TeamId};

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::validate::{parse_id, parse_id_pair};
use crate::graphql::work::types::{Item, ItemStatus, Priority};
use crate::state::AppState;

/// A new item.
#[derive(InputObject)]
pub struct CreateItemInput {
    /// 1 to 200 characters.
    pub title: String,
    /// Up to 50,000 characters.
    pub description: Option<String>,
    /// TODO when omitted.
    pub status: Option<ItemStatus>,
    /// MEDIUM when omitted.
    pub priority: Option<Priority>,
    pub due_date: Option<NaiveDate>,
    /// 0 or more.
    pub estimated_hours: Option<f64>,
    /// 0 or more.
    pub actual_hours: Option<f64>,
    pub team_id: Option<ID>,
    /// Makes it a subtask of this item (at most 8 levels deep, 500
    /// subtasks per item).
    pub parent_id: Option<ID>,
    /// Members of the tenant.
    #[graphql(default)]
    pub assignee_ids: Vec<ID>,
    #[graphql(default)]
    pub tag_ids: Vec<ID>,
}

/// Only the fields given change; `null` clears a field that may be empty,
/// and a list replaces the whole set.
#[derive(InputObject)]
pub struct UpdateItemInput {
    pub id: ID,
    /// The `version` the change was made from: if the item has changed
    /// since, the answer is CONFLICT with its `currentVersion`.
    pub expected_version: Option<i64>,
    #[graphql(flatten)]
    pub patch: ItemPatchInput,
}

/// The fields of an item to change: only those given change; `null`
/// clears a field that may be empty, and a list replaces the whole set.
#[derive(InputObject)]
pub struct ItemPatchInput {
    pub title: Option<String>,
    pub description: MaybeUndefined<String>,
    pub status: Option<ItemStatus>,
    pub priority: Option<Priority>,
    pub due_date: MaybeUndefined<NaiveDate>,
    pub estimated_hours: MaybeUndefined<f64>,
    pub actual_hours: MaybeUndefined<f64>,
    pub team_id: MaybeUndefined<ID>,
    /// A new parent, or `null` to make it top-level.
    pub parent_id: MaybeUndefined<ID>,
    pub assignee_ids: Option<Vec<ID>>,
    pub tag_ids: Option<Vec<ID>>,
}

/// The item to delete.
#[derive(InputObject)]
pub struct DeleteItemInput {
    pub id: ID,
    /// As in `updateItem`.
    pub expected_version: Option<i64>,
}

/// The item to restore.
#[derive(InputObject)]
pub struct RestoreItemInput {
    pub id: ID,
}

/// One assignee to add or remove.
#[derive(InputObject)]
pub struct AssignItemInput {
    pub item_id: ID,
    pub user_id: ID,
    /// As in `updateItem`.
    pub expected_version: Option<i64>,
}

/// The item as it is after the change.
#[derive(SimpleObject)]
pub struct ItemPayload {
    pub item: Item,
}

/// What `deleteItem` deleted.
#[derive(SimpleObject)]
pub struct DeleteItemPayload {
    pub deleted_id: ID,
    /// Its subtasks, at every level, deleted with it.
    pub deleted_subtask_ids: Vec<ID>,
}

/// What `restoreItem` brought back.
#[derive(SimpleObject)]
pub struct RestoreItemPayload {
    pub item: Item,
    /// The subtasks its delete took, restored with it.
    pub restored_subtask_ids: Vec<ID>,
}

#[derive(Default)]
pub struct ItemMutation;

#[Object]
impl ItemMutation {
    /// Creates an item. Needs `items.create` (MEMBER and above).
    async fn create_item(&self, ctx: &Context<'_>, input: CreateItemInput) -> Result<ItemPayload> {
        let state = ctx.data::<AppState>()?;
        let input = create_item(input).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let item = state.work.items.create(scope, input).await.gql(ctx)?;
        Ok(ItemPayload { item: item.into() })
    }

    /// Changes the fields given. Needs `items.update` (MEMBER and above).
    async fn update_item(&self, ctx: &Context<'_>, input: UpdateItemInput) -> Result<ItemPayload> {
        let state = ctx.data::<AppState>()?;
        let (item, expected, patch) = item_patch(input).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let item = state
            .work
            .items
            .update(scope, item, expected, patch)
            .await
            .gql(ctx)?;
        Ok(ItemPayload { item: item.into() })
    }

    /// Deletes an item with all its subtasks. Needs `items.delete`.
    async fn delete_item(
        &self,
        ctx: &Context<'_>,
        input: DeleteItemInput,
    ) -> Result<DeleteItemPayload> {
        let state = ctx.data::<AppState>()?;
        let item: ItemId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state
            .work
            .items
            .delete(scope, item, input.expected_version)
            .await
            .gql(ctx)?;
        Ok(DeleteItemPayload {
            deleted_id: id(deleted.id),
            deleted_subtask_ids: deleted.deleted_subtask_ids.into_iter().map(id).collect(),
        })
    }

    /// Brings a deleted item back with the subtasks its delete took.
    async fn restore_item(
        &self,
        ctx: &Context<'_>,
        input: RestoreItemInput,
    ) -> Result<RestoreItemPayload> {
        let state = ctx.data::<AppState>()?;
        let item: ItemId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let restored = state.work.items.restore(scope, item).await.gql(ctx)?;
        Ok(RestoreItemPayload {
            item: restored.item.into(),
            restored_subtask_ids: restored.restored_subtask_ids.into_iter().map(id).collect(),
        })
    }

    /// Assigns the item to one more member of the tenant.
    async fn assign_item(&self, ctx: &Context<'_>, input: AssignItemInput) -> Result<ItemPayload> {
        let state = ctx.data::<AppState>()?;
        let (item, user) = assignment(&input).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let item = state
            .work
            .items
            .assign(scope, item, user, input.expected_version)
            .await
            .gql(ctx)?;
        Ok(ItemPayload { item: item.into() })
    }

    /// Takes one assignee off the item.
    async fn unassign_item(
        &self,
        ctx: &Context<'_>,
        input: AssignItemInput,
    ) -> Result<ItemPayload> {
        let state = ctx.data::<AppState>()?;
        let (item, user) = assignment(&input).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let item = state
            .work
            .items
            .unassign(scope, item, user, input.expected_version)
            .await
            .gql(ctx)?;
        Ok(ItemPayload { item: item.into() })
    }
}

fn create_item(input: CreateItemInput) -> DomainResult<CreateItem> {
    let mut errors = FieldErrors::new();
    let team_id = optional_id(&mut errors, "teamId", input.team_id.as_ref());
    let parent_id = optional_id(&mut errors, "parentId", input.parent_id.as_ref());
    let assignee_ids = ids(&mut errors, "assigneeIds", &input.assignee_ids);
    let tag_ids = ids(&mut errors, "tagIds", &input.tag_ids);
    errors.into_result()?;
    Ok(CreateItem {
        title: input.title,
        description: input.description,
        status: input.status.map(Into::into),
        priority: input.priority.map(Into::into),
        due_date: input.due_date,
        estimated_hours: input.estimated_hours,
        actual_hours: input.actual_hours,
        team_id,
        parent_id,
        assignee_ids,
        tag_ids,
    })
}

fn item_patch(input: UpdateItemInput) -> DomainResult<(ItemId, Option<i64>, ItemPatch)> {
    let mut errors = FieldErrors::new();
    let item: Option<ItemId> = errors.check(parse_id("id", &input.id));
    let patch = patch_fields(&mut errors, "", input.patch);
    errors.into_result()?;
    let item = item.ok_or_else(|| DomainError::internal_msg("parsed id missing"))?;
    Ok((item, input.expected_version, patch))
}

/// The domain's patch; each id that does not parse is named under
/// `prefix` (`items[3].patch.` in a bulk edit).
pub(super) fn patch_fields(
    errors: &mut FieldErrors,
    prefix: &str,
    input: ItemPatchInput,
) -> ItemPatch {
    let team_id = maybe_id::<TeamId>(errors, &format!("{prefix}teamId"), input.team_id);
    let parent_id = maybe_id::<ItemId>(errors, &format!("{prefix}parentId"), input.parent_id);
    let assignee_ids: Option<Vec<UserId>> = input
        .assignee_ids
        .as_deref()
        .map(|raw| ids(errors, &format!("{prefix}assigneeIds"), raw));
    let tag_ids: Option<Vec<TagId>> = input
        .tag_ids
        .as_deref()
        .map(|raw| ids(errors, &format!("{prefix}tagIds"), raw));
    ItemPatch {
        title: input.title,
        description: maybe(input.description),
        status: input.status.map(Into::into),
        priority: input.priority.map(Into::into),
        due_date: maybe(input.due_date),
        estimated_hours: maybe(input.estimated_hours),
        actual_hours: maybe(input.actual_hours),
        team_id,
        parent_id,
        assignee_ids,
        tag_ids,
    }
}

fn assignment(input: &AssignItemInput) -> DomainResult<(ItemId, UserId)> {
    parse_id_pair(("itemId", &input.item_id), ("userId", &input.user_id))
}

/// Absent keeps the field; `null` clears it.
fn maybe<T>(value: MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(value) => Some(Some(value)),
    }
}

fn maybe_id<I: std::str::FromStr>(
    errors: &mut FieldErrors,
    field: &str,
    raw: MaybeUndefined<ID>,
) -> Option<Option<I>> {
    match maybe(raw)? {
        None => Some(None),
        Some(raw) => errors.check(parse_id(field, &raw)).map(Some),
    }
}

fn optional_id<I: std::str::FromStr>(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&ID>,
) -> Option<I> {
    raw.and_then(|raw| errors.check(parse_id(field, raw)))
}

/// Each id parsed, each bad one named by its place in the list.
fn ids<I: std::str::FromStr>(errors: &mut FieldErrors, field: &str, raw: &[ID]) -> Vec<I> {
    raw.iter()
        .enumerate()
        .filter_map(|(index, raw)| errors.check(parse_id(&format!("{field}[{index}]"), raw)))
        .collect()
}
