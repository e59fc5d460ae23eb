//! The audit trail: every change leaves an entry, readable by ADMIN and above.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

on_every_backend! {
    each_change_is_audited_with_who_what_and_before_after => each_change_is_audited_with_who_what_and_before_after;
    the_audit_log_filters_and_pages_newest_first => the_audit_log_filters_and_pages_newest_first;
    members_below_admin_cannot_read_it => members_below_admin_cannot_read_it;
    filtering_on_another_tenants_user_shows_none_of_their_entries => filtering_on_another_tenants_user_shows_none_of_their_entries;
}

const LOG: &str = "query($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
        edges { cursor node { action actorId entityType entityId before after requestId userAgent createdAt } }
        pageInfo { hasNextPage endCursor } } }";

async fn each_change_is_audited_with_who_what_and_before_after(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@audit.test", "audited", "PRO").await;
    let member = app
        .join(&owner, &tenant, "member@audit.test", "MEMBER")
        .await;
    app.gql(
        "mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { role } } }",
        json!({ "input": { "userId": member.user_id, "role": "ADMIN" } }),
        Some(&owner.access_token),
    )
    .await
    .ok();

    let log = app
        .gql(LOG, json!({ "first": 50 }), Some(&owner.access_token))
        .await
        .ok();
    let nodes: Vec<_> = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect();
    let actions: Vec<_> = nodes
        .iter()
        .map(|n| n["action"].as_str().unwrap())
        .collect();
    for expected in [
        "tenant.created",
        "member.invited",
        "member.joined",
        "member.role_changed",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }
    let change = nodes
        .iter()
        .find(|n| n["action"] == "member.role_changed")
        .unwrap();
    assert_eq!(change["actorId"], owner.user_id.as_str());
    assert_eq!(change["entityType"], "member");
    assert_eq!(change["entityId"], member.user_id.as_str());
    assert_eq!(change["before"]["role"], "MEMBER");
    assert_eq!(change["after"]["role"], "ADMIN");
    assert!(
        change["requestId"]
            .as_str()
            .is_some_and(|id| !id.is_empty()),
        "{change}"
    );
}

async fn the_audit_log_filters_and_pages_newest_first(app: TestApp) {
    let (owner, _) = app.owner_of("owner@pages.test", "paged", "PRO").await;
    for n in 0..3 {
        app.invite(&owner, &format!("p{n}@pages.test"), "VIEWER")
            .await
            .ok();
    }
    let filter = json!({ "action": "member.invited" });
    let first = app
        .gql(
            LOG,
            json!({ "first": 2, "filter": filter }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let page = &first["auditLog"];
    assert_eq!(page["edges"].as_array().unwrap().len(), 2);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    let newest = page["edges"][0]["node"]["after"]["email"].as_str().unwrap();
    assert_eq!(newest, "p2@pages.test");

    let after = page["pageInfo"]["endCursor"].as_str().unwrap();
    let second = app
        .gql(
            LOG,
            json!({ "first": 2, "after": after, "filter": filter }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let rest = second["auditLog"]["edges"].as_array().unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["node"]["after"]["email"], "p0@pages.test");
    assert_eq!(second["auditLog"]["pageInfo"]["hasNextPage"], false);

    let by_type = app
        .gql(
            LOG,
            json!({ "filter": { "entityType": "tenant" } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let tenant_entries: Vec<_> = by_type["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["node"]["entityType"].as_str().unwrap_or_default(),
                e["node"]["action"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    // The tenant's creation is its only tenant entry; the invitations are
    // filtered out.
    assert_eq!(tenant_entries, [("tenant", "tenant.created")]);
}

async fn members_below_admin_cannot_read_it(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@noread.test", "noread", "PRO").await;
    let member = app
        .join(&owner, &tenant, "member@noread.test", "MEMBER")
        .await;
    let response = app.gql(LOG, json!({}), Some(&member.access_token)).await;
    assert_eq!(response.code(), Some("FORBIDDEN"), "{:?}", response.body);
}

async fn filtering_on_another_tenants_user_shows_none_of_their_entries(app: TestApp) {
    let (a_owner, a_tenant) = app.owner_of("owner@a-log.test", "a-log", "PRO").await;
    app.invite(&a_owner, "invited@a-log.test", "VIEWER")
        .await
        .ok();
    let (b_owner, _) = app.owner_of("owner@b-log.test", "b-log", "PRO").await;
    let by_a_owner = json!({ "first": 50, "filter": { "actorId": a_owner.user_id } });
    let actions = |data: &serde_json::Value| -> Vec<String> {
        data["auditLog"]["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|e| e["node"]["action"].as_str().unwrap_or_default().to_owned())
            .collect()
    };

    // A sees what its owner did, so the filter does find them ...
    let in_a = app
        .gql(LOG, by_a_owner.clone(), Some(&a_owner.access_token))
        .await
        .ok();
    assert!(
        actions(&in_a).contains(&"member.invited".to_owned()),
        "{in_a}"
    );
    // ... and B, filtering on that user, sees none of it.
    let in_b = app
        .gql(LOG, by_a_owner, Some(&b_owner.access_token))
        .await
        .ok();
    assert_eq!(in_b["auditLog"]["edges"], json!([]), "{in_b}");
    // B's own log holds B's history and nothing of A's.
    let b_log = app
        .gql(LOG, json!({ "first": 50 }), Some(&b_owner.access_token))
        .await
        .ok();
    let b_entries = b_log["auditLog"]["edges"].as_array().expect("edges");
    assert!(!b_entries.is_empty());
    assert!(
        b_entries.iter().all(|e| {
            e["node"]["actorId"] != a_owner.user_id.as_str()
                && e["node"]["entityId"] != a_tenant.as_str()
        }),
        "{b_log}"
    );
}
