use super::super::test_support::*;
use super::*;
use crate::role::{BuiltinRole, Role, RoleId};

fn input(permissions: &[&str]) -> CreateRole {
    CreateRole {
        name: "Billing".into(),
        permissions: permissions.iter().map(|p| p.to_string()).collect(),
    }
}

#[tokio::test]
async fn an_admin_creates_a_custom_role_with_its_audit_entry() {
    let admin = ctx(BuiltinRole::Admin);
    let tenant = admin.tenant_id;
    let mut mocks = Mocks::new();
    mocks
        .roles
        .expect_create()
        .withf(move |t, role, audit| {
            *t == tenant
                && role.tenant_id == tenant
                && audit.tenant_id == tenant
                && role.builtin.is_none()
                && role.custom_permissions.contains(&Permission::MembersRead)
                && audit.action == "role.created"
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let service = RoleService::new(mocks.into_deps());
    let role = service
        .create(&admin, input(&["members.read", "audit.read"]))
        .await
        .unwrap();
    assert_eq!(role.permissions().len(), 2);
}

#[tokio::test]
async fn each_unknown_permission_is_named_by_position() {
    let service = RoleService::new(Mocks::new().into_deps());
    let err = service
        .create(
            &ctx(BuiltinRole::Admin),
            input(&["members.read", "items.fly", "x"]),
        )
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = err else {
        panic!("expected validation, got {err:?}");
    };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["permissions[1]", "permissions[2]"]);
}

#[tokio::test]
async fn a_role_stronger_than_its_creator_is_forbidden() {
    let service = RoleService::new(Mocks::new().into_deps());
    let err = service
        .create(&ctx(BuiltinRole::Admin), input(&["owners.manage"]))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn members_cannot_create_roles() {
    let service = RoleService::new(Mocks::new().into_deps());
    let err = service
        .create(&ctx(BuiltinRole::Member), input(&["members.read"]))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("roles.manage"), "{err}");
}

#[tokio::test]
async fn viewers_cannot_read_the_audit_log() {
    let service = RoleService::new(Mocks::new().into_deps());
    let err = service
        .audit_log(
            &ctx(BuiltinRole::Viewer),
            &AuditFilter::default(),
            PageRequest::first(10),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)));
}

fn billing(tenant: trellis_kernel::TenantId) -> Role {
    Role {
        id: RoleId::generate(),
        tenant_id: tenant,
        name: "Billing".into(),
        builtin: None,
        custom_permissions: [Permission::AuditRead].into_iter().collect(),
        created_at: now(),
    }
}

#[tokio::test]
async fn members_and_viewers_can_neither_delete_nor_restore_roles() {
    // No expectations: any repository call would panic.
    let service = RoleService::new(Mocks::new().into_deps());
    for role in [BuiltinRole::Member, BuiltinRole::Viewer] {
        let caller = ctx(role);
        let deleted = service
            .delete(&caller, RoleId::generate())
            .await
            .unwrap_err();
        let restored = service
            .restore(&caller, RoleId::generate())
            .await
            .unwrap_err();
        for err in [deleted, restored] {
            assert!(
                matches!(&err, DomainError::Forbidden(m) if m.contains("roles.manage")),
                "{role:?}: {err:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_builtin_role_cannot_be_deleted_and_nothing_is_written() {
    let admin = ctx(BuiltinRole::Admin);
    let viewer = role(admin.tenant_id, BuiltinRole::Viewer);
    let id = viewer.id;
    let mut mocks = Mocks::new();
    mocks
        .roles
        .expect_find()
        .times(1)
        .returning(move |_, _| Ok(Some(viewer.clone())));
    // No `delete` expectation: reaching the store would panic.
    let err = RoleService::new(mocks.into_deps())
        .delete(&admin, id)
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(
        message.contains("built-in role `VIEWER` cannot be deleted"),
        "{message}"
    );
}

#[tokio::test]
async fn an_unknown_or_deleted_role_is_not_found() {
    let admin = ctx(BuiltinRole::Admin);
    let mut mocks = Mocks::new();
    mocks.roles.expect_find().returning(|_, _| Ok(None));
    let err = RoleService::new(mocks.into_deps())
        .delete(&admin, RoleId::generate())
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "role" }),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_admin_deletes_a_custom_role_with_its_audit_entry() {
    let admin = ctx(BuiltinRole::Admin);
    let tenant = admin.tenant_id;
    let actor = admin.user_id();
    let role = billing(tenant);
    let id = role.id;
    let mut mocks = Mocks::new();
    mocks
        .roles
        .expect_find()
        .withf(move |t, found| *t == tenant && *found == id)
        .times(1)
        .returning(move |_, _| Ok(Some(role.clone())));
    mocks
        .roles
        .expect_delete()
        .withf(move |t, deleted, audit| {
            *t == tenant
                && *deleted == id
                && audit.tenant_id == tenant
                && audit.actor_id == Some(actor)
                && audit.action == "role.deleted"
                && audit.entity_type == "role"
                && audit.entity_id == id.to_string()
                && audit.before
                    == Some(serde_json::json!({ "name": "Billing", "permissions": ["audit.read"] }))
                && audit.after.is_none()
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let deleted = RoleService::new(mocks.into_deps())
        .delete(&admin, id)
        .await
        .unwrap();
    assert_eq!(deleted, id);
}

#[tokio::test]
async fn a_role_still_held_is_refused_with_the_stores_count() {
    // Who holds the role is counted by the store, under the tenant lock
    // that membership changes take; the refusal reaches the caller as is.
    let admin = ctx(BuiltinRole::Admin);
    let role = billing(admin.tenant_id);
    let id = role.id;
    let mut mocks = Mocks::new();
    mocks
        .roles
        .expect_find()
        .returning(move |_, _| Ok(Some(role.clone())));
    mocks.roles.expect_delete().times(1).returning(|_, _, _| {
        Err(DomainError::conflict(
            "role `Billing` is held by 2 members; change their role first",
        ))
    });
    let err = RoleService::new(mocks.into_deps())
        .delete(&admin, id)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("held by 2 members")),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_restore_is_audited_in_the_callers_tenant() {
    let admin = ctx(BuiltinRole::Admin);
    let tenant = admin.tenant_id;
    let role = billing(tenant);
    let id = role.id;
    let mut mocks = Mocks::new();
    let restored = role.clone();
    mocks
        .roles
        .expect_restore()
        .withf(move |t, restoring, audit| {
            *t == tenant
                && *restoring == id
                && audit.entry.tenant_id == tenant
                && audit.entry.action == "role.restored"
                && audit.entry.entity_type == "role"
                && audit.entry.entity_id == id.to_string()
        })
        .times(1)
        .returning(move |_, _, _| Ok(restored.clone()));
    let back = RoleService::new(mocks.into_deps())
        .restore(&admin, id)
        .await
        .unwrap();
    assert_eq!(back, role);
}
