//! The use cases. Each checks its permission itself, so no caller can skip it.

mod admin;
mod auth;
mod members;
mod roles;
mod tenants;

use std::sync::Arc;

use trellis_kernel::{Clock, DomainError, DomainResult};

pub use admin::AdminService;
pub use auth::{AuthService, AuthSession, SignIn, SignUp};
pub use members::{AcceptedInvitation, InviteMember, IssuedInvitation, MemberService};
pub use roles::{CreateRole, RoleService};

pub use tenants::{CreateTenant, TenantService};

use crate::password::PasswordHasher;
use crate::ports::{
    InvitationRepository, MembershipRepository, RoleRepository, SessionRepository, TenancyPorts,
    TenantRepository, UserRepository,
};
use crate::token::AccessTokens;
use trellis_kernel::AuditRepository;

/// The tenancy product's use cases, built once at start-up.
#[derive(Clone)]
pub struct Tenancy {
    pub auth: AuthService,
    pub tenants: TenantService,
    pub members: MemberService,
    pub roles: RoleService,
    pub admin: AdminService,
}

impl Tenancy {
    pub fn new(
        ports: TenancyPorts,
        hasher: Arc<dyn PasswordHasher>,
        clock: Arc<dyn Clock>,
        tokens: AccessTokens,
    ) -> Self {
        let deps = Arc::new(TenancyDeps::new(ports, hasher, clock));
        Self {
            auth: AuthService::new(deps.clone(), tokens),
            tenants: TenantService::new(deps.clone()),
            members: MemberService::new(deps.clone()),
            roles: RoleService::new(deps.clone()),
            admin: AdminService::new(deps),
        }
    }
}

/// Everything the use cases reach through ports; built once at start-up.
#[derive(Clone)]
pub struct TenancyDeps {
    pub users: Arc<dyn UserRepository>,
    pub tenants: Arc<dyn TenantRepository>,
    pub memberships: Arc<dyn MembershipRepository>,
    pub roles: Arc<dyn RoleRepository>,
    pub invitations: Arc<dyn InvitationRepository>,
    pub sessions: Arc<dyn SessionRepository>,
    pub audit: Arc<dyn AuditRepository>,
    pub hasher: Arc<dyn PasswordHasher>,
    pub clock: Arc<dyn Clock>,
}

impl TenancyDeps {
    pub fn new(
        ports: TenancyPorts,
        hasher: Arc<dyn PasswordHasher>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let TenancyPorts {
            users,
            tenants,
            memberships,
            roles,
            invitations,
            sessions,
            audit,
        } = ports;
        Self {
            users,
            tenants,
            memberships,
            roles,
            invitations,
            sessions,
            audit,
            hasher,
            clock,
        }
    }
}

/// Runs CPU-heavy work (password hashing) off the async runtime.
async fn blocking<T, F>(work: F) -> DomainResult<T>
where
    F: FnOnce() -> DomainResult<T> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(DomainError::internal)?
}

/// Passwords: 8 to 128 characters. Longer ones only cost hashing time.
fn check_password(field: &str, password: &str) -> DomainResult<()> {
    match password.chars().count() {
        0..8 => Err(DomainError::invalid(field, "must be at least 8 characters")),
        8..=128 => Ok(()),
        _ => Err(DomainError::invalid(
            field,
            "must be at most 128 characters",
        )),
    }
}

#[cfg(test)]
pub(crate) mod test_support;
