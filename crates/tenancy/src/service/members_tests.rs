use mockall::predicate::eq;

use super::super::test_support::*;
use super::*;
use crate::role::BuiltinRole;
use crate::user::{User, UserCredentials};

fn user(email: &str) -> User {
    User {
        id: UserId::generate(),
        email: Email::from_trusted(email.into()),
        name: "Ada".into(),
        is_platform_admin: false,
        created_at: now(),
    }
}

fn membership(tenant: trellis_kernel::TenantId, user: UserId, role: BuiltinRole) -> Membership {
    Membership {
        id: MembershipId::generate(),
        tenant_id: tenant,
        user_id: user,
        role: super::super::test_support::role(tenant, role),
        created_at: now(),
    }
}

fn invite_input(role: &str) -> InviteMember {
    InviteMember {
        email: "Grace@Example.com".into(),
        role: role.into(),
    }
}

/// Mocks for an invitation into `tenant` by someone who finds `role` by name.
fn invite_mocks(tenant: &Tenant, members: u64, pending: u64) -> Mocks {
    let mut mocks = Mocks::new();
    let tenant_id = tenant.id;
    mocks
        .roles
        .expect_find_by_name()
        .withf(move |t, _| *t == tenant_id)
        .returning(move |_, name| {
            Ok(
                BuiltinRole::from_name(name)
                    .map(|b| super::super::test_support::role(tenant_id, b)),
            )
        });
    mocks.users.expect_find_by_email().returning(|_| Ok(None));
    let found = tenant.clone();
    mocks
        .tenants
        .expect_find()
        .with(eq(tenant_id))
        .returning(move |_| Ok(Some(found.clone())));
    mocks
        .memberships
        .expect_count()
        .with(eq(tenant_id))
        .returning(move |_| Ok(members));
    mocks
        .invitations
        .expect_count_pending()
        .withf(move |t, _| *t == tenant_id)
        .returning(move |_, _| Ok(pending));
    mocks
}

#[tokio::test]
async fn an_admin_invites_a_member_and_gets_a_token_once() {
    let tenant = tenant();
    let mut mocks = invite_mocks(&tenant, 1, 0);
    let tenant_id = tenant.id;
    mocks
        .invitations
        .expect_create()
        .withf(move |t, invitation, token, audit| {
            *t == tenant_id
                && invitation.tenant_id == tenant_id
                && audit.tenant_id == tenant_id
                && invitation.email.as_str() == "grace@example.com"
                && invitation.role.name == "MEMBER"
                && token.as_str().len() == 64
                && audit.action == "member.invited"
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let service = MemberService::new(mocks.into_deps());
    let issued = service
        .invite(
            &ctx_in(tenant.id, BuiltinRole::Admin),
            invite_input("MEMBER"),
        )
        .await
        .unwrap();
    assert!(issued.token.starts_with("inv_"));
    assert_eq!(issued.invitation.expires_at, now() + Duration::days(7));
}

#[tokio::test]
async fn an_admin_cannot_invite_an_owner() {
    let tenant = tenant();
    let service = MemberService::new(invite_mocks(&tenant, 1, 0).into_deps());
    let err = service
        .invite(
            &ctx_in(tenant.id, BuiltinRole::Admin),
            invite_input("OWNER"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn a_member_cannot_invite_at_all() {
    let service = MemberService::new(Mocks::new().into_deps());
    let err = service
        .invite(&ctx(BuiltinRole::Member), invite_input("VIEWER"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("members.invite"), "{err}");
}

#[tokio::test]
async fn a_bad_email_and_an_unknown_role_are_both_reported() {
    let tenant = tenant();
    let service = MemberService::new(invite_mocks(&tenant, 1, 0).into_deps());
    let err = service
        .invite(
            &ctx_in(tenant.id, BuiltinRole::Owner),
            InviteMember {
                email: "nope".into(),
                role: "EMPEROR".into(),
            },
        )
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = err else {
        panic!("expected validation, got {err:?}");
    };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["email", "role"]);
}

#[tokio::test]
async fn pending_invitations_count_toward_the_member_limit() {
    let tenant = tenant(); // FREE: 5 members
    let service = MemberService::new(invite_mocks(&tenant, 3, 2).into_deps());
    let err = service
        .invite(
            &ctx_in(tenant.id, BuiltinRole::Owner),
            invite_input("MEMBER"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::LimitExceeded {
                limit: "members",
                max: 5
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn inviting_an_existing_member_is_a_conflict() {
    let tenant = tenant();
    let mut mocks = Mocks::new();
    let tenant_id = tenant.id;
    mocks
        .roles
        .expect_find_by_name()
        .withf(move |t, _| *t == tenant_id)
        .returning(move |_, _| {
            Ok(Some(super::super::test_support::role(
                tenant_id,
                BuiltinRole::Member,
            )))
        });
    let existing = user("grace@example.com");
    let existing_id = existing.id;
    mocks.users.expect_find_by_email().returning(move |_| {
        Ok(Some(UserCredentials {
            user: existing.clone(),
            password_hash: String::new(),
        }))
    });
    mocks
        .memberships
        .expect_find()
        .with(eq(tenant_id), eq(existing_id))
        .returning(move |t, u| Ok(Some(membership(t, u, BuiltinRole::Member))));
    let service = MemberService::new(mocks.into_deps());
    let err = service
        .invite(
            &ctx_in(tenant.id, BuiltinRole::Owner),
            invite_input("MEMBER"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
}

fn invitation_for(tenant: &Tenant, email: &str) -> Invitation {
    Invitation {
        id: InvitationId::generate(),
        tenant_id: tenant.id,
        email: Email::from_trusted(email.into()),
        role: super::super::test_support::role(tenant.id, BuiltinRole::Member),
        invited_by: UserId::generate(),
        created_at: now(),
        expires_at: now() + Duration::days(1),
        accepted_at: None,
    }
}

#[tokio::test]
async fn an_invitation_is_accepted_only_with_the_invited_email() {
    let tenant = tenant();
    let invitation = invitation_for(&tenant, "grace@example.com");
    let mut mocks = Mocks::new();
    mocks
        .invitations
        .expect_find_by_token()
        .returning(move |_| Ok(Some(invitation.clone())));
    let other = user("mallory@example.com");
    mocks
        .users
        .expect_find()
        .returning(move |_| Ok(Some(other.clone())));
    let service = MemberService::new(mocks.into_deps());
    let err = service.accept(&actor(), "inv_x").await.unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn an_expired_invitation_is_not_found() {
    let tenant = tenant();
    let mut invitation = invitation_for(&tenant, "grace@example.com");
    invitation.expires_at = now() - Duration::seconds(1);
    let mut mocks = Mocks::new();
    mocks
        .invitations
        .expect_find_by_token()
        .returning(move |_| Ok(Some(invitation.clone())));
    let service = MemberService::new(mocks.into_deps());
    let err = service.accept(&actor(), "inv_x").await.unwrap_err();
    assert!(
        matches!(
            err,
            DomainError::NotFound {
                entity: "invitation"
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn accepting_adds_the_membership_with_the_invited_role() {
    let tenant = tenant();
    let invitation = invitation_for(&tenant, "grace@example.com");
    let invitation_id = invitation.id;
    let mut mocks = Mocks::new();
    mocks
        .invitations
        .expect_find_by_token()
        .returning(move |_| Ok(Some(invitation.clone())));
    let grace = user("grace@example.com");
    let grace_id = grace.id;
    mocks
        .users
        .expect_find()
        .returning(move |_| Ok(Some(grace.clone())));
    let found = tenant.clone();
    let tenant_id = tenant.id;
    mocks
        .tenants
        .expect_find()
        .with(eq(tenant_id))
        .returning(move |_| Ok(Some(found.clone())));
    mocks
        .memberships
        .expect_count()
        .with(eq(tenant_id))
        .returning(|_| Ok(2));
    mocks
        .invitations
        .expect_accept()
        .withf(move |t, id, membership, audit| {
            *t == tenant_id
                && membership.tenant_id == tenant_id
                && audit.tenant_id == tenant_id
                && *id == invitation_id
                && membership.user_id == grace_id
                && membership.role.name == "MEMBER"
                && audit.action == "member.joined"
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let service = MemberService::new(mocks.into_deps());
    let accepted = service.accept(&actor(), "inv_x").await.unwrap();
    assert_eq!(accepted.tenant.id, tenant.id);
}

/// Mocks where `target` holds `current` in `tenant` and roles resolve by name.
fn role_change_mocks(
    tenant: trellis_kernel::TenantId,
    target: UserId,
    current: BuiltinRole,
    owners: u64,
) -> Mocks {
    let mut mocks = Mocks::new();
    mocks
        .memberships
        .expect_find()
        .with(eq(tenant), eq(target))
        .returning(move |t, u| Ok(Some(membership(t, u, current))));
    mocks
        .roles
        .expect_find_by_name()
        .withf(move |t, _| *t == tenant)
        .returning(move |_, name| {
            Ok(BuiltinRole::from_name(name).map(|b| super::super::test_support::role(tenant, b)))
        });
    mocks
        .memberships
        .expect_count_owners()
        .with(eq(tenant))
        .returning(move |_| Ok(owners));
    mocks
}

#[tokio::test]
async fn the_last_owner_cannot_be_demoted() {
    let owner = ctx(BuiltinRole::Owner);
    let mocks = role_change_mocks(owner.tenant_id, owner.user_id(), BuiltinRole::Owner, 1);
    let service = MemberService::new(mocks.into_deps());
    let err = service
        .change_role(&owner, owner.user_id(), "ADMIN")
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
}

#[tokio::test]
async fn the_last_owner_cannot_be_removed_even_by_leaving() {
    let owner = ctx(BuiltinRole::Owner);
    let mocks = role_change_mocks(owner.tenant_id, owner.user_id(), BuiltinRole::Owner, 1);
    let service = MemberService::new(mocks.into_deps());
    let err = service.remove(&owner, owner.user_id()).await.unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
}

#[tokio::test]
async fn an_admin_cannot_demote_an_owner() {
    let admin = ctx(BuiltinRole::Admin);
    let target = UserId::generate();
    let mocks = role_change_mocks(admin.tenant_id, target, BuiltinRole::Owner, 2);
    let service = MemberService::new(mocks.into_deps());
    let err = service
        .change_role(&admin, target, "MEMBER")
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn a_member_of_another_tenant_is_not_found() {
    let admin = ctx(BuiltinRole::Admin);
    let stranger = UserId::generate();
    // The stranger is a member elsewhere; asked within the admin's tenant,
    // the store knows no such member. Any other tenant matches no expectation.
    let mut mocks = Mocks::new();
    mocks
        .memberships
        .expect_find()
        .with(eq(admin.tenant_id), eq(stranger))
        .returning(|_, _| Ok(None));
    let service = MemberService::new(mocks.into_deps());
    let err = service
        .change_role(&admin, stranger, "VIEWER")
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "member" }),
        "{err:?}"
    );
    let err = service.remove(&admin, stranger).await.unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "member" }),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_owner_promotes_a_member_with_before_and_after_in_the_audit() {
    let owner = ctx(BuiltinRole::Owner);
    let tenant = owner.tenant_id;
    let target = user("grace@example.com");
    let target_id = target.id;
    let mut mocks = role_change_mocks(owner.tenant_id, target_id, BuiltinRole::Member, 1);
    mocks
        .memberships
        .expect_change_role()
        .withf(move |t, user, role, audit| {
            *t == tenant
                && audit.tenant_id == tenant
                && *user == target_id
                && role.name == "ADMIN"
                && audit.before.as_ref().and_then(|b| b["role"].as_str()) == Some("MEMBER")
                && audit.after.as_ref().and_then(|a| a["role"].as_str()) == Some("ADMIN")
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    mocks
        .users
        .expect_find()
        .returning(move |_| Ok(Some(target.clone())));
    let service = MemberService::new(mocks.into_deps());
    let member = service
        .change_role(&owner, target_id, "ADMIN")
        .await
        .unwrap();
    assert_eq!(member.role.name, "ADMIN");
}

#[tokio::test]
async fn a_viewer_may_leave_but_not_remove_others() {
    let viewer = ctx(BuiltinRole::Viewer);
    let mut mocks = role_change_mocks(viewer.tenant_id, viewer.user_id(), BuiltinRole::Viewer, 1);
    let (tenant, leaver) = (viewer.tenant_id, viewer.user_id());
    mocks
        .memberships
        .expect_remove()
        .withf(move |t, user, audit| *t == tenant && *user == leaver && audit.tenant_id == tenant)
        .times(1)
        .returning(|_, _, _| Ok(()));
    let service = MemberService::new(mocks.into_deps());
    assert_eq!(
        service.remove(&viewer, viewer.user_id()).await.unwrap(),
        viewer.user_id()
    );
    let err = service
        .remove(&viewer, UserId::generate())
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn revoking_an_invitation_is_audited_and_needs_members_invite() {
    let admin = ctx(BuiltinRole::Admin);
    let tenant = admin.tenant_id;
    let invitation = InvitationId::generate();
    let mut mocks = Mocks::new();
    mocks
        .invitations
        .expect_revoke()
        .withf(move |t, id, audit| {
            *t == tenant
                && *id == invitation
                && audit.tenant_id == tenant
                && audit.action == "invitation.revoked"
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let service = MemberService::new(mocks.into_deps());
    assert_eq!(
        service.revoke_invitation(&admin, invitation).await.unwrap(),
        invitation
    );

    let err = service
        .revoke_invitation(&ctx(BuiltinRole::Member), invitation)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("members.invite"), "{err}");
}
