//! What rules and routing need from outside. Tenant first; each write takes
//! its audit entry. Errors not listed are `Internal`.

use async_trait::async_trait;
use trellis_datasources::{Datasource, DatasourceConfig};
use trellis_intents::Intent;
use trellis_intents::IntentId;
use trellis_kernel::AuditEntry;
use trellis_kernel::{DomainResult, Page, PageRequest, RuleId, TenantId};

use crate::rule::ValidationRule;
use crate::run::{RoutingRun, RoutingRunFilter};

/// A rule with what it needs to run: its datasource and that one's config.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleTarget {
    pub rule: ValidationRule,
    pub datasource: Datasource,
    pub config: DatasourceConfig,
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait RuleRepository: Send + Sync {
    /// # Errors
    /// `NotFound("intent")` or `NotFound("datasource")` if either is not the
    /// tenant's (the composite foreign keys refuse it).
    async fn create(
        &self,
        tenant: TenantId,
        rule: &ValidationRule,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Creates the intent and all its rules, or nothing.
    ///
    /// # Errors
    /// `Conflict` on a taken intent name; `NotFound("datasource")`.
    async fn create_intent_with_rules(
        &self,
        tenant: TenantId,
        intent: &Intent,
        rules: &[ValidationRule],
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Replaces every field but `id`, `tenant_id`, `intent_id` and `created_at`.
    ///
    /// # Errors
    /// `NotFound` for the rule or its new datasource.
    async fn update(
        &self,
        tenant: TenantId,
        rule: &ValidationRule,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// # Errors
    /// `NotFound`.
    async fn delete(&self, tenant: TenantId, id: RuleId, audit: &AuditEntry) -> DomainResult<()>;

    /// Sets each rule's priority, all or nothing.
    ///
    /// # Errors
    /// `NotFound` if any rule is not one of the intent's.
    async fn set_priorities(
        &self,
        tenant: TenantId,
        intent: IntentId,
        priorities: &[(RuleId, i32)],
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    async fn find(&self, tenant: TenantId, id: RuleId) -> DomainResult<Option<ValidationRule>>;

    /// The intent's rules, highest priority first, then oldest first.
    async fn list_for_intent(
        &self,
        tenant: TenantId,
        intent: IntentId,
    ) -> DomainResult<Vec<ValidationRule>>;

    /// The rules of each of `intents`, grouped by intent, each group in the
    /// order of `list_for_intent`. One query, for a list's relations.
    async fn list_for_intents(
        &self,
        tenant: TenantId,
        intents: &[IntentId],
    ) -> DomainResult<Vec<ValidationRule>>;

    /// The intent's active rules with their datasources and configs, in the
    /// order they run: highest priority first, then oldest first. One query.
    async fn list_targets(
        &self,
        tenant: TenantId,
        intent: IntentId,
    ) -> DomainResult<Vec<RuleTarget>>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait RoutingRunRepository: Send + Sync {
    async fn insert(&self, tenant: TenantId, run: &RoutingRun) -> DomainResult<()>;

    /// Newest first.
    async fn list(
        &self,
        tenant: TenantId,
        filter: &RoutingRunFilter,
        page: PageRequest,
    ) -> DomainResult<Page<RoutingRun>>;
}
