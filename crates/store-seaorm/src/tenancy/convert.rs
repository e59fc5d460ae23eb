//! Conversions between SeaORM models and domain types. Values read back
//! were valid when written, so they are trusted; a value the code no longer
//! knows (a plan, a status) is an internal error, not a user's mistake.

use sea_orm::ActiveValue::{NotSet, Set};
use trellis_kernel::BuiltinRole;
use trellis_kernel::{
    DomainError, DomainResult, Permission, PermissionSet, SessionId, TenantId, UserId,
};
use trellis_tenancy::invitation::{Invitation, InvitationId};
use trellis_tenancy::membership::{Membership, MembershipId};
use trellis_tenancy::role::{Role, RoleId};
use trellis_tenancy::{Email, Plan, Session, Slug, Tenant, TenantStatus, User};

use crate::tenancy::entity::{invitation, membership, role, session, tenant, user};

pub(crate) fn user(model: user::Model) -> User {
    User {
        id: UserId::from_uuid(model.id),
        email: Email::from_trusted(model.email),
        name: model.name,
        is_platform_admin: model.is_platform_admin,
        created_at: model.created_at,
    }
}

pub(crate) fn tenant(model: tenant::Model) -> DomainResult<Tenant> {
    let plan = model.plan.parse::<Plan>().map_err(|_| {
        DomainError::internal_msg(format!("stored plan `{}` is unknown", model.plan))
    })?;
    let status = TenantStatus::parse(&model.status).ok_or_else(|| {
        DomainError::internal_msg(format!(
            "stored tenant status `{}` is unknown",
            model.status
        ))
    })?;
    Ok(Tenant {
        id: TenantId::from_uuid(model.id),
        name: model.name,
        slug: Slug::from_trusted(model.slug),
        plan,
        status,
        suspended_reason: model.suspended_reason,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

pub(crate) fn tenant_model(tenant: &Tenant) -> tenant::ActiveModel {
    tenant::ActiveModel {
        id: Set(tenant.id.as_uuid()),
        name: Set(tenant.name.clone()),
        slug: Set(tenant.slug.as_str().to_owned()),
        plan: Set(tenant.plan.as_str().to_owned()),
        status: Set(tenant.status.as_str().to_owned()),
        suspended_reason: Set(tenant.suspended_reason.clone()),
        created_at: Set(tenant.created_at),
        updated_at: Set(tenant.updated_at),
        deleted_at: Set(None),
    }
}

pub(crate) fn role(model: role::Model) -> DomainResult<Role> {
    let builtin = match model.builtin.as_deref() {
        None => None,
        Some(name) => Some(BuiltinRole::from_name(name).ok_or_else(|| {
            DomainError::internal_msg(format!("stored built-in role `{name}` is unknown"))
        })?),
    };
    Ok(Role {
        id: RoleId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        name: model.name,
        builtin,
        custom_permissions: parse_permissions(&model.permissions),
        created_at: model.created_at,
    })
}

/// A permission the code no longer has is dropped, not fatal: removing one
/// from the code must not lock every tenant with an old custom role out.
fn parse_permissions(stored: &str) -> PermissionSet {
    stored
        .split_whitespace()
        .filter_map(|name| match name.parse::<Permission>() {
            Ok(permission) => Some(permission),
            Err(_) => {
                tracing::warn!(permission = name, "ignoring an unknown stored permission");
                None
            }
        })
        .collect()
}

pub(crate) fn role_model(role: &Role) -> role::ActiveModel {
    // Built-ins store no permissions: theirs come from the code.
    let permissions = match role.builtin {
        Some(_) => String::new(),
        None => role
            .custom_permissions
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    };
    role::ActiveModel {
        tenant_id: Set(role.tenant_id.as_uuid()),
        id: Set(role.id.as_uuid()),
        name: Set(role.name.clone()),
        name_key: Set(role.name.to_lowercase()),
        builtin: Set(role.builtin.map(|b| b.name().to_owned())),
        permissions: Set(permissions),
        created_at: Set(role.created_at),
        deleted_at: NotSet,
        deletion_id: NotSet,
    }
}

pub(crate) fn membership(model: membership::Model, role: Role) -> Membership {
    Membership {
        id: MembershipId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        user_id: UserId::from_uuid(model.user_id),
        role,
        created_at: model.created_at,
    }
}

pub(crate) fn membership_model(membership: &Membership) -> membership::ActiveModel {
    membership::ActiveModel {
        tenant_id: Set(membership.tenant_id.as_uuid()),
        id: Set(membership.id.as_uuid()),
        user_id: Set(membership.user_id.as_uuid()),
        role_id: Set(membership.role.id.as_uuid()),
        created_at: Set(membership.created_at),
    }
}

pub(crate) fn invitation(model: invitation::Model, role: Role) -> Invitation {
    Invitation {
        id: InvitationId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        email: Email::from_trusted(model.email),
        role,
        invited_by: UserId::from_uuid(model.invited_by),
        created_at: model.created_at,
        expires_at: model.expires_at,
        accepted_at: model.accepted_at,
    }
}

pub(crate) fn session(model: session::Model) -> Session {
    Session {
        id: SessionId::from_uuid(model.id),
        user_id: UserId::from_uuid(model.user_id),
        tenant_id: model.tenant_id.map(TenantId::from_uuid),
        created_at: model.created_at,
        expires_at: model.expires_at,
        revoked_at: model.revoked_at,
    }
}
