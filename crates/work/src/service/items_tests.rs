//! Creating items: who may change items at all, the defaults of a new
//! one, and the checks of its own fields.

use trellis_kernel::{BuiltinRole, DomainError, UserId};

use super::tests_support::*;
use super::{CreateItem, ItemPatch};
use crate::item::{ItemId, ItemStatus, Priority};

#[tokio::test]
async fn a_viewer_cannot_create_change_or_delete_items_and_nothing_is_touched() {
    let viewer = ctx(BuiltinRole::Viewer);
    let work = work(WorkMocks::default());
    let id = ItemId::generate();
    let user = UserId::generate();

    let err = work
        .items
        .create(&viewer, new_item("Plan"))
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.create");
    let patch = ItemPatch {
        title: Some("Plan".into()),
        ..ItemPatch::default()
    };
    let err = work
        .items
        .update(&viewer, id, None, patch)
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.update");
    let err = work
        .items
        .assign(&viewer, id, user, None)
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.update");
    let err = work
        .items
        .unassign(&viewer, id, user, None)
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.update");
    let err = work.items.delete(&viewer, id, None).await.unwrap_err();
    assert_forbidden(&err, "items.delete");
    let err = work.items.restore(&viewer, id).await.unwrap_err();
    assert_forbidden(&err, "items.delete");
}

#[tokio::test]
async fn a_member_creates_a_todo_of_medium_priority_on_version_one() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_create()
        .withf(move |t, state, _, _| *t == tenant && state.item.tenant_id == tenant)
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let item = work(mocks)
        .items
        .create(&member, new_item("Plan the launch"))
        .await
        .unwrap();
    assert_eq!(item.status, ItemStatus::Todo);
    assert_eq!(item.priority, Priority::Medium);
    assert_eq!(item.version, 1);
    assert_eq!(item.created_by, member.user_id());
    assert_eq!((item.created_at, item.updated_at), (now(), now()));
    assert_eq!(item.completed_at, None);
    assert_eq!(item.description, None);
}

#[tokio::test]
async fn an_item_created_done_is_completed_at_creation() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_create()
        .withf(|_, state, _, _| state.item.completed_at == Some(now()))
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let input = CreateItem {
        status: Some(ItemStatus::Done),
        ..new_item("Already shipped")
    };
    let item = work(mocks).items.create(&member, input).await.unwrap();
    assert_eq!(item.status, ItemStatus::Done);
    assert_eq!(item.completed_at, Some(now()));
}

#[tokio::test]
async fn the_title_is_trimmed_and_may_be_two_hundred_characters() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_create()
        .times(2)
        .returning(|_, _, _, _| Ok(()));
    let work = work(mocks);
    let trimmed = work
        .items
        .create(&member, new_item("  Plan it \n"))
        .await
        .unwrap();
    assert_eq!(trimmed.title, "Plan it");
    let longest = "x".repeat(200);
    let item = work
        .items
        .create(&member, new_item(&longest))
        .await
        .unwrap();
    assert_eq!(item.title, longest);
}

#[tokio::test]
async fn a_blank_or_overlong_title_is_refused_and_nothing_is_written() {
    let member = ctx(BuiltinRole::Member);
    let work = work(WorkMocks::default());
    let blank = work
        .items
        .create(&member, new_item(" \t "))
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(blank),
        [("title".to_owned(), "must not be empty".to_owned())]
    );
    let long = work
        .items
        .create(&member, new_item(&"x".repeat(201)))
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(long),
        [(
            "title".to_owned(),
            "must be at most 200 characters".to_owned()
        )]
    );
}

#[tokio::test]
async fn a_description_over_fifty_thousand_characters_is_refused() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_create()
        .withf(|_, state, _, _| state.item.description.as_ref().map(String::len) == Some(50_000))
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let work = work(mocks);
    let too_long = CreateItem {
        description: Some("d".repeat(50_001)),
        ..new_item("Write it up")
    };
    let err = work.items.create(&member, too_long).await.unwrap_err();
    assert_eq!(fields(err), ["description"]);
    let longest = CreateItem {
        description: Some("d".repeat(50_000)),
        ..new_item("Write it up")
    };
    work.items.create(&member, longest).await.unwrap();
}

#[tokio::test]
async fn negative_or_not_a_number_hours_are_refused_on_their_field() {
    let member = ctx(BuiltinRole::Member);
    let work = work(WorkMocks::default());
    for (estimated, actual, field) in [
        (Some(-0.5), None, "estimatedHours"),
        (Some(f64::NAN), None, "estimatedHours"),
        (None, Some(-1.0), "actualHours"),
        (None, Some(f64::NAN), "actualHours"),
        (None, Some(f64::INFINITY), "actualHours"),
    ] {
        let input = CreateItem {
            estimated_hours: estimated,
            actual_hours: actual,
            ..new_item("Estimate")
        };
        let err = work.items.create(&member, input).await.unwrap_err();
        assert_eq!(
            field_errors(err),
            [(
                field.to_owned(),
                "must be a number of hours of 0 or more".to_owned()
            )],
            "{estimated:?} {actual:?}"
        );
    }
}

#[tokio::test]
async fn every_bad_field_is_listed_at_once() {
    let member = ctx(BuiltinRole::Member);
    let input = CreateItem {
        description: Some("d".repeat(50_001)),
        estimated_hours: Some(-3.0),
        actual_hours: Some(f64::NAN),
        ..new_item("")
    };
    let err = work(WorkMocks::default())
        .items
        .create(&member, input)
        .await
        .unwrap_err();
    assert_eq!(
        fields(err),
        ["title", "description", "estimatedHours", "actualHours"]
    );
}

#[tokio::test]
async fn a_refused_write_is_reported_as_the_store_said() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_create()
        .times(1)
        .returning(|_, _, _, _| {
            Err(DomainError::LimitExceeded {
                limit: "items",
                max: 100,
            })
        });
    let err = work(mocks)
        .items
        .create(&member, new_item("One too many"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::LimitExceeded {
                limit: "items",
                max: 100
            }
        ),
        "{err:?}"
    );
}
