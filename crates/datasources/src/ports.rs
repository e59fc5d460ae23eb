//! What the datasource use cases and rule evaluation need from outside. Every
//! tenant-scoped method takes the tenant first; each write takes its audit
//! entry, committed in the same transaction. Errors not listed are `Internal`.

use crate::DatasourceConfigId;
use crate::DatasourceId;
use async_trait::async_trait;
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{DomainResult, Page, PageRequest, RuleId, TenantId};

use crate::config::DatasourceConfig;
use crate::datasource::Datasource;
use crate::lookup::{Lookup, LookupError, LookupResult, TimedAnswer};
use crate::secret::EncryptedSecret;

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait DatasourceConfigRepository: Send + Sync {
    /// # Errors
    /// `Conflict` if the tenant has a config of that name (ignoring case).
    async fn create(
        &self,
        tenant: TenantId,
        config: &DatasourceConfig,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Replaces every field but `id`, `tenant_id` and `created_at`.
    ///
    /// # Errors
    /// `NotFound` if there is no such config in the tenant; `Conflict` on a
    /// taken name.
    async fn update(
        &self,
        tenant: TenantId,
        config: &DatasourceConfig,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// # Errors
    /// `NotFound`; `Conflict` naming how many datasources still use it.
    async fn delete(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Brings a deleted config back. Its datasources stay as they are.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such config, live or deleted;
    /// `Conflict` if it is not deleted, or a live config has its name.
    async fn restore(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
        audit: &RestoreAudit<DatasourceConfig>,
    ) -> DomainResult<DatasourceConfig>;

    async fn find(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
    ) -> DomainResult<Option<DatasourceConfig>>;

    /// The tenant's configs among `ids`, in no particular order; ids that
    /// name none are left out. One query, for a list's relations.
    async fn find_many(
        &self,
        tenant: TenantId,
        ids: &[DatasourceConfigId],
    ) -> DomainResult<Vec<DatasourceConfig>>;

    /// Looks the name up ignoring case.
    async fn find_by_name(
        &self,
        tenant: TenantId,
        name: &str,
    ) -> DomainResult<Option<DatasourceConfig>>;

    /// Oldest first.
    async fn list(
        &self,
        tenant: TenantId,
        page: PageRequest,
    ) -> DomainResult<Page<DatasourceConfig>>;

    /// Up to `limit` configs, of any tenant, whose credentials are encrypted
    /// under a key other than `key_id`: the work list of key rotation.
    async fn list_stale_credentials(
        &self,
        key_id: &str,
        limit: u64,
    ) -> DomainResult<Vec<DatasourceConfig>>;

    /// Swaps the stored credentials if they are still `expected`; `false` if
    /// the config changed meanwhile (or is gone), so nothing is overwritten.
    async fn replace_credentials(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
        expected: &EncryptedSecret,
        replacement: &EncryptedSecret,
    ) -> DomainResult<bool>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait DatasourceRepository: Send + Sync {
    /// Stores the datasource and, for FILE, its CSV.
    ///
    /// # Errors
    /// `Conflict` on a taken name; `NotFound("datasource config")` if the
    /// config is not the tenant's.
    async fn create(
        &self,
        tenant: TenantId,
        datasource: &Datasource,
        csv: Option<Vec<u8>>,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Replaces every field but `id`, `tenant_id` and `created_at`; `csv`,
    /// when given, replaces the stored file.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` on a taken name.
    async fn update(
        &self,
        tenant: TenantId,
        datasource: &Datasource,
        csv: Option<Vec<u8>>,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Deletes the datasource, its file and every rule that queries it, in
    /// one transaction; returns the ids of those rules.
    ///
    /// # Errors
    /// `NotFound`.
    async fn delete(
        &self,
        tenant: TenantId,
        id: DatasourceId,
        audit: &AuditEntry,
    ) -> DomainResult<Vec<RuleId>>;

    /// Brings a deleted datasource back, its file, and the rules its delete
    /// took (a rule whose intent is deleted comes back with that intent);
    /// returns it and the ids of the rules restored.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such datasource, live or deleted;
    /// `Conflict` if it is not deleted, a live datasource has its name, or
    /// its config is deleted (restore that first).
    async fn restore(
        &self,
        tenant: TenantId,
        id: DatasourceId,
        audit: &RestoreAudit<Datasource>,
    ) -> DomainResult<(Datasource, Vec<RuleId>)>;

    async fn find(&self, tenant: TenantId, id: DatasourceId) -> DomainResult<Option<Datasource>>;

    /// The tenant's datasources among `ids`, in no particular order; ids
    /// that name none are left out. One query, for a list's relations.
    async fn find_many(
        &self,
        tenant: TenantId,
        ids: &[DatasourceId],
    ) -> DomainResult<Vec<Datasource>>;

    /// Oldest first.
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Datasource>>;

    /// The uploaded CSV of a FILE datasource.
    async fn file_content(
        &self,
        tenant: TenantId,
        id: DatasourceId,
    ) -> DomainResult<Option<Vec<u8>>>;
}

/// Talks to datasources. Implementations keep one pool per config (keyed by
/// its `updated_at`, so a changed config never reuses an old pool) and refuse
/// addresses the network policy forbids.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait Connector: Send + Sync {
    /// Runs one lookup. A failure is the datasource's, described for the
    /// tenant; it never carries a credential.
    async fn lookup(
        &self,
        config: &DatasourceConfig,
        datasource: &Datasource,
        lookup: &Lookup,
    ) -> Result<LookupResult, LookupError>;

    /// Runs `lookups` on one config together, answering each in order. SQL
    /// implementations run them in one read-only transaction, so the rules
    /// of an email cost one transaction rather than one each; a failing
    /// statement fails only its own answer.
    async fn lookup_all(
        &self,
        config: &DatasourceConfig,
        datasource: &Datasource,
        lookups: &[Lookup],
    ) -> Vec<TimedAnswer> {
        one_by_one(self, config, datasource, lookups).await
    }

    /// Connects (and for SQL runs `SELECT 1`) to show the config works.
    async fn probe(&self, config: &DatasourceConfig) -> Result<(), LookupError>;

    /// Drops whatever is pooled or cached for the config.
    fn evict(&self, tenant: TenantId, config: DatasourceConfigId);
}

/// Answers `lookups` with one `lookup` each, in order: what a connector does
/// when it has no cheaper way to run several together.
pub async fn one_by_one<C: Connector + ?Sized>(
    connector: &C,
    config: &DatasourceConfig,
    datasource: &Datasource,
    lookups: &[Lookup],
) -> Vec<TimedAnswer> {
    let mut answers = Vec::with_capacity(lookups.len());
    for lookup in lookups {
        let started = std::time::Instant::now();
        let result = connector.lookup(config, datasource, lookup).await;
        answers.push(TimedAnswer {
            result,
            took: started.elapsed(),
        });
    }
    answers
}
