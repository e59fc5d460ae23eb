//! Attachments: rows seen while their item is live, listed for many items
//! at once, and the plan's storage quota checked inside the write.

use trellis_kernel::DomainError;
use trellis_tenancy::Plan;
use trellis_work::{Attachment, AttachmentId, ItemId, WorkPorts};

use super::support::*;
use crate::support::*;

fn attachment(org: &Org, item: ItemId, name: &str, size: u64) -> Attachment {
    Attachment {
        id: AttachmentId::generate(),
        tenant_id: org.id(),
        item_id: item,
        filename: name.into(),
        content_type: "text/plain".into(),
        size_bytes: size,
        uploaded_by: org.owner.id,
        created_at: now(),
    }
}

async fn upload(work: &WorkPorts, org: &Org, attachment: &Attachment) -> Result<(), DomainError> {
    work.attachments
        .create(
            org.id(),
            attachment,
            &audit(org.id(), Some(org.owner.id), "attachment.uploaded"),
        )
        .await
}

contract!(an_attachment_reads_back_and_is_listed_by_item);
async fn an_attachment_reads_back_and_is_listed_by_item(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let first = create(&work, &org, item(&org, "First")).await.item;
    let second = create(&work, &org, item(&org, "Second")).await.item;
    let a = attachment(&org, first.id, "a.txt", 3);
    let b = attachment(&org, first.id, "b.txt", 4);
    let c = attachment(&org, second.id, "c.txt", 5);
    for one in [&a, &b, &c] {
        upload(&work, &org, one).await.unwrap();
    }
    assert_eq!(
        work.attachments.find(org.id(), a.id).await.unwrap(),
        Some(a.clone())
    );
    let listed = work
        .attachments
        .list_for(org.id(), &[first.id, second.id])
        .await
        .unwrap();
    assert_eq!(listed, vec![a, b, c]);
    assert_eq!(
        work.attachments.usage(org.id()).await.unwrap().used_bytes,
        12
    );
    let uploads = actions(&env, org.id())
        .await
        .into_iter()
        .filter(|action| action == "attachment.uploaded")
        .count();
    assert_eq!(uploads, 3, "each upload committed its audit entry");
}

contract!(a_deleted_item_hides_its_attachments_until_restored);
async fn a_deleted_item_hides_its_attachments_until_restored(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let item = create(&work, &org, item(&org, "Doomed")).await.item;
    let kept = attachment(&org, item.id, "kept.txt", 7);
    upload(&work, &org, &kept).await.unwrap();

    try_delete(&work, &org, &item).await.unwrap();
    assert_eq!(
        work.attachments.find(org.id(), kept.id).await.unwrap(),
        None
    );
    assert!(
        work.attachments
            .list_for(org.id(), &[item.id])
            .await
            .unwrap()
            .is_empty()
    );
    // Its file still takes room until a purge.
    assert_eq!(
        work.attachments.usage(org.id()).await.unwrap().used_bytes,
        7
    );
    let late = upload(&work, &org, &attachment(&org, item.id, "late.txt", 1)).await;
    assert!(
        matches!(late, Err(DomainError::NotFound { entity: "item" })),
        "{late:?}"
    );

    try_restore(&work, &org, &item).await.unwrap();
    assert_eq!(
        work.attachments.find(org.id(), kept.id).await.unwrap(),
        Some(kept)
    );
}

contract!(the_storage_quota_is_checked_inside_the_write);
async fn the_storage_quota_is_checked_inside_the_write(env: Env) {
    let org = org_on(&env, "acme", Plan::Free).await;
    let work = ports(&env);
    let usage = work.attachments.usage(org.id()).await.unwrap();
    assert_eq!(
        usage.max_file_bytes,
        Plan::Free.limits().max_attachment_bytes
    );
    let quota = Plan::Free
        .limits()
        .max_storage_bytes
        .expect("a limited plan");
    assert_eq!(usage.max_storage_bytes, Some(quota));

    let item = create(&work, &org, item(&org, "Full")).await.item;
    // Rows alone fill the quota: the store sums what they say.
    upload(&work, &org, &attachment(&org, item.id, "big", quota - 10))
        .await
        .unwrap();
    upload(&work, &org, &attachment(&org, item.id, "fits", 10))
        .await
        .unwrap();
    let over = attachment(&org, item.id, "one byte too many", 1);
    let err = upload(&work, &org, &over).await.unwrap_err();
    assert!(
        matches!(err, DomainError::LimitExceeded { limit: "storage", max } if max == quota),
        "{err:?}"
    );
    assert_eq!(
        work.attachments.find(org.id(), over.id).await.unwrap(),
        None
    );

    // An unlimited plan stores past it.
    let big = org_on(&env, "bigco", Plan::Enterprise).await;
    let item = create(&work, &big, super::support::item(&big, "Huge"))
        .await
        .item;
    upload(&work, &big, &attachment(&big, item.id, "huge", quota + 1))
        .await
        .unwrap();
}

contract!(another_tenant_sees_none_of_them);
async fn another_tenant_sees_none_of_them(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let item = create(&work, &acme, item(&acme, "Secret")).await.item;
    let secret = attachment(&acme, item.id, "secret.txt", 6);
    upload(&work, &acme, &secret).await.unwrap();

    assert_eq!(
        work.attachments.find(globex.id(), secret.id).await.unwrap(),
        None
    );
    assert!(
        work.attachments
            .list_for(globex.id(), &[item.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        work.attachments
            .usage(globex.id())
            .await
            .unwrap()
            .used_bytes,
        0
    );
    // Globex cannot hang a file on Acme's item.
    let mut stolen = attachment(&globex, item.id, "x.txt", 1);
    stolen.uploaded_by = globex.owner.id;
    let err = upload(&work, &globex, &stolen).await.unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "item" }),
        "{err:?}"
    );
}

async fn remove(work: &WorkPorts, org: &Org, id: AttachmentId) -> Result<(), DomainError> {
    work.attachments
        .delete(
            org.id(),
            id,
            &audit(org.id(), Some(org.owner.id), "attachment.deleted"),
        )
        .await
}

contract!(a_deleted_attachment_is_gone_with_the_room_it_took);
async fn a_deleted_attachment_is_gone_with_the_room_it_took(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let item = create(&work, &org, item(&org, "Files")).await.item;
    let gone = attachment(&org, item.id, "gone.txt", 5);
    let kept = attachment(&org, item.id, "kept.txt", 7);
    upload(&work, &org, &gone).await.unwrap();
    upload(&work, &org, &kept).await.unwrap();

    remove(&work, &org, gone.id).await.unwrap();
    assert_eq!(
        work.attachments.find(org.id(), gone.id).await.unwrap(),
        None
    );
    assert_eq!(
        work.attachments
            .list_for(org.id(), &[item.id])
            .await
            .unwrap(),
        vec![kept]
    );
    assert_eq!(
        work.attachments.usage(org.id()).await.unwrap().used_bytes,
        7
    );
    assert!(
        actions(&env, org.id())
            .await
            .contains(&"attachment.deleted".to_owned())
    );
    let again = remove(&work, &org, gone.id).await;
    assert!(
        matches!(
            again,
            Err(DomainError::NotFound {
                entity: "attachment"
            })
        ),
        "{again:?}"
    );
}

contract!(an_attachment_of_a_deleted_item_or_another_tenant_cannot_be_deleted);
async fn an_attachment_of_a_deleted_item_or_another_tenant_cannot_be_deleted(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let item = create(&work, &acme, item(&acme, "Secret")).await.item;
    let secret = attachment(&acme, item.id, "secret.txt", 6);
    upload(&work, &acme, &secret).await.unwrap();

    let err = remove(&work, &globex, secret.id).await.unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "attachment"
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        work.attachments.find(acme.id(), secret.id).await.unwrap(),
        Some(secret.clone())
    );

    // While its item is deleted the file is hidden, so it cannot go either;
    // it comes back with the item.
    try_delete(&work, &acme, &item).await.unwrap();
    let err = remove(&work, &acme, secret.id).await.unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "attachment"
            }
        ),
        "{err:?}"
    );
    try_restore(&work, &acme, &item).await.unwrap();
    assert_eq!(
        work.attachments.find(acme.id(), secret.id).await.unwrap(),
        Some(secret)
    );
}
