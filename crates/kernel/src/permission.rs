//! Permissions are named `resource.action`. Roles are sets of them; checks in
//! the use cases ask for one permission, never for a role name.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use crate::error::DomainError;

macro_rules! permissions {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Permission {
            $(#[doc = $doc] $variant,)*
        }

        impl Permission {
            /// Every permission, in a stable order.
            pub const ALL: &'static [Permission] = &[$(Permission::$variant,)*];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Permission::$variant => $name,)*
                }
            }

            pub const fn description(self) -> &'static str {
                match self {
                    $(Permission::$variant => $doc,)*
                }
            }
        }

        impl FromStr for Permission {
            type Err = DomainError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok(Permission::$variant),)*
                    other => Err(DomainError::invalid(
                        "permissions",
                        format!("unknown permission `{other}`"),
                    )),
                }
            }
        }
    };
}

permissions! {
    TenantRead => "tenant.read", "See the tenant, its plan and limits.";
    TenantUpdate => "tenant.update", "Rename the tenant or change its plan.";
    MembersRead => "members.read", "List members and their roles.";
    MembersInvite => "members.invite", "Invite people to join.";
    MembersUpdate => "members.update", "Change a member's role.";
    MembersRemove => "members.remove", "Remove a member.";
    OwnersManage => "owners.manage", "Grant, change or remove the OWNER role.";
    RolesRead => "roles.read", "List roles and their permissions.";
    RolesManage => "roles.manage", "Create custom roles.";
    AuditRead => "audit.read", "Read the audit log.";
    RoutingRead => "routing.read", "See datasources, their configs (never credentials), intents, rules and routing runs.";
    RoutingManage => "routing.manage", "Create, change and delete datasources, intents and validation rules.";
    EmailsRoute => "emails.route", "Route and validate emails.";
    ConnectionsManage => "connections.manage", "Create, change, test and delete datasource configs, which hold credentials.";
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

pub type PermissionSet = BTreeSet<Permission>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_permission_parses_from_its_name() {
        for permission in Permission::ALL {
            assert_eq!(
                permission.as_str().parse::<Permission>().unwrap(),
                *permission
            );
        }
    }

    #[test]
    fn unknown_permission_is_a_validation_error_naming_it() {
        let err = "items.fly".parse::<Permission>().unwrap_err();
        assert!(err.to_string().contains("items.fly"), "{err}");
    }
}
