//! Mocks of every tenancy port in one bundle, for the tests of any crate
//! (cargo feature `mock`).

use std::sync::Arc;

use trellis_kernel::Clock;
use trellis_kernel::audit::MockAuditRepository;

use crate::password::{MockPasswordHasher, PasswordHasher};
use crate::ports::{
    MockInvitationRepository, MockMembershipRepository, MockRoleRepository, MockSessionRepository,
    MockTenantRepository, MockUserRepository, TenancyPorts,
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

    /// The repository mocks as one bundle, and the hasher mock beside it.
    pub fn into_ports(self) -> (TenancyPorts, Arc<dyn PasswordHasher>) {
        let ports = TenancyPorts {
            users: Arc::new(self.users),
            tenants: Arc::new(self.tenants),
            memberships: Arc::new(self.memberships),
            roles: Arc::new(self.roles),
            invitations: Arc::new(self.invitations),
            sessions: Arc::new(self.sessions),
            audit: Arc::new(self.audit),
        };
        (ports, Arc::new(self.hasher))
    }

    /// The mocks as the use cases take them, telling time by `clock`.
    pub fn deps(self, clock: Arc<dyn Clock>) -> TenancyDeps {
        let (ports, hasher) = self.into_ports();
        TenancyDeps::new(ports, hasher, clock)
    }
}
