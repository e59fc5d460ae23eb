//! Comments on items.

use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_kernel::{PageRequest, UserId};
use trellis_work::{self as work, ItemId};

use super::item::Item;
use crate::graphql::connection::connection;
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;
use crate::graphql::tenancy::types::User;
use crate::graphql::work::loader::CommentCountOf;
use crate::state::AppState;

/// What someone said about an item.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Comment {
    pub id: ID,
    /// 1 to 10,000 characters.
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// When its author last changed it; empty if never.
    pub edited_at: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) author_key: UserId,
    #[graphql(skip)]
    pub(crate) item_key: ItemId,
}

impl From<work::Comment> for Comment {
    fn from(comment: work::Comment) -> Self {
        Self {
            id: id(comment.id),
            body: comment.body,
            created_at: comment.created_at,
            edited_at: comment.edited_at,
            author_key: comment.author_id,
            item_key: comment.item_id,
        }
    }
}

#[ComplexObject]
impl Comment {
    /// Who wrote it; still named after they leave the tenant.
    async fn author(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let person = Loaders::work(ctx)?
            .load_one(self.author_key)
            .await
            .gql(ctx)?;
        Ok(person.map(super::user))
    }

    /// The item it is on.
    async fn item(&self, ctx: &Context<'_>) -> Result<Option<Item>> {
        let item = Loaders::work(ctx)?.load_one(self.item_key).await.gql(ctx)?;
        Ok(item.map(Item::from))
    }
}

connection!(CommentConnection, CommentEdge, Comment);

/// A page of an item's comments, oldest first.
pub(crate) async fn comments_of(
    ctx: &Context<'_>,
    item: ItemId,
    first: Option<i32>,
    after: Option<&str>,
) -> Result<CommentConnection> {
    let state = ctx.data::<AppState>()?;
    let scope = tenant_ctx(ctx).gql(ctx)?;
    let page = PageRequest::from_args(first, after).gql(ctx)?;
    let comments = state.work.comments.list(scope, item, page).await.gql(ctx)?;
    Ok(CommentConnection::from_page(comments, |comment| {
        comment.id.as_uuid()
    }))
}

/// How many comments an item has, through the request's loader.
pub(crate) async fn count_of(ctx: &Context<'_>, item: ItemId) -> Result<i32> {
    let count = Loaders::work(ctx)?
        .load_one(CommentCountOf(item))
        .await
        .gql(ctx)?
        .unwrap_or_default();
    Ok(i32::try_from(count).unwrap_or(i32::MAX))
}
