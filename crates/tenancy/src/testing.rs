//! Mocks of every tenancy port in one bundle, for the tests of any crate
//! (cargo feature `mock`).

use std::sync::Arc;

use trellis_kernel::Clock;

use crate::password::MockPasswordHasher;
use crate::ports::{
    MockAuditRepository, MockInvitationRepository, MockMembershipRepository, MockRoleRepository,
    MockSessionRepository, MockTenantRepository, MockUserRepository,
};
use crate::service::TenancyDeps;

/// Mocks with no expectations: a call a test did not expect panics, which is
/// how tests prove that nothing was read or written.
#[derive(Default)]
pub struct MockPorts {
    pub users: MockUserRepository,
    pub tenants: MockTenantRepository,
    pub memberships: MockMembershipRepository,
    pub roles: MockRoleRepository,
    pub invitations: MockInvitationRepository,
    pub sessions: MockSessionRepository,
    pub audit: MockAuditRepository,
    pub hasher: MockPasswordHasher,
}

impl MockPorts {
    pub fn new() -> Self {
        Self::default()
    }

    /// The mocks as the use cases take them, telling time by `clock`.
    pub fn deps(self, clock: Arc<dyn Clock>) -> TenancyDeps {
        TenancyDeps {
            users: Arc::new(self.users),
            tenants: Arc::new(self.tenants),
            memberships: Arc::new(self.memberships),
            roles: Arc::new(self.roles),
            invitations: Arc::new(self.invitations),
            sessions: Arc::new(self.sessions),
            audit: Arc::new(self.audit),
            hasher: Arc::new(self.hasher),
            clock,
        }
    }
}

/// A member of a fresh tenant holding `role`, as a use case receives them.
pub fn ctx_with_role(role: crate::role::BuiltinRole) -> trellis_kernel::TenantCtx {
    ctx_in(trellis_kernel::TenantId::generate(), role)
}

/// A member of `tenant` holding `role`.
pub fn ctx_in(
    tenant: trellis_kernel::TenantId,
    role: crate::role::BuiltinRole,
) -> trellis_kernel::TenantCtx {
    trellis_kernel::TenantCtx {
        tenant_id: tenant,
        actor: trellis_kernel::Actor {
            user_id: trellis_kernel::UserId::generate(),
            session_id: trellis_kernel::SessionId::generate(),
            is_platform_admin: false,
            meta: trellis_kernel::RequestMeta::default(),
        },
        role: role.name().to_owned(),
        permissions: role.permissions(),
    }
}
