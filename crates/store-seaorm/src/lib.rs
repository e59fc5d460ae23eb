//! The SeaORM adapter: every repository port of Trellis, on SQLite and
//! PostgreSQL alike. One wing per product (`tenancy`, `routing`), each with
//! its `entity`, `repo` and `convert`; the writes of every wing go through
//! `write`, and every audit entry through `audit`.
//!
//! Each write that carries an audit entry commits it in the same
//! transaction as the change. Unique-constraint violations become
//! `Conflict`s naming what is taken; any other database error becomes
//! `Internal`, so no SQL ever reaches a client.

mod audit;
mod connect;
mod error;
pub mod routing;
mod row;
mod soft_delete;
pub mod tenancy;
pub mod testing;
mod write;

use sea_orm::DatabaseConnection;

pub use connect::{RoleRisks, connect, migrate, ping, role_risks};

/// Implements every repository port of Trellis over one connection pool;
/// each product's ports come from its wing (`tenancy_ports`,
/// `routing_ports`).
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
