//! Roles and membership changes, and how quickly they take effect.

use serde_json::json;
use trellis_tests::{Session, TestApp, on_every_backend};

on_every_backend! {
    the_last_owner_is_protected => the_last_owner_is_protected;
    a_removed_members_old_token_no_longer_reaches_the_tenant => a_removed_members_old_token_no_longer_reaches_the_tenant;
    a_lowered_role_applies_on_the_next_request => a_lowered_role_applies_on_the_next_request;
    the_free_plan_stops_at_five_members => the_free_plan_stops_at_five_members;
    a_custom_role_grants_exactly_its_permissions => a_custom_role_grants_exactly_its_permissions;
    an_invitation_is_for_its_email_only => an_invitation_is_for_its_email_only;
}

const UPDATE_ROLE: &str = "mutation($input: UpdateMemberRoleInput!) {
    updateMemberRole(input: $input) { member { role user { id } } } }";
const REMOVE: &str =
    "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { deletedId } }";

async fn update_role(
    app: &TestApp,
    actor: &Session,
    user: &str,
    role: &str,
) -> trellis_tests::Response {
    app.gql(
        UPDATE_ROLE,
        json!({ "input": { "userId": user, "role": role } }),
        Some(&actor.access_token),
    )
    .await
}

async fn remove(app: &TestApp, actor: &Session, user: &str) -> trellis_tests::Response {
    app.gql(
        REMOVE,
        json!({ "input": { "userId": user } }),
        Some(&actor.access_token),
    )
    .await
}

async fn the_last_owner_is_protected(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@last.test", "last-owner", "FREE").await;

    let demoted = update_role(&app, &owner, &owner.user_id, "ADMIN").await;
    assert_eq!(demoted.code(), Some("CONFLICT"), "{:?}", demoted.body);
    let removed = remove(&app, &owner, &owner.user_id).await;
    assert_eq!(removed.code(), Some("CONFLICT"), "{:?}", removed.body);
    assert_eq!(
        app.member_roles(&owner).await,
        [("owner@last.test".into(), "OWNER".into())]
    );

    // With a second owner, the first may step down.
    let second = app
        .join(&owner, &tenant, "second@last.test", "MEMBER")
        .await;
    update_role(&app, &owner, &second.user_id, "OWNER")
        .await
        .ok();
    let stepped_down = update_role(&app, &owner, &owner.user_id, "ADMIN")
        .await
        .ok();
    assert_eq!(stepped_down["updateMemberRole"]["member"]["role"], "ADMIN");
}

async fn a_removed_members_old_token_no_longer_reaches_the_tenant(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@removal.test", "removal", "FREE").await;
    let member = app
        .join(&owner, &tenant, "leaver@removal.test", "MEMBER")
        .await;
    app.gql("{ tenant { id } }", json!({}), Some(&member.access_token))
        .await
        .ok();

    let removed = remove(&app, &owner, &member.user_id).await.ok();
    assert_eq!(
        removed["removeMember"]["deletedId"],
        member.user_id.as_str()
    );

    let after = app
        .gql("{ tenant { id } }", json!({}), Some(&member.access_token))
        .await;
    assert_eq!(after.code(), Some("FORBIDDEN"), "{:?}", after.body);
    let members = app
        .gql(
            "{ tenant { members { edges { node { role } } } } }",
            json!({}),
            Some(&member.access_token),
        )
        .await;
    assert_eq!(members.code(), Some("FORBIDDEN"));
    // Switching back in is refused as if the tenant did not exist.
    let switch = app.switch_tenant(&member, &tenant).await;
    assert_eq!(switch.code(), Some("NOT_FOUND"), "{:?}", switch.body);
}

async fn a_lowered_role_applies_on_the_next_request(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@demote.test", "demote", "PRO").await;
    let admin = app
        .join(&owner, &tenant, "admin@demote.test", "ADMIN")
        .await;
    app.invite(&admin, "first@demote.test", "MEMBER").await.ok();

    update_role(&app, &owner, &admin.user_id, "VIEWER")
        .await
        .ok();

    let refused = app.invite(&admin, "second@demote.test", "MEMBER").await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
    assert!(
        refused.message().contains("members.invite"),
        "{}",
        refused.message()
    );
}

async fn the_free_plan_stops_at_five_members(app: TestApp) {
    let (owner, _) = app.owner_of("owner@limit.test", "limited", "FREE").await;
    for n in 1..=4 {
        app.invite(&owner, &format!("p{n}@limit.test"), "MEMBER")
            .await
            .ok();
    }
    let sixth = app.invite(&owner, "p5@limit.test", "MEMBER").await;
    assert_eq!(sixth.code(), Some("LIMIT_EXCEEDED"), "{:?}", sixth.body);
    let pending = app
        .gql(
            "{ tenant { invitations(first: 50) { edges { node { email } } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(
        pending["tenant"]["invitations"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

async fn a_custom_role_grants_exactly_its_permissions(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@custom.test", "custom", "PRO").await;
    let created = app
        .gql(
            "mutation($input: CreateRoleInput!) { createRole(input: $input) { role { name builtIn permissions } } }",
            json!({ "input": { "name": "Auditor", "permissions": ["audit.read", "members.read", "tenant.read"] } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(created["createRole"]["role"]["builtIn"], false);

    let auditor = app
        .join(&owner, &tenant, "auditor@custom.test", "Auditor")
        .await;
    let log = app
        .gql(
            "{ auditLog(first: 5) { edges { node { action } } } }",
            json!({}),
            Some(&auditor.access_token),
        )
        .await;
    assert!(log.body.get("errors").is_none(), "{:?}", log.body);
    let invite = app.invite(&auditor, "x@custom.test", "VIEWER").await;
    assert_eq!(invite.code(), Some("FORBIDDEN"));

    let roles = app
        .gql("{ roles { name } }", json!({}), Some(&owner.access_token))
        .await
        .ok();
    let names: Vec<_> = roles["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["OWNER", "ADMIN", "MEMBER", "VIEWER", "Auditor"]);
}

async fn an_invitation_is_for_its_email_only(app: TestApp) {
    let (owner, _) = app.owner_of("owner@inv.test", "inv", "FREE").await;
    let invited = app.invite(&owner, "grace@inv.test", "MEMBER").await.ok();
    let token = invited["inviteMember"]["token"].as_str().unwrap();
    let mallory = app.sign_up("mallory@inv.test").await;
    let accept = "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { tenant { id } } }";
    let stolen = app
        .gql(
            accept,
            json!({ "input": { "token": token } }),
            Some(&mallory.access_token),
        )
        .await;
    assert_eq!(stolen.code(), Some("FORBIDDEN"), "{:?}", stolen.body);

    let grace = app.sign_up("grace@inv.test").await;
    app.gql(
        accept,
        json!({ "input": { "token": token } }),
        Some(&grace.access_token),
    )
    .await
    .ok();
    let again = app
        .gql(
            accept,
            json!({ "input": { "token": token } }),
            Some(&grace.access_token),
        )
        .await;
    assert_eq!(again.code(), Some("CONFLICT"), "{:?}", again.body);
    let bogus = app
        .gql(
            accept,
            json!({ "input": { "token": "inv_bogus" } }),
            Some(&grace.access_token),
        )
        .await;
    assert_eq!(bogus.code(), Some("NOT_FOUND"));
}
