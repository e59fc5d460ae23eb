//! Every filter of the item list, alone and together.

use trellis_work::{ItemFilter, ItemId, ItemStatus, Priority, TagMatch, WorkPorts};

use super::support::*;
use crate::support::*;

async fn ids(work: &WorkPorts, org: &Org, filter: ItemFilter) -> Vec<ItemId> {
    let page = work
        .items
        .list(org.id(), &filter, &page_of(100))
        .await
        .unwrap();
    assert!(!page.has_next_page);
    sorted(page.items.into_iter().map(|i| i.id).collect())
}

contract!(every_filter_narrows_the_list);
async fn every_filter_narrows_the_list(env: Env) {
    // alpha: TODO, MEDIUM, due 2027-01-10, in the team, assigned to ada,
    // tagged bug, ui and a tag deleted since. beta: DONE, HIGH, due
    // 2027-01-05, alpha's subtask, created by ada, assigned to the owner,
    // tagged bug. gamma: IN_PROGRESS, URGENT, due 2027-01-20, tagged ui.
    // delta: ARCHIVED, LOW, undated. And a deleted item, in no list.
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await.id;
    let team = add_team(&work, &org, "Platform").await;
    let (bug, ui) = (
        add_tag(&work, &org, "bug").await,
        add_tag(&work, &org, "ui").await,
    );
    let gone = add_tag(&work, &org, "gone").await;

    let mut alpha = item(&org, "alpha");
    alpha.due_date = Some(day("2027-01-10"));
    alpha.team_id = Some(team.id);
    let alpha = try_create(&work, &org, alpha, vec![ada], vec![bug.id, ui.id, gone.id])
        .await
        .unwrap();
    let mut beta = subtask(&org, "beta", alpha.item.id);
    beta.status = ItemStatus::Done;
    beta.priority = Priority::High;
    beta.due_date = Some(day("2027-01-05"));
    beta.created_by = ada;
    let beta = try_create(&work, &org, beta, vec![org.owner.id], vec![bug.id])
        .await
        .unwrap();
    let mut gamma = item(&org, "gamma");
    gamma.status = ItemStatus::InProgress;
    gamma.priority = Priority::Urgent;
    gamma.due_date = Some(day("2027-01-20"));
    let gamma = try_create(&work, &org, gamma, vec![], vec![ui.id])
        .await
        .unwrap();
    let mut delta = item(&org, "delta");
    delta.status = ItemStatus::Archived;
    delta.priority = Priority::Low;
    let delta = create(&work, &org, delta).await;
    work.tags
        .delete(org.id(), gone.id, &audit(org.id(), None, "tag.deleted"))
        .await
        .unwrap();
    let deleted = create(&work, &org, item(&org, "deleted")).await;
    try_delete(&work, &org, &deleted.item).await.unwrap();
    let (a, b, g, d) = (alpha.item.id, beta.item.id, gamma.item.id, delta.item.id);
    let check = |filter: ItemFilter, expected: Vec<ItemId>| {
        let work = work.clone();
        let org = &org;
        async move {
            let label = format!("{filter:?}");
            assert_eq!(ids(&work, org, filter).await, sorted(expected), "{label}");
        }
    };

    check(ItemFilter::default(), vec![a, b, g, d]).await;
    check(
        ItemFilter {
            status: Some(vec![ItemStatus::Todo, ItemStatus::Done]),
            ..Default::default()
        },
        vec![a, b],
    )
    .await;
    check(
        ItemFilter {
            status: Some(vec![]),
            ..Default::default()
        },
        vec![],
    )
    .await;
    check(
        ItemFilter {
            priority: Some(vec![Priority::Urgent, Priority::Low]),
            ..Default::default()
        },
        vec![g, d],
    )
    .await;
    check(
        ItemFilter {
            assignee_id: Some(ada),
            ..Default::default()
        },
        vec![a],
    )
    .await;
    check(
        ItemFilter {
            assignee_id: Some(org.owner.id),
            ..Default::default()
        },
        vec![b],
    )
    .await;
    check(
        ItemFilter {
            unassigned: true,
            ..Default::default()
        },
        vec![g, d],
    )
    .await;
    check(
        ItemFilter {
            team_id: Some(team.id),
            ..Default::default()
        },
        vec![a],
    )
    .await;
    check(
        ItemFilter {
            tag_ids: vec![bug.id],
            ..Default::default()
        },
        vec![a, b],
    )
    .await;
    check(
        ItemFilter {
            tag_ids: vec![bug.id, ui.id, bug.id],
            ..Default::default()
        },
        vec![a],
    )
    .await;
    check(
        ItemFilter {
            tag_ids: vec![bug.id, ui.id],
            tag_match: TagMatch::Any,
            ..Default::default()
        },
        vec![a, b, g],
    )
    .await;
    // A deleted tag is on no item.
    check(
        ItemFilter {
            tag_ids: vec![gone.id],
            ..Default::default()
        },
        vec![],
    )
    .await;
    check(
        ItemFilter {
            tag_ids: vec![gone.id],
            tag_match: TagMatch::Any,
            ..Default::default()
        },
        vec![],
    )
    .await;
    check(
        ItemFilter {
            parent_id: Some(a),
            ..Default::default()
        },
        vec![b],
    )
    .await;
    check(
        ItemFilter {
            top_level_only: true,
            ..Default::default()
        },
        vec![a, g, d],
    )
    .await;
    check(
        ItemFilter {
            due_before: Some(day("2027-01-10")),
            ..Default::default()
        },
        vec![b],
    )
    .await;
    check(
        ItemFilter {
            due_after: Some(day("2027-01-10")),
            ..Default::default()
        },
        vec![g],
    )
    .await;
    check(
        ItemFilter {
            due_after: Some(day("2027-01-01")),
            due_before: Some(day("2027-01-15")),
            ..Default::default()
        },
        vec![a, b],
    )
    .await;
    // Beta is DONE and delta has no due date: neither is overdue.
    check(
        ItemFilter {
            overdue_on: Some(day("2027-01-15")),
            ..Default::default()
        },
        vec![a],
    )
    .await;
    check(
        ItemFilter {
            overdue_on: Some(day("2027-02-01")),
            ..Default::default()
        },
        vec![a, g],
    )
    .await;
    check(
        ItemFilter {
            created_by: Some(ada),
            ..Default::default()
        },
        vec![b],
    )
    .await;
    check(
        ItemFilter {
            status: Some(vec![ItemStatus::Todo, ItemStatus::InProgress]),
            tag_ids: vec![ui.id],
            top_level_only: true,
            unassigned: true,
            ..Default::default()
        },
        vec![g],
    )
    .await;
}
