//! Datasource connectors: the adapter behind the datasources crate's
//! `Connector` port. PostgreSQL, MySQL/MariaDB and SQLite through sqlx, HTTP
//! APIs through reqwest, uploaded CSV files from the datasource repository.
//!
//! Everything a tenant can point at passes the network policy (no loopback,
//! private or link-local addresses unless the operator allows them), every
//! SQL lookup runs read-only with bound parameters, and every call is bounded
//! by the config's timeouts. Credentials are decrypted only to build a pool
//! or client and never appear in an error.

mod error;
mod file;
mod http;
mod policy;
mod registry;
mod sql;

use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::ports::{Connector, DatasourceRepository, one_by_one};
use trellis_datasources::{
    Credentials, Datasource, DatasourceConfig, Keyring, Lookup, LookupError, LookupResult,
    Protocol, TimedAnswer,
};
use trellis_kernel::TenantId;

use crate::error::config_error;
use crate::file::FileCache;
use crate::http::HttpClient;
use crate::registry::{Handle, Registry};
use crate::sql::SqlPool;

/// Operator settings of the connectors.
#[derive(Debug, Clone)]
pub struct ConnectorSettings {
    /// Permit loopback/private/link-local/unique-local/unspecified addresses
    /// (`TRELLIS_ALLOW_PRIVATE_NETWORKS`).
    pub allow_private_networks: bool,
    /// Directory SQLite datasource paths are relative to
    /// (`TRELLIS_DATASOURCE_FILES_DIR`).
    pub sqlite_root: PathBuf,
}

/// The connector: cheap to clone, every clone shares pools and caches.
#[derive(Clone)]
pub struct Connectors {
    inner: Arc<Inner>,
}

struct Inner {
    settings: ConnectorSettings,
    keyring: Arc<Keyring>,
    files: Arc<dyn DatasourceRepository>,
    handles: Registry,
    tables: FileCache,
}

impl Connectors {
    pub fn new(
        settings: ConnectorSettings,
        keyring: Arc<Keyring>,
        files: Arc<dyn DatasourceRepository>,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                settings,
                keyring,
                files,
                handles: Registry::default(),
                tables: FileCache::default(),
            }),
        }
    }

    /// How many configs have a live pool or client.
    pub fn pooled_configs(&self) -> usize {
        self.inner.handles.len()
    }

    /// The pool or client for this version of the config, made on first use.
    async fn handle(&self, config: &DatasourceConfig) -> Result<Handle, LookupError> {
        let key = (config.tenant_id, config.id);
        let handles = &self.inner.handles;
        if let Some(handle) = handles.get(key, config.updated_at) {
            return Ok(handle);
        }
        let generation = handles.generation();
        let credentials = self.credentials(config)?;
        let settings = &self.inner.settings;
        let handle = match config.protocol {
            Protocol::Http => {
                Handle::Http(Arc::new(HttpClient::build(config, credentials, settings)?))
            }
            Protocol::Postgresql | Protocol::Mysql | Protocol::Sqlite => {
                Handle::Sql(SqlPool::build(config, credentials, settings).await?)
            }
            Protocol::File => {
                return Err(config_error(format!(
                    "`{}` is a FILE config: it has no connection",
                    config.name
                )));
            }
        };
        Ok(handles.insert(key, config.updated_at, handle, generation))
    }

    fn credentials(&self, config: &DatasourceConfig) -> Result<Option<Credentials>, LookupError> {
        let Some(secret) = &config.credentials else {
            return Ok(None);
        };
        let unreadable = || {
            config_error(format!(
                "the stored credentials of `{}` cannot be read; enter them again",
                config.name
            ))
        };
        let aad = DatasourceConfig::credentials_aad(config.tenant_id, config.id);
        let plaintext = self.inner.keyring.decrypt(secret, &aad).map_err(|err| {
            tracing::warn!(
                tenant = %config.tenant_id,
                config = %config.id,
                error = %err,
                "datasource credentials do not decrypt"
            );
            unreadable()
        })?;
        // The parse error is dropped unseen: it could quote the plaintext.
        serde_json::from_slice(&plaintext)
            .map(Some)
            .map_err(|_| unreadable())
    }
}

fn mismatch(config: &DatasourceConfig, lookup: &Lookup) -> LookupError {
    let asked = match lookup {
        Lookup::Sql { .. } => "a SQL lookup",
        Lookup::Http { .. } => "an HTTP lookup",
        Lookup::File { .. } => "a file lookup",
    };
    config_error(format!(
        "{asked} cannot run on `{}`, a {} config",
        config.name,
        config.protocol.as_str()
    ))
}

#[async_trait]
impl Connector for Connectors {
    #[tracing::instrument(
        level = "debug",
        skip_all,
        fields(tenant = %config.tenant_id, config = %config.id, datasource = %datasource.id)
    )]
    async fn lookup(
        &self,
        config: &DatasourceConfig,
        datasource: &Datasource,
        lookup: &Lookup,
    ) -> Result<LookupResult, LookupError> {
        if datasource.tenant_id != config.tenant_id || datasource.config_id != config.id {
            return Err(config_error(format!(
                "the datasource `{}` does not use the config `{}`",
                datasource.name, config.name
            )));
        }
        match (config.protocol, lookup) {
            (Protocol::File, Lookup::File { column, value }) => {
                let files = self.inner.files.as_ref();
                self.inner
                    .tables
                    .lookup(files, datasource, column, value)
                    .await
            }
            (protocol, Lookup::Sql { statement, params }) if protocol.is_sql() => {
                match self.handle(config).await? {
                    Handle::Sql(pool) => Ok(LookupResult::Sql {
                        first_row: pool.first_row(statement, params).await?,
                    }),
                    Handle::Http(_) => Err(mismatch(config, lookup)),
                }
            }
            (
                Protocol::Http,
                Lookup::Http {
                    method,
                    path_and_query,
                    body,
                },
            ) => match self.handle(config).await? {
                Handle::Http(client) => client.lookup(*method, path_and_query, body.as_ref()).await,
                Handle::Sql(_) => Err(mismatch(config, lookup)),
            },
            _ => Err(mismatch(config, lookup)),
        }
    }

    #[tracing::instrument(
        level = "debug",
        skip_all,
        fields(tenant = %config.tenant_id, config = %config.id, lookups = lookups.len())
    )]
    async fn lookup_all(
        &self,
        config: &DatasourceConfig,
        datasource: &Datasource,
        lookups: &[Lookup],
    ) -> Vec<TimedAnswer> {
        let statements: Option<Vec<(&str, &[String])>> = lookups
            .iter()
            .map(|lookup| match lookup {
                Lookup::Sql { statement, params } => Some((statement.as_str(), params.as_slice())),
                _ => None,
            })
            .collect();
        let same_config =
            datasource.config_id == config.id && datasource.tenant_id == config.tenant_id;
        let pool = match (&statements, same_config) {
            (Some(_), true) if config.protocol.is_sql() => match self.handle(config).await {
                Ok(Handle::Sql(pool)) => Some(Ok(pool)),
                Ok(Handle::Http(_)) => None,
                Err(err) => Some(Err(err)),
            },
            _ => None,
        };
        match (pool, statements) {
            (Some(Ok(pool)), Some(statements)) => pool
                .first_rows(&statements)
                .await
                .into_iter()
                .map(|(result, took)| TimedAnswer {
                    result: result.map(|first_row| LookupResult::Sql { first_row }),
                    took,
                })
                .collect(),
            (Some(Err(err)), _) => lookups
                .iter()
                .map(|_| TimedAnswer {
                    result: Err(err.clone()),
                    took: std::time::Duration::ZERO,
                })
                .collect(),
            // Anything but SQL on a SQL config: one at a time, as `lookup`
            // explains any mismatch.
            _ => one_by_one(self, config, datasource, lookups).await,
        }
    }

    #[tracing::instrument(level = "debug", skip_all, fields(tenant = %config.tenant_id, config = %config.id))]
    async fn probe(&self, config: &DatasourceConfig) -> Result<(), LookupError> {
        if config.protocol == Protocol::File {
            return Ok(());
        }
        match self.handle(config).await? {
            Handle::Sql(pool) => pool.probe().await,
            Handle::Http(client) => client.probe().await,
        }
    }

    fn evict(&self, tenant: TenantId, config: DatasourceConfigId) {
        self.inner.handles.evict((tenant, config));
        self.inner.tables.evict_config(tenant, config);
    }
}
