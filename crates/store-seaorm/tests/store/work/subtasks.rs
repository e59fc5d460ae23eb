//! The item tree: a delete takes the live subtree and its restore brings
//! back exactly that; the walks up and down; progress; and the limits on
//! subtasks per item and items per plan.

use trellis_kernel::DomainError;
use trellis_tenancy::Plan;
use trellis_work::item::{ItemState, MAX_CHILDREN};
use trellis_work::{ItemId, ItemStatus, Progress, WorkPorts};

use super::support::*;
use crate::support::*;

/// root → a → a1 → a11, and root → b.
struct Tree {
    root: ItemState,
    a: ItemState,
    a1: ItemState,
    a11: ItemState,
    b: ItemState,
}

async fn tree(work: &WorkPorts, org: &Org) -> Tree {
    let root = create(work, org, item(org, "root")).await;
    let a = create(work, org, subtask(org, "a", root.item.id)).await;
    let a1 = create(work, org, subtask(org, "a1", a.item.id)).await;
    let a11 = create(work, org, subtask(org, "a11", a1.item.id)).await;
    let b = create(work, org, subtask(org, "b", root.item.id)).await;
    Tree {
        root,
        a,
        a1,
        a11,
        b,
    }
}

contract!(a_delete_takes_the_live_subtree_and_its_restore_exactly_that);
async fn a_delete_takes_the_live_subtree_and_its_restore_exactly_that(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let t = tree(&work, &org).await;
    // Deleted on its own first: the root's restore does not bring it back.
    assert_eq!(
        try_delete(&work, &org, &t.a1.item).await.unwrap(),
        [t.a11.item.id]
    );
    let taken = try_delete(&work, &org, &t.root.item).await.unwrap();
    assert_eq!(taken, [t.a.item.id, t.b.item.id]);
    for id in [
        t.root.item.id,
        t.a.item.id,
        t.a1.item.id,
        t.a11.item.id,
        t.b.item.id,
    ] {
        assert!(find(&work, &org, id).await.is_none());
    }

    // A subtask waits for its parent.
    let orphan = try_restore(&work, &org, &t.a.item).await;
    assert!(
        matches!(&orphan, Err(DomainError::Conflict(m)) if m.contains("parent")),
        "{orphan:?}"
    );
    let (root, restored) = try_restore(&work, &org, &t.root.item).await.unwrap();
    assert_eq!(root, t.root.item);
    assert_eq!(restored, [t.a.item.id, t.b.item.id]);
    assert_eq!(find(&work, &org, t.a.item.id).await, Some(t.a.clone()));
    assert!(find(&work, &org, t.a1.item.id).await.is_none());
    let live = try_restore(&work, &org, &t.root.item).await;
    assert!(
        matches!(&live, Err(DomainError::Conflict(m)) if m.contains("not deleted")),
        "{live:?}"
    );
    let nowhere = try_restore(&work, &org, &item(&org, "never stored")).await;
    assert!(
        matches!(nowhere, Err(DomainError::NotFound { entity: "item" })),
        "{nowhere:?}"
    );

    // Now its parent is back, the earlier delete can be undone too.
    let (_, restored) = try_restore(&work, &org, &t.a1.item).await.unwrap();
    assert_eq!(restored, [t.a11.item.id]);
    assert_eq!(find(&work, &org, t.a11.item.id).await, Some(t.a11));
    let entry = latest_entry(&env, org.id()).await;
    assert_eq!(entry.action, "item.restored");
    assert_eq!(entry.after.as_ref(), Some(&*RESTORED));
}

contract!(the_walks_go_up_the_parents_and_down_the_live_subtasks);
async fn the_walks_go_up_the_parents_and_down_the_live_subtasks(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let t = tree(&work, &org).await;
    let tenant = org.id();
    let up = |id: ItemId, limit| {
        let work = work.clone();
        async move { work.items.ancestors(tenant, id, limit).await.unwrap() }
    };
    assert_eq!(
        up(t.a11.item.id, 8).await,
        [t.a1.item.id, t.a.item.id, t.root.item.id]
    );
    assert_eq!(up(t.a11.item.id, 2).await, [t.a1.item.id, t.a.item.id]);
    assert_eq!(up(t.root.item.id, 8).await, []);
    assert_eq!(up(ItemId::generate(), 8).await, []);

    let height = |id: ItemId, limit| {
        let work = work.clone();
        async move { work.items.subtree_height(tenant, id, limit).await.unwrap() }
    };
    assert_eq!(height(t.root.item.id, 8).await, 3);
    assert_eq!(height(t.root.item.id, 2).await, 2);
    assert_eq!(height(t.b.item.id, 8).await, 0);
    assert_eq!(height(ItemId::generate(), 8).await, 0);
    try_delete(&work, &org, &t.a1.item).await.unwrap();
    assert_eq!(height(t.root.item.id, 8).await, 1);
}

contract!(progress_counts_the_live_direct_subtasks_and_the_done_ones);
async fn progress_counts_the_live_direct_subtasks_and_the_done_ones(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let t = tree(&work, &org).await;
    let done = |state: &ItemState| edited(state, |i| i.status = ItemStatus::Done);
    update(&work, &org, &t.b, done(&t.b)).await;
    let extra = create(&work, &org, subtask(&org, "c", t.root.item.id)).await;
    try_delete(&work, &org, &extra.item).await.unwrap();

    let ids = [t.root.item.id, t.a.item.id, t.a11.item.id];
    let progress = work.items.progress(org.id(), &ids).await.unwrap();
    assert_eq!(
        progress,
        [
            (t.root.item.id, Progress { total: 2, done: 1 }),
            (t.a.item.id, Progress { total: 1, done: 0 }),
            (t.a11.item.id, Progress::default()),
        ]
    );
}

contract!(an_item_takes_at_most_its_limit_of_subtasks);
async fn an_item_takes_at_most_its_limit_of_subtasks(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let full = create(&work, &org, item(&org, "full")).await;
    plant(&env, &org, MAX_CHILDREN as usize - 1, Some(full.item.id)).await;
    let last = create(&work, &org, subtask(&org, "last", full.item.id)).await;

    let over = try_create(
        &work,
        &org,
        subtask(&org, "over", full.item.id),
        vec![],
        vec![],
    )
    .await;
    let at_limit = |result: &Result<_, DomainError>| {
        matches!(
            result,
            Err(DomainError::LimitExceeded {
                limit: "subtasks per item",
                max: MAX_CHILDREN
            })
        )
    };
    assert!(at_limit(&over), "{over:?}");
    // Moving another item under it is refused alike; a subtask already
    // there keeps its place through an edit.
    let other = create(&work, &org, item(&org, "other")).await;
    let moved = try_update(
        &work,
        &org,
        org.owner.id,
        &other,
        edited(&other, |i| i.parent_id = Some(full.item.id)),
    )
    .await;
    assert!(at_limit(&moved), "{moved:?}");
    let last = update(
        &work,
        &org,
        &last,
        edited(&last, |i| i.title = "still last".into()),
    )
    .await;

    // Deleted subtasks leave room.
    try_delete(&work, &org, &last.item).await.unwrap();
    try_create(
        &work,
        &org,
        subtask(&org, "again", full.item.id),
        vec![],
        vec![],
    )
    .await
    .unwrap();
}

contract!(a_move_under_its_own_subtree_is_refused);
async fn a_move_under_its_own_subtree_is_refused(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let t = tree(&work, &org).await;
    let cycle = try_update(
        &work,
        &org,
        org.owner.id,
        &t.a,
        edited(&t.a, |i| i.parent_id = Some(t.a11.item.id)),
    )
    .await;
    assert!(
        matches!(&cycle, Err(DomainError::Conflict(m)) if m.contains("cycle")),
        "{cycle:?}"
    );
    let moved = update(
        &work,
        &org,
        &t.a1,
        edited(&t.a1, |i| i.parent_id = Some(t.b.item.id)),
    )
    .await;
    assert_eq!(
        work.items
            .ancestors(org.id(), t.a11.item.id, 8)
            .await
            .unwrap(),
        [t.a1.item.id, t.b.item.id, t.root.item.id]
    );
    assert_eq!(find(&work, &org, t.a1.item.id).await, Some(moved));
}

contract!(a_plan_takes_at_most_its_limit_of_items);
async fn a_plan_takes_at_most_its_limit_of_items(env: Env) {
    let tiny = org_on(&env, "tiny", Plan::Free).await;
    let work = ports(&env);
    let max = Plan::Free.limits().max_items.expect("a limited plan");
    plant(&env, &tiny, max as usize - 1, None).await;
    let last = create(&work, &tiny, item(&tiny, "last")).await;
    let over = try_create(&work, &tiny, item(&tiny, "over"), vec![], vec![]).await;
    assert!(
        matches!(over, Err(DomainError::LimitExceeded { limit: "items", max: m }) if m == max),
        "{over:?}"
    );

    try_delete(&work, &tiny, &last.item).await.unwrap();
    create(&work, &tiny, item(&tiny, "again")).await;
    // Another plan's tenant is not held by this one's count.
    let roomy = org(&env, "roomy").await;
    create(&work, &roomy, item(&roomy, "first")).await;
}
