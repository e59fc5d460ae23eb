//! How to reach a datasource: protocol, address, credentials and connection
//! options. Credentials are only ever held encrypted here; see `secret`.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use trellis_kernel::{FieldErrors, TenantId, define_id};

pub use address::parse_base_url;
pub use tls::TlsMode;

use crate::secret::EncryptedSecret;

mod address;
mod tls;

define_id!(
    /// How to reach a datasource: protocol, address, encrypted credentials.
    DatasourceConfigId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Protocol {
    Postgresql,
    Mysql,
    Sqlite,
    Http,
    File,
}

impl Protocol {
    pub const ALL: [Protocol; 5] = [
        Protocol::Postgresql,
        Protocol::Mysql,
        Protocol::Sqlite,
        Protocol::Http,
        Protocol::File,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Protocol::Postgresql => "POSTGRESQL",
            Protocol::Mysql => "MYSQL",
            Protocol::Sqlite => "SQLITE",
            Protocol::Http => "HTTP",
            Protocol::File => "FILE",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    pub const fn is_sql(self) -> bool {
        matches!(
            self,
            Protocol::Postgresql | Protocol::Mysql | Protocol::Sqlite
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AuthType {
    None,
    Basic,
    Bearer,
    ApiKey,
}

impl AuthType {
    pub const ALL: [AuthType; 4] = [
        AuthType::None,
        AuthType::Basic,
        AuthType::Bearer,
        AuthType::ApiKey,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            AuthType::None => "NONE",
            AuthType::Basic => "BASIC",
            AuthType::Bearer => "BEARER",
            AuthType::ApiKey => "API_KEY",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// SQL servers take a user name and password; HTTP APIs take any scheme;
    /// uploaded files take none.
    pub const fn fits(self, protocol: Protocol) -> bool {
        match protocol {
            Protocol::Postgresql | Protocol::Mysql => {
                matches!(self, AuthType::None | AuthType::Basic)
            }
            Protocol::Sqlite | Protocol::File => matches!(self, AuthType::None),
            Protocol::Http => true,
        }
    }
}

/// Decrypted credentials. Exists only between decryption and use; its
/// `Debug` never prints a secret.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Credentials {
    Basic { username: String, password: String },
    Bearer { token: String },
    ApiKey { header: String, key: String },
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self {
            Credentials::Basic { .. } => "Basic",
            Credentials::Bearer { .. } => "Bearer",
            Credentials::ApiKey { .. } => "ApiKey",
        };
        write!(f, "Credentials::{kind}(<redacted>)")
    }
}

/// The header an `API_KEY` is sent in when `authConfig` names none.
pub const DEFAULT_API_KEY_HEADER: &str = "X-Api-Key";

impl Credentials {
    /// Reads `authConfig` for `auth_type`; `field` prefixes error paths.
    /// `Ok(None)` for `NONE`.
    pub fn from_auth_config(
        auth_type: AuthType,
        config: Option<&Value>,
        errors: &mut FieldErrors,
        field: &str,
    ) -> Option<Option<Credentials>> {
        let object = match (auth_type, config) {
            (AuthType::None, None | Some(Value::Null)) => return Some(None),
            (AuthType::None, Some(Value::Object(map))) if map.is_empty() => return Some(None),
            (AuthType::None, Some(_)) => {
                errors.add(field, "must be empty when authType is NONE");
                return None;
            }
            (_, None | Some(Value::Null)) => {
                errors.add(
                    field,
                    format!("is required when authType is {}", auth_type.as_str()),
                );
                return None;
            }
            (_, Some(Value::Object(map))) => map,
            (_, Some(_)) => {
                errors.add(field, "must be a JSON object");
                return None;
            }
        };
        let allowed: &[&str] = match auth_type {
            AuthType::None => &[],
            AuthType::Basic => &["username", "password"],
            AuthType::Bearer => &["token"],
            AuthType::ApiKey => &["key", "header"],
        };
        let mut ok = true;
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                errors.add(
                    format!("{field}.{key}"),
                    format!(
                        "is not a setting of {}; expected {}",
                        auth_type.as_str(),
                        allowed.join(", ")
                    ),
                );
                ok = false;
            }
        }
        let mut text = |key: &str, required: bool| -> Option<String> {
            match object.get(key) {
                Some(Value::String(s)) if !s.is_empty() && s.len() <= 4096 => Some(s.clone()),
                None if !required => None,
                _ => {
                    errors.add(
                        format!("{field}.{key}"),
                        "must be a non-empty string of at most 4096 characters",
                    );
                    ok = false;
                    None
                }
            }
        };
        let credentials = match auth_type {
            AuthType::None => None,
            AuthType::Basic => {
                let username = text("username", true);
                let password = text("password", true);
                username
                    .zip(password)
                    .map(|(username, password)| Credentials::Basic { username, password })
            }
            AuthType::Bearer => text("token", true).map(|token| Credentials::Bearer { token }),
            AuthType::ApiKey => {
                let key = text("key", true);
                let header = text("header", false);
                if let Some(name) = &header
                    && !is_header_name(name)
                {
                    errors.add(format!("{field}.header"), "is not a valid HTTP header name");
                    ok = false;
                }
                key.map(|key| Credentials::ApiKey {
                    header: header.unwrap_or_else(|| DEFAULT_API_KEY_HEADER.to_owned()),
                    key,
                })
            }
        };
        ok.then_some(credentials)
    }
}

pub(crate) fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Connection settings; every field has a default, so `{}` is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ConnectionOptions {
    /// Most pooled connections to a SQL datasource (1 to 20).
    pub pool_size: u32,
    /// Time to connect (ms, 100 to 30 000).
    pub connect_timeout_ms: u64,
    /// Longest a SQL statement or HTTP request may run (ms, 100 to 30 000).
    pub statement_timeout_ms: u64,
    /// Largest HTTP response body read (bytes, up to 16 MiB).
    pub max_response_bytes: u64,
    /// Extra, non-secret headers sent with every HTTP request.
    pub headers: BTreeMap<String, String>,
}

impl Default for ConnectionOptions {
    fn default() -> Self {
        Self {
            pool_size: 4,
            connect_timeout_ms: 2_000,
            statement_timeout_ms: 2_000,
            max_response_bytes: 1024 * 1024,
            headers: BTreeMap::new(),
        }
    }
}

impl ConnectionOptions {
    /// Reads `connection` (absent means defaults); errors name `field.option`.
    pub fn parse(value: Option<&Value>, errors: &mut FieldErrors, field: &str) -> Option<Self> {
        let options: Self = match value {
            None | Some(Value::Null) => return Some(Self::default()),
            Some(value) => match serde_json::from_value(value.clone()) {
                Ok(options) => options,
                Err(err) => {
                    errors.add(field, format!("is not valid: {err}"));
                    return None;
                }
            },
        };
        let mut ok = true;
        let mut check = |name: &str, valid: bool, message: &str| {
            if !valid {
                errors.add(format!("{field}.{name}"), message);
                ok = false;
            }
        };
        check(
            "poolSize",
            (1..=20).contains(&options.pool_size),
            "must be 1 to 20",
        );
        check(
            "connectTimeoutMs",
            (100..=30_000).contains(&options.connect_timeout_ms),
            "must be 100 to 30000",
        );
        check(
            "statementTimeoutMs",
            (100..=30_000).contains(&options.statement_timeout_ms),
            "must be 100 to 30000",
        );
        check(
            "maxResponseBytes",
            (1..=16 * 1024 * 1024).contains(&options.max_response_bytes),
            "must be 1 to 16777216",
        );
        for (name, value) in &options.headers {
            check(
                &format!("headers.{name}"),
                is_header_name(name) && value.len() <= 1024 && !value.contains(['\r', '\n']),
                "must be a valid header name with a value of at most 1024 characters",
            );
        }
        ok.then_some(options)
    }
}

/// A tenant's way of reaching one datasource.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasourceConfig {
    pub id: DatasourceConfigId,
    pub tenant_id: TenantId,
    /// Unique per tenant, ignoring case; what `connectionKey` names.
    pub name: String,
    pub protocol: Protocol,
    /// `postgres://host:5432/db`, `mysql://host/db`, a SQLite file path under
    /// the datasource files directory, an `http(s)://` base, or empty for FILE.
    pub base_url: String,
    pub auth_type: AuthType,
    /// `authConfig`, encrypted; `None` for `NONE`.
    pub credentials: Option<EncryptedSecret>,
    pub connection: ConnectionOptions,
    /// How a SQL server connection is encrypted; `None` for other protocols.
    pub tls_mode: Option<TlsMode>,
    pub created_at: DateTime<Utc>,
    /// Changes with every update; connectors key their pools by it.
    pub updated_at: DateTime<Utc>,
}

impl DatasourceConfig {
    pub fn has_credentials(&self) -> bool {
        self.credentials.is_some()
    }

    /// The bytes authenticated with the credentials' ciphertext, so that a
    /// ciphertext copied onto another config or tenant does not decrypt.
    pub fn credentials_aad(tenant: TenantId, id: DatasourceConfigId) -> Vec<u8> {
        format!("trellis:datasource-config:{tenant}:{id}").into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_config_is_checked_against_the_auth_type() {
        let mut errors = FieldErrors::new();
        let creds = Credentials::from_auth_config(
            AuthType::ApiKey,
            Some(&serde_json::json!({"key": "k"})),
            &mut errors,
            "authConfig",
        );
        assert_eq!(
            creds,
            Some(Some(Credentials::ApiKey {
                header: DEFAULT_API_KEY_HEADER.into(),
                key: "k".into()
            }))
        );
        let mut errors = FieldErrors::new();
        let creds = Credentials::from_auth_config(
            AuthType::Basic,
            Some(&serde_json::json!({"username": "u", "token": "t"})),
            &mut errors,
            "authConfig",
        );
        assert!(creds.is_none());
        let message = errors.into_result().unwrap_err().to_string();
        assert!(message.contains("authConfig.token"), "{message}");
        assert!(message.contains("authConfig.password"), "{message}");
    }

    #[test]
    fn credentials_never_print() {
        let creds = Credentials::Bearer {
            token: "s3cret".into(),
        };
        assert!(!format!("{creds:?}").contains("s3cret"));
    }

    #[test]
    fn connection_options_default_and_name_each_bad_option() {
        let mut errors = FieldErrors::new();
        assert_eq!(
            ConnectionOptions::parse(None, &mut errors, "connection"),
            Some(ConnectionOptions::default())
        );
        let mut errors = FieldErrors::new();
        let parsed = ConnectionOptions::parse(
            Some(&serde_json::json!({"poolSize": 0, "statementTimeoutMs": 5})),
            &mut errors,
            "connection",
        );
        assert!(parsed.is_none());
        let message = errors.into_result().unwrap_err().to_string();
        assert!(message.contains("connection.poolSize"), "{message}");
        assert!(
            message.contains("connection.statementTimeoutMs"),
            "{message}"
        );
        let mut errors = FieldErrors::new();
        assert!(
            ConnectionOptions::parse(
                Some(&serde_json::json!({"bogus": 1})),
                &mut errors,
                "connection"
            )
            .is_none()
        );
    }
}
