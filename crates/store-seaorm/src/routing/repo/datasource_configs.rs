use async_trait::async_trait;
use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::ports::DatasourceConfigRepository;
use trellis_datasources::{DatasourceConfig, EncryptedSecret};
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId};

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::routing::convert;
use crate::routing::entity::{datasource, datasource_config};
use crate::soft_delete::{deletion_of, mark_deleted, unmark_deleted, update_live};
use crate::tenancy::entity::tenant;
use crate::write::ensure_scope;
use crate::write::{find_many, one_of, scoped, scoped_all};

/// Tenants read from the directory at a time while walking them.
const TENANTS_PER_PASS: u64 = 500;

fn name_taken(config: &DatasourceConfig) -> impl FnOnce() -> String + '_ {
    || {
        format!(
            "a datasource config named `{}` exists (names ignore case)",
            config.name
        )
    }
}

fn in_use(name: &str, datasources: u64) -> String {
    let noun = if datasources == 1 {
        "datasource"
    } else {
        "datasources"
    };
    format!("config `{name}` is used by {datasources} {noun}; delete or move them first")
}

#[async_trait]
impl DatasourceConfigRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn create(
        &self,
        tenant: TenantId,
        config: &DatasourceConfig,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, config.tenant_id, "the datasource config")?;
        let model = convert::config_model(config)?;
        let txn = self.write(tenant).await?;
        datasource_config::Entity::insert(model)
            .exec_without_returning(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(config)))?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, config = %config.id))]
    async fn update(
        &self,
        tenant: TenantId,
        config: &DatasourceConfig,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, config.tenant_id, "the datasource config")?;
        let mut model = convert::config_model(config)?;
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.created_at = NotSet;
        let txn = self.write(tenant).await?;
        update_live::<datasource_config::Entity>(&txn, tenant, config.id.as_uuid(), model, |e| {
            conflict_on_unique(e, name_taken(config))
        })
        .await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, config = %id))]
    async fn delete(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        // Locked, so no datasource can start using it between the count and
        // the delete (SQLite's write transaction locks everything anyway).
        let name = scoped::<datasource_config::Entity>(tenant)
            .filter(datasource_config::Column::Id.eq(id.as_uuid()))
            .select_only()
            .column(datasource_config::Column::Name)
            .lock_exclusive()
            .into_tuple::<String>()
            .one(&txn)
            .await
            .map_err(internal)?
            .ok_or_else(|| DomainError::not_found("datasource config"))?;
        // Deleted datasources keep pointing at it: restoring one needs the
        // config restored first.
        let users = scoped::<datasource::Entity>(tenant)
            .filter(datasource::Column::ConfigId.eq(id.as_uuid()))
            .count(&txn)
            .await
            .map_err(internal)?;
        if users > 0 {
            return Err(DomainError::conflict(in_use(&name, users)));
        }
        mark_deleted::<datasource_config::Entity>(&txn, tenant, &[id.as_uuid()], audit).await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, config = %id))]
    async fn restore(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
        audit: &RestoreAudit<DatasourceConfig>,
    ) -> DomainResult<DatasourceConfig> {
        let txn = self.write(tenant).await?;
        let (row, _) = deletion_of::<datasource_config::Entity>(&txn, tenant, id.as_uuid()).await?;
        let config = convert::config(row)?;
        unmark_deleted::<datasource_config::Entity>(&txn, tenant, &[id.as_uuid()])
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(&config)))?;
        txn.commit(&audit.of(&config)).await?;
        Ok(config)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, config = %id))]
    async fn find(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
    ) -> DomainResult<Option<DatasourceConfig>> {
        one_of::<datasource_config::Entity>(tenant, id.as_uuid())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::config)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = ids.len()))]
    async fn find_many(
        &self,
        tenant: TenantId,
        ids: &[DatasourceConfigId],
    ) -> DomainResult<Vec<DatasourceConfig>> {
        let ids: Vec<_> = ids.iter().map(DatasourceConfigId::as_uuid).collect();
        find_many::<datasource_config::Entity, _>(&self.read(tenant), tenant, &ids, convert::config)
            .await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn find_by_name(
        &self,
        tenant: TenantId,
        name: &str,
    ) -> DomainResult<Option<DatasourceConfig>> {
        scoped::<datasource_config::Entity>(tenant)
            .filter(datasource_config::Column::NameKey.eq(name.to_lowercase()))
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::config)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(
        &self,
        tenant: TenantId,
        page: PageRequest,
    ) -> DomainResult<Page<DatasourceConfig>> {
        let mut query = scoped::<datasource_config::Entity>(tenant);
        if let Some(after) = page.after {
            query = query.filter(datasource_config::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(datasource_config::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let configs = rows
            .into_iter()
            .map(convert::config)
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(configs, &page))
    }

    /// Rotation is maintenance over every tenant, and row-level security
    /// shows each transaction one tenant: this walks the tenants (a
    /// platform table) and reads each one's stale configs in its own scope,
    /// until `limit` are found.
    #[tracing::instrument(skip_all)]
    async fn list_stale_credentials(
        &self,
        key_id: &str,
        limit: u64,
    ) -> DomainResult<Vec<DatasourceConfig>> {
        let mut found = Vec::new();
        let mut after: Option<uuid::Uuid> = None;
        loop {
            let mut tenants = tenant::Entity::find()
                .select_only()
                .column(tenant::Column::Id)
                .order_by_asc(tenant::Column::Id)
                .limit(TENANTS_PER_PASS);
            if let Some(after) = after {
                tenants = tenants.filter(tenant::Column::Id.gt(after));
            }
            let tenants = tenants
                .into_tuple::<uuid::Uuid>()
                .all(&self.db)
                .await
                .map_err(internal)?;
            let Some(last) = tenants.last().copied() else {
                return Ok(found);
            };
            after = Some(last);
            for tenant in tenants.into_iter().map(TenantId::from_uuid) {
                let wanted = limit.saturating_sub(found.len() as u64);
                if wanted == 0 {
                    return Ok(found);
                }
                // Deleted configs too: a restored one must still decrypt.
                let rows = scoped_all::<datasource_config::Entity>(tenant)
                    .filter(datasource_config::Column::CredentialsKeyId.is_not_null())
                    .filter(datasource_config::Column::CredentialsKeyId.ne(key_id))
                    .order_by_asc(datasource_config::Column::Id)
                    .limit(wanted)
                    .all(&self.read(tenant))
                    .await
                    .map_err(internal)?;
                if !rows.is_empty() {
                    tracing::info!(%tenant, configs = rows.len(), "credentials to re-encrypt");
                }
                for row in rows {
                    found.push(convert::config(row)?);
                }
            }
        }
    }

    /// Compare-and-set in one statement. `updated_at` stays: the plaintext
    /// is the same, so connectors keep their pools.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, config = %id))]
    async fn replace_credentials(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
        expected: &EncryptedSecret,
        replacement: &EncryptedSecret,
    ) -> DomainResult<bool> {
        let txn = self.write(tenant).await?;
        let updated = datasource_config::Entity::update_many()
            .col_expr(
                datasource_config::Column::CredentialsKeyId,
                Expr::value(replacement.key_id.as_str()),
            )
            .col_expr(
                datasource_config::Column::CredentialsCiphertext,
                Expr::value(replacement.ciphertext.as_str()),
            )
            .filter(datasource_config::Column::TenantId.eq(tenant.as_uuid()))
            .filter(datasource_config::Column::Id.eq(id.as_uuid()))
            .filter(datasource_config::Column::CredentialsKeyId.eq(expected.key_id.as_str()))
            .filter(
                datasource_config::Column::CredentialsCiphertext.eq(expected.ciphertext.as_str()),
            )
            .exec(&txn)
            .await
            .map_err(internal)?;
        txn.commit_unaudited().await?;
        Ok(updated.rows_affected == 1)
    }
}
