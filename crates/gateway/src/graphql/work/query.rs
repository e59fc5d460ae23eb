//! The Work product's queries: teams, tags, items in any order with
//! filters, and the tenant's item history. Another tenant's id is
//! `NOT_FOUND`, exactly like an id that never existed.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use trellis_kernel::{DomainResult, FieldErrors, PageRequest};
use trellis_work::{self as work, ActivityFilter, ItemId, TagId, TagMatch, TeamId};

use super::prefetch;
use super::types::{
    ActivityAction, ActivityConnection, Item, ItemConnection, ItemStatus, Priority, Tag,
    TagConnection, Team, TeamConnection,
};
use crate::graphql::connection::page_complexity;
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::validate::parse_id;
use crate::state::AppState;

/// What `items` can be ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum ItemOrderField {
    CreatedAt,
    UpdatedAt,
    /// Items without a due date come last either way.
    DueDate,
    Priority,
    /// Alphabetically, ignoring case.
    Title,
    /// Best match of `filter.search` first (with DESC); needs a search.
    /// Ranks the newest 1,000 matches: a search matching more is too
    /// broad to rank, and narrower words or another order (which pages
    /// through every match) reach the rest.
    Relevance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum SortDirection {
    Asc,
    Desc,
}

/// An order for `items`; ties go by creation, in the same direction.
#[derive(Debug, Clone, Copy, InputObject)]
pub struct ItemOrderInput {
    pub field: ItemOrderField,
    #[graphql(default_with = "SortDirection::Desc")]
    pub direction: SortDirection,
}

impl From<ItemOrderInput> for work::ItemOrder {
    fn from(order: ItemOrderInput) -> Self {
        Self {
            sort: match order.field {
                ItemOrderField::CreatedAt => work::ItemSort::CreatedAt,
                ItemOrderField::UpdatedAt => work::ItemSort::UpdatedAt,
                ItemOrderField::DueDate => work::ItemSort::DueDate,
                ItemOrderField::Priority => work::ItemSort::Priority,
                ItemOrderField::Title => work::ItemSort::Title,
                ItemOrderField::Relevance => work::ItemSort::Relevance,
            },
            direction: match order.direction {
                SortDirection::Asc => work::SortDirection::Asc,
                SortDirection::Desc => work::SortDirection::Desc,
            },
        }
    }
}

/// How `tagIds` combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Enum)]
pub enum TagMatchMode {
    /// Items with every one of the tags.
    #[default]
    All,
    /// Items with at least one of them.
    Any,
}

/// Narrows `items`; every field given must hold.
#[derive(Debug, Default, InputObject)]
pub struct ItemFilterInput {
    /// Items in any of these statuses.
    pub status: Option<Vec<ItemStatus>>,
    /// Items of any of these priorities.
    pub priority: Option<Vec<Priority>>,
    /// Items assigned to this member.
    pub assignee_id: Option<ID>,
    /// Items assigned to nobody.
    #[graphql(default)]
    pub unassigned: bool,
    pub team_id: Option<ID>,
    /// Items carrying these tags (all of them unless `tagMatch` is ANY).
    #[graphql(default)]
    pub tag_ids: Vec<ID>,
    #[graphql(default_with = "TagMatchMode::All")]
    pub tag_match: TagMatchMode,
    /// Direct subtasks of this item.
    pub parent_id: Option<ID>,
    /// Items that are no one's subtask.
    #[graphql(default)]
    pub top_level_only: bool,
    /// Due before this day.
    pub due_before: Option<NaiveDate>,
    /// Due after this day.
    pub due_after: Option<NaiveDate>,
    /// Open items (not DONE or ARCHIVED) whose due date has passed.
    #[graphql(default)]
    pub overdue: bool,
    /// Items created by this user.
    pub created_by: Option<ID>,
    /// Words to find in the title, description or comments, as in a web
    /// search: `"a phrase"`, `-without`, `this or that`. At most 200
    /// characters.
    pub search: Option<String>,
}

impl ItemFilterInput {
    /// The domain's filter; every id that does not parse is named.
    pub(super) fn parse(self, today: NaiveDate) -> DomainResult<work::ItemFilter> {
        let mut errors = FieldErrors::new();
        let assignee_id = filter_id(&mut errors, "assigneeId", &self.assignee_id);
        let team_id: Option<TeamId> = filter_id(&mut errors, "teamId", &self.team_id);
        let parent_id: Option<ItemId> = filter_id(&mut errors, "parentId", &self.parent_id);
        let created_by = filter_id(&mut errors, "createdBy", &self.created_by);
        let tag_ids: Vec<TagId> = self
            .tag_ids
            .iter()
            .enumerate()
            .filter_map(|(index, raw)| {
                errors.check(parse_id(&format!("filter.tagIds[{index}]"), raw))
            })
            .collect();
        errors.into_result()?;
        Ok(work::ItemFilter {
            status: self
                .status
                .map(|list| list.into_iter().map(Into::into).collect()),
            priority: self
                .priority
                .map(|list| list.into_iter().map(Into::into).collect()),
            assignee_id,
            unassigned: self.unassigned,
            team_id,
            tag_ids,
            tag_match: match self.tag_match {
                TagMatchMode::All => TagMatch::All,
                TagMatchMode::Any => TagMatch::Any,
            },
            parent_id,
            top_level_only: self.top_level_only,
            due_before: self.due_before,
            due_after: self.due_after,
            overdue_on: self.overdue.then_some(today),
            created_by,
            search: self
                .search
                .map(|words| words.trim().to_owned())
                .filter(|words| !words.is_empty()),
        })
    }
}

fn filter_id<I: std::str::FromStr>(
    errors: &mut FieldErrors,
    field: &str,
    raw: &Option<ID>,
) -> Option<I> {
    raw.as_deref()
        .and_then(|raw| errors.check(parse_id(&format!("filter.{field}"), raw)))
}

/// Narrows `activity`; every field given must hold.
#[derive(Debug, Default, InputObject)]
pub struct ActivityFilterInput {
    /// Changes of this item.
    pub item_id: Option<ID>,
    /// Changes made by this user.
    pub actor_id: Option<ID>,
    pub action: Option<ActivityAction>,
    /// Changes that include this field (`status`, `assigneeIds`, …).
    pub field: Option<String>,
    /// With `field`: changes that set it to this value, as shown in
    /// `FieldChange.to` (`"DONE"` for a status).
    pub to: Option<String>,
    /// At or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Before this time.
    pub until: Option<DateTime<Utc>>,
}

impl ActivityFilterInput {
    fn parse(self) -> DomainResult<ActivityFilter> {
        let mut errors = FieldErrors::new();
        let item_id = self
            .item_id
            .as_deref()
            .and_then(|raw| errors.check(parse_id("filter.itemId", raw)));
        let actor_id = self
            .actor_id
            .as_deref()
            .and_then(|raw| errors.check(parse_id("filter.actorId", raw)));
        if self.to.is_some() && self.field.is_none() {
            errors.add(
                "filter.to",
                "needs filter.field, the field it is a value of",
            );
        }
        errors.into_result()?;
        Ok(ActivityFilter {
            item_id,
            actor_id,
            action: self.action.map(Into::into),
            field: self.field,
            to: self.to.map(serde_json::Value::String),
            since: self.since,
            until: self.until,
        })
    }
}

#[derive(Default)]
pub struct WorkQuery;

#[Object]
impl WorkQuery {
    /// The tenant's teams, oldest first.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn teams(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<TeamConnection> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let teams = state.work.teams.list(scope, page).await.gql(ctx)?;
        Ok(TeamConnection::from_page(teams, |team| team.id.as_uuid()))
    }

    /// One team.
    async fn team(&self, ctx: &Context<'_>, id: ID) -> Result<Team> {
        let state = ctx.data::<AppState>()?;
        let id: TeamId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        Ok(state.work.teams.get(scope, id).await.gql(ctx)?.into())
    }

    /// The tenant's tags, by name.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn tags(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<TagConnection> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let tags = state.work.tags.list(scope, page).await.gql(ctx)?;
        Ok(TagConnection::from_page(tags, |tag| tag.id.as_uuid()))
    }

    /// One tag.
    async fn tag(&self, ctx: &Context<'_>, id: ID) -> Result<Tag> {
        let state = ctx.data::<AppState>()?;
        let id: TagId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        Ok(state.work.tags.get(scope, id).await.gql(ctx)?.into())
    }

    /// The tenant's items, newest first unless `orderBy` says otherwise.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn items(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<ItemFilterInput>,
        order_by: Option<ItemOrderInput>,
    ) -> Result<ItemConnection> {
        let state = ctx.data::<AppState>()?;
        let today = state.work.items.today();
        let filter = filter.unwrap_or_default().parse(today).gql(ctx)?;
        let order = order_by.map(Into::into).unwrap_or_default();
        ItemConnection::list(ctx, &filter, order, first, after.as_deref()).await
    }

    /// One item.
    async fn item(&self, ctx: &Context<'_>, id: ID) -> Result<Item> {
        let state = ctx.data::<AppState>()?;
        let id: ItemId = parse_id("id", &id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let mut item = state.work.items.get(scope, id).await.gql(ctx)?.into();
        prefetch::items(ctx, ctx.look_ahead(), vec![&mut item]).await?;
        Ok(item)
    }

    /// The tenant's item history, newest first: "every item whose status
    /// changed to DONE by Ada last week" is
    /// `activity(filter: {actorId, field: "status", to: "DONE", since, until})`.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn activity(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<ActivityFilterInput>,
    ) -> Result<ActivityConnection> {
        let filter = filter.unwrap_or_default().parse().gql(ctx)?;
        ActivityConnection::list(ctx, &filter, first, after.as_deref()).await
    }

    /// Figures over the items that pass `filter`, computed by the
    /// database. Needs `items.read`.
    async fn item_analytics(
        &self,
        ctx: &Context<'_>,
        filter: Option<ItemFilterInput>,
    ) -> Result<super::types::ItemAnalytics> {
        let state = ctx.data::<AppState>()?;
        let filter = filter
            .unwrap_or_default()
            .parse(state.work.items.today())
            .gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let figures = state.work.analytics.items(scope, &filter).await.gql(ctx)?;
        Ok(figures.into())
    }

    /// Items completed in each of the last `weeks` ISO weeks (1 to 52),
    /// this one included, oldest first; weeks with none are listed.
    async fn throughput(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 12)] weeks: Option<i32>,
    ) -> Result<Vec<super::types::ThroughputWeek>> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let rows = state
            .work
            .analytics
            .throughput(scope, weeks.unwrap_or(12))
            .await
            .gql(ctx)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
