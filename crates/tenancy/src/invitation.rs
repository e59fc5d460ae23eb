use chrono::{DateTime, Utc};
use trellis_kernel::{TenantId, UserId, define_id};

use crate::email::Email;
use crate::role::Role;

define_id!(
    /// An offer to join a tenant, redeemed with a secret token.
    InvitationId
);

/// How long an invitation can be accepted.
pub const INVITATION_TTL_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: InvitationId,
    pub tenant_id: TenantId,
    pub email: Email,
    pub role: Role,
    pub invited_by: UserId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
}

impl Invitation {
    pub fn is_pending(&self, now: DateTime<Utc>) -> bool {
        self.accepted_at.is_none() && self.expires_at > now
    }
}
