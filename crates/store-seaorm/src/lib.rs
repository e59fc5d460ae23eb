//! The SeaORM adapter: entities and every repository port of the tenancy
//! and routing domains, on SQLite and PostgreSQL alike.
//!
//! Each write that carries an audit entry commits it in the same
//! transaction as the change. Unique-constraint violations become
//! `Conflict`s naming what is taken; any other database error becomes
//! `Internal`, so no SQL ever reaches a client.

mod connect;
mod convert;
mod convert_routing;
pub mod entity;
mod error;
mod repo;
pub mod testing;

use std::sync::Arc;

use sea_orm::DatabaseConnection;
use trellis_datasources::ports::{DatasourceConfigRepository, DatasourceRepository};
use trellis_intents::ports::IntentRepository;
use trellis_kernel::Clock;
use trellis_rules::ports::{RoutingRunRepository, RuleRepository};
use trellis_tenancy::PasswordHasher;
use trellis_tenancy::service::TenancyDeps;

pub use connect::{connect, migrate, ping};

/// Implements every repository port of `trellis_tenancy`, `trellis_datasources`,
/// `trellis_intents` and `trellis_rules` over one connection pool.
#[derive(Clone)]
pub struct SeaOrmStore {
    db: DatabaseConnection,
}

impl SeaOrmStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }
}

impl std::fmt::Debug for SeaOrmStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeaOrmStore")
            .field("backend", &self.db.get_database_backend())
            .finish()
    }
}

/// Every tenancy port backed by `store`, ready for the use cases.
pub fn tenancy_ports(
    store: &SeaOrmStore,
    hasher: Arc<dyn PasswordHasher>,
    clock: Arc<dyn Clock>,
) -> TenancyDeps {
    let store = Arc::new(store.clone());
    TenancyDeps {
        users: store.clone(),
        tenants: store.clone(),
        memberships: store.clone(),
        roles: store.clone(),
        invitations: store.clone(),
        sessions: store.clone(),
        audit: store,
        hasher,
        clock,
    }
}

/// Every routing repository port, each backed by one store.
#[derive(Clone)]
pub struct RoutingPorts {
    pub configs: Arc<dyn DatasourceConfigRepository>,
    pub datasources: Arc<dyn DatasourceRepository>,
    pub intents: Arc<dyn IntentRepository>,
    pub rules: Arc<dyn RuleRepository>,
    pub runs: Arc<dyn RoutingRunRepository>,
}

/// The routing ports backed by `store`, for the routing use cases' deps.
pub fn routing_ports(store: &SeaOrmStore) -> RoutingPorts {
    let store = Arc::new(store.clone());
    RoutingPorts {
        configs: store.clone(),
        datasources: store.clone(),
        intents: store.clone(),
        rules: store.clone(),
        runs: store,
    }
}
