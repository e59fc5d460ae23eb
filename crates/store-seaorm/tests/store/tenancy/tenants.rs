use trellis_kernel::{DomainError, PageRequest, TenantId};
use trellis_tenancy::{Plan, Role, TenantStatus};

use crate::support::*;

contract!(a_tenant_is_created_with_its_roles_owner_and_audit_entry);
async fn a_tenant_is_created_with_its_roles_owner_and_audit_entry(env: Env) {
    let org = org(&env, "acme").await;

    assert_eq!(
        env.tenants.find(org.id()).await.unwrap(),
        Some(org.tenant.clone())
    );
    let roles = env.roles.list(org.id()).await.unwrap();
    let names: Vec<_> = roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["OWNER", "ADMIN", "MEMBER", "VIEWER"]);
    assert_eq!(roles, org.roles);

    let owner = env
        .memberships
        .find(org.id(), org.owner.id)
        .await
        .unwrap()
        .expect("owner");
    assert!(owner.role.is_owner());
    assert_eq!(env.memberships.count_owners(org.id()).await.unwrap(), 1);
    assert_eq!(actions(&env, org.id()).await, ["tenant.created"]);
}

contract!(a_taken_slug_is_a_conflict_and_nothing_is_half_written);
async fn a_taken_slug_is_a_conflict_and_nothing_is_half_written(env: Env) {
    let first = org(&env, "acme").await;
    let owner = user(&env, "second@example.com").await;
    let tenant = new_tenant("acme", Plan::Free);
    let roles = Role::builtins_for(tenant.id, tenant.created_at);
    let membership = trellis_tenancy::Membership {
        id: trellis_tenancy::MembershipId::generate(),
        tenant_id: tenant.id,
        user_id: owner.id,
        role: roles[0].clone(),
        created_at: now(),
    };

    let err = env
        .tenants
        .create(
            &tenant,
            &roles,
            &membership,
            &audit(tenant.id, Some(owner.id), "tenant.created"),
        )
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(message.contains("acme"), "{message}");

    assert_eq!(env.tenants.find(tenant.id).await.unwrap(), None);
    assert!(env.roles.list(tenant.id).await.unwrap().is_empty());
    assert!(
        env.memberships
            .list_for_user(owner.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(actions(&env, tenant.id).await.is_empty());
    assert_eq!(
        env.tenants.find(first.id()).await.unwrap(),
        Some(first.tenant)
    );
}

contract!(tenants_are_listed_oldest_first_page_by_page);
async fn tenants_are_listed_oldest_first_page_by_page(env: Env) {
    let a = org(&env, "alpha").await;
    let b = org(&env, "bravo").await;
    let c = org(&env, "charlie").await;

    let first = env.tenants.list(PageRequest::first(2)).await.unwrap();
    let ids: Vec<_> = first.items.iter().map(|t| t.id).collect();
    assert_eq!(ids, [a.id(), b.id()]);
    assert!(first.has_next_page);

    let after = trellis_kernel::Cursor(b.id().as_uuid());
    let rest = env
        .tenants
        .list(PageRequest {
            first: 2,
            after: Some(after),
        })
        .await
        .unwrap();
    let ids: Vec<_> = rest.items.iter().map(|t| t.id).collect();
    assert_eq!(ids, [c.id()]);
    assert!(!rest.has_next_page);
}

contract!(a_status_change_is_recorded_with_its_reason_and_audited);
async fn a_status_change_is_recorded_with_its_reason_and_audited(env: Env) {
    let org = org(&env, "acme").await;
    let entry = audit(org.id(), None, "tenant.suspended");

    let suspended = env
        .tenants
        .set_status(
            org.id(),
            TenantStatus::Suspended,
            Some("unpaid".into()),
            &entry,
        )
        .await
        .unwrap();
    assert_eq!(suspended.status, TenantStatus::Suspended);
    assert_eq!(suspended.suspended_reason.as_deref(), Some("unpaid"));
    assert_eq!(suspended.updated_at, entry.created_at);
    assert_eq!(env.tenants.find(org.id()).await.unwrap(), Some(suspended));
    assert_eq!(
        actions(&env, org.id()).await,
        ["tenant.suspended", "tenant.created"]
    );

    let active = env
        .tenants
        .set_status(
            org.id(),
            TenantStatus::Active,
            None,
            &audit(org.id(), None, "tenant.reactivated"),
        )
        .await
        .unwrap();
    assert_eq!(
        (active.status, active.suspended_reason),
        (TenantStatus::Active, None)
    );
}

contract!(the_status_of_an_unknown_tenant_is_not_found);
async fn the_status_of_an_unknown_tenant_is_not_found(env: Env) {
    let ghost = TenantId::generate();
    let err = env
        .tenants
        .set_status(
            ghost,
            TenantStatus::Suspended,
            None,
            &audit(ghost, None, "tenant.suspended"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "tenant" }),
        "{err:?}"
    );
}
