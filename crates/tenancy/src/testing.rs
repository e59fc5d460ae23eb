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
