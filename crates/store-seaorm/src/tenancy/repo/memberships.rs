use async_trait::async_trait;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use trellis_kernel::AuditEntry;
use trellis_kernel::BuiltinRole;
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId, UserId};
use trellis_tenancy::ports::MembershipRepository;
use trellis_tenancy::{Member, Membership, MembershipId, Role, UserMembership};

use crate::SeaOrmStore;
use crate::error::{internal, role_write_error};
use crate::tenancy::convert;
use crate::tenancy::entity::{membership, role, tenant, user};

const LAST_OWNER: &str = "the last OWNER cannot be removed or demoted";

/// Members of `tenant` whose role is the built-in OWNER.
pub(crate) async fn count_owners<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
) -> Result<u64, DbErr> {
    membership::Entity::find()
        .inner_join(role::Entity)
        .filter(membership::Column::TenantId.eq(tenant.as_uuid()))
        .filter(role::Column::Builtin.eq(BuiltinRole::Owner.name()))
        .count(db)
        .await
}

/// Counted after the write, under the tenant lock: a concurrent demotion or
/// removal of the other OWNER has either committed or waits for us. An
/// error drops the transaction, which rolls the write back.
async fn ensure_an_owner_remains<C: ConnectionTrait>(db: &C, tenant: TenantId) -> DomainResult<()> {
    if count_owners(db, tenant).await.map_err(internal)? == 0 {
        return Err(DomainError::conflict(LAST_OWNER));
    }
    Ok(())
}

pub(crate) async fn count_members<C: ConnectionTrait>(
    db: &C,
    tenant: TenantId,
) -> Result<u64, DbErr> {
    membership::Entity::find()
        .filter(membership::Column::TenantId.eq(tenant.as_uuid()))
        .count(db)
        .await
}

/// A joined row whose parent is missing breaks a foreign key; say so.
fn joined<T>(row: Option<T>, what: &str) -> DomainResult<T> {
    row.ok_or_else(|| DomainError::internal_msg(format!("membership without its {what}")))
}

#[async_trait]
impl MembershipRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %user))]
    async fn find(&self, tenant: TenantId, user: UserId) -> DomainResult<Option<Membership>> {
        let row = membership::Entity::find()
            .find_also_related(role::Entity)
            .filter(membership::Column::TenantId.eq(tenant.as_uuid()))
            .filter(membership::Column::UserId.eq(user.as_uuid()))
            .one(&self.read(tenant))
            .await
            .map_err(internal)?;
        let Some((membership, role)) = row else {
            return Ok(None);
        };
        let role = convert::role(joined(role, "role")?)?;
        Ok(Some(convert::membership(membership, role)))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Member>> {
        // One query per page: memberships joined with their users and roles.
        let mut query = membership::Entity::find()
            .find_also_related(user::Entity)
            .find_also_related(role::Entity)
            .filter(membership::Column::TenantId.eq(tenant.as_uuid()));
        if let Some(after) = page.after {
            query = query.filter(membership::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(membership::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let members = rows
            .into_iter()
            .map(|(membership, user, role)| {
                Ok(Member {
                    membership_id: MembershipId::from_uuid(membership.id),
                    user: convert::user(joined(user, "user")?),
                    role: convert::role(joined(role, "role")?)?,
                    joined_at: membership.created_at,
                })
            })
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(members, &page))
    }

    #[tracing::instrument(skip_all, fields(user = %user))]
    async fn list_for_user(&self, user: UserId) -> DomainResult<Vec<UserMembership>> {
        let rows = membership::Entity::find()
            .find_also_related(tenant::Entity)
            .find_also_related(role::Entity)
            .filter(membership::Column::UserId.eq(user.as_uuid()))
            .filter(tenant::Column::DeletedAt.is_null())
            .order_by_asc(membership::Column::Id)
            .all(&self.db)
            .await
            .map_err(internal)?;
        rows.into_iter()
            .map(|(membership, tenant, role)| {
                Ok(UserMembership {
                    tenant: convert::tenant(joined(tenant, "tenant")?)?,
                    role: convert::role(joined(role, "role")?)?,
                    joined_at: membership.created_at,
                })
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn count(&self, tenant: TenantId) -> DomainResult<u64> {
        count_members(&self.read(tenant), tenant)
            .await
            .map_err(internal)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn count_owners(&self, tenant: TenantId) -> DomainResult<u64> {
        count_owners(&self.read(tenant), tenant)
            .await
            .map_err(internal)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %user))]
    async fn change_role(
        &self,
        tenant: TenantId,
        user: UserId,
        role: &Role,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        if !txn.lock_tenant().await? {
            return Err(DomainError::not_found("member"));
        }
        let updated = membership::Entity::update_many()
            .col_expr(membership::Column::RoleId, Expr::value(role.id.as_uuid()))
            .filter(membership::Column::TenantId.eq(tenant.as_uuid()))
            .filter(membership::Column::UserId.eq(user.as_uuid()))
            .exec(&txn)
            .await
            .map_err(|e| role_write_error(e, "this member already has that role"))?;
        if updated.rows_affected == 0 {
            return Err(DomainError::not_found("member"));
        }
        ensure_an_owner_remains(&txn, tenant).await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %user))]
    async fn remove(&self, tenant: TenantId, user: UserId, audit: &AuditEntry) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        if !txn.lock_tenant().await? {
            return Err(DomainError::not_found("member"));
        }
        let deleted = membership::Entity::delete_many()
            .filter(membership::Column::TenantId.eq(tenant.as_uuid()))
            .filter(membership::Column::UserId.eq(user.as_uuid()))
            .exec(&txn)
            .await
            .map_err(internal)?;
        if deleted.rows_affected == 0 {
            return Err(DomainError::not_found("member"));
        }
        ensure_an_owner_remains(&txn, tenant).await?;
        txn.commit(audit).await
    }
}
