//! Subtasks: where an item may hang (no cycles, at most eight levels), and
//! deleting and restoring an item with its subtree.

use mockall::predicate::eq;
use serde_json::{Value, json};
use trellis_kernel::{BuiltinRole, DomainError, TenantCtx};

use super::ItemPatch;
use super::tests_support::*;
use crate::activity::ActivityAction;
use crate::item::{Item, ItemId, MAX_DEPTH};

fn move_under(parent: ItemId) -> ItemPatch {
    ItemPatch {
        parent_id: Some(Some(parent)),
        ..ItemPatch::default()
    }
}

fn chain(length: usize) -> Vec<ItemId> {
    (0..length).map(|_| ItemId::generate()).collect()
}

/// Mocks in which `parent` is a live item of the caller's tenant with
/// `ancestors` above it.
fn with_parent(ctx: &TenantCtx, parent: &Item, ancestors: Vec<ItemId>) -> WorkMocks {
    let tenant = ctx.tenant_id;
    let found = parent.clone();
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_find_many()
        .with(eq(tenant), eq(vec![parent.id]))
        .returning(move |_, _| Ok(vec![found.clone()]));
    mocks
        .items
        .expect_ancestors()
        .with(eq(tenant), eq(parent.id), eq(MAX_DEPTH))
        .returning(move |_, _, _| Ok(ancestors.clone()));
    mocks
}

/// Mocks for moving `moving`, with `height` levels below it, under `parent`.
fn moving_under(
    ctx: &TenantCtx,
    moving: &Item,
    parent: &Item,
    ancestors: Vec<ItemId>,
    height: usize,
) -> WorkMocks {
    let mut mocks = with_parent(ctx, parent, ancestors);
    expect_find(&mut mocks, ctx, &state(moving.clone(), vec![], vec![]));
    mocks
        .items
        .expect_subtree_height()
        .with(eq(ctx.tenant_id), eq(moving.id), eq(MAX_DEPTH))
        .returning(move |_, _, _| Ok(height));
    mocks
}

#[tokio::test]
async fn an_item_cannot_become_its_own_parent() {
    let member = ctx(BuiltinRole::Member);
    let before = state(item(&member), vec![], vec![]);
    let id = before.item.id;
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let err = work(mocks)
        .items
        .update(&member, id, None, move_under(id))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    assert!(
        err.to_string().contains("cannot be its own parent"),
        "{err}"
    );
}

#[tokio::test]
async fn moving_an_item_under_its_own_descendant_names_the_cycle_in_order() {
    let member = ctx(BuiltinRole::Member);
    // top → middle → bottom; top is to move under bottom.
    let top = item(&member);
    let middle = Item {
        id: ItemId::generate(),
        parent_id: Some(top.id),
        ..top.clone()
    };
    let bottom = Item {
        id: ItemId::generate(),
        parent_id: Some(middle.id),
        ..top.clone()
    };
    let mut mocks = with_parent(&member, &bottom, vec![middle.id, top.id]);
    expect_find(&mut mocks, &member, &state(top.clone(), vec![], vec![]));
    let err = work(mocks)
        .items
        .update(&member, top.id, None, move_under(bottom.id))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    let cycle = format!("{} → {} → {} → {}", top.id, bottom.id, middle.id, top.id);
    assert!(err.to_string().contains(&cycle), "{err}");
}

#[tokio::test]
async fn a_move_that_nests_exactly_eight_levels_deep_is_written() {
    let member = ctx(BuiltinRole::Member);
    let (moving, parent) = (item(&member), item(&member));
    // Five above the parent, the parent, the item, one level below it.
    let mut mocks = moving_under(&member, &moving, &parent, chain(5), 1);
    let (from, to) = (Value::Null, json!(parent.id));
    mocks
        .items
        .expect_update()
        .withf(move |_, update, _, activity| {
            update.item.parent_id == Some(parent.id)
                && changed(activity) == ["parentId"]
                && change(activity, "parentId").is_some_and(|c| c.from == from && c.to == to)
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let moved = work(mocks)
        .items
        .update(&member, moving.id, None, move_under(parent.id))
        .await
        .unwrap();
    assert_eq!(moved.parent_id, Some(parent.id));
}

#[tokio::test]
async fn a_move_that_would_nest_nine_levels_deep_is_refused_on_parent_id() {
    let member = ctx(BuiltinRole::Member);
    let (moving, parent) = (item(&member), item(&member));
    let mocks = moving_under(&member, &moving, &parent, chain(6), 1);
    let err = work(mocks)
        .items
        .update(&member, moving.id, None, move_under(parent.id))
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "parentId".to_owned(),
            "would nest items 9 levels deep; at most 8 are allowed".to_owned()
        )]
    );
}

#[tokio::test]
async fn a_subtask_may_be_created_on_the_eighth_level_but_not_the_ninth() {
    let member = ctx(BuiltinRole::Member);
    let parent = item(&member);
    let mut mocks = with_parent(&member, &parent, chain(6));
    mocks
        .items
        .expect_create()
        .withf(move |_, state, _, _| state.item.parent_id == Some(parent.id))
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let input = super::CreateItem {
        parent_id: Some(parent.id),
        ..new_item("Leaf")
    };
    work(mocks)
        .items
        .create(&member, input.clone())
        .await
        .unwrap();

    let deeper = with_parent(&member, &parent, chain(7));
    let err = work(deeper).items.create(&member, input).await.unwrap_err();
    assert_eq!(fields(err), ["parentId"]);
}

#[tokio::test]
async fn moving_to_the_top_level_looks_nothing_up() {
    let member = ctx(BuiltinRole::Member);
    let parent = ItemId::generate();
    let before = state(
        Item {
            parent_id: Some(parent),
            ..item(&member)
        },
        vec![],
        vec![],
    );
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let from = json!(parent);
    mocks
        .items
        .expect_update()
        .withf(move |_, update, _, activity| {
            update.item.parent_id.is_none()
                && change(activity, "parentId").is_some_and(|c| c.from == from && c.to.is_null())
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let patch = ItemPatch {
        parent_id: Some(None),
        ..ItemPatch::default()
    };
    let moved = work(mocks)
        .items
        .update(&member, before.item.id, None, patch)
        .await
        .unwrap();
    assert_eq!(moved.parent_id, None);
}

#[tokio::test]
async fn a_delete_takes_the_subtree_and_reports_its_ids() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let before = state(item(&member), vec![], vec![]);
    let id = before.item.id;
    let subtasks = chain(2);
    let returned = subtasks.clone();
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    mocks
        .items
        .expect_delete()
        .withf(move |t, deleted, version, audit, activity| {
            *t == tenant
                && *deleted == id
                && *version == 3
                && audit.action == "item.deleted"
                && audit.entity_id == id.to_string()
                && audit
                    .before
                    .as_ref()
                    .is_some_and(|b| b["title"] == "Ship the release")
                && activity.action == ActivityAction::Deleted
                && activity.item_id == id
                && activity.changes.is_empty()
        })
        .times(1)
        .returning(move |_, _, _, _, _| Ok(returned.clone()));
    // Without an expected version, the store is told the one read.
    let deleted = work(mocks).items.delete(&member, id, None).await.unwrap();
    assert_eq!(deleted.id, id);
    assert_eq!(deleted.deleted_subtask_ids, subtasks);
}

#[tokio::test]
async fn a_stale_delete_is_refused_and_nothing_is_deleted() {
    let member = ctx(BuiltinRole::Member);
    let before = state(item(&member), vec![], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let err = work(mocks)
        .items
        .delete(&member, before.item.id, Some(4))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::StaleVersion {
                entity: "item",
                current: 3
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_restore_is_audited_with_the_item_brought_back_and_reports_its_subtasks() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let caller = member.user_id();
    let restored = item(&member);
    let id = restored.id;
    let subtasks = chain(3);
    let returned = (restored.clone(), subtasks.clone());
    let brought_back = restored.clone();
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_restore()
        .withf(move |t, asked, audit, activity| {
            // What the log keeps of the item once the store has read it.
            let after = audit.of(&brought_back).after;
            *t == tenant
                && *asked == id
                && audit.entry.action == "item.restored"
                && audit.entry.entity_id == id.to_string()
                && audit.entry.actor_id == Some(caller)
                && activity.actor_id == Some(caller)
                && after.is_some_and(|a| a["title"] == "Ship the release")
                && activity.action == ActivityAction::Restored
                && activity.item_id == id
        })
        .times(1)
        .returning(move |_, _, _, _| Ok(returned.clone()));
    let back = work(mocks).items.restore(&member, id).await.unwrap();
    assert_eq!(back.item, restored);
    assert_eq!(back.restored_subtask_ids, subtasks);
}
