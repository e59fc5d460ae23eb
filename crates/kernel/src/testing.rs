//! Callers for the use-case tests of any crate (cargo feature `mock`).

use crate::actor::{Actor, RequestMeta, TenantCtx};
use crate::id::{SessionId, TenantId, UserId};
use crate::permission::BuiltinRole;

/// A member of a fresh tenant holding `role`, as a use case receives them.
pub fn ctx_with_role(role: BuiltinRole) -> TenantCtx {
    ctx_in(TenantId::generate(), role)
}

/// A member of `tenant` holding `role`.
pub fn ctx_in(tenant: TenantId, role: BuiltinRole) -> TenantCtx {
    TenantCtx {
        tenant_id: tenant,
        actor: Actor {
            user_id: UserId::generate(),
            session_id: SessionId::generate(),
            is_platform_admin: false,
            meta: RequestMeta::default(),
        },
        role: role.name().to_owned(),
        permissions: role.permissions(),
    }
}
