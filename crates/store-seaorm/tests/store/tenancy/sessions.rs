use chrono::Duration;
use trellis_kernel::{DomainError, SessionId, TenantId, UserId};
use trellis_tenancy::{RotateOutcome, Session, TokenHash, User};

use crate::support::*;

fn new_session(user: &User, tenant: Option<TenantId>) -> Session {
    let at = now();
    Session {
        id: SessionId::generate(),
        user_id: user.id,
        tenant_id: tenant,
        created_at: at,
        expires_at: at + Duration::days(30),
        revoked_at: None,
    }
}

async fn signed_in(env: &Env, org: &Org, token: &str) -> Session {
    let session = new_session(&org.owner, Some(org.id()));
    env.sessions
        .create(
            &session,
            &TokenHash::of(token),
            Some(audit(org.id(), Some(org.owner.id), "session.started")),
        )
        .await
        .unwrap();
    session
}

contract!(a_live_session_resolves_to_its_user_and_membership);
async fn a_live_session_resolves_to_its_user_and_membership(env: Env) {
    let org = org(&env, "acme").await;
    let session = signed_in(&env, &org, "rt_1").await;
    assert_eq!(actions(&env, org.id()).await[0], "session.started");

    let record = env
        .sessions
        .load_principal(session.id, org.owner.id, Some(org.id()), now())
        .await
        .unwrap()
        .expect("a principal");
    assert_eq!(record.session, session);
    assert_eq!(record.user, org.owner);
    let (tenant, role) = record.membership.expect("a membership");
    assert_eq!(tenant, org.tenant);
    assert!(role.is_owner());

    let without = env
        .sessions
        .load_principal(session.id, org.owner.id, None, now())
        .await
        .unwrap()
        .unwrap();
    assert!(without.membership.is_none());
}

contract!(a_session_of_another_user_or_past_its_expiry_resolves_to_nothing);
async fn a_session_of_another_user_or_past_its_expiry_resolves_to_nothing(env: Env) {
    let org = org(&env, "acme").await;
    let session = signed_in(&env, &org, "rt_1").await;
    let sessions = &env.sessions;

    assert!(
        sessions
            .load_principal(session.id, UserId::generate(), None, now())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        sessions
            .load_principal(SessionId::generate(), org.owner.id, None, now())
            .await
            .unwrap()
            .is_none()
    );
    let later = session.expires_at + Duration::seconds(1);
    assert!(
        sessions
            .load_principal(session.id, org.owner.id, None, later)
            .await
            .unwrap()
            .is_none()
    );
}

contract!(a_removed_member_keeps_the_session_but_not_the_tenant);
async fn a_removed_member_keeps_the_session_but_not_the_tenant(env: Env) {
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@acme.test", "ADMIN").await;
    let session = new_session(&ada, Some(org.id()));
    env.sessions
        .create(&session, &TokenHash::of("rt_ada"), None)
        .await
        .unwrap();

    env.memberships
        .remove(org.id(), ada.id, &audit(org.id(), None, "member.removed"))
        .await
        .unwrap();

    let record = env
        .sessions
        .load_principal(session.id, ada.id, Some(org.id()), now())
        .await
        .unwrap()
        .unwrap();
    assert!(record.membership.is_none());
}

contract!(a_member_of_two_tenants_resolves_to_the_role_of_the_tokens_tenant_only);
async fn a_member_of_two_tenants_resolves_to_the_role_of_the_tokens_tenant_only(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = join(&env, &acme, "ada@acme.test", "ADMIN").await;
    let globex_role = globex.role("VIEWER");
    env.invitations
        .accept(
            globex.id(),
            invite(&env, &globex, "ada@acme.test", "VIEWER", "inv_globex")
                .await
                .id,
            &globex.membership(&ada, "VIEWER"),
            &audit(globex.id(), Some(ada.id), "member.joined"),
        )
        .await
        .unwrap();
    let initech = org(&env, "initech").await;

    let resolve = |tenant: TenantId| {
        let env = &env;
        let ada = &ada;
        async move {
            let session = new_session(ada, Some(tenant));
            env.sessions
                .create(&session, &TokenHash::of(&format!("rt_{tenant}")), None)
                .await
                .unwrap();
            env.sessions
                .load_principal(session.id, ada.id, Some(tenant), now())
                .await
                .unwrap()
                .expect("the session resolves")
                .membership
        }
    };
    let (tenant, role) = resolve(acme.id()).await.expect("ada is in acme");
    assert_eq!((tenant.id, role.name.as_str()), (acme.id(), "ADMIN"));
    let (tenant, role) = resolve(globex.id()).await.expect("ada is in globex");
    assert_eq!((tenant.id, role.id), (globex.id(), globex_role.id));
    assert!(
        resolve(initech.id()).await.is_none(),
        "ada is not in initech"
    );
}

contract!(a_refresh_token_rotates_once_and_its_replay_revokes_the_session);
async fn a_refresh_token_rotates_once_and_its_replay_revokes_the_session(env: Env) {
    let org = org(&env, "acme").await;
    let session = signed_in(&env, &org, "rt_1").await;
    let (first, second, third) = (
        TokenHash::of("rt_1"),
        TokenHash::of("rt_2"),
        TokenHash::of("rt_3"),
    );

    let outcome = env.sessions.rotate(&first, &second, now()).await.unwrap();
    assert_eq!(outcome, RotateOutcome::Rotated(session.clone()));
    let outcome = env.sessions.rotate(&second, &third, now()).await.unwrap();
    assert_eq!(outcome, RotateOutcome::Rotated(session.clone()));

    // Someone replays the first token: the whole session ends.
    let outcome = env
        .sessions
        .rotate(&first, &TokenHash::of("rt_x"), now())
        .await
        .unwrap();
    assert_eq!(outcome, RotateOutcome::Reused);
    assert!(
        env.sessions
            .load_principal(session.id, org.owner.id, None, now())
            .await
            .unwrap()
            .is_none()
    );
    // Even the latest token is dead now.
    let outcome = env
        .sessions
        .rotate(&third, &TokenHash::of("rt_y"), now())
        .await
        .unwrap();
    assert_eq!(outcome, RotateOutcome::Invalid);
}

contract!(an_unknown_or_expired_refresh_token_is_invalid);
async fn an_unknown_or_expired_refresh_token_is_invalid(env: Env) {
    let org = org(&env, "acme").await;
    let session = signed_in(&env, &org, "rt_1").await;
    let sessions = &env.sessions;

    let outcome = sessions
        .rotate(&TokenHash::of("rt_unknown"), &TokenHash::of("rt_2"), now())
        .await
        .unwrap();
    assert_eq!(outcome, RotateOutcome::Invalid);
    let later = session.expires_at + Duration::seconds(1);
    let outcome = sessions
        .rotate(&TokenHash::of("rt_1"), &TokenHash::of("rt_2"), later)
        .await
        .unwrap();
    assert_eq!(outcome, RotateOutcome::Invalid);
}

race!(of_two_concurrent_uses_of_one_token_one_rotates_and_one_is_reused);
async fn of_two_concurrent_uses_of_one_token_one_rotates_and_one_is_reused(env: Env) {
    let org = org(&env, "acme").await;
    // A few rounds, since a race shows only when the two interleave.
    for round in 0..5 {
        let presented = TokenHash::of(&format!("rt_{round}"));
        let session = new_session(&org.owner, Some(org.id()));
        env.sessions
            .create(&session, &presented, None)
            .await
            .unwrap();
        let (a, b) = (
            TokenHash::of(&format!("rt_{round}_a")),
            TokenHash::of(&format!("rt_{round}_b")),
        );

        let (first, second) = tokio::join!(
            env.sessions.rotate(&presented, &a, now()),
            env.sessions.rotate(&presented, &b, now()),
        );
        let mut outcomes = [first.unwrap(), second.unwrap()];
        outcomes.sort_by_key(|o| matches!(o, RotateOutcome::Reused));
        assert_eq!(
            outcomes,
            [
                RotateOutcome::Rotated(session.clone()),
                RotateOutcome::Reused
            ]
        );
        assert!(
            env.sessions
                .load_principal(session.id, org.owner.id, None, now())
                .await
                .unwrap()
                .is_none()
        );
    }
}

contract!(switching_tenant_replaces_the_refresh_token);
async fn switching_tenant_replaces_the_refresh_token(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = join(&env, &acme, "ada@example.com", "MEMBER").await;
    let invitation = invitation(&globex, "ada@example.com", "VIEWER");
    env.invitations
        .create(
            globex.id(),
            &invitation,
            &TokenHash::of("inv_g"),
            &audit(globex.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    env.invitations
        .accept(
            globex.id(),
            invitation.id,
            &globex.membership(&ada, "VIEWER"),
            &audit(globex.id(), None, "member.joined"),
        )
        .await
        .unwrap();
    let session = new_session(&ada, Some(acme.id()));
    env.sessions
        .create(&session, &TokenHash::of("rt_old"), None)
        .await
        .unwrap();

    env.sessions
        .switch_tenant(
            session.id,
            globex.id(),
            &TokenHash::of("rt_new"),
            now(),
            &audit(globex.id(), Some(ada.id), "session.switched"),
        )
        .await
        .unwrap();
    assert_eq!(actions(&env, globex.id()).await[0], "session.switched");

    let record = env
        .sessions
        .load_principal(session.id, ada.id, Some(globex.id()), now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.session.tenant_id, Some(globex.id()));
    assert_eq!(record.membership.unwrap().1.name, "VIEWER");

    let RotateOutcome::Rotated(rotated) = env
        .sessions
        .rotate(&TokenHash::of("rt_new"), &TokenHash::of("rt_newer"), now())
        .await
        .unwrap()
    else {
        panic!("the new token rotates");
    };
    assert_eq!(rotated.tenant_id, Some(globex.id()));
}

contract!(after_a_switch_the_previous_refresh_token_is_a_replay);
async fn after_a_switch_the_previous_refresh_token_is_a_replay(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let session = signed_in(&env, &acme, "rt_old").await;

    env.sessions
        .switch_tenant(
            session.id,
            globex.id(),
            &TokenHash::of("rt_new"),
            now(),
            &audit(globex.id(), None, "session.switched"),
        )
        .await
        .unwrap();
    let outcome = env
        .sessions
        .rotate(&TokenHash::of("rt_old"), &TokenHash::of("rt_x"), now())
        .await
        .unwrap();
    assert_eq!(outcome, RotateOutcome::Reused);
}

contract!(an_ended_session_cannot_switch_tenant);
async fn an_ended_session_cannot_switch_tenant(env: Env) {
    let org = org(&env, "acme").await;
    let session = signed_in(&env, &org, "rt_1").await;
    env.sessions.revoke(session.id, now(), None).await.unwrap();

    let err = env
        .sessions
        .switch_tenant(
            session.id,
            org.id(),
            &TokenHash::of("rt_2"),
            now(),
            &audit(org.id(), None, "session.switched"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "session" }),
        "{err:?}"
    );
    assert_eq!(actions(&env, org.id()).await[0], "session.started");
}

contract!(revoking_ends_the_session_and_is_audited_once);
async fn revoking_ends_the_session_and_is_audited_once(env: Env) {
    let org = org(&env, "acme").await;
    let session = signed_in(&env, &org, "rt_1").await;

    for _ in 0..2 {
        env.sessions
            .revoke(
                session.id,
                now(),
                Some(audit(org.id(), Some(org.owner.id), "session.ended")),
            )
            .await
            .unwrap();
    }
    assert!(
        env.sessions
            .load_principal(session.id, org.owner.id, None, now())
            .await
            .unwrap()
            .is_none()
    );
    let outcome = env
        .sessions
        .rotate(&TokenHash::of("rt_1"), &TokenHash::of("rt_2"), now())
        .await
        .unwrap();
    assert_eq!(outcome, RotateOutcome::Invalid);
    let ended = actions(&env, org.id())
        .await
        .iter()
        .filter(|a| *a == "session.ended")
        .count();
    assert_eq!(ended, 1);
    // Revoking an unknown session changes nothing and is no error.
    env.sessions
        .revoke(SessionId::generate(), now(), None)
        .await
        .unwrap();
}
