//! The Work product's GraphQL objects, converted from its domain types.

mod activity;
mod analytics;
mod attachment;
mod comment;
mod item;
mod item_page;
mod plain_fields;
mod ranked;
mod tag;
mod team;

pub use activity::{Activity, ActivityAction, ActivityConnection, FieldChange};
pub use analytics::{ItemAnalytics, ThroughputWeek};
pub use attachment::Attachment;
pub use comment::{Comment, CommentConnection};
pub use item::{Item, ItemStatus, Priority, Progress};
pub use item_page::ItemConnection;
pub use tag::{Tag, TagConnection};
pub use team::{Team, TeamConnection};

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Result};
use trellis_kernel::{DomainError, UserId};
use trellis_work::ports::Person;

use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;
use crate::graphql::tenancy::types::User;
use crate::graphql::work::loader::WorkLoader;

/// A person named on Work's objects, as the schema's `User`.
pub(crate) fn user(person: Person) -> User {
    User {
        id: id(person.id),
        email: person.email,
        name: person.name,
    }
}

/// The people a relation names (an item's assignees, a team's members), in
/// the relation's order: their ids, then the people, each through the
/// request's loader.
pub(crate) async fn people_of<K>(ctx: &Context<'_>, relation: K) -> Result<Vec<User>>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    WorkLoader: Loader<K, Value = Vec<UserId>, Error = Arc<DomainError>>,
{
    let loader = Loaders::work(ctx)?;
    let ids = loader
        .load_one(relation)
        .await
        .gql(ctx)?
        .unwrap_or_default();
    let mut people: HashMap<UserId, Person> = loader
        .load_many::<UserId, _>(ids.iter().copied())
        .await
        .gql(ctx)?;
    Ok(ids
        .iter()
        .filter_map(|user| people.remove(user))
        .map(user)
        .collect())
}
