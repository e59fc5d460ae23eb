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

/// [`statement`] with a tenant, for PostgreSQL, where memberships and
/// roles are held by row-level security: the statement names its own scope.
/// `scope` sets the caller's user and tenant (transaction-local, so in
/// autocommit they end with this statement) and the membership is read in
/// a lateral subquery that takes its tenant from `scope`'s output, so the
/// policies are evaluated only after the scope is set; `OFFSET 0` keeps the
/// planner from flattening the subquery away from that dependency. Set in
/// the wrong order, the policies would admit nothing and every request
/// would be refused: it fails closed. One round trip, no transaction.
const SCOPED_WITH_TENANT: &str = "WITH scope AS MATERIALIZED (
    SELECT set_config('trellis.user_id', $1, true) AS user_id,
           set_config('trellis.tenant_id', $2, true) AS tenant_id)
SELECT s.id, s.user_id, s.tenant_id, s.created_at, s.expires_at, s.revoked_at,
       u.email, u.name, u.is_platform_admin, u.created_at,
       m.role_tenant_id, m.role_id, m.role_name, m.role_name_key, m.role_builtin,
       m.role_permissions, m.role_created_at,
       m.id, m.name, m.slug, m.plan, m.status, m.suspended_reason, m.created_at, m.updated_at
FROM scope
JOIN sessions s ON s.id = $3 AND s.user_id = $4
JOIN users u ON u.id = s.user_id
LEFT JOIN LATERAL (
    SELECT r.tenant_id AS role_tenant_id, r.id AS role_id, r.name AS role_name,
           r.name_key AS role_name_key, r.builtin AS role_builtin,
           r.permissions AS role_permissions, r.created_at AS role_created_at,
           t.id, t.name, t.slug, t.plan, t.status, t.suspended_reason, t.created_at, t.updated_at
    FROM memberships ms
    JOIN roles r ON r.tenant_id = ms.tenant_id AND r.id = ms.role_id
    JOIN tenants t ON t.id = ms.tenant_id AND t.deleted_at IS NULL
    WHERE ms.user_id = s.user_id AND ms.tenant_id = scope.tenant_id::uuid
    OFFSET 0
) m ON true";

/// The caller's statement on `backend`.
fn caller_statement(
    backend: DbBackend,
    session_id: SessionId,
    user_id: UserId,
    tenant: Option<TenantId>,
) -> Statement {
    static WITH_TENANT: CachedSql = CachedSql::new();
    static WITHOUT_TENANT: CachedSql = CachedSql::new();
    match tenant {
        Some(tenant) if backend == DbBackend::Postgres => Statement::from_sql_and_values(
            backend,
            SCOPED_WITH_TENANT,
            [
                Value::from(user_id.to_string()),
                Value::from(tenant.to_string()),
                Value::from(session_id.as_uuid()),
                Value::from(user_id.as_uuid()),
            ],
        ),
        _ => {
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
    }
}

/// The record, or `None` if the session is not the user's or is not live
/// at `now`. Needs no transaction: sessions and users are platform tables,
/// and on PostgreSQL the statement scopes itself (see
/// [`SCOPED_WITH_TENANT`]).
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
