//! The caller of a request, read in one statement: the session, its user
//! and, when the token names a tenant, the user's membership there with its
//! role and the tenant itself. This runs on every authenticated request.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, JoinType, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use trellis_kernel::{DomainResult, SessionId, TenantId, UserId};
use trellis_tenancy::session::PrincipalRecord;
use trellis_tenancy::{Email, Session, User};
use uuid::Uuid;

use crate::error::internal;
use crate::row::{CachedSql, Columns, select};
use crate::tenancy::convert;
use crate::tenancy::entity::{membership, role, session, tenant, user};

const SESSION: [session::Column; 6] = [
    session::Column::Id,
    session::Column::UserId,
    session::Column::TenantId,
    session::Column::CreatedAt,
    session::Column::ExpiresAt,
    session::Column::RevokedAt,
];
/// Never the password hash.
const USER: [user::Column; 4] = [
    user::Column::Email,
    user::Column::Name,
    user::Column::IsPlatformAdmin,
    user::Column::CreatedAt,
];
pub(crate) const ROLE: [role::Column; 7] = [
    role::Column::TenantId,
    role::Column::Id,
    role::Column::Name,
    role::Column::NameKey,
    role::Column::Builtin,
    role::Column::Permissions,
    role::Column::CreatedAt,
];
const TENANT: [tenant::Column; 8] = [
    tenant::Column::Id,
    tenant::Column::Name,
    tenant::Column::Slug,
    tenant::Column::Plan,
    tenant::Column::Status,
    tenant::Column::SuspendedReason,
    tenant::Column::CreatedAt,
    tenant::Column::UpdatedAt,
];

/// The statement: the session joined with its user, and (for a tenant)
/// left-joined with the membership, its role and the live tenant, so a
/// missing membership still finds the session.
fn statement(session_id: SessionId, user_id: UserId, tenant: Option<TenantId>) -> SelectStatement {
    let mut query = Query::select();
    select(&mut query, session::Entity, &SESSION);
    select(&mut query, user::Entity, &USER);
    query
        .from(session::Entity)
        .join(
            JoinType::InnerJoin,
            user::Entity,
            Expr::col((user::Entity, user::Column::Id))
                .equals((session::Entity, session::Column::UserId)),
        )
        .and_where(Expr::col((session::Entity, session::Column::Id)).eq(session_id.as_uuid()))
        .and_where(Expr::col((session::Entity, session::Column::UserId)).eq(user_id.as_uuid()));
    if let Some(tenant_id) = tenant {
        select(&mut query, role::Entity, &ROLE);
        select(&mut query, tenant::Entity, &TENANT);
        query
            .join(
                JoinType::LeftJoin,
                membership::Entity,
                Condition::all()
                    .add(
                        Expr::col((membership::Entity, membership::Column::UserId))
                            .equals((session::Entity, session::Column::UserId)),
                    )
                    .add(
                        Expr::col((membership::Entity, membership::Column::TenantId))
                            .eq(tenant_id.as_uuid()),
                    ),
            )
            .join(JoinType::LeftJoin, role::Entity, membership_role())
            .join(
                JoinType::LeftJoin,
                tenant::Entity,
                Condition::all()
                    .add(
                        Expr::col((tenant::Entity, tenant::Column::Id))
                            .equals((membership::Entity, membership::Column::TenantId)),
                    )
                    .add(Expr::col((tenant::Entity, tenant::Column::DeletedAt)).is_null()),
            );
    }
    query
}

/// A membership's role: the composite key `(tenant_id, role_id)`.
pub(crate) fn membership_role() -> Condition {
    Condition::all()
        .add(
            Expr::col((role::Entity, role::Column::TenantId))
                .equals((membership::Entity, membership::Column::TenantId)),
        )
        .add(
            Expr::col((role::Entity, role::Column::Id))
                .equals((membership::Entity, membership::Column::RoleId)),
        )
}

/// What [`statement`] binds, in its order: the tenant (in the membership's
/// join) before the session and user (in the `WHERE`).
fn values(session_id: SessionId, user_id: UserId, tenant: Option<TenantId>) -> Vec<Value> {
    let mut values = Vec::with_capacity(3);
    if let Some(tenant) = tenant {
        values.push(tenant.as_uuid().into());
    }
    values.push(session_id.as_uuid().into());
    values.push(user_id.as_uuid().into());
    values
}

/// The caller's statement on `backend`.
fn caller_statement(
    backend: DbBackend,
    session_id: SessionId,
    user_id: UserId,
    tenant: Option<TenantId>,
) -> Statement {
    static WITH_TENANT: CachedSql = CachedSql::new();
    static WITHOUT_TENANT: CachedSql = CachedSql::new();
    let cached = if tenant.is_some() {
        &WITH_TENANT
    } else {
        &WITHOUT_TENANT
    };
    cached.statement(
        backend,
        || statement(session_id, user_id, tenant),
        values(session_id, user_id, tenant),
    )
}

/// The record, or `None` if the session is not the user's or is not live
/// at `now`. On PostgreSQL `db` names the token's user and tenant as the
/// scope, which the membership and its role are read in; sessions, users
/// and tenants are platform tables.
pub(crate) async fn load<C: ConnectionTrait>(
    db: &C,
    session_id: SessionId,
    user_id: UserId,
    tenant: Option<TenantId>,
    now: DateTime<Utc>,
) -> DomainResult<Option<PrincipalRecord>> {
    let query = caller_statement(db.get_database_backend(), session_id, user_id, tenant);
    let Some(row) = db.query_one_raw(query).await.map_err(internal)? else {
        return Ok(None);
    };
    let mut columns = Columns::new(&row);
    let session = Session {
        id: SessionId::from_uuid(columns.take()?),
        user_id: UserId::from_uuid(columns.take()?),
        tenant_id: columns.take::<Option<Uuid>>()?.map(TenantId::from_uuid),
        created_at: columns.take()?,
        expires_at: columns.take()?,
        revoked_at: columns.take()?,
    };
    if !session.is_live(now) {
        return Ok(None);
    }
    let user = User {
        id: session.user_id,
        email: Email::from_trusted(columns.take()?),
        name: columns.take()?,
        is_platform_admin: columns.take()?,
        created_at: columns.take()?,
    };
    let membership = match tenant {
        None => None,
        Some(_) => membership(&mut columns)?,
    };
    Ok(Some(PrincipalRecord {
        session,
        user,
        membership,
    }))
}

/// The role and tenant columns; `None` when the left joins found no
/// membership (or a deleted tenant).
fn membership(
    columns: &mut Columns<'_>,
) -> DomainResult<Option<(trellis_tenancy::Tenant, trellis_tenancy::Role)>> {
    let role = role_columns(columns)?;
    let tenant_id: Option<Uuid> = columns.take()?;
    let (Some(role), Some(tenant_id)) = (role, tenant_id) else {
        return Ok(None);
    };
    let tenant = tenant::Model {
        id: tenant_id,
        name: required(columns.take()?)?,
        slug: required(columns.take()?)?,
        plan: required(columns.take()?)?,
        status: required(columns.take()?)?,
        suspended_reason: columns.take()?,
        created_at: required(columns.take()?)?,
        updated_at: required(columns.take()?)?,
        deleted_at: None,
    };
    Ok(Some((convert::tenant(tenant)?, convert::role(role)?)))
}

/// The [`ROLE`] columns of a left-joined role; `None` when there was none.
pub(crate) fn role_columns(columns: &mut Columns<'_>) -> DomainResult<Option<role::Model>> {
    let tenant_id: Option<Uuid> = columns.take()?;
    let id: Option<Uuid> = columns.take()?;
    let name: Option<String> = columns.take()?;
    let name_key: Option<String> = columns.take()?;
    let builtin: Option<String> = columns.take()?;
    let permissions: Option<String> = columns.take()?;
    let created_at: Option<DateTime<Utc>> = columns.take()?;
    let (Some(tenant_id), Some(id)) = (tenant_id, id) else {
        return Ok(None);
    };
    Ok(Some(role::Model {
        tenant_id,
        id,
        name: required(name)?,
        name_key: required(name_key)?,
        builtin,
        permissions: required(permissions)?,
        created_at: required(created_at)?,
        // Not selected: the held role's, not a list's.
        deleted_at: None,
        deletion_id: None,
    }))
}

/// A column of a joined row that the schema makes `NOT NULL`.
fn required<T>(value: Option<T>) -> DomainResult<T> {
    value.ok_or_else(|| trellis_kernel::DomainError::internal_msg("a NOT NULL column read as NULL"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cached_statement_binds_its_values_in_the_builders_order() {
        let (session, user) = (SessionId::generate(), UserId::generate());
        for tenant in [None, Some(TenantId::generate())] {
            for backend in [DbBackend::Postgres, DbBackend::Sqlite] {
                let built = backend.build(&statement(session, user, tenant));
                let bound = built.values.map(|values| values.0).unwrap_or_default();
                assert_eq!(
                    bound,
                    values(session, user, tenant),
                    "{backend:?} {tenant:?}"
                );
            }
        }
    }
}
