use std::sync::Arc;

use chrono::Duration;
use serde_json::json;
use trellis_kernel::{
    Actor, DomainError, DomainResult, FieldErrors, RequestMeta, SessionId, TenantCtx, TenantId,
    UserId,
};

use super::{TenancyDeps, blocking, check_password};
use crate::email::Email;
use crate::role::Role;
use crate::session::{Principal, RotateOutcome, SESSION_TTL_DAYS, Session, TenantAccess};
use crate::tenant::{Tenant, parse_display_name};
use crate::token::{AccessTokens, TokenHash, generate_opaque};
use crate::user::User;
use trellis_kernel::AuditEntry;

const REFRESH_PREFIX: &str = "rt";
const BAD_CREDENTIALS: &str = "invalid email or password";

#[derive(Debug, Clone)]
pub struct SignUp {
    pub email: String,
    pub password: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct SignIn {
    pub email: String,
    pub password: String,
    pub tenant_id: Option<TenantId>,
}

/// What a client holds after signing in, refreshing or switching tenant.
#[derive(Debug, Clone)]
pub struct AuthSession {
    pub access_token: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub refresh_token: String,
    pub user: User,
    pub tenant: Option<Tenant>,
    pub role: Option<Role>,
}

#[derive(Clone)]
pub struct AuthService {
    deps: Arc<TenancyDeps>,
    tokens: AccessTokens,
}

impl AuthService {
    pub fn new(deps: Arc<TenancyDeps>, tokens: AccessTokens) -> Self {
        Self { deps, tokens }
    }

    /// Creates an account and signs it in, with no tenant selected yet.
    ///
    /// # Errors
    /// `Validation` listing each bad field; `Conflict` if the email has an account.
    #[tracing::instrument(skip_all)]
    pub async fn sign_up(&self, meta: &RequestMeta, input: SignUp) -> DomainResult<AuthSession> {
        let mut errors = FieldErrors::new();
        let email = errors.check(Email::parse("email", &input.email));
        errors.check(check_password("password", &input.password));
        let name = errors.check(parse_display_name("name", &input.name));
        errors.into_result()?;
        let (Some(email), Some(name)) = (email, name) else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };

        let hasher = self.deps.hasher.clone();
        let password = input.password;
        let hash = blocking(move || hasher.hash(&password)).await?;
        let user = User {
            id: UserId::generate(),
            email,
            name,
            is_platform_admin: false,
            created_at: self.deps.clock.now(),
        };
        self.deps.users.create(&user, &hash).await?;
        tracing::info!(user = %user.id, "user signed up");
        self.start_session(meta, user, None).await
    }

    /// # Errors
    /// `Unauthenticated` with one message for an unknown email and a wrong
    /// password alike; `NotFound` for a tenant the user is not a member of;
    /// `Forbidden` for a suspended tenant.
    #[tracing::instrument(skip_all)]
    pub async fn sign_in(&self, meta: &RequestMeta, input: SignIn) -> DomainResult<AuthSession> {
        let email = Email::parse("email", &input.email)?;
        let found = self.deps.users.find_by_email(&email).await?;
        let hasher = self.deps.hasher.clone();
        let stored_hash = found.as_ref().map(|c| c.password_hash.clone());
        let password = input.password;
        let verified = blocking(move || hasher.verify(&password, stored_hash)).await?;
        let user = match found {
            Some(credentials) if verified => credentials.user,
            _ => return Err(DomainError::unauthenticated(BAD_CREDENTIALS)),
        };
        let membership = match input.tenant_id {
            Some(tenant) => Some(self.usable_membership(user.id, tenant).await?),
            None => None,
        };
        self.start_session(meta, user, membership).await
    }

    /// Exchanges a refresh token for a new pair. Replaying a token that was
    /// already exchanged revokes the whole session.
    ///
    /// # Errors
    /// `Unauthenticated` for an unknown, expired, revoked or replayed token.
    #[tracing::instrument(skip_all)]
    pub async fn refresh(&self, refresh_token: &str) -> DomainResult<AuthSession> {
        let now = self.deps.clock.now();
        let next = generate_opaque(REFRESH_PREFIX);
        let outcome = self
            .deps
            .sessions
            .rotate(&TokenHash::of(refresh_token), &TokenHash::of(&next), now)
            .await?;
        let session = match outcome {
            RotateOutcome::Rotated(session) => session,
            RotateOutcome::Reused => {
                tracing::warn!("refresh token replayed; session revoked");
                return Err(DomainError::unauthenticated(
                    "refresh token was already used; the session has been revoked, sign in again",
                ));
            }
            RotateOutcome::Invalid => {
                return Err(DomainError::unauthenticated(
                    "refresh token is invalid or its session has ended",
                ));
            }
        };
        let record = self
            .deps
            .sessions
            .load_principal(session.id, session.user_id, session.tenant_id, now)
            .await?
            .ok_or_else(|| DomainError::unauthenticated("session has ended; sign in again"))?;
        // A member removed since the last refresh keeps the session, without the tenant.
        let membership = match record.membership {
            Some((tenant, role)) => {
                tenant.ensure_active()?;
                Some((tenant, role))
            }
            None => None,
        };
        self.issue(record.user, session.id, membership, next)
    }

    /// Ends the caller's session: its refresh token and access tokens stop working.
    #[tracing::instrument(skip_all, fields(session = %principal.actor.session_id))]
    pub async fn sign_out(&self, principal: &Principal) -> DomainResult<SessionId> {
        let actor = &principal.actor;
        let now = self.deps.clock.now();
        let audit = principal.tenant_id().map(|tenant| {
            AuditEntry::new(
                tenant,
                Some(actor.user_id),
                &actor.meta,
                "session.ended",
                ("session", actor.session_id.to_string()),
                now,
            )
        });
        self.deps
            .sessions
            .revoke(actor.session_id, now, audit)
            .await?;
        Ok(actor.session_id)
    }

    /// Selects another tenant for the session and issues tokens for it.
    ///
    /// # Errors
    /// `NotFound` unless the user is a member; `Forbidden` if it is suspended.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn switch_tenant(
        &self,
        actor: &Actor,
        tenant: TenantId,
    ) -> DomainResult<AuthSession> {
        let (tenant, role) = self.usable_membership(actor.user_id, tenant).await?;
        let user = self
            .deps
            .users
            .find(actor.user_id)
            .await?
            .ok_or_else(|| DomainError::unauthenticated("account no longer exists"))?;
        let now = self.deps.clock.now();
        let next = generate_opaque(REFRESH_PREFIX);
        let audit = AuditEntry::new(
            tenant.id,
            Some(actor.user_id),
            &actor.meta,
            "session.switched",
            ("session", actor.session_id.to_string()),
            now,
        );
        self.deps
            .sessions
            .switch_tenant(
                actor.session_id,
                tenant.id,
                &TokenHash::of(&next),
                now,
                &audit,
            )
            .await?;
        self.issue(user, actor.session_id, Some((tenant, role)), next)
    }

    /// Resolves a bearer token to the caller, reading the session and the
    /// membership as they are now.
    ///
    /// # Errors
    /// `Unauthenticated` for a bad or expired token or an ended session.
    pub async fn authenticate(&self, token: &str, meta: RequestMeta) -> DomainResult<Principal> {
        let claims = self.tokens.verify(token)?;
        let now = self.deps.clock.now();
        let record = self
            .deps
            .sessions
            .load_principal(claims.sid, claims.sub, claims.tid, now)
            .await?
            .ok_or_else(|| DomainError::unauthenticated("session has ended; sign in again"))?;
        let actor = Actor {
            user_id: record.user.id,
            session_id: record.session.id,
            is_platform_admin: record.user.is_platform_admin,
            meta,
        };
        let (tenant, selected_tenant) = match (claims.tid, record.membership) {
            (None, _) => (TenantAccess::NoneSelected, None),
            (Some(_), None) => (
                TenantAccess::Denied("you are not a member of this tenant".into()),
                None,
            ),
            (Some(_), Some((tenant, role))) => match tenant.ensure_active() {
                Err(err) => (TenantAccess::Denied(err.to_string()), None),
                Ok(()) => (
                    TenantAccess::Granted(TenantCtx {
                        tenant_id: tenant.id,
                        actor: actor.clone(),
                        permissions: role.permissions(),
                        role: role.name,
                    }),
                    Some(tenant),
                ),
            },
        };
        Ok(Principal {
            actor,
            tenant,
            selected_tenant,
        })
    }

    /// The caller's own account.
    ///
    /// # Errors
    /// `Unauthenticated` if the account no longer exists.
    pub async fn current_user(&self, actor: &Actor) -> DomainResult<User> {
        self.deps
            .users
            .find(actor.user_id)
            .await?
            .ok_or_else(|| DomainError::unauthenticated("account no longer exists"))
    }

    pub fn tokens(&self) -> &AccessTokens {
        &self.tokens
    }

    async fn usable_membership(
        &self,
        user: UserId,
        tenant: TenantId,
    ) -> DomainResult<(Tenant, Role)> {
        let membership = self
            .deps
            .memberships
            .find(tenant, user)
            .await?
            .ok_or_else(|| DomainError::not_found("tenant"))?;
        let tenant = self
            .deps
            .tenants
            .find(tenant)
            .await?
            .ok_or_else(|| DomainError::not_found("tenant"))?;
        tenant.ensure_active()?;
        Ok((tenant, membership.role))
    }

    async fn start_session(
        &self,
        meta: &RequestMeta,
        user: User,
        membership: Option<(Tenant, Role)>,
    ) -> DomainResult<AuthSession> {
        let now = self.deps.clock.now();
        let session = Session {
            id: SessionId::generate(),
            user_id: user.id,
            tenant_id: membership.as_ref().map(|(tenant, _)| tenant.id),
            created_at: now,
            expires_at: now + Duration::days(SESSION_TTL_DAYS),
            revoked_at: None,
        };
        let audit = membership.as_ref().map(|(tenant, role)| {
            AuditEntry::new(
                tenant.id,
                Some(user.id),
                meta,
                "session.started",
                ("session", session.id.to_string()),
                now,
            )
            .after(json!({ "role": role.name }))
        });
        let refresh = generate_opaque(REFRESH_PREFIX);
        self.deps
            .sessions
            .create(&session, &TokenHash::of(&refresh), audit)
            .await?;
        self.issue(user, session.id, membership, refresh)
    }

    fn issue(
        &self,
        user: User,
        session: SessionId,
        membership: Option<(Tenant, Role)>,
        refresh_token: String,
    ) -> DomainResult<AuthSession> {
        let (tenant, role) = membership.unzip();
        let (access_token, expires_at) = self.tokens.issue(
            user.id,
            session,
            tenant.as_ref().map(|t| t.id),
            role.as_ref().map(|r| r.name.clone()),
            self.deps.clock.now(),
        )?;
        Ok(AuthSession {
            access_token,
            expires_at,
            refresh_token,
            user,
            tenant,
            role,
        })
    }
}

#[cfg(test)]
#[path = "auth_tests.rs"]
mod tests;
