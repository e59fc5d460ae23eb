//! Changing items: partial patches, the version each change checks and
//! bumps, DONE and its completion stamp, and what the history receives.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use mockall::predicate::eq;
use serde_json::json;
use trellis_kernel::{BuiltinRole, DomainError, UserId};

use super::ItemPatch;
use super::tests_support::*;
use crate::activity::ActivityAction;
use crate::item::{Item, ItemId, ItemStatus, Priority};
use crate::tag::TagId;

#[tokio::test]
async fn a_member_changes_only_the_fields_given_and_bumps_the_version() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let before = state(
        item(&member),
        vec![UserId::generate()],
        vec![TagId::generate()],
    );
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let old = before.item.clone();
    mocks
        .items
        .expect_update()
        .withf(move |t, update, audit, activity| {
            let title = change(activity, "title");
            *t == tenant
                && update.previous_version == 3
                && update.item.version == 4
                && update.assignees.is_empty()
                && update.tags.is_empty()
                && audit.action == "item.updated"
                && audit
                    .before
                    .as_ref()
                    .is_some_and(|b| b["title"] == "Ship the release")
                && audit
                    .after
                    .as_ref()
                    .is_some_and(|a| a["title"] == "Ship 1.0")
                && activity.action == ActivityAction::Updated
                && activity.item_id == old.id
                && changed(activity) == ["title"]
                && title.is_some_and(|c| c.from == "Ship the release" && c.to == "Ship 1.0")
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let id = before.item.id;
    let after = work(mocks)
        .items
        .update(&member, id, Some(3), retitle(" Ship 1.0 "))
        .await
        .unwrap();
    let expected = Item {
        title: "Ship 1.0".into(),
        version: 4,
        updated_at: now(),
        ..before.item
    };
    assert_eq!(after, expected);
}

#[tokio::test]
async fn some_none_clears_a_field_and_the_history_shows_it_going_to_null() {
    let member = ctx(BuiltinRole::Member);
    let before = state(item(&member), vec![], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    mocks
        .items
        .expect_update()
        .withf(|_, update, _, activity| {
            let description = change(activity, "description");
            let hours = change(activity, "estimatedHours");
            update.item.description.is_none()
                && update.item.estimated_hours.is_none()
                && changed(activity) == ["description", "estimatedHours"]
                && description.is_some_and(|c| c.from == "Tag, build, announce." && c.to.is_null())
                && hours.is_some_and(|c| c.from == json!(4.0) && c.to.is_null())
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let patch = ItemPatch {
        description: Some(None),
        estimated_hours: Some(None),
        // Left alone: `None` keeps the priority.
        priority: None,
        ..ItemPatch::default()
    };
    let after = work(mocks)
        .items
        .update(&member, before.item.id, None, patch)
        .await
        .unwrap();
    assert_eq!(after.description, None);
    assert_eq!(after.estimated_hours, None);
    assert_eq!(after.priority, Priority::High);
}

/// Moves an item in `from` (completed at `completed_at`) to `to`, renaming
/// it so that the change is written even when the status stays; returns
/// the item written.
async fn move_status(
    from: ItemStatus,
    completed_at: Option<DateTime<Utc>>,
    to: ItemStatus,
    title: &str,
) -> Item {
    let member = ctx(BuiltinRole::Member);
    let before = Item {
        status: from,
        completed_at,
        ..item(&member)
    };
    let before = state(before, vec![], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let written = Arc::new(Mutex::new(None));
    let sink = written.clone();
    mocks
        .items
        .expect_update()
        .times(1)
        .returning(move |_, update, _, _| {
            *sink.lock().unwrap() = Some(update.item.clone());
            Ok(())
        });
    let patch = ItemPatch {
        status: Some(to),
        title: Some(title.into()),
        ..ItemPatch::default()
    };
    let returned = work(mocks)
        .items
        .update(&member, before.item.id, None, patch)
        .await
        .unwrap();
    let written = written.lock().unwrap().clone().expect("an update written");
    assert_eq!(returned, written);
    written
}

#[tokio::test]
async fn entering_done_stamps_the_completion() {
    let done = move_status(ItemStatus::InProgress, None, ItemStatus::Done, "Shipped").await;
    assert_eq!(done.status, ItemStatus::Done);
    assert_eq!(done.completed_at, Some(now()));
}

#[tokio::test]
async fn leaving_done_clears_the_completion() {
    let reopened = move_status(
        ItemStatus::Done,
        Some(earlier()),
        ItemStatus::InReview,
        "Shipped",
    )
    .await;
    assert_eq!(reopened.status, ItemStatus::InReview);
    assert_eq!(reopened.completed_at, None);
}

#[tokio::test]
async fn an_edit_of_a_done_item_keeps_when_it_was_completed() {
    let completed = earlier() + Duration::hours(1);
    let edited = move_status(
        ItemStatus::Done,
        Some(completed),
        ItemStatus::Done,
        "Shipped",
    )
    .await;
    assert_eq!(edited.completed_at, Some(completed));
}

#[tokio::test]
async fn a_stale_expected_version_is_refused_with_the_current_one_and_nothing_written() {
    let member = ctx(BuiltinRole::Member);
    let before = state(item(&member), vec![], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let err = work(mocks)
        .items
        .update(&member, before.item.id, Some(2), retitle("Late edit"))
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
async fn a_patch_that_changes_nothing_writes_nothing_and_keeps_the_version() {
    let member = ctx(BuiltinRole::Member);
    let ada = UserId::generate();
    let before = state(item(&member), vec![ada], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let patch = ItemPatch {
        title: Some("  Ship the release ".into()),
        status: Some(ItemStatus::InProgress),
        assignee_ids: Some(vec![ada]),
        tag_ids: Some(vec![]),
        ..ItemPatch::default()
    };
    let after = work(mocks)
        .items
        .update(&member, before.item.id, Some(3), patch)
        .await
        .unwrap();
    assert_eq!(after, before.item);
    assert_eq!(after.version, 3);
}

#[tokio::test]
async fn bad_fields_of_a_patch_are_listed_at_once() {
    let member = ctx(BuiltinRole::Member);
    let before = state(item(&member), vec![], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let patch = ItemPatch {
        title: Some(" ".into()),
        actual_hours: Some(Some(-2.0)),
        description: Some(Some("d".repeat(50_001))),
        ..ItemPatch::default()
    };
    let err = work(mocks)
        .items
        .update(&member, before.item.id, None, patch)
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["title", "description", "actualHours"]);
}

#[tokio::test]
async fn an_item_the_tenant_does_not_have_is_not_found() {
    let member = ctx(BuiltinRole::Member);
    let id = ItemId::generate();
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_find()
        .with(eq(member.tenant_id), eq(id))
        .returning(|_, _| Ok(None));
    let err = work(mocks)
        .items
        .update(&member, id, None, retitle("Anything"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "item" }),
        "{err:?}"
    );
}
