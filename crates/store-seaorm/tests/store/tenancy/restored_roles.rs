//! Restoring a deleted role: it comes back as it was, unless a live role
//! took its name meanwhile, and only in its own tenant.

use trellis_kernel::DomainError;
use trellis_tenancy::RoleId;

use super::deleted_roles::{add_role, delete_role, role_names};
use crate::support::*;

contract!(a_restored_role_is_listed_found_and_granted_again);
async fn a_restored_role_is_listed_found_and_granted_again(env: Env) {
    let org = org(&env, "acme").await;
    let billing = add_role(&env, &org, "Billing").await;
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    delete_role(&env, &billing).await.unwrap();

    let restored = env
        .roles
        .restore(org.id(), billing.id, &restoring(org.id(), "role.restored"))
        .await
        .unwrap();
    assert_eq!(restored, billing);
    assert_eq!(
        role_names(&env, &org).await,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER", "Billing"]
    );
    assert_eq!(
        env.roles.find_by_name(org.id(), "BILLING").await.unwrap(),
        Some(billing.clone())
    );
    assert_eq!(
        env.roles.find(org.id(), billing.id).await.unwrap(),
        Some(billing.clone())
    );
    assert_eq!(
        actions(&env, org.id()).await[..2],
        ["role.restored", "role.deleted"]
    );
    let entry = latest_entry(&env, org.id()).await;
    assert_eq!(entry.after.as_ref(), Some(&*RESTORED), "{entry:?}");

    // Granted again.
    env.memberships
        .change_role(
            org.id(),
            ada.id,
            &billing,
            &audit(org.id(), None, "member.role_changed"),
        )
        .await
        .unwrap();
    let member = env.memberships.find(org.id(), ada.id).await.unwrap();
    assert_eq!(member.unwrap().role, billing);

    // A live role is not restored again.
    let err = env
        .roles
        .restore(org.id(), billing.id, &restoring(org.id(), "role.restored"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("not deleted")),
        "{err:?}"
    );
}

contract!(a_restore_is_refused_while_a_live_role_has_the_name_and_changes_nothing);
async fn a_restore_is_refused_while_a_live_role_has_the_name_and_changes_nothing(env: Env) {
    let org = org(&env, "acme").await;
    let old = add_role(&env, &org, "Billing").await;
    delete_role(&env, &old).await.unwrap();
    let new = add_role(&env, &org, "BILLING").await;
    let before = actions(&env, org.id()).await;

    let err = env
        .roles
        .restore(org.id(), old.id, &restoring(org.id(), "role.restored"))
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(
        message.contains("a role named `Billing` exists"),
        "{message}"
    );
    assert_eq!(env.roles.find(org.id(), old.id).await.unwrap(), None);
    assert_eq!(
        env.roles.find_by_name(org.id(), "billing").await.unwrap(),
        Some(new.clone())
    );
    assert_eq!(actions(&env, org.id()).await, before);

    // Once the name is free again, the restore goes through.
    delete_role(&env, &new).await.unwrap();
    let restored = env
        .roles
        .restore(org.id(), old.id, &restoring(org.id(), "role.restored"))
        .await
        .unwrap();
    assert_eq!(restored.name, "Billing");
    assert_eq!(
        env.roles.find_by_name(org.id(), "billing").await.unwrap(),
        Some(old)
    );
}

contract!(another_tenants_or_an_unknown_role_is_not_restored);
async fn another_tenants_or_an_unknown_role_is_not_restored(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let billing = add_role(&env, &acme, "Billing").await;
    delete_role(&env, &billing).await.unwrap();
    let before = actions(&env, acme.id()).await;

    for id in [billing.id, RoleId::generate()] {
        let err = env
            .roles
            .restore(globex.id(), id, &restoring(globex.id(), "role.restored"))
            .await
            .unwrap_err();
        assert!(
            matches!(err, DomainError::NotFound { entity: "role" }),
            "{err:?}"
        );
    }
    assert_eq!(role_names(&env, &globex).await.len(), 4);
    assert_eq!(actions(&env, globex.id()).await, ["tenant.created"]);
    assert_eq!(env.roles.find(acme.id(), billing.id).await.unwrap(), None);
    assert_eq!(actions(&env, acme.id()).await, before);

    // The id was good: acme restores it.
    env.roles
        .restore(
            acme.id(),
            billing.id,
            &restoring(acme.id(), "role.restored"),
        )
        .await
        .unwrap();
    assert!(role_names(&env, &acme).await.contains(&"Billing".into()));
}
