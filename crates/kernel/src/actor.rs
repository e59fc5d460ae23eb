//! Who is calling, as established from a verified credential.

use crate::error::DomainError;
use crate::id::{SessionId, TenantId, UserId};
use crate::permission::{Permission, PermissionSet};

/// Where a request came from; copied into audit entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// A signed-in user, with or without a tenant selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub session_id: SessionId,
    pub is_platform_admin: bool,
    pub meta: RequestMeta,
}

impl Actor {
    pub fn require_platform_admin(&self) -> Result<(), DomainError> {
        if self.is_platform_admin {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "only platform administrators may do this",
            ))
        }
    }
}

/// A signed-in member acting inside one tenant. Built per request from the
/// token's `tid` and the membership as it is *now*, so a removed member or a
/// lowered role takes effect on the next request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantCtx {
    pub tenant_id: TenantId,
    pub actor: Actor,
    /// The member's role name, for display and audit.
    pub role: String,
    pub permissions: PermissionSet,
}

impl TenantCtx {
    pub fn user_id(&self) -> UserId {
        self.actor.user_id
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }

    /// # Errors
    /// `Forbidden` naming the missing permission.
    pub fn require(&self, permission: Permission) -> Result<(), DomainError> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(DomainError::forbidden(format!(
                "your role `{}` lacks the permission `{permission}`",
                self.role
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(permissions: &[Permission]) -> TenantCtx {
        TenantCtx {
            tenant_id: TenantId::generate(),
            actor: Actor {
                user_id: UserId::generate(),
                session_id: SessionId::generate(),
                is_platform_admin: false,
                meta: RequestMeta::default(),
            },
            role: "VIEWER".into(),
            permissions: permissions.iter().copied().collect(),
        }
    }

    #[test]
    fn a_held_permission_is_granted() {
        assert!(
            ctx(&[Permission::MembersRead])
                .require(Permission::MembersRead)
                .is_ok()
        );
    }

    #[test]
    fn a_missing_permission_is_forbidden_and_named() {
        let err = ctx(&[Permission::MembersRead])
            .require(Permission::MembersInvite)
            .unwrap_err();
        assert!(matches!(err, DomainError::Forbidden(_)));
        assert!(err.to_string().contains("members.invite"), "{err}");
    }
}
