//! Items: what is written reads back with its relations, each change
//! applies only to the version it was computed from, and relations are
//! read a page at a time.

use trellis_kernel::DomainError;
use trellis_work::{ItemId, ItemStatus, Priority};

use super::support::*;
use crate::support::*;

contract!(an_item_reads_back_with_its_assignees_and_tags);
async fn an_item_reads_back_with_its_assignees_and_tags(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let team = add_team(&work, &org, "Platform").await;
    let (bug, ui) = (
        add_tag(&work, &org, "bug").await,
        add_tag(&work, &org, "ui").await,
    );
    let mut item = item(&org, "Fix the login page");
    item.team_id = Some(team.id);
    item.due_date = Some(day("2027-03-01"));
    item.priority = Priority::Urgent;
    item.actual_hours = Some(0.25);
    let state = try_create(
        &work,
        &org,
        item,
        sorted(vec![ada.id, org.owner.id]),
        sorted(vec![bug.id, ui.id]),
    )
    .await
    .unwrap();
    assert_eq!(find(&work, &org, state.item.id).await, Some(state.clone()));
    assert_eq!(
        work.items
            .find_many(org.id(), &[state.item.id, ItemId::generate()])
            .await
            .unwrap(),
        std::slice::from_ref(&state.item)
    );
    assert_eq!(actions(&env, org.id()).await[0], "item.created");

    // A deleted tag is on no item any more.
    work.tags
        .delete(org.id(), ui.id, &audit(org.id(), None, "tag.deleted"))
        .await
        .unwrap();
    let found = find(&work, &org, state.item.id).await.unwrap();
    assert_eq!(found.tag_ids, [bug.id]);
    let tags = work.items.tags(org.id(), &[state.item.id]).await.unwrap();
    assert_eq!(tags, [(state.item.id, bug.clone())]);
}

contract!(an_update_changes_fields_and_sets_and_bumps_the_version);
async fn an_update_changes_fields_and_sets_and_bumps_the_version(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let (bug, ui) = (
        add_tag(&work, &org, "bug").await,
        add_tag(&work, &org, "ui").await,
    );
    let before = try_create(
        &work,
        &org,
        item(&org, "Draft"),
        vec![org.owner.id],
        vec![bug.id],
    )
    .await
    .unwrap();
    let mut after = edited(&before, |item| {
        item.title = "Final".into();
        item.description = None;
        item.status = ItemStatus::Done;
        item.completed_at = Some(now());
        item.estimated_hours = None;
    });
    after.assignee_ids = vec![ada.id];
    after.tag_ids = sorted(vec![bug.id, ui.id]);
    let stored = update(&work, &org, &before, after).await;
    assert_eq!(stored.item.version, 2);
    assert_eq!(
        find(&work, &org, before.item.id).await,
        Some(stored.clone())
    );

    // Computed from version 1 again: refused, naming version 2.
    let late = try_update(
        &work,
        &org,
        org.owner.id,
        &before,
        edited(&before, |i| i.title = "Late".into()),
    )
    .await;
    assert!(
        matches!(
            late,
            Err(DomainError::StaleVersion {
                entity: "item",
                current: 2
            })
        ),
        "{late:?}"
    );
    assert_eq!(
        find(&work, &org, before.item.id).await,
        Some(stored.clone())
    );

    let missing = edited(&stored, |item| item.id = ItemId::generate());
    let err = try_update(
        &work,
        &org,
        org.owner.id,
        &missing,
        edited(&missing, |i| i.title = "x".into()),
    )
    .await;
    assert!(
        matches!(err, Err(DomainError::NotFound { entity: "item" })),
        "{err:?}"
    );
}

contract!(a_delete_applies_only_to_the_version_it_names);
async fn a_delete_applies_only_to_the_version_it_names(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let first = create(&work, &org, item(&org, "Draft")).await;
    let second = update(
        &work,
        &org,
        &first,
        edited(&first, |i| i.title = "Second".into()),
    )
    .await;
    let stale = try_delete(&work, &org, &first.item).await;
    assert!(
        matches!(stale, Err(DomainError::StaleVersion { current: 2, .. })),
        "{stale:?}"
    );
    assert!(find(&work, &org, first.item.id).await.is_some());

    assert_eq!(try_delete(&work, &org, &second.item).await.unwrap(), []);
    assert!(find(&work, &org, first.item.id).await.is_none());
    let again = try_delete(&work, &org, &second.item).await;
    assert!(
        matches!(again, Err(DomainError::NotFound { entity: "item" })),
        "{again:?}"
    );
    let gone = try_update(
        &work,
        &org,
        org.owner.id,
        &second,
        edited(&second, |i| i.title = "x".into()),
    )
    .await;
    assert!(
        matches!(gone, Err(DomainError::NotFound { entity: "item" })),
        "{gone:?}"
    );
}

contract!(relations_of_a_page_are_read_for_all_its_items_at_once);
async fn relations_of_a_page_are_read_for_all_its_items_at_once(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let (bug, api) = (
        add_tag(&work, &org, "bug").await,
        add_tag(&work, &org, "API").await,
    );
    let one = try_create(
        &work,
        &org,
        item(&org, "One"),
        vec![ada.id],
        vec![bug.id, api.id],
    )
    .await
    .unwrap();
    let two = try_create(
        &work,
        &org,
        item(&org, "Two"),
        sorted(vec![ada.id, org.owner.id]),
        vec![],
    )
    .await
    .unwrap();
    let bare = create(&work, &org, item(&org, "Bare")).await;
    let ids = [one.item.id, two.item.id, bare.item.id];

    let assignees = work.items.assignees(org.id(), &ids).await.unwrap();
    let mut expected = vec![(one.item.id, ada.id)];
    expected.extend(two.assignee_ids.iter().map(|u| (two.item.id, *u)));
    assert_eq!(assignees, expected);
    let tags = work.items.tags(org.id(), &ids).await.unwrap();
    // By name, ignoring case.
    assert_eq!(
        tags,
        [(one.item.id, api.clone()), (one.item.id, bug.clone())]
    );
    assert!(
        work.items
            .assignees(org.id(), &[])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(work.items.tags(org.id(), &[]).await.unwrap().is_empty());
}

contract!(an_item_cannot_name_another_tenants_team_or_tag);
async fn an_item_cannot_name_another_tenants_team_or_tag(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let team = add_team(&work, &globex, "Theirs").await;
    let tag = add_tag(&work, &globex, "theirs").await;

    let mut with_team = item(&acme, "Mine");
    with_team.team_id = Some(team.id);
    let err = try_create(&work, &acme, with_team, vec![], vec![])
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Validation(_)), "{err:?}");
    let err = try_create(&work, &acme, item(&acme, "Mine"), vec![], vec![tag.id])
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Validation(_)), "{err:?}");
    let theirs = create(&work, &globex, item(&globex, "Theirs")).await;
    let err = try_create(
        &work,
        &acme,
        subtask(&acme, "Mine", theirs.item.id),
        vec![],
        vec![],
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("parentId"), "{err}");
    let ok = work
        .items
        .list(acme.id(), &Default::default(), &page_of(10))
        .await
        .unwrap();
    assert!(ok.items.is_empty(), "nothing was written: {ok:?}");
}
