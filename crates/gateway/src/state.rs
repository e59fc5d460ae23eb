//! The composition root: the adapters as one bundle per product, and the one
//! builder that turns them into every use case the gateway calls.

use std::sync::Arc;

use async_trait::async_trait;
use trellis_datasources::ports::Connector;
use trellis_kernel::Clock;
use trellis_rules::{Routing, RoutingPorts, RoutingSettings};
use trellis_tenancy::ports::TenancyPorts;
use trellis_tenancy::service::Tenancy;
use trellis_tenancy::{AccessTokens, PasswordHasher};
use trellis_work::{Work, WorkPorts};

use crate::config::Config;

/// Whether the database answers; behind `/health/db`.
#[async_trait]
pub trait DatabaseProbe: Send + Sync {
    /// # Errors
    /// A short description of why the database is unreachable.
    async fn ping(&self) -> Result<(), String>;
}

/// Every adapter the use cases reach: the store's ports, one bundle per
/// product, and the adapters beside them. `server::ports` builds the real
/// ones; a test swaps a bundle or a field.
#[derive(Clone)]
pub struct Ports {
    pub tenancy: TenancyPorts,
    pub routing: RoutingPorts,
    pub work: WorkPorts,
    /// How validation rules reach live data.
    pub connector: Arc<dyn Connector>,
    pub hasher: Arc<dyn PasswordHasher>,
    pub clock: Arc<dyn Clock>,
    pub database: Arc<dyn DatabaseProbe>,
}

/// Every use case, one field per product.
#[derive(Clone)]
pub struct AppState {
    pub tenancy: Tenancy,
    pub routing: Routing,
    pub work: Work,
    pub database: Arc<dyn DatabaseProbe>,
}

impl AppState {
    /// The one builder: every use case over `ports`, with the secrets and
    /// time limits of `config`.
    pub fn new(ports: Ports, config: &Config) -> Self {
        let tokens = AccessTokens::new(config.jwt_secret.as_bytes());
        let routing_settings = RoutingSettings {
            rule_timeout: config.rule_timeout,
            email_budget: config.routing_budget,
        };
        Self {
            tenancy: Tenancy::new(ports.tenancy, ports.hasher, ports.clock.clone(), tokens),
            routing: Routing::new(
                ports.routing,
                ports.connector,
                config.keyring.clone(),
                routing_settings,
                ports.clock.clone(),
            ),
            work: Work::new(ports.work, ports.clock),
            database: ports.database,
        }
    }
}
