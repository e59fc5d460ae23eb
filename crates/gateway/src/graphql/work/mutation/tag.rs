use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_work::TagId;
use trellis_work::service::{CreateTag, UpdateTag};

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::validate::parse_id;
use crate::graphql::work::types::Tag;
use crate::state::AppState;

/// A new tag.
#[derive(InputObject)]
pub struct CreateTagInput {
    /// 1 to 50 characters, unique in the tenant ignoring case.
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
}

/// Every field omitted keeps its value.
#[derive(InputObject)]
pub struct UpdateTagInput {
    pub id: ID,
    pub name: Option<String>,
    pub color: Option<String>,
}

/// The tag to delete.
#[derive(InputObject)]
pub struct DeleteTagInput {
    pub id: ID,
}

/// The tag as it is after the change.
#[derive(SimpleObject)]
pub struct TagPayload {
    pub tag: Tag,
}

/// What `deleteTag` deleted.
#[derive(SimpleObject)]
pub struct DeleteTagPayload {
    pub deleted_id: ID,
}

#[derive(Default)]
pub struct TagMutation;

#[Object]
impl TagMutation {
    /// Creates a tag. Needs `tags.manage` (MEMBER and above).
    async fn create_tag(&self, ctx: &Context<'_>, input: CreateTagInput) -> Result<TagPayload> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = CreateTag {
            name: input.name,
            color: input.color,
        };
        let tag = state.work.tags.create(scope, input).await.gql(ctx)?;
        Ok(TagPayload { tag: tag.into() })
    }

    /// Renames or recolours a tag.
    async fn update_tag(&self, ctx: &Context<'_>, input: UpdateTagInput) -> Result<TagPayload> {
        let state = ctx.data::<AppState>()?;
        let tag: TagId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let changes = UpdateTag {
            name: input.name,
            color: input.color,
        };
        let tag = state.work.tags.update(scope, tag, changes).await.gql(ctx)?;
        Ok(TagPayload { tag: tag.into() })
    }

    /// Deletes a tag; items stop showing it.
    async fn delete_tag(
        &self,
        ctx: &Context<'_>,
        input: DeleteTagInput,
    ) -> Result<DeleteTagPayload> {
        let state = ctx.data::<AppState>()?;
        let tag: TagId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state.work.tags.delete(scope, tag).await.gql(ctx)?;
        Ok(DeleteTagPayload {
            deleted_id: id(deleted),
        })
    }
}
