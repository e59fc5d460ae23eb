//! Where routing rules get their live data. A *datasource config* says how to
//! connect (protocol, address, credentials encrypted at rest); a *datasource*
//! says what to query through one config. The connector port is what rule
//! evaluation calls; adapters implement it. No I/O of its own.

pub mod config;
pub mod datasource;
pub mod lookup;
pub mod ports;
pub mod secret;
pub mod service;

pub use config::{
    AuthType, ConnectionOptions, Credentials, DatasourceConfig, DatasourceConfigId, Protocol,
    TlsMode,
};
pub use datasource::{CsvUpload, Datasource, DatasourceId, DatasourceKind, FileSummary};
pub use lookup::{HttpMethod, Lookup, LookupError, LookupErrorKind, LookupResult, TimedAnswer};
pub use secret::{EncryptedSecret, Keyring};
pub use service::{
    ConfigTest, CreateDatasource, CreateDatasourceConfig, DatasourceDeps, DatasourceService,
    DeletedDatasource, RestoredDatasource, RotationReport, UpdateDatasource,
    UpdateDatasourceConfig,
};
