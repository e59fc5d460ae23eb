//! An `AppState` over mockall mocks of every tenancy port, for tests that
//! execute requests straight against the schema.

#![allow(dead_code)] // each test binary uses a different part

use std::sync::Arc;

use async_trait::async_trait;
use trellis_gateway::state::DatabaseProbe;
use trellis_gateway::{AppState, GraphqlLimits, TrellisSchema, build_schema};
use trellis_kernel::SystemClock;
use trellis_tenancy::AccessTokens;
use trellis_tenancy::password::MockPasswordHasher;
use trellis_tenancy::ports::{
    MockAuditRepository, MockInvitationRepository, MockMembershipRepository, MockRoleRepository,
    MockSessionRepository, MockTenantRepository, MockUserRepository,
};
use trellis_tenancy::service::TenancyDeps;

pub const SECRET: &[u8] = b"test-secret-test-secret-test-sec";

/// Mocks with no expectations: any call a test did not expect panics.
#[derive(Default)]
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

struct NoDatabase;

#[async_trait]
impl DatabaseProbe for NoDatabase {
    async fn ping(&self) -> Result<(), String> {
        Ok(())
    }
}

impl Mocks {
    pub fn into_state(self) -> AppState {
        let deps = TenancyDeps {
            users: Arc::new(self.users),
            tenants: Arc::new(self.tenants),
            memberships: Arc::new(self.memberships),
            roles: Arc::new(self.roles),
            invitations: Arc::new(self.invitations),
            sessions: Arc::new(self.sessions),
            audit: Arc::new(self.audit),
            hasher: Arc::new(self.hasher),
            clock: Arc::new(SystemClock),
        };
        AppState::new(deps, AccessTokens::new(SECRET), Arc::new(NoDatabase))
    }

    pub fn into_schema(self) -> TrellisSchema {
        self.into_schema_with(&GraphqlLimits::default())
    }

    pub fn into_schema_with(self, limits: &GraphqlLimits) -> TrellisSchema {
        build_schema(self.into_state(), limits)
    }
}
