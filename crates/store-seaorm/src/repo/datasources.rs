use async_trait::async_trait;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect, SelectExt,
};
use trellis_datasources::Datasource;
use trellis_datasources::ports::DatasourceRepository;
use trellis_kernel::{
    DatasourceId, DomainError, DomainResult, Page, PageRequest, RuleId, TenantId,
};
use trellis_tenancy::AuditEntry;

use super::datasource_configs::config_exists;
use super::rules::delete_rules_of;
use super::{begin_write, ensure_scope, insert_audit};
use crate::SeaOrmStore;
use crate::convert_routing as convert;
use crate::entity::{datasource, datasource_file, validation_rule};
use crate::error::{internal, reference_write_error};

const CONFIG: &str = "datasource config";

fn name_taken(datasource: &Datasource) -> impl FnOnce() -> String + '_ {
    || {
        format!(
            "a datasource named `{}` exists (names ignore case)",
            datasource.name
        )
    }
}

/// Stores `csv` as the datasource's file, replacing any earlier one.
async fn put_file(
    txn: &DatabaseTransaction,
    tenant: TenantId,
    id: DatasourceId,
    csv: Vec<u8>,
) -> DomainResult<()> {
    let file = datasource_file::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        datasource_id: Set(id.as_uuid()),
        content: Set(csv),
    };
    datasource_file::Entity::insert(file)
        .on_conflict(
            OnConflict::columns([
                datasource_file::Column::TenantId,
                datasource_file::Column::DatasourceId,
            ])
            .update_column(datasource_file::Column::Content)
            .to_owned(),
        )
        .exec_without_returning(txn)
        .await
        .map_err(internal)?;
    Ok(())
}

#[async_trait]
impl DatasourceRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %datasource.id))]
    async fn create(
        &self,
        tenant: TenantId,
        datasource: &Datasource,
        csv: Option<Vec<u8>>,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, datasource.tenant_id, "the datasource")?;
        ensure_scope(tenant, audit.tenant_id, "the audit entry")?;
        let model = convert::datasource_model(datasource)?;
        let txn = begin_write(&self.db).await?;
        // Checked first for a clear error; the composite key is the backstop.
        if !config_exists(&txn, tenant, datasource.config_id).await? {
            return Err(DomainError::not_found(CONFIG));
        }
        datasource::Entity::insert(model)
            .exec_without_returning(&txn)
            .await
            .map_err(|e| reference_write_error(e, CONFIG, name_taken(datasource)))?;
        if let Some(csv) = csv {
            put_file(&txn, tenant, datasource.id, csv).await?;
        }
        insert_audit(&txn, audit).await?;
        txn.commit().await.map_err(internal)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %datasource.id))]
    async fn update(
        &self,
        tenant: TenantId,
        datasource: &Datasource,
        csv: Option<Vec<u8>>,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, datasource.tenant_id, "the datasource")?;
        ensure_scope(tenant, audit.tenant_id, "the audit entry")?;
        let mut model = convert::datasource_model(datasource)?;
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.created_at = NotSet;
        let txn = begin_write(&self.db).await?;
        if !config_exists(&txn, tenant, datasource.config_id).await? {
            return Err(DomainError::not_found(CONFIG));
        }
        let updated = datasource::Entity::update_many()
            .set(model)
            .filter(datasource::Column::TenantId.eq(tenant.as_uuid()))
            .filter(datasource::Column::Id.eq(datasource.id.as_uuid()))
            .exec(&txn)
            .await
            .map_err(|e| reference_write_error(e, CONFIG, name_taken(datasource)))?;
        if updated.rows_affected == 0 {
            return Err(DomainError::not_found("datasource"));
        }
        if let Some(csv) = csv {
            put_file(&txn, tenant, datasource.id, csv).await?;
        }
        insert_audit(&txn, audit).await?;
        txn.commit().await.map_err(internal)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %id))]
    async fn delete(
        &self,
        tenant: TenantId,
        id: DatasourceId,
        audit: &AuditEntry,
    ) -> DomainResult<Vec<RuleId>> {
        ensure_scope(tenant, audit.tenant_id, "the audit entry")?;
        let txn = begin_write(&self.db).await?;
        // Locked, so no rule can start using it between listing its rules
        // and deleting them: the ids returned are all that go.
        let found = datasource::Entity::find_by_id((tenant.as_uuid(), id.as_uuid()))
            .lock_exclusive()
            .exists(&txn)
            .await
            .map_err(internal)?;
        if !found {
            return Err(DomainError::not_found("datasource"));
        }
        let rules = delete_rules_of(
            &txn,
            tenant,
            validation_rule::Column::DatasourceId,
            id.as_uuid(),
        )
        .await?;
        // The file goes with it, by its cascading key.
        datasource::Entity::delete_many()
            .filter(datasource::Column::TenantId.eq(tenant.as_uuid()))
            .filter(datasource::Column::Id.eq(id.as_uuid()))
            .exec(&txn)
            .await
            .map_err(internal)?;
        insert_audit(&txn, audit).await?;
        txn.commit().await.map_err(internal)?;
        Ok(rules)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %id))]
    async fn find(&self, tenant: TenantId, id: DatasourceId) -> DomainResult<Option<Datasource>> {
        datasource::Entity::find_by_id((tenant.as_uuid(), id.as_uuid()))
            .one(&self.db)
            .await
            .map_err(internal)?
            .map(convert::datasource)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Datasource>> {
        let mut query =
            datasource::Entity::find().filter(datasource::Column::TenantId.eq(tenant.as_uuid()));
        if let Some(after) = page.after {
            query = query.filter(datasource::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(datasource::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.db)
            .await
            .map_err(internal)?;
        let datasources = rows
            .into_iter()
            .map(convert::datasource)
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(datasources, &page))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %id))]
    async fn file_content(
        &self,
        tenant: TenantId,
        id: DatasourceId,
    ) -> DomainResult<Option<Vec<u8>>> {
        datasource_file::Entity::find_by_id((tenant.as_uuid(), id.as_uuid()))
            .select_only()
            .column(datasource_file::Column::Content)
            .into_tuple::<Vec<u8>>()
            .one(&self.db)
            .await
            .map_err(internal)
    }
}

/// Whether the tenant has the datasource; for writes that reference one.
pub(crate) async fn datasource_exists<C: sea_orm::ConnectionTrait>(
    db: &C,
    tenant: TenantId,
    id: DatasourceId,
) -> DomainResult<bool> {
    datasource::Entity::find_by_id((tenant.as_uuid(), id.as_uuid()))
        .exists(db)
        .await
        .map_err(internal)
}
