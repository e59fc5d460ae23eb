//! Attachments: files uploaded to items, downloaded from `/files/<id>`.

use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use tokio::sync::OnceCell;
use trellis_kernel::UserId;
use trellis_work as work;

use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;
use crate::graphql::tenancy::types::User;

/// Where an attachment's bytes are served, under the caller's token.
pub const DOWNLOAD_PATH: &str = "/files";

/// A file uploaded to an item.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Attachment {
    pub id: ID,
    /// As it was uploaded (at most 255 characters).
    pub filename: String,
    /// What its content was found to be, whatever the client declared.
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: DateTime<Utc>,
    /// `GET` it with the same `Authorization` header as `/graphql`.
    pub download_url: String,
    #[graphql(skip)]
    pub(crate) uploader_key: UserId,
    #[graphql(skip)]
    pub(crate) loaded_uploader: OnceCell<Option<User>>,
}

impl From<work::Attachment> for Attachment {
    fn from(attachment: work::Attachment) -> Self {
        Self {
            id: id(attachment.id),
            download_url: format!("{DOWNLOAD_PATH}/{}", attachment.id),
            filename: attachment.filename,
            content_type: attachment.content_type,
            size_bytes: i64::try_from(attachment.size_bytes).unwrap_or(i64::MAX),
            created_at: attachment.created_at,
            uploader_key: attachment.uploaded_by,
            loaded_uploader: OnceCell::new(),
        }
    }
}

#[ComplexObject]
impl Attachment {
    /// Who uploaded it.
    async fn uploaded_by(&self, ctx: &Context<'_>) -> Result<Option<&User>> {
        let uploader = self
            .loaded_uploader
            .get_or_try_init(|| async {
                let person = Loaders::work(ctx)?
                    .load_one(self.uploader_key)
                    .await
                    .gql(ctx)?;
                Ok::<_, async_graphql::Error>(person.map(super::user))
            })
            .await?;
        Ok(uploader.as_ref())
    }
}

/// An item's attachments, oldest first, through the request's loader.
pub(crate) async fn attachments_of(
    ctx: &Context<'_>,
    item: work::ItemId,
) -> Result<Vec<Attachment>> {
    let found = Loaders::work(ctx)?
        .load_one(crate::graphql::work::loader::AttachmentsOf(item))
        .await
        .gql(ctx)?
        .unwrap_or_default();
    Ok(found.into_iter().map(Attachment::from).collect())
}
