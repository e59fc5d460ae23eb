//! The unfiltered figures, which PostgreSQL reads from running tallies,
//! equal the figures a filter that keeps every item computes from the
//! items themselves, through every kind of change an item goes through,
//! and after the tallies are folded.

use chrono::{DateTime, Duration, Utc};
use trellis_kernel::UserId;
use trellis_work::activity::ActivityAction;
use trellis_work::analytics::ItemAnalytics;
use trellis_work::item::ItemState;
use trellis_work::ports::{ItemChange, ItemUpdate, SetChange};
use trellis_work::purge::{PurgeAudit, PurgeRequest};
use trellis_work::{ItemFilter, ItemStatus, Priority, WorkPorts};

use super::support::*;
use crate::support::*;

const TODAY: &str = "2026-03-04";
const MONDAY: &str = "2026-03-02";

async fn figures(work: &WorkPorts, org: &Org, filter: &ItemFilter) -> ItemAnalytics {
    work.analytics
        .item_analytics(org.id(), filter, day(TODAY), day(MONDAY))
        .await
        .expect("figures")
}

/// The tallied figures, checked against the scanned ones.
async fn tallied(work: &WorkPorts, org: &Org) -> ItemAnalytics {
    let every_item = ItemFilter {
        status: Some(ItemStatus::ALL.to_vec()),
        ..ItemFilter::default()
    };
    let tallied = figures(work, org, &ItemFilter::default()).await;
    let scanned = figures(work, org, &every_item).await;
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-6,
        (a, b) => a == b,
    };
    assert!(
        close(tallied.avg_completion_hours, scanned.avg_completion_hours)
            && close(tallied.avg_actual_hours, scanned.avg_actual_hours),
        "tallied {tallied:?}\nscanned {scanned:?}"
    );
    let exact = |f: &ItemAnalytics| {
        (
            f.total,
            f.by_status.clone(),
            f.by_priority.clone(),
            f.overdue,
            f.completed_this_week,
            f.by_assignee.clone(),
        )
    };
    assert_eq!(exact(&tallied), exact(&scanned));
    tallied
}

fn at(day_text: &str, hour: i64) -> DateTime<Utc> {
    day(day_text).and_hms_opt(0, 0, 0).unwrap().and_utc() + Duration::hours(hour)
}

async fn move_to(
    work: &WorkPorts,
    org: &Org,
    state: &ItemState,
    status: ItemStatus,
    completed: Option<DateTime<Utc>>,
) -> ItemState {
    let after = edited(state, |item| {
        item.status = status;
        item.completed_at = completed;
    });
    update(work, org, state, after).await
}

contract!(tallies_follow_every_change_and_fold_back_to_the_same_figures);
async fn tallies_follow_every_change_and_fold_back_to_the_same_figures(env: Env) {
    let work = ports(&env);
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = join(&env, &acme, "ada@acme.test", "MEMBER").await.id;
    let bob = join(&env, &acme, "bob@acme.test", "MEMBER").await.id;
    let owner = acme.owner.id;

    // Twelve items of every status and priority, some due, some with
    // actual hours, some assigned; the first three with subtasks.
    let mut items: Vec<ItemState> = Vec::new();
    for n in 0..12_usize {
        let mut item = item(&acme, &format!("item {n}"));
        item.created_at = at("2026-02-20", n as i64);
        item.status = ItemStatus::ALL[n % 5];
        item.priority = Priority::ALL[n % 4];
        item.due_date = (n % 3 != 0).then(|| day("2026-02-25") + Duration::days(n as i64));
        item.actual_hours = (n % 2 == 0).then_some(n as f64 * 1.5);
        if item.status == ItemStatus::Done {
            item.completed_at = Some(at("2026-03-02", n as i64));
        }
        let assignees: Vec<UserId> = [owner, ada, bob]
            .into_iter()
            .enumerate()
            .filter(|(i, _)| (n + i) % 2 == 0)
            .map(|(_, u)| u)
            .collect();
        let state = try_create(&work, &acme, item, assignees, Vec::new())
            .await
            .expect("item created");
        items.push(state);
    }
    for parent in &items[..3] {
        let mut child = subtask(&acme, "child", parent.item.id);
        child.due_date = Some(day("2026-03-01"));
        try_create(&work, &acme, child, vec![ada], Vec::new())
            .await
            .expect("subtask created");
    }
    create(&work, &globex, item(&globex, "theirs")).await;
    let first = tallied(&work, &acme).await;
    assert_eq!(first.total, 15);

    // Open to DONE and back; priority, due date and actual hours edits;
    // an assignee added and one taken off.
    items[0] = move_to(
        &work,
        &acme,
        &items[0],
        ItemStatus::Done,
        Some(at(TODAY, 1)),
    )
    .await;
    items[3] = move_to(&work, &acme, &items[3], ItemStatus::Todo, None).await;
    let after = edited(&items[1], |item| {
        item.priority = Priority::Urgent;
        item.due_date = Some(day("2026-01-01"));
        item.actual_hours = Some(7.25);
    });
    items[1] = update(&work, &acme, &items[1], after).await;
    let mut after = items[2].clone();
    after.assignee_ids = vec![bob];
    items[2] = update(&work, &acme, &items[2], after).await;
    tallied(&work, &acme).await;

    // A subtree deleted, then restored; another deleted for good.
    try_delete(&work, &acme, &items[1].item)
        .await
        .expect("deleted");
    let gone = tallied(&work, &acme).await;
    assert_eq!(gone.total, 13);
    try_restore(&work, &acme, &items[1].item)
        .await
        .expect("restored");
    assert_eq!(tallied(&work, &acme).await.total, 15);
    let mut old_delete = audit(acme.id(), Some(owner), "item.deleted");
    old_delete.created_at = now() - Duration::days(60);
    work.items
        .delete(
            acme.id(),
            items[4].item.id,
            items[4].item.version,
            &old_delete,
            &entry(&items[4].item, owner, ActivityAction::Deleted, Vec::new()),
        )
        .await
        .expect("deleted");
    let cutoff = now() - Duration::days(30);
    work.purge
        .purge_batch(
            acme.id(),
            &PurgeRequest {
                deleted_before: cutoff,
                after: None,
                max_items: 100,
            },
            &PurgeAudit::new(acme.id(), cutoff, now()),
        )
        .await
        .expect("purged");
    tallied(&work, &acme).await;

    // Several items changed in one transaction.
    let changes: Vec<ItemChange> = [5, 6, 7]
        .into_iter()
        .map(|n| {
            let before = &items[n];
            let mut item = before.item.clone();
            item.status = ItemStatus::Archived;
            item.completed_at = None;
            item.version += 1;
            ItemChange {
                update: ItemUpdate {
                    item,
                    previous_version: before.item.version,
                    assignees: SetChange::between(&before.assignee_ids, &[owner]),
                    tags: SetChange::default(),
                },
                audit: audit(acme.id(), Some(owner), "item.updated"),
                activity: entry(&before.item, owner, ActivityAction::Updated, Vec::new()),
            }
        })
        .collect();
    work.items
        .update_many(acme.id(), &changes)
        .await
        .expect("batch applied");
    tallied(&work, &acme).await;

    // Bob leaves the tenant.
    env.memberships
        .remove(acme.id(), bob, &audit(acme.id(), None, "member.removed"))
        .await
        .expect("removed");
    tallied(&work, &acme).await;

    // Enough flips of one item to pile up more tally rows than a read
    // lets stand: the read that folds them and the reads after agree.
    let mut flipping = items[8].clone();
    for flip in 0..150 {
        let status = if flip % 2 == 0 {
            ItemStatus::InReview
        } else {
            ItemStatus::Todo
        };
        flipping = move_to(&work, &acme, &flipping, status, None).await;
    }
    let folded = tallied(&work, &acme).await;
    assert_eq!(tallied(&work, &acme).await, folded);
    assert_eq!(folded.total, 14);

    let theirs = tallied(&work, &globex).await;
    assert_eq!(theirs.total, 1);
}
