use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Upload};
use futures_util::TryStreamExt;
use tokio_util::io::ReaderStream;
use trellis_kernel::DomainError;
use trellis_work::service::NewFile;
use trellis_work::{AttachmentId, ItemId};

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::upload::uploaded_file;
use crate::graphql::validate::parse_id;
use crate::graphql::work::types::Attachment;
use crate::state::AppState;

/// A file for an item, sent as the GraphQL multipart request spec has it.
#[derive(InputObject)]
pub struct UploadAttachmentInput {
    pub item_id: ID,
    /// PNG, JPEG, GIF, WebP, PDF, ZIP, Word, Excel or PowerPoint (OOXML),
    /// or UTF-8 text, CSV, Markdown or JSON; judged by its content. At most
    /// the plan's `maxAttachmentBytes`.
    pub file: Upload,
}

/// The attachment stored.
#[derive(SimpleObject)]
pub struct UploadAttachmentPayload {
    pub attachment: Attachment,
}

/// The attachment to delete.
#[derive(InputObject)]
pub struct DeleteAttachmentInput {
    pub id: ID,
}

/// What `deleteAttachment` deleted.
#[derive(SimpleObject)]
pub struct DeleteAttachmentPayload {
    pub deleted_id: ID,
}

#[derive(Default)]
pub struct AttachmentMutation;

#[Object]
impl AttachmentMutation {
    /// Attaches a file to an item. Needs `items.update` (MEMBER and above).
    async fn upload_attachment(
        &self,
        ctx: &Context<'_>,
        input: UploadAttachmentInput,
    ) -> Result<UploadAttachmentPayload> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let item = parse_id::<ItemId>("itemId", &input.item_id).gql(ctx)?;
        let file = read_upload(ctx, &input.file).await.gql(ctx)?;
        let attachment = state
            .work
            .attachments
            .upload(scope, item, file)
            .await
            .gql(ctx)?;
        Ok(UploadAttachmentPayload {
            attachment: attachment.into(),
        })
    }

    /// Removes a file from an item, and its bytes from the file store.
    /// Needs `items.update` (MEMBER and above).
    async fn delete_attachment(
        &self,
        ctx: &Context<'_>,
        input: DeleteAttachmentInput,
    ) -> Result<DeleteAttachmentPayload> {
        let state = ctx.data::<AppState>()?;
        let attachment: AttachmentId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state
            .work
            .attachments
            .delete(scope, attachment)
            .await
            .gql(ctx)?;
        Ok(DeleteAttachmentPayload {
            deleted_id: id(deleted.id),
        })
    }
}

/// The uploaded file as a stream: the multipart reader has spooled it to
/// a temporary file (bounded by `TRELLIS_MAX_UPLOAD_BYTES`), which is read
/// a piece at a time as it is stored; the use case applies the plan's
/// limits.
async fn read_upload(ctx: &Context<'_>, upload: &Upload) -> Result<NewFile, DomainError> {
    let (value, size) = uploaded_file(ctx, upload)?;
    let file = tokio::fs::File::from_std(value.content);
    let content =
        ReaderStream::with_capacity(file, READ_PIECE_BYTES).map_err(DomainError::internal);
    Ok(NewFile {
        filename: value.filename,
        declared_type: value.content_type,
        size,
        content: Box::pin(content),
    })
}

/// A piece of an upload read at a time.
const READ_PIECE_BYTES: usize = 64 * 1024;
