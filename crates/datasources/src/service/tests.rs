use std::sync::Arc;

use base64::Engine;
use chrono::{TimeZone, Utc};
use mockall::predicate::eq;
use serde_json::json;
use trellis_kernel::BuiltinRole;
use trellis_kernel::testing::ctx_with_role;
use trellis_kernel::{DomainError, FixedClock, PageRequest, TenantCtx};

use super::*;
use crate::config::{AuthType, Credentials, Protocol};
use crate::datasource::{CsvUpload, DatasourceKind};
use crate::lookup::{LookupError, LookupErrorKind};
use crate::ports::{MockConnector, MockDatasourceConfigRepository, MockDatasourceRepository};

#[derive(Default)]
struct Mocks {
    configs: MockDatasourceConfigRepository,
    datasources: MockDatasourceRepository,
    connector: MockConnector,
}

impl Mocks {
    fn service(self) -> DatasourceService {
        self.service_with(Keyring::development())
    }

    fn service_with(self, keyring: Keyring) -> DatasourceService {
        DatasourceService::new(Arc::new(DatasourceDeps {
            configs: Arc::new(self.configs),
            datasources: Arc::new(self.datasources),
            connector: Arc::new(self.connector),
            keyring: Arc::new(keyring),
            clock: Arc::new(FixedClock::new(
                Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0)
                    .single()
                    .unwrap_or_default(),
            )),
        }))
    }
}

fn admin() -> TenantCtx {
    ctx_with_role(BuiltinRole::Admin)
}

fn pg_input() -> CreateDatasourceConfig {
    CreateDatasourceConfig {
        tls_mode: None,
        name: "CRM".into(),
        protocol: Protocol::Postgresql,
        base_url: Some("postgres://db.example.com:5432/crm".into()),
        auth_type: AuthType::Basic,
        auth_config: Some(json!({"username": "reader", "password": "hunter2-secret"})),
        connection: None,
    }
}

fn stored_config(ctx: &TenantCtx, keyring: &Keyring) -> DatasourceConfig {
    let id = crate::DatasourceConfigId::generate();
    let credentials = Credentials::Basic {
        username: "reader".into(),
        password: "old-password".into(),
    };
    let aad = DatasourceConfig::credentials_aad(ctx.tenant_id, id);
    DatasourceConfig {
        tls_mode: None,
        id,
        tenant_id: ctx.tenant_id,
        name: "CRM".into(),
        protocol: Protocol::Postgresql,
        base_url: "postgres://db.example.com:5432/crm".into(),
        auth_type: AuthType::Basic,
        credentials: Some(
            keyring
                .encrypt(&serde_json::to_vec(&credentials).unwrap(), &aad)
                .unwrap(),
        ),
        connection: ConnectionOptions::default(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

use crate::config::ConnectionOptions;

#[tokio::test]
async fn a_config_is_stored_with_encrypted_credentials_and_a_redacted_audit_entry() {
    let ctx = admin();
    let tenant = ctx.tenant_id;
    let mut mocks = Mocks::default();
    mocks
        .configs
        .expect_create()
        .withf(move |t, config, audit| {
            if *t != tenant || config.tenant_id != tenant || audit.tenant_id != tenant {
                return false;
            }
            let sealed = config.credentials.as_ref().expect("credentials stored");
            let after = audit.after.as_ref().expect("audit after").to_string();
            !sealed.ciphertext.contains("hunter2")
                && after.contains("\"hasCredentials\":true")
                && !after.contains("hunter2")
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let config = mocks
        .service()
        .create_config(&ctx, pg_input())
        .await
        .unwrap();

    let sealed = config.credentials.unwrap();
    let plain = Keyring::development()
        .decrypt(
            &sealed,
            &DatasourceConfig::credentials_aad(ctx.tenant_id, config.id),
        )
        .unwrap();
    let credentials: Credentials = serde_json::from_slice(&plain).unwrap();
    assert_eq!(
        credentials,
        Credentials::Basic {
            username: "reader".into(),
            password: "hunter2-secret".into()
        }
    );
}

#[tokio::test]
async fn members_cannot_manage_configs_and_nothing_is_written() {
    let err = Mocks::default()
        .service()
        .create_config(&ctx_with_role(BuiltinRole::Member), pg_input())
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err}");
    assert!(err.to_string().contains("connections.manage"), "{err}");
}

#[tokio::test]
async fn every_bad_field_of_a_config_is_named_at_once() {
    let input = CreateDatasourceConfig {
        name: " ".into(),
        base_url: Some("postgres://u:p@db.example.com/crm".into()),
        auth_config: Some(json!({"username": "reader"})),
        connection: Some(json!({"poolSize": 99})),
        ..pg_input()
    };
    let err = Mocks::default()
        .service()
        .create_config(&admin(), input)
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = err else {
        panic!("expected validation, got {err}");
    };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        names,
        [
            "name",
            "baseUrl",
            "authConfig.password",
            "connection.poolSize"
        ]
    );
}

#[tokio::test]
async fn an_auth_type_the_protocol_cannot_use_is_refused() {
    let input = CreateDatasourceConfig {
        auth_type: AuthType::Bearer,
        auth_config: Some(json!({"token": "t"})),
        ..pg_input()
    };
    let err = Mocks::default()
        .service()
        .create_config(&admin(), input)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("authType"), "{err}");
}

#[tokio::test]
async fn updating_keeps_credentials_unless_given_and_drops_the_pool() {
    let ctx = admin();
    let keyring = Keyring::development();
    let stored = stored_config(&ctx, &keyring);
    let old_secret = stored.credentials.clone();
    let (tenant, id) = (ctx.tenant_id, stored.id);
    let mut mocks = Mocks::default();
    let found = stored.clone();
    mocks
        .configs
        .expect_find()
        .with(eq(tenant), eq(id))
        .returning(move |_, _| Ok(Some(found.clone())));
    mocks
        .configs
        .expect_update()
        .withf(move |t, config, audit| {
            *t == tenant
                && config.id == id
                && config.tenant_id == tenant
                && audit.tenant_id == tenant
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    mocks
        .connector
        .expect_evict()
        .withf(move |t, config| *t == tenant && *config == id)
        .times(1)
        .return_const(());
    let updated = mocks
        .service()
        .update_config(
            &ctx,
            UpdateDatasourceConfig {
                tls_mode: None,
                id,
                name: Some("CRM replica".into()),
                base_url: None,
                auth_type: None,
                auth_config: None,
                connection: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.name, "CRM replica");
    assert_eq!(updated.credentials, old_secret);
    assert!(updated.updated_at > stored.updated_at);
}

#[tokio::test]
async fn another_tenants_config_is_not_found_and_untouched() {
    let ctx = admin();
    let id = crate::DatasourceConfigId::generate();
    // The config is another tenant's: in the caller's tenant the store has
    // none. A lookup in any other tenant matches no expectation, and no
    // delete, probe or eviction is expected at all.
    let mut mocks = Mocks::default();
    mocks
        .configs
        .expect_find()
        .with(eq(ctx.tenant_id), eq(id))
        .times(3)
        .returning(|_, _| Ok(None));
    let service = mocks.service();
    for err in [
        service.delete_config(&ctx, id).await.unwrap_err(),
        service.test_config(&ctx, id).await.unwrap_err(),
        service.config(&ctx, id).await.unwrap_err(),
    ] {
        assert!(matches!(err, DomainError::NotFound { .. }), "{err}");
    }
}

#[tokio::test]
async fn a_failing_test_is_an_answer_not_an_error() {
    let ctx = admin();
    let stored = stored_config(&ctx, &Keyring::development());
    let id = stored.id;
    let mut mocks = Mocks::default();
    mocks
        .configs
        .expect_find()
        .with(eq(ctx.tenant_id), eq(id))
        .returning(move |_, _| Ok(Some(stored.clone())));
    mocks.connector.expect_probe().returning(|_| {
        Err(LookupError::new(
            LookupErrorKind::Unreachable,
            "could not connect to db.example.com:5432",
        ))
    });
    let report = mocks.service().test_config(&ctx, id).await.unwrap();
    assert!(!report.ok);
    assert_eq!(
        report.error.as_deref(),
        Some("could not connect to db.example.com:5432")
    );
}

fn file_config(ctx: &TenantCtx) -> DatasourceConfig {
    DatasourceConfig {
        protocol: Protocol::File,
        base_url: String::new(),
        auth_type: AuthType::None,
        credentials: None,
        name: "uploads".into(),
        ..stored_config(ctx, &Keyring::development())
    }
}

#[tokio::test]
async fn a_file_datasource_takes_its_csv_and_summarises_it() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let tenant = ctx.tenant_id;
    let config = file_config(&ctx);
    let mut mocks = Mocks::default();
    mocks
        .configs
        .expect_find_by_name()
        .withf(move |t, name| *t == tenant && name == "uploads")
        .returning(move |_, _| Ok(Some(config.clone())));
    mocks
        .datasources
        .expect_create()
        .withf(move |t, datasource, csv, audit| {
            *t == tenant
                && datasource.tenant_id == tenant
                && audit.tenant_id == tenant
                && csv.as_deref() == Some(b"email\na@x.com\n".as_slice())
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let datasource = mocks
        .service()
        .create(
            &ctx,
            CreateDatasource {
                name: "Customers".into(),
                kind: DatasourceKind::File,
                connection_key: "uploads".into(),
                description: None,
                file: Some(CsvUpload {
                    filename: "customers.csv".into(),
                    content: b"email\na@x.com\n".to_vec(),
                }),
            },
        )
        .await
        .unwrap();
    let file = datasource.file.unwrap();
    assert_eq!(file.columns, ["email"]);
    assert_eq!(file.row_count, 1);
}

#[tokio::test]
async fn a_connection_key_must_name_a_suitable_config_of_the_tenant() {
    let ctx = ctx_with_role(BuiltinRole::Member);
    let tenant = ctx.tenant_id;
    let config = file_config(&ctx);
    let mut mocks = Mocks::default();
    mocks
        .configs
        .expect_find_by_name()
        .withf(move |t, _| *t == tenant)
        .returning(move |_, name| Ok((name == "uploads").then(|| config.clone())));
    mocks
        .configs
        .expect_find()
        .withf(move |t, _| *t == tenant)
        .returning(|_, _| Ok(None));
    let service = mocks.service();
    let input = |key: &str| CreateDatasource {
        name: "Customers".into(),
        kind: DatasourceKind::Database,
        connection_key: key.into(),
        description: None,
        file: None,
    };
    let err = service.create(&ctx, input("elsewhere")).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("connectionKey: no datasource config is named `elsewhere`"),
        "{err}"
    );
    let err = service.create(&ctx, input("uploads")).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("FILE, which a DATABASE datasource cannot use"),
        "{err}"
    );
}

#[tokio::test]
async fn rotation_re_encrypts_under_the_current_key_and_ends() {
    let ctx = admin();
    let old_key = format!(
        "old:{}",
        base64::engine::general_purpose::STANDARD.encode([1u8; 32])
    );
    let new_key = format!(
        "new:{}",
        base64::engine::general_purpose::STANDARD.encode([2u8; 32])
    );
    let old_ring = Keyring::parse(&old_key, &[]).unwrap();
    let new_ring = Keyring::parse(&new_key, &[old_key]).unwrap();
    let stale = vec![
        stored_config(&ctx, &old_ring),
        stored_config(&ctx, &old_ring),
    ];
    let raced = stale[1].id;
    let tenant = ctx.tenant_id;
    let mut mocks = Mocks::default();
    let mut batches = vec![stale.clone(), stale];
    mocks
        .configs
        .expect_list_stale_credentials()
        .withf(|key, _| key == "new")
        .returning(move |_, _| Ok(batches.pop().unwrap_or_default()));
    mocks
        .configs
        .expect_replace_credentials()
        .withf(move |t, _, old, new| *t == tenant && old.key_id == "old" && new.key_id == "new")
        .returning(move |_, id, _, _| Ok(id != raced));
    mocks
        .connector
        .expect_evict()
        .withf(move |t, config| *t == tenant && *config != raced)
        .times(1)
        .return_const(());
    let report = mocks
        .service_with(new_ring)
        .rotate_credentials()
        .await
        .unwrap();
    assert_eq!(
        report,
        RotationReport {
            rotated: 1,
            skipped: 1
        }
    );
}

#[tokio::test]
async fn viewers_read_but_do_not_write_datasources() {
    let viewer = ctx_with_role(BuiltinRole::Viewer);
    let mut mocks = Mocks::default();
    mocks
        .datasources
        .expect_list()
        .withf({
            let tenant = viewer.tenant_id;
            move |t, _| *t == tenant
        })
        .returning(|_, _| {
            Ok(trellis_kernel::Page {
                items: vec![],
                has_next_page: false,
            })
        });
    let service = mocks.service();
    assert!(service.list(&viewer, PageRequest::first(10)).await.is_ok());
    let err = service
        .delete(&viewer, crate::DatasourceId::generate())
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err}");
}
