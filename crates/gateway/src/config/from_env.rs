//! Reading the configuration from the environment: every variable checked,
//! every problem named at once.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use rand::RngCore;
use rand::rngs::OsRng;
use trellis_tenancy::token::MIN_SECRET_BYTES;

use super::parse::{Parser, parse_origins};
use super::secrets::keyring;
use super::*;

const GENERATED_SECRET_BYTES: usize = 64;

const KNOWN: &[&str] = &[
    "TRELLIS_ENV",
    "TRELLIS_JWT_SECRET",
    "TRELLIS_DATABASE_URL",
    "TRELLIS_MIGRATION_DATABASE_URL",
    "TRELLIS_DB_ACQUIRE_TIMEOUT_MS",
    "TRELLIS_DB_MAX_CONNECTIONS",
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
    "TRELLIS_SECRET_KEY",
    "TRELLIS_SECRET_KEYS_PREVIOUS",
    "TRELLIS_ALLOW_PRIVATE_NETWORKS",
    "TRELLIS_DATASOURCE_FILES_DIR",
    "TRELLIS_RULE_TIMEOUT_MS",
    "TRELLIS_ROUTING_BUDGET_MS",
    "TRELLIS_MAX_UPLOAD_BYTES",
    "TRELLIS_DATA_DIR",
    "TRELLIS_STORAGE_URL",
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
        let migration_database_url = vars
            .get("TRELLIS_MIGRATION_DATABASE_URL")
            .map(|v| v.trim().to_owned());
        // Checked here so that a bad URL stops the start with the other
        // problems, not later when the file store is built.
        let storage_url = vars
            .get("TRELLIS_STORAGE_URL")
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
        if let Some(url) = &storage_url
            && let Err(err) = trellis_file_store::check_url(url)
        {
            p.problems.push(err.to_string());
        }

        let bind = p
            .parse(
                "TRELLIS_BIND",
                "an IP:PORT address such as 127.0.0.1:8080",
                |v| v.parse::<SocketAddr>().ok(),
            )
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080)));

        let (keyring, keyring_is_development) = keyring(&vars, dev, &mut p.problems);

        let request_timeout = Duration::from_secs(
            p.positive("TRELLIS_REQUEST_TIMEOUT_SECS")
                .map_or(DEFAULT_REQUEST_TIMEOUT_SECS, |secs| secs as u64),
        );
        let db_acquire_timeout = Duration::from_millis(
            p.positive("TRELLIS_DB_ACQUIRE_TIMEOUT_MS")
                .map_or(DEFAULT_DB_ACQUIRE_TIMEOUT_MS, |ms| ms as u64),
        );
        let db_max_connections = p
            .positive("TRELLIS_DB_MAX_CONNECTIONS")
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        let rule_timeout = Duration::from_millis(
            p.positive("TRELLIS_RULE_TIMEOUT_MS")
                .map_or(DEFAULT_RULE_TIMEOUT_MS, |ms| ms as u64),
        );
        let routing_budget = Duration::from_millis(
            p.positive("TRELLIS_ROUTING_BUDGET_MS")
                .map_or(DEFAULT_ROUTING_BUDGET_MS, |ms| ms as u64),
        );
        // A budget the request timeout cuts short would lose the decision
        // (it is stored after the rules run) and answer 503 instead.
        if routing_budget >= request_timeout {
            p.problems.push(format!(
                "TRELLIS_ROUTING_BUDGET_MS ({} ms) must be less than the request timeout \
                 TRELLIS_REQUEST_TIMEOUT_SECS ({} s)",
                routing_budget.as_millis(),
                request_timeout.as_secs()
            ));
        }

        let limits = GraphqlLimits::default();
        let config = Config {
            environment,
            jwt_secret,
            jwt_secret_generated,
            database_url,
            db_acquire_timeout,
            db_max_connections,
            migration_database_url,
            bind,
            playground: p.bool("TRELLIS_PLAYGROUND").unwrap_or(dev),
            introspection: p.bool("TRELLIS_INTROSPECTION").unwrap_or(dev),
            field_suggestions: p.bool("TRELLIS_FIELD_SUGGESTIONS").unwrap_or(dev),
            max_body_bytes: p
                .positive("TRELLIS_MAX_BODY_BYTES")
                .unwrap_or(DEFAULT_MAX_BODY_BYTES),
            max_upload_bytes: p
                .positive("TRELLIS_MAX_UPLOAD_BYTES")
                .unwrap_or(DEFAULT_MAX_UPLOAD_BYTES),
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
            request_timeout,
            auto_migrate: p.bool("TRELLIS_AUTO_MIGRATE").unwrap_or(true),
            cors_origins: p
                .parse(
                    "TRELLIS_CORS_ORIGINS",
                    "`*` or comma-separated origins such as https://app.example.com",
                    parse_origins,
                )
                .unwrap_or_default(),
            keyring,
            keyring_is_development,
            allow_private_networks: p.bool("TRELLIS_ALLOW_PRIVATE_NETWORKS").unwrap_or(false),
            datasource_files_dir: vars.get("TRELLIS_DATASOURCE_FILES_DIR").map_or_else(
                || PathBuf::from(DEFAULT_DATASOURCE_FILES_DIR),
                |dir| PathBuf::from(dir.trim()),
            ),
            data_dir: vars.get("TRELLIS_DATA_DIR").map_or_else(
                || PathBuf::from(DEFAULT_DATA_DIR),
                |dir| PathBuf::from(dir.trim()),
            ),
            storage_url,
            rule_timeout,
            routing_budget,
            auth_rate_limits: edge::auth_rate_limits(&mut p),
            connection_limits: edge::connection_limits(&mut p),
            unknown_variables: {
                let mut unknown: Vec<String> = vars
                    .keys()
                    .filter(|k| {
                        k.starts_with("TRELLIS_")
                            && !KNOWN.contains(&k.as_str())
                            && !edge::VARIABLES.contains(&k.as_str())
                    })
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
}

fn is_ours(key: &str) -> bool {
    key.starts_with("TRELLIS_") || key == "DATABASE_URL"
}

fn generate_secret() -> JwtSecret {
    let mut bytes = vec![0u8; GENERATED_SECRET_BYTES];
    OsRng.fill_bytes(&mut bytes);
    JwtSecret(bytes)
}
