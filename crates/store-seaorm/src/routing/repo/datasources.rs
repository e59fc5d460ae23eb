use async_trait::async_trait;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};
use trellis_datasources::Datasource;
use trellis_datasources::DatasourceId;
use trellis_datasources::ports::DatasourceRepository;
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, RuleId, TenantId};

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal, reference_write_error};
use crate::routing::convert;
use crate::routing::entity::{
    datasource, datasource_config, datasource_file, intent, validation_rule,
};
use crate::soft_delete::{deletion_of, restore_children, unmark_deleted, update_live};
use crate::write::ensure_scope;
use crate::write::{Write, exists, find_many, one_of, scoped, scoped_all};

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
    txn: &Write,
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
        let model = convert::datasource_model(datasource)?;
        let txn = self.write(tenant).await?;
        // Checked first for a clear error; the composite key is the backstop.
        if !exists::<datasource_config::Entity, _>(&txn, tenant, datasource.config_id.as_uuid())
            .await?
        {
            return Err(DomainError::not_found(CONFIG));
        }
        datasource::Entity::insert(model)
            .exec_without_returning(&txn)
            .await
            .map_err(|e| reference_write_error(e, CONFIG, name_taken(datasource)))?;
        if let Some(csv) = csv {
            put_file(&txn, tenant, datasource.id, csv).await?;
        }
        txn.commit(audit).await
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
        let mut model = convert::datasource_model(datasource)?;
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.created_at = NotSet;
        let txn = self.write(tenant).await?;
        if !exists::<datasource_config::Entity, _>(&txn, tenant, datasource.config_id.as_uuid())
            .await?
        {
            return Err(DomainError::not_found(CONFIG));
        }
        update_live::<datasource::Entity>(&txn, tenant, datasource.id.as_uuid(), model, |e| {
            reference_write_error(e, CONFIG, name_taken(datasource))
        })
        .await?;
        if let Some(csv) = csv {
            put_file(&txn, tenant, datasource.id, csv).await?;
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %id))]
    async fn delete(
        &self,
        tenant: TenantId,
        id: DatasourceId,
        audit: &AuditEntry,
    ) -> DomainResult<Vec<RuleId>> {
        // The file stays, for a restore.
        let rules = self
            .delete_cascading::<datasource::Entity, validation_rule::Entity>(
                tenant,
                id.as_uuid(),
                validation_rule::Column::DatasourceId,
                audit,
            )
            .await?;
        Ok(rules.into_iter().map(RuleId::from_uuid).collect())
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %id))]
    async fn restore(
        &self,
        tenant: TenantId,
        id: DatasourceId,
        audit: &RestoreAudit<Datasource>,
    ) -> DomainResult<(Datasource, Vec<RuleId>)> {
        let txn = self.write(tenant).await?;
        let (row, deletion) = deletion_of::<datasource::Entity>(&txn, tenant, id.as_uuid()).await?;
        let datasource = convert::datasource(row)?;
        // A live datasource has a live config; locked so that it stays so
        // until this commits.
        let config = scoped_all::<datasource_config::Entity>(tenant)
            .filter(datasource_config::Column::Id.eq(datasource.config_id.as_uuid()))
            .lock_exclusive()
            .one(&txn)
            .await
            .map_err(internal)?
            .ok_or_else(|| DomainError::internal_msg("a datasource without its config"))?;
        if config.deleted_at.is_some() {
            return Err(DomainError::conflict(format!(
                "datasource config `{}` of this datasource is deleted; restore it first",
                config.name
            )));
        }
        unmark_deleted::<datasource::Entity>(&txn, tenant, &[id.as_uuid()])
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(&datasource)))?;
        let rules = restore_children::<validation_rule::Entity, intent::Entity>(
            &txn,
            tenant,
            deletion,
            validation_rule::Column::IntentId,
        )
        .await?;
        txn.commit(&audit.of(&datasource)).await?;
        Ok((
            datasource,
            rules.into_iter().map(RuleId::from_uuid).collect(),
        ))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, datasource = %id))]
    async fn find(&self, tenant: TenantId, id: DatasourceId) -> DomainResult<Option<Datasource>> {
        one_of::<datasource::Entity>(tenant, id.as_uuid())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::datasource)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = ids.len()))]
    async fn find_many(
        &self,
        tenant: TenantId,
        ids: &[DatasourceId],
    ) -> DomainResult<Vec<Datasource>> {
        let ids: Vec<_> = ids.iter().map(DatasourceId::as_uuid).collect();
        find_many::<datasource::Entity, _>(&self.read(tenant), tenant, &ids, convert::datasource)
            .await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Datasource>> {
        let mut query = scoped::<datasource::Entity>(tenant);
        if let Some(after) = page.after {
            query = query.filter(datasource::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(datasource::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
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
        // A deleted datasource keeps its file for a restore, unreadable.
        let live = one_of::<datasource::Entity>(tenant, id.as_uuid())
            .select_only()
            .column(datasource::Column::Id)
            .into_query();
        datasource_file::Entity::find_by_id((tenant.as_uuid(), id.as_uuid()))
            .filter(datasource_file::Column::DatasourceId.in_subquery(live))
            .select_only()
            .column(datasource_file::Column::Content)
            .into_tuple::<Vec<u8>>()
            .one(&self.read(tenant))
            .await
            .map_err(internal)
    }
}
