//! The tenancy wing: tenants, users, memberships, roles, invitations and
//! sessions. `entity` mirrors the tables, `repo` implements the ports of
//! `trellis-tenancy`, `convert` turns rows into domain types and back.

pub(crate) mod convert;
pub mod entity;
mod repo;

use std::sync::Arc;

use trellis_tenancy::ports::TenancyPorts;

use crate::SeaOrmStore;

impl SeaOrmStore {
    /// Every tenancy port, backed by this store.
    pub fn tenancy_ports(&self) -> TenancyPorts {
        let store = Arc::new(self.clone());
        TenancyPorts {
            users: store.clone(),
            tenants: store.clone(),
            memberships: store.clone(),
            roles: store.clone(),
            invitations: store.clone(),
            sessions: store.clone(),
            audit: store,
        }
    }
}
