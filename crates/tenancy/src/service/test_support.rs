//! Mocks of every port, for the use-case tests.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use trellis_kernel::{Actor, FixedClock, RequestMeta, SessionId, TenantCtx, TenantId, UserId};

use super::TenancyDeps;
use crate::password::MockPasswordHasher;
use crate::plan::Plan;
use crate::ports::{
    MockAuditRepository, MockInvitationRepository, MockMembershipRepository, MockRoleRepository,
    MockSessionRepository, MockTenantRepository, MockUserRepository,
};
use crate::role::{BuiltinRole, Role};
use crate::slug::Slug;
use crate::tenant::{Tenant, TenantStatus};

/// Mocks with no expectations: a call the test did not expect panics, which
/// is how tests prove that nothing was written.
pub struct Mocks {
    pub users: MockUserRepository,
    pub tenants: MockTenantRepository,
    pub memberships: MockMembershipRepository,
    pub roles: MockRoleRepository,
    pub invitations: MockInvitationRepository,
    pub sessions: MockSessionRepository,
    pub audit: MockAuditRepository,
    pub hasher: MockPasswordHasher,
}

impl Mocks {
    pub fn new() -> Self {
        Self {
            users: MockUserRepository::new(),
            tenants: MockTenantRepository::new(),
            memberships: MockMembershipRepository::new(),
            roles: MockRoleRepository::new(),
            invitations: MockInvitationRepository::new(),
            sessions: MockSessionRepository::new(),
            audit: MockAuditRepository::new(),
            hasher: MockPasswordHasher::new(),
        }
    }

    pub fn into_deps(self) -> Arc<TenancyDeps> {
        Arc::new(TenancyDeps {
            users: Arc::new(self.users),
            tenants: Arc::new(self.tenants),
            memberships: Arc::new(self.memberships),
            roles: Arc::new(self.roles),
            invitations: Arc::new(self.invitations),
            sessions: Arc::new(self.sessions),
            audit: Arc::new(self.audit),
            hasher: Arc::new(self.hasher),
            clock: Arc::new(FixedClock::new(now())),
        })
    }
}

pub fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

pub fn actor() -> Actor {
    Actor {
        user_id: UserId::generate(),
        session_id: SessionId::generate(),
        is_platform_admin: false,
        meta: RequestMeta::default(),
    }
}

pub fn ctx_in(tenant: TenantId, role: BuiltinRole) -> TenantCtx {
    TenantCtx {
        tenant_id: tenant,
        actor: actor(),
        role: role.name().to_owned(),
        permissions: role.permissions(),
    }
}

pub fn ctx(role: BuiltinRole) -> TenantCtx {
    ctx_in(TenantId::generate(), role)
}

pub fn tenant() -> Tenant {
    Tenant {
        id: TenantId::generate(),
        name: "Acme".into(),
        slug: Slug::from_trusted("acme".into()),
        plan: Plan::Free,
        status: TenantStatus::Active,
        suspended_reason: None,
        created_at: now(),
        updated_at: now(),
    }
}

pub fn role(tenant: TenantId, builtin: BuiltinRole) -> Role {
    Role::builtin(tenant, builtin, now())
}
