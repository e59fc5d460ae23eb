use trellis_kernel::{Cursor, DomainError, PageRequest, UserId};

use crate::support::*;

contract!(members_are_listed_in_joining_order_page_by_page);
async fn members_are_listed_in_joining_order_page_by_page(env: Env) {
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@acme.test", "ADMIN").await;
    let bob = join(&env, &org, "bob@acme.test", "VIEWER").await;

    let first = env
        .memberships
        .list(org.id(), PageRequest::first(2))
        .await
        .unwrap();
    let users: Vec<_> = first.items.iter().map(|m| m.user.id).collect();
    assert_eq!(users, [org.owner.id, ada.id]);
    assert!(first.has_next_page);
    assert_eq!(first.items[0].user, org.owner);
    assert!(first.items[0].role.is_owner());
    assert_eq!(first.items[1].role.name, "ADMIN");

    let after = Cursor(first.items[1].membership_id.as_uuid());
    let rest = env
        .memberships
        .list(
            org.id(),
            PageRequest {
                first: 2,
                after: Some(after),
            },
        )
        .await
        .unwrap();
    assert_eq!(rest.items.len(), 1);
    assert_eq!(rest.items[0].user, bob);
    assert_eq!(rest.items[0].role.name, "VIEWER");
    assert!(!rest.has_next_page);

    assert_eq!(env.memberships.count(org.id()).await.unwrap(), 3);
    assert_eq!(env.memberships.count_owners(org.id()).await.unwrap(), 1);
}

contract!(a_user_sees_every_tenant_they_belong_to_with_their_role);
async fn a_user_sees_every_tenant_they_belong_to_with_their_role(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = join(&env, &acme, "ada@example.com", "ADMIN").await;
    let membership = globex.membership(&ada, "VIEWER");
    let token = trellis_tenancy::TokenHash::of("inv_ada_globex");
    let invitation = invitation(&globex, "ada@example.com", "VIEWER");
    env.invitations
        .create(
            globex.id(),
            &invitation,
            &token,
            &audit(globex.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    env.invitations
        .accept(
            globex.id(),
            invitation.id,
            &membership,
            &audit(globex.id(), None, "member.joined"),
        )
        .await
        .unwrap();

    let tenants = env.memberships.list_for_user(ada.id).await.unwrap();
    let seen: Vec<_> = tenants
        .iter()
        .map(|m| (m.tenant.slug.as_str(), m.role.name.as_str()))
        .collect();
    assert_eq!(seen, [("acme", "ADMIN"), ("globex", "VIEWER")]);
    assert_eq!(tenants[0].tenant, acme.tenant);
    assert!(
        env.memberships
            .list_for_user(UserId::generate())
            .await
            .unwrap()
            .is_empty()
    );
}

contract!(a_role_change_is_written_with_its_audit_entry);
async fn a_role_change_is_written_with_its_audit_entry(env: Env) {
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@acme.test", "VIEWER").await;

    env.memberships
        .change_role(
            org.id(),
            ada.id,
            &org.role("ADMIN"),
            &audit(org.id(), None, "member.role_changed"),
        )
        .await
        .unwrap();

    let membership = env
        .memberships
        .find(org.id(), ada.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(membership.role, org.role("ADMIN"));
    assert_eq!(actions(&env, org.id()).await[0], "member.role_changed");
}

contract!(the_last_owner_cannot_be_demoted_and_nothing_changes);
async fn the_last_owner_cannot_be_demoted_and_nothing_changes(env: Env) {
    let org = org(&env, "acme").await;
    let before = actions(&env, org.id()).await;

    let err = env
        .memberships
        .change_role(
            org.id(),
            org.owner.id,
            &org.role("ADMIN"),
            &audit(org.id(), None, "member.role_changed"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("last OWNER")),
        "{err:?}"
    );

    let owner = env
        .memberships
        .find(org.id(), org.owner.id)
        .await
        .unwrap()
        .unwrap();
    assert!(owner.role.is_owner());
    assert_eq!(actions(&env, org.id()).await, before);
}

contract!(the_last_owner_cannot_be_removed_and_nothing_changes);
async fn the_last_owner_cannot_be_removed_and_nothing_changes(env: Env) {
    let org = org(&env, "acme").await;
    let before = actions(&env, org.id()).await;

    let err = env
        .memberships
        .remove(
            org.id(),
            org.owner.id,
            &audit(org.id(), None, "member.removed"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    assert!(
        env.memberships
            .find(org.id(), org.owner.id)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(actions(&env, org.id()).await, before);
}

contract!(one_of_two_owners_may_leave_but_not_both);
async fn one_of_two_owners_may_leave_but_not_both(env: Env) {
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@acme.test", "OWNER").await;
    assert_eq!(env.memberships.count_owners(org.id()).await.unwrap(), 2);

    env.memberships
        .remove(org.id(), ada.id, &audit(org.id(), None, "member.removed"))
        .await
        .unwrap();
    assert!(
        env.memberships
            .find(org.id(), ada.id)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(actions(&env, org.id()).await[0], "member.removed");

    let err = env
        .memberships
        .remove(
            org.id(),
            org.owner.id,
            &audit(org.id(), None, "member.removed"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
}

race!(two_owners_demoting_each_other_at_once_leave_one_owner);
async fn two_owners_demoting_each_other_at_once_leave_one_owner(env: Env) {
    // A few rounds, since a race shows only when the two interleave.
    for round in 0..5 {
        let org = org(&env, &format!("race-{round}")).await;
        let ada = join(&env, &org, &format!("ada@race-{round}.test"), "OWNER").await;
        let admin = org.role("ADMIN");
        let (a, b) = (
            audit(org.id(), None, "member.role_changed"),
            audit(org.id(), None, "member.role_changed"),
        );

        let (first, second) = tokio::join!(
            env.memberships
                .change_role(org.id(), org.owner.id, &admin, &a),
            env.memberships.change_role(org.id(), ada.id, &admin, &b),
        );

        assert!(first.is_ok() != second.is_ok(), "{first:?} / {second:?}");
        let failed = first.err().or(second.err()).unwrap();
        assert!(matches!(failed, DomainError::Conflict(_)), "{failed:?}");
        assert_eq!(env.memberships.count_owners(org.id()).await.unwrap(), 1);
    }
}

contract!(changing_or_removing_a_non_member_is_not_found);
async fn changing_or_removing_a_non_member_is_not_found(env: Env) {
    let org = org(&env, "acme").await;
    let stranger = user(&env, "stranger@example.com").await;

    let err = env
        .memberships
        .change_role(
            org.id(),
            stranger.id,
            &org.role("ADMIN"),
            &audit(org.id(), None, "x"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "member" }),
        "{err:?}"
    );
    let err = env
        .memberships
        .remove(org.id(), stranger.id, &audit(org.id(), None, "x"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "member" }),
        "{err:?}"
    );
    assert_eq!(actions(&env, org.id()).await, ["tenant.created"]);
}
