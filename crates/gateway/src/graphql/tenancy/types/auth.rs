use async_graphql::SimpleObject;
use chrono::{DateTime, Utc};
use trellis_tenancy::service::AuthSession;

use super::tenant::Tenant;
use super::user::User;

/// What a client holds after signing in, refreshing or switching tenant.
// No `Debug`: it holds secrets that must not reach a log.
#[derive(Clone, SimpleObject)]
pub struct AuthPayload {
    /// Send as `Authorization: Bearer <accessToken>`; valid until `expiresAt`.
    pub access_token: String,
    /// Exchange with `refreshSession` for a new pair. Single use.
    pub refresh_token: String,
    /// When the access token expires.
    pub expires_at: DateTime<Utc>,
    pub user: User,
    /// The selected tenant; `null` until one is chosen.
    pub tenant: Option<Tenant>,
    /// The user's role in `tenant`.
    pub role: Option<String>,
}

impl From<AuthSession> for AuthPayload {
    fn from(session: AuthSession) -> Self {
        Self {
            access_token: session.access_token,
            refresh_token: session.refresh_token,
            expires_at: session.expires_at,
            user: session.user.into(),
            tenant: session.tenant.map(Tenant::from),
            role: session.role.map(|role| role.name),
        }
    }
}
