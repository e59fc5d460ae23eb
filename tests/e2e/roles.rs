//! Deleting and restoring custom roles: a deleted role leaves the roles
//! list and can be neither offered nor given, its name is free, and a
//! restore brings it back unless a live role took the name. Built-in roles
//! and roles still in use stay, and another tenant's role is NOT_FOUND.

use serde_json::{Value, json};
use trellis_tests::{Response, Session, TestApp, on_every_backend};

on_every_backend! {
    a_custom_role_is_deleted_and_restored => a_custom_role_is_deleted_and_restored;
    a_role_in_use_or_built_in_is_not_deleted => a_role_in_use_or_built_in_is_not_deleted;
    another_tenants_role_is_not_found_and_unchanged => another_tenants_role_is_not_found_and_unchanged;
}

const CREATE_ROLE: &str = "mutation($input: CreateRoleInput!) {
    createRole(input: $input) { role { id name } } }";
const DELETE_ROLE: &str =
    "mutation($input: DeleteRoleInput!) { deleteRole(input: $input) { deletedId } }";
const RESTORE_ROLE: &str = "mutation($input: RestoreRoleInput!) {
    restoreRole(input: $input) { role { id name builtIn permissions } } }";
const UPDATE_ROLE: &str = "mutation($input: UpdateMemberRoleInput!) {
    updateMemberRole(input: $input) { member { role } } }";
const AUDIT: &str = "{ auditLog(first: 100) { edges { node { action entityId before } } } }";

async fn send(app: &TestApp, session: &Session, query: &str, id: &str) -> Response {
    app.gql(
        query,
        json!({ "input": { "id": id } }),
        Some(&session.access_token),
    )
    .await
}

async fn create_role(app: &TestApp, session: &Session, name: &str) -> String {
    let created = app
        .gql(
            CREATE_ROLE,
            json!({ "input": { "name": name, "permissions": ["audit.read", "members.read"] } }),
            Some(&session.access_token),
        )
        .await
        .ok();
    created["createRole"]["role"]["id"]
        .as_str()
        .expect("a role id")
        .to_owned()
}

/// The tenant's roles as `roles` lists them: `(name, id)`.
async fn roles(app: &TestApp, session: &Session) -> Vec<(String, String)> {
    let data = app
        .gql(
            "{ roles { id name } }",
            json!({}),
            Some(&session.access_token),
        )
        .await
        .ok();
    data["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap_or_default().to_owned(),
                r["id"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

async fn role_names(app: &TestApp, session: &Session) -> Vec<String> {
    roles(app, session)
        .await
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// The tenant's audit log, newest first.
async fn audit_log(app: &TestApp, session: &Session) -> Vec<Value> {
    let log = app
        .gql(AUDIT, json!({}), Some(&session.access_token))
        .await
        .ok();
    log["auditLog"]["edges"]
        .as_array()
        .expect("audit entries")
        .iter()
        .map(|edge| edge["node"].clone())
        .collect()
}

async fn a_custom_role_is_deleted_and_restored(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@roles.test", "roles", "PRO").await;
    let member = app
        .join(&owner, &tenant, "member@roles.test", "MEMBER")
        .await;
    let auditor = create_role(&app, &owner, "Auditor").await;
    assert_eq!(
        role_names(&app, &owner).await,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER", "Auditor"]
    );

    // A MEMBER may not delete it.
    let forbidden = send(&app, &member, DELETE_ROLE, &auditor).await;
    assert_eq!(forbidden.code(), Some("FORBIDDEN"), "{:?}", forbidden.body);
    assert!(forbidden.message().contains("roles.manage"));

    let deleted = send(&app, &owner, DELETE_ROLE, &auditor).await.ok();
    assert_eq!(deleted["deleteRole"]["deletedId"], auditor.as_str());
    assert_eq!(
        role_names(&app, &owner).await,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER"]
    );
    let entry = &audit_log(&app, &owner).await[0];
    assert_eq!(entry["action"], "role.deleted");
    assert_eq!(entry["entityId"], auditor.as_str());
    assert_eq!(
        entry["before"],
        json!({ "name": "Auditor", "permissions": ["members.read", "audit.read"] })
    );

    // It can be neither offered nor given.
    let invited = app.invite(&owner, "x@roles.test", "Auditor").await;
    assert_eq!(invited.code(), Some("BAD_USER_INPUT"), "{:?}", invited.body);
    assert_eq!(invited.bad_fields(), ["role"]);
    assert_eq!(
        invited.message(),
        "invalid input: role: unknown role `Auditor`"
    );
    let changed = app
        .gql(
            UPDATE_ROLE,
            json!({ "input": { "userId": member.user_id, "role": "Auditor" } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(changed.code(), Some("BAD_USER_INPUT"), "{:?}", changed.body);
    assert_eq!(changed.bad_fields(), ["role"]);
    assert_eq!(
        app.member_roles(&owner).await,
        [
            ("owner@roles.test".to_owned(), "OWNER".to_owned()),
            ("member@roles.test".to_owned(), "MEMBER".to_owned()),
        ]
    );

    // Its name is free: a new role takes it, and the restore is refused.
    let taken = create_role(&app, &owner, "AUDITOR").await;
    let clash = send(&app, &owner, RESTORE_ROLE, &auditor).await;
    assert_eq!(clash.code(), Some("CONFLICT"), "{:?}", clash.body);
    assert!(
        clash.message().contains("a role named `Auditor` exists"),
        "{}",
        clash.message()
    );
    assert_eq!(
        roles(&app, &owner).await.last(),
        Some(&("AUDITOR".to_owned(), taken.clone()))
    );
    send(&app, &owner, DELETE_ROLE, &taken).await.ok();

    let restored = send(&app, &owner, RESTORE_ROLE, &auditor).await.ok();
    let role = &restored["restoreRole"]["role"];
    assert_eq!(role["id"], auditor.as_str());
    assert_eq!(role["name"], "Auditor");
    assert_eq!(role["builtIn"], false);
    assert_eq!(role["permissions"], json!(["members.read", "audit.read"]));
    assert_eq!(
        roles(&app, &owner).await.last(),
        Some(&("Auditor".to_owned(), auditor.clone()))
    );
    let entry = &audit_log(&app, &owner).await[0];
    assert_eq!(entry["action"], "role.restored");
    assert_eq!(entry["entityId"], auditor.as_str());

    // Restoring a live role is refused; giving it works again.
    let again = send(&app, &owner, RESTORE_ROLE, &auditor).await;
    assert_eq!(again.code(), Some("CONFLICT"), "{:?}", again.body);
    let given = app
        .gql(
            UPDATE_ROLE,
            json!({ "input": { "userId": member.user_id, "role": "Auditor" } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(given["updateMemberRole"]["member"]["role"], "Auditor");
}

async fn a_role_in_use_or_built_in_is_not_deleted(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@inuse.test", "inuse", "PRO").await;
    let auditor = create_role(&app, &owner, "Auditor").await;
    let held = app
        .join(&owner, &tenant, "held@inuse.test", "Auditor")
        .await;
    app.invite(&owner, "offered@inuse.test", "Auditor")
        .await
        .ok();

    let refused = send(&app, &owner, DELETE_ROLE, &auditor).await;
    assert_eq!(refused.code(), Some("CONFLICT"), "{:?}", refused.body);
    assert_eq!(
        refused.message(),
        "role `Auditor` is held by 1 member and offered by 1 pending invitation; \
         change their role and revoke the invitation first"
    );
    let (_, admin) = roles(&app, &owner)
        .await
        .into_iter()
        .find(|(name, _)| name == "ADMIN")
        .expect("the ADMIN role");
    let builtin = send(&app, &owner, DELETE_ROLE, &admin).await;
    assert_eq!(builtin.code(), Some("CONFLICT"), "{:?}", builtin.body);
    assert!(
        builtin
            .message()
            .contains("the built-in role `ADMIN` cannot be deleted"),
        "{}",
        builtin.message()
    );
    let malformed = send(&app, &owner, DELETE_ROLE, "not-an-id").await;
    assert_eq!(malformed.code(), Some("BAD_USER_INPUT"));
    assert_eq!(malformed.bad_fields(), ["id"]);
    assert_eq!(
        role_names(&app, &owner).await,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER", "Auditor"]
    );
    assert!(
        audit_log(&app, &owner)
            .await
            .iter()
            .all(|entry| entry["action"] != "role.deleted")
    );

    // Once nobody holds it and nothing offers it, it goes.
    app.gql(
        UPDATE_ROLE,
        json!({ "input": { "userId": held.user_id, "role": "VIEWER" } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    let pending = app
        .gql(
            "{ tenant { invitations(first: 10) { edges { node { id } } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let invitation = pending["tenant"]["invitations"]["edges"][0]["node"]["id"]
        .as_str()
        .expect("the pending invitation")
        .to_owned();
    app.gql(
        "mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { deletedId } }",
        json!({ "input": { "invitationId": invitation } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    send(&app, &owner, DELETE_ROLE, &auditor).await.ok();
    assert!(!role_names(&app, &owner).await.contains(&"Auditor".into()));
}

async fn another_tenants_role_is_not_found_and_unchanged(app: TestApp) {
    let (a, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    let live = create_role(&app, &a, "Auditor").await;
    let deleted = create_role(&app, &a, "Billing").await;
    send(&app, &a, DELETE_ROLE, &deleted).await.ok();
    let a_roles = roles(&app, &a).await;
    let a_log = audit_log(&app, &a).await;
    let b_roles = roles(&app, &b).await;

    for (query, id) in [
        (DELETE_ROLE, &live),
        (RESTORE_ROLE, &live),
        (DELETE_ROLE, &deleted),
        (RESTORE_ROLE, &deleted),
    ] {
        let response = send(&app, &b, query, id).await;
        assert_eq!(response.code(), Some("NOT_FOUND"), "{:?}", response.body);
        // Exactly what an id nobody has gets.
        let unknown = send(&app, &b, query, &uuid::Uuid::now_v7().to_string()).await;
        assert_eq!(unknown.code(), Some("NOT_FOUND"));
        assert_eq!(unknown.message(), response.message());
    }

    assert_eq!(roles(&app, &a).await, a_roles);
    assert_eq!(audit_log(&app, &a).await, a_log);
    assert_eq!(roles(&app, &b).await, b_roles);
    assert!(audit_log(&app, &b).await.iter().all(|entry| {
        !entry["action"]
            .as_str()
            .unwrap_or_default()
            .starts_with("role.")
    }));

    // The ids were good: A deletes one and restores the other.
    send(&app, &a, DELETE_ROLE, &live).await.ok();
    send(&app, &a, RESTORE_ROLE, &deleted).await.ok();
    assert_eq!(
        role_names(&app, &a).await,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER", "Billing"]
    );
}
