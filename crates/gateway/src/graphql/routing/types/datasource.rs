//! Datasource configs (how to connect) and datasources (what to query).
//! A config's credentials are write-only: no type here can carry them, their
//! ciphertext or the id of the key that encrypted them.

use async_graphql::{ComplexObject, Context, Enum, ID, Json, Result, SimpleObject};
use chrono::{DateTime, Utc};
use tokio::sync::OnceCell;
use trellis_datasources as ds;
use trellis_datasources::DatasourceConfigId;
use trellis_kernel::DomainError;

use crate::graphql::connection::connection;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;

/// How a config reaches its datasource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum Protocol {
    /// A PostgreSQL server; `baseUrl` is `postgres://host:5432/database`.
    Postgresql,
    /// A MySQL or MariaDB server; `baseUrl` is `mysql://host:3306/database`.
    Mysql,
    /// A SQLite file on the server, named relative to the tenant's own
    /// directory among the server's datasource files.
    Sqlite,
    /// An HTTP API; `baseUrl` is the `http(s)://` address paths are relative to.
    Http,
    /// A CSV file uploaded to the datasource; no `baseUrl`.
    File,
}

impl From<ds::Protocol> for Protocol {
    fn from(protocol: ds::Protocol) -> Self {
        match protocol {
            ds::Protocol::Postgresql => Protocol::Postgresql,
            ds::Protocol::Mysql => Protocol::Mysql,
            ds::Protocol::Sqlite => Protocol::Sqlite,
            ds::Protocol::Http => Protocol::Http,
            ds::Protocol::File => Protocol::File,
        }
    }
}

impl From<Protocol> for ds::Protocol {
    fn from(protocol: Protocol) -> Self {
        match protocol {
            Protocol::Postgresql => ds::Protocol::Postgresql,
            Protocol::Mysql => ds::Protocol::Mysql,
            Protocol::Sqlite => ds::Protocol::Sqlite,
            Protocol::Http => ds::Protocol::Http,
            Protocol::File => ds::Protocol::File,
        }
    }
}

/// How a POSTGRESQL or MYSQL config encrypts its connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(name = "DatasourceTlsMode")]
pub enum TlsMode {
    /// No TLS: the password and the data travel in clear text. Only for a
    /// server without TLS on a network you trust.
    Disable,
    /// TLS required; the certificate is not checked, so an impostor on the
    /// path is not noticed.
    Require,
    /// TLS required; the certificate must be valid for the host name in
    /// `baseUrl` and chain to a trusted root. The default.
    VerifyFull,
}

impl From<ds::TlsMode> for TlsMode {
    fn from(mode: ds::TlsMode) -> Self {
        match mode {
            ds::TlsMode::Disable => TlsMode::Disable,
            ds::TlsMode::Require => TlsMode::Require,
            ds::TlsMode::VerifyFull => TlsMode::VerifyFull,
        }
    }
}

impl From<TlsMode> for ds::TlsMode {
    fn from(mode: TlsMode) -> Self {
        match mode {
            TlsMode::Disable => ds::TlsMode::Disable,
            TlsMode::Require => ds::TlsMode::Require,
            TlsMode::VerifyFull => ds::TlsMode::VerifyFull,
        }
    }
}

/// How a config authenticates. SQL servers take NONE or BASIC, SQLite and
/// FILE only NONE, HTTP any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum AuthType {
    /// No credentials; `authConfig` is empty.
    None,
    /// `authConfig: {username, password}`.
    Basic,
    /// `authConfig: {token}`, sent as `Authorization: Bearer <token>`.
    Bearer,
    /// `authConfig: {key, header}`; `header` defaults to `X-Api-Key`.
    ApiKey,
}

impl From<ds::AuthType> for AuthType {
    fn from(auth: ds::AuthType) -> Self {
        match auth {
            ds::AuthType::None => AuthType::None,
            ds::AuthType::Basic => AuthType::Basic,
            ds::AuthType::Bearer => AuthType::Bearer,
            ds::AuthType::ApiKey => AuthType::ApiKey,
        }
    }
}

impl From<AuthType> for ds::AuthType {
    fn from(auth: AuthType) -> Self {
        match auth {
            AuthType::None => ds::AuthType::None,
            AuthType::Basic => ds::AuthType::Basic,
            AuthType::Bearer => ds::AuthType::Bearer,
            AuthType::ApiKey => ds::AuthType::ApiKey,
        }
    }
}

/// What a datasource is; it decides which config protocols it can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum DatasourceKind {
    /// Queried with SQL through a POSTGRESQL, MYSQL or SQLITE config.
    Database,
    /// Called over HTTP through an HTTP config.
    Api,
    /// An uploaded CSV, through a FILE config.
    File,
}

impl From<ds::DatasourceKind> for DatasourceKind {
    fn from(kind: ds::DatasourceKind) -> Self {
        match kind {
            ds::DatasourceKind::Database => DatasourceKind::Database,
            ds::DatasourceKind::Api => DatasourceKind::Api,
            ds::DatasourceKind::File => DatasourceKind::File,
        }
    }
}

impl From<DatasourceKind> for ds::DatasourceKind {
    fn from(kind: DatasourceKind) -> Self {
        match kind {
            DatasourceKind::Database => ds::DatasourceKind::Database,
            DatasourceKind::Api => ds::DatasourceKind::Api,
            DatasourceKind::File => ds::DatasourceKind::File,
        }
    }
}

/// How to reach a datasource. Its credentials (`authConfig`) are stored
/// encrypted and never returned: `hasCredentials` only says they exist.
#[derive(Debug, Clone, SimpleObject)]
pub struct DatasourceConfig {
    /// The config's id.
    pub id: ID,
    /// Unique in the tenant, ignoring case; what a datasource's `connectionKey` names.
    pub name: String,
    /// How it reaches the datasource; fixed at creation.
    pub protocol: Protocol,
    /// The address, without credentials; `null` for FILE.
    pub base_url: Option<String>,
    /// How it authenticates.
    pub auth_type: AuthType,
    /// Whether credentials are stored.
    pub has_credentials: bool,
    /// Connection options: `poolSize`, `connectTimeoutMs`,
    /// `statementTimeoutMs`, `maxResponseBytes`, `headers` (all defaulted).
    pub connection: Json<serde_json::Value>,
    /// How the connection is encrypted; `null` except for POSTGRESQL and MYSQL.
    pub tls_mode: Option<TlsMode>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

impl From<ds::DatasourceConfig> for DatasourceConfig {
    fn from(config: ds::DatasourceConfig) -> Self {
        Self {
            id: id(config.id),
            has_credentials: config.has_credentials(),
            name: config.name,
            protocol: config.protocol.into(),
            base_url: Some(config.base_url).filter(|url| !url.is_empty()),
            auth_type: config.auth_type.into(),
            // Plain numbers, strings and maps: serialising cannot fail.
            connection: Json(serde_json::to_value(&config.connection).unwrap_or_default()),
            tls_mode: config.tls_mode.map(Into::into),
            created_at: config.created_at,
            updated_at: config.updated_at,
        }
    }
}

/// What is known of a FILE datasource's uploaded CSV.
#[derive(Debug, Clone, SimpleObject)]
pub struct DatasourceFile {
    /// The name it was uploaded under.
    pub filename: String,
    /// Its size in bytes.
    pub size_bytes: i32,
    /// Data rows, not counting the header row.
    pub row_count: i32,
    /// The header row's column names, in order.
    pub columns: Vec<String>,
    /// When it was uploaded.
    pub uploaded_at: DateTime<Utc>,
}

/// Saturates rather than wraps: sizes are bounded far below `Int`'s range,
/// but a wrapped number would read as a small one.
fn int(n: u64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl From<ds::FileSummary> for DatasourceFile {
    fn from(file: ds::FileSummary) -> Self {
        Self {
            filename: file.filename,
            size_bytes: int(file.size_bytes),
            row_count: int(file.row_count),
            columns: file.columns,
            uploaded_at: file.uploaded_at,
        }
    }
}

/// Something a validation rule queries: a database, an API or an uploaded CSV.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Datasource {
    /// The datasource's id.
    pub id: ID,
    /// Unique in the tenant, ignoring case.
    pub name: String,
    /// What it is; fixed at creation.
    pub kind: DatasourceKind,
    /// What it holds, for the people writing rules.
    pub description: Option<String>,
    /// The uploaded CSV of a FILE datasource; `null` until one is uploaded
    /// and for other kinds.
    pub file: Option<DatasourceFile>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it, or its file, last changed.
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub(crate) config_id: DatasourceConfigId,
    /// Its config, once read: by `prefetch` for a whole page, or by the
    /// resolvers on first use.
    #[graphql(skip)]
    pub(crate) loaded_config: OnceCell<ds::DatasourceConfig>,
}

impl From<ds::Datasource> for Datasource {
    fn from(datasource: ds::Datasource) -> Self {
        Self {
            id: id(datasource.id),
            name: datasource.name,
            kind: datasource.kind.into(),
            description: datasource.description,
            file: datasource.file.map(DatasourceFile::from),
            created_at: datasource.created_at,
            updated_at: datasource.updated_at,
            config_id: datasource.config_id,
            loaded_config: OnceCell::new(),
        }
    }
}

#[ComplexObject]
impl Datasource {
    /// The config it connects through.
    async fn config(&self, ctx: &Context<'_>) -> Result<DatasourceConfig> {
        Ok(self.load_config(ctx).await?.clone().into())
    }

    /// The name of its config: what `connectionKey` named when it was
    /// created or last changed.
    async fn connection_key(&self, ctx: &Context<'_>) -> Result<&str> {
        Ok(&self.load_config(ctx).await?.name)
    }
}

impl Datasource {
    async fn load_config(&self, ctx: &Context<'_>) -> Result<&ds::DatasourceConfig> {
        self.loaded_config
            .get_or_try_init(|| async {
                Loaders::routing(ctx)?
                    .load_one(self.config_id)
                    .await
                    .gql(ctx)?
                    .ok_or_else(|| DomainError::not_found("datasource config"))
                    .gql(ctx)
            })
            .await
    }
}

/// The answer of `testDatasourceConfig`. A failure to connect is an answer
/// (`ok: false` with the reason), not an error.
#[derive(Debug, Clone, SimpleObject)]
pub struct ConfigTest {
    /// Whether the datasource could be reached with the config.
    pub ok: bool,
    /// How long connecting (and for SQL, `SELECT 1`) took.
    pub latency_ms: f64,
    /// Why it failed, in words safe to show: never a credential.
    pub error: Option<String>,
}

impl From<ds::ConfigTest> for ConfigTest {
    fn from(test: ds::ConfigTest) -> Self {
        Self {
            ok: test.ok,
            latency_ms: test.latency_ms,
            error: test.error,
        }
    }
}

connection!(
    DatasourceConfigConnection,
    DatasourceConfigEdge,
    DatasourceConfig
);
connection!(DatasourceConnection, DatasourceEdge, Datasource);
