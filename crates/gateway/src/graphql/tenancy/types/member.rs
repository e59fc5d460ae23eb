use async_graphql::{ComplexObject, ID, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_tenancy as tenancy;

use super::user::User;
use crate::graphql::connection::connection;
use crate::graphql::id;

/// A user's place in the current tenant.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Member {
    /// The membership's id (not the user's).
    pub id: ID,
    pub user: User,
    #[graphql(skip)]
    pub(crate) role: tenancy::Role,
    pub joined_at: DateTime<Utc>,
}

impl From<tenancy::Member> for Member {
    fn from(member: tenancy::Member) -> Self {
        Self {
            id: id(member.membership_id),
            role: member.role,
            user: member.user.into(),
            joined_at: member.joined_at,
        }
    }
}

/// Computed when asked for: most lists of members never ask for the
/// permissions, and spelling them out costs more than the rest of a row.
#[ComplexObject]
impl Member {
    /// The role's name: `OWNER`, `ADMIN`, `MEMBER`, `VIEWER` or a custom role.
    async fn role(&self) -> &str {
        &self.role.name
    }

    /// What the role allows, as `resource.action` names.
    async fn permissions(&self) -> Vec<&'static str> {
        permission_names(&self.role)
    }
}

pub(crate) fn permission_names(role: &tenancy::Role) -> Vec<&'static str> {
    role.permissions().iter().map(|p| p.as_str()).collect()
}

/// An offer to join the tenant, redeemed with its token by `acceptInvitation`.
#[derive(Debug, Clone, SimpleObject)]
pub struct Invitation {
    pub id: ID,
    pub email: String,
    /// The role the invitee will get.
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl From<tenancy::Invitation> for Invitation {
    fn from(invitation: tenancy::Invitation) -> Self {
        Self {
            id: id(invitation.id),
            email: invitation.email.to_string(),
            role: invitation.role.name,
            created_at: invitation.created_at,
            expires_at: invitation.expires_at,
        }
    }
}

connection!(MemberConnection, MemberEdge, Member);
connection!(InvitationConnection, InvitationEdge, Invitation);
