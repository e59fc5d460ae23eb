//! The audit trail every product writes: one entry per change, committed in
//! the same transaction as the change, and the port that reads it back.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::actor::{RequestMeta, TenantCtx};
use crate::define_id;
use crate::error::DomainResult;
use crate::id::{TenantId, UserId};
use crate::paging::{Page, PageRequest};

define_id!(
    /// One entry of a tenant's audit log.
    AuditEntryId
);

/// One change in a tenant, written in the same transaction as the change.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: AuditEntryId,
    pub tenant_id: TenantId,
    pub actor_id: Option<UserId>,
    /// `entity.verb`, e.g. `member.invited`.
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl AuditEntry {
    /// Starts an entry for `action` on one entity, stamped with the request's origin.
    pub fn new(
        tenant_id: TenantId,
        actor_id: Option<UserId>,
        meta: &RequestMeta,
        action: &str,
        entity: (&str, String),
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            id: AuditEntryId::generate(),
            tenant_id,
            actor_id,
            action: action.to_owned(),
            entity_type: entity.0.to_owned(),
            entity_id: entity.1,
            before: None,
            after: None,
            ip: meta.ip.clone(),
            user_agent: meta.user_agent.clone(),
            request_id: meta.request_id.clone(),
            created_at: at,
        }
    }

    /// Starts an entry for a change a member made in their current tenant.
    pub fn by_member(
        ctx: &TenantCtx,
        action: &str,
        entity: (&str, String),
        at: DateTime<Utc>,
    ) -> Self {
        Self::new(
            ctx.tenant_id,
            Some(ctx.user_id()),
            &ctx.actor.meta,
            action,
            entity,
            at,
        )
    }

    pub fn before(mut self, value: Value) -> Self {
        self.before = Some(value);
        self
    }

    pub fn after(mut self, value: Value) -> Self {
        self.after = Some(value);
        self
    }
}

/// The entry of a restore. What the log keeps of the object brought back
/// is known only once the store has read it, in the restore's own
/// transaction, so the entry comes with the function that describes it.
pub struct RestoreAudit<T> {
    pub entry: AuditEntry,
    pub snapshot: fn(&T) -> Value,
}

impl<T> RestoreAudit<T> {
    pub fn new(entry: AuditEntry, snapshot: fn(&T) -> Value) -> Self {
        Self { entry, snapshot }
    }

    /// The entry, with `restored` as what it changed to.
    pub fn of(&self, restored: &T) -> AuditEntry {
        self.entry.clone().after((self.snapshot)(restored))
    }
}

impl<T> std::fmt::Debug for RestoreAudit<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RestoreAudit")
            .field("entry", &self.entry)
            .finish_non_exhaustive()
    }
}

/// Narrows the audit log; every set field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor_id: Option<UserId>,
    pub entity_type: Option<String>,
}

/// Reads the audit log back; writes happen with each change, inside the
/// adapter's transaction for it.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait AuditRepository: Send + Sync {
    /// Entries of the tenant matching `filter`, newest first.
    async fn list(
        &self,
        tenant: TenantId,
        filter: &AuditFilter,
        page: PageRequest,
    ) -> DomainResult<Page<AuditEntry>>;
}
