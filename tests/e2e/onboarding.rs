//! The first session a new organization has: sign up, create a tenant,
//! invite a colleague, who accepts and shows up among the members.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

on_every_backend! {
    sign_up_create_invite_accept_list => sign_up_create_invite_accept_list;
    a_user_belongs_to_several_tenants => a_user_belongs_to_several_tenants;
    signing_in_with_a_tenant_selects_it => signing_in_with_a_tenant_selects_it;
}

async fn sign_up_create_invite_accept_list(app: TestApp) {
    let (owner, tenant) = app.owner_of("ada@acme.test", "acme", "FREE").await;
    // Role names ignore case.
    let grace = app.join(&owner, &tenant, "grace@acme.test", "member").await;

    let mut members = app.member_roles(&owner).await;
    members.sort();
    assert_eq!(
        members,
        [
            ("ada@acme.test".to_owned(), "OWNER".to_owned()),
            ("grace@acme.test".to_owned(), "MEMBER".to_owned()),
        ]
    );

    let me = app
        .gql(
            "{ me { email memberships { role tenant { id slug } } } }",
            json!({}),
            Some(&grace.access_token),
        )
        .await
        .ok();
    assert_eq!(me["me"]["email"], "grace@acme.test");
    assert_eq!(me["me"]["memberships"][0]["tenant"]["slug"], "acme");
    assert_eq!(me["me"]["memberships"][0]["role"], "MEMBER");

    let tenant_view = app
        .gql(
            "{ tenant { id slug plan status limits { maxMembers } } }",
            json!({}),
            Some(&grace.access_token),
        )
        .await
        .ok();
    assert_eq!(tenant_view["tenant"]["id"], tenant.as_str());
    assert_eq!(tenant_view["tenant"]["plan"], "FREE");
    assert_eq!(tenant_view["tenant"]["status"], "ACTIVE");
    assert_eq!(tenant_view["tenant"]["limits"]["maxMembers"], 5);
}

async fn a_user_belongs_to_several_tenants(app: TestApp) {
    let (ada, _) = app.owner_of("ada@multi.test", "first-org", "PRO").await;
    let second = app.create_tenant(&ada, "second-org", "ENTERPRISE").await;

    let me = app
        .gql(
            "{ me { memberships { role tenant { slug } } } }",
            json!({}),
            Some(&ada.access_token),
        )
        .await
        .ok();
    let mut slugs: Vec<_> = me["me"]["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tenant"]["slug"].as_str().unwrap().to_owned())
        .collect();
    slugs.sort();
    assert_eq!(slugs, ["first-org", "second-org"]);

    let switched = app.switch_tenant(&ada, &second).await.ok();
    assert_eq!(switched["switchTenant"]["tenant"]["id"], second.as_str());
    assert_eq!(switched["switchTenant"]["role"], "OWNER");
    let token = switched["switchTenant"]["accessToken"].as_str().unwrap();
    let current = app
        .gql(
            "{ tenant { slug limits { maxMembers } } }",
            json!({}),
            Some(token),
        )
        .await
        .ok();
    assert_eq!(current["tenant"]["slug"], "second-org");
    assert!(
        current["tenant"]["limits"]["maxMembers"].is_null(),
        "ENTERPRISE is unlimited"
    );
}

async fn signing_in_with_a_tenant_selects_it(app: TestApp) {
    let (_, tenant) = app.owner_of("ada@signin.test", "signin-org", "FREE").await;
    let signed_in = app.sign_in("ada@signin.test", Some(&tenant)).await.ok();
    assert_eq!(signed_in["signIn"]["tenant"]["id"], tenant.as_str());
    let token = signed_in["signIn"]["accessToken"].as_str().unwrap();
    let current = app
        .gql("{ tenant { slug } }", json!({}), Some(token))
        .await
        .ok();
    assert_eq!(current["tenant"]["slug"], "signin-org");

    let without = app.sign_in("ada@signin.test", None).await.ok();
    let token = without["signIn"]["accessToken"].as_str().unwrap();
    let response = app.gql("{ tenant { slug } }", json!({}), Some(token)).await;
    assert_eq!(response.code(), Some("FORBIDDEN"), "{:?}", response.body);
    assert!(
        response.message().contains("no tenant selected"),
        "{}",
        response.message()
    );
}
