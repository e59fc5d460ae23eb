//! The SeaORM adapter: entities and every repository port of the tenancy
//! domain, on SQLite and PostgreSQL alike.
//!
//! Each write that carries an audit entry commits it in the same
//! transaction as the change. Unique-constraint violations become
//! `Conflict`s naming what is taken; any other database error becomes
//! `Internal`, so no SQL ever reaches a client.

mod connect;
mod convert;
pub mod entity;
mod error;
mod repo;
pub mod testing;

use std::sync::Arc;

use sea_orm::DatabaseConnection;
use trellis_kernel::Clock;
use trellis_tenancy::PasswordHasher;
use trellis_tenancy::service::TenancyDeps;

pub use connect::{connect, migrate, ping};

/// Implements every port of `trellis_tenancy::ports` over one connection pool.
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
