use chrono::Duration;
use trellis_kernel::{DomainError, PageRequest};
use trellis_tenancy::{Plan, TokenHash};

use crate::support::*;

contract!(an_invitation_is_found_by_its_token_and_listed_while_pending);
async fn an_invitation_is_found_by_its_token_and_listed_while_pending(env: Env) {
    let org = org(&env, "acme").await;
    let invitation = invitation(&org, "ada@example.com", "MEMBER");
    let token = TokenHash::of("inv_secret");
    env.invitations
        .create(
            org.id(),
            &invitation,
            &token,
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();

    let found = env.invitations.find_by_token(&token).await.unwrap();
    assert_eq!(found.as_ref(), Some(&invitation));
    assert_eq!(
        env.invitations
            .find_by_token(&TokenHash::of("other"))
            .await
            .unwrap(),
        None
    );

    let now = now();
    assert_eq!(
        env.invitations.count_pending(org.id(), now).await.unwrap(),
        1
    );
    let page = env
        .invitations
        .list_pending(org.id(), now, PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(page.items, std::slice::from_ref(&invitation));

    // Expired a week later: no longer pending.
    let later = invitation.expires_at + Duration::seconds(1);
    assert_eq!(
        env.invitations
            .count_pending(org.id(), later)
            .await
            .unwrap(),
        0
    );
    assert!(
        env.invitations
            .list_pending(org.id(), later, PageRequest::first(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(actions(&env, org.id()).await[0], "member.invited");
}

contract!(pending_invitations_are_paged);
async fn pending_invitations_are_paged(env: Env) {
    let org = org(&env, "acme").await;
    let mut ids = Vec::new();
    for n in 0..3 {
        let invitation = invitation(&org, &format!("p{n}@example.com"), "VIEWER");
        let token = TokenHash::of(&format!("inv_{n}"));
        env.invitations
            .create(
                org.id(),
                &invitation,
                &token,
                &audit(org.id(), None, "member.invited"),
            )
            .await
            .unwrap();
        ids.push(invitation.id);
    }
    let first = env
        .invitations
        .list_pending(org.id(), now(), PageRequest::first(2))
        .await
        .unwrap();
    assert_eq!(
        first.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        ids[..2]
    );
    assert!(first.has_next_page);
    let after = trellis_kernel::Cursor(ids[1].as_uuid());
    let rest = env
        .invitations
        .list_pending(
            org.id(),
            now(),
            PageRequest {
                first: 2,
                after: Some(after),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        rest.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        ids[2..]
    );
    assert!(!rest.has_next_page);
}

contract!(a_second_pending_invitation_of_one_email_is_a_conflict);
async fn a_second_pending_invitation_of_one_email_is_a_conflict(env: Env) {
    let org = org(&env, "acme").await;
    let first = invitation(&org, "ada@example.com", "MEMBER");
    env.invitations
        .create(
            org.id(),
            &first,
            &TokenHash::of("inv_1"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();

    let second = invitation(&org, "ada@example.com", "ADMIN");
    let err = env
        .invitations
        .create(
            org.id(),
            &second,
            &TokenHash::of("inv_2"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("ada@example.com")),
        "{err:?}"
    );
    assert_eq!(
        env.invitations
            .find_by_token(&TokenHash::of("inv_2"))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        env.invitations
            .count_pending(org.id(), now())
            .await
            .unwrap(),
        1
    );
}

contract!(an_expired_invitation_does_not_block_a_new_one);
async fn an_expired_invitation_does_not_block_a_new_one(env: Env) {
    let org = org(&env, "acme").await;
    let mut old = invitation(&org, "ada@example.com", "MEMBER");
    old.created_at -= Duration::days(8);
    old.expires_at -= Duration::days(8);
    env.invitations
        .create(
            org.id(),
            &old,
            &TokenHash::of("inv_old"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    let fresh = invitation(&org, "ada@example.com", "MEMBER");
    env.invitations
        .create(
            org.id(),
            &fresh,
            &TokenHash::of("inv_new"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    assert_eq!(
        env.invitations
            .count_pending(org.id(), now())
            .await
            .unwrap(),
        1
    );
}

contract!(accepting_adds_the_member_once);
async fn accepting_adds_the_member_once(env: Env) {
    let org = org(&env, "acme").await;
    let ada = user(&env, "ada@example.com").await;
    let invitation = invitation(&org, "ada@example.com", "MEMBER");
    let token = TokenHash::of("inv_secret");
    env.invitations
        .create(
            org.id(),
            &invitation,
            &token,
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();

    let membership = org.membership(&ada, "MEMBER");
    env.invitations
        .accept(
            org.id(),
            invitation.id,
            &membership,
            &audit(org.id(), Some(ada.id), "member.joined"),
        )
        .await
        .unwrap();

    assert_eq!(
        env.memberships.find(org.id(), ada.id).await.unwrap(),
        Some(membership.clone())
    );
    let accepted = env
        .invitations
        .find_by_token(&token)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(accepted.accepted_at, Some(membership.created_at));
    assert_eq!(
        env.invitations
            .count_pending(org.id(), now())
            .await
            .unwrap(),
        0
    );
    assert_eq!(actions(&env, org.id()).await[0], "member.joined");

    let again = org.membership(&ada, "MEMBER");
    let err = env
        .invitations
        .accept(
            org.id(),
            invitation.id,
            &again,
            &audit(org.id(), Some(ada.id), "member.joined"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    assert_eq!(env.memberships.count(org.id()).await.unwrap(), 2);
    assert_eq!(
        actions(&env, org.id())
            .await
            .iter()
            .filter(|a| *a == "member.joined")
            .count(),
        1
    );
}

contract!(accepting_as_an_existing_member_is_a_conflict_and_leaves_the_invitation_open);
async fn accepting_as_an_existing_member_is_a_conflict_and_leaves_the_invitation_open(env: Env) {
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@example.com", "MEMBER").await;
    let second = invitation(&org, "ada@example.com", "ADMIN");
    let token = TokenHash::of("inv_second");
    env.invitations
        .create(
            org.id(),
            &second,
            &token,
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();

    let err = env
        .invitations
        .accept(
            org.id(),
            second.id,
            &org.membership(&ada, "ADMIN"),
            &audit(org.id(), None, "member.joined"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    let stored = env
        .invitations
        .find_by_token(&token)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.accepted_at, None);
    assert_eq!(
        env.memberships
            .find(org.id(), ada.id)
            .await
            .unwrap()
            .unwrap()
            .role
            .name,
        "MEMBER"
    );
}

contract!(accepting_past_the_member_limit_is_refused);
async fn accepting_past_the_member_limit_is_refused(env: Env) {
    let org = org_on(&env, "small", Plan::Free).await;
    let max = Plan::Free.limits().max_members.unwrap();
    for n in 1..max {
        join(&env, &org, &format!("m{n}@example.com"), "VIEWER").await;
    }
    assert_eq!(env.memberships.count(org.id()).await.unwrap(), max);

    let late = user(&env, "late@example.com").await;
    let invitation = invitation(&org, "late@example.com", "VIEWER");
    env.invitations
        .create(
            org.id(),
            &invitation,
            &TokenHash::of("inv_late"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    let err = env
        .invitations
        .accept(
            org.id(),
            invitation.id,
            &org.membership(&late, "VIEWER"),
            &audit(org.id(), None, "member.joined"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::LimitExceeded { .. }), "{err:?}");
    assert_eq!(env.memberships.count(org.id()).await.unwrap(), max);
    assert_eq!(
        env.invitations
            .count_pending(org.id(), now())
            .await
            .unwrap(),
        1
    );
}

contract!(an_unknown_or_expired_invitation_cannot_be_accepted);
async fn an_unknown_or_expired_invitation_cannot_be_accepted(env: Env) {
    let org = org(&env, "acme").await;
    let ada = user(&env, "ada@example.com").await;
    let ghost = invitation(&org, "ada@example.com", "MEMBER");
    let err = env
        .invitations
        .accept(
            org.id(),
            ghost.id,
            &org.membership(&ada, "MEMBER"),
            &audit(org.id(), None, "member.joined"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");

    let mut expired = invitation(&org, "ada@example.com", "MEMBER");
    expired.created_at -= Duration::days(8);
    expired.expires_at -= Duration::days(8);
    env.invitations
        .create(
            org.id(),
            &expired,
            &TokenHash::of("inv_expired"),
            &audit(org.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    let err = env
        .invitations
        .accept(
            org.id(),
            expired.id,
            &org.membership(&ada, "MEMBER"),
            &audit(org.id(), None, "member.joined"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
    assert!(
        env.memberships
            .find(org.id(), ada.id)
            .await
            .unwrap()
            .is_none()
    );
}
