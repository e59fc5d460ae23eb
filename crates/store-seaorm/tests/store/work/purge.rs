//! Purge: deletions older than the cutoff go whole, with every row that
//! hangs off their items; younger deletions, live items, deletions still
//! parent to an item outside them and other tenants' rows stay.

use chrono::Duration;
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};
use trellis_kernel::{AuditEntryId, DomainError};
use trellis_work::activity::ActivityAction;
use trellis_work::purge::{PurgeAudit, PurgeRequest, PurgedAttachment, PurgedBatch};
use trellis_work::{Attachment, AttachmentId, Comment, CommentId, Item, ItemId, WorkPorts};

use super::support::*;
use crate::support::*;

fn cutoff() -> chrono::DateTime<chrono::Utc> {
    now() - Duration::days(30)
}

fn request(after: Option<AuditEntryId>, max_items: u64) -> PurgeRequest {
    PurgeRequest {
        deleted_before: cutoff(),
        after,
        max_items,
    }
}

async fn purge(work: &WorkPorts, org: &Org, request: PurgeRequest) -> PurgedBatch {
    work.purge
        .purge_batch(
            org.id(),
            &request,
            &PurgeAudit::new(org.id(), cutoff(), now()),
        )
        .await
        .expect("a purge batch")
}

/// Deletes `item` (and the subtasks it takes) as if `days` days ago;
/// returns the deletion's id.
async fn delete_days_ago(work: &WorkPorts, org: &Org, item: &Item, days: i64) -> AuditEntryId {
    let mut audit = audit(org.id(), Some(org.owner.id), "item.deleted");
    audit.created_at = now() - Duration::days(days);
    let entry = entry(item, org.owner.id, ActivityAction::Deleted, Vec::new());
    work.items
        .delete(org.id(), item.id, item.version, &audit, &entry)
        .await
        .expect("item deleted");
    audit.id
}

/// An item assigned to the owner and tagged, with a live and a deleted
/// comment and a file: a row in every table that hangs off an item.
async fn busy_item(
    work: &WorkPorts,
    org: &Org,
    title: &str,
    parent: Option<ItemId>,
) -> (Item, PurgedAttachment) {
    let tag = add_tag(work, org, &format!("{title} tag")).await;
    let mut item = item(org, title);
    item.parent_id = parent;
    let item = try_create(work, org, item, vec![org.owner.id], vec![tag.id])
        .await
        .expect("item created")
        .item;
    for body in ["kept", "removed"] {
        let comment = Comment {
            id: CommentId::generate(),
            tenant_id: org.id(),
            item_id: item.id,
            author_id: org.owner.id,
            body: format!("{title}: {body}"),
            created_at: now(),
            updated_at: now(),
            edited_at: None,
        };
        let added = audit(org.id(), None, "comment.added");
        work.comments
            .create(org.id(), &comment, &added)
            .await
            .expect("comment added");
        if body == "removed" {
            let deleted = audit(org.id(), None, "comment.deleted");
            work.comments
                .delete(org.id(), comment.id, &deleted)
                .await
                .expect("comment deleted");
        }
    }
    let file = Attachment {
        id: AttachmentId::generate(),
        tenant_id: org.id(),
        item_id: item.id,
        filename: format!("{title}.txt"),
        content_type: "text/plain".into(),
        size_bytes: title.len() as u64,
        uploaded_by: org.owner.id,
        created_at: now(),
    };
    let uploaded = audit(org.id(), None, "attachment.uploaded");
    work.attachments
        .create(org.id(), &file, &uploaded)
        .await
        .expect("attachment added");
    (
        item,
        PurgedAttachment {
            id: file.id,
            size_bytes: file.size_bytes,
        },
    )
}

/// How many rows `query` (a `COUNT(*)`) counts, read as the owner, whom
/// row-level security does not hold.
async fn count(env: &Env, query: SelectStatement) -> i64 {
    let row = env
        .db
        .owner()
        .query_one(&query)
        .await
        .expect("a count")
        .expect("a row");
    row.try_get_by_index::<i64>(0).expect("a number")
}

fn naming(table: &str, column: &str, items: &[ItemId]) -> SelectStatement {
    Query::select()
        .expr(Expr::cust("COUNT(*)"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new(column)).is_in(items.iter().map(ItemId::as_uuid)))
        .to_owned()
}

/// The rows of every Work table that hang off `items`, and the items.
async fn rows_of(env: &Env, items: &[ItemId]) -> Vec<(&'static str, i64)> {
    let entries = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new("work_activity"))
        .and_where(Expr::col(Alias::new("item_id")).is_in(items.iter().map(ItemId::as_uuid)))
        .to_owned();
    let changes = Query::select()
        .expr(Expr::cust("COUNT(*)"))
        .from(Alias::new("work_activity_changes"))
        .and_where(Expr::col(Alias::new("activity_id")).in_subquery(entries))
        .to_owned();
    let mut rows = vec![("work_activity_changes", count(env, changes).await)];
    for (table, column) in [
        ("work_activity", "item_id"),
        ("work_item_assignees", "item_id"),
        ("work_item_tags", "item_id"),
        ("work_comments", "item_id"),
        ("work_item_search", "item_id"),
        ("work_attachments", "item_id"),
        ("work_items", "id"),
    ] {
        rows.push((table, count(env, naming(table, column, items)).await));
    }
    rows
}

fn none_left(rows: &[(&'static str, i64)]) -> bool {
    rows.iter().all(|(_, n)| *n == 0)
}

fn all_there(rows: &[(&'static str, i64)]) -> bool {
    rows.iter().all(|(_, n)| *n > 0)
}

fn sorted_files(mut files: Vec<PurgedAttachment>) -> Vec<PurgedAttachment> {
    files.sort_by_key(|file| file.id);
    files
}

contract!(an_old_deletion_goes_whole_and_younger_and_live_items_stay);
async fn an_old_deletion_goes_whole_and_younger_and_live_items_stay(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let (old, old_file) = busy_item(&work, &org, "Old", None).await;
    let (child, child_file) = busy_item(&work, &org, "Old child", Some(old.id)).await;
    let (young, _) = busy_item(&work, &org, "Young", None).await;
    let (live, _) = busy_item(&work, &org, "Live", None).await;
    let deletion = delete_days_ago(&work, &org, &old, 40).await;
    delete_days_ago(&work, &org, &young, 1).await;
    let doomed = [old.id, child.id];
    assert!(all_there(&rows_of(&env, &doomed).await));

    let batch = purge(&work, &org, request(None, 1_000)).await;
    assert_eq!(batch.deletions, vec![deletion]);
    assert_eq!(
        (batch.items, batch.comments),
        (2, 4),
        "deleted comments go too"
    );
    assert_eq!(
        sorted_files(batch.attachments.clone()),
        sorted_files(vec![old_file, child_file])
    );
    assert_eq!(
        batch.last,
        Some(deletion),
        "the young deletion is not looked at"
    );
    let left = rows_of(&env, &doomed).await;
    assert!(none_left(&left), "{left:?}");
    for kept in [young.id, live.id] {
        let rows = rows_of(&env, &[kept]).await;
        assert!(all_there(&rows), "{rows:?}");
    }
    let entry = latest_entry(&env, org.id()).await;
    assert_eq!(
        (entry.action.as_str(), entry.actor_id),
        ("items.purged", None)
    );
    let after = entry.after.expect("what the batch removed");
    assert_eq!(
        (after["items"].as_u64(), after["attachments"].as_u64()),
        (Some(2), Some(2))
    );

    // Nothing is left to look at, and the younger deletion still restores.
    assert_eq!(
        purge(&work, &org, request(Some(deletion), 1_000)).await,
        PurgedBatch::default()
    );
    try_restore(&work, &org, &young)
        .await
        .expect("the younger deletion restores");
    assert_eq!(
        work.attachments
            .list_for(org.id(), &[young.id])
            .await
            .unwrap()
            .len(),
        1
    );
}

contract!(a_deletion_still_parent_to_an_item_outside_it_is_skipped);
async fn a_deletion_still_parent_to_an_item_outside_it_is_skipped(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    // A subtask deleted on its own after the cutoff, under a parent
    // deleted before it.
    let parent = create(&work, &org, item(&org, "Parent")).await.item;
    let young_child = create(&work, &org, subtask(&org, "Young child", parent.id))
        .await
        .item;
    let child_deletion = delete_days_ago(&work, &org, &young_child, 1).await;
    let parent_deletion = delete_days_ago(&work, &org, &parent, 40).await;
    // A live subtask under a deleted parent, however it got there.
    let other = create(&work, &org, item(&org, "Other parent")).await.item;
    let other_deletion = delete_days_ago(&work, &org, &other, 40).await;
    plant(&env, &org, 1, Some(other.id)).await;
    // And a deletion with nothing under it, looked at after both.
    let lone = create(&work, &org, item(&org, "Lone")).await.item;
    let lone_deletion = delete_days_ago(&work, &org, &lone, 40).await;

    let batch = purge(&work, &org, request(None, 1_000)).await;
    assert_eq!(batch.deletions, vec![lone_deletion]);
    assert_eq!(batch.items, 1);
    assert_eq!(batch.last, Some(lone_deletion));
    for kept in [parent.id, young_child.id, other.id] {
        assert_eq!(count(&env, naming("work_items", "id", &[kept])).await, 1);
    }
    assert!(parent_deletion < lone_deletion && other_deletion < lone_deletion);

    // With a cutoff the subtask is past too, it goes in the same batch as
    // the parent it held back; the live subtask still holds its own.
    let later = PurgeRequest {
        deleted_before: now() + Duration::minutes(1),
        after: None,
        max_items: 1_000,
    };
    let audit = PurgeAudit::new(org.id(), later.deleted_before, now());
    let batch = work
        .purge
        .purge_batch(org.id(), &later, &audit)
        .await
        .unwrap();
    assert_eq!(batch.deletions, vec![child_deletion, parent_deletion]);
    assert_eq!(batch.items, 2);
    assert_eq!(batch.last, Some(other_deletion));
    assert_eq!(
        count(&env, naming("work_items", "id", &[other.id])).await,
        1
    );
}

contract!(a_batch_takes_whole_deletions_however_large);
async fn a_batch_takes_whole_deletions_however_large(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    // A subtask deleted on its own first, then its parent with another.
    let parent = create(&work, &org, item(&org, "Parent")).await.item;
    let early = create(&work, &org, subtask(&org, "Early", parent.id))
        .await
        .item;
    let later = create(&work, &org, subtask(&org, "Later", parent.id))
        .await
        .item;
    let first = delete_days_ago(&work, &org, &early, 45).await;
    let second = delete_days_ago(&work, &org, &parent, 40).await;
    let lone = create(&work, &org, item(&org, "Lone")).await.item;
    let third = delete_days_ago(&work, &org, &lone, 35).await;

    let one = purge(&work, &org, request(None, 1)).await;
    assert_eq!(
        (one.deletions.clone(), one.items, one.last),
        (vec![first], 1, Some(first))
    );
    let two = purge(&work, &org, request(one.last, 1)).await;
    assert_eq!(
        (two.deletions.clone(), two.items, two.last),
        (vec![second], 2, Some(second)),
        "a parent and the subtask its delete took go together, past the batch size"
    );
    let three = purge(&work, &org, request(two.last, 1)).await;
    assert_eq!((three.items, three.last), (1, Some(third)));
    assert_eq!(
        purge(&work, &org, request(three.last, 1)).await,
        PurgedBatch::default()
    );
    let gone = [parent.id, early.id, later.id, lone.id];
    assert_eq!(count(&env, naming("work_items", "id", &gone)).await, 0);
}

contract!(purging_one_tenant_never_touches_another);
async fn purging_one_tenant_never_touches_another(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let (acme_item, _) = busy_item(&work, &acme, "Acme's", None).await;
    let (globex_item, globex_file) = busy_item(&work, &globex, "Globex's", None).await;
    delete_days_ago(&work, &acme, &acme_item, 40).await;
    let globex_deletion = delete_days_ago(&work, &globex, &globex_item, 40).await;

    let mut tenants = vec![acme.id(), globex.id()];
    tenants.sort();
    assert_eq!(work.purge.tenants(None, 10).await.unwrap(), tenants);
    assert_eq!(
        work.purge.tenants(Some(tenants[0]), 10).await.unwrap(),
        vec![tenants[1]]
    );

    purge(&work, &acme, request(None, 1_000)).await;
    assert!(none_left(&rows_of(&env, &[acme_item.id]).await));
    let kept = rows_of(&env, &[globex_item.id]).await;
    assert!(all_there(&kept), "{kept:?}");
    assert!(
        !actions(&env, globex.id())
            .await
            .contains(&"items.purged".to_owned())
    );

    // An audit entry of another tenant is refused before anything goes.
    let crossed = work
        .purge
        .purge_batch(
            globex.id(),
            &request(None, 1_000),
            &PurgeAudit::new(acme.id(), cutoff(), now()),
        )
        .await;
    assert!(
        matches!(crossed, Err(DomainError::Internal(_))),
        "{crossed:?}"
    );
    assert!(all_there(&rows_of(&env, &[globex_item.id]).await));

    let batch = purge(&work, &globex, request(None, 1_000)).await;
    assert_eq!(
        (batch.deletions, batch.attachments),
        (vec![globex_deletion], vec![globex_file])
    );
    assert!(none_left(&rows_of(&env, &[globex_item.id]).await));
}
