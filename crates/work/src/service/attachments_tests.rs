//! Uploading and downloading attachments: the content decides the type,
//! the plan bounds the size, the item must be live, and a file whose row
//! cannot be written does not stay behind.

use bytes::Bytes;
use futures_util::TryStreamExt;
use mockall::predicate::eq;
use trellis_kernel::{BuiltinRole, DomainError, TenantCtx};

use super::NewFile;
use super::tests_support::*;
use crate::attachment::{Attachment, AttachmentId, StorageUsage};
use crate::item::ItemId;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
const MIB: u64 = 1024 * 1024;

/// The FREE plan's limits with `used` bytes taken.
fn free(used: u64) -> StorageUsage {
    StorageUsage {
        max_file_bytes: Some(10 * MIB),
        max_storage_bytes: Some(1024 * MIB),
        used_bytes: used,
    }
}

fn file(name: &str, declared: &str, content: &[u8]) -> NewFile {
    upload_of(name, Some(declared), content, content.len() as u64, 4096)
}

/// Mocks where the caller's tenant uses `usage` and has a live `item`.
fn uploading(ctx: &TenantCtx, usage: StorageUsage) -> (WorkMocks, ItemId) {
    let mut mocks = WorkMocks::default();
    let item = state(item(ctx), Vec::new(), Vec::new());
    expect_find(&mut mocks, ctx, &item);
    mocks
        .attachments
        .expect_usage()
        .with(eq(ctx.tenant_id))
        .returning(move |_| Ok(usage));
    (mocks, item.item.id)
}

#[tokio::test]
async fn the_content_decides_the_type_and_the_file_goes_before_its_row() {
    let ctx = ctx(BuiltinRole::Member);
    let (mut mocks, item) = uploading(&ctx, free(0));
    let tenant = ctx.tenant_id;
    let mut seq = mockall::Sequence::new();
    mocks
        .files
        .expect_put()
        .withf(move |key, _| key.starts_with(&format!("{tenant}/")) && !key.contains("notes"))
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_, content| {
            assert_eq!(drain(content)?, PNG);
            Ok(())
        });
    mocks
        .attachments
        .expect_create()
        .withf(|_, attachment: &Attachment, audit| {
            attachment.content_type == "image/png" && audit.action == "attachment.uploaded"
        })
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_, _, _| Ok(()));
    let stored = work(mocks)
        .attachments
        .upload(&ctx, item, file("notes.txt", "text/plain", PNG))
        .await
        .unwrap();
    assert_eq!(stored.content_type, "image/png");
    assert_eq!(stored.filename, "notes.txt");
    assert_eq!(stored.size_bytes, PNG.len() as u64);
    assert_eq!(stored.uploaded_by, ctx.user_id());
    // The key is the tenant's and the attachment's, never the file's name.
    assert_eq!(
        stored.storage_key(),
        format!("{}/{}", ctx.tenant_id, stored.id)
    );
}

#[tokio::test]
async fn text_declared_as_an_image_is_stored_as_text() {
    let ctx = ctx(BuiltinRole::Member);
    let (mut mocks, item) = uploading(&ctx, free(0));
    mocks.files.expect_put().returning(|_, _| Ok(()));
    mocks
        .attachments
        .expect_create()
        .returning(|_, _, _| Ok(()));
    let stored = work(mocks)
        .attachments
        .upload(&ctx, item, file("photo.png", "image/png", b"not a picture"))
        .await
        .unwrap();
    assert_eq!(stored.content_type, "text/plain");
}

#[tokio::test]
async fn a_type_outside_the_allowlist_is_refused_and_nothing_is_stored() {
    let ctx = ctx(BuiltinRole::Member);
    let (mocks, item) = uploading(&ctx, free(0));
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.resize(64, 0);
    let err = work(mocks)
        .attachments
        .upload(&ctx, item, file("tool.png", "image/png", &elf))
        .await
        .unwrap_err();
    let errors = field_errors(err);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, "file");
    assert!(
        errors[0].1.contains("application/x-executable"),
        "{errors:?}"
    );
    assert!(errors[0].1.contains("application/pdf"), "{errors:?}");
}

#[tokio::test]
async fn the_plan_bounds_each_file_and_the_tenant_s_storage() {
    let ctx = ctx(BuiltinRole::Member);
    let big = vec![b'a'; (10 * MIB + 1) as usize];
    let (mocks, item) = uploading(&ctx, free(0));
    let err = work(mocks)
        .attachments
        .upload(&ctx, item, file("big.txt", "text/plain", &big))
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::LimitExceeded { limit: "attachment size", max } if max == 10 * MIB),
        "{err:?}"
    );

    // The same file fits a plan whose files may be larger.
    let mut pro = free(0);
    pro.max_file_bytes = Some(100 * MIB);
    let (mut mocks, item) = uploading(&ctx, pro);
    mocks.files.expect_put().returning(|_, _| Ok(()));
    mocks
        .attachments
        .expect_create()
        .returning(|_, _, _| Ok(()));
    assert!(
        work(mocks)
            .attachments
            .upload(&ctx, item, file("big.txt", "text/plain", &big))
            .await
            .is_ok()
    );

    let (mocks, item) = uploading(&ctx, free(1024 * MIB - 2));
    let err = work(mocks)
        .attachments
        .upload(&ctx, item, file("a.txt", "text/plain", b"abc"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::LimitExceeded {
                limit: "storage",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_item_the_tenant_does_not_have_is_not_found() {
    let ctx = ctx(BuiltinRole::Member);
    let (mut mocks, _) = uploading(&ctx, free(0));
    mocks.items.expect_find().returning(|_, _| Ok(None));
    let err = work(mocks)
        .attachments
        .upload(
            &ctx,
            ItemId::generate(),
            file("a.txt", "text/plain", b"abc"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "item" }),
        "{err:?}"
    );
}

#[tokio::test]
async fn the_file_is_removed_when_its_row_cannot_be_written() {
    let ctx = ctx(BuiltinRole::Member);
    let (mut mocks, item) = uploading(&ctx, free(0));
    let mut seq = mockall::Sequence::new();
    mocks
        .files
        .expect_put()
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_, _| Ok(()));
    mocks
        .attachments
        .expect_create()
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_, _, _| Err(DomainError::not_found("item")));
    let tenant = ctx.tenant_id.to_string();
    mocks
        .files
        .expect_delete()
        .withf(move |key| key.starts_with(&tenant))
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_| Ok(()));
    let err = work(mocks)
        .attachments
        .upload(&ctx, item, file("a.txt", "text/plain", b"abc"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "item" }),
        "{err:?}"
    );
}

#[tokio::test]
async fn uploading_takes_items_update_and_downloading_items_read() {
    let viewer = ctx(BuiltinRole::Viewer);
    let err = work(WorkMocks::default())
        .attachments
        .upload(
            &viewer,
            ItemId::generate(),
            file("a.txt", "text/plain", b"abc"),
        )
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.update");

    let mut mocks = WorkMocks::default();
    let stored = Attachment {
        id: AttachmentId::generate(),
        tenant_id: viewer.tenant_id,
        item_id: ItemId::generate(),
        filename: "a.txt".into(),
        content_type: "text/plain".into(),
        size_bytes: 3,
        uploaded_by: viewer.user_id(),
        created_at: now(),
    };
    let key = stored.storage_key();
    let found = stored.clone();
    mocks
        .attachments
        .expect_find()
        .with(eq(viewer.tenant_id), eq(stored.id))
        .returning(move |_, _| Ok(Some(found.clone())));
    mocks
        .files
        .expect_get()
        .withf(move |asked| asked == key)
        .returning(|_| {
            let chunks = [Ok(Bytes::from_static(b"ab")), Ok(Bytes::from_static(b"c"))];
            Ok(Some(Box::pin(futures_util::stream::iter(chunks))))
        });
    let (attachment, content) = work(mocks)
        .attachments
        .download(&viewer, stored.id)
        .await
        .unwrap();
    assert_eq!(attachment, stored);
    let chunks: Vec<Bytes> = content.try_collect().await.unwrap();
    assert_eq!(chunks.concat(), b"abc");
}

#[tokio::test]
async fn another_tenant_s_attachment_is_not_found() {
    let ctx = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks.attachments.expect_find().returning(|_, _| Ok(None));
    let Err(err) = work(mocks)
        .attachments
        .download(&ctx, AttachmentId::generate())
        .await
    else {
        panic!("another tenant's attachment was found");
    };
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "attachment"
            }
        ),
        "{err:?}"
    );
}
