//! The Routing wing: datasource configs, datasources with their uploaded
//! files, intents, validation rules and routing runs. `entity` mirrors the
//! tables, `repo` implements the ports of `trellis-datasources`,
//! `trellis-intents` and `trellis-rules`, `convert` turns rows into domain
//! types and back.

pub(crate) mod convert;
pub mod entity;
mod repo;

use std::sync::Arc;

use trellis_rules::RoutingPorts;

use crate::SeaOrmStore;

impl SeaOrmStore {
    /// Every Routing port, backed by this store.
    pub fn routing_ports(&self) -> RoutingPorts {
        let store = Arc::new(self.clone());
        RoutingPorts {
            configs: store.clone(),
            datasources: store.clone(),
            intents: store.clone(),
            rules: store.clone(),
            runs: store,
        }
    }
}
