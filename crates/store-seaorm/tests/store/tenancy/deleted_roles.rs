//! A deleted custom role is listed, found and granted no more, and its name
//! is free. Roles have no delete of their own yet: the row is marked here
//! as a delete would mark it.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use trellis_kernel::{DomainError, Permission, PermissionSet};
use trellis_store_seaorm::tenancy::entity::role as role_row;
use trellis_tenancy::{Role, RoleId, TokenHash};

use crate::support::*;

fn custom(org: &Org, name: &str) -> Role {
    Role {
        id: RoleId::generate(),
        tenant_id: org.id(),
        name: name.into(),
        builtin: None,
        custom_permissions: [Permission::MembersRead]
            .into_iter()
            .collect::<PermissionSet>(),
        created_at: now(),
    }
}

async fn mark_deleted(env: &Env, role: &Role) {
    role_row::Entity::update_many()
        .col_expr(role_row::Column::DeletedAt, Expr::value(now()))
        .col_expr(
            role_row::Column::DeletionId,
            Expr::value(uuid::Uuid::now_v7()),
        )
        .filter(role_row::Column::TenantId.eq(role.tenant_id.as_uuid()))
        .filter(role_row::Column::Id.eq(role.id.as_uuid()))
        .exec(env.db.owner())
        .await
        .unwrap();
}

contract!(a_deleted_role_is_not_listed_found_or_granted_and_frees_its_name);
async fn a_deleted_role_is_not_listed_found_or_granted_and_frees_its_name(env: Env) {
    let org = org(&env, "acme").await;
    let billing = custom(&org, "Billing");
    env.roles
        .create(org.id(), &billing, &audit(org.id(), None, "role.created"))
        .await
        .unwrap();
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    mark_deleted(&env, &billing).await;

    let names: Vec<_> = env
        .roles
        .list(org.id())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert!(!names.contains(&"Billing".to_owned()), "{names:?}");
    assert_eq!(
        env.roles.find_by_name(org.id(), "billing").await.unwrap(),
        None
    );

    let mut invitation = invitation(&org, "bob@acme.test", "MEMBER");
    invitation.role = billing.clone();
    let err = env
        .invitations
        .create(
            org.id(),
            &invitation,
            &TokenHash::of("inv_bob"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "role" }),
        "{err:?}"
    );
    let err = env
        .memberships
        .change_role(
            org.id(),
            ada.id,
            &billing,
            &audit(org.id(), None, "member.role_changed"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "role" }),
        "{err:?}"
    );
    let member = env
        .memberships
        .find(org.id(), ada.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(member.role.name, "MEMBER");

    // The name is free again.
    let again = custom(&org, "BILLING");
    env.roles
        .create(org.id(), &again, &audit(org.id(), None, "role.created"))
        .await
        .unwrap();
    assert_eq!(
        env.roles.find_by_name(org.id(), "billing").await.unwrap(),
        Some(again)
    );
}

contract!(an_invitation_to_a_deleted_role_cannot_be_redeemed);
async fn an_invitation_to_a_deleted_role_cannot_be_redeemed(env: Env) {
    let org = org(&env, "acme").await;
    let billing = custom(&org, "Billing");
    env.roles
        .create(org.id(), &billing, &audit(org.id(), None, "role.created"))
        .await
        .unwrap();
    let mut invitation = invitation(&org, "bob@acme.test", "MEMBER");
    invitation.role = billing.clone();
    env.invitations
        .create(
            org.id(),
            &invitation,
            &TokenHash::of("inv_bob"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    assert!(
        env.invitations
            .find_by_token(&TokenHash::of("inv_bob"))
            .await
            .unwrap()
            .is_some()
    );
    mark_deleted(&env, &billing).await;
    assert_eq!(
        env.invitations
            .find_by_token(&TokenHash::of("inv_bob"))
            .await
            .unwrap(),
        None
    );
}
