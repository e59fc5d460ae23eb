//! Bulk edits: a different patch for each of up to 500 items in one call.
//!
//! Without `atomic`, each item is changed as `update` would change it, in
//! its own transaction, and each reports its own result. With `atomic`,
//! every change is computed and checked first and all of them are written
//! in one transaction, or none. An atomic call fails as a whole, naming
//! the item at fault by its place in the input:
//! - a bad patch is `Validation` on `items[i].patch.<field>`;
//! - an item the tenant does not have is `Validation` on `items[i].id`,
//!   worded as for any id inside an input that names nothing;
//! - a stale `expectedVersion` (or a cycle) is `Conflict` whose message
//!   begins with `items[i]`.

use std::collections::HashMap;

use trellis_kernel::{DomainError, DomainResult, FieldError, FieldErrors, Permission, TenantCtx};

use super::input::{ItemPatch, NO_SUCH_ITEM};
use super::items::{ItemService, check_version};
use super::items_patch::Planned;
use crate::item::{Item, ItemId};
use crate::ports::ItemChange;

/// At most this many edits in one call.
pub const MAX_BULK_EDITS: usize = 500;

/// One item's edit in a bulk call.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkEdit {
    pub id: ItemId,
    pub expected_version: Option<i64>,
    pub patch: ItemPatch,
}

impl ItemService {
    /// Applies each edit's patch to its item; the results are in the
    /// order of `edits`.
    ///
    /// # Errors
    /// `Validation` on `items` for none or more than [`MAX_BULK_EDITS`]
    /// edits, on `items[i].id` for an item named twice; with `atomic`, the
    /// first item that fails (see the module's comment). Without it, each
    /// item's error is the one `update` would give, in its result.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, count = edits.len()))]
    pub async fn update_many(
        &self,
        ctx: &TenantCtx,
        edits: Vec<BulkEdit>,
        atomic: bool,
    ) -> DomainResult<Vec<DomainResult<Item>>> {
        ctx.require(Permission::ItemsUpdate)?;
        check_batch(&edits)?;
        if atomic {
            let items = self.update_all(ctx, edits).await?;
            return Ok(items.into_iter().map(Ok).collect());
        }
        let mut results = Vec::with_capacity(edits.len());
        for edit in edits {
            results.push(
                self.update(ctx, edit.id, edit.expected_version, edit.patch)
                    .await,
            );
        }
        Ok(results)
    }

    /// Every change computed first, then all written in one transaction.
    async fn update_all(&self, ctx: &TenantCtx, edits: Vec<BulkEdit>) -> DomainResult<Vec<Item>> {
        let mut planned = Vec::with_capacity(edits.len());
        let mut errors = Vec::new();
        for (index, edit) in edits.into_iter().enumerate() {
            match self.plan_edit(ctx, edit).await {
                Ok(plan) => planned.push(plan),
                Err(err) => errors.push(in_batch(index, err)),
            }
        }
        if !errors.is_empty() {
            return Err(first_failure(errors));
        }
        // Which input each change came from, to name it if the store
        // refuses it.
        let mut changes: Vec<ItemChange> = Vec::new();
        let mut origin = Vec::new();
        let mut items = Vec::with_capacity(planned.len());
        for (index, plan) in planned.into_iter().enumerate() {
            match plan {
                Planned::Unchanged(item) => items.push(*item),
                Planned::Change(change) => {
                    items.push(change.update.item.clone());
                    changes.push(*change);
                    origin.push(index);
                }
            }
        }
        if !changes.is_empty() {
            self.deps
                .items
                .update_many(ctx.tenant_id, &changes)
                .await
                .map_err(|failure| match failure.index {
                    Some(change) => in_batch(origin[change], failure.error),
                    None => failure.error,
                })?;
        }
        Ok(items)
    }

    async fn plan_edit(&self, ctx: &TenantCtx, edit: BulkEdit) -> DomainResult<Planned> {
        let before = self.find_state(ctx, edit.id).await?;
        check_version(&before.item, edit.expected_version)?;
        self.plan(ctx, before, edit.patch, &[]).await
    }
}

/// How many edits, and each item once.
fn check_batch(edits: &[BulkEdit]) -> DomainResult<()> {
    if edits.is_empty() {
        return Err(DomainError::invalid("items", "must name at least one item"));
    }
    if edits.len() > MAX_BULK_EDITS {
        return Err(DomainError::invalid(
            "items",
            format!("must name at most {MAX_BULK_EDITS} items"),
        ));
    }
    let mut errors = FieldErrors::new();
    let mut seen: HashMap<ItemId, usize> = HashMap::with_capacity(edits.len());
    for (index, edit) in edits.iter().enumerate() {
        if let Some(first) = seen.insert(edit.id, index) {
            errors.add(
                format!("items[{index}].id"),
                format!("names the same item as items[{first}]"),
            );
            seen.insert(edit.id, first);
        }
    }
    errors.into_result()
}

/// An item's error as the error of the whole atomic call, naming the item.
fn in_batch(index: usize, err: DomainError) -> DomainError {
    match err {
        DomainError::Validation(fields) => DomainError::Validation(
            fields
                .into_iter()
                .map(|field| FieldError {
                    field: format!("items[{index}].patch.{}", field.field),
                    message: field.message,
                })
                .collect(),
        ),
        DomainError::NotFound { .. } => {
            DomainError::invalid(format!("items[{index}].id"), NO_SUCH_ITEM)
        }
        DomainError::StaleVersion { .. } | DomainError::Conflict(_) => {
            DomainError::conflict(format!("items[{index}]: {err}"))
        }
        other => other,
    }
}

/// Every bad field of every item when only fields are bad; otherwise the
/// first failure that is not about a field.
fn first_failure(errors: Vec<DomainError>) -> DomainError {
    let mut fields = Vec::new();
    for err in errors {
        match err {
            DomainError::Validation(list) => fields.extend(list),
            other => return other,
        }
    }
    DomainError::Validation(fields)
}
