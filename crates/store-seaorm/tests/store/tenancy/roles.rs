use trellis_kernel::{DomainError, Permission, PermissionSet};
use trellis_tenancy::{Role, RoleId};

use crate::support::*;

fn custom(org: &Org, name: &str, permissions: &[Permission]) -> Role {
    Role {
        id: RoleId::generate(),
        tenant_id: org.id(),
        name: name.into(),
        builtin: None,
        custom_permissions: permissions.iter().copied().collect::<PermissionSet>(),
        created_at: now(),
    }
}

contract!(a_custom_role_keeps_its_permissions_and_lists_after_the_builtins);
async fn a_custom_role_keeps_its_permissions_and_lists_after_the_builtins(env: Env) {
    let org = org(&env, "acme").await;
    let billing = custom(
        &org,
        "Billing",
        &[Permission::AuditRead, Permission::MembersRead],
    );
    let support = custom(&org, "Support", &[Permission::MembersRead]);
    for role in [&billing, &support] {
        env.roles
            .create(org.id(), role, &audit(org.id(), None, "role.created"))
            .await
            .unwrap();
    }

    let found = env.roles.find_by_name(org.id(), "Billing").await.unwrap();
    assert_eq!(found.as_ref(), Some(&billing));
    assert_eq!(found.unwrap().permissions(), billing.custom_permissions);

    let names: Vec<_> = env
        .roles
        .list(org.id())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(
        names,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER", "Billing", "Support"]
    );
    assert_eq!(
        actions(&env, org.id()).await[..2],
        ["role.created", "role.created"]
    );
}

contract!(a_builtin_role_takes_its_permissions_from_the_code);
async fn a_builtin_role_takes_its_permissions_from_the_code(env: Env) {
    let org = org(&env, "acme").await;
    let admin = env
        .roles
        .find_by_name(org.id(), "ADMIN")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(admin.builtin, Some(trellis_tenancy::BuiltinRole::Admin));
    assert!(admin.custom_permissions.is_empty());
    assert!(admin.permissions().contains(&Permission::MembersInvite));
    assert_eq!(
        env.roles.find_by_name(org.id(), "Nope").await.unwrap(),
        None
    );
}

contract!(a_taken_role_name_is_a_conflict);
async fn a_taken_role_name_is_a_conflict(env: Env) {
    let org = org(&env, "acme").await;
    let billing = custom(&org, "Billing", &[Permission::AuditRead]);
    env.roles
        .create(org.id(), &billing, &audit(org.id(), None, "role.created"))
        .await
        .unwrap();

    let twin = custom(&org, "BILLING", &[Permission::MembersRead]);
    let err = env
        .roles
        .create(org.id(), &twin, &audit(org.id(), None, "role.created"))
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(
        message.contains("BILLING") && message.contains("ignore case"),
        "{message}"
    );
    assert_eq!(env.roles.list(org.id()).await.unwrap().len(), 5);
    assert_eq!(
        actions(&env, org.id()).await.len(),
        2,
        "no audit entry for the refused role"
    );
}

contract!(roles_are_found_by_name_ignoring_case);
async fn roles_are_found_by_name_ignoring_case(env: Env) {
    let org = org(&env, "acme").await;
    let billing = custom(&org, "Billing", &[Permission::AuditRead]);
    env.roles
        .create(org.id(), &billing, &audit(org.id(), None, "role.created"))
        .await
        .unwrap();
    let found = env.roles.find_by_name(org.id(), "billing").await.unwrap();
    assert_eq!(found.map(|r| r.name), Some("Billing".to_owned()));
    let member = env.roles.find_by_name(org.id(), "member").await.unwrap();
    assert_eq!(member.map(|r| r.name), Some("MEMBER".to_owned()));
    assert_eq!(
        env.roles.find_by_name(org.id(), "nobody").await.unwrap(),
        None
    );
}

contract!(two_tenants_may_each_have_a_role_of_one_name);
async fn two_tenants_may_each_have_a_role_of_one_name(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let mut created = Vec::new();
    for org in [&acme, &globex] {
        let role = custom(org, "Billing", &[Permission::AuditRead]);
        env.roles
            .create(org.id(), &role, &audit(org.id(), None, "role.created"))
            .await
            .unwrap();
        created.push(role);
    }
    // Each tenant finds its own role under the shared name, never the other's.
    for (org, role) in [&acme, &globex].into_iter().zip(&created) {
        let found = env
            .roles
            .find_by_name(org.id(), "Billing")
            .await
            .unwrap()
            .expect("the tenant's own Billing role");
        assert_eq!((found.id, found.tenant_id), (role.id, org.id()));
        let names: Vec<_> = env
            .roles
            .list(org.id())
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.name == "Billing")
            .map(|r| r.id)
            .collect();
        assert_eq!(names, [role.id]);
    }
    assert_ne!(created[0].id, created[1].id);
}
