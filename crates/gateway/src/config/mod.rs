//! Configuration from `TRELLIS_*` environment variables (and an optional
//! `.env`). Parsing is a pure function of the variables, so the rules are
//! tested without touching the process environment.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use trellis_datasources::Keyring;

use crate::graphql::GraphqlLimits;

mod edge;
mod from_env;
mod parse;
mod secrets;

pub use edge::{AuthRateLimits, ConnectionLimits};
pub use parse::redact_url;

/// Where the server runs. Production turns off developer conveniences and
/// insists on a real signing secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines, for a terminal.
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The HS256 signing secret. Its `Debug` never shows the bytes.
#[derive(Clone)]
pub struct JwtSecret(Vec<u8>);

impl JwtSecret {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for JwtSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JwtSecret({} bytes)", self.0.len())
    }
}

#[derive(Clone)]
pub struct Config {
    pub environment: Environment,
    pub jwt_secret: JwtSecret,
    /// True when no secret was configured and one was generated at start:
    /// tokens then die with the process.
    pub jwt_secret_generated: bool,
    pub database_url: String,
    /// Longest a query waits for a database connection before the request
    /// is answered `SERVICE_UNAVAILABLE`.
    pub db_acquire_timeout: Duration,
    /// Most connections to PostgreSQL in each of the store's pools
    /// (`TRELLIS_DB_MAX_CONNECTIONS`); none takes the store's default,
    /// twice this machine's cores.
    pub db_max_connections: Option<u32>,
    /// Where migrations run (`TRELLIS_MIGRATION_DATABASE_URL`): as the
    /// tables' owner, while the server itself connects as a role that owns
    /// nothing. `None` migrates over `database_url`.
    pub migration_database_url: Option<String>,
    pub bind: SocketAddr,
    pub playground: bool,
    pub introspection: bool,
    pub field_suggestions: bool,
    /// Largest JSON (non-multipart) request body.
    pub max_body_bytes: usize,
    /// Largest multipart request body: an attachment or a CSV with its
    /// `operations` and `map` parts. Kept apart from `max_body_bytes` so
    /// that ordinary JSON requests stay small while files can be large.
    pub max_upload_bytes: usize,
    pub max_query_depth: usize,
    pub max_query_complexity: usize,
    pub max_aliases: usize,
    pub max_batch: usize,
    pub log_format: LogFormat,
    /// Only behind a proxy that sets `X-Forwarded-For` may the client IP be
    /// taken from it; otherwise any client could claim any address.
    pub trust_proxy: bool,
    pub request_timeout: Duration,
    pub auto_migrate: bool,
    /// Browser origins allowed to call the API (CORS); empty allows none,
    /// `*` any (without credentials, which bearer tokens do not need).
    pub cors_origins: Vec<String>,
    /// Encrypts datasource credentials at rest (`TRELLIS_SECRET_KEY`, with
    /// `TRELLIS_SECRET_KEYS_PREVIOUS` for decryption only).
    pub keyring: Arc<Keyring>,
    /// True when no key was configured and development's well-known key is
    /// in use: anything encrypted with it is readable by anyone.
    pub keyring_is_development: bool,
    /// Whether datasources may point at loopback, private and link-local
    /// addresses. Off by default: a tenant must not reach the server's own
    /// network (SSRF).
    pub allow_private_networks: bool,
    /// Where SQLite datasource files live; their paths are relative to it.
    pub datasource_files_dir: PathBuf,
    /// Where local data lives: attachments under `attachments/` unless
    /// `storage_url` names object storage.
    pub data_dir: PathBuf,
    /// `s3://bucket/prefix` to keep attachments in S3-compatible object
    /// storage; unset keeps them under `data_dir`.
    pub storage_url: Option<String>,
    /// Longest one validation rule may take.
    pub rule_timeout: Duration,
    /// Longest all the rules of one email may take together.
    pub routing_budget: Duration,
    /// How often credentials may be tried per client IP and per account.
    pub auth_rate_limits: AuthRateLimits,
    /// Header-read and keep-alive timeouts, and the cap on connections.
    pub connection_limits: ConnectionLimits,
    /// `TRELLIS_*` variables that mean nothing to Trellis (likely typos);
    /// logged at start once logging is up.
    pub unknown_variables: Vec<String>,
}

/// Every variable that could not be used, each with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub problems: Vec<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "invalid configuration:")?;
        for problem in &self.problems {
            writeln!(f, "  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://trellis.db?mode=rwc";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;
/// The PRO plan's largest attachment (100 MiB) plus room for the other
/// multipart parts; a larger request is refused with 413 as it arrives.
/// Uploads are spooled to a temporary file, so memory does not grow with
/// this; ENTERPRISE files (up to 1 GiB) need it raised.
pub const DEFAULT_MAX_UPLOAD_BYTES: usize = 101 * 1024 * 1024;
pub const DEFAULT_REQUEST_TIMEOUT_SECS: u64 = 30;
pub const DEFAULT_DATASOURCE_FILES_DIR: &str = "./datasources";
/// Beside the default SQLite file.
pub const DEFAULT_DATA_DIR: &str = "data";
pub const DEFAULT_RULE_TIMEOUT_MS: u64 = 2_000;
pub const DEFAULT_DB_ACQUIRE_TIMEOUT_MS: u64 = 2_000;
pub const DEFAULT_ROUTING_BUDGET_MS: u64 = 10_000;
impl Config {
    /// Development mode, a fixed secret, in-memory SQLite and every default.
    pub fn for_tests() -> Self {
        let limits = GraphqlLimits::default();
        Config {
            environment: Environment::Development,
            jwt_secret: JwtSecret(b"trellis-test-secret-0123456789abcdef".to_vec()),
            jwt_secret_generated: false,
            database_url: "sqlite::memory:".to_owned(),
            db_acquire_timeout: Duration::from_millis(DEFAULT_DB_ACQUIRE_TIMEOUT_MS),
            db_max_connections: None,
            migration_database_url: None,
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            playground: true,
            introspection: true,
            field_suggestions: true,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            max_query_depth: limits.max_depth,
            max_query_complexity: limits.max_complexity,
            max_aliases: limits.max_aliases,
            max_batch: limits.max_batch,
            log_format: LogFormat::Pretty,
            trust_proxy: false,
            request_timeout: Duration::from_secs(DEFAULT_REQUEST_TIMEOUT_SECS),
            auto_migrate: true,
            cors_origins: Vec::new(),
            keyring: Arc::new(Keyring::development()),
            keyring_is_development: true,
            allow_private_networks: false,
            datasource_files_dir: PathBuf::from(DEFAULT_DATASOURCE_FILES_DIR),
            data_dir: PathBuf::from(DEFAULT_DATA_DIR),
            storage_url: None,
            rule_timeout: Duration::from_millis(DEFAULT_RULE_TIMEOUT_MS),
            routing_budget: Duration::from_millis(DEFAULT_ROUTING_BUDGET_MS),
            auth_rate_limits: AuthRateLimits::default(),
            connection_limits: ConnectionLimits::default(),
            unknown_variables: Vec::new(),
        }
    }

    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }

    pub fn graphql_limits(&self) -> GraphqlLimits {
        GraphqlLimits {
            max_depth: self.max_query_depth,
            max_complexity: self.max_query_complexity,
            max_aliases: self.max_aliases,
            max_batch: self.max_batch,
            introspection: self.introspection,
            suggestions: self.field_suggestions,
        }
    }

    /// The database URL with any password replaced, for logs.
    pub fn database_url_redacted(&self) -> String {
        redact_url(&self.database_url)
    }
}

// By hand, so that a password in the database URL never reaches a log.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("environment", &self.environment)
            .field("jwt_secret", &self.jwt_secret)
            .field("jwt_secret_generated", &self.jwt_secret_generated)
            .field("database_url", &self.database_url_redacted())
            .field("db_acquire_timeout", &self.db_acquire_timeout)
            .field("db_max_connections", &self.db_max_connections)
            .field(
                "migration_database_url",
                &self.migration_database_url.as_deref().map(redact_url),
            )
            .field("bind", &self.bind)
            .field("playground", &self.playground)
            .field("introspection", &self.introspection)
            .field("field_suggestions", &self.field_suggestions)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .field("max_query_depth", &self.max_query_depth)
            .field("max_query_complexity", &self.max_query_complexity)
            .field("max_aliases", &self.max_aliases)
            .field("max_batch", &self.max_batch)
            .field("log_format", &self.log_format)
            .field("trust_proxy", &self.trust_proxy)
            .field("request_timeout", &self.request_timeout)
            .field("auto_migrate", &self.auto_migrate)
            .field("cors_origins", &self.cors_origins)
            // Key ids only: `Keyring`'s Debug never shows key material.
            .field("keyring", &self.keyring)
            .field("keyring_is_development", &self.keyring_is_development)
            .field("allow_private_networks", &self.allow_private_networks)
            .field("datasource_files_dir", &self.datasource_files_dir)
            .field("data_dir", &self.data_dir)
            .field("storage_url", &self.storage_url)
            .field("rule_timeout", &self.rule_timeout)
            .field("routing_budget", &self.routing_budget)
            .field("auth_rate_limits", &self.auth_rate_limits)
            .field("connection_limits", &self.connection_limits)
            .field("unknown_variables", &self.unknown_variables)
            .finish()
    }
}

#[cfg(test)]
mod tests;
