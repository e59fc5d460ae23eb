//! Configuration from `TRELLIS_*` environment variables (and an optional
//! `.env`). Parsing is a pure function of the variables, so the rules are
//! tested without touching the process environment.

use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use rand::RngCore;
use rand::rngs::OsRng;
use trellis_tenancy::token::MIN_SECRET_BYTES;

use crate::graphql::GraphqlLimits;

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
    pub bind: SocketAddr,
    pub playground: bool,
    pub introspection: bool,
    pub field_suggestions: bool,
    pub max_body_bytes: usize,
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
pub const DEFAULT_REQUEST_TIMEOUT_SECS: u64 = 30;
const GENERATED_SECRET_BYTES: usize = 64;

const KNOWN: &[&str] = &[
    "TRELLIS_ENV",
    "TRELLIS_JWT_SECRET",
    "TRELLIS_DATABASE_URL",
    "TRELLIS_BIND",
    "TRELLIS_PLAYGROUND",
    "TRELLIS_INTROSPECTION",
    "TRELLIS_FIELD_SUGGESTIONS",
    "TRELLIS_MAX_BODY_BYTES",
    "TRELLIS_MAX_QUERY_DEPTH",
    "TRELLIS_MAX_QUERY_COMPLEXITY",
    "TRELLIS_MAX_ALIASES",
    "TRELLIS_MAX_BATCH",
    "TRELLIS_LOG_FORMAT",
    "TRELLIS_TRUST_PROXY",
    "TRELLIS_REQUEST_TIMEOUT_SECS",
    "TRELLIS_AUTO_MIGRATE",
    "TRELLIS_CORS_ORIGINS",
];

impl Config {
    /// Reads `.env` (if present, without overriding variables already set),
    /// then the process environment.
    ///
    /// # Errors
    /// A [`ConfigError`] naming every bad variable, so one run shows them all.
    pub fn from_env() -> Result<Self, ConfigError> {
        let mut problems = Vec::new();
        if let Err(err) = dotenvy::dotenv()
            && !err.not_found()
        {
            problems.push(format!(".env could not be read: {err}"));
        }
        let mut vars = HashMap::new();
        for (key, value) in std::env::vars_os() {
            let Some(key) = key.to_str().map(str::to_owned) else {
                continue;
            };
            if !is_ours(&key) {
                continue;
            }
            match value.into_string() {
                Ok(value) => {
                    vars.insert(key, value);
                }
                Err(_) => problems.push(format!("{key} is not valid UTF-8")),
            }
        }
        match Self::from_vars(vars) {
            Ok(config) if problems.is_empty() => Ok(config),
            Ok(_) => Err(ConfigError { problems }),
            Err(err) => {
                problems.extend(err.problems);
                Err(ConfigError { problems })
            }
        }
    }

    /// Builds the configuration from the given variables alone. An empty
    /// value counts as unset (as `FOO=` in a compose file usually means).
    ///
    /// # Errors
    /// A [`ConfigError`] naming every bad variable.
    pub fn from_vars<I, K, V>(vars: I) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let vars: HashMap<String, String> = vars
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .filter(|(k, v)| is_ours(k) && !v.trim().is_empty())
            .collect();
        let mut p = Parser {
            vars: &vars,
            problems: Vec::new(),
        };

        let environment = p
            .parse("TRELLIS_ENV", "`development` or `production`", |v| match v
                .to_ascii_lowercase()
                .as_str()
            {
                "development" | "dev" => Some(Environment::Development),
                "production" | "prod" => Some(Environment::Production),
                _ => None,
            })
            .unwrap_or(Environment::Development);
        let dev = environment == Environment::Development;

        let (jwt_secret, jwt_secret_generated) = match vars.get("TRELLIS_JWT_SECRET") {
            Some(secret) if secret.len() >= MIN_SECRET_BYTES => {
                (JwtSecret(secret.as_bytes().to_vec()), false)
            }
            // Refused in development too: a short secret is a mistake in any mode.
            Some(secret) => {
                p.problems.push(format!(
                    "TRELLIS_JWT_SECRET is {} bytes; it must be at least {MIN_SECRET_BYTES} \
                     (generate one with `openssl rand -base64 48`)",
                    secret.len()
                ));
                (JwtSecret(Vec::new()), false)
            }
            None if dev => (generate_secret(), true),
            None => {
                p.problems.push(format!(
                    "TRELLIS_JWT_SECRET is required in production (at least {MIN_SECRET_BYTES} \
                     bytes; generate one with `openssl rand -base64 48`)"
                ));
                (JwtSecret(Vec::new()), false)
            }
        };

        // The Trellis-specific name wins over the conventional one.
        let database_url = vars
            .get("TRELLIS_DATABASE_URL")
            .or_else(|| vars.get("DATABASE_URL"))
            .map_or_else(|| DEFAULT_DATABASE_URL.to_owned(), |v| v.trim().to_owned());

        let bind = p
            .parse(
                "TRELLIS_BIND",
                "an IP:PORT address such as 127.0.0.1:8080",
                |v| v.parse::<SocketAddr>().ok(),
            )
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080)));

        let limits = GraphqlLimits::default();
        let config = Config {
            environment,
            jwt_secret,
            jwt_secret_generated,
            database_url,
            bind,
            playground: p.bool("TRELLIS_PLAYGROUND").unwrap_or(dev),
            introspection: p.bool("TRELLIS_INTROSPECTION").unwrap_or(dev),
            field_suggestions: p.bool("TRELLIS_FIELD_SUGGESTIONS").unwrap_or(dev),
            max_body_bytes: p
                .positive("TRELLIS_MAX_BODY_BYTES")
                .unwrap_or(DEFAULT_MAX_BODY_BYTES),
            max_query_depth: p
                .positive("TRELLIS_MAX_QUERY_DEPTH")
                .unwrap_or(limits.max_depth),
            max_query_complexity: p
                .positive("TRELLIS_MAX_QUERY_COMPLEXITY")
                .unwrap_or(limits.max_complexity),
            max_aliases: p
                .positive("TRELLIS_MAX_ALIASES")
                .unwrap_or(limits.max_aliases),
            max_batch: p.positive("TRELLIS_MAX_BATCH").unwrap_or(limits.max_batch),
            log_format: p
                .parse("TRELLIS_LOG_FORMAT", "`pretty` or `json`", |v| {
                    match v.to_ascii_lowercase().as_str() {
                        "pretty" => Some(LogFormat::Pretty),
                        "json" => Some(LogFormat::Json),
                        _ => None,
                    }
                })
                .unwrap_or(if dev {
                    LogFormat::Pretty
                } else {
                    LogFormat::Json
                }),
            trust_proxy: p.bool("TRELLIS_TRUST_PROXY").unwrap_or(false),
            request_timeout: Duration::from_secs(
                p.positive("TRELLIS_REQUEST_TIMEOUT_SECS")
                    .map_or(DEFAULT_REQUEST_TIMEOUT_SECS, |secs| secs as u64),
            ),
            auto_migrate: p.bool("TRELLIS_AUTO_MIGRATE").unwrap_or(true),
            cors_origins: p
                .parse(
                    "TRELLIS_CORS_ORIGINS",
                    "`*` or comma-separated origins such as https://app.example.com",
                    parse_origins,
                )
                .unwrap_or_default(),
            unknown_variables: {
                let mut unknown: Vec<String> = vars
                    .keys()
                    .filter(|k| k.starts_with("TRELLIS_") && !KNOWN.contains(&k.as_str()))
                    .cloned()
                    .collect();
                unknown.sort();
                unknown
            },
        };
        if p.problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError {
                problems: p.problems,
            })
        }
    }

    /// Development mode, a fixed secret, in-memory SQLite and every default.
    pub fn for_tests() -> Self {
        let limits = GraphqlLimits::default();
        Config {
            environment: Environment::Development,
            jwt_secret: JwtSecret(b"trellis-test-secret-0123456789abcdef".to_vec()),
            jwt_secret_generated: false,
            database_url: "sqlite::memory:".to_owned(),
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            playground: true,
            introspection: true,
            field_suggestions: true,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_query_depth: limits.max_depth,
            max_query_complexity: limits.max_complexity,
            max_aliases: limits.max_aliases,
            max_batch: limits.max_batch,
            log_format: LogFormat::Pretty,
            trust_proxy: false,
            request_timeout: Duration::from_secs(DEFAULT_REQUEST_TIMEOUT_SECS),
            auto_migrate: true,
            cors_origins: Vec::new(),
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
            .field("bind", &self.bind)
            .field("playground", &self.playground)
            .field("introspection", &self.introspection)
            .field("field_suggestions", &self.field_suggestions)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_query_depth", &self.max_query_depth)
            .field("max_query_complexity", &self.max_query_complexity)
            .field("max_aliases", &self.max_aliases)
            .field("max_batch", &self.max_batch)
            .field("log_format", &self.log_format)
            .field("trust_proxy", &self.trust_proxy)
            .field("request_timeout", &self.request_timeout)
            .field("auto_migrate", &self.auto_migrate)
            .field("cors_origins", &self.cors_origins)
            .field("unknown_variables", &self.unknown_variables)
            .finish()
    }
}

fn is_ours(key: &str) -> bool {
    key.starts_with("TRELLIS_") || key == "DATABASE_URL"
}

fn generate_secret() -> JwtSecret {
    let mut bytes = vec![0u8; GENERATED_SECRET_BYTES];
    OsRng.fill_bytes(&mut bytes);
    JwtSecret(bytes)
}

/// `scheme://user:password@host/db` → `scheme://user:***@host/db`.
fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// `*`, or origins of the form `scheme://host[:port]` with no path.
fn parse_origins(raw: &str) -> Option<Vec<String>> {
    if raw == "*" {
        return Some(vec!["*".to_owned()]);
    }
    raw.split(',')
        .map(str::trim)
        .filter(|origin| !origin.is_empty())
        .map(|origin| {
            let rest = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"))?;
            let valid = !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
            valid.then(|| origin.to_owned())
        })
        .collect::<Option<Vec<_>>>()
        .filter(|origins| !origins.is_empty())
}

/// Collects a problem per bad variable instead of stopping at the first.
struct Parser<'a> {
    vars: &'a HashMap<String, String>,
    problems: Vec<String>,
}

impl Parser<'_> {
    fn parse<T>(
        &mut self,
        name: &str,
        expected: &str,
        f: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let raw = self.vars.get(name)?.trim();
        let parsed = f(raw);
        if parsed.is_none() {
            self.problems
                .push(format!("{name}={raw:?} is not valid: expected {expected}"));
        }
        parsed
    }

    fn bool(&mut self, name: &str) -> Option<bool> {
        self.parse(name, "true or false", |v| {
            match v.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" => Some(true),
                "false" | "0" | "no" | "off" => Some(false),
                _ => None,
            }
        })
    }

    fn positive(&mut self, name: &str) -> Option<usize> {
        self.parse(name, "a whole number greater than 0", |v| {
            v.parse::<usize>().ok().filter(|n| *n > 0)
        })
    }
}

#[cfg(test)]
mod tests;
