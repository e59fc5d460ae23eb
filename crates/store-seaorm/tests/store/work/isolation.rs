//! Another tenant's ids, through every Work port: reads find nothing,
//! writes are `NotFound` and change nothing.

use trellis_kernel::{DomainError, PageRequest};
use trellis_work::activity::ActivityFilter;
use trellis_work::item::MAX_DEPTH;
use trellis_work::{ItemFilter, Tag, Team};

use super::support::*;
use crate::support::*;

fn not_found<T: std::fmt::Debug>(result: Result<T, DomainError>, entity: &str) {
    assert!(
        matches!(&result, Err(DomainError::NotFound { entity: e }) if *e == entity),
        "{entity}: {result:?}"
    );
}

contract!(another_tenant_reads_none_of_the_work_rows);
async fn another_tenant_reads_none_of_the_work_rows(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let team = add_team(&work, &acme, "Platform").await;
    work.teams
        .add_member(
            acme.id(),
            team.id,
            acme.owner.id,
            &audit(acme.id(), None, "team.member_added"),
        )
        .await
        .unwrap();
    let tag = add_tag(&work, &acme, "bug").await;
    let parent = try_create(
        &work,
        &acme,
        item(&acme, "parent"),
        vec![acme.owner.id],
        vec![tag.id],
    )
    .await
    .unwrap();
    let child = create(&work, &acme, subtask(&acme, "child", parent.item.id)).await;
    let (b, ids) = (globex.id(), [parent.item.id, child.item.id]);

    assert_eq!(work.teams.find(b, team.id).await.unwrap(), None);
    assert!(
        work.teams
            .find_many(b, &[team.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        work.teams
            .list(b, PageRequest::first(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert!(work.teams.members(b, &[team.id]).await.unwrap().is_empty());
    assert_eq!(work.tags.find(b, tag.id).await.unwrap(), None);
    assert!(work.tags.find_many(b, &[tag.id]).await.unwrap().is_empty());
    assert!(
        work.tags
            .list(b, PageRequest::first(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(work.items.find(b, parent.item.id).await.unwrap(), None);
    assert!(work.items.find_many(b, &ids).await.unwrap().is_empty());
    assert!(work.items.assignees(b, &ids).await.unwrap().is_empty());
    assert!(work.items.tags(b, &ids).await.unwrap().is_empty());
    let progress = work.items.progress(b, &[parent.item.id]).await.unwrap();
    assert_eq!(progress, [(parent.item.id, Default::default())]);
    let filter = ItemFilter {
        parent_id: Some(parent.item.id),
        ..Default::default()
    };
    assert!(
        work.items
            .list(b, &filter, &page_of(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert!(
        work.items
            .list(b, &Default::default(), &page_of(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert!(
        work.items
            .ancestors(b, child.item.id, MAX_DEPTH)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        work.items
            .subtree_height(b, parent.item.id, MAX_DEPTH)
            .await
            .unwrap(),
        0
    );
    let history = work
        .activity
        .list(b, &ActivityFilter::default(), PageRequest::first(10))
        .await;
    assert!(history.unwrap().items.is_empty());
    let of_item = ActivityFilter {
        item_id: Some(parent.item.id),
        ..Default::default()
    };
    assert!(
        work.activity
            .list(b, &of_item, PageRequest::first(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert!(
        work.members
            .members_among(b, &[acme.owner.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        work.members
            .people(b, &[acme.owner.id])
            .await
            .unwrap()
            .is_empty()
    );
}

contract!(another_tenants_writes_on_the_work_rows_are_not_found_and_change_nothing);
async fn another_tenants_writes_on_the_work_rows_are_not_found_and_change_nothing(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let team = add_team(&work, &acme, "Platform").await;
    let gone = add_team(&work, &acme, "Gone").await;
    work.teams
        .delete(acme.id(), gone.id, &audit(acme.id(), None, "team.deleted"))
        .await
        .unwrap();
    let tag = add_tag(&work, &acme, "bug").await;
    let state = create(&work, &acme, item(&acme, "mine")).await;
    let deleted = create(&work, &acme, item(&acme, "deleted")).await;
    try_delete(&work, &acme, &deleted.item).await.unwrap();
    let b = globex.id();
    let entry = || audit(b, Some(globex.owner.id), "attempt");
    let before = actions(&env, acme.id()).await;

    // Their own tenant's copies of acme's rows, written in globex.
    let team_b = Team {
        tenant_id: b,
        name: "Hijacked".into(),
        ..team.clone()
    };
    not_found(work.teams.update(b, &team_b, &entry()).await, "team");
    not_found(work.teams.delete(b, team.id, &entry()).await, "team");
    not_found(
        work.teams
            .restore(b, gone.id, &restoring(b, "attempt"))
            .await,
        "team",
    );
    not_found(
        work.teams
            .add_member(b, team.id, globex.owner.id, &entry())
            .await,
        "team",
    );
    not_found(
        work.teams
            .remove_member(b, team.id, acme.owner.id, &entry())
            .await,
        "team",
    );
    let tag_b = Tag {
        tenant_id: b,
        name: "hijacked".into(),
        ..tag.clone()
    };
    not_found(work.tags.update(b, &tag_b, &entry()).await, "tag");
    not_found(work.tags.delete(b, tag.id, &entry()).await, "tag");

    let as_globex = |org: &Org, state: &trellis_work::item::ItemState| {
        let mut copy = state.clone();
        copy.item.tenant_id = org.id();
        copy
    };
    let theirs = as_globex(&globex, &state);
    let err = try_update(
        &work,
        &globex,
        globex.owner.id,
        &theirs,
        edited(&theirs, |i| i.title = "x".into()),
    )
    .await;
    not_found(err, "item");
    not_found(try_delete(&work, &globex, &theirs.item).await, "item");
    not_found(
        try_restore(&work, &globex, &as_globex(&globex, &deleted).item).await,
        "item",
    );

    assert_eq!(
        work.teams.find(acme.id(), team.id).await.unwrap(),
        Some(team)
    );
    assert_eq!(work.teams.find(acme.id(), gone.id).await.unwrap(), None);
    assert_eq!(work.tags.find(acme.id(), tag.id).await.unwrap(), Some(tag));
    assert_eq!(find(&work, &acme, state.item.id).await, Some(state));
    assert_eq!(find(&work, &acme, deleted.item.id).await, None);
    assert_eq!(actions(&env, acme.id()).await, before);
    let history = work
        .activity
        .list(b, &ActivityFilter::default(), PageRequest::first(10))
        .await;
    assert!(history.unwrap().items.is_empty());
}
