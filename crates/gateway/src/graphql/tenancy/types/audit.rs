use async_graphql::{ID, Json, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_kernel as kernel;

use crate::graphql::connection::connection;
use crate::graphql::id;

/// One change in the tenant, recorded with the change itself.
#[derive(Debug, Clone, SimpleObject)]
pub struct AuditEntry {
    pub id: ID,
    /// `entity.verb`, e.g. `member.invited`.
    pub action: String,
    /// Who did it; `null` for changes made by the system.
    pub actor_id: Option<ID>,
    pub entity_type: String,
    pub entity_id: ID,
    /// The changed fields before the change, if it had a before.
    pub before: Option<Json<serde_json::Value>>,
    pub after: Option<Json<serde_json::Value>>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<kernel::AuditEntry> for AuditEntry {
    fn from(entry: kernel::AuditEntry) -> Self {
        Self {
            id: id(entry.id),
            action: entry.action,
            actor_id: entry.actor_id.map(id),
            entity_type: entry.entity_type,
            entity_id: ID(entry.entity_id),
            before: entry.before.map(Json),
            after: entry.after.map(Json),
            ip: entry.ip,
            user_agent: entry.user_agent,
            request_id: entry.request_id,
            created_at: entry.created_at,
        }
    }
}

connection!(AuditEntryConnection, AuditEntryEdge, AuditEntry);
