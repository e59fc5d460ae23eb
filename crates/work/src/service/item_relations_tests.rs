//! An item's assignees, tags and team as a change touches them: only what
//! it adds is looked up, and the history lists what came and went;
//! assigning and unassigning one person.

use mockall::predicate::eq;
use serde_json::{Value, json};
use trellis_kernel::{BuiltinRole, DomainError, UserId};

use super::ItemPatch;
use super::tests_support::*;
use crate::item::Item;
use crate::ports::SetChange;
use crate::team::TeamId;

#[tokio::test]
async fn new_assignees_and_tags_are_checked_and_the_history_lists_them_added_and_removed() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let (ada, bob, cy) = (UserId::generate(), UserId::generate(), UserId::generate());
    let kept = tag(tenant, "kept");
    let added = tag(tenant, "added");
    let (kept_id, added_id) = (kept.id, added.id);
    let before = state(item(&member), vec![ada, bob], vec![kept_id]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    // Only the newcomers are looked up.
    mocks
        .members
        .expect_members_among()
        .with(eq(tenant), eq(vec![cy]))
        .times(1)
        .returning(move |_, _| Ok(vec![cy]));
    mocks
        .tags
        .expect_find_many()
        .with(eq(tenant), eq(vec![added_id]))
        .times(1)
        .returning(move |_, _| Ok(vec![added.clone()]));
    let (cy_text, ada_text, added_text) = (strings(&[cy]), strings(&[ada]), strings(&[added_id]));
    mocks
        .items
        .expect_update()
        .withf(move |_, update, audit, activity| {
            let people = change(activity, "assigneeIds");
            let labels = change(activity, "tagIds");
            update.assignees
                == SetChange {
                    added: vec![cy],
                    removed: vec![ada],
                }
                && update.tags
                    == SetChange {
                        added: vec![added_id],
                        removed: vec![],
                    }
                && update.item.version == 4
                && audit
                    .after
                    .as_ref()
                    .is_some_and(|a| a["assigneeIds"] == json!([bob, cy]))
                && changed(activity) == ["assigneeIds", "tagIds"]
                && people.is_some_and(|c| {
                    c.added == cy_text && c.removed == ada_text && c.from == Value::Null
                })
                && labels.is_some_and(|c| c.added == added_text && c.removed.is_empty())
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let patch = ItemPatch {
        assignee_ids: Some(vec![bob, cy]),
        tag_ids: Some(vec![kept_id, added_id]),
        ..ItemPatch::default()
    };
    work(mocks)
        .items
        .update(&member, before.item.id, Some(3), patch)
        .await
        .unwrap();
}

#[tokio::test]
async fn an_assignee_who_left_the_tenant_does_not_block_an_edit() {
    let member = ctx(BuiltinRole::Member);
    let gone = UserId::generate();
    let before = state(item(&member), vec![gone], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    // No membership lookup is expected: the title edit names no one new.
    mocks
        .items
        .expect_update()
        .withf(move |_, update, _, _| {
            update.item.title == "Ship 1.0" && update.assignees.is_empty()
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    work(mocks)
        .items
        .update(&member, before.item.id, None, retitle("Ship 1.0"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_new_assignee_who_is_not_a_member_is_named_by_position_and_nothing_written() {
    let member = ctx(BuiltinRole::Member);
    let (gone, stranger) = (UserId::generate(), UserId::generate());
    let before = state(item(&member), vec![gone], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    mocks
        .members
        .expect_members_among()
        .with(eq(member.tenant_id), eq(vec![stranger]))
        .returning(|_, _| Ok(Vec::new()));
    let patch = ItemPatch {
        assignee_ids: Some(vec![gone, stranger]),
        ..ItemPatch::default()
    };
    let err = work(mocks)
        .items
        .update(&member, before.item.id, None, patch)
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["assigneeIds[1]"]);
}

#[tokio::test]
async fn only_a_new_team_is_looked_up() {
    let member = ctx(BuiltinRole::Member);
    // The item's team has been deleted since: keeping it must not fail.
    let kept = TeamId::generate();
    let before = state(
        Item {
            team_id: Some(kept),
            ..item(&member)
        },
        vec![],
        vec![],
    );
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let unknown = TeamId::generate();
    mocks
        .teams
        .expect_find_many()
        .with(eq(member.tenant_id), eq(vec![unknown]))
        .times(1)
        .returning(|_, _| Ok(Vec::new()));
    mocks
        .items
        .expect_update()
        .withf(move |_, update, _, activity| {
            update.item.team_id == Some(kept) && changed(activity) == ["title"]
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let work = work(mocks);
    let id = before.item.id;
    let keep = ItemPatch {
        team_id: Some(Some(kept)),
        ..retitle("Ship 1.0")
    };
    work.items.update(&member, id, None, keep).await.unwrap();
    let change_team = ItemPatch {
        team_id: Some(Some(unknown)),
        ..ItemPatch::default()
    };
    let err = work
        .items
        .update(&member, id, None, change_team)
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "teamId".to_owned(),
            "names no team of this tenant".to_owned()
        )]
    );
}

#[tokio::test]
async fn assign_adds_a_member_of_the_tenant() {
    let member = ctx(BuiltinRole::Member);
    let (ada, bob) = (UserId::generate(), UserId::generate());
    let before = state(item(&member), vec![ada], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    mocks
        .members
        .expect_members_among()
        .with(eq(member.tenant_id), eq(vec![bob]))
        // Once: the update does not look the new assignee up again.
        .times(1)
        .returning(move |_, _| Ok(vec![bob]));
    let bob_text = strings(&[bob]);
    mocks
        .items
        .expect_update()
        .withf(move |_, update, _, activity| {
            update.assignees.added == [bob]
                && update.assignees.removed.is_empty()
                && update.previous_version == 3
                && change(activity, "assigneeIds").is_some_and(|c| c.added == bob_text)
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let after = work(mocks)
        .items
        .assign(&member, before.item.id, bob, Some(3))
        .await
        .unwrap();
    assert_eq!(after.version, 4);
}

#[tokio::test]
async fn assigning_someone_outside_the_tenant_is_refused_on_user_id() {
    let member = ctx(BuiltinRole::Member);
    let stranger = UserId::generate();
    let before = state(item(&member), vec![], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    mocks
        .members
        .expect_members_among()
        .returning(|_, _| Ok(Vec::new()));
    let err = work(mocks)
        .items
        .assign(&member, before.item.id, stranger, None)
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "userId".to_owned(),
            "is not a member of this tenant".to_owned()
        )]
    );
}

#[tokio::test]
async fn assigning_someone_already_assigned_writes_nothing() {
    let member = ctx(BuiltinRole::Member);
    let ada = UserId::generate();
    let before = state(item(&member), vec![ada], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let after = work(mocks)
        .items
        .assign(&member, before.item.id, ada, None)
        .await
        .unwrap();
    assert_eq!(after.version, 3);
}

#[tokio::test]
async fn unassign_removes_the_assignee_and_removing_a_stranger_writes_nothing() {
    let member = ctx(BuiltinRole::Member);
    let (ada, bob) = (UserId::generate(), UserId::generate());
    let before = state(item(&member), vec![ada, bob], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    mocks
        .items
        .expect_update()
        .withf(move |_, update, _, _| {
            update.assignees
                == SetChange {
                    added: vec![],
                    removed: vec![ada],
                }
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let work = work(mocks);
    let id = before.item.id;
    let after = work
        .items
        .unassign(&member, id, ada, Some(3))
        .await
        .unwrap();
    assert_eq!(after.version, 4);
    let unchanged = work
        .items
        .unassign(&member, id, UserId::generate(), None)
        .await
        .unwrap();
    assert_eq!(unchanged.version, 3);
}

#[tokio::test]
async fn assign_and_unassign_check_the_expected_version() {
    let member = ctx(BuiltinRole::Member);
    let before = state(item(&member), vec![], vec![]);
    let mut mocks = WorkMocks::default();
    expect_find(&mut mocks, &member, &before);
    let work = work(mocks);
    let id = before.item.id;
    let user = UserId::generate();
    for err in [
        work.items
            .assign(&member, id, user, Some(1))
            .await
            .unwrap_err(),
        work.items
            .unassign(&member, id, user, Some(1))
            .await
            .unwrap_err(),
    ] {
        assert!(
            matches!(err, DomainError::StaleVersion { current: 3, .. }),
            "{err:?}"
        );
    }
}
