use trellis_tenancy::token::MIN_SECRET_BYTES;

use super::*;

const GOOD_SECRET: &str = "0123456789abcdef0123456789abcdef";
/// Base64 of 32 bytes of 0x07, with the key id `k1`.
const GOOD_KEY: &str = "k1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
const OLD_KEY: &str = "k0:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

fn parse(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    Config::from_vars(vars.iter().copied())
}

#[test]
fn development_defaults_need_no_variables() {
    let config = parse(&[]).unwrap();
    assert_eq!(config.environment, Environment::Development);
    assert!(config.jwt_secret_generated);
    assert!(config.jwt_secret.as_bytes().len() >= MIN_SECRET_BYTES);
    assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
    assert_eq!(config.bind.to_string(), DEFAULT_BIND);
    assert!(config.playground && config.introspection && config.field_suggestions);
    assert_eq!(config.log_format, LogFormat::Pretty);
    assert_eq!(config.max_body_bytes, DEFAULT_MAX_BODY_BYTES);
    assert_eq!(config.max_batch, GraphqlLimits::default().max_batch);
    assert_eq!(config.request_timeout, Duration::from_secs(30));
    assert!(!config.trust_proxy);
    assert!(config.auto_migrate);
}

#[test]
fn generated_secrets_differ_between_starts() {
    let (a, b) = (parse(&[]).unwrap(), parse(&[]).unwrap());
    assert_ne!(a.jwt_secret.as_bytes(), b.jwt_secret.as_bytes());
}

#[test]
fn production_without_a_secret_is_refused() {
    let err = parse(&[
        ("TRELLIS_ENV", "production"),
        ("TRELLIS_SECRET_KEY", GOOD_KEY),
    ])
    .unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert!(
        err.problems[0].contains("TRELLIS_JWT_SECRET is required"),
        "{err}"
    );
}

#[test]
fn production_without_a_secret_key_is_refused() {
    let err = parse(&[
        ("TRELLIS_ENV", "production"),
        ("TRELLIS_JWT_SECRET", GOOD_SECRET),
    ])
    .unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    let problem = &err.problems[0];
    assert!(
        problem.contains("TRELLIS_SECRET_KEY is required in production"),
        "{err}"
    );
    assert!(problem.contains("openssl rand -base64 32"), "{err}");
}

#[test]
fn development_without_a_secret_key_uses_the_development_key() {
    let config = parse(&[]).unwrap();
    assert!(config.keyring_is_development);
    assert_eq!(
        config.keyring.current_key_id(),
        trellis_datasources::secret::DEVELOPMENT_KEY_ID
    );
}

#[test]
fn a_bad_secret_key_says_why_without_showing_it() {
    let not_base64 = "k1:this-is-not-base64-but-is-secret!";
    let too_short = "k1:c2hvcnQtc2VjcmV0"; // "short-secret"
    for (env, key, reason) in [
        ("development", not_base64, "not base64"),
        ("production", too_short, "must be 32 bytes"),
    ] {
        let err = parse(&[
            ("TRELLIS_ENV", env),
            ("TRELLIS_JWT_SECRET", GOOD_SECRET),
            ("TRELLIS_SECRET_KEY", key),
        ])
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("TRELLIS_SECRET_KEY"), "{text}");
        assert!(text.contains(reason), "{text}");
        let material = key.split_once(':').unwrap().1;
        assert!(!text.contains(material), "the key leaked: {text}");
    }
}

#[test]
fn a_secret_key_with_previous_keys_builds_a_keyring() {
    let config = parse(&[
        ("TRELLIS_ENV", "production"),
        ("TRELLIS_JWT_SECRET", GOOD_SECRET),
        ("TRELLIS_SECRET_KEY", GOOD_KEY),
        ("TRELLIS_SECRET_KEYS_PREVIOUS", &format!(" {OLD_KEY} ,")),
    ])
    .unwrap();
    assert!(!config.keyring_is_development);
    assert_eq!(config.keyring.current_key_id(), "k1");
    // What the old key encrypted, the new keyring still reads.
    let old = trellis_datasources::Keyring::parse(OLD_KEY, &[]).unwrap();
    let sealed = old.encrypt(b"pw", b"aad").unwrap();
    assert_eq!(config.keyring.decrypt(&sealed, b"aad").unwrap(), b"pw");
    let debug = format!("{config:?}");
    assert!(
        !debug.contains("BwcHBwcH") && !debug.contains("AQEBAQEB"),
        "{debug}"
    );
}

#[test]
fn previous_keys_without_a_current_key_are_refused() {
    let err = parse(&[("TRELLIS_SECRET_KEYS_PREVIOUS", OLD_KEY)]).unwrap_err();
    assert!(
        err.to_string()
            .contains("TRELLIS_SECRET_KEYS_PREVIOUS is set but TRELLIS_SECRET_KEY is not"),
        "{err}"
    );
    let bad_previous = parse(&[
        ("TRELLIS_SECRET_KEY", GOOD_KEY),
        ("TRELLIS_SECRET_KEYS_PREVIOUS", "k0:not base64!"),
    ])
    .unwrap_err();
    assert!(
        bad_previous
            .to_string()
            .contains("TRELLIS_SECRET_KEYS_PREVIOUS: the key is not base64"),
        "{bad_previous}"
    );
}

#[test]
fn routing_settings_have_defaults_and_can_be_set() {
    let config = parse(&[]).unwrap();
    assert!(!config.allow_private_networks);
    assert_eq!(
        config.datasource_files_dir,
        std::path::PathBuf::from(DEFAULT_DATASOURCE_FILES_DIR)
    );
    assert_eq!(config.rule_timeout, Duration::from_millis(2_000));
    assert_eq!(config.routing_budget, Duration::from_millis(10_000));
    assert_eq!(config.max_upload_bytes, DEFAULT_MAX_UPLOAD_BYTES);
    assert!(config.max_upload_bytes > trellis_datasources::datasource::MAX_CSV_BYTES);

    let config = parse(&[
        ("TRELLIS_ALLOW_PRIVATE_NETWORKS", "true"),
        ("TRELLIS_DATASOURCE_FILES_DIR", "/var/lib/trellis/files"),
        ("TRELLIS_RULE_TIMEOUT_MS", "500"),
        ("TRELLIS_ROUTING_BUDGET_MS", "3000"),
        ("TRELLIS_MAX_UPLOAD_BYTES", "4096"),
    ])
    .unwrap();
    assert!(config.allow_private_networks);
    assert_eq!(
        config.datasource_files_dir,
        std::path::PathBuf::from("/var/lib/trellis/files")
    );
    assert_eq!(config.rule_timeout, Duration::from_millis(500));
    assert_eq!(config.routing_budget, Duration::from_millis(3_000));
    assert_eq!(config.max_upload_bytes, 4096);
    assert!(
        config.unknown_variables.is_empty(),
        "{:?}",
        config.unknown_variables
    );
}

#[test]
fn the_database_acquire_timeout_is_two_seconds_unless_set() {
    assert_eq!(
        parse(&[]).unwrap().db_acquire_timeout,
        Duration::from_secs(2)
    );
    let config = parse(&[("TRELLIS_DB_ACQUIRE_TIMEOUT_MS", "750")]).unwrap();
    assert_eq!(config.db_acquire_timeout, Duration::from_millis(750));
    assert!(config.unknown_variables.is_empty());
    let err = parse(&[("TRELLIS_DB_ACQUIRE_TIMEOUT_MS", "0")]).unwrap_err();
    assert!(
        err.to_string().contains("TRELLIS_DB_ACQUIRE_TIMEOUT_MS"),
        "{err}"
    );
}

#[test]
fn the_database_pool_size_is_the_stores_default_unless_set() {
    let config = parse(&[]).unwrap();
    assert_eq!(config.db_max_connections, None);
    let config = parse(&[("TRELLIS_DB_MAX_CONNECTIONS", "12")]).unwrap();
    assert_eq!(config.db_max_connections, Some(12));
    assert!(config.unknown_variables.is_empty());
    for bad in ["0", "-3", "many"] {
        let err = parse(&[("TRELLIS_DB_MAX_CONNECTIONS", bad)]).unwrap_err();
        assert!(
            err.to_string().contains("TRELLIS_DB_MAX_CONNECTIONS"),
            "{err}"
        );
    }
}

#[test]
fn edge_limits_have_defaults_and_can_be_set() {
    let config = parse(&[]).unwrap();
    assert_eq!(config.auth_rate_limits, AuthRateLimits::default());
    assert_eq!(config.auth_rate_limits.per_ip.get(), 10);
    assert_eq!(config.auth_rate_limits.per_account.get(), 20);
    assert_eq!(config.connection_limits, ConnectionLimits::default());

    let config = parse(&[
        ("TRELLIS_AUTH_ATTEMPTS_PER_IP", "3"),
        ("TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT", "5"),
        ("TRELLIS_AUTH_WINDOW_SECS", "900"),
        ("TRELLIS_HEADER_READ_TIMEOUT_SECS", "4"),
        ("TRELLIS_KEEP_ALIVE_TIMEOUT_SECS", "7"),
        ("TRELLIS_MAX_CONNECTIONS", "64"),
    ])
    .unwrap();
    assert!(
        config.unknown_variables.is_empty(),
        "{:?}",
        config.unknown_variables
    );
    assert_eq!(config.auth_rate_limits.per_ip.get(), 3);
    assert_eq!(config.auth_rate_limits.per_account.get(), 5);
    assert_eq!(config.auth_rate_limits.window, Duration::from_secs(900));
    assert_eq!(
        config.connection_limits,
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(4),
            keep_alive_timeout: Duration::from_secs(7),
            max_connections: 64,
        }
    );
}

#[test]
fn an_account_must_allow_more_attempts_than_one_ip() {
    let err = parse(&[
        ("TRELLIS_AUTH_ATTEMPTS_PER_IP", "10"),
        ("TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT", "10"),
    ])
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT (10) must be greater than"),
        "{err}"
    );
    let err = parse(&[("TRELLIS_MAX_CONNECTIONS", "0")]).unwrap_err();
    assert!(err.to_string().contains("TRELLIS_MAX_CONNECTIONS"), "{err}");
}

#[test]
fn the_routing_budget_must_fit_in_the_request_timeout() {
    let err = parse(&[
        ("TRELLIS_REQUEST_TIMEOUT_SECS", "5"),
        ("TRELLIS_ROUTING_BUDGET_MS", "5000"),
    ])
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("TRELLIS_ROUTING_BUDGET_MS (5000 ms) must be less than"),
        "{err}"
    );
    let err = parse(&[
        ("TRELLIS_RULE_TIMEOUT_MS", "0"),
        ("TRELLIS_ALLOW_PRIVATE_NETWORKS", "sometimes"),
    ])
    .unwrap_err();
    assert_eq!(err.problems.len(), 2, "{err}");
}

#[test]
fn a_short_secret_is_refused_with_its_length() {
    for env in ["production", "development"] {
        let err = parse(&[("TRELLIS_ENV", env), ("TRELLIS_JWT_SECRET", "too-short")]).unwrap_err();
        assert!(
            err.to_string()
                .contains("is 9 bytes; it must be at least 32"),
            "{err}"
        );
    }
}

#[test]
fn production_with_a_good_secret_turns_conveniences_off() {
    let config = parse(&[
        ("TRELLIS_ENV", "Production"),
        ("TRELLIS_JWT_SECRET", GOOD_SECRET),
        ("TRELLIS_SECRET_KEY", GOOD_KEY),
    ])
    .unwrap();
    assert!(config.is_production());
    assert_eq!(config.jwt_secret.as_bytes(), GOOD_SECRET.as_bytes());
    assert!(!config.jwt_secret_generated);
    assert!(!config.playground && !config.introspection && !config.field_suggestions);
    assert_eq!(config.log_format, LogFormat::Json);
}

#[test]
fn explicit_values_override_the_defaults() {
    let config = parse(&[
        ("TRELLIS_ENV", "production"),
        ("TRELLIS_JWT_SECRET", GOOD_SECRET),
        ("TRELLIS_SECRET_KEY", GOOD_KEY),
        ("TRELLIS_ROUTING_BUDGET_MS", "3000"),
        ("TRELLIS_PLAYGROUND", "yes"),
        ("TRELLIS_INTROSPECTION", "TRUE"),
        ("TRELLIS_FIELD_SUGGESTIONS", "1"),
        ("TRELLIS_TRUST_PROXY", "on"),
        ("TRELLIS_AUTO_MIGRATE", "false"),
        ("TRELLIS_LOG_FORMAT", "pretty"),
        ("TRELLIS_BIND", "0.0.0.0:9000"),
        ("TRELLIS_MAX_BODY_BYTES", "2048"),
        ("TRELLIS_MAX_QUERY_DEPTH", "7"),
        ("TRELLIS_MAX_QUERY_COMPLEXITY", "99"),
        ("TRELLIS_MAX_ALIASES", "5"),
        ("TRELLIS_MAX_BATCH", "3"),
        ("TRELLIS_REQUEST_TIMEOUT_SECS", "4"),
    ])
    .unwrap();
    assert!(config.playground && config.introspection && config.field_suggestions);
    assert!(config.trust_proxy && !config.auto_migrate);
    assert_eq!(config.log_format, LogFormat::Pretty);
    assert_eq!(config.bind, SocketAddr::from(([0, 0, 0, 0], 9000)));
    assert_eq!(config.max_body_bytes, 2048);
    assert_eq!(config.request_timeout, Duration::from_secs(4));
    let limits = config.graphql_limits();
    assert_eq!(
        (
            limits.max_depth,
            limits.max_complexity,
            limits.max_aliases,
            limits.max_batch
        ),
        (7, 99, 5, 3)
    );
    assert!(limits.introspection && limits.suggestions);
}

#[test]
fn every_bad_variable_is_named_at_once() {
    let err = parse(&[
        ("TRELLIS_ENV", "staging"),
        ("TRELLIS_PLAYGROUND", "maybe"),
        ("TRELLIS_MAX_BATCH", "0"),
        ("TRELLIS_MAX_QUERY_DEPTH", "-1"),
        ("TRELLIS_REQUEST_TIMEOUT_SECS", "ten"),
        ("TRELLIS_BIND", "localhost"),
        ("TRELLIS_LOG_FORMAT", "xml"),
    ])
    .unwrap_err();
    let text = err.to_string();
    for name in [
        "TRELLIS_ENV=\"staging\"",
        "TRELLIS_PLAYGROUND=\"maybe\"",
        "TRELLIS_MAX_BATCH=\"0\"",
        "TRELLIS_MAX_QUERY_DEPTH=\"-1\"",
        "TRELLIS_REQUEST_TIMEOUT_SECS=\"ten\"",
        "TRELLIS_BIND=\"localhost\"",
        "TRELLIS_LOG_FORMAT=\"xml\"",
    ] {
        assert!(text.contains(name), "{name} missing from:\n{text}");
    }
    assert_eq!(err.problems.len(), 7, "{text}");
}

#[test]
fn migrations_may_run_over_a_url_of_their_own() {
    let config = parse(&[
        ("TRELLIS_DATABASE_URL", "postgres://app@db/trellis"),
        (
            "TRELLIS_MIGRATION_DATABASE_URL",
            "postgres://owner:pw@db/trellis",
        ),
    ])
    .unwrap();
    assert_eq!(config.database_url, "postgres://app@db/trellis");
    assert_eq!(
        config.migration_database_url.as_deref(),
        Some("postgres://owner:pw@db/trellis")
    );
    assert!(
        !format!("{config:?}").contains("pw@"),
        "the migration password stays out of logs"
    );
    assert_eq!(parse(&[]).unwrap().migration_database_url, None);
}

#[test]
fn the_trellis_database_url_wins_and_empty_values_are_unset() {
    let config = parse(&[
        ("DATABASE_URL", "postgres://a/b"),
        ("TRELLIS_DATABASE_URL", "postgres://c/d"),
        ("TRELLIS_BIND", ""),
    ])
    .unwrap();
    assert_eq!(config.database_url, "postgres://c/d");
    assert_eq!(config.bind.to_string(), DEFAULT_BIND);
    let config = parse(&[("DATABASE_URL", "postgres://a/b")]).unwrap();
    assert_eq!(config.database_url, "postgres://a/b");
}

#[test]
fn unknown_trellis_variables_are_reported_and_others_ignored() {
    let config = parse(&[("TRELLIS_PLAYGRUOND", "true"), ("HOME", "/root")]).unwrap();
    assert_eq!(
        config.unknown_variables,
        vec!["TRELLIS_PLAYGRUOND".to_owned()]
    );
}

#[test]
fn secrets_and_passwords_stay_out_of_debug_output() {
    let mut config = parse(&[("TRELLIS_JWT_SECRET", GOOD_SECRET)]).unwrap();
    config.database_url = "postgres://trellis:hunter2@db:5432/trellis".into();
    let debug = format!("{config:?}");
    assert!(
        !debug.contains(GOOD_SECRET) && !debug.contains("hunter2"),
        "{debug}"
    );
    assert_eq!(
        config.database_url_redacted(),
        "postgres://trellis:***@db:5432/trellis"
    );
    assert_eq!(
        redact_url("sqlite://trellis.db?mode=rwc"),
        "sqlite://trellis.db?mode=rwc"
    );
}

#[test]
fn cors_origins_are_a_list_or_a_wildcard() {
    let config = Config::from_vars([(
        "TRELLIS_CORS_ORIGINS",
        "https://app.example.com, http://localhost:5173",
    )])
    .unwrap();
    assert_eq!(
        config.cors_origins,
        ["https://app.example.com", "http://localhost:5173"]
    );
    let any = Config::from_vars([("TRELLIS_CORS_ORIGINS", "*")]).unwrap();
    assert_eq!(any.cors_origins, ["*"]);
    assert!(
        Config::from_vars(Vec::<(String, String)>::new())
            .unwrap()
            .cors_origins
            .is_empty()
    );
}

#[test]
fn a_cors_origin_with_a_path_or_no_scheme_is_named() {
    for bad in ["app.example.com", "https://app.example.com/path", "ftp://x"] {
        let err = Config::from_vars([("TRELLIS_CORS_ORIGINS", bad)]).unwrap_err();
        assert!(
            err.to_string().contains("TRELLIS_CORS_ORIGINS"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn attachments_live_under_the_data_dir_unless_a_storage_url_is_set() {
    let config = parse(&[]).unwrap();
    assert_eq!(config.data_dir, std::path::PathBuf::from(DEFAULT_DATA_DIR));
    assert_eq!(config.storage_url, None);

    let config = parse(&[
        ("TRELLIS_DATA_DIR", "/var/lib/trellis"),
        ("TRELLIS_STORAGE_URL", "s3://attachments/prod"),
    ])
    .unwrap();
    assert_eq!(
        config.data_dir,
        std::path::PathBuf::from("/var/lib/trellis")
    );
    assert_eq!(config.storage_url.as_deref(), Some("s3://attachments/prod"));
    assert!(config.unknown_variables.is_empty());

    let err = parse(&[("TRELLIS_STORAGE_URL", "ftp://files.example.com")]).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert!(
        err.problems[0].contains("TRELLIS_STORAGE_URL"),
        "{}",
        err.problems[0]
    );
}
