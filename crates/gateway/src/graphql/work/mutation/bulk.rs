//! `updateItems`: a different patch for each of up to 500 items, with a
//! result per item in input order.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Value};
use trellis_kernel::{DomainError, DomainResult, FieldErrors};
use trellis_work::ItemId;
use trellis_work::service::BulkEdit;

use super::item::{ItemPatchInput, patch_fields};
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::{GqlResultExt, to_gql_error};
use crate::graphql::validate::parse_id;
use crate::graphql::work::prefetch;
use crate::graphql::work::types::Item;
use crate::state::AppState;

/// One item's edit.
#[derive(InputObject)]
pub struct ItemEditInput {
    pub id: ID,
    /// As in `updateItem`.
    pub expected_version: Option<i64>,
    pub patch: ItemPatchInput,
}

/// Up to 500 edits, each item at most once.
#[derive(InputObject)]
pub struct UpdateItemsInput {
    pub items: Vec<ItemEditInput>,
    /// All or nothing: any item's error fails the whole call, naming the
    /// item as `items[i]`, and nothing is written. Otherwise each item is
    /// changed on its own and reports its own error.
    #[graphql(default_with = "Some(false)")]
    pub atomic: Option<bool>,
}

/// One bad input field.
#[derive(SimpleObject)]
pub struct FieldError {
    /// The field's path, as the input spells it (`title`, `assigneeIds[2]`).
    pub field: String,
    pub message: String,
}

/// Why one item of a bulk edit was not changed.
#[derive(SimpleObject)]
pub struct ItemEditError {
    /// The code a single `updateItem` would have answered
    /// (`NOT_FOUND`, `CONFLICT`, `BAD_USER_INPUT`, …).
    pub code: String,
    pub message: String,
    /// With BAD_USER_INPUT, every bad field.
    pub fields: Option<Vec<FieldError>>,
    /// With CONFLICT from a stale `expectedVersion`, the item's version
    /// now: read it again, then retry with this one.
    pub current_version: Option<i64>,
}

/// One item's outcome: the item as it is now, or its error.
#[derive(SimpleObject)]
pub struct ItemEditResult {
    pub id: ID,
    pub item: Option<Item>,
    pub error: Option<ItemEditError>,
}

/// A result for every edit, in input order.
#[derive(SimpleObject)]
pub struct UpdateItemsPayload {
    pub results: Vec<ItemEditResult>,
}

#[derive(Default)]
pub struct BulkMutation;

#[Object]
impl BulkMutation {
    /// Applies a different patch to each item. Needs `items.update`
    /// (MEMBER and above).
    async fn update_items(
        &self,
        ctx: &Context<'_>,
        input: UpdateItemsInput,
    ) -> Result<UpdateItemsPayload> {
        let state = ctx.data::<AppState>()?;
        let atomic = input.atomic.unwrap_or(false);
        let edits = edits(input.items).gql(ctx)?;
        let ids: Vec<ItemId> = edits.iter().map(|edit| edit.id).collect();
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let outcomes = state
            .work
            .items
            .update_many(scope, edits, atomic)
            .await
            .gql(ctx)?;
        let mut results: Vec<ItemEditResult> = ids
            .into_iter()
            .zip(outcomes)
            .map(|(id, outcome)| match outcome {
                Ok(item) => ItemEditResult {
                    id: crate::graphql::id(id),
                    item: Some(item.into()),
                    error: None,
                },
                Err(err) => ItemEditResult {
                    id: crate::graphql::id(id),
                    item: None,
                    error: Some(edit_error(ctx, &err)),
                },
            })
            .collect();
        let items = results.iter_mut().filter_map(|r| r.item.as_mut()).collect();
        let selection = ctx.look_ahead().field("results").field("item");
        prefetch::items(ctx, selection, items).await?;
        Ok(UpdateItemsPayload { results })
    }
}

fn edits(items: Vec<ItemEditInput>) -> DomainResult<Vec<BulkEdit>> {
    let mut errors = FieldErrors::new();
    let mut edits = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let id: Option<ItemId> = errors.check(parse_id(&format!("items[{index}].id"), &item.id));
        let patch = patch_fields(&mut errors, &format!("items[{index}].patch."), item.patch);
        if let Some(id) = id {
            edits.push(BulkEdit {
                id,
                expected_version: item.expected_version,
                patch,
            });
        }
    }
    errors.into_result()?;
    Ok(edits)
}

/// The item's error as a top-level error would show it: the same code and
/// message, from the same mapping.
fn edit_error(ctx: &Context<'_>, err: &DomainError) -> ItemEditError {
    let mapped = to_gql_error(ctx, err);
    let code = match mapped.extensions.as_ref().and_then(|ext| ext.get("code")) {
        Some(Value::String(code)) => code.clone(),
        _ => String::new(),
    };
    let fields = match err {
        DomainError::Validation(fields) => Some(
            fields
                .iter()
                .map(|field| FieldError {
                    field: field.field.clone(),
                    message: field.message.clone(),
                })
                .collect(),
        ),
        _ => None,
    };
    let current_version = match err {
        DomainError::StaleVersion { current, .. } => Some(*current),
        _ => None,
    };
    ItemEditError {
        code,
        message: mapped.message,
        fields,
        current_version,
    }
}
