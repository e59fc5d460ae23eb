//! Many item changes in one transaction: all are written with their audit
//! and history entries, or, when one fails, none is.

use trellis_kernel::{DomainError, PageRequest};
use trellis_work::activity::{self, ActivityAction};
use trellis_work::item::ItemState;
use trellis_work::ports::{ItemChange, ItemUpdate, SetChange};
use trellis_work::{ActivityFilter, ItemId, ItemStatus, WorkPorts};

use super::support::*;
use crate::support::*;

/// The change from `before` to `after`, as the update use case computes
/// it, by the org's owner.
fn change(org: &Org, before: &ItemState, mut after: ItemState) -> ItemChange {
    after.item.version = before.item.version + 1;
    after.item.updated_at = now().max(before.item.updated_at + chrono::Duration::microseconds(1));
    let changes = activity::changes(Some(before), &after);
    ItemChange {
        activity: entry(&after.item, org.owner.id, ActivityAction::Updated, changes),
        audit: audit(org.id(), Some(org.owner.id), "item.updated"),
        update: ItemUpdate {
            item: after.item.clone(),
            previous_version: before.item.version,
            assignees: SetChange::between(&before.assignee_ids, &after.assignee_ids),
            tags: SetChange::between(&before.tag_ids, &after.tag_ids),
        },
    }
}

fn retitled(before: &ItemState, title: &str) -> ItemState {
    edited(before, |item| item.title = title.into())
}

async fn history(work: &WorkPorts, org: &Org, item: ItemId) -> usize {
    let filter = ActivityFilter {
        item_id: Some(item),
        ..ActivityFilter::default()
    };
    work.activity
        .list(org.id(), &filter, PageRequest::first(100))
        .await
        .unwrap()
        .items
        .len()
}

contract!(every_change_is_written_with_its_audit_and_history_entries);
async fn every_change_is_written_with_its_audit_and_history_entries(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let a = create(&work, &org, item(&org, "A")).await;
    let b = create(&work, &org, item(&org, "B")).await;
    let mut b_after = edited(&b, |item| {
        item.status = ItemStatus::Done;
        item.completed_at = Some(now());
    });
    b_after.assignee_ids = vec![ada.id];
    let changes = [
        change(&org, &a, retitled(&a, "A2")),
        change(&org, &b, b_after),
    ];
    work.items.update_many(org.id(), &changes).await.unwrap();

    let a_now = find(&work, &org, a.item.id).await.unwrap();
    assert_eq!((a_now.item.title.as_str(), a_now.item.version), ("A2", 2));
    let b_now = find(&work, &org, b.item.id).await.unwrap();
    assert_eq!(b_now.item.status, ItemStatus::Done);
    assert_eq!(b_now.assignee_ids, [ada.id]);
    assert_eq!(history(&work, &org, a.item.id).await, 2);
    assert_eq!(history(&work, &org, b.item.id).await, 2);
    let updated = actions(&env, org.id())
        .await
        .into_iter()
        .filter(|action| action == "item.updated")
        .count();
    assert_eq!(updated, 2);
}

contract!(a_stale_change_rolls_back_the_whole_batch_and_names_its_place);
async fn a_stale_change_rolls_back_the_whole_batch_and_names_its_place(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let a = create(&work, &org, item(&org, "A")).await;
    let b = create(&work, &org, item(&org, "B")).await;
    // Someone else changes B first: the batch's change of B is stale.
    update(&work, &org, &b, retitled(&b, "B by someone")).await;
    let audits_before = actions(&env, org.id()).await.len();
    let changes = [
        change(&org, &a, retitled(&a, "A2")),
        change(&org, &b, retitled(&b, "B2")),
    ];
    let err = work
        .items
        .update_many(org.id(), &changes)
        .await
        .unwrap_err();
    assert_eq!(err.index, Some(1));
    assert!(
        matches!(err.error, DomainError::StaleVersion { current: 2, .. }),
        "{:?}",
        err.error
    );
    // A's change, made before B's failed, was rolled back with it.
    let a_now = find(&work, &org, a.item.id).await.unwrap();
    assert_eq!((a_now.item.title.as_str(), a_now.item.version), ("A", 1));
    assert_eq!(history(&work, &org, a.item.id).await, 1);
    assert_eq!(actions(&env, org.id()).await.len(), audits_before);
}

contract!(another_tenants_item_is_not_found_and_nothing_is_written);
async fn another_tenants_item_is_not_found_and_nothing_is_written(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let ours = create(&work, &acme, item(&acme, "Ours")).await;
    let theirs = create(&work, &globex, item(&globex, "Theirs")).await;
    // Globex's item, changed as if it were Acme's.
    let mut foreign = theirs.clone();
    foreign.item.tenant_id = acme.id();
    let changes = [
        change(&acme, &ours, retitled(&ours, "Ours 2")),
        change(&acme, &foreign, retitled(&foreign, "Hijacked")),
    ];
    let err = work
        .items
        .update_many(acme.id(), &changes)
        .await
        .unwrap_err();
    assert_eq!(err.index, Some(1));
    assert!(matches!(err.error, DomainError::NotFound { .. }));
    assert_eq!(
        find(&work, &acme, ours.item.id).await.unwrap().item.title,
        "Ours"
    );
    let theirs_now = find(&work, &globex, theirs.item.id).await.unwrap();
    assert_eq!(
        (theirs_now.item.title.as_str(), theirs_now.item.version),
        ("Theirs", 1)
    );

    // A change naming another tenant than the batch's is refused outright.
    let err = work
        .items
        .update_many(
            acme.id(),
            &[change(&globex, &theirs, retitled(&theirs, "x"))],
        )
        .await
        .unwrap_err();
    assert_eq!(err.index, None);
    assert_eq!(history(&work, &globex, theirs.item.id).await, 1);
}

contract!(a_move_that_makes_a_cycle_within_the_batch_is_refused);
async fn a_move_that_makes_a_cycle_within_the_batch_is_refused(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let a = create(&work, &org, item(&org, "A")).await;
    let b = create(&work, &org, item(&org, "B")).await;
    // Each move is fine alone; together they make a loop.
    let changes = [
        change(
            &org,
            &a,
            edited(&a, |item| item.parent_id = Some(b.item.id)),
        ),
        change(
            &org,
            &b,
            edited(&b, |item| item.parent_id = Some(a.item.id)),
        ),
    ];
    let err = work
        .items
        .update_many(org.id(), &changes)
        .await
        .unwrap_err();
    assert_eq!(err.index, Some(1));
    assert!(
        matches!(err.error, DomainError::Conflict(_)),
        "{:?}",
        err.error
    );
    assert_eq!(
        find(&work, &org, a.item.id).await.unwrap().item.parent_id,
        None
    );
}
