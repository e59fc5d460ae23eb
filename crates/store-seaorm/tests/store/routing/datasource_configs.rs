//! Datasource configs: names, tenancy, deletion while in use, and key rotation.

use trellis_datasources::{AuthType, ConnectionOptions, Protocol};
use trellis_kernel::{DomainError, PageRequest};

use crate::routing::support::*;
use crate::support::*;

contract!(a_config_reads_back_as_written_and_is_found_by_name_ignoring_case);
async fn a_config_reads_back_as_written_and_is_found_by_name_ignoring_case(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let crm = api_config(&org, "CRM");
    let files = file_config(&org, "Uploads");
    for config in [&crm, &files] {
        routing
            .configs
            .create(
                org.id(),
                config,
                &audit(org.id(), None, "datasource_config.created"),
            )
            .await
            .unwrap();
    }

    assert_eq!(
        routing
            .configs
            .find(org.id(), crm.id)
            .await
            .unwrap()
            .as_ref(),
        Some(&crm)
    );
    assert_eq!(
        routing
            .configs
            .find(org.id(), files.id)
            .await
            .unwrap()
            .as_ref(),
        Some(&files)
    );
    let found = routing.configs.find_by_name(org.id(), "crm").await.unwrap();
    assert_eq!(found.as_ref(), Some(&crm));
    assert_eq!(
        routing
            .configs
            .find_by_name(org.id(), "nope")
            .await
            .unwrap(),
        None
    );

    let first = routing
        .configs
        .list(org.id(), PageRequest::first(1))
        .await
        .unwrap();
    assert_eq!(first.items, std::slice::from_ref(&crm));
    assert!(first.has_next_page);
    let after = PageRequest {
        first: 10,
        after: Some(trellis_kernel::Cursor(crm.id.as_uuid())),
    };
    let rest = routing.configs.list(org.id(), after).await.unwrap();
    assert_eq!(rest.items, [files]);
    assert!(!rest.has_next_page);
    assert_eq!(
        actions(&env, org.id()).await[..2],
        ["datasource_config.created", "datasource_config.created"]
    );
}

contract!(config_names_are_unique_per_tenant_ignoring_case);
async fn config_names_are_unique_per_tenant_ignoring_case(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let crm = api_config(&acme, "CRM");
    routing
        .configs
        .create(
            acme.id(),
            &crm,
            &audit(acme.id(), None, "datasource_config.created"),
        )
        .await
        .unwrap();

    let twin = api_config(&acme, "crm");
    let err = routing
        .configs
        .create(
            acme.id(),
            &twin,
            &audit(acme.id(), None, "datasource_config.created"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`crm`") && m.contains("ignore case")),
        "{err:?}"
    );
    assert_eq!(
        routing.configs.find(acme.id(), twin.id).await.unwrap(),
        None
    );

    // Renaming another config onto the name is refused too.
    let other = api_config(&acme, "Billing");
    routing
        .configs
        .create(
            acme.id(),
            &other,
            &audit(acme.id(), None, "datasource_config.created"),
        )
        .await
        .unwrap();
    let renamed = trellis_datasources::DatasourceConfig {
        name: "Crm".into(),
        ..other.clone()
    };
    let err = routing
        .configs
        .update(
            acme.id(),
            &renamed,
            &audit(acme.id(), None, "datasource_config.updated"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    assert_eq!(
        routing.configs.find(acme.id(), other.id).await.unwrap(),
        Some(other)
    );

    // Another tenant may use the name.
    routing
        .configs
        .create(
            globex.id(),
            &api_config(&globex, "CRM"),
            &audit(globex.id(), None, "datasource_config.created"),
        )
        .await
        .unwrap();
    assert_eq!(
        actions(&env, acme.id()).await[..2],
        ["datasource_config.created", "datasource_config.created"],
        "no audit entry for the refused writes"
    );
}

contract!(an_update_replaces_every_field_but_identity_and_creation);
async fn an_update_replaces_every_field_but_identity_and_creation(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let crm = api_config(&org, "CRM");
    routing
        .configs
        .create(
            org.id(),
            &crm,
            &audit(org.id(), None, "datasource_config.created"),
        )
        .await
        .unwrap();
    let changed = trellis_datasources::DatasourceConfig {
        name: "Warehouse".into(),
        protocol: Protocol::Postgresql,
        base_url: "postgres://db.example.com:5432/wh".into(),
        auth_type: AuthType::Basic,
        credentials: Some(secret("k2", "sealed-basic")),
        connection: ConnectionOptions::default(),
        tls_mode: Some(trellis_datasources::TlsMode::Require),
        updated_at: now() + chrono::Duration::seconds(5),
        ..crm.clone()
    };
    routing
        .configs
        .update(
            org.id(),
            &changed,
            &audit(org.id(), None, "datasource_config.updated"),
        )
        .await
        .unwrap();
    assert_eq!(
        routing.configs.find(org.id(), crm.id).await.unwrap(),
        Some(changed.clone())
    );

    // Dropping the credentials clears both columns.
    let none = trellis_datasources::DatasourceConfig {
        auth_type: AuthType::None,
        credentials: None,
        ..changed
    };
    routing
        .configs
        .update(
            org.id(),
            &none,
            &audit(org.id(), None, "datasource_config.updated"),
        )
        .await
        .unwrap();
    assert_eq!(
        routing.configs.find(org.id(), crm.id).await.unwrap(),
        Some(none)
    );
    assert_eq!(
        actions(&env, org.id()).await[0],
        "datasource_config.updated"
    );
}

contract!(another_tenants_config_is_not_found_and_stays_as_it_was);
async fn another_tenants_config_is_not_found_and_stays_as_it_was(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let crm = api_config(&acme, "CRM");
    routing
        .configs
        .create(
            acme.id(),
            &crm,
            &audit(acme.id(), None, "datasource_config.created"),
        )
        .await
        .unwrap();

    assert_eq!(
        routing.configs.find(globex.id(), crm.id).await.unwrap(),
        None
    );
    assert_eq!(
        routing
            .configs
            .find_by_name(globex.id(), "CRM")
            .await
            .unwrap(),
        None
    );
    assert!(
        routing
            .configs
            .list(globex.id(), PageRequest::first(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );

    let hijack = trellis_datasources::DatasourceConfig {
        tenant_id: globex.id(),
        name: "Hijacked".into(),
        ..crm.clone()
    };
    let err = routing
        .configs
        .update(
            globex.id(),
            &hijack,
            &audit(globex.id(), None, "datasource_config.updated"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "datasource config"
            }
        ),
        "{err:?}"
    );
    let err = routing
        .configs
        .delete(
            globex.id(),
            crm.id,
            &audit(globex.id(), None, "datasource_config.deleted"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "datasource config"
            }
        ),
        "{err:?}"
    );
    assert!(
        !routing
            .configs
            .replace_credentials(
                globex.id(),
                crm.id,
                &secret("k1", "sealed-CRM"),
                &secret("k2", "x")
            )
            .await
            .unwrap()
    );

    assert_eq!(
        routing.configs.find(acme.id(), crm.id).await.unwrap(),
        Some(crm)
    );
    assert_eq!(actions(&env, globex.id()).await, ["tenant.created"]);
}

contract!(a_config_in_use_cannot_be_deleted);
async fn a_config_in_use_cannot_be_deleted(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let datasource = add_datasource(&routing, &org, "Customers").await;
    let config = datasource.config_id;

    let err = routing
        .configs
        .delete(
            org.id(),
            config,
            &audit(org.id(), None, "datasource_config.deleted"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m)
            if m == "config `Customers config` is used by 1 datasource; delete or move them first"),
        "{err:?}"
    );
    assert!(
        routing
            .configs
            .find(org.id(), config)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        routing
            .datasources
            .find(org.id(), datasource.id)
            .await
            .unwrap(),
        Some(datasource.clone())
    );
    assert_eq!(actions(&env, org.id()).await[0], "datasource.created");

    routing
        .datasources
        .delete(
            org.id(),
            datasource.id,
            &audit(org.id(), None, "datasource.deleted"),
        )
        .await
        .unwrap();
    routing
        .configs
        .delete(
            org.id(),
            config,
            &audit(org.id(), None, "datasource_config.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(routing.configs.find(org.id(), config).await.unwrap(), None);
    assert_eq!(
        actions(&env, org.id()).await[0],
        "datasource_config.deleted"
    );
}
