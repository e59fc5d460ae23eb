//! The ids inside a new item: each must name a live object of the
//! caller's tenant, repeats collapse, and what the audit log and the
//! history receive of them.

use mockall::predicate::eq;
use serde_json::{Value, json};
use trellis_kernel::{BuiltinRole, UserId};

use super::CreateItem;
use super::tests_support::*;
use crate::activity::ActivityAction;
use crate::item::ItemId;
use crate::tag::TagId;
use crate::team::TeamId;

#[tokio::test]
async fn repeated_assignees_and_tags_are_kept_once_in_the_order_given() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let (ada, bob) = (UserId::generate(), UserId::generate());
    let urgent = tag(tenant, "urgent");
    let urgent_id = urgent.id;
    let mut mocks = WorkMocks::default();
    mocks
        .members
        .expect_members_among()
        .withf(move |t, _| *t == tenant)
        .returning(move |_, _| Ok(vec![ada, bob]));
    mocks
        .tags
        .expect_find_many()
        .withf(move |t, _| *t == tenant)
        .returning(move |_, _| Ok(vec![urgent.clone()]));
    mocks
        .items
        .expect_create()
        .withf(move |_, state, _, _| {
            state.assignee_ids == [bob, ada] && state.tag_ids == [urgent_id]
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let input = CreateItem {
        assignee_ids: vec![bob, ada, bob, ada],
        tag_ids: vec![urgent_id, urgent_id],
        ..new_item("Pair on it")
    };
    work(mocks).items.create(&member, input).await.unwrap();
}

#[tokio::test]
async fn an_assignee_who_is_not_a_member_is_named_by_position() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let (ada, stranger, bob) = (UserId::generate(), UserId::generate(), UserId::generate());
    let mut mocks = WorkMocks::default();
    mocks
        .members
        .expect_members_among()
        .with(eq(tenant), eq(vec![ada, stranger, bob]))
        .times(1)
        .returning(move |_, _| Ok(vec![bob, ada]));
    let input = CreateItem {
        assignee_ids: vec![ada, stranger, bob],
        ..new_item("Pair on it")
    };
    let err = work(mocks).items.create(&member, input).await.unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "assigneeIds[1]".to_owned(),
            "is not a member of this tenant".to_owned()
        )]
    );
}

/// Mocks whose stores hold nothing for the caller's tenant: every team,
/// tag, item and member looked up there is absent.
fn nothing_found(tenant: trellis_kernel::TenantId) -> WorkMocks {
    let mut mocks = WorkMocks::default();
    mocks
        .teams
        .expect_find_many()
        .withf(move |t, _| *t == tenant)
        .returning(|_, _| Ok(Vec::new()));
    mocks
        .members
        .expect_members_among()
        .withf(move |t, _| *t == tenant)
        .returning(|_, _| Ok(Vec::new()));
    mocks
        .tags
        .expect_find_many()
        .withf(move |t, _| *t == tenant)
        .returning(|_, _| Ok(Vec::new()));
    mocks
        .items
        .expect_find_many()
        .withf(move |t, _| *t == tenant)
        .returning(|_, _| Ok(Vec::new()));
    mocks
}

#[tokio::test]
async fn an_unknown_team_tag_or_parent_is_named_on_its_field_and_nothing_is_written() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let known = tag(tenant, "backend");
    let known_id = known.id;
    let mut mocks = WorkMocks::default();
    mocks
        .teams
        .expect_find_many()
        .withf(move |t, _| *t == tenant)
        .returning(|_, _| Ok(Vec::new()));
    mocks
        .tags
        .expect_find_many()
        .withf(move |t, _| *t == tenant)
        .returning(move |_, _| Ok(vec![known.clone()]));
    mocks
        .items
        .expect_find_many()
        .withf(move |t, _| *t == tenant)
        .returning(|_, _| Ok(Vec::new()));
    let input = CreateItem {
        team_id: Some(TeamId::generate()),
        tag_ids: vec![known_id, TagId::generate()],
        parent_id: Some(ItemId::generate()),
        ..new_item("Orphan")
    };
    let err = work(mocks).items.create(&member, input).await.unwrap_err();
    assert_eq!(
        field_errors(err),
        [
            (
                "teamId".to_owned(),
                "names no team of this tenant".to_owned()
            ),
            (
                "tagIds[1]".to_owned(),
                "names no tag of this tenant".to_owned()
            ),
            (
                "parentId".to_owned(),
                "names no item of this tenant".to_owned()
            ),
        ]
    );
}

#[tokio::test]
async fn ids_of_another_tenant_are_refused_in_the_words_of_ids_that_exist_nowhere() {
    let member = ctx(BuiltinRole::Member);
    let other = ctx(BuiltinRole::Owner);
    // Real objects of the other tenant: the store, asked in the caller's
    // tenant, leaves them out as it leaves out ids nobody has.
    let theirs = CreateItem {
        team_id: Some(team(other.tenant_id, "Ops").id),
        assignee_ids: vec![other.user_id()],
        tag_ids: vec![tag(other.tenant_id, "ops").id],
        parent_id: Some(item(&other).id),
        ..new_item("Borrowed")
    };
    let nobodys = CreateItem {
        team_id: Some(TeamId::generate()),
        assignee_ids: vec![UserId::generate()],
        tag_ids: vec![TagId::generate()],
        parent_id: Some(ItemId::generate()),
        ..new_item("Invented")
    };
    let work = work(nothing_found(member.tenant_id));
    let theirs = work.items.create(&member, theirs).await.unwrap_err();
    let nobodys = work.items.create(&member, nobodys).await.unwrap_err();
    let theirs = field_errors(theirs);
    assert_eq!(theirs.len(), 4, "{theirs:?}");
    assert_eq!(theirs, field_errors(nobodys));
}

#[tokio::test]
async fn a_creation_is_audited_and_its_history_lists_each_set_field_from_null() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let caller = member.user_id();
    let (ada, bob) = (UserId::generate(), UserId::generate());
    let ops = team(tenant, "Ops");
    let team_id = ops.id;
    let (one, two) = (tag(tenant, "one"), tag(tenant, "two"));
    let tag_ids = vec![two.id, one.id];
    let mut mocks = WorkMocks::default();
    mocks
        .teams
        .expect_find_many()
        .with(eq(tenant), eq(vec![team_id]))
        .returning(move |_, _| Ok(vec![ops.clone()]));
    mocks
        .members
        .expect_members_among()
        .returning(move |_, _| Ok(vec![ada, bob]));
    let found = vec![one, two];
    mocks
        .tags
        .expect_find_many()
        .returning(move |_, _| Ok(found.clone()));
    let (assignees, tags) = (strings(&[ada, bob]), strings(&tag_ids));
    mocks
        .items
        .expect_create()
        .withf(move |t, state, audit, activity| {
            let id = state.item.id;
            let title = change(activity, "title");
            let hours = change(activity, "estimatedHours");
            let people = change(activity, "assigneeIds");
            let labels = change(activity, "tagIds");
            *t == tenant
                && audit.tenant_id == tenant
                && audit.action == "item.created"
                && audit.entity_type == "item"
                && audit.entity_id == id.to_string()
                && audit.actor_id == Some(caller)
                && audit.before.is_none()
                && audit.after.as_ref().is_some_and(|after| {
                    after["title"] == "Release"
                        && after["assigneeIds"].as_array().map(Vec::len) == Some(2)
                })
                && activity.action == ActivityAction::Created
                && activity.item_id == id
                && activity.tenant_id == tenant
                && activity.actor_id == Some(caller)
                && activity.at == now()
                && changed(activity)
                    == [
                        "title",
                        "status",
                        "priority",
                        "estimatedHours",
                        "teamId",
                        "assigneeIds",
                        "tagIds",
                    ]
                && title.is_some_and(|c| c.from == Value::Null && c.to == "Release")
                && hours.is_some_and(|c| c.from == Value::Null && c.to == json!(2.5))
                && people.is_some_and(|c| c.added == assignees && c.removed.is_empty())
                && labels.is_some_and(|c| c.added == tags && c.removed.is_empty())
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let input = CreateItem {
        estimated_hours: Some(2.5),
        team_id: Some(team_id),
        assignee_ids: vec![ada, bob],
        tag_ids: tag_ids.clone(),
        ..new_item("Release")
    };
    let item = work(mocks).items.create(&member, input).await.unwrap();
    assert_eq!(item.team_id, Some(team_id));
}
