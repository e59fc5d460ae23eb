//! Items: the tasks of the tracker.

use std::sync::Arc;

use async_graphql::{ComplexObject, Context, Enum, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use tokio::sync::OnceCell;
use trellis_kernel::UserId;
use trellis_work::{self as work, ActivityFilter, ItemFilter, ItemId, ItemSort, TeamId};

use super::activity::ActivityConnection;
use super::item_page::ItemConnection;
use super::tag::Tag;
use super::team::Team;
use crate::graphql::connection::page_complexity;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;
use crate::graphql::plain::{Plain, PlainList};
use crate::graphql::tenancy::types::User;
use crate::graphql::work::loader::{AssigneesOf, ProgressOf, TagsOf};

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum ItemStatus {
    Todo,
    InProgress,
    InReview,
    /// Done: `completedAt` says when.
    Done,
    /// Put away; neither open nor done.
    Archived,
}

impl From<work::ItemStatus> for ItemStatus {
    fn from(status: work::ItemStatus) -> Self {
        match status {
            work::ItemStatus::Todo => ItemStatus::Todo,
            work::ItemStatus::InProgress => ItemStatus::InProgress,
            work::ItemStatus::InReview => ItemStatus::InReview,
            work::ItemStatus::Done => ItemStatus::Done,
            work::ItemStatus::Archived => ItemStatus::Archived,
        }
    }
}

impl From<ItemStatus> for work::ItemStatus {
    fn from(status: ItemStatus) -> Self {
        match status {
            ItemStatus::Todo => work::ItemStatus::Todo,
            ItemStatus::InProgress => work::ItemStatus::InProgress,
            ItemStatus::InReview => work::ItemStatus::InReview,
            ItemStatus::Done => work::ItemStatus::Done,
            ItemStatus::Archived => work::ItemStatus::Archived,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum Priority {
    Low,
    Medium,
    High,
    Urgent,
}

impl From<work::Priority> for Priority {
    fn from(priority: work::Priority) -> Self {
        match priority {
            work::Priority::Low => Priority::Low,
            work::Priority::Medium => Priority::Medium,
            work::Priority::High => Priority::High,
            work::Priority::Urgent => Priority::Urgent,
        }
    }
}

impl From<Priority> for work::Priority {
    fn from(priority: Priority) -> Self {
        match priority {
            Priority::Low => work::Priority::Low,
            Priority::Medium => work::Priority::Medium,
            Priority::High => work::Priority::High,
            Priority::Urgent => work::Priority::Urgent,
        }
    }
}

/// How many direct subtasks an item has, and how many of them are DONE.
#[derive(Debug, Clone, Copy, SimpleObject)]
pub struct Progress {
    pub total: u64,
    pub done: u64,
}

impl From<work::Progress> for Progress {
    fn from(progress: work::Progress) -> Self {
        Self {
            total: progress.total,
            done: progress.done,
        }
    }
}

/// A task. Its relations (team, parent, creator, assignees, tags,
/// progress) are read for a whole page at once.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Item {
    pub id: ID,
    /// 1 to 200 characters.
    pub title: String,
    /// Up to 50,000 characters.
    pub description: Option<String>,
    pub status: ItemStatus,
    pub priority: Priority,
    pub due_date: Option<NaiveDate>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    /// Grows by one with every change; pass it as `expectedVersion` so that
    /// a change made meanwhile by someone else is not overwritten.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it became DONE; empty unless it is DONE.
    pub completed_at: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) item_id: ItemId,
    #[graphql(skip)]
    pub(crate) team_key: Option<TeamId>,
    #[graphql(skip)]
    pub(crate) parent_key: Option<ItemId>,
    #[graphql(skip)]
    pub(crate) creator_key: UserId,
    #[graphql(skip)]
    pub(crate) loaded_team: OnceCell<Option<Team>>,
    #[graphql(skip)]
    pub(crate) loaded_parent: OnceCell<Option<Box<Item>>>,
    #[graphql(skip)]
    pub(crate) loaded_creator: OnceCell<Option<Arc<User>>>,
    #[graphql(skip)]
    pub(crate) loaded_assignees: OnceCell<Vec<User>>,
    #[graphql(skip)]
    pub(crate) loaded_tags: OnceCell<Vec<Arc<Tag>>>,
    #[graphql(skip)]
    pub(crate) loaded_progress: OnceCell<Progress>,
    #[graphql(skip)]
    pub(crate) loaded_comment_count: OnceCell<i32>,
    #[graphql(skip)]
    pub(crate) loaded_attachments: OnceCell<Vec<super::attachment::Attachment>>,
}

impl From<work::Item> for Item {
    fn from(item: work::Item) -> Self {
        Self {
            id: id(item.id),
            title: item.title,
            description: item.description,
            status: item.status.into(),
            priority: item.priority.into(),
            due_date: item.due_date,
            estimated_hours: item.estimated_hours,
            actual_hours: item.actual_hours,
            version: item.version,
            created_at: item.created_at,
            updated_at: item.updated_at,
            completed_at: item.completed_at,
            item_id: item.id,
            team_key: item.team_id,
            parent_key: item.parent_id,
            creator_key: item.created_by,
            loaded_team: OnceCell::new(),
            loaded_parent: OnceCell::new(),
            loaded_creator: OnceCell::new(),
            loaded_assignees: OnceCell::new(),
            loaded_tags: OnceCell::new(),
            loaded_progress: OnceCell::new(),
            loaded_comment_count: OnceCell::new(),
            loaded_attachments: OnceCell::new(),
        }
    }
}

/// People, tags and subtasks an item is assumed to have, for pricing
/// their fields in the query's complexity.
pub(crate) const RELATIONS_ASSUMED: usize = 5;

#[ComplexObject]
impl Item {
    /// Its team; empty when it has none or the team is deleted.
    async fn team(&self, ctx: &Context<'_>) -> Result<Option<&Team>> {
        let team = self
            .loaded_team
            .get_or_try_init(|| async {
                let Some(key) = self.team_key else {
                    return Ok(None);
                };
                let team = Loaders::work(ctx)?.load_one(key).await.gql(ctx)?;
                Ok::<_, async_graphql::Error>(team.map(Team::from))
            })
            .await?;
        Ok(team.as_ref())
    }

    /// The item it is a subtask of.
    async fn parent(&self, ctx: &Context<'_>) -> Result<Option<&Item>> {
        let parent = self
            .loaded_parent
            .get_or_try_init(|| async {
                let Some(key) = self.parent_key else {
                    return Ok(None);
                };
                let parent = Loaders::work(ctx)?.load_one(key).await.gql(ctx)?;
                Ok::<_, async_graphql::Error>(parent.map(|item| Box::new(Item::from(item))))
            })
            .await?;
        Ok(parent.as_deref())
    }

    /// Who created it.
    async fn creator(&self, ctx: &Context<'_>) -> Result<Option<Plain<'_, Arc<User>>>> {
        let creator = self
            .loaded_creator
            .get_or_try_init(|| async {
                let person = Loaders::work(ctx)?
                    .load_one(self.creator_key)
                    .await
                    .gql(ctx)?;
                Ok::<_, async_graphql::Error>(person.map(|person| Arc::new(super::user(person))))
            })
            .await?;
        Ok(creator.as_ref().map(Plain))
    }

    /// Who it is assigned to.
    #[graphql(complexity = "RELATIONS_ASSUMED * child_complexity")]
    async fn assignees(&self, ctx: &Context<'_>) -> Result<PlainList<'_, User>> {
        let people = self
            .loaded_assignees
            .get_or_try_init(|| async { super::people_of(ctx, AssigneesOf(self.item_id)).await })
            .await?;
        Ok(PlainList(people))
    }

    /// Its tags, by name.
    #[graphql(complexity = "RELATIONS_ASSUMED * child_complexity")]
    async fn tags(&self, ctx: &Context<'_>) -> Result<PlainList<'_, Arc<Tag>>> {
        let tags = self
            .loaded_tags
            .get_or_try_init(|| async {
                let tags = Loaders::work(ctx)?
                    .load_one(TagsOf(self.item_id))
                    .await
                    .gql(ctx)?
                    .unwrap_or_default();
                Ok::<_, async_graphql::Error>(
                    tags.into_iter()
                        .map(|tag| Arc::new(Tag::from(tag)))
                        .collect(),
                )
            })
            .await?;
        Ok(PlainList(tags))
    }

    /// How far its direct subtasks are done.
    async fn progress(&self, ctx: &Context<'_>) -> Result<&Progress> {
        self.loaded_progress
            .get_or_try_init(|| async {
                let progress = Loaders::work(ctx)?
                    .load_one(ProgressOf(self.item_id))
                    .await
                    .gql(ctx)?
                    .unwrap_or_default();
                Ok(progress.into())
            })
            .await
    }

    /// Its direct subtasks, oldest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn subtasks(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ItemConnection> {
        let filter = ItemFilter {
            parent_id: Some(self.item_id),
            ..ItemFilter::default()
        };
        let order = work::ItemOrder {
            sort: ItemSort::CreatedAt,
            direction: work::SortDirection::Asc,
        };
        ItemConnection::list(ctx, &filter, order, first, after.as_deref()).await
    }

    /// Its comments, oldest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn comments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<super::comment::CommentConnection> {
        super::comment::comments_of(ctx, self.item_id, first, after.as_deref()).await
    }

    /// How many comments it has.
    async fn comment_count(&self, ctx: &Context<'_>) -> Result<i32> {
        self.loaded_comment_count
            .get_or_try_init(|| super::comment::count_of(ctx, self.item_id))
            .await
            .copied()
    }

    /// Files uploaded to it, oldest first.
    #[graphql(complexity = "RELATIONS_ASSUMED * child_complexity")]
    async fn attachments(&self, ctx: &Context<'_>) -> Result<&Vec<super::attachment::Attachment>> {
        self.loaded_attachments
            .get_or_try_init(|| super::attachment::attachments_of(ctx, self.item_id))
            .await
    }

    /// Its changes, newest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn history(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ActivityConnection> {
        let filter = ActivityFilter {
            item_id: Some(self.item_id),
            ..ActivityFilter::default()
        };
        ActivityConnection::list(ctx, &filter, first, after.as_deref()).await
    }
}
