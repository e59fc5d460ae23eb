use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_work::{CommentId, ItemId};

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::validate::parse_id;
use crate::graphql::work::types::Comment;
use crate::state::AppState;

/// A new comment on an item.
#[derive(InputObject)]
pub struct AddCommentInput {
    pub item_id: ID,
    /// 1 to 10,000 characters, trimmed.
    pub body: String,
}

/// A new body for one's own comment.
#[derive(InputObject)]
pub struct EditCommentInput {
    pub id: ID,
    pub body: String,
}

/// The comment to delete.
#[derive(InputObject)]
pub struct DeleteCommentInput {
    pub id: ID,
}

/// The comment as it is after the change.
#[derive(SimpleObject)]
pub struct CommentPayload {
    pub comment: Comment,
}

/// What `deleteComment` deleted.
#[derive(SimpleObject)]
pub struct DeleteCommentPayload {
    pub deleted_id: ID,
}

#[derive(Default)]
pub struct CommentMutation;

#[Object]
impl CommentMutation {
    /// Comments on an item. Needs `comments.write` (MEMBER and above).
    async fn add_comment(
        &self,
        ctx: &Context<'_>,
        input: AddCommentInput,
    ) -> Result<CommentPayload> {
        let state = ctx.data::<AppState>()?;
        let item: ItemId = parse_id("itemId", &input.item_id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let comment = state
            .work
            .comments
            .add(scope, item, &input.body)
            .await
            .gql(ctx)?;
        Ok(CommentPayload {
            comment: comment.into(),
        })
    }

    /// Changes one's own comment, which then shows `editedAt`.
    async fn edit_comment(
        &self,
        ctx: &Context<'_>,
        input: EditCommentInput,
    ) -> Result<CommentPayload> {
        let state = ctx.data::<AppState>()?;
        let comment: CommentId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let comment = state
            .work
            .comments
            .edit(scope, comment, &input.body)
            .await
            .gql(ctx)?;
        Ok(CommentPayload {
            comment: comment.into(),
        })
    }

    /// Deletes one's own comment, or anyone's with `comments.moderate`
    /// (ADMIN and above).
    async fn delete_comment(
        &self,
        ctx: &Context<'_>,
        input: DeleteCommentInput,
    ) -> Result<DeleteCommentPayload> {
        let state = ctx.data::<AppState>()?;
        let comment: CommentId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state.work.comments.delete(scope, comment).await.gql(ctx)?;
        Ok(DeleteCommentPayload {
            deleted_id: id(deleted),
        })
    }
}
