//! What the intent use cases need from outside. Tenant first; each write
//! takes its audit entry. Errors not listed are `Internal`.

use crate::IntentId;
use async_trait::async_trait;
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{DomainResult, Page, PageRequest, RuleId, TenantId};

use crate::intent::{Intent, IntentFilter};

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait IntentRepository: Send + Sync {
    /// # Errors
    /// `Conflict` if the tenant has an intent of that name (ignoring case).
    async fn create(
        &self,
        tenant: TenantId,
        intent: &Intent,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Replaces every field but `id`, `tenant_id` and `created_at`.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` on a taken name.
    async fn update(
        &self,
        tenant: TenantId,
        intent: &Intent,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Deletes (softly) the intent and its rules in one transaction;
    /// returns the ids of the rules.
    ///
    /// # Errors
    /// `NotFound`.
    async fn delete(
        &self,
        tenant: TenantId,
        id: IntentId,
        audit: &AuditEntry,
    ) -> DomainResult<Vec<RuleId>>;

    /// Brings a deleted intent back with the rules its delete took (a rule
    /// whose datasource is deleted comes back with that datasource); returns
    /// the intent and the ids of the rules restored.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such intent, live or deleted;
    /// `Conflict` if it is not deleted, or a live intent has its name.
    async fn restore(
        &self,
        tenant: TenantId,
        id: IntentId,
        audit: &RestoreAudit<Intent>,
    ) -> DomainResult<(Intent, Vec<RuleId>)>;

    async fn find(&self, tenant: TenantId, id: IntentId) -> DomainResult<Option<Intent>>;

    /// The tenant's intents among `ids`, in no particular order; ids that
    /// name none are left out. One query, for a list's relations.
    async fn find_many(&self, tenant: TenantId, ids: &[IntentId]) -> DomainResult<Vec<Intent>>;

    /// Oldest first.
    async fn list(
        &self,
        tenant: TenantId,
        filter: &IntentFilter,
        page: PageRequest,
    ) -> DomainResult<Page<Intent>>;

    /// Every active intent, highest priority first, then oldest first: the
    /// order routing tries them in.
    async fn list_active(&self, tenant: TenantId) -> DomainResult<Vec<Intent>>;
}
