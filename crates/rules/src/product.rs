//! The Routing product assembled: its ports as one bundle, and its use cases
//! built from them. Routing spans three crates (datasources, intents,
//! rules); this one sits above the other two, so the bundle lives here.

use std::sync::Arc;

use trellis_datasources::ports::{Connector, DatasourceConfigRepository, DatasourceRepository};
use trellis_datasources::{DatasourceDeps, DatasourceService, Keyring};
use trellis_intents::IntentService;
use trellis_intents::ports::IntentRepository;
use trellis_kernel::Clock;

use crate::ports::{RoutingRunRepository, RuleRepository};
use crate::routing::{RoutingDeps, RoutingService, RoutingSettings};
use crate::service::{RuleDeps, RuleService};

/// Every repository the Routing use cases reach, as one bundle: what a store
/// adapter hands out, and what a test swaps a field of.
#[derive(Clone)]
pub struct RoutingPorts {
    pub configs: Arc<dyn DatasourceConfigRepository>,
    pub datasources: Arc<dyn DatasourceRepository>,
    pub intents: Arc<dyn IntentRepository>,
    pub rules: Arc<dyn RuleRepository>,
    pub runs: Arc<dyn RoutingRunRepository>,
}

/// The Routing product's use cases, built once at start-up.
#[derive(Clone)]
pub struct Routing {
    /// Datasource configs and datasources.
    pub datasources: DatasourceService,
    pub intents: IntentService,
    pub rules: RuleService,
    /// Routing and validating emails, and the decisions recorded.
    pub emails: RoutingService,
}

impl Routing {
    /// The use cases over `ports`, reaching live data through `connector`.
    pub fn new(
        ports: RoutingPorts,
        connector: Arc<dyn Connector>,
        keyring: Arc<Keyring>,
        settings: RoutingSettings,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let datasources = DatasourceService::new(Arc::new(DatasourceDeps {
            configs: ports.configs.clone(),
            datasources: ports.datasources.clone(),
            connector: connector.clone(),
            keyring,
            clock: clock.clone(),
        }));
        let intents = IntentService::new(ports.intents.clone(), clock.clone());
        let rules = RuleService::new(Arc::new(RuleDeps {
            rules: ports.rules.clone(),
            intents: ports.intents.clone(),
            datasources: ports.datasources,
            configs: ports.configs,
            clock: clock.clone(),
        }));
        let emails = RoutingService::new(Arc::new(RoutingDeps {
            intents: ports.intents,
            rules: ports.rules,
            runs: ports.runs,
            connector,
            clock,
            settings,
        }));
        Self {
            datasources,
            intents,
            rules,
            emails,
        }
    }
}
