//! The Work mutations: one `input` argument, one use case, a payload
//! naming what changed.

mod attachment;
mod bulk;
mod comment;
mod item;
mod tag;
mod team;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct WorkMutation(
    team::TeamMutation,
    tag::TagMutation,
    item::ItemMutation,
    comment::CommentMutation,
    bulk::BulkMutation,
    attachment::AttachmentMutation,
);
