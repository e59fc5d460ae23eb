//! A tenant-scoped call made with another tenant's id finds nothing and
//! changes nothing.

use trellis_kernel::AuditFilter;
use trellis_kernel::{DomainError, PageRequest};
use trellis_tenancy::TokenHash;

use crate::support::*;

contract!(reads_with_another_tenants_id_find_nothing);
async fn reads_with_another_tenants_id_find_nothing(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = join(&env, &acme, "ada@acme.test", "ADMIN").await;
    let pending = invitation(&acme, "bob@acme.test", "MEMBER");
    env.invitations
        .create(
            acme.id(),
            &pending,
            &TokenHash::of("inv_bob"),
            &audit(acme.id(), None, "member.invited"),
        )
        .await
        .unwrap();

    assert!(
        env.memberships
            .find(globex.id(), ada.id)
            .await
            .unwrap()
            .is_none()
    );
    let members = env
        .memberships
        .list(globex.id(), PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(
        members.items.iter().map(|m| m.user.id).collect::<Vec<_>>(),
        [globex.owner.id]
    );
    assert_eq!(env.memberships.count(globex.id()).await.unwrap(), 1);
    let roles = env.roles.list(globex.id()).await.unwrap();
    assert_eq!(roles.len(), 4, "globex's four built-in roles: {roles:?}");
    assert!(roles.iter().all(|r| r.tenant_id == globex.id()));
    assert_eq!(
        env.invitations
            .count_pending(globex.id(), now())
            .await
            .unwrap(),
        0
    );
    assert!(
        env.invitations
            .list_pending(globex.id(), now(), PageRequest::first(10))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let log = env
        .audit
        .list(
            globex.id(),
            &AuditFilter::default(),
            PageRequest::first(100),
        )
        .await
        .unwrap();
    assert!(log.items.iter().all(|e| e.tenant_id == globex.id()));
    assert_eq!(log.items.len(), 1);
    assert!(
        env.sessions
            .load_principal(
                trellis_kernel::SessionId::generate(),
                ada.id,
                Some(globex.id()),
                now()
            )
            .await
            .unwrap()
            .is_none()
    );
}

contract!(writes_with_another_tenants_id_change_nothing);
async fn writes_with_another_tenants_id_change_nothing(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = join(&env, &acme, "ada@acme.test", "VIEWER").await;
    let before_acme = actions(&env, acme.id()).await;
    let before_globex = actions(&env, globex.id()).await;

    // acme's member, addressed through globex.
    let err = env
        .memberships
        .change_role(
            globex.id(),
            ada.id,
            &globex.role("ADMIN"),
            &audit(globex.id(), None, "member.role_changed"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
    let err = env
        .memberships
        .remove(
            globex.id(),
            ada.id,
            &audit(globex.id(), None, "member.removed"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");

    // acme's member given globex's role.
    let err = env
        .memberships
        .change_role(
            acme.id(),
            ada.id,
            &globex.role("OWNER"),
            &audit(acme.id(), None, "member.role_changed"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");

    // acme's invitation accepted through globex.
    let invitation = invitation(&acme, "bob@acme.test", "MEMBER");
    env.invitations
        .create(
            acme.id(),
            &invitation,
            &TokenHash::of("inv_bob"),
            &audit(acme.id(), None, "member.invited"),
        )
        .await
        .unwrap();
    let bob = user(&env, "bob@acme.test").await;
    let err = env
        .invitations
        .accept(
            globex.id(),
            invitation.id,
            &globex.membership(&bob, "MEMBER"),
            &audit(globex.id(), None, "member.joined"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");

    assert_eq!(
        env.memberships
            .find(acme.id(), ada.id)
            .await
            .unwrap()
            .unwrap()
            .role
            .name,
        "VIEWER"
    );
    assert!(
        env.memberships
            .find(globex.id(), bob.id)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        env.invitations
            .count_pending(acme.id(), now())
            .await
            .unwrap(),
        1
    );
    assert_eq!(actions(&env, acme.id()).await[1..], before_acme[..]);
    assert_eq!(actions(&env, globex.id()).await, before_globex);
}

contract!(an_invitation_to_another_tenants_role_is_refused);
async fn an_invitation_to_another_tenants_role_is_refused(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let mut invitation = invitation(&acme, "bob@example.com", "MEMBER");
    invitation.role = globex.role("OWNER");

    let err = env
        .invitations
        .create(
            acme.id(),
            &invitation,
            &TokenHash::of("inv_x"),
            &audit(acme.id(), None, "member.invited"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "role" }),
        "{err:?}"
    );
    assert_eq!(
        env.invitations
            .find_by_token(&TokenHash::of("inv_x"))
            .await
            .unwrap(),
        None
    );
    assert_eq!(actions(&env, acme.id()).await, ["tenant.created"]);
}
