use async_trait::async_trait;
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Order, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Value,
};
use trellis_kernel::AuditEntry;
use trellis_kernel::BuiltinRole;
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId, UserId};
use trellis_tenancy::ports::MembershipRepository;
use trellis_tenancy::{Email, Member, Membership, MembershipId, Role, User, UserMembership};

use super::principal::{ROLE, membership_role, role_columns};
use crate::SeaOrmStore;
use crate::error::{internal, role_write_error};
use crate::row::{CachedSql, Columns, select};
use crate::tenancy::convert;
use crate::tenancy::entity::{membership, role, tenant, user};
use crate::work::entity::team_member;
use crate::write::{Scope, exists};

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

/// The statement of one page of members: see `list`.
fn members_page(tenant: TenantId, page: PageRequest) -> SelectStatement {
    let mut query = Query::select();
    select(
        &mut query,
        membership::Entity,
        &[membership::Column::Id, membership::Column::CreatedAt],
    );
    select(
        &mut query,
        user::Entity,
        &[
            user::Column::Id,
            user::Column::Email,
            user::Column::Name,
            user::Column::IsPlatformAdmin,
            user::Column::CreatedAt,
        ],
    );
    select(&mut query, role::Entity, &ROLE);
    query
        .from(membership::Entity)
        .join(
            JoinType::InnerJoin,
            user::Entity,
            Expr::col((user::Entity, user::Column::Id))
                .equals((membership::Entity, membership::Column::UserId)),
        )
        .join(JoinType::InnerJoin, role::Entity, membership_role())
        .and_where(
            Expr::col((membership::Entity, membership::Column::TenantId)).eq(tenant.as_uuid()),
        );
    if let Some(after) = page.after {
        query.and_where(Expr::col((membership::Entity, membership::Column::Id)).gt(after.0));
    }
    query
        .order_by((membership::Entity, membership::Column::Id), Order::Asc)
        .limit(page.fetch_limit());
    query
}

/// What [`members_page`] binds, in its order.
fn members_page_values(tenant: TenantId, page: PageRequest) -> Vec<Value> {
    let mut values = vec![tenant.as_uuid().into()];
    if let Some(after) = page.after {
        values.push(after.0.into());
    }
    values.push(page.fetch_limit().into());
    values
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

    /// One statement per page: the memberships joined with their users and
    /// roles, only the columns a member needs (never a password hash).
    #[tracing::instrument(level = "debug", skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Member>> {
        static FIRST_PAGE: CachedSql = CachedSql::new();
        static LATER_PAGE: CachedSql = CachedSql::new();
        let cached = if page.after.is_some() {
            &LATER_PAGE
        } else {
            &FIRST_PAGE
        };
        let db = self.read(tenant);
        let query = cached.statement(
            db.get_database_backend(),
            || members_page(tenant, page),
            members_page_values(tenant, page),
        );
        let rows = db.query_all_raw(query).await.map_err(internal)?;
        let members = rows
            .iter()
            .map(|row| {
                let mut columns = Columns::new(row);
                let membership_id = MembershipId::from_uuid(columns.take()?);
                let joined_at = columns.take()?;
                let user = User {
                    id: UserId::from_uuid(columns.take()?),
                    email: Email::from_trusted(columns.take()?),
                    name: columns.take()?,
                    is_platform_admin: columns.take()?,
                    created_at: columns.take()?,
                };
                let role = role_columns(&mut columns)?
                    .ok_or_else(|| DomainError::internal_msg("membership without its role"))?;
                Ok(Member {
                    membership_id,
                    user,
                    role: convert::role(role)?,
                    joined_at,
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
            .all(&self.read_in(Scope {
                user: Some(user),
                ..Scope::default()
            }))
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
        let txn = self.write(tenant).await?.changing_principals(self);
        if !txn.lock_tenant().await? {
            return Err(DomainError::not_found("member"));
        }
        // A deleted role still satisfies the key; it is granted no more.
        if !exists::<role::Entity, _>(&txn, tenant, role.id.as_uuid()).await? {
            return Err(DomainError::not_found("role"));
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
        let txn = self.write(tenant).await?.changing_principals(self);
        if !txn.lock_tenant().await? {
            return Err(DomainError::not_found("member"));
        }
        // Out of the tenant's teams first: their rows point at the membership.
        team_member::Entity::delete_many()
            .filter(team_member::Column::TenantId.eq(tenant.as_uuid()))
            .filter(team_member::Column::UserId.eq(user.as_uuid()))
            .exec(&txn)
            .await
            .map_err(internal)?;
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

#[cfg(test)]
mod tests {
    use sea_orm::DbBackend;
    use trellis_kernel::Cursor;

    use super::*;

    #[test]
    fn the_cached_members_page_binds_its_values_in_the_builders_order() {
        let tenant = TenantId::generate();
        let later = PageRequest {
            first: 20,
            after: Some(Cursor(uuid::Uuid::now_v7())),
        };
        for page in [PageRequest::first(50), later] {
            for backend in [DbBackend::Postgres, DbBackend::Sqlite] {
                let built = backend.build(&members_page(tenant, page));
                let bound = built.values.map(|values| values.0).unwrap_or_default();
                assert_eq!(bound, members_page_values(tenant, page), "{backend:?}");
            }
        }
    }
}
