//! What the Work use cases need from outside. Tenant first; each write
//! takes its audit entry, and each write to an item its history entry,
//! committed with it. Errors not listed are `Internal`.

use async_trait::async_trait;
use trellis_kernel::{
    AuditEntry, DomainError, DomainResult, Page, PageRequest, RestoreAudit, TenantId, UserId,
};

use crate::activity::{Activity, ActivityFilter};
use crate::item::{Item, ItemFilter, ItemId, ItemState, Progress};
use crate::order::ItemPageRequest;
use crate::tag::{Tag, TagId};
use crate::team::{Team, TeamId};

mod files;
pub use files::*;

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait TeamRepository: Send + Sync {
    /// # Errors
    /// `Conflict` if a live team of the tenant has that name (ignoring case).
    async fn create(&self, tenant: TenantId, team: &Team, audit: &AuditEntry) -> DomainResult<()>;

    /// # Errors
    /// `NotFound`; `Conflict` on a taken name.
    async fn update(&self, tenant: TenantId, team: &Team, audit: &AuditEntry) -> DomainResult<()>;

    /// Deletes the team softly; its items keep pointing at it and show no
    /// team until it is restored.
    ///
    /// # Errors
    /// `NotFound`.
    async fn delete(&self, tenant: TenantId, id: TeamId, audit: &AuditEntry) -> DomainResult<()>;

    /// # Errors
    /// `NotFound` if the tenant has no such team, live or deleted;
    /// `Conflict` if it is not deleted or a live team has its name.
    async fn restore(
        &self,
        tenant: TenantId,
        id: TeamId,
        audit: &RestoreAudit<Team>,
    ) -> DomainResult<Team>;

    async fn find(&self, tenant: TenantId, id: TeamId) -> DomainResult<Option<Team>>;

    /// The tenant's live teams among `ids`; the others are left out.
    async fn find_many(&self, tenant: TenantId, ids: &[TeamId]) -> DomainResult<Vec<Team>>;

    /// Oldest first.
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Team>>;

    /// # Errors
    /// `NotFound` for a team the tenant does not have; `Conflict` if the
    /// user is in the team already.
    async fn add_member(
        &self,
        tenant: TenantId,
        team: TeamId,
        user: UserId,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// # Errors
    /// `NotFound` when the user is not in the team.
    async fn remove_member(
        &self,
        tenant: TenantId,
        team: TeamId,
        user: UserId,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// The members of each of `teams`, oldest membership first.
    async fn members(
        &self,
        tenant: TenantId,
        teams: &[TeamId],
    ) -> DomainResult<Vec<(TeamId, UserId)>>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait TagRepository: Send + Sync {
    /// # Errors
    /// `Conflict` if a live tag of the tenant has that name (ignoring case).
    async fn create(&self, tenant: TenantId, tag: &Tag, audit: &AuditEntry) -> DomainResult<()>;

    /// # Errors
    /// `NotFound`; `Conflict` on a taken name.
    async fn update(&self, tenant: TenantId, tag: &Tag, audit: &AuditEntry) -> DomainResult<()>;

    /// Deletes the tag softly: items stop showing it.
    ///
    /// # Errors
    /// `NotFound`.
    async fn delete(&self, tenant: TenantId, id: TagId, audit: &AuditEntry) -> DomainResult<()>;

    async fn find(&self, tenant: TenantId, id: TagId) -> DomainResult<Option<Tag>>;

    /// The tenant's live tags among `ids`; the others are left out.
    async fn find_many(&self, tenant: TenantId, ids: &[TagId]) -> DomainResult<Vec<Tag>>;

    /// By name, ignoring case.
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Tag>>;
}

/// Ids added to and removed from a set relation by one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetChange<T> {
    pub added: Vec<T>,
    pub removed: Vec<T>,
}

impl<T> Default for SetChange<T> {
    fn default() -> Self {
        Self {
            added: Vec::new(),
            removed: Vec::new(),
        }
    }
}

impl<T: PartialEq + Clone> SetChange<T> {
    pub fn between(before: &[T], after: &[T]) -> Self {
        Self {
            added: after
                .iter()
                .filter(|id| !before.contains(id))
                .cloned()
                .collect(),
            removed: before
                .iter()
                .filter(|id| !after.contains(id))
                .cloned()
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// One change to an item, as the store applies it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemUpdate {
    /// The item as it is after the change, with its new version.
    pub item: Item,
    /// The version the change was computed from: the store applies it only
    /// if the item still has it.
    pub previous_version: i64,
    pub assignees: SetChange<UserId>,
    pub tags: SetChange<TagId>,
}

/// One change to an item with the audit and history entries it commits
/// with.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemChange {
    pub update: ItemUpdate,
    pub audit: AuditEntry,
    pub activity: Activity,
}

/// Why a batch of item changes was not written: the change at `index`
/// failed, or (with no index) the batch as a whole did.
#[derive(Debug)]
pub struct BatchError {
    pub index: Option<usize>,
    pub error: DomainError,
}

impl From<DomainError> for BatchError {
    fn from(error: DomainError) -> Self {
        Self { index: None, error }
    }
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait ItemRepository: Send + Sync {
    /// Stores a new item with its assignees and tags. The plan's item limit
    /// and the parent's child limit are checked again inside the same
    /// transaction, so concurrent creations cannot pass them.
    ///
    /// # Errors
    /// `LimitExceeded` at the plan's item limit or the parent's child limit.
    async fn create(
        &self,
        tenant: TenantId,
        state: &ItemState,
        audit: &AuditEntry,
        activity: &Activity,
    ) -> DomainResult<()>;

    /// # Errors
    /// `NotFound`; `Conflict` naming the current version when the item no
    /// longer has `previous_version`; `LimitExceeded` at the new parent's
    /// child limit.
    async fn update(
        &self,
        tenant: TenantId,
        update: &ItemUpdate,
        audit: &AuditEntry,
        activity: &Activity,
    ) -> DomainResult<()>;

    /// Applies every change in order, in one transaction, each checked as
    /// [`Self::update`] checks one, each with its audit and history entry:
    /// all of them or none.
    ///
    /// # Errors
    /// The first change that fails, by its index, with the error
    /// [`Self::update`] would give for it; nothing is written.
    async fn update_many(&self, tenant: TenantId, changes: &[ItemChange])
    -> Result<(), BatchError>;

    /// Deletes the item and its whole subtree softly, if the item still
    /// has `version`; returns the ids of the subtasks it took along.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` naming the current version.
    async fn delete(
        &self,
        tenant: TenantId,
        id: ItemId,
        version: i64,
        audit: &AuditEntry,
        activity: &Activity,
    ) -> DomainResult<Vec<ItemId>>;

    /// Brings a deleted item back with the subtasks its delete took;
    /// returns it and their ids.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such item, live or deleted;
    /// `Conflict` if it is not deleted, or its parent is deleted.
    async fn restore(
        &self,
        tenant: TenantId,
        id: ItemId,
        audit: &RestoreAudit<Item>,
        activity: &Activity,
    ) -> DomainResult<(Item, Vec<ItemId>)>;

    /// A live item with its assignees and tags.
    async fn find(&self, tenant: TenantId, id: ItemId) -> DomainResult<Option<ItemState>>;

    /// The tenant's live items among `ids`; the others are left out.
    async fn find_many(&self, tenant: TenantId, ids: &[ItemId]) -> DomainResult<Vec<Item>>;

    /// The assignees of each of `items`, in one query.
    async fn assignees(
        &self,
        tenant: TenantId,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, UserId)>>;

    /// The live tags of each of `items`, by name, in one query.
    async fn tags(&self, tenant: TenantId, items: &[ItemId]) -> DomainResult<Vec<(ItemId, Tag)>>;

    /// How many direct subtasks each of `items` has, and how many are DONE.
    async fn progress(
        &self,
        tenant: TenantId,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, Progress)>>;

    async fn list(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        page: &ItemPageRequest,
    ) -> DomainResult<Page<Item>>;

    /// As [`Self::list`], with the relations `with` names read by the same
    /// statement where the store can; one it leaves `None` is the
    /// caller's to load.
    async fn list_with(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        page: &ItemPageRequest,
        with: ItemRelations,
    ) -> DomainResult<Page<ListedItem>>;

    /// The items matching `filter` (whose `search` is set) by relevance to
    /// the search, ties by id, each with its rank: higher is better.
    async fn list_ranked(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        page: &ItemPageRequest,
    ) -> DomainResult<Page<(Item, f64)>>;

    /// The chain above `id`: its parent first, then the parent's parent, at
    /// most `limit` of them.
    async fn ancestors(
        &self,
        tenant: TenantId,
        id: ItemId,
        limit: usize,
    ) -> DomainResult<Vec<ItemId>>;

    /// How many levels of live subtasks hang below `id` (0 for none), up
    /// to `limit`.
    async fn subtree_height(
        &self,
        tenant: TenantId,
        id: ItemId,
        limit: usize,
    ) -> DomainResult<usize>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait ActivityRepository: Send + Sync {
    /// Entries of the tenant matching `filter`, newest first.
    async fn list(
        &self,
        tenant: TenantId,
        filter: &ActivityFilter,
        page: PageRequest,
    ) -> DomainResult<Page<Activity>>;
}

/// Who belongs to a tenant, as Work needs to know it.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait MemberDirectory: Send + Sync {
    /// Those of `users` who are members of the tenant now.
    async fn members_among(&self, tenant: TenantId, users: &[UserId]) -> DomainResult<Vec<UserId>>;

    /// The people among `users`, in one query: the creators, assignees and
    /// actors a page names. A person who has since left the tenant is still
    /// shown by name on what they did; ids come only from the tenant's rows.
    async fn people(&self, tenant: TenantId, users: &[UserId]) -> DomainResult<Vec<Person>>;
}

/// Someone named on an item: its creator, an assignee, the actor of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: UserId,
    pub email: String,
    pub name: String,
}

/// What a page of items reads besides their short fields: the relations
/// it can read along with them, and their descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ItemRelations {
    pub tags: bool,
    pub creators: bool,
    /// Up to 50,000 characters an item, which a list seldom shows; when
    /// false, every listed item's `description` is empty.
    pub descriptions: bool,
}

impl ItemRelations {
    /// Whole items and nothing more.
    pub const ITEMS: Self = Self {
        tags: false,
        creators: false,
        descriptions: true,
    };
}

/// A listed item with the relations its list read along with it: `None`
/// for one not asked for or not read.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedItem {
    pub item: Item,
    /// The item's live tags, by name.
    pub tags: Option<Vec<Tag>>,
    /// Whoever created it; `Some(None)` if their account is gone.
    pub creator: Option<Option<Person>>,
}

impl ListedItem {
    /// An item read without relations.
    pub fn alone(item: Item) -> Self {
        Self {
            item,
            tags: None,
            creator: None,
        }
    }
}

/// Comments on items. Writing one leaves the item's version alone.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait CommentRepository: Send + Sync {
    /// # Errors
    /// `NotFound` naming the item when the tenant has no such live item.
    async fn create(
        &self,
        tenant: TenantId,
        comment: &crate::comment::Comment,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Stores a new body (and its `edited_at`).
    ///
    /// # Errors
    /// `NotFound`.
    async fn update(
        &self,
        tenant: TenantId,
        comment: &crate::comment::Comment,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Deletes the comment softly.
    ///
    /// # Errors
    /// `NotFound`.
    async fn delete(
        &self,
        tenant: TenantId,
        id: crate::comment::CommentId,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// A live comment on a live item.
    async fn find(
        &self,
        tenant: TenantId,
        id: crate::comment::CommentId,
    ) -> DomainResult<Option<crate::comment::Comment>>;

    /// The live comments on `item`, oldest first.
    async fn list(
        &self,
        tenant: TenantId,
        item: ItemId,
        page: PageRequest,
    ) -> DomainResult<Page<crate::comment::Comment>>;

    /// How many live comments each of `items` has, in one query; items
    /// without any are left out.
    async fn counts(&self, tenant: TenantId, items: &[ItemId]) -> DomainResult<Vec<(ItemId, u64)>>;
}

/// Figures over items, computed by the store's aggregates.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait AnalyticsRepository: Send + Sync {
    /// Over the tenant's live items that pass `filter`: overdue as of
    /// `today`, completed since `week_start`.
    async fn item_analytics(
        &self,
        tenant: TenantId,
        filter: &ItemFilter,
        today: chrono::NaiveDate,
        week_start: chrono::NaiveDate,
    ) -> DomainResult<crate::analytics::ItemAnalytics>;

    /// Items completed in each of `weeks` weeks from `first_week_start`,
    /// one row per week (weeks with none included), oldest first.
    async fn throughput(
        &self,
        tenant: TenantId,
        first_week_start: chrono::NaiveDate,
        weeks: u32,
    ) -> DomainResult<Vec<crate::analytics::ThroughputWeek>>;
}
