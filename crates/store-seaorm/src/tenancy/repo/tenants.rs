use async_trait::async_trait;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::AuditEntry;
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId};
use trellis_tenancy::ports::TenantRepository;
use trellis_tenancy::{Membership, Role, Tenant, TenantStatus};

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::tenancy::convert;
use crate::tenancy::entity::{membership, role, tenant};
use crate::write::ensure_scope;

#[async_trait]
impl TenantRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant.id))]
    async fn create(
        &self,
        tenant: &Tenant,
        roles: &[Role],
        owner: &Membership,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        for role in roles {
            ensure_scope(tenant.id, role.tenant_id, "a role")?;
        }
        ensure_scope(tenant.id, owner.tenant_id, "the owner's membership")?;
        let txn = self.write(tenant.id).await?;
        tenant::Entity::insert(convert::tenant_model(tenant))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, || format!("slug `{}` is taken", tenant.slug)))?;
        role::Entity::insert_many(roles.iter().map(convert::role_model))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, || "two roles share a name".into()))?;
        membership::Entity::insert(convert::membership_model(owner))
            .exec_without_returning(&txn)
            .await
            .map_err(internal)?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %id))]
    async fn find(&self, id: TenantId) -> DomainResult<Option<Tenant>> {
        tenant::Entity::find_by_id(id.as_uuid())
            .filter(tenant::Column::DeletedAt.is_null())
            .one(&self.db)
            .await
            .map_err(internal)?
            .map(convert::tenant)
            .transpose()
    }

    #[tracing::instrument(skip_all)]
    async fn list(&self, page: PageRequest) -> DomainResult<Page<Tenant>> {
        let mut query = tenant::Entity::find().filter(tenant::Column::DeletedAt.is_null());
        if let Some(after) = page.after {
            query = query.filter(tenant::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(tenant::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.db)
            .await
            .map_err(internal)?;
        let tenants = rows
            .into_iter()
            .map(convert::tenant)
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(tenants, &page))
    }

    #[tracing::instrument(skip_all, fields(tenant = %id))]
    async fn set_status(
        &self,
        id: TenantId,
        status: TenantStatus,
        reason: Option<String>,
        audit: &AuditEntry,
    ) -> DomainResult<Tenant> {
        let txn = self.write(id).await?.changing_principals(self);
        let updated = tenant::Entity::update_many()
            .col_expr(tenant::Column::Status, Expr::value(status.as_str()))
            .col_expr(tenant::Column::SuspendedReason, Expr::value(reason))
            .col_expr(tenant::Column::UpdatedAt, Expr::value(audit.created_at))
            .filter(tenant::Column::Id.eq(id.as_uuid()))
            .filter(tenant::Column::DeletedAt.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        if updated.rows_affected == 0 {
            return Err(DomainError::not_found("tenant"));
        }
        let model = tenant::Entity::find_by_id(id.as_uuid())
            .one(&txn)
            .await
            .map_err(internal)?
            .ok_or_else(|| DomainError::not_found("tenant"))?;
        let tenant = convert::tenant(model)?;
        txn.commit(audit).await?;
        Ok(tenant)
    }
}
