//! Permissions are named `resource.action`. Roles are sets of them; checks in
//! the use cases ask for one permission, never for a role name.
//!
//! Every product's permissions are declared here, in one block per product,
//! each with the weakest built-in role that holds it: the built-in roles are
//! derived from this table, so a new permission reaches every tenant's
//! built-in roles without a data migration.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use crate::error::DomainError;

/// The roles every tenant has, strongest first. Custom roles are tenants'
/// own sets of permissions and live in `trellis-tenancy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltinRole {
    Owner,
    Admin,
    Member,
    Viewer,
}

impl BuiltinRole {
    pub const ALL: [BuiltinRole; 4] = [
        BuiltinRole::Owner,
        BuiltinRole::Admin,
        BuiltinRole::Member,
        BuiltinRole::Viewer,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            BuiltinRole::Owner => "OWNER",
            BuiltinRole::Admin => "ADMIN",
            BuiltinRole::Member => "MEMBER",
            BuiltinRole::Viewer => "VIEWER",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.name() == name)
    }

    /// Higher is stronger.
    const fn rank(self) -> u8 {
        match self {
            BuiltinRole::Owner => 3,
            BuiltinRole::Admin => 2,
            BuiltinRole::Member => 1,
            BuiltinRole::Viewer => 0,
        }
    }

    /// Every permission granted to this role or a weaker one: each role
    /// holds everything the role below it holds, and more.
    pub fn permissions(self) -> PermissionSet {
        Permission::ALL
            .iter()
            .copied()
            .filter(|permission| permission.granted_from().rank() <= self.rank())
            .collect()
    }
}

macro_rules! permissions {
    ($($variant:ident => $name:literal, $from:ident, $doc:literal;)*) => {
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

            /// The weakest built-in role that holds it.
            pub const fn granted_from(self) -> BuiltinRole {
                match self {
                    $(Permission::$variant => BuiltinRole::$from,)*
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
    // Platform: the tenant, its members, roles and audit log.
    TenantRead => "tenant.read", Viewer, "See the tenant, its plan and limits.";
    TenantUpdate => "tenant.update", Admin, "Rename the tenant or change its plan.";
    MembersRead => "members.read", Viewer, "List members and their roles.";
    MembersInvite => "members.invite", Admin, "Invite people to join.";
    MembersUpdate => "members.update", Admin, "Change a member's role.";
    MembersRemove => "members.remove", Admin, "Remove a member.";
    OwnersManage => "owners.manage", Owner, "Grant, change or remove the OWNER role.";
    RolesRead => "roles.read", Viewer, "List roles and their permissions.";
    RolesManage => "roles.manage", Admin, "Create, delete and restore custom roles.";
    AuditRead => "audit.read", Admin, "Read the audit log.";
    // Routing.
    RoutingRead => "routing.read", Viewer, "See datasources, their configs (never credentials), intents, rules and routing runs.";
    RoutingManage => "routing.manage", Member, "Create, change and delete datasources, intents and validation rules.";
    EmailsRoute => "emails.route", Member, "Route and validate emails.";
    ConnectionsManage => "connections.manage", Admin, "Create, change, test and delete datasource configs, which hold credentials.";
    // Work.
    TeamsRead => "teams.read", Viewer, "See teams and their members.";
    TeamsManage => "teams.manage", Admin, "Create, change, delete and restore teams, and choose their members.";
    ItemsRead => "items.read", Viewer, "See items, their subtasks, assignees, tags and history, and the tenant's tags.";
    ItemsCreate => "items.create", Member, "Create items.";
    ItemsUpdate => "items.update", Member, "Change items, their assignees and tags.";
    ItemsDelete => "items.delete", Member, "Delete and restore items with their subtasks.";
    TagsManage => "tags.manage", Member, "Create, change and delete tags.";
    // Work: comments.
    CommentsWrite => "comments.write", Member, "Comment on items, and edit or delete one's own comments.";
    CommentsModerate => "comments.moderate", Admin, "Delete anyone's comments.";
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

    #[test]
    fn each_builtin_role_holds_what_the_one_below_holds() {
        for pair in BuiltinRole::ALL.windows(2) {
            let (stronger, weaker) = (pair[0].permissions(), pair[1].permissions());
            assert!(weaker.is_subset(&stronger), "{:?} ⊄ {:?}", pair[1], pair[0]);
            assert_ne!(weaker, stronger, "{:?} adds nothing", pair[0]);
        }
    }

    #[test]
    fn only_owners_manage_owners() {
        assert!(
            BuiltinRole::Owner
                .permissions()
                .contains(&Permission::OwnersManage)
        );
        assert!(
            !BuiltinRole::Admin
                .permissions()
                .contains(&Permission::OwnersManage)
        );
    }

    #[test]
    fn viewers_only_read() {
        let viewer = BuiltinRole::Viewer.permissions();
        let names: Vec<_> = viewer.iter().map(|p| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "tenant.read",
                "members.read",
                "roles.read",
                "routing.read",
                "teams.read",
                "items.read"
            ]
        );
    }
}
