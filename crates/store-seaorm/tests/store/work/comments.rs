//! Comments: oldest first under their item, counted per item, soft
//! deleted, never touching the item's version, and held in their tenant.

use trellis_kernel::{Cursor, DomainError, PageRequest};
use trellis_work::{Comment, CommentId, ItemId, WorkPorts};

use super::support::*;
use crate::support::*;

fn comment(org: &Org, item: ItemId, body: &str) -> Comment {
    Comment {
        id: CommentId::generate(),
        tenant_id: org.id(),
        item_id: item,
        author_id: org.owner.id,
        body: body.into(),
        created_at: now(),
        updated_at: now(),
        edited_at: None,
    }
}

async fn add(work: &WorkPorts, org: &Org, item: ItemId, body: &str) -> Comment {
    let comment = comment(org, item, body);
    work.comments
        .create(org.id(), &comment, &audit(org.id(), None, "comment.added"))
        .await
        .expect("comment added");
    comment
}

fn bodies(comments: &[Comment]) -> Vec<&str> {
    comments.iter().map(|c| c.body.as_str()).collect()
}

contract!(comments_page_oldest_first_and_leave_the_item_version);
async fn comments_page_oldest_first_and_leave_the_item_version(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let state = create(&work, &org, item(&org, "Ship it")).await;
    let id = state.item.id;
    for body in ["one", "two", "three"] {
        add(&work, &org, id, body).await;
    }

    let first = work
        .comments
        .list(org.id(), id, PageRequest::first(2))
        .await
        .unwrap();
    assert_eq!(bodies(&first.items), ["one", "two"]);
    assert!(first.has_next_page);
    let after = PageRequest {
        first: 2,
        after: Some(Cursor(first.items[1].id.as_uuid())),
    };
    let rest = work.comments.list(org.id(), id, after).await.unwrap();
    assert_eq!(bodies(&rest.items), ["three"]);
    assert!(!rest.has_next_page);

    assert_eq!(find(&work, &org, id).await.unwrap().item.version, 1);
    assert_eq!(
        actions(&env, org.id()).await[..3],
        ["comment.added", "comment.added", "comment.added"]
    );
}

contract!(an_edit_reads_back_and_a_delete_hides_and_uncounts);
async fn an_edit_reads_back_and_a_delete_hides_and_uncounts(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let busy = create(&work, &org, item(&org, "Busy")).await.item.id;
    let quiet = create(&work, &org, item(&org, "Quiet")).await.item.id;
    let first = add(&work, &org, busy, "first").await;
    add(&work, &org, busy, "second").await;

    let edited = Comment {
        body: "first, reworded".into(),
        updated_at: now() + chrono::Duration::seconds(1),
        edited_at: Some(now() + chrono::Duration::seconds(1)),
        ..first.clone()
    };
    work.comments
        .update(org.id(), &edited, &audit(org.id(), None, "comment.edited"))
        .await
        .unwrap();
    assert_eq!(
        work.comments.find(org.id(), first.id).await.unwrap(),
        Some(edited.clone())
    );
    assert_eq!(
        work.comments
            .counts(org.id(), &[busy, quiet])
            .await
            .unwrap(),
        [(busy, 2)]
    );

    work.comments
        .delete(
            org.id(),
            first.id,
            &audit(org.id(), None, "comment.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(work.comments.find(org.id(), first.id).await.unwrap(), None);
    let left = work
        .comments
        .list(org.id(), busy, PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(bodies(&left.items), ["second"]);
    assert_eq!(
        work.comments.counts(org.id(), &[busy]).await.unwrap(),
        [(busy, 1)]
    );
    for gone in [
        work.comments
            .update(org.id(), &edited, &audit(org.id(), None, "comment.edited"))
            .await,
        work.comments
            .delete(
                org.id(),
                first.id,
                &audit(org.id(), None, "comment.deleted"),
            )
            .await,
    ] {
        assert!(matches!(
            gone,
            Err(DomainError::NotFound { entity: "comment" })
        ));
    }
}

contract!(a_comment_needs_a_live_item);
async fn a_comment_needs_a_live_item(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let state = create(&work, &org, item(&org, "Old")).await;
    let kept = add(&work, &org, state.item.id, "before the delete").await;
    try_delete(&work, &org, &state.item).await.unwrap();

    for item in [state.item.id, ItemId::generate()] {
        let err = work
            .comments
            .create(
                org.id(),
                &comment(&org, item, "late"),
                &audit(org.id(), None, "comment.added"),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(err, DomainError::NotFound { entity: "item" }),
            "{err}"
        );
    }
    // The comments of a deleted item go with it.
    assert_eq!(work.comments.find(org.id(), kept.id).await.unwrap(), None);
}

contract!(another_tenants_comments_are_out_of_reach);
async fn another_tenants_comments_are_out_of_reach(env: Env) {
    let a = org(&env, "acme").await;
    let b = org(&env, "globex").await;
    let work = ports(&env);
    let item_a = create(&work, &a, item(&a, "Ship it")).await.item.id;
    let theirs = add(&work, &a, item_a, "mine").await;

    // B names A's item: as unknown as an item that never existed.
    let err = work
        .comments
        .create(
            b.id(),
            &comment(&b, item_a, "sneaky"),
            &audit(b.id(), None, "comment.added"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "item" }),
        "{err}"
    );
    assert_eq!(work.comments.find(b.id(), theirs.id).await.unwrap(), None);
    let listed = work
        .comments
        .list(b.id(), item_a, PageRequest::first(10))
        .await
        .unwrap();
    assert!(listed.items.is_empty());
    assert!(
        work.comments
            .counts(b.id(), &[item_a])
            .await
            .unwrap()
            .is_empty()
    );
    let forged = Comment {
        tenant_id: b.id(),
        body: "overwritten".into(),
        ..theirs.clone()
    };
    let update = work
        .comments
        .update(b.id(), &forged, &audit(b.id(), None, "comment.edited"))
        .await;
    assert!(
        matches!(update, Err(DomainError::NotFound { .. })),
        "{update:?}"
    );
    let delete = work
        .comments
        .delete(b.id(), theirs.id, &audit(b.id(), None, "comment.deleted"))
        .await;
    assert!(
        matches!(delete, Err(DomainError::NotFound { .. })),
        "{delete:?}"
    );

    assert_eq!(
        work.comments.find(a.id(), theirs.id).await.unwrap(),
        Some(theirs)
    );
}
