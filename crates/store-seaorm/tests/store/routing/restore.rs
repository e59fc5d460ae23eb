//! Restores: a deleted row comes back with exactly what its delete took,
//! unless a live row has its name, and only in its own tenant.

use trellis_kernel::DomainError;

use super::soft_delete::{
    config_names, datasource_names, delete_datasource, delete_intent, intent_names, rule_ids,
    sorted,
};
use crate::routing::support::*;
use crate::support::*;

contract!(a_restore_brings_back_exactly_what_its_delete_took);
async fn a_restore_brings_back_exactly_what_its_delete_took(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let support = add_intent(&routing, &org, "Support", 1).await;
    let crm = add_datasource(&routing, &org, "CRM").await;
    let erp = add_datasource(&routing, &org, "ERP").await;
    let alone = rule(&org, support.id, crm.id, 1);
    let with_crm = rule(&org, support.id, crm.id, 2);
    let with_erp = rule(&org, support.id, erp.id, 3);
    for rule in [&alone, &with_crm, &with_erp] {
        add_rule(&routing, rule).await;
    }
    // Deleted on its own first: no later restore brings it back.
    routing
        .rules
        .delete(tenant, alone.id, &audit(tenant, None, "rule.deleted"))
        .await
        .unwrap();
    assert_eq!(
        delete_intent(&routing, tenant, support.id).await,
        sorted(vec![with_crm.id, with_erp.id])
    );
    // Its one rule went with the intent already.
    assert_eq!(delete_datasource(&routing, tenant, erp.id).await, []);

    let (intent, restored) = routing
        .intents
        .restore(tenant, support.id, &restoring(tenant, "intent.restored"))
        .await
        .unwrap();
    assert_eq!(intent, support);
    // The ERP rule waits for its datasource.
    assert_eq!(restored, [with_crm.id]);
    assert_eq!(intent_names(&routing, tenant).await, ["Support"]);
    assert_eq!(rule_ids(&routing, tenant, support.id).await, [with_crm.id]);
    let entry = latest_entry(&env, tenant).await;
    assert_eq!(entry.action, "intent.restored");
    assert_eq!(entry.after.as_ref(), Some(&*RESTORED), "{entry:?}");

    let (datasource, restored) = routing
        .datasources
        .restore(tenant, erp.id, &restoring(tenant, "datasource.restored"))
        .await
        .unwrap();
    assert_eq!(datasource, erp);
    assert_eq!(restored, [with_erp.id]);
    assert_eq!(
        rule_ids(&routing, tenant, support.id).await,
        sorted(vec![with_crm.id, with_erp.id])
    );
    let targets = routing
        .rules
        .list_targets(tenant, support.id)
        .await
        .unwrap();
    assert_eq!(targets.len(), 2);
    assert_eq!(routing.rules.find(tenant, alone.id).await.unwrap(), None);
    assert_eq!(actions(&env, tenant).await[0], "datasource.restored");
}

contract!(a_restore_is_refused_while_a_live_row_has_the_name_and_changes_nothing);
async fn a_restore_is_refused_while_a_live_row_has_the_name_and_changes_nothing(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let old = add_intent(&routing, &org, "Support", 1).await;
    let crm = add_datasource(&routing, &org, "CRM").await;
    let rule = rule(&org, old.id, crm.id, 1);
    add_rule(&routing, &rule).await;
    delete_intent(&routing, tenant, old.id).await;
    let new = add_intent(&routing, &org, "support", 2).await;

    let err = routing
        .intents
        .restore(tenant, old.id, &restoring(tenant, "intent.restored"))
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(
        message.contains("an intent named `Support` exists"),
        "{message}"
    );
    assert_eq!(routing.intents.find(tenant, old.id).await.unwrap(), None);
    assert_eq!(routing.rules.find(tenant, rule.id).await.unwrap(), None);
    assert_ne!(actions(&env, tenant).await[0], "intent.restored");

    // Once the name is free again, the restore goes through.
    delete_intent(&routing, tenant, new.id).await;
    let (_, restored) = routing
        .intents
        .restore(tenant, old.id, &restoring(tenant, "intent.restored"))
        .await
        .unwrap();
    assert_eq!(restored, [rule.id]);

    // A live row is not restored again.
    let err = routing
        .intents
        .restore(tenant, old.id, &restoring(tenant, "intent.restored"))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");

    // Datasources and configs are refused alike.
    delete_datasource(&routing, tenant, crm.id).await;
    routing
        .datasources
        .create(
            tenant,
            &api_datasource(&org, "crm", crm.config_id),
            None,
            &audit(tenant, None, "datasource.created"),
        )
        .await
        .unwrap();
    let err = routing
        .datasources
        .restore(tenant, crm.id, &restoring(tenant, "datasource.restored"))
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("a datasource named `CRM` exists"),
        "{err}"
    );
    let spare = api_config(&org, "Spare");
    add_config(&routing, &org, &spare).await;
    routing
        .configs
        .delete(
            tenant,
            spare.id,
            &audit(tenant, None, "datasource_config.deleted"),
        )
        .await
        .unwrap();
    add_config(&routing, &org, &api_config(&org, "SPARE")).await;
    let err = routing
        .configs
        .restore(
            tenant,
            spare.id,
            &restoring(tenant, "datasource_config.restored"),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("a datasource config named `Spare` exists"),
        "{err}"
    );
    assert_eq!(routing.configs.find(tenant, spare.id).await.unwrap(), None);
}

contract!(a_datasource_comes_back_only_after_its_config);
async fn a_datasource_comes_back_only_after_its_config(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let crm = add_datasource(&routing, &org, "CRM").await;
    delete_datasource(&routing, tenant, crm.id).await;
    routing
        .configs
        .delete(
            tenant,
            crm.config_id,
            &audit(tenant, None, "datasource_config.deleted"),
        )
        .await
        .unwrap();

    let err = routing
        .datasources
        .restore(tenant, crm.id, &restoring(tenant, "datasource.restored"))
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(
        message.contains("config `CRM config`") && message.contains("restore it first"),
        "{message}"
    );
    assert!(datasource_names(&routing, tenant).await.is_empty());

    let config = routing
        .configs
        .restore(
            tenant,
            crm.config_id,
            &restoring(tenant, "datasource_config.restored"),
        )
        .await
        .unwrap();
    assert_eq!(config.name, "CRM config");
    // The config alone: its datasource stays deleted until restored itself.
    assert!(datasource_names(&routing, tenant).await.is_empty());
    routing
        .datasources
        .restore(tenant, crm.id, &restoring(tenant, "datasource.restored"))
        .await
        .unwrap();
    assert_eq!(datasource_names(&routing, tenant).await, ["CRM"]);
}

contract!(another_tenants_deleted_rows_are_not_found_and_stay_deleted);
async fn another_tenants_deleted_rows_are_not_found_and_stay_deleted(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let routing = ports(&env);
    let support = add_intent(&routing, &acme, "Support", 1).await;
    let crm = add_datasource(&routing, &acme, "CRM").await;
    delete_intent(&routing, acme.id(), support.id).await;
    delete_datasource(&routing, acme.id(), crm.id).await;
    routing
        .configs
        .delete(
            acme.id(),
            crm.config_id,
            &audit(acme.id(), None, "datasource_config.deleted"),
        )
        .await
        .unwrap();

    let intent = routing
        .intents
        .restore(
            globex.id(),
            support.id,
            &restoring(globex.id(), "intent.restored"),
        )
        .await
        .unwrap_err();
    let datasource = routing
        .datasources
        .restore(
            globex.id(),
            crm.id,
            &restoring(globex.id(), "datasource.restored"),
        )
        .await
        .unwrap_err();
    let config = routing
        .configs
        .restore(
            globex.id(),
            crm.config_id,
            &restoring(globex.id(), "datasource_config.restored"),
        )
        .await
        .unwrap_err();
    for err in [intent, datasource, config] {
        assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
    }
    assert!(intent_names(&routing, acme.id()).await.is_empty());
    assert!(datasource_names(&routing, acme.id()).await.is_empty());
    assert!(config_names(&routing, acme.id()).await.is_empty());
    assert!(
        actions(&env, globex.id())
            .await
            .iter()
            .all(|a| !a.ends_with(".restored"))
    );
}
