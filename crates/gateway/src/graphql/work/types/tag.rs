//! Tags: a tenant's labels for items.

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_work as work;

use crate::graphql::connection::connection;
use crate::graphql::id;

/// A label for items, unique in the tenant by name (ignoring case).
#[derive(Debug, Clone, SimpleObject)]
pub struct Tag {
    pub id: ID,
    pub name: String,
    /// `#rrggbb`, in lower case.
    pub color: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<work::Tag> for Tag {
    fn from(tag: work::Tag) -> Self {
        Self {
            id: id(tag.id),
            name: tag.name,
            color: tag.color.to_string(),
            created_at: tag.created_at,
            updated_at: tag.updated_at,
        }
    }
}

connection!(TagConnection, TagEdge, Tag);
