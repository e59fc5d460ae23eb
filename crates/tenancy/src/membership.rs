use chrono::{DateTime, Utc};
use trellis_kernel::{TenantId, UserId, define_id};

use crate::role::Role;
use crate::tenant::Tenant;
use crate::user::User;

define_id!(
    /// One user's place in one tenant.
    MembershipId
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub id: MembershipId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

/// A membership seen from the tenant: who the member is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub membership_id: MembershipId,
    pub user: User,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

/// A membership seen from the user: which tenant it is in.
#[derive(Debug, Clone, PartialEq)]
pub struct UserMembership {
    pub tenant: Tenant,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}
