//! The relations a query asks for on a page of items, read for the whole
//! page before its rows are resolved: one batch per relation, whatever the
//! page size (see `routing::prefetch` for why the DataLoader alone is not
//! enough for a page).

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Lookahead, Result};
use tokio::sync::OnceCell;
use trellis_kernel::{DomainError, UserId};

use super::loader::AttachmentsOf;
use super::loader::{AssigneesOf, CommentCountOf, ProgressOf, TagsOf, WorkLoader};
use super::types::Attachment;
use super::types::{Item, Tag, Team};
use crate::graphql::error::GqlResultExt;
use crate::graphql::loaders::Loaders;

/// One batch through the loader, without the DataLoader's wait.
async fn batch<K, V>(ctx: &Context<'_>, keys: HashSet<K>) -> Result<HashMap<K, V>>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    WorkLoader: Loader<K, Value = V, Error = Arc<DomainError>>,
{
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let keys: Vec<K> = keys.into_iter().collect();
    Loaders::work(ctx)?.loader().load(&keys).await.gql(ctx)
}

/// What `node` (an item's selection) asks for, for every item of a page.
pub(crate) async fn items(
    ctx: &Context<'_>,
    node: Lookahead<'_>,
    mut items: Vec<&mut Item>,
) -> Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    if node.field("team").exists() {
        let keys = items.iter().filter_map(|item| item.team_key).collect();
        let found = batch(ctx, keys).await?;
        for item in &mut items {
            let team = item.team_key.and_then(|key| found.get(&key)).cloned();
            item.loaded_team = OnceCell::new_with(Some(team.map(Team::from)));
        }
    }
    if node.field("parent").exists() {
        let keys = items.iter().filter_map(|item| item.parent_key).collect();
        let found = batch(ctx, keys).await?;
        for item in &mut items {
            let parent = item.parent_key.and_then(|key| found.get(&key)).cloned();
            item.loaded_parent =
                OnceCell::new_with(Some(parent.map(|parent| Box::new(Item::from(parent)))));
        }
    }
    // The page's own statement may have read them already.
    if node.field("tags").exists() && items.iter().any(|item| !item.loaded_tags.initialized()) {
        let keys = items.iter().map(|item| TagsOf(item.item_id)).collect();
        let mut found = batch(ctx, keys).await?;
        for item in &mut items {
            let tags = found.remove(&TagsOf(item.item_id)).unwrap_or_default();
            let tags = tags
                .into_iter()
                .map(|tag| Arc::new(Tag::from(tag)))
                .collect();
            item.loaded_tags = OnceCell::new_with(Some(tags));
        }
    }
    if node.field("progress").exists() {
        let keys = items.iter().map(|item| ProgressOf(item.item_id)).collect();
        let found = batch(ctx, keys).await?;
        for item in &mut items {
            let progress = found.get(&ProgressOf(item.item_id)).copied();
            item.loaded_progress = OnceCell::new_with(Some(progress.unwrap_or_default().into()));
        }
    }
    if node.field("commentCount").exists() {
        let keys = items
            .iter()
            .map(|item| CommentCountOf(item.item_id))
            .collect();
        let found = batch(ctx, keys).await?;
        for item in &mut items {
            let count = found.get(&CommentCountOf(item.item_id)).copied();
            let count = i32::try_from(count.unwrap_or_default()).unwrap_or(i32::MAX);
            item.loaded_comment_count = OnceCell::new_with(Some(count));
        }
    }
    if node.field("attachments").exists() {
        let keys = items
            .iter()
            .map(|item| AttachmentsOf(item.item_id))
            .collect();
        let mut found = batch(ctx, keys).await?;
        for item in &mut items {
            let attachments = found
                .remove(&AttachmentsOf(item.item_id))
                .unwrap_or_default();
            item.loaded_attachments = OnceCell::new_with(Some(
                attachments.into_iter().map(Attachment::from).collect(),
            ));
        }
    }
    people(ctx, node, items).await
}

/// Creators and assignees, with one lookup of the people for both.
async fn people(ctx: &Context<'_>, node: Lookahead<'_>, mut items: Vec<&mut Item>) -> Result<()> {
    let wants_creator = node.field("creator").exists()
        && items.iter().any(|item| !item.loaded_creator.initialized());
    let wants_assignees = node.field("assignees").exists();
    if !wants_creator && !wants_assignees {
        return Ok(());
    }
    let mut assignees = if wants_assignees {
        let keys = items.iter().map(|item| AssigneesOf(item.item_id)).collect();
        batch(ctx, keys).await?
    } else {
        HashMap::new()
    };
    let mut wanted: HashSet<UserId> = assignees.values().flatten().copied().collect();
    if wants_creator {
        wanted.extend(items.iter().map(|item| item.creator_key));
    }
    let found = batch(ctx, wanted).await?;
    for item in &mut items {
        if wants_creator {
            let creator = found
                .get(&item.creator_key)
                .cloned()
                .map(|person| Arc::new(super::types::user(person)));
            item.loaded_creator = OnceCell::new_with(Some(creator));
        }
        if wants_assignees {
            let ids = assignees
                .remove(&AssigneesOf(item.item_id))
                .unwrap_or_default();
            let users = ids
                .iter()
                .filter_map(|user| found.get(user).cloned())
                .map(super::types::user)
                .collect();
            item.loaded_assignees = OnceCell::new_with(Some(users));
        }
    }
    Ok(())
}
