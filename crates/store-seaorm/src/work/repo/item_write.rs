//! The parts of an item write: its checks, inside its transaction, and
//! the rows of its relations.

use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, SelectExt, SqlErr,
};
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId};
use trellis_tenancy::{Plan, PlanLimits};
use trellis_work::item::{MAX_CHILDREN, MAX_DEPTH};
use trellis_work::ports::ItemUpdate;
use trellis_work::{ItemId, TagId};
use uuid::Uuid;

use super::tree;
use crate::error::internal;
use crate::tenancy::entity::tenant;
use crate::work::convert;
use crate::work::entity::{item, item_assignee, item_tag};
use crate::write::{Write, one_of, scoped};

/// The use case checked every id an item names before writing; a key
/// that fails still names something that went away meanwhile.
pub(super) fn reference_error(err: DbErr) -> DomainError {
    match err.sql_err() {
        Some(SqlErr::ForeignKeyConstraintViolation(_)) => DomainError::invalid(
            "input",
            "names a team, parent, tag or assignee this tenant does not have",
        ),
        _ => internal(err),
    }
}

pub(super) fn stale(current: i64) -> DomainError {
    DomainError::StaleVersion {
        entity: "item",
        current,
    }
}

/// Why a change that matched no row failed: the live item has another
/// version now, or there is no such live item.
pub(super) async fn stale_or_missing(txn: &Write, tenant: TenantId, id: ItemId) -> DomainError {
    let current = one_of::<item::Entity>(tenant, id.as_uuid())
        .select_only()
        .column(item::Column::Version)
        .into_tuple::<i64>()
        .one(txn)
        .await;
    match current {
        Ok(Some(version)) => stale(version),
        Ok(None) => DomainError::not_found("item"),
        Err(err) => internal(err),
    }
}

/// One change to a live item, inside `txn`, if the item still has the
/// version the change was computed from.
pub(super) async fn apply_update(
    txn: &Write,
    tenant: TenantId,
    update: &ItemUpdate,
) -> DomainResult<()> {
    let item = &update.item;
    // Locked until the commit: the parent read here stays the one
    // replaced.
    let (version, parent) = one_of::<item::Entity>(tenant, item.id.as_uuid())
        .select_only()
        .column(item::Column::Version)
        .column(item::Column::ParentId)
        .lock_exclusive()
        .into_tuple::<(i64, Option<Uuid>)>()
        .one(txn)
        .await
        .map_err(internal)?
        .ok_or_else(|| DomainError::not_found("item"))?;
    if version != update.previous_version {
        return Err(stale(version));
    }
    if let Some(new_parent) = item.parent_id
        && parent != Some(new_parent.as_uuid())
    {
        check_move(txn, tenant, item.id, new_parent).await?;
    }
    let mut model = convert::item_model(item);
    model.tenant_id = NotSet;
    model.id = NotSet;
    model.created_by = NotSet;
    model.created_at = NotSet;
    model.deleted_at = NotSet;
    model.deletion_id = NotSet;
    let updated = item::Entity::update_many()
        .set(model)
        .filter(item::Column::TenantId.eq(tenant.as_uuid()))
        .filter(item::Column::Id.eq(item.id.as_uuid()))
        .filter(item::Column::DeletedAt.is_null())
        .filter(item::Column::Version.eq(update.previous_version))
        .exec(txn)
        .await
        .map_err(reference_error)?;
    if updated.rows_affected == 0 {
        return Err(stale_or_missing(txn, tenant, item.id).await);
    }
    let (assignees, tags) = (&update.assignees, &update.tags);
    remove_relations(txn, tenant, item.id, &assignees.removed, &tags.removed).await?;
    add_relations(txn, tenant, item.id, &assignees.added, &tags.added).await
}

/// The plan's item limit. Only a limited plan locks the tenant, which
/// serializes its creations so that two cannot take the last place.
pub(super) async fn check_item_limit(txn: &Write, tenant: TenantId) -> DomainResult<()> {
    let plan = tenant::Entity::find_by_id(tenant.as_uuid())
        .filter(tenant::Column::DeletedAt.is_null())
        .select_only()
        .column(tenant::Column::Plan)
        .into_tuple::<String>()
        .one(txn)
        .await
        .map_err(internal)?
        .ok_or_else(|| DomainError::not_found("tenant"))?
        .parse::<Plan>()
        .map_err(|_| DomainError::internal_msg("stored plan is unknown"))?;
    let Some(max) = plan.limits().max_items else {
        return Ok(());
    };
    if !txn.lock_tenant().await? {
        return Err(DomainError::not_found("tenant"));
    }
    let items = scoped::<item::Entity>(tenant)
        .count(txn)
        .await
        .map_err(internal)?;
    PlanLimits::check(Some(max), "items", items, 1)
}

/// Locks the live `parent`, so that its subtasks are counted once and for
/// all, and checks that it can take one more.
pub(super) async fn check_child_limit(
    txn: &Write,
    tenant: TenantId,
    parent: ItemId,
) -> DomainResult<()> {
    let found = one_of::<item::Entity>(tenant, parent.as_uuid())
        .lock_exclusive()
        .exists(txn)
        .await
        .map_err(internal)?;
    if !found {
        return Err(DomainError::invalid(
            "parentId",
            "names no item of this tenant",
        ));
    }
    let children = scoped::<item::Entity>(tenant)
        .filter(item::Column::ParentId.eq(parent.as_uuid()))
        .count(txn)
        .await
        .map_err(internal)?;
    PlanLimits::check(Some(MAX_CHILDREN), "subtasks per item", children, 1)
}

pub(super) async fn add_relations(
    txn: &Write,
    tenant: TenantId,
    item: ItemId,
    users: &[UserId],
    tags: &[TagId],
) -> DomainResult<()> {
    let (tenant, item) = (tenant.as_uuid(), item.as_uuid());
    item_assignee::Entity::insert_many(users.iter().map(|user| item_assignee::ActiveModel {
        tenant_id: Set(tenant),
        item_id: Set(item),
        user_id: Set(user.as_uuid()),
    }))
    .exec_without_returning(txn)
    .await
    .map_err(reference_error)?;
    item_tag::Entity::insert_many(tags.iter().map(|tag| item_tag::ActiveModel {
        tenant_id: Set(tenant),
        item_id: Set(item),
        tag_id: Set(tag.as_uuid()),
    }))
    .exec_without_returning(txn)
    .await
    .map_err(reference_error)?;
    Ok(())
}

pub(super) async fn remove_relations(
    txn: &Write,
    tenant: TenantId,
    item: ItemId,
    users: &[UserId],
    tags: &[TagId],
) -> DomainResult<()> {
    if !users.is_empty() {
        item_assignee::Entity::delete_many()
            .filter(item_assignee::Column::TenantId.eq(tenant.as_uuid()))
            .filter(item_assignee::Column::ItemId.eq(item.as_uuid()))
            .filter(item_assignee::Column::UserId.is_in(users.iter().map(UserId::as_uuid)))
            .exec(txn)
            .await
            .map_err(internal)?;
    }
    if !tags.is_empty() {
        item_tag::Entity::delete_many()
            .filter(item_tag::Column::TenantId.eq(tenant.as_uuid()))
            .filter(item_tag::Column::ItemId.eq(item.as_uuid()))
            .filter(item_tag::Column::TagId.is_in(tags.iter().map(TagId::as_uuid)))
            .exec(txn)
            .await
            .map_err(internal)?;
    }
    Ok(())
}

/// Moving `item` under `parent`: the parent must not be the item or below
/// it (checked again here, where no concurrent move can interleave), and
/// must have room for one more subtask.
pub(super) async fn check_move(
    txn: &Write,
    tenant: TenantId,
    item: ItemId,
    parent: ItemId,
) -> DomainResult<()> {
    check_child_limit(txn, tenant, parent).await?;
    let chain = tree::ancestors(txn, tenant, parent.as_uuid(), MAX_DEPTH).await?;
    if parent == item || chain.contains(&item.as_uuid()) {
        return Err(DomainError::conflict(format!(
            "parentId: moving item {item} under item {parent} would make a cycle"
        )));
    }
    Ok(())
}
