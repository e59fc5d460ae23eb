//! The history: every item write records its entry with the change, and
//! the tenant's history reads newest first, filtered.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use trellis_kernel::{Cursor, PageRequest};
use trellis_work::activity::{self, ActivityAction, ActivityFilter};
use trellis_work::item::ItemState;
use trellis_work::{Activity, Item, ItemStatus, WorkPorts};

use super::support::*;
use crate::support::*;

async fn history(work: &WorkPorts, org: &Org, filter: ActivityFilter) -> Vec<Activity> {
    let page = work
        .activity
        .list(org.id(), &filter, PageRequest::first(100))
        .await
        .unwrap();
    assert!(!page.has_next_page);
    page.items
}

fn kinds(entries: &[Activity]) -> Vec<ActivityAction> {
    entries.iter().map(|e| e.action).collect()
}

contract!(every_item_write_records_its_entry_with_it);
async fn every_item_write_records_its_entry_with_it(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let bug = add_tag(&work, &org, "bug").await;
    let mut item = item(&org, "Write docs");
    item.due_date = Some(day("2027-02-01"));
    let created = try_create(&work, &org, item, vec![org.owner.id], vec![bug.id])
        .await
        .unwrap();
    let mut after = edited(&created, |i| i.status = ItemStatus::Done);
    after.assignee_ids = vec![ada.id];
    let updated = try_update(&work, &org, ada.id, &created, after)
        .await
        .unwrap();
    try_delete(&work, &org, &updated.item).await.unwrap();
    try_restore(&work, &org, &updated.item).await.unwrap();

    let entries = history(
        &work,
        &org,
        ActivityFilter {
            item_id: Some(created.item.id),
            ..Default::default()
        },
    )
    .await;
    use ActivityAction::*;
    assert_eq!(kinds(&entries), [Restored, Deleted, Updated, Created]);
    assert_eq!(entries[3].changes, activity::changes(None, &created));
    assert_eq!(
        entries[2].changes,
        activity::changes(Some(&created), &updated)
    );
    assert_eq!(entries[2].actor_id, Some(ada.id));
    let assignees = &entries[2].changes[1];
    assert_eq!(assignees.field, "assigneeIds");
    assert_eq!(assignees.added, [ada.id.to_string()]);
    assert_eq!(assignees.removed, [org.owner.id.to_string()]);
    assert!(entries[..2].iter().all(|e| e.changes.is_empty()));
    assert!(
        entries
            .iter()
            .all(|e| e.item_id == created.item.id && e.tenant_id == org.id())
    );

    // A write that fails records nothing.
    let stale = try_update(
        &work,
        &org,
        ada.id,
        &created,
        edited(&created, |i| i.title = "x".into()),
    )
    .await;
    assert!(stale.is_err());
    assert_eq!(
        history(&work, &org, ActivityFilter::default()).await.len(),
        4
    );
}

/// Stores `item` with a creation entry made at `at`.
async fn created_at(work: &WorkPorts, org: &Org, item: Item, at: DateTime<Utc>) -> ItemState {
    let state = ItemState {
        item,
        assignee_ids: vec![],
        tag_ids: vec![],
    };
    let mut entry = entry(
        &state.item,
        org.owner.id,
        ActivityAction::Created,
        activity::changes(None, &state),
    );
    entry.at = at;
    work.items
        .create(
            org.id(),
            &state,
            &audit(org.id(), None, "item.created"),
            &entry,
        )
        .await
        .unwrap();
    state
}

contract!(the_history_filters_by_field_value_actor_action_and_time);
async fn the_history_filters_by_field_value_actor_action_and_time(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let base = now() - Duration::hours(10);
    let one = created_at(&work, &org, item(&org, "one"), base).await;
    let two = created_at(&work, &org, item(&org, "two"), base + Duration::hours(1)).await;
    let one_done = try_update(
        &work,
        &org,
        ada.id,
        &one,
        edited(&one, |i| i.status = ItemStatus::Done),
    )
    .await
    .unwrap();
    try_update(
        &work,
        &org,
        org.owner.id,
        &two,
        edited(&two, |i| i.status = ItemStatus::InReview),
    )
    .await
    .unwrap();
    try_update(
        &work,
        &org,
        org.owner.id,
        &one_done,
        edited(&one_done, |i| i.title = "uno".into()),
    )
    .await
    .unwrap();
    let all = history(&work, &org, ActivityFilter::default()).await;
    assert_eq!(all.len(), 5);
    let ids = |entries: Vec<Activity>| entries.into_iter().map(|e| e.id).collect::<Vec<_>>();
    let of = |n: usize| all[n].id;
    let check = |filter: ActivityFilter, expected: Vec<trellis_work::ActivityId>| {
        let work = work.clone();
        let org = &org;
        async move {
            let label = format!("{filter:?}");
            assert_eq!(ids(history(&work, org, filter).await), expected, "{label}");
        }
    };

    let status = || Some("status".to_owned());
    check(
        ActivityFilter {
            field: status(),
            ..Default::default()
        },
        vec![of(1), of(2), of(3), of(4)],
    )
    .await;
    check(
        ActivityFilter {
            field: Some("title".into()),
            ..Default::default()
        },
        vec![of(0), of(3), of(4)],
    )
    .await;
    check(
        ActivityFilter {
            field: status(),
            to: Some(json!("DONE")),
            ..Default::default()
        },
        vec![of(2)],
    )
    .await;
    check(
        ActivityFilter {
            field: status(),
            to: Some(json!("TODO")),
            ..Default::default()
        },
        vec![of(3), of(4)],
    )
    .await;
    check(
        ActivityFilter {
            to: Some(json!("uno")),
            ..Default::default()
        },
        vec![of(0)],
    )
    .await;
    check(
        ActivityFilter {
            field: status(),
            to: Some(Value::Null),
            ..Default::default()
        },
        vec![],
    )
    .await;
    check(
        ActivityFilter {
            actor_id: Some(ada.id),
            ..Default::default()
        },
        vec![of(2)],
    )
    .await;
    check(
        ActivityFilter {
            action: Some(ActivityAction::Created),
            ..Default::default()
        },
        vec![of(3), of(4)],
    )
    .await;
    check(
        ActivityFilter {
            since: Some(base + Duration::minutes(30)),
            until: Some(base + Duration::hours(1)),
            ..Default::default()
        },
        vec![of(3)],
    )
    .await;
    check(
        ActivityFilter {
            until: Some(base),
            ..Default::default()
        },
        vec![of(4)],
    )
    .await;
    check(
        ActivityFilter {
            since: Some(base + Duration::hours(2)),
            ..Default::default()
        },
        vec![of(0), of(1), of(2)],
    )
    .await;
    check(
        ActivityFilter {
            item_id: Some(two.item.id),
            field: status(),
            ..Default::default()
        },
        vec![of(1), of(3)],
    )
    .await;

    // Newest first, a page at a time.
    let mut seen = Vec::new();
    let mut page = PageRequest::first(2);
    loop {
        let got = work
            .activity
            .list(org.id(), &ActivityFilter::default(), page)
            .await
            .unwrap();
        seen.extend(got.items.iter().map(|e| e.id));
        if !got.has_next_page {
            break;
        }
        page.after = Some(Cursor(seen.last().unwrap().as_uuid()));
    }
    assert_eq!(seen, ids(all));
}
