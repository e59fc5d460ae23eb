//! Items: the tasks of the tracker, with subtasks, assignees and tags.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use trellis_kernel::{TenantId, UserId, define_id};

use crate::tag::TagId;
use crate::team::TeamId;

define_id!(
    /// One item of a tenant.
    ItemId
);

pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 50_000;
/// An item and its ancestors: a top-level item is at depth 1.
pub const MAX_DEPTH: usize = 8;
pub const MAX_CHILDREN: u64 = 500;
/// Hours are an estimate of human work; this bound only keeps out nonsense.
pub const MAX_HOURS: f64 = 1_000_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ItemStatus {
    Todo,
    InProgress,
    InReview,
    Done,
    Archived,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 5] = [
        ItemStatus::Todo,
        ItemStatus::InProgress,
        ItemStatus::InReview,
        ItemStatus::Done,
        ItemStatus::Archived,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Todo => "TODO",
            ItemStatus::InProgress => "IN_PROGRESS",
            ItemStatus::InReview => "IN_REVIEW",
            ItemStatus::Done => "DONE",
            ItemStatus::Archived => "ARCHIVED",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == value)
    }

    /// Work still to be done: what can be overdue.
    pub const fn is_open(self) -> bool {
        !matches!(self, ItemStatus::Done | ItemStatus::Archived)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Priority {
    Low,
    Medium,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Low,
        Priority::Medium,
        Priority::High,
        Priority::Urgent,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "LOW",
            Priority::Medium => "MEDIUM",
            Priority::High => "HIGH",
            Priority::Urgent => "URGENT",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == value)
    }

    /// Stored as a number so that ordering by priority is ordering by a column.
    pub const fn rank(self) -> i16 {
        match self {
            Priority::Low => 0,
            Priority::Medium => 1,
            Priority::High => 2,
            Priority::Urgent => 3,
        }
    }

    pub fn from_rank(rank: i16) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.rank() == rank)
    }
}

/// An item's own fields. Its assignees and tags are relations, read apart
/// (a list loads them for a whole page at once).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub id: ItemId,
    #[serde(skip)]
    pub tenant_id: TenantId,
    pub title: String,
    pub description: Option<String>,
    pub status: ItemStatus,
    pub priority: Priority,
    pub due_date: Option<NaiveDate>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub team_id: Option<TeamId>,
    pub parent_id: Option<ItemId>,
    /// Starts at 1 and grows by one with every change: what
    /// `expectedVersion` is compared with.
    pub version: i64,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it last became DONE; cleared when it leaves DONE.
    pub completed_at: Option<DateTime<Utc>>,
}

/// An item with its assignees and tags: what a change is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    pub item: Item,
    pub assignee_ids: Vec<UserId>,
    pub tag_ids: Vec<TagId>,
}

/// How `tagIds` in a filter combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagMatch {
    /// Items carrying every one of the tags.
    #[default]
    All,
    /// Items carrying at least one of them.
    Any,
}

/// Narrows a list of items; every set field must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemFilter {
    pub status: Option<Vec<ItemStatus>>,
    pub priority: Option<Vec<Priority>>,
    pub assignee_id: Option<UserId>,
    pub unassigned: bool,
    pub team_id: Option<TeamId>,
    pub tag_ids: Vec<TagId>,
    pub tag_match: TagMatch,
    pub parent_id: Option<ItemId>,
    pub top_level_only: bool,
    pub due_before: Option<NaiveDate>,
    pub due_after: Option<NaiveDate>,
    /// Open items whose due date has passed, as of `today`.
    pub overdue_on: Option<NaiveDate>,
    pub created_by: Option<UserId>,
    /// Words to find in the title, description or comments, in the web
    /// search syntax (`"a phrase"`, `-without`, `this or that`).
    pub search: Option<String>,
}

/// The longest `filter.search` taken.
pub const SEARCH_MAX: usize = 200;

/// How many of an item's direct subtasks there are, and how many are DONE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub total: u64,
    pub done: u64,
}
