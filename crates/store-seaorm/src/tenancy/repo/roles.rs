use async_trait::async_trait;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use trellis_kernel::AuditEntry;
use trellis_kernel::BuiltinRole;
use trellis_kernel::{DomainResult, TenantId};
use trellis_tenancy::Role;
use trellis_tenancy::ports::RoleRepository;

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::tenancy::convert;
use crate::tenancy::entity::role;
use crate::write::{ensure_scope, scoped};

/// Built-ins strongest first, then custom roles in creation order.
fn display_order(role: &Role) -> (usize, uuid::Uuid) {
    let rank = role
        .builtin
        .and_then(|b| BuiltinRole::ALL.iter().position(|x| *x == b))
        .unwrap_or(BuiltinRole::ALL.len());
    (rank, role.id.as_uuid())
}

#[async_trait]
impl RoleRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId) -> DomainResult<Vec<Role>> {
        let rows = scoped::<role::Entity>(tenant)
            .order_by_asc(role::Column::Id)
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let mut roles = rows
            .into_iter()
            .map(convert::role)
            .collect::<DomainResult<Vec<_>>>()?;
        roles.sort_by_key(display_order);
        Ok(roles)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn find_by_name(&self, tenant: TenantId, name: &str) -> DomainResult<Option<Role>> {
        scoped::<role::Entity>(tenant)
            .filter(role::Column::NameKey.eq(name.to_lowercase()))
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::role)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn create(&self, tenant: TenantId, role: &Role, audit: &AuditEntry) -> DomainResult<()> {
        ensure_scope(tenant, role.tenant_id, "the role")?;
        let txn = self.write(tenant).await?;
        role::Entity::insert(convert::role_model(role))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| {
                conflict_on_unique(e, || {
                    format!(
                        "a role named `{}` exists (role names ignore case)",
                        role.name
                    )
                })
            })?;
        txn.commit(audit).await
    }
}
