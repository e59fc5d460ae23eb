//! Platform administrators suspend and reactivate tenants.

use serde_json::json;
use trellis_tests::{Session, TestApp, on_every_backend, session_from};

on_every_backend! {
    a_suspended_tenants_tokens_are_refused_until_reactivated => a_suspended_tenants_tokens_are_refused_until_reactivated;
    ordinary_users_cannot_administer_the_platform => ordinary_users_cannot_administer_the_platform;
    another_tenants_owner_can_neither_suspend_nor_reactivate => another_tenants_owner_can_neither_suspend_nor_reactivate;
}

async fn platform_admin(app: &TestApp) -> Session {
    app.state
        .tenancy
        .admin
        .create_admin("root@platform.test", "correct-horse-9", "Platform Admin")
        .await
        .expect("admin created");
    session_from(&app.sign_in("root@platform.test", None).await.ok()["signIn"])
}

const SUSPEND: &str = "mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { tenant { status suspendedReason } } }";
const REACTIVATE: &str = "mutation($input: ReactivateTenantInput!) { reactivateTenant(input: $input) { tenant { status } } }";

async fn a_suspended_tenants_tokens_are_refused_until_reactivated(app: TestApp) {
    let (owner, tenant) = app
        .owner_of("owner@suspend.test", "suspended-co", "FREE")
        .await;
    let admin = platform_admin(&app).await;

    let listed = app
        .gql(
            "{ adminTenants(first: 10) { edges { node { id slug status } } } }",
            json!({}),
            Some(&admin.access_token),
        )
        .await
        .ok();
    assert!(
        listed["adminTenants"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["node"]["id"] == tenant.as_str())
    );

    let suspended = app
        .gql(
            SUSPEND,
            json!({ "input": { "tenantId": tenant, "reason": "unpaid invoices" } }),
            Some(&admin.access_token),
        )
        .await
        .ok();
    assert_eq!(suspended["suspendTenant"]["tenant"]["status"], "SUSPENDED");

    let refused = app
        .gql("{ tenant { id } }", json!({}), Some(&owner.access_token))
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
    assert!(
        refused.message().contains("suspended"),
        "{}",
        refused.message()
    );
    let sign_in = app.sign_in("owner@suspend.test", Some(&tenant)).await;
    assert_eq!(sign_in.code(), Some("FORBIDDEN"), "{:?}", sign_in.body);

    app.gql(
        REACTIVATE,
        json!({ "input": { "tenantId": tenant } }),
        Some(&admin.access_token),
    )
    .await
    .ok();
    app.gql("{ tenant { id } }", json!({}), Some(&owner.access_token))
        .await
        .ok();

    // The suspension and reactivation are in the tenant's own audit log.
    let log = app
        .gql("{ auditLog(first: 10, filter: { entityType: \"tenant\" }) { edges { node { action } } } }", json!({}), Some(&owner.access_token))
        .await
        .ok();
    let actions: Vec<_> = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["tenant.reactivated", "tenant.suspended", "tenant.created"]
    );
}

async fn ordinary_users_cannot_administer_the_platform(app: TestApp) {
    let (owner, tenant) = app
        .owner_of("owner@notadmin.test", "not-admin", "FREE")
        .await;
    let listed = app
        .gql(
            "{ adminTenants { edges { node { id } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(listed.code(), Some("FORBIDDEN"));
    let suspend = app
        .gql(
            SUSPEND,
            json!({ "input": { "tenantId": tenant } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(suspend.code(), Some("FORBIDDEN"));
    app.gql("{ tenant { id } }", json!({}), Some(&owner.access_token))
        .await
        .ok();
}

/// The tenant's status as a platform administrator reads it.
async fn status_of(app: &TestApp, admin: &Session, tenant: &str) -> String {
    let listed = app
        .gql(
            "{ adminTenants(first: 100) { edges { node { id status } } } }",
            json!({}),
            Some(&admin.access_token),
        )
        .await
        .ok();
    listed["adminTenants"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .find(|e| e["node"]["id"] == tenant)
        .and_then(|e| e["node"]["status"].as_str())
        .expect("the tenant is listed")
        .to_owned()
}

async fn another_tenants_owner_can_neither_suspend_nor_reactivate(app: TestApp) {
    let (a_owner, a_tenant) = app.owner_of("owner@a-adm.test", "a-adm", "FREE").await;
    let (b_owner, b_tenant) = app.owner_of("owner@b-adm.test", "b-adm", "FREE").await;
    let admin = platform_admin(&app).await;

    let suspend = app
        .gql(
            SUSPEND,
            json!({ "input": { "tenantId": a_tenant, "reason": "hostile" } }),
            Some(&b_owner.access_token),
        )
        .await;
    assert_eq!(suspend.code(), Some("FORBIDDEN"), "{:?}", suspend.body);
    // Re-read: A is active and its owner still gets in.
    assert_eq!(status_of(&app, &admin, &a_tenant).await, "ACTIVE");
    let a_view = app
        .gql(
            "{ tenant { id status } }",
            json!({}),
            Some(&a_owner.access_token),
        )
        .await
        .ok();
    assert_eq!(a_view["tenant"]["status"], "ACTIVE");

    // Suspended by the platform, B cannot bring itself back, nor can A's
    // owner bring B back.
    app.gql(
        SUSPEND,
        json!({ "input": { "tenantId": b_tenant, "reason": "unpaid" } }),
        Some(&admin.access_token),
    )
    .await
    .ok();
    for token in [&b_owner.access_token, &a_owner.access_token] {
        let reactivate = app
            .gql(
                REACTIVATE,
                json!({ "input": { "tenantId": b_tenant } }),
                Some(token),
            )
            .await;
        assert_eq!(
            reactivate.code(),
            Some("FORBIDDEN"),
            "{:?}",
            reactivate.body
        );
    }
    assert_eq!(status_of(&app, &admin, &b_tenant).await, "SUSPENDED");
    let refused = app
        .gql("{ tenant { id } }", json!({}), Some(&b_owner.access_token))
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
    assert_eq!(status_of(&app, &admin, &a_tenant).await, "ACTIVE");
}
