use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_kernel::Permission;
use trellis_tenancy as tenancy;

use super::member::permission_names;
use crate::graphql::id;

/// A named set of permissions: a built-in role or one the tenant created.
#[derive(Debug, Clone, SimpleObject)]
pub struct Role {
    /// What `deleteRole` and `restoreRole` take.
    pub id: ID,
    /// Unique in the tenant among live roles, ignoring case; what
    /// `inviteMember` and `updateMemberRole` name the role by.
    pub name: String,
    /// `OWNER`, `ADMIN`, `MEMBER` and `VIEWER` are built in: they cannot
    /// change or be deleted.
    pub built_in: bool,
    /// `resource.action` names.
    pub permissions: Vec<&'static str>,
    /// When the role was created.
    pub created_at: DateTime<Utc>,
}

impl From<tenancy::Role> for Role {
    fn from(role: tenancy::Role) -> Self {
        Self {
            id: id(role.id),
            built_in: role.builtin.is_some(),
            permissions: permission_names(&role),
            name: role.name,
            created_at: role.created_at,
        }
    }
}

/// A permission a role can hold.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(name = "Permission")]
pub struct PermissionInfo {
    /// `resource.action`, e.g. `members.invite`.
    pub name: String,
    pub description: String,
}

impl From<Permission> for PermissionInfo {
    fn from(permission: Permission) -> Self {
        Self {
            name: permission.as_str().to_owned(),
            description: permission.description().to_owned(),
        }
    }
}
