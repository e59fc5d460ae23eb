//! Mocks of every Routing port in one bundle, for the tests of any crate
//! (cargo feature `mock`).

use std::sync::Arc;

use trellis_datasources::ports::{
    Connector, MockConnector, MockDatasourceConfigRepository, MockDatasourceRepository,
};
use trellis_intents::ports::MockIntentRepository;

use crate::ports::{MockRoutingRunRepository, MockRuleRepository};
use crate::product::RoutingPorts;

/// Mocks with no expectations: a call a test did not expect panics, which is
/// how tests prove that nothing was read or written.
#[derive(Default)]
pub struct RoutingMocks {
    pub configs: MockDatasourceConfigRepository,
    pub datasources: MockDatasourceRepository,
    pub intents: MockIntentRepository,
    pub rules: MockRuleRepository,
    pub runs: MockRoutingRunRepository,
    pub connector: MockConnector,
}

impl RoutingMocks {
    /// The repository mocks as one bundle, and the connector mock beside it.
    pub fn into_ports(self) -> (RoutingPorts, Arc<dyn Connector>) {
        let ports = RoutingPorts {
            configs: Arc::new(self.configs),
            datasources: Arc::new(self.datasources),
            intents: Arc::new(self.intents),
            rules: Arc::new(self.rules),
            runs: Arc::new(self.runs),
        };
        (ports, Arc::new(self.connector))
    }
}
