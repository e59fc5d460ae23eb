//! Teams: named groups of a tenant's members that items belong to.

use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use tokio::sync::OnceCell;
use trellis_work::{self as work, ItemFilter, TeamId};

use super::item::RELATIONS_ASSUMED;
use super::item_page::ItemConnection;
use crate::graphql::connection::{connection, page_complexity};
use crate::graphql::id;
use crate::graphql::tenancy::types::User;
use crate::graphql::work::loader::MembersOf;
use crate::graphql::work::query::ItemOrderInput;

/// A named group of the tenant's members.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Team {
    pub id: ID,
    /// Unique in the tenant, ignoring case.
    pub name: String,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub(crate) team_id: TeamId,
    #[graphql(skip)]
    pub(crate) loaded_members: OnceCell<Vec<User>>,
}

impl From<work::Team> for Team {
    fn from(team: work::Team) -> Self {
        Self {
            id: id(team.id),
            name: team.name,
            description: team.description,
            created_at: team.created_at,
            updated_at: team.updated_at,
            team_id: team.id,
            loaded_members: OnceCell::new(),
        }
    }
}

#[ComplexObject]
impl Team {
    /// Its members, who are all members of the tenant.
    #[graphql(complexity = "RELATIONS_ASSUMED * child_complexity")]
    async fn members(&self, ctx: &Context<'_>) -> Result<&Vec<User>> {
        self.loaded_members
            .get_or_try_init(|| async { super::people_of(ctx, MembersOf(self.team_id)).await })
            .await
    }

    /// The team's items, newest first unless `orderBy` says otherwise.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn items(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        order_by: Option<ItemOrderInput>,
    ) -> Result<ItemConnection> {
        let filter = ItemFilter {
            team_id: Some(self.team_id),
            ..ItemFilter::default()
        };
        let order = order_by.map(Into::into).unwrap_or_default();
        ItemConnection::list(ctx, &filter, order, first, after.as_deref()).await
    }
}

connection!(TeamConnection, TeamEdge, Team);
