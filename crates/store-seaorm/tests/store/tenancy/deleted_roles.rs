//! Deleting a custom role: it is listed, found and granted no more and its
//! name is free, but only once nobody holds it and no pending invitation
//! offers it; built-in roles and other tenants' roles are never deleted.

use chrono::Duration;
use sea_orm::{EntityTrait, QuerySelect};
use trellis_kernel::{DomainError, DomainResult, Permission, PermissionSet};
use trellis_store_seaorm::tenancy::entity::role as role_row;
use trellis_tenancy::{Role, RoleId, TokenHash};

use crate::support::*;

pub fn custom(org: &Org, name: &str) -> Role {
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

pub async fn add_role(env: &Env, org: &Org, name: &str) -> Role {
    let role = custom(org, name);
    env.roles
        .create(org.id(), &role, &audit(org.id(), None, "role.created"))
        .await
        .expect("role created");
    role
}

pub async fn delete_role(env: &Env, role: &Role) -> DomainResult<()> {
    env.roles
        .delete(
            role.tenant_id,
            role.id,
            &audit(role.tenant_id, None, "role.deleted"),
        )
        .await
}

pub async fn role_names(env: &Env, org: &Org) -> Vec<String> {
    let roles = env.roles.list(org.id()).await.expect("roles");
    roles.into_iter().map(|r| r.name).collect()
}

contract!(a_deleted_role_is_not_listed_found_or_granted_and_frees_its_name);
async fn a_deleted_role_is_not_listed_found_or_granted_and_frees_its_name(env: Env) {
    let org = org(&env, "acme").await;
    let billing = add_role(&env, &org, "Billing").await;
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let deletion = audit(org.id(), None, "role.deleted");
    env.roles
        .delete(org.id(), billing.id, &deletion)
        .await
        .unwrap();

    assert_eq!(
        role_names(&env, &org).await,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER"]
    );
    assert_eq!(
        env.roles.find_by_name(org.id(), "billing").await.unwrap(),
        None
    );
    assert_eq!(env.roles.find(org.id(), billing.id).await.unwrap(), None);
    assert_eq!(actions(&env, org.id()).await[0], "role.deleted");
    // The row stays, marked by the delete's audit entry.
    let marks: Vec<(Option<chrono::DateTime<chrono::Utc>>, Option<uuid::Uuid>)> =
        role_row::Entity::find_by_id((org.id().as_uuid(), billing.id.as_uuid()))
            .select_only()
            .column(role_row::Column::DeletedAt)
            .column(role_row::Column::DeletionId)
            .into_tuple()
            .all(env.db.owner())
            .await
            .unwrap();
    assert_eq!(
        marks,
        [(Some(deletion.created_at), Some(deletion.id.as_uuid()))]
    );

    // Deleting it again finds nothing to delete.
    let again = delete_role(&env, &billing).await.unwrap_err();
    assert!(
        matches!(again, DomainError::NotFound { entity: "role" }),
        "{again:?}"
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

contract!(a_role_held_or_offered_is_not_deleted_until_it_is_free);
async fn a_role_held_or_offered_is_not_deleted_until_it_is_free(env: Env) {
    let org = org(&env, "acme").await;
    let billing = add_role(&env, &org, "Billing").await;
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let grace = join(&env, &org, "grace@acme.test", "MEMBER").await;
    for member in [&ada, &grace] {
        env.memberships
            .change_role(
                org.id(),
                member.id,
                &billing,
                &audit(org.id(), None, "member.role_changed"),
            )
            .await
            .unwrap();
    }
    let mut offered = invitation(&org, "bob@acme.test", "MEMBER");
    offered.role = billing.clone();
    env.invitations
        .create(
            org.id(),
            &offered,
            &TokenHash::of("inv_bob"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    let before = actions(&env, org.id()).await;

    let refusals = [
        "role `Billing` is held by 2 members and offered by 1 pending invitation; \
         change their role and revoke the invitation first",
        "role `Billing` is held by 1 member and offered by 1 pending invitation; \
         change their role and revoke the invitation first",
        "role `Billing` is offered by 1 pending invitation; revoke the invitation first",
    ];
    for (member, refusal) in [Some(&ada), Some(&grace), None].into_iter().zip(refusals) {
        let err = delete_role(&env, &billing).await.unwrap_err();
        assert!(
            matches!(&err, DomainError::Conflict(m) if m == refusal),
            "{err:?}"
        );
        if let Some(member) = member {
            env.memberships
                .change_role(
                    org.id(),
                    member.id,
                    &org.role("VIEWER"),
                    &audit(org.id(), None, "member.role_changed"),
                )
                .await
                .unwrap();
        }
    }
    assert_eq!(
        env.roles.find(org.id(), billing.id).await.unwrap(),
        Some(billing.clone())
    );
    assert_eq!(actions(&env, org.id()).await[2..], before[..]);

    env.invitations
        .revoke(
            org.id(),
            offered.id,
            &audit(org.id(), None, "invitation.revoked"),
        )
        .await
        .unwrap();
    delete_role(&env, &billing).await.unwrap();
    assert!(!role_names(&env, &org).await.contains(&"Billing".into()));
}

contract!(an_expired_invitation_holds_nothing_back_and_cannot_be_redeemed);
async fn an_expired_invitation_holds_nothing_back_and_cannot_be_redeemed(env: Env) {
    let org = org(&env, "acme").await;
    let billing = add_role(&env, &org, "Billing").await;
    let mut invitation = invitation(&org, "bob@acme.test", "MEMBER");
    invitation.role = billing.clone();
    invitation.created_at -= Duration::days(8);
    invitation.expires_at -= Duration::days(8);
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

    delete_role(&env, &billing).await.unwrap();
    assert_eq!(
        env.invitations
            .find_by_token(&TokenHash::of("inv_bob"))
            .await
            .unwrap(),
        None
    );
}

contract!(an_acceptance_that_read_its_clock_before_the_role_went_is_refused);
async fn an_acceptance_that_read_its_clock_before_the_role_went_is_refused(env: Env) {
    let org = org(&env, "acme").await;
    let billing = add_role(&env, &org, "Billing").await;
    let mut offered = invitation(&org, "bob@acme.test", "MEMBER");
    offered.role = billing.clone();
    offered.expires_at = offered.created_at + Duration::minutes(1);
    env.invitations
        .create(
            org.id(),
            &offered,
            &TokenHash::of("inv_bob"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    // By the delete's clock the invitation has expired, so it holds nothing
    // back; the acceptance read its clock a moment before that.
    let mut deletion = audit(org.id(), None, "role.deleted");
    deletion.created_at += Duration::minutes(2);
    env.roles
        .delete(org.id(), billing.id, &deletion)
        .await
        .unwrap();

    let bob = user(&env, "bob@acme.test").await;
    let mut membership = org.membership(&bob, "MEMBER");
    membership.role = billing.clone();
    let err = env
        .invitations
        .accept(
            org.id(),
            offered.id,
            &membership,
            &audit(org.id(), Some(bob.id), "member.joined"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "invitation"
            }
        ),
        "{err:?}"
    );
    assert!(
        env.memberships
            .find(org.id(), bob.id)
            .await
            .unwrap()
            .is_none()
    );
}

contract!(built_in_and_other_tenants_roles_are_not_deleted);
async fn built_in_and_other_tenants_roles_are_not_deleted(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let billing = add_role(&env, &acme, "Billing").await;
    let before = actions(&env, acme.id()).await;

    for builtin in ["OWNER", "VIEWER"] {
        let err = delete_role(&env, &acme.role(builtin)).await.unwrap_err();
        assert!(
            matches!(&err, DomainError::Conflict(m) if m.contains(&format!("built-in role `{builtin}`"))),
            "{err:?}"
        );
    }
    // acme's role addressed through globex, and an id nobody has.
    for id in [billing.id, RoleId::generate()] {
        let err = env
            .roles
            .delete(globex.id(), id, &audit(globex.id(), None, "role.deleted"))
            .await
            .unwrap_err();
        assert!(
            matches!(err, DomainError::NotFound { entity: "role" }),
            "{err:?}"
        );
        assert_eq!(env.roles.find(globex.id(), id).await.unwrap(), None);
    }

    assert_eq!(
        role_names(&env, &acme).await,
        ["OWNER", "ADMIN", "MEMBER", "VIEWER", "Billing"]
    );
    assert_eq!(actions(&env, acme.id()).await, before);
    assert_eq!(actions(&env, globex.id()).await, ["tenant.created"]);
}

race!(a_role_given_to_a_member_while_it_is_deleted_is_either_given_or_deleted);
async fn a_role_given_to_a_member_while_it_is_deleted_is_either_given_or_deleted(env: Env) {
    // A few rounds, since a race shows only when the two interleave.
    for round in 0..5 {
        let org = org(&env, &format!("race-{round}")).await;
        let billing = add_role(&env, &org, "Billing").await;
        let ada = join(&env, &org, &format!("ada@race-{round}.test"), "MEMBER").await;
        let change = audit(org.id(), None, "member.role_changed");

        let (changed, deleted) = tokio::join!(
            env.memberships
                .change_role(org.id(), ada.id, &billing, &change),
            delete_role(&env, &billing),
        );

        let role = env.memberships.find(org.id(), ada.id).await.unwrap();
        let role = role.unwrap().role;
        match (changed, deleted) {
            (Ok(()), Err(DomainError::Conflict(_))) => {
                assert_eq!(role.id, billing.id);
                assert!(
                    env.roles
                        .find(org.id(), billing.id)
                        .await
                        .unwrap()
                        .is_some()
                );
            }
            (Err(DomainError::NotFound { entity: "role" }), Ok(())) => {
                assert_eq!(role.name, "MEMBER");
            }
            other => panic!("a member holds a deleted role, or neither happened: {other:?}"),
        }
    }
}
