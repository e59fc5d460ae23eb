//! The one wiring point: every use case the gateway calls, built once.

use std::sync::Arc;

use async_trait::async_trait;
use trellis_tenancy::AccessTokens;
use trellis_tenancy::service::{
    AdminService, AuthService, MemberService, RoleService, TenancyDeps, TenantService,
};

/// Whether the database answers; behind `/health/db`.
#[async_trait]
pub trait DatabaseProbe: Send + Sync {
    /// # Errors
    /// A short description of why the database is unreachable.
    async fn ping(&self) -> Result<(), String>;
}

#[derive(Clone)]
pub struct AppState {
    pub auth: AuthService,
    pub tenants: TenantService,
    pub members: MemberService,
    pub roles: RoleService,
    pub admin: AdminService,
    pub database: Arc<dyn DatabaseProbe>,
}

impl AppState {
    pub fn new(deps: TenancyDeps, tokens: AccessTokens, database: Arc<dyn DatabaseProbe>) -> Self {
        let deps = Arc::new(deps);
        Self {
            auth: AuthService::new(deps.clone(), tokens),
            tenants: TenantService::new(deps.clone()),
            members: MemberService::new(deps.clone()),
            roles: RoleService::new(deps.clone()),
            admin: AdminService::new(deps),
            database,
        }
    }
}
