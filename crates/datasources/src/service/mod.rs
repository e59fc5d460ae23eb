//! The datasource use cases. Configs hold credentials, so changing them takes
//! `connections.manage` (ADMIN and above); datasources take `routing.manage`;
//! reading either takes `routing.read` and never shows a credential.

mod configs;
mod datasources;
mod rotation;

use std::sync::Arc;

use serde_json::{Value, json};
use trellis_kernel::Clock;

pub use configs::{ConfigTest, CreateDatasourceConfig, UpdateDatasourceConfig};
pub use datasources::{CreateDatasource, DeletedDatasource, RestoredDatasource, UpdateDatasource};
pub use rotation::RotationReport;

use crate::config::{DatasourceConfig, TlsMode};
use crate::datasource::Datasource;
use crate::ports::{Connector, DatasourceConfigRepository, DatasourceRepository};
use crate::secret::Keyring;

/// Everything the use cases reach through ports; built once at start-up.
#[derive(Clone)]
pub struct DatasourceDeps {
    pub configs: Arc<dyn DatasourceConfigRepository>,
    pub datasources: Arc<dyn DatasourceRepository>,
    pub connector: Arc<dyn Connector>,
    pub keyring: Arc<Keyring>,
    pub clock: Arc<dyn Clock>,
}

#[derive(Clone)]
pub struct DatasourceService {
    deps: Arc<DatasourceDeps>,
}

impl DatasourceService {
    pub fn new(deps: Arc<DatasourceDeps>) -> Self {
        Self { deps }
    }
}

/// What the audit log keeps of a config: everything but the credentials,
/// which it only says exist.
pub(crate) fn config_snapshot(config: &DatasourceConfig) -> Value {
    json!({
        "name": config.name,
        "protocol": config.protocol.as_str(),
        "baseUrl": config.base_url,
        "authType": config.auth_type.as_str(),
        "hasCredentials": config.has_credentials(),
        "connection": config.connection,
        "tlsMode": config.tls_mode.map(TlsMode::as_str),
    })
}

pub(crate) fn datasource_snapshot(datasource: &Datasource) -> Value {
    json!({
        "name": datasource.name,
        "kind": datasource.kind.as_str(),
        "configId": datasource.config_id,
        "description": datasource.description,
        "file": datasource.file.as_ref().map(|f| json!({
            "filename": f.filename,
            "sizeBytes": f.size_bytes,
            "rowCount": f.row_count,
        })),
    })
}

#[cfg(test)]
mod restore_tests;
#[cfg(test)]
mod tests;
