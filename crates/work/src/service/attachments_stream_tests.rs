//! Uploads larger than the head that decides their type: the rest passes
//! through to the store as it comes, and is still checked on the way.

use mockall::predicate::eq;
use trellis_kernel::{BuiltinRole, DomainError, TenantCtx};

use super::NewFile;
use super::tests_support::*;
use crate::attachment::{Attachment, HEAD_BYTES, StorageUsage};
use crate::item::ItemId;

fn pieces(name: &str, content: &[u8], size: u64, piece: usize) -> NewFile {
    upload_of(name, None, content, size, piece)
}

/// Mocks where the item is live, the plan roomy, and the store reads what
/// it is given to the end, as the adapter does.
fn storing(ctx: &TenantCtx) -> (WorkMocks, ItemId) {
    let mut mocks = WorkMocks::default();
    let item = state(item(ctx), Vec::new(), Vec::new());
    expect_find(&mut mocks, ctx, &item);
    mocks
        .attachments
        .expect_usage()
        .with(eq(ctx.tenant_id))
        .returning(|_| Ok(StorageUsage::default()));
    mocks
        .files
        .expect_put()
        .returning(|_, content| drain(content).map(drop));
    (mocks, item.item.id)
}

/// Text of `len` bytes with a two-byte character every few bytes, so that
/// pieces cut characters in half.
fn text(len: usize) -> Vec<u8> {
    let mut text = "caf\u{e9} ".repeat(len / 6 + 1).into_bytes();
    text.truncate(len);
    text
}

#[tokio::test]
async fn a_large_text_passes_through_whole_with_its_cut_characters() {
    let ctx = ctx(BuiltinRole::Member);
    let (mut mocks, item) = storing(&ctx);
    mocks
        .attachments
        .expect_create()
        .withf(|_, attachment: &Attachment, _| attachment.content_type == "text/plain")
        .times(1)
        .returning(|_, _, _| Ok(()));
    let content = text(HEAD_BYTES * 3);
    let stored = work(mocks)
        .attachments
        .upload(
            &ctx,
            item,
            pieces("log.txt", &content, content.len() as u64, 7),
        )
        .await
        .unwrap();
    assert_eq!(stored.size_bytes, content.len() as u64);
}

#[tokio::test]
async fn text_that_turns_binary_after_its_head_is_refused_and_not_recorded() {
    let ctx = ctx(BuiltinRole::Member);
    let (mut mocks, item) = storing(&ctx);
    mocks.attachments.expect_create().never();
    let mut content = text(HEAD_BYTES * 2);
    content[HEAD_BYTES + 10] = 0;
    let err = work(mocks)
        .attachments
        .upload(
            &ctx,
            item,
            pieces("log.txt", &content, content.len() as u64, 4096),
        )
        .await
        .unwrap_err();
    let errors = field_errors(err);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "file");
    assert!(errors[0].1.contains("binary data"), "{errors:?}");
}

#[tokio::test]
async fn a_text_ending_inside_a_character_is_refused() {
    let ctx = ctx(BuiltinRole::Member);
    let (mut mocks, item) = storing(&ctx);
    mocks.attachments.expect_create().never();
    let mut content = text(HEAD_BYTES + 100);
    content.extend_from_slice(&"\u{e9}".as_bytes()[..1]);
    let err = work(mocks)
        .attachments
        .upload(
            &ctx,
            item,
            pieces("log.txt", &content, content.len() as u64, 4096),
        )
        .await
        .unwrap_err();
    assert_eq!(field_errors(err)[0].0, "file");
}

#[tokio::test]
async fn content_shorter_or_longer_than_its_size_is_not_recorded() {
    let ctx = ctx(BuiltinRole::Member);
    let content = text(HEAD_BYTES * 2);
    for size in [content.len() as u64 + 1, content.len() as u64 - 1] {
        let (mut mocks, item) = storing(&ctx);
        mocks.attachments.expect_create().never();
        let err = work(mocks)
            .attachments
            .upload(&ctx, item, pieces("log.txt", &content, size, 4096))
            .await
            .unwrap_err();
        assert!(matches!(err, DomainError::Internal(_)), "{err:?}");
    }
}
