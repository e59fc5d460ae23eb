use async_graphql::{Context, ID, Object, Result, SimpleObject};
use tokio::sync::OnceCell;
use trellis_kernel::Actor;
use trellis_tenancy as tenancy;

use super::tenant::Membership;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::state::AppState;

/// A person who can sign in.
#[derive(Debug, Clone, SimpleObject)]
pub struct User {
    pub id: ID,
    pub email: String,
    pub name: String,
}

impl From<tenancy::User> for User {
    fn from(user: tenancy::User) -> Self {
        Self {
            id: id(user.id),
            email: user.email.to_string(),
            name: user.name,
        }
    }
}

/// The signed-in user (see `#[Object] impl Me` for the schema).
pub struct Me {
    actor: Actor,
    /// Loaded on first use: `me { memberships }` needs no user row.
    user: OnceCell<tenancy::User>,
}

impl Me {
    pub fn new(actor: Actor) -> Self {
        Self {
            actor,
            user: OnceCell::new(),
        }
    }

    async fn user(&self, ctx: &Context<'_>) -> Result<&tenancy::User> {
        let state = ctx.data::<AppState>()?;
        self.user
            .get_or_try_init(|| state.tenancy.auth.current_user(&self.actor))
            .await
            .gql(ctx)
    }
}

/// The signed-in user, and the tenants they belong to.
#[Object]
impl Me {
    /// The user's id.
    async fn id(&self) -> ID {
        id(self.actor.user_id)
    }

    async fn email(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(self.user(ctx).await?.email.to_string())
    }

    async fn name(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(self.user(ctx).await?.name.clone())
    }

    /// Platform administrators may list, suspend and reactivate any tenant.
    async fn is_platform_admin(&self) -> bool {
        self.actor.is_platform_admin
    }

    /// Every tenant the user belongs to, with their role there.
    async fn memberships(&self, ctx: &Context<'_>) -> Result<Vec<Membership>> {
        let state = ctx.data::<AppState>()?;
        let memberships = state
            .tenancy
            .tenants
            .memberships_of(&self.actor)
            .await
            .gql(ctx)?;
        Ok(memberships.into_iter().map(Membership::from).collect())
    }
}
