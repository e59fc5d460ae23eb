//! Key rotation: configs under an old key, across tenants, and the
//! compare-and-set that rewrites their credentials.

use crate::routing::support::*;
use crate::support::*;

contract!(stale_credentials_are_listed_across_tenants_and_swapped_only_if_unchanged);
async fn stale_credentials_are_listed_across_tenants_and_swapped_only_if_unchanged(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let old_acme = api_config(&acme, "Old"); // under k1
    let old_globex = api_config(&globex, "Old");
    let current = trellis_datasources::DatasourceConfig {
        credentials: Some(secret("k2", "sealed-current")),
        ..api_config(&acme, "Current")
    };
    let bare = file_config(&acme, "Files");
    for config in [&old_acme, &old_globex, &current, &bare] {
        routing
            .configs
            .create(
                config.tenant_id,
                config,
                &audit(config.tenant_id, None, "datasource_config.created"),
            )
            .await
            .unwrap();
    }

    let mut stale: Vec<_> = routing
        .configs
        .list_stale_credentials("k2", 10)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    stale.sort();
    let mut expected = vec![old_acme.id, old_globex.id];
    expected.sort();
    assert_eq!(stale, expected);
    assert_eq!(
        routing
            .configs
            .list_stale_credentials("k2", 1)
            .await
            .unwrap()
            .len(),
        1
    );

    // A stale `expected` changes nothing.
    let rotated = secret("k2", "sealed-rotated");
    let swapped = routing
        .configs
        .replace_credentials(
            acme.id(),
            old_acme.id,
            &secret("k1", "something else"),
            &rotated,
        )
        .await
        .unwrap();
    assert!(!swapped);
    assert_eq!(
        routing.configs.find(acme.id(), old_acme.id).await.unwrap(),
        Some(old_acme.clone())
    );

    let swapped = routing
        .configs
        .replace_credentials(
            acme.id(),
            old_acme.id,
            old_acme.credentials.as_ref().unwrap(),
            &rotated,
        )
        .await
        .unwrap();
    assert!(swapped);
    let after = routing
        .configs
        .find(acme.id(), old_acme.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.credentials, Some(rotated));
    assert_eq!(
        after.updated_at, old_acme.updated_at,
        "the plaintext did not change"
    );
    let stale: Vec<_> = routing
        .configs
        .list_stale_credentials("k2", 10)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(stale, [old_globex.id]);
}
