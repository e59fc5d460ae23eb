//! Deleting an attachment: the row goes first with its audit entry, then
//! the file; a file that will not go does not undo the delete.

use mockall::predicate::eq;
use trellis_kernel::{BuiltinRole, DomainError, TenantCtx};

use super::tests_support::*;
use crate::attachment::{Attachment, AttachmentId};
use crate::item::ItemId;

fn stored(ctx: &TenantCtx) -> Attachment {
    Attachment {
        id: AttachmentId::generate(),
        tenant_id: ctx.tenant_id,
        item_id: ItemId::generate(),
        filename: "plan.pdf".into(),
        content_type: "application/pdf".into(),
        size_bytes: 1234,
        uploaded_by: ctx.user_id(),
        created_at: now(),
    }
}

fn finding(mocks: &mut WorkMocks, ctx: &TenantCtx, attachment: &Attachment) {
    let found = attachment.clone();
    mocks
        .attachments
        .expect_find()
        .with(eq(ctx.tenant_id), eq(attachment.id))
        .returning(move |_, _| Ok(Some(found.clone())));
}

#[tokio::test]
async fn the_row_goes_with_its_audit_entry_and_then_the_file() {
    let ctx = ctx(BuiltinRole::Member);
    let attachment = stored(&ctx);
    let mut mocks = WorkMocks::default();
    finding(&mut mocks, &ctx, &attachment);
    let mut seq = mockall::Sequence::new();
    let id = attachment.id;
    mocks
        .attachments
        .expect_delete()
        .withf(move |_, asked, audit| {
            *asked == id
                && audit.action == "attachment.deleted"
                && audit.before.as_ref().is_some_and(|before| {
                    before["filename"] == "plan.pdf" && before["sizeBytes"] == 1234
                })
        })
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_, _, _| Ok(()));
    let key = attachment.storage_key();
    mocks
        .files
        .expect_delete()
        .withf(move |asked| asked == key)
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_| Ok(()));
    let deleted = work(mocks)
        .attachments
        .delete(&ctx, attachment.id)
        .await
        .unwrap();
    assert_eq!(deleted, attachment);
}

#[tokio::test]
async fn a_file_that_cannot_be_removed_does_not_undo_the_delete() {
    let ctx = ctx(BuiltinRole::Member);
    let attachment = stored(&ctx);
    let mut mocks = WorkMocks::default();
    finding(&mut mocks, &ctx, &attachment);
    mocks
        .attachments
        .expect_delete()
        .times(1)
        .returning(|_, _, _| Ok(()));
    mocks.files.expect_delete().times(1).returning(|_| {
        Err(DomainError::unavailable(std::io::Error::other(
            "the bucket is unreachable",
        )))
    });
    let deleted = work(mocks).attachments.delete(&ctx, attachment.id).await;
    assert_eq!(deleted.unwrap().id, attachment.id);
}

#[tokio::test]
async fn an_unknown_attachment_is_not_found_and_nothing_is_removed() {
    let ctx = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks.attachments.expect_find().returning(|_, _| Ok(None));
    mocks.attachments.expect_delete().never();
    mocks.files.expect_delete().never();
    let err = work(mocks)
        .attachments
        .delete(&ctx, AttachmentId::generate())
        .await
        .unwrap_err();
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

#[tokio::test]
async fn a_viewer_cannot_delete_files() {
    let viewer = ctx(BuiltinRole::Viewer);
    let mut mocks = WorkMocks::default();
    mocks.attachments.expect_delete().never();
    let err = work(mocks)
        .attachments
        .delete(&viewer, AttachmentId::generate())
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.update");
}
