//! An `AppState` over mockall mocks of every port, for tests that execute
//! requests straight against the schema.

#![allow(dead_code)] // each test binary uses a different part

use std::sync::Arc;

use async_trait::async_trait;
use trellis_datasources::Keyring;
use trellis_datasources::ports::{
    MockConnector, MockDatasourceConfigRepository, MockDatasourceRepository,
};
use trellis_gateway::state::{DatabaseProbe, RoutingAdapters};
use trellis_gateway::{AppState, GraphqlLimits, TrellisSchema, build_schema};
use trellis_intents::ports::MockIntentRepository;
use trellis_kernel::SystemClock;
use trellis_rules::RoutingSettings;
use trellis_rules::ports::{MockRoutingRunRepository, MockRuleRepository};
use trellis_tenancy::AccessTokens;

pub const SECRET: &[u8] = b"test-secret-test-secret-test-sec";

pub use trellis_tenancy::testing::MockPorts as Mocks;

struct NoDatabase;

#[async_trait]
impl DatabaseProbe for NoDatabase {
    async fn ping(&self) -> Result<(), String> {
        Ok(())
    }
}

/// Mocks of every Routing port, without expectations: a call a test did not
/// expect panics.
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
    pub fn into_adapters(self) -> RoutingAdapters {
        RoutingAdapters {
            configs: Arc::new(self.configs),
            datasources: Arc::new(self.datasources),
            intents: Arc::new(self.intents),
            rules: Arc::new(self.rules),
            runs: Arc::new(self.runs),
            connector: Arc::new(self.connector),
            keyring: Arc::new(Keyring::development()),
            settings: RoutingSettings::default(),
        }
    }
}

/// Builds the app over the mocks.
pub trait MocksExt: Sized {
    fn into_state_with(self, routing: RoutingMocks) -> AppState;

    fn into_state(self) -> AppState {
        self.into_state_with(RoutingMocks::default())
    }

    fn into_schema(self) -> TrellisSchema {
        self.into_schema_with(&GraphqlLimits::default())
    }

    fn into_schema_with(self, limits: &GraphqlLimits) -> TrellisSchema {
        build_schema(self.into_state(), limits)
    }

    fn into_routing_schema(self, routing: RoutingMocks) -> TrellisSchema {
        build_schema(self.into_state_with(routing), &GraphqlLimits::default())
    }
}

impl MocksExt for Mocks {
    fn into_state_with(self, routing: RoutingMocks) -> AppState {
        let deps = self.deps(Arc::new(SystemClock));
        AppState::new(
            deps,
            AccessTokens::new(SECRET),
            routing.into_adapters(),
            Arc::new(NoDatabase),
        )
    }
}
