use serde_json::json;
use trellis_kernel::AuditEntry;
use trellis_kernel::AuditFilter;
use trellis_kernel::{Cursor, PageRequest, RequestMeta};

use crate::support::*;

contract!(an_entry_reads_back_as_written);
async fn an_entry_reads_back_as_written(env: Env) {
    let org = org(&env, "acme").await;
    let meta = RequestMeta {
        request_id: Some("req-1".into()),
        ip: Some("203.0.113.7".into()),
        user_agent: Some("tests/1.0".into()),
    };
    let entry = AuditEntry::new(
        org.id(),
        Some(org.owner.id),
        &meta,
        "role.created",
        ("role", "r1".into()),
        now(),
    )
    .before(json!({ "name": null }))
    .after(json!({ "name": "Billing", "permissions": ["audit.read"] }));
    let role = trellis_tenancy::Role {
        id: trellis_tenancy::RoleId::generate(),
        tenant_id: org.id(),
        name: "Billing".into(),
        builtin: None,
        custom_permissions: [trellis_kernel::Permission::AuditRead]
            .into_iter()
            .collect(),
        created_at: now(),
    };
    env.roles.create(org.id(), &role, &entry).await.unwrap();

    let page = env
        .audit
        .list(org.id(), &AuditFilter::default(), PageRequest::first(1))
        .await
        .unwrap();
    assert_eq!(page.items, [entry]);
    assert!(page.has_next_page);
}

contract!(the_log_is_filtered_and_paged_newest_first);
async fn the_log_is_filtered_and_paged_newest_first(env: Env) {
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@acme.test", "ADMIN").await;
    // tenant.created (owner), member.invited (owner), member.joined (ada)
    env.memberships
        .change_role(
            org.id(),
            ada.id,
            &org.role("MEMBER"),
            &audit(org.id(), Some(org.owner.id), "member.role_changed"),
        )
        .await
        .unwrap();

    let all = actions(&env, org.id()).await;
    assert_eq!(
        all,
        [
            "member.role_changed",
            "member.joined",
            "member.invited",
            "tenant.created"
        ]
    );

    let by_action = AuditFilter {
        action: Some("member.joined".into()),
        ..AuditFilter::default()
    };
    let page = env
        .audit
        .list(org.id(), &by_action, PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].actor_id, Some(ada.id));

    let by_actor = AuditFilter {
        actor_id: Some(org.owner.id),
        ..AuditFilter::default()
    };
    let page = env
        .audit
        .list(org.id(), &by_actor, PageRequest::first(10))
        .await
        .unwrap();
    let seen: Vec<_> = page.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        seen,
        ["member.role_changed", "member.invited", "tenant.created"]
    );

    let by_type = AuditFilter {
        entity_type: Some("test".into()),
        action: Some("tenant.created".into()),
        ..AuditFilter::default()
    };
    let page = env
        .audit
        .list(org.id(), &by_type, PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);

    let first = env
        .audit
        .list(org.id(), &AuditFilter::default(), PageRequest::first(3))
        .await
        .unwrap();
    assert!(first.has_next_page);
    let after = Cursor(first.items[2].id.as_uuid());
    let rest = env
        .audit
        .list(
            org.id(),
            &AuditFilter::default(),
            PageRequest {
                first: 3,
                after: Some(after),
            },
        )
        .await
        .unwrap();
    let seen: Vec<_> = rest.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(seen, ["tenant.created"]);
    assert!(!rest.has_next_page);
}
