//! Two organizations on one database: whatever the second tries with the
//! first's ids, it gets NOT_FOUND and the first's data does not change.

use serde_json::json;
use trellis_tests::{Session, TestApp, on_every_backend};

on_every_backend! {
    another_tenants_member_is_not_found_and_unchanged => another_tenants_member_is_not_found_and_unchanged;
    another_tenant_cannot_be_entered => another_tenant_cannot_be_entered;
    lists_show_only_the_callers_tenant => lists_show_only_the_callers_tenant;
}

struct TwoTenants {
    a_owner: Session,
    a_member: Session,
    a_tenant: String,
    b_owner: Session,
}

async fn two_tenants(app: &TestApp) -> TwoTenants {
    let (a_owner, a_tenant) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let a_member = app
        .join(&a_owner, &a_tenant, "member@a.test", "MEMBER")
        .await;
    let (b_owner, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    TwoTenants {
        a_owner,
        a_member,
        a_tenant,
        b_owner,
    }
}

async fn another_tenants_member_is_not_found_and_unchanged(app: TestApp) {
    let t = two_tenants(&app).await;
    let before = app.member_roles(&t.a_owner).await;

    for target in [&t.a_member.user_id, &t.a_owner.user_id] {
        let update = app
            .gql(
                "mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { role } } }",
                json!({ "input": { "userId": target, "role": "VIEWER" } }),
                Some(&t.b_owner.access_token),
            )
            .await;
        assert_eq!(update.code(), Some("NOT_FOUND"), "{:?}", update.body);

        let remove = app
            .gql(
                "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { deletedId } }",
                json!({ "input": { "userId": target } }),
                Some(&t.b_owner.access_token),
            )
            .await;
        assert_eq!(remove.code(), Some("NOT_FOUND"), "{:?}", remove.body);
    }

    assert_eq!(app.member_roles(&t.a_owner).await, before);
    // Nothing about it reached either audit log.
    let log = app
        .gql(
            "{ auditLog(first: 100) { edges { node { action } } } }",
            json!({}),
            Some(&t.a_owner.access_token),
        )
        .await
        .ok();
    let actions: Vec<_> = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        !actions
            .iter()
            .any(|a| a == "member.role_changed" || a == "member.removed"),
        "{actions:?}"
    );
}

async fn another_tenant_cannot_be_entered(app: TestApp) {
    let t = two_tenants(&app).await;

    let switch = app.switch_tenant(&t.b_owner, &t.a_tenant).await;
    assert_eq!(switch.code(), Some("NOT_FOUND"), "{:?}", switch.body);

    let sign_in = app.sign_in("owner@b.test", Some(&t.a_tenant)).await;
    assert_eq!(sign_in.code(), Some("NOT_FOUND"), "{:?}", sign_in.body);

    // A made-up tenant id looks exactly the same as another tenant's.
    let unknown = app
        .switch_tenant(&t.b_owner, &uuid::Uuid::now_v7().to_string())
        .await;
    assert_eq!(unknown.code(), Some("NOT_FOUND"));
    assert_eq!(unknown.message(), switch.message());
}

async fn lists_show_only_the_callers_tenant(app: TestApp) {
    let t = two_tenants(&app).await;
    app.invite(&t.a_owner, "pending@a.test", "VIEWER")
        .await
        .ok();

    let b_view = app
        .gql(
            "{ tenant { slug members { edges { node { user { email } } } } invitations { edges { node { email } } } } }",
            json!({}),
            Some(&t.b_owner.access_token),
        )
        .await
        .ok();
    assert_eq!(b_view["tenant"]["slug"], "tenant-b");
    let members: Vec<_> = b_view["tenant"]["members"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["user"]["email"].as_str().unwrap())
        .collect();
    assert_eq!(members, ["owner@b.test"]);
    assert!(
        b_view["tenant"]["invitations"]["edges"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let log = app
        .gql(
            "{ auditLog(first: 100) { edges { node { action entityId } } } }",
            json!({}),
            Some(&t.b_owner.access_token),
        )
        .await
        .ok();
    let entries = log["auditLog"]["edges"].as_array().unwrap();
    // B's log holds B's own history (an empty one would make the checks
    // below pass for nothing), and none of A's.
    let actions: Vec<_> = entries
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap_or_default())
        .collect();
    assert!(actions.contains(&"tenant.created"), "{entries:?}");
    assert!(
        entries
            .iter()
            .all(|e| e["node"]["action"] != "member.invited"),
        "{entries:?}"
    );
    assert!(
        entries
            .iter()
            .all(|e| e["node"]["entityId"] != t.a_tenant.as_str()),
        "{entries:?}"
    );

    let roles = app
        .gql(
            "{ roles { id name } }",
            json!({}),
            Some(&t.b_owner.access_token),
        )
        .await
        .ok();
    let a_roles = app
        .gql(
            "{ roles { id name } }",
            json!({}),
            Some(&t.a_owner.access_token),
        )
        .await
        .ok();
    let ids = |v: &serde_json::Value| {
        v["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    // Each sees its own four built-in roles, none of the other's.
    assert_eq!((ids(&roles).len(), ids(&a_roles).len()), (4, 4));
    assert!(ids(&roles).iter().all(|id| !ids(&a_roles).contains(id)));
}
