use chrono::{DateTime, Utc};
use trellis_kernel::{Actor, DomainError, SessionId, TenantCtx, TenantId, UserId};

use crate::role::Role;
use crate::tenant::Tenant;
use crate::user::User;

/// How long a session lives without signing in again.
pub const SESSION_TTL_DAYS: i64 = 30;

/// One sign-in of one user. Refresh tokens belong to it; revoking it ends them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: SessionId,
    pub user_id: UserId,
    /// The tenant selected in this session, if any.
    pub tenant_id: Option<TenantId>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Session {
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

/// What happened to a presented refresh token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RotateOutcome {
    /// It was the session's current token; a new one replaces it.
    Rotated(Session),
    /// It had already been rotated: someone replayed it, so the whole session
    /// has been revoked.
    Reused,
    /// Unknown, or its session has ended.
    Invalid,
}

/// Everything one request's credential resolves to, read fresh per request.
#[derive(Debug, Clone)]
pub struct PrincipalRecord {
    pub session: Session,
    pub user: User,
    /// The tenant named by the token and the user's role in it, if the user
    /// is (still) a member.
    pub membership: Option<(Tenant, Role)>,
}

/// What the caller may do in the tenant its token names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenantAccess {
    /// The token names no tenant.
    NoneSelected,
    Granted(TenantCtx),
    /// The token names a tenant the caller may not use now (removed, or the
    /// tenant is suspended); the message says which.
    Denied(String),
}

/// The verified caller of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub actor: Actor,
    pub tenant: TenantAccess,
    /// The tenant access was granted to, as read when the request was
    /// authenticated: the request's own view of it, read once.
    pub selected_tenant: Option<Tenant>,
}

impl Principal {
    /// # Errors
    /// `Forbidden` when no tenant is selected or access to it is denied.
    pub fn tenant_ctx(&self) -> Result<&TenantCtx, DomainError> {
        match &self.tenant {
            TenantAccess::Granted(ctx) => Ok(ctx),
            TenantAccess::NoneSelected => Err(DomainError::forbidden(
                "no tenant selected: sign in with a tenantId or call switchTenant",
            )),
            TenantAccess::Denied(reason) => Err(DomainError::forbidden(reason.clone())),
        }
    }

    pub fn tenant_id(&self) -> Option<TenantId> {
        match &self.tenant {
            TenantAccess::Granted(ctx) => Some(ctx.tenant_id),
            _ => None,
        }
    }
}
