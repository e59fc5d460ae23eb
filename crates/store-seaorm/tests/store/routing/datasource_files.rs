//! The uploaded CSV of a FILE datasource: kept apart from its row, and
//! replaced by a new upload.

use trellis_datasources::Datasource;

use crate::routing::support::*;
use crate::support::*;

contract!(a_file_datasource_keeps_its_csv_apart_and_an_update_replaces_it);
async fn a_file_datasource_keeps_its_csv_apart_and_an_update_replaces_it(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let config = file_config(&org, "Uploads");
    routing
        .configs
        .create(
            org.id(),
            &config,
            &audit(org.id(), None, "datasource_config.created"),
        )
        .await
        .unwrap();
    let customers = file_datasource(&org, "Customers", config.id);
    routing
        .datasources
        .create(
            org.id(),
            &customers,
            Some(CUSTOMERS_CSV.to_vec()),
            &audit(org.id(), None, "datasource.created"),
        )
        .await
        .unwrap();

    let found = routing
        .datasources
        .find(org.id(), customers.id)
        .await
        .unwrap();
    assert_eq!(found.as_ref(), Some(&customers));
    assert_eq!(
        routing
            .datasources
            .file_content(org.id(), customers.id)
            .await
            .unwrap()
            .as_deref(),
        Some(CUSTOMERS_CSV)
    );

    // New metadata without a file keeps the stored CSV.
    let described = Datasource {
        description: Some("Who pays".into()),
        updated_at: now() + chrono::Duration::seconds(1),
        ..customers.clone()
    };
    routing
        .datasources
        .update(
            org.id(),
            &described,
            None,
            &audit(org.id(), None, "datasource.updated"),
        )
        .await
        .unwrap();
    assert_eq!(
        routing
            .datasources
            .find(org.id(), customers.id)
            .await
            .unwrap(),
        Some(described.clone())
    );
    assert_eq!(
        routing
            .datasources
            .file_content(org.id(), customers.id)
            .await
            .unwrap()
            .as_deref(),
        Some(CUSTOMERS_CSV)
    );

    // A new upload replaces both the summary and the content.
    let csv = b"email,plan,seats\nzoe@acme.test,pro,3\nyan@acme.test,free,1\n".to_vec();
    let uploaded = Datasource {
        file: Some(summary("v2.csv", &csv, &["email", "plan", "seats"])),
        updated_at: now() + chrono::Duration::seconds(2),
        ..described
    };
    routing
        .datasources
        .update(
            org.id(),
            &uploaded,
            Some(csv.clone()),
            &audit(org.id(), None, "datasource.updated"),
        )
        .await
        .unwrap();
    assert_eq!(
        routing
            .datasources
            .find(org.id(), customers.id)
            .await
            .unwrap(),
        Some(uploaded)
    );
    assert_eq!(
        routing
            .datasources
            .file_content(org.id(), customers.id)
            .await
            .unwrap(),
        Some(csv)
    );
    assert_eq!(stored_files(&env).await, 1, "replaced, not added");
}
