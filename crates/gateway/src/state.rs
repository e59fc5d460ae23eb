//! The one wiring point: every use case the gateway calls, built once.

use std::sync::Arc;

use async_trait::async_trait;
use trellis_datasources::ports::{Connector, DatasourceConfigRepository, DatasourceRepository};
use trellis_datasources::{DatasourceDeps, DatasourceService, Keyring};
use trellis_intents::IntentService;
use trellis_intents::ports::IntentRepository;
use trellis_rules::ports::{RoutingRunRepository, RuleRepository};
use trellis_rules::{RoutingDeps, RoutingService, RoutingSettings, RuleDeps, RuleService};
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

/// The adapters behind the Routing product's use cases: the store's
/// repositories, the datasource connector, the credentials keyring and the
/// time limits of rule evaluation. The server builds them over SeaORM and
/// the real connectors; tests pass mocks.
#[derive(Clone)]
pub struct RoutingAdapters {
    pub configs: Arc<dyn DatasourceConfigRepository>,
    pub datasources: Arc<dyn DatasourceRepository>,
    pub intents: Arc<dyn IntentRepository>,
    pub rules: Arc<dyn RuleRepository>,
    pub runs: Arc<dyn RoutingRunRepository>,
    pub connector: Arc<dyn Connector>,
    pub keyring: Arc<Keyring>,
    pub settings: RoutingSettings,
}

#[derive(Clone)]
pub struct AppState {
    pub auth: AuthService,
    pub tenants: TenantService,
    pub members: MemberService,
    pub roles: RoleService,
    pub admin: AdminService,
    pub datasources: DatasourceService,
    pub intents: IntentService,
    pub rules: RuleService,
    pub routing: RoutingService,
    pub database: Arc<dyn DatabaseProbe>,
}

impl AppState {
    /// Every use case over the given ports; the Routing ones tell time by
    /// the tenancy clock.
    pub fn new(
        deps: TenancyDeps,
        tokens: AccessTokens,
        routing: RoutingAdapters,
        database: Arc<dyn DatabaseProbe>,
    ) -> Self {
        let clock = deps.clock.clone();
        let deps = Arc::new(deps);
        let datasources = DatasourceService::new(Arc::new(DatasourceDeps {
            configs: routing.configs.clone(),
            datasources: routing.datasources.clone(),
            connector: routing.connector.clone(),
            keyring: routing.keyring,
            clock: clock.clone(),
        }));
        let intents = IntentService::new(routing.intents.clone(), clock.clone());
        let rules = RuleService::new(Arc::new(RuleDeps {
            rules: routing.rules.clone(),
            intents: routing.intents.clone(),
            datasources: routing.datasources,
            configs: routing.configs,
            clock: clock.clone(),
        }));
        let routing = RoutingService::new(Arc::new(RoutingDeps {
            intents: routing.intents,
            rules: routing.rules,
            runs: routing.runs,
            connector: routing.connector,
            clock,
            settings: routing.settings,
        }));
        Self {
            auth: AuthService::new(deps.clone(), tokens),
            tenants: TenantService::new(deps.clone()),
            members: MemberService::new(deps.clone()),
            roles: RoleService::new(deps.clone()),
            admin: AdminService::new(deps),
            datasources,
            intents,
            rules,
            routing,
            database,
        }
    }
}
