//! Builders for configs, datasources and connectors.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use trellis_connectors::{ConnectorSettings, Connectors};
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::DatasourceId;
use trellis_datasources::ports::{Connector, DatasourceRepository, MockDatasourceRepository};
use trellis_datasources::{
    AuthType, ConnectionOptions, Credentials, Datasource, DatasourceConfig, DatasourceKind,
    Keyring, LookupError, LookupErrorKind, LookupResult, Protocol, TlsMode,
};
use trellis_kernel::TenantId;

pub fn unique(prefix: &str) -> String {
    format!("{prefix}_{}", sqlx::types::Uuid::now_v7().simple())
}

/// A config with its credentials encrypted the way the datasources crate
/// stores them.
pub fn config(
    protocol: Protocol,
    base_url: &str,
    credentials: Option<Credentials>,
    connection: ConnectionOptions,
) -> DatasourceConfig {
    let tenant_id = TenantId::generate();
    let id = DatasourceConfigId::generate();
    let auth_type = match &credentials {
        None => AuthType::None,
        Some(Credentials::Basic { .. }) => AuthType::Basic,
        Some(Credentials::Bearer { .. }) => AuthType::Bearer,
        Some(Credentials::ApiKey { .. }) => AuthType::ApiKey,
    };
    let credentials = credentials.map(|c| {
        let aad = DatasourceConfig::credentials_aad(tenant_id, id);
        Keyring::development()
            .encrypt(&serde_json::to_vec(&c).unwrap(), &aad)
            .unwrap()
    });
    let now = Utc::now();
    DatasourceConfig {
        // The test servers on loopback have no TLS.
        tls_mode: matches!(protocol, Protocol::Postgresql | Protocol::Mysql)
            .then_some(trellis_datasources::TlsMode::Disable),
        id,
        tenant_id,
        name: "crm".into(),
        protocol,
        base_url: base_url.into(),
        auth_type,
        credentials,
        connection,
        created_at: now,
        updated_at: now,
    }
}

pub fn options(statement_timeout_ms: u64) -> ConnectionOptions {
    ConnectionOptions {
        pool_size: 2,
        connect_timeout_ms: 2_000,
        statement_timeout_ms,
        ..ConnectionOptions::default()
    }
}

pub fn datasource(config: &DatasourceConfig) -> Datasource {
    let kind = match config.protocol {
        Protocol::Http => DatasourceKind::Api,
        Protocol::File => DatasourceKind::File,
        _ => DatasourceKind::Database,
    };
    Datasource {
        id: DatasourceId::generate(),
        tenant_id: config.tenant_id,
        name: "customers".into(),
        kind,
        config_id: config.id,
        description: None,
        file: None,
        created_at: config.created_at,
        updated_at: config.updated_at,
    }
}

/// The config as it is after an update.
pub fn touched(config: &DatasourceConfig) -> DatasourceConfig {
    let mut changed = config.clone();
    changed.updated_at = later(config.updated_at);
    changed
}

pub fn later(at: DateTime<Utc>) -> DateTime<Utc> {
    at + Duration::milliseconds(1)
}

pub fn connectors(allow_private_networks: bool) -> Connectors {
    connectors_with(
        allow_private_networks,
        std::env::temp_dir(),
        Arc::new(MockDatasourceRepository::new()),
    )
}

pub fn connectors_with(
    allow_private_networks: bool,
    sqlite_root: PathBuf,
    files: Arc<dyn DatasourceRepository>,
) -> Connectors {
    Connectors::new(
        ConnectorSettings {
            allow_private_networks,
            sqlite_root,
        },
        Arc::new(Keyring::development()),
        files,
    )
}

/// The server URL in `var`.
///
/// # Panics
/// When `var` is not set. The tests that call this are built ignored then
/// (the package's build script), unless `TRELLIS_REQUIRE_TEST_DATABASES=1`
/// says the servers must be there.
pub fn server_url(var: &str) -> url::Url {
    match std::env::var(var) {
        Ok(url) if !url.trim().is_empty() => url::Url::parse(url.trim()).expect("a URL"),
        _ => panic!(
            "{var} is not set, and this test needs the server it names \
             (see the README's test section)"
        ),
    }
}

/// The config's address (no credentials in it), user name and password,
/// from a test server URL such as `postgres://postgres@127.0.0.1:5432/test`.
pub fn split_url(url: &url::Url) -> (String, String, String) {
    let mut base = url.clone();
    base.set_username("").unwrap();
    base.set_password(None).unwrap();
    (
        base.to_string(),
        url.username().to_owned(),
        url.password().unwrap_or_default().to_owned(),
    )
}

pub fn first_row(result: LookupResult) -> Option<Vec<serde_json::Value>> {
    match result {
        LookupResult::Sql { first_row } => first_row,
        other => panic!("not a SQL result: {other:?}"),
    }
}

#[track_caller]
pub fn assert_kind(result: Result<LookupResult, LookupError>, kind: LookupErrorKind) -> String {
    match result {
        Err(err) => {
            assert_eq!(err.kind, kind, "{}", err.message);
            err.message
        }
        Ok(ok) => panic!("expected {kind:?}, got {ok:?}"),
    }
}

/// Probes the server at `base` in each TLS mode, each time with a new
/// config from `config` (a new id, so that no pool is reused across
/// modes). DISABLE connects; VERIFY_FULL is refused by IP
/// and as `localhost`, since a test server has no TLS, or a self-signed
/// certificate at best, never one a trusted root vouches for; REQUIRE
/// connects if the server has TLS and is refused if not. Each refusal is
/// `Unreachable`, names the mode and says `why`.
pub async fn assert_tls_modes(
    config: impl Fn() -> DatasourceConfig,
    base: &str,
    server_has_tls: bool,
    why: &str,
) {
    let connectors = connectors(true);
    let with_mode = |base: &str, mode| {
        let mut config = config();
        config.base_url = base.to_owned();
        config.tls_mode = Some(mode);
        config
    };
    let by_name = base.replacen("127.0.0.1", "localhost", 1);
    connectors
        .probe(&with_mode(base, TlsMode::Disable))
        .await
        .unwrap();
    let mut refused = vec![
        (base, TlsMode::VerifyFull),
        (by_name.as_str(), TlsMode::VerifyFull),
    ];
    if server_has_tls {
        connectors
            .probe(&with_mode(base, TlsMode::Require))
            .await
            .unwrap();
    } else {
        refused.push((base, TlsMode::Require));
    }
    for (base, mode) in refused {
        let err = connectors
            .probe(&with_mode(base, mode))
            .await
            .expect_err("refused");
        assert_eq!(err.kind, LookupErrorKind::Unreachable, "{}", err.message);
        assert!(
            err.message
                .contains(&format!("failed (tlsMode {})", mode.as_str()))
                && err.message.contains(why),
            "{base} {mode:?}: {}",
            err.message
        );
    }
}
