//! Ports over mocks, for the gateway's own tests and the end-to-end suite
//! (cargo feature `mock`).

use std::sync::Arc;

use async_trait::async_trait;
use trellis_kernel::SystemClock;
use trellis_rules::testing::RoutingMocks;
use trellis_tenancy::testing::MockPorts;
use trellis_work::testing::WorkMocks;

use crate::state::{DatabaseProbe, Ports};

/// A database that always answers `/health/db`.
pub struct AlwaysUp;

#[async_trait]
impl DatabaseProbe for AlwaysUp {
    async fn ping(&self) -> Result<(), String> {
        Ok(())
    }
}

impl Ports {
    /// Every port a mock with the expectations the test set: any other call
    /// panics, which is how a test proves that nothing else ran. The
    /// database always answers, the clock is the system's. Work's ports
    /// are mocks with no expectations; a test sets its own with
    /// [`Ports::with_work`].
    pub fn mocked(tenancy: MockPorts, routing: RoutingMocks) -> Self {
        let (tenancy, hasher) = tenancy.into_ports();
        let (routing, connector) = routing.into_ports();
        Self {
            tenancy,
            routing,
            work: WorkMocks::default().into_ports(),
            connector,
            hasher,
            clock: Arc::new(SystemClock),
            database: Arc::new(AlwaysUp),
        }
    }
}

impl Ports {
    /// These ports with Work's replaced by `work`.
    pub fn with_work(mut self, work: WorkMocks) -> Self {
        self.work = work.into_ports();
        self
    }
}
