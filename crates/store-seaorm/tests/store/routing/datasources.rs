//! Datasources: the list, names, tenancy, and deletion with files and rules.

use trellis_datasources::Datasource;
use trellis_kernel::{DomainError, PageRequest};

use crate::routing::support::*;
use crate::support::*;

contract!(datasources_list_oldest_first_without_files);
async fn datasources_list_oldest_first_without_files(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &org, "CRM").await;
    let billing = add_datasource(&routing, &org, "Billing").await;
    let page = routing
        .datasources
        .list(org.id(), PageRequest::first(1))
        .await
        .unwrap();
    assert_eq!(page.items, std::slice::from_ref(&crm));
    assert!(page.has_next_page);
    let after = PageRequest {
        first: 5,
        after: Some(trellis_kernel::Cursor(crm.id.as_uuid())),
    };
    let page = routing.datasources.list(org.id(), after).await.unwrap();
    assert_eq!(page.items, [billing]);
    assert!(!page.has_next_page);
    assert_eq!(
        routing
            .datasources
            .file_content(org.id(), crm.id)
            .await
            .unwrap(),
        None
    );
}

contract!(datasource_names_are_unique_per_tenant_ignoring_case);
async fn datasource_names_are_unique_per_tenant_ignoring_case(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &acme, "CRM").await;

    let twin = api_datasource(&acme, "cRm", crm.config_id);
    let err = routing
        .datasources
        .create(
            acme.id(),
            &twin,
            None,
            &audit(acme.id(), None, "datasource.created"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`cRm`") && m.contains("ignore case")),
        "{err:?}"
    );
    assert_eq!(
        routing.datasources.find(acme.id(), twin.id).await.unwrap(),
        None
    );

    let other = add_datasource(&routing, &acme, "Billing").await;
    let renamed = Datasource {
        name: "crm".into(),
        ..other.clone()
    };
    let err = routing
        .datasources
        .update(
            acme.id(),
            &renamed,
            None,
            &audit(acme.id(), None, "datasource.updated"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    assert_eq!(
        routing.datasources.find(acme.id(), other.id).await.unwrap(),
        Some(other)
    );

    add_datasource(&routing, &globex, "CRM").await;
}

contract!(a_datasource_cannot_use_another_tenants_config);
async fn a_datasource_cannot_use_another_tenants_config(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let theirs = add_datasource(&routing, &globex, "CRM").await;

    let sneaky = api_datasource(&acme, "Sneaky", theirs.config_id);
    let err = routing
        .datasources
        .create(
            acme.id(),
            &sneaky,
            Some(b"a\n1\n".to_vec()),
            &audit(acme.id(), None, "datasource.created"),
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
    assert_eq!(
        routing
            .datasources
            .find(acme.id(), sneaky.id)
            .await
            .unwrap(),
        None
    );
    assert_eq!(stored_files(&env).await, 0);
    assert_eq!(actions(&env, acme.id()).await, ["tenant.created"]);

    // Moving an own datasource onto the foreign config is refused alike.
    let own = add_datasource(&routing, &acme, "Own").await;
    let moved = Datasource {
        config_id: theirs.config_id,
        ..own.clone()
    };
    let err = routing
        .datasources
        .update(
            acme.id(),
            &moved,
            None,
            &audit(acme.id(), None, "datasource.updated"),
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
    assert_eq!(
        routing.datasources.find(acme.id(), own.id).await.unwrap(),
        Some(own)
    );
}

contract!(another_tenants_datasource_is_not_found_and_stays_as_it_was);
async fn another_tenants_datasource_is_not_found_and_stays_as_it_was(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let crm = add_datasource(&routing, &acme, "CRM").await;
    let intent = add_intent(&routing, &acme, "Support", 1).await;
    add_rule(&routing, &rule(&acme, intent.id, crm.id, 1)).await;
    // globex's own config, so that only the datasource is foreign.
    let globex_config = add_datasource(&routing, &globex, "Theirs").await.config_id;

    assert_eq!(
        routing.datasources.find(globex.id(), crm.id).await.unwrap(),
        None
    );
    let hijack = Datasource {
        tenant_id: globex.id(),
        config_id: globex_config,
        name: "Hijacked".into(),
        ..crm.clone()
    };
    let err = routing
        .datasources
        .update(
            globex.id(),
            &hijack,
            Some(b"x\n1\n".to_vec()),
            &audit(globex.id(), None, "datasource.updated"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "datasource"
            }
        ),
        "{err:?}"
    );
    let err = routing
        .datasources
        .delete(
            globex.id(),
            crm.id,
            &audit(globex.id(), None, "datasource.deleted"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "datasource"
            }
        ),
        "{err:?}"
    );

    assert_eq!(
        routing.datasources.find(acme.id(), crm.id).await.unwrap(),
        Some(crm)
    );
    assert_eq!(
        routing
            .rules
            .list_for_intent(acme.id(), intent.id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(stored_files(&env).await, 0);
}

contract!(deleting_a_datasource_hides_its_file_and_rules_and_names_them);
async fn deleting_a_datasource_hides_its_file_and_rules_and_names_them(env: Env) {
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
    let kept = add_datasource(&routing, &org, "CRM").await;
    let support = add_intent(&routing, &org, "Support", 1).await;
    let sales = add_intent(&routing, &org, "Sales", 2).await;
    let first = rule(&org, support.id, customers.id, 1);
    let second = rule(&org, sales.id, customers.id, 1);
    let other = rule(&org, support.id, kept.id, 2);
    for rule in [&first, &second, &other] {
        add_rule(&routing, rule).await;
    }

    let mut deleted = routing
        .datasources
        .delete(
            org.id(),
            customers.id,
            &audit(org.id(), None, "datasource.deleted"),
        )
        .await
        .unwrap();
    deleted.sort();
    let mut expected = vec![first.id, second.id];
    expected.sort();
    assert_eq!(deleted, expected);

    assert_eq!(
        routing
            .datasources
            .find(org.id(), customers.id)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        routing
            .datasources
            .file_content(org.id(), customers.id)
            .await
            .unwrap(),
        None
    );
    // Kept for a restore, but no longer readable.
    assert_eq!(stored_files(&env).await, 1);
    assert_eq!(routing.rules.find(org.id(), first.id).await.unwrap(), None);
    assert_eq!(routing.rules.find(org.id(), second.id).await.unwrap(), None);
    assert_eq!(
        routing.rules.find(org.id(), other.id).await.unwrap(),
        Some(other.clone())
    );
    assert_eq!(actions(&env, org.id()).await[0], "datasource.deleted");

    let left = routing
        .datasources
        .delete(
            org.id(),
            kept.id,
            &audit(org.id(), None, "datasource.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(left, [other.id]);
    let unused = add_datasource(&routing, &org, "Unused").await;
    let none = routing
        .datasources
        .delete(
            org.id(),
            unused.id,
            &audit(org.id(), None, "datasource.deleted"),
        )
        .await
        .unwrap();
    assert!(none.is_empty());
    assert!(
        routing
            .rules
            .list_for_intent(org.id(), support.id)
            .await
            .unwrap()
            .is_empty()
    );
}
