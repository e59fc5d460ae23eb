use trellis_kernel::DomainError;
use trellis_tenancy::TokenHash;

use crate::support::*;

contract!(a_revoked_invitation_stops_working_and_frees_its_place);
async fn a_revoked_invitation_stops_working_and_frees_its_place(env: Env) {
    let org = org(&env, "acme").await;
    let invitation = invite(&env, &org, "ada@example.com", "MEMBER", "inv_revoke_me").await;
    let token = TokenHash::of("inv_revoke_me");

    env.invitations
        .revoke(
            org.id(),
            invitation.id,
            &audit(org.id(), None, "invitation.revoked"),
        )
        .await
        .unwrap();

    assert_eq!(env.invitations.find_by_token(&token).await.unwrap(), None);
    assert_eq!(
        env.invitations
            .count_pending(org.id(), now())
            .await
            .unwrap(),
        0
    );
    assert!(
        actions(&env, org.id())
            .await
            .contains(&"invitation.revoked".to_owned())
    );

    let again = env
        .invitations
        .revoke(
            org.id(),
            invitation.id,
            &audit(org.id(), None, "invitation.revoked"),
        )
        .await
        .unwrap_err();
    assert!(matches!(again, DomainError::NotFound { .. }), "{again:?}");
}

contract!(another_tenants_invitation_cannot_be_revoked);
async fn another_tenants_invitation_cannot_be_revoked(env: Env) {
    let a = org(&env, "tenant-a").await;
    let b = org(&env, "tenant-b").await;
    let invitation = invite(&env, &a, "ada@example.com", "MEMBER", "inv_of_a").await;
    let token = TokenHash::of("inv_of_a");
    let before = actions(&env, b.id()).await;

    let err = env
        .invitations
        .revoke(
            b.id(),
            invitation.id,
            &audit(b.id(), None, "invitation.revoked"),
        )
        .await
        .unwrap_err();

    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
    assert_eq!(
        env.invitations.find_by_token(&token).await.unwrap(),
        Some(invitation)
    );
    assert_eq!(actions(&env, b.id()).await, before);
}

contract!(an_accepted_invitation_cannot_be_revoked);
async fn an_accepted_invitation_cannot_be_revoked(env: Env) {
    let org = org(&env, "acme").await;
    let ada = user(&env, "ada@example.com").await;
    let invitation = invite(&env, &org, "ada@example.com", "MEMBER", "inv_x").await;
    env.invitations
        .accept(
            org.id(),
            invitation.id,
            &org.membership(&ada, "MEMBER"),
            &audit(org.id(), Some(ada.id), "member.joined"),
        )
        .await
        .unwrap();

    let err = env
        .invitations
        .revoke(
            org.id(),
            invitation.id,
            &audit(org.id(), None, "invitation.revoked"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
    assert!(
        env.memberships
            .find(org.id(), ada.id)
            .await
            .unwrap()
            .is_some()
    );
}
