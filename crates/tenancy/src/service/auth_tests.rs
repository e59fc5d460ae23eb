use mockall::predicate::eq;
use trellis_kernel::{DomainError, RequestMeta, SessionId, TenantId, UserId};

use super::super::test_support::*;
use super::*;
use crate::role::BuiltinRole;
use crate::session::PrincipalRecord;
use crate::tenant::TenantStatus;
use crate::user::UserCredentials;

const SECRET: &[u8] = b"test-secret-test-secret-test-secret!";

fn service(mocks: Mocks) -> AuthService {
    AuthService::new(mocks.into_deps(), AccessTokens::new(SECRET))
}

fn ada() -> User {
    User {
        id: UserId::generate(),
        email: Email::from_trusted("ada@example.com".into()),
        name: "Ada".into(),
        is_platform_admin: false,
        created_at: now(),
    }
}

fn sign_in(password: &str) -> SignIn {
    SignIn {
        email: "ada@example.com".into(),
        password: password.into(),
        tenant_id: None,
    }
}

#[tokio::test]
async fn unknown_email_and_wrong_password_fail_alike() {
    let mut unknown = Mocks::new();
    unknown.users.expect_find_by_email().returning(|_| Ok(None));
    // The hash check still runs for an unknown email (with no hash), so timing matches.
    unknown
        .hasher
        .expect_verify()
        .withf(|_, hash| hash.is_none())
        .times(1)
        .returning(|_, _| Ok(false));
    let unknown_err = service(unknown)
        .sign_in(&RequestMeta::default(), sign_in("whatever1"))
        .await
        .unwrap_err();

    let mut wrong = Mocks::new();
    wrong.users.expect_find_by_email().returning(|_| {
        Ok(Some(UserCredentials {
            user: ada(),
            password_hash: "$argon2id$stored".into(),
        }))
    });
    wrong
        .hasher
        .expect_verify()
        .times(1)
        .returning(|_, _| Ok(false));
    let wrong_err = service(wrong)
        .sign_in(&RequestMeta::default(), sign_in("whatever1"))
        .await
        .unwrap_err();

    assert!(matches!(unknown_err, DomainError::Unauthenticated(_)));
    assert_eq!(unknown_err.to_string(), wrong_err.to_string());
}

#[tokio::test]
async fn sign_up_reports_every_bad_field_and_writes_nothing() {
    let err = service(Mocks::new())
        .sign_up(
            &RequestMeta::default(),
            SignUp {
                email: "not-an-email".into(),
                password: "short".into(),
                name: " ".into(),
            },
        )
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = err else {
        panic!("expected validation, got {err:?}");
    };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["email", "password", "name"]);
}

#[tokio::test]
async fn signing_into_a_tenant_one_does_not_belong_to_is_not_found() {
    let ada = ada();
    let ada_id = ada.id;
    let elsewhere = TenantId::generate();
    let mut mocks = Mocks::new();
    mocks.users.expect_find_by_email().returning(move |_| {
        Ok(Some(UserCredentials {
            user: ada.clone(),
            password_hash: "$argon2id$stored".into(),
        }))
    });
    mocks.hasher.expect_verify().returning(|_, _| Ok(true));
    // Only the tenant asked for, and only for this user, is looked up.
    mocks
        .memberships
        .expect_find()
        .with(eq(elsewhere), eq(ada_id))
        .times(1)
        .returning(|_, _| Ok(None));
    let mut input = sign_in("correct-pw");
    input.tenant_id = Some(elsewhere);
    let err = service(mocks)
        .sign_in(&RequestMeta::default(), input)
        .await
        .unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "tenant" }),
        "{err:?}"
    );
}

/// Whether a token was already rotated is the store's to say (its contract
/// suite proves it, races included); the use case must ask about the token
/// presented, store only a hash of it, and turn a replay into a refusal.
#[tokio::test]
async fn a_replayed_refresh_token_is_refused() {
    let mut mocks = Mocks::new();
    mocks
        .sessions
        .expect_rotate()
        .withf(|presented, next, at| {
            *presented == TokenHash::of("rt_old")
                && *next != TokenHash::of("rt_old")
                && *at == now()
        })
        .times(1)
        .returning(|_, _, _| Ok(RotateOutcome::Reused));
    let err = service(mocks).refresh("rt_old").await.unwrap_err();
    let DomainError::Unauthenticated(message) = err else {
        panic!("expected unauthenticated, got {err:?}");
    };
    assert_eq!(
        message,
        "refresh token was already used; the session has been revoked, sign in again"
    );
}

fn principal_record(user: &User, membership: Option<(Tenant, Role)>) -> PrincipalRecord {
    PrincipalRecord {
        session: Session {
            id: SessionId::generate(),
            user_id: user.id,
            tenant_id: membership.as_ref().map(|(t, _)| t.id),
            created_at: now(),
            expires_at: now() + Duration::days(1),
            revoked_at: None,
        },
        user: user.clone(),
        membership,
    }
}

/// Authenticates a token for `tenant` whose session the store reads with
/// `membership` (or none, for someone no longer a member).
async fn authenticate_with(tenant_id: TenantId, membership: Option<(Tenant, Role)>) -> Principal {
    let user = ada();
    let record = principal_record(&user, membership);
    let session_id = record.session.id;
    let user_id = user.id;
    let mut mocks = Mocks::new();
    // The store is asked about the token's own session, user and tenant.
    mocks
        .sessions
        .expect_load_principal()
        .with(eq(session_id), eq(user_id), eq(Some(tenant_id)), eq(now()))
        .times(1)
        .returning(move |_, _, _, _| Ok(Some(record.clone())));
    let auth = service(mocks);
    let (token, _) = auth
        .tokens()
        .issue(
            user.id,
            session_id,
            Some(tenant_id),
            None,
            chrono::Utc::now(),
        )
        .unwrap();
    auth.authenticate(&token, RequestMeta::default())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_member_gets_the_permissions_of_their_current_role() {
    let tenant = tenant();
    let tenant_id = tenant.id;
    let role = role(tenant.id, BuiltinRole::Viewer);
    let principal = authenticate_with(tenant_id, Some((tenant, role))).await;
    let ctx = principal.tenant_ctx().unwrap();
    assert_eq!(ctx.tenant_id, tenant_id);
    assert_eq!(ctx.role, "VIEWER");
    let names: Vec<_> = ctx.permissions.iter().map(|p| p.as_str()).collect();
    assert_eq!(
        names,
        [
            "tenant.read",
            "members.read",
            "roles.read",
            "routing.read",
            "teams.read",
            "items.read"
        ]
    );
}

#[tokio::test]
async fn a_removed_member_keeps_no_access_to_the_tenant() {
    let principal = authenticate_with(TenantId::generate(), None).await;
    let err = principal.tenant_ctx().unwrap_err();
    assert!(err.to_string().contains("not a member"), "{err}");
}

#[tokio::test]
async fn a_suspended_tenant_is_refused_with_a_clear_reason() {
    let mut tenant = tenant();
    tenant.status = TenantStatus::Suspended;
    let tenant_id = tenant.id;
    let role = role(tenant.id, BuiltinRole::Owner);
    let principal = authenticate_with(tenant_id, Some((tenant, role))).await;
    let err = principal.tenant_ctx().unwrap_err();
    assert!(err.to_string().contains("suspended"), "{err}");
}

#[tokio::test]
async fn an_ended_session_is_unauthenticated() {
    let mut mocks = Mocks::new();
    mocks
        .sessions
        .expect_load_principal()
        .returning(|_, _, _, _| Ok(None));
    let auth = service(mocks);
    let (token, _) = auth
        .tokens()
        .issue(
            UserId::generate(),
            SessionId::generate(),
            None,
            None,
            chrono::Utc::now(),
        )
        .unwrap();
    let err = auth
        .authenticate(&token, RequestMeta::default())
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Unauthenticated(_)));
}
