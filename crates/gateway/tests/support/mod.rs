//! The schema over mockall mocks of every port, for tests that execute
//! requests straight against it.

#![allow(dead_code)] // each test binary uses a different part

use trellis_gateway::state::Ports;
use trellis_gateway::{AppState, Config, GraphqlLimits, TrellisSchema, build_schema};

pub use trellis_rules::testing::RoutingMocks;
pub use trellis_tenancy::testing::MockPorts as Mocks;

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
        AppState::new(Ports::mocked(self, routing), &Config::for_tests())
    }
}
