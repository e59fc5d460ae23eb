use std::io::Read;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Upload};
use axum::body::Bytes;
use trellis_kernel::DomainError;
use trellis_work::ItemId;
use trellis_work::service::NewFile;

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
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
}

/// The uploaded file, read whole: the HTTP layer has bounded its size
/// (`TRELLIS_MAX_UPLOAD_BYTES`) and the use case applies the plan's. Off
/// the async runtime, because the upload may be buffered in a temporary
/// file.
async fn read_upload(ctx: &Context<'_>, upload: &Upload) -> Result<NewFile, DomainError> {
    let value = upload
        .value(ctx)
        .map_err(|_| DomainError::invalid("file", "is not an uploaded file"))?;
    let filename = value.filename.clone();
    let declared_type = value.content_type.clone();
    let content = tokio::task::spawn_blocking(move || {
        let mut content = Vec::new();
        value.into_read().read_to_end(&mut content).map(|_| content)
    })
    .await
    .map_err(DomainError::internal)?
    .map_err(DomainError::internal)?;
    Ok(NewFile {
        filename,
        declared_type,
        content: Bytes::from(content),
    })
}
