//! Rotating the key that encrypts datasource credentials, as `trellis
//! secrets rotate` does it, across restarts with new keys.

use std::sync::Arc;

use serde_json::json;
use trellis_datasources::Keyring;
use trellis_tests::{TestApp, on_every_backend};

use crate::routing_support::{CREATE_CONFIG, id_at};

on_every_backend! {
    credentials_survive_a_key_rotation => credentials_survive_a_key_rotation;
}

const OLD_KEY: &str = "k0:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
const NEW_KEY: &str = "k1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";

fn keyring(current: &str, previous: &[&str]) -> Arc<Keyring> {
    let previous: Vec<String> = previous.iter().map(|k| (*k).to_owned()).collect();
    Arc::new(Keyring::parse(current, &previous).expect("keys parse"))
}

/// The probe's error for the config: the loopback refusal when its
/// credentials decrypt (they are read first), or that they cannot be read.
async fn probe_error(app: &TestApp, token: &str, id: &str) -> String {
    let data = app
        .gql(
            "mutation($id: ID!) { testDatasourceConfig(id: $id) { ok error } }",
            json!({ "id": id }),
            Some(token),
        )
        .await
        .ok();
    data["testDatasourceConfig"]["error"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn credentials_survive_a_key_rotation(app: TestApp) {
    let app = app
        .restart_with(|config| config.keyring = keyring(OLD_KEY, &[]))
        .await;
    let (owner, _) = app.owner_of("owner@keys.test", "keys", "PRO").await;
    let token = owner.access_token.clone();
    let created = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": {
                "name": "local-api", "protocol": "HTTP", "baseUrl": "http://127.0.0.1:9",
                "authType": "BEARER", "authConfig": { "token": "t0ken-t0ken" },
            } }),
            Some(&token),
        )
        .await
        .ok();
    let id = id_at(&created, "/createDatasourceConfig/datasourceConfig/id");
    let readable = probe_error(&app, &token, &id).await;
    assert!(
        readable.contains("TRELLIS_ALLOW_PRIVATE_NETWORKS"),
        "{readable}"
    );

    // A new key alone cannot read what the old one wrote, and rotating
    // without the old key fails rather than losing anything.
    let app = app
        .restart_with(|config| config.keyring = keyring(NEW_KEY, &[]))
        .await;
    let unreadable = probe_error(&app, &token, &id).await;
    assert!(unreadable.contains("cannot be read"), "{unreadable}");
    assert!(
        app.state
            .routing
            .datasources
            .rotate_credentials()
            .await
            .is_err()
    );

    // With the old key kept for reading, rotation re-encrypts, once.
    let app = app
        .restart_with(|config| config.keyring = keyring(NEW_KEY, &[OLD_KEY]))
        .await;
    let report = app
        .state
        .routing
        .datasources
        .rotate_credentials()
        .await
        .unwrap();
    assert_eq!((report.rotated, report.skipped), (1, 0));
    let again = app
        .state
        .routing
        .datasources
        .rotate_credentials()
        .await
        .unwrap();
    assert_eq!((again.rotated, again.skipped), (0, 0));

    // Now the old key can go.
    let app = app
        .restart_with(|config| config.keyring = keyring(NEW_KEY, &[]))
        .await;
    let readable = probe_error(&app, &token, &id).await;
    assert!(
        readable.contains("TRELLIS_ALLOW_PRIVATE_NETWORKS"),
        "{readable}"
    );
}
