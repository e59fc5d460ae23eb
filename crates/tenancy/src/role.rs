use chrono::{DateTime, Utc};
pub use trellis_kernel::BuiltinRole;
use trellis_kernel::{DomainError, PermissionSet, TenantId, define_id};

define_id!(
    /// A role of one tenant: one of the built-ins or a custom one.
    RoleId
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: RoleId,
    pub tenant_id: TenantId,
    pub name: String,
    /// `Some` for the built-in roles, whose permissions come from the code so
    /// that new permissions reach every tenant without a data migration.
    pub builtin: Option<BuiltinRole>,
    /// The permissions of a custom role; empty for built-ins.
    pub custom_permissions: PermissionSet,
    pub created_at: DateTime<Utc>,
}

impl Role {
    pub fn builtin(tenant_id: TenantId, role: BuiltinRole, at: DateTime<Utc>) -> Self {
        Self {
            id: RoleId::generate(),
            tenant_id,
            name: role.name().to_owned(),
            builtin: Some(role),
            custom_permissions: PermissionSet::new(),
            created_at: at,
        }
    }

    /// The four built-in roles of a new tenant.
    pub fn builtins_for(tenant_id: TenantId, at: DateTime<Utc>) -> Vec<Role> {
        BuiltinRole::ALL
            .into_iter()
            .map(|role| Role::builtin(tenant_id, role, at))
            .collect()
    }

    pub fn permissions(&self) -> PermissionSet {
        match self.builtin {
            Some(builtin) => builtin.permissions(),
            None => self.custom_permissions.clone(),
        }
    }

    pub fn is_owner(&self) -> bool {
        self.builtin == Some(BuiltinRole::Owner)
    }

    /// Every tenant keeps the built-in roles: the code grants through them
    /// (a new tenant's OWNER, the names invitations use).
    ///
    /// # Errors
    /// `Conflict` naming a built-in role.
    pub fn ensure_deletable(&self) -> Result<(), DomainError> {
        match self.builtin {
            Some(builtin) => Err(DomainError::conflict(format!(
                "the built-in role `{}` cannot be deleted; only custom roles can",
                builtin.name()
            ))),
            None => Ok(()),
        }
    }
}

/// A custom role's name: 2–40 characters of letters, digits, spaces, `-` and
/// `_`, and not one of the built-in names.
pub fn parse_custom_role_name(field: &str, raw: &str) -> Result<String, DomainError> {
    let name = raw.trim();
    let len = name.chars().count();
    if !(2..=40).contains(&len) {
        return Err(DomainError::invalid(
            field,
            "must be 2 to 40 characters long",
        ));
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_')
    {
        return Err(DomainError::invalid(
            field,
            "may contain only letters, digits, spaces, `-` and `_`",
        ));
    }
    if BuiltinRole::from_name(&name.to_uppercase()).is_some() {
        return Err(DomainError::invalid(
            field,
            "is the name of a built-in role",
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_role_names_cannot_shadow_builtins() {
        assert!(parse_custom_role_name("name", "admin").is_err());
        assert!(parse_custom_role_name("name", "Billing Admin").is_ok());
        assert!(parse_custom_role_name("name", "x").is_err());
        assert!(parse_custom_role_name("name", "drop;table").is_err());
    }

    #[test]
    fn only_custom_roles_are_deletable() {
        let at = chrono::Utc::now();
        let admin = Role::builtin(TenantId::generate(), BuiltinRole::Admin, at);
        let err = admin.ensure_deletable().unwrap_err();
        assert!(
            matches!(&err, DomainError::Conflict(m) if m.contains("`ADMIN`")),
            "{err:?}"
        );
        let custom = Role {
            builtin: None,
            name: "Billing".into(),
            ..admin
        };
        assert!(custom.ensure_deletable().is_ok());
    }
}
