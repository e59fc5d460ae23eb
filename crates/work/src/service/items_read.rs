//! Reading items: one, a page in any order with filters, and what a page
//! of them needs in one lookup per relation; their history.

use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, Permission, TenantCtx, UserId};

use super::items::ItemService;
use crate::activity::{Activity, ActivityFilter};
use crate::item::{Item, ItemFilter, ItemId, Progress};
use crate::order::{ItemPageRequest, ItemSort};
use crate::ports::{ItemRelations, ListedItem, Person};
use crate::tag::Tag;

impl ItemService {
    /// # Errors
    /// `NotFound` if the tenant has no such live item.
    pub async fn get(&self, ctx: &TenantCtx, id: ItemId) -> DomainResult<Item> {
        ctx.require(Permission::ItemsRead)?;
        self.deps
            .items
            .find_many(ctx.tenant_id, &[id])
            .await?
            .into_iter()
            .next()
            .ok_or(DomainError::not_found("item"))
    }

    /// The tenant's live items among `ids`, in one lookup.
    pub async fn get_many(&self, ctx: &TenantCtx, ids: &[ItemId]) -> DomainResult<Vec<Item>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.items.find_many(ctx.tenant_id, ids).await
    }

    /// # Errors
    /// `Validation` on filter fields that contradict each other.
    pub async fn list(
        &self,
        ctx: &TenantCtx,
        filter: &ItemFilter,
        page: &ItemPageRequest,
    ) -> DomainResult<Page<Item>> {
        check_list(ctx, filter, page)?;
        if page.order.sort == ItemSort::Relevance {
            let ranked = self
                .deps
                .items
                .list_ranked(ctx.tenant_id, filter, page)
                .await?;
            return Ok(ranked.map(|(item, _)| item));
        }
        self.deps.items.list(ctx.tenant_id, filter, page).await
    }

    /// As [`Self::list`], with the relations `with` names read along with
    /// the page where the store can (not in the relevance order).
    ///
    /// # Errors
    /// As [`Self::list`].
    pub async fn list_with(
        &self,
        ctx: &TenantCtx,
        filter: &ItemFilter,
        page: &ItemPageRequest,
        with: ItemRelations,
    ) -> DomainResult<Page<ListedItem>> {
        if page.order.sort == ItemSort::Relevance {
            let items = self.list(ctx, filter, page).await?;
            return Ok(items.map(ListedItem::alone));
        }
        check_list(ctx, filter, page)?;
        self.deps
            .items
            .list_with(ctx.tenant_id, filter, page, with)
            .await
    }

    /// A page of the items matching `filter.search`, each with its rank,
    /// in the order of `page` (for cursors in the relevance order).
    ///
    /// # Errors
    /// As [`Self::list`].
    pub async fn list_ranked(
        &self,
        ctx: &TenantCtx,
        filter: &ItemFilter,
        page: &ItemPageRequest,
    ) -> DomainResult<Page<(Item, f64)>> {
        if page.order.sort != ItemSort::Relevance {
            let items = self.list(ctx, filter, page).await?;
            return Ok(items.map(|item| (item, 0.0)));
        }
        // Validated as `list` validates; the ranks are kept.
        check_list(ctx, filter, page)?;
        self.deps
            .items
            .list_ranked(ctx.tenant_id, filter, page)
            .await
    }

    /// Open items due before this day (UTC) are overdue.
    pub fn today(&self) -> chrono::NaiveDate {
        self.deps.clock.now().date_naive()
    }

    pub async fn assignees(
        &self,
        ctx: &TenantCtx,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, UserId)>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.items.assignees(ctx.tenant_id, items).await
    }

    pub async fn tags(
        &self,
        ctx: &TenantCtx,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, Tag)>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.items.tags(ctx.tenant_id, items).await
    }

    /// The people among `users`: creators, assignees and actors of a page.
    pub async fn people(&self, ctx: &TenantCtx, users: &[UserId]) -> DomainResult<Vec<Person>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.members.people(ctx.tenant_id, users).await
    }

    pub async fn progress(
        &self,
        ctx: &TenantCtx,
        items: &[ItemId],
    ) -> DomainResult<Vec<(ItemId, Progress)>> {
        ctx.require(Permission::ItemsRead)?;
        self.deps.items.progress(ctx.tenant_id, items).await
    }

    /// The tenant's item history, newest first: of one item, or filtered
    /// by who changed which field to what, and when.
    ///
    /// # Errors
    /// `Validation` on `filter.until` when it is before `filter.since`.
    pub async fn activity(
        &self,
        ctx: &TenantCtx,
        filter: &ActivityFilter,
        page: PageRequest,
    ) -> DomainResult<Page<Activity>> {
        ctx.require(Permission::ItemsRead)?;
        if let (Some(since), Some(until)) = (filter.since, filter.until)
            && until < since
        {
            return Err(DomainError::invalid(
                "filter.until",
                "must not be before filter.since",
            ));
        }
        if let Some(field) = &filter.field
            && !crate::activity::FIELDS.contains(&field.as_str())
        {
            return Err(DomainError::invalid(
                "filter.field",
                format!("must be one of {}", crate::activity::FIELDS.join(", ")),
            ));
        }
        self.deps.activity.list(ctx.tenant_id, filter, page).await
    }
}

/// A filter whose fields do not contradict each other, whose
/// `search` is at most [`crate::item::SEARCH_MAX`] characters (the caller
/// trims it and drops a blank one): for lists and analytics alike.
pub(super) fn check_filter(filter: &ItemFilter) -> DomainResult<()> {
    if filter.unassigned && filter.assignee_id.is_some() {
        return Err(DomainError::invalid(
            "filter.unassigned",
            "cannot be combined with filter.assigneeId",
        ));
    }
    if filter.top_level_only && filter.parent_id.is_some() {
        return Err(DomainError::invalid(
            "filter.topLevelOnly",
            "cannot be combined with filter.parentId",
        ));
    }
    if let Some(search) = &filter.search
        && search.chars().count() > crate::item::SEARCH_MAX
    {
        return Err(DomainError::invalid(
            "filter.search",
            format!("must be at most {} characters", crate::item::SEARCH_MAX),
        ));
    }
    Ok(())
}

/// What every list of items checks before reading: the permission, the
/// filter and the order.
fn check_list(ctx: &TenantCtx, filter: &ItemFilter, page: &ItemPageRequest) -> DomainResult<()> {
    ctx.require(Permission::ItemsRead)?;
    check_filter(filter)?;
    check_order(filter, page)
}

/// The relevance order needs words to rank by.
fn check_order(filter: &ItemFilter, page: &ItemPageRequest) -> DomainResult<()> {
    if page.order.sort == ItemSort::Relevance && filter.search.is_none() {
        return Err(DomainError::invalid(
            "orderBy",
            "RELEVANCE needs filter.search, the words to rank by",
        ));
    }
    Ok(())
}
