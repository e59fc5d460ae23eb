use async_trait::async_trait;
use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::ports::DatasourceConfigRepository;
use trellis_datasources::{DatasourceConfig, EncryptedSecret};
use trellis_kernel::AuditEntry;
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId};

use crate::SeaOrmStore;
use crate::error::{conflict_on_reference, conflict_on_unique, internal};
use crate::routing::convert;
use crate::routing::entity::{datasource, datasource_config};
use crate::write::ensure_scope;
use crate::write::{find_many, scoped};

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
        let updated = datasource_config::Entity::update_many()
            .set(model)
            .filter(datasource_config::Column::TenantId.eq(tenant.as_uuid()))
            .filter(datasource_config::Column::Id.eq(config.id.as_uuid()))
            .exec(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(config)))?;
        if updated.rows_affected == 0 {
            return Err(DomainError::not_found("datasource config"));
        }
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
        let users = datasource::Entity::find()
            .filter(datasource::Column::TenantId.eq(tenant.as_uuid()))
            .filter(datasource::Column::ConfigId.eq(id.as_uuid()))
            .count(&txn)
            .await
            .map_err(internal)?;
        if users > 0 {
            return Err(DomainError::conflict(in_use(&name, users)));
        }
        // The RESTRICT key is the backstop should the count ever be wrong.
        datasource_config::Entity::delete_many()
            .filter(datasource_config::Column::TenantId.eq(tenant.as_uuid()))
            .filter(datasource_config::Column::Id.eq(id.as_uuid()))
            .exec(&txn)
            .await
            .map_err(|e| {
                conflict_on_reference(e, || {
                    format!("config `{name}` is used by datasources; delete or move them first")
                })
            })?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, config = %id))]
    async fn find(
        &self,
        tenant: TenantId,
        id: DatasourceConfigId,
    ) -> DomainResult<Option<DatasourceConfig>> {
        datasource_config::Entity::find_by_id((tenant.as_uuid(), id.as_uuid()))
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

    /// The one unscoped read of configs: rotation is maintenance over all
    /// tenants, each config then rewritten in its own tenant's scope.
    #[tracing::instrument(skip_all)]
    async fn list_stale_credentials(
        &self,
        key_id: &str,
        limit: u64,
    ) -> DomainResult<Vec<DatasourceConfig>> {
        let rows = datasource_config::Entity::find()
            .filter(datasource_config::Column::CredentialsKeyId.is_not_null())
            .filter(datasource_config::Column::CredentialsKeyId.ne(key_id))
            .order_by_asc(datasource_config::Column::TenantId)
            .order_by_asc(datasource_config::Column::Id)
            .limit(limit)
            // Key rotation walks every tenant's configs: a platform read.
            .all(&self.db)
            .await
            .map_err(internal)?;
        rows.into_iter().map(convert::config).collect()
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
            .exec(&self.db)
            .await
            .map_err(internal)?;
        Ok(updated.rows_affected == 1)
    }
}
