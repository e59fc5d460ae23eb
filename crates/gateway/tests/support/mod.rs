//! An `AppState` over mockall mocks of every tenancy port, for tests that
//! execute requests straight against the schema.

#![allow(dead_code)] // each test binary uses a different part

use std::sync::Arc;

use async_trait::async_trait;
use trellis_gateway::state::DatabaseProbe;
use trellis_gateway::{AppState, GraphqlLimits, TrellisSchema, build_schema};
use trellis_kernel::SystemClock;
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

/// Builds the app over the mocks.
pub trait MocksExt: Sized {
    fn into_state(self) -> AppState;

    fn into_schema(self) -> TrellisSchema {
        self.into_schema_with(&GraphqlLimits::default())
    }

    fn into_schema_with(self, limits: &GraphqlLimits) -> TrellisSchema {
        build_schema(self.into_state(), limits)
    }
}

impl MocksExt for Mocks {
    fn into_state(self) -> AppState {
        let deps = self.deps(Arc::new(SystemClock));
        AppState::new(deps, AccessTokens::new(SECRET), Arc::new(NoDatabase))
    }
}
