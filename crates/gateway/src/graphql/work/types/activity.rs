//! The history of items: who changed which fields from what to what.

use async_graphql::{ComplexObject, Context, Enum, ID, Json, Result, SimpleObject};
use chrono::{DateTime, Utc};
use serde_json::Value;
use trellis_kernel::{PageRequest, UserId};
use trellis_work::{self as work, ActivityFilter, ItemId};

use super::item::Item;
use crate::graphql::connection::connection;
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;
use crate::graphql::tenancy::types::User;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum ActivityAction {
    Created,
    Updated,
    Deleted,
    Restored,
}

impl From<work::ActivityAction> for ActivityAction {
    fn from(action: work::ActivityAction) -> Self {
        match action {
            work::ActivityAction::Created => ActivityAction::Created,
            work::ActivityAction::Updated => ActivityAction::Updated,
            work::ActivityAction::Deleted => ActivityAction::Deleted,
            work::ActivityAction::Restored => ActivityAction::Restored,
        }
    }
}

impl From<ActivityAction> for work::ActivityAction {
    fn from(action: ActivityAction) -> Self {
        match action {
            ActivityAction::Created => work::ActivityAction::Created,
            ActivityAction::Updated => work::ActivityAction::Updated,
            ActivityAction::Deleted => work::ActivityAction::Deleted,
            ActivityAction::Restored => work::ActivityAction::Restored,
        }
    }
}

/// One field's change. A plain field has `from` and `to` (`null` when
/// unset); `assigneeIds` and `tagIds` list the ids `added` and `removed`.
#[derive(Debug, Clone, SimpleObject)]
pub struct FieldChange {
    /// The field as the API spells it: `status`, `dueDate`, `assigneeIds`, …
    pub field: String,
    pub from: Json<Value>,
    pub to: Json<Value>,
    pub added: Vec<ID>,
    pub removed: Vec<ID>,
}

impl From<work::FieldChange> for FieldChange {
    fn from(change: work::FieldChange) -> Self {
        Self {
            field: change.field,
            from: Json(change.from),
            to: Json(change.to),
            added: change.added.into_iter().map(ID).collect(),
            removed: change.removed.into_iter().map(ID).collect(),
        }
    }
}

/// One change to an item, written with the change itself.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Activity {
    pub id: ID,
    /// The item changed, even when it has since been deleted.
    pub item_id: ID,
    pub action: ActivityAction,
    /// The fields changed; for a creation, every field that was set.
    pub changes: Vec<FieldChange>,
    pub at: DateTime<Utc>,
    #[graphql(skip)]
    pub(crate) item_key: ItemId,
    #[graphql(skip)]
    pub(crate) actor_key: Option<UserId>,
}

impl From<work::Activity> for Activity {
    fn from(activity: work::Activity) -> Self {
        Self {
            id: id(activity.id),
            item_id: id(activity.item_id),
            action: activity.action.into(),
            changes: activity.changes.into_iter().map(Into::into).collect(),
            at: activity.at,
            item_key: activity.item_id,
            actor_key: activity.actor_id,
        }
    }
}

#[ComplexObject]
impl Activity {
    /// Who made the change.
    async fn actor(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(actor) = self.actor_key else {
            return Ok(None);
        };
        let person = Loaders::work(ctx)?.load_one(actor).await.gql(ctx)?;
        Ok(person.map(super::user))
    }

    /// The item as it is now; empty once it is deleted.
    async fn item(&self, ctx: &Context<'_>) -> Result<Option<Item>> {
        let item = Loaders::work(ctx)?.load_one(self.item_key).await.gql(ctx)?;
        Ok(item.map(Item::from))
    }
}

connection!(ActivityConnection, ActivityEdge, Activity);

impl ActivityConnection {
    pub(crate) async fn list(
        ctx: &Context<'_>,
        filter: &ActivityFilter,
        first: Option<i32>,
        after: Option<&str>,
    ) -> Result<Self> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let page = PageRequest::from_args(first, after).gql(ctx)?;
        let entries = state
            .work
            .items
            .activity(scope, filter, page)
            .await
            .gql(ctx)?;
        Ok(Self::from_page(entries, |entry| entry.id.as_uuid()))
    }
}
