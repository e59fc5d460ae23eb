use std::sync::Arc;

use serde_json::json;
use trellis_kernel::{
    DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, PermissionSet, TenantCtx,
};

use super::TenancyDeps;
use crate::role::{Role, RoleId, parse_custom_role_name};
use trellis_kernel::{AuditEntry, AuditFilter};

#[derive(Debug, Clone)]
pub struct CreateRole {
    pub name: String,
    pub permissions: Vec<String>,
}

/// Roles and the audit log: what a tenant's administrators look after.
#[derive(Clone)]
pub struct RoleService {
    deps: Arc<TenancyDeps>,
}

impl RoleService {
    pub fn new(deps: Arc<TenancyDeps>) -> Self {
        Self { deps }
    }

    pub async fn list(&self, ctx: &TenantCtx) -> DomainResult<Vec<Role>> {
        ctx.require(Permission::RolesRead)?;
        self.deps.roles.list(ctx.tenant_id).await
    }

    /// Adds a custom role. Its permissions must all be the caller's own.
    ///
    /// # Errors
    /// `Validation` naming a bad name or each unknown permission; `Forbidden`
    /// for permissions the caller lacks; `Conflict` if the name is taken.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create(&self, ctx: &TenantCtx, input: CreateRole) -> DomainResult<Role> {
        ctx.require(Permission::RolesManage)?;
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_custom_role_name("name", &input.name));
        if input.permissions.is_empty() {
            errors.add("permissions", "must name at least one permission");
        }
        let mut permissions = PermissionSet::new();
        for (index, raw) in input.permissions.iter().enumerate() {
            match raw.trim().parse::<Permission>() {
                Ok(permission) => {
                    permissions.insert(permission);
                }
                Err(_) => errors.add(
                    format!("permissions[{index}]"),
                    format!("unknown permission `{raw}`"),
                ),
            }
        }
        errors.into_result()?;
        let Some(name) = name else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };
        if let Some(missing) = permissions.difference(&ctx.permissions).next() {
            return Err(DomainError::forbidden(format!(
                "you cannot grant `{missing}`, which your role `{}` lacks",
                ctx.role
            )));
        }

        let now = self.deps.clock.now();
        let role = Role {
            id: RoleId::generate(),
            tenant_id: ctx.tenant_id,
            name,
            builtin: None,
            custom_permissions: permissions,
            created_at: now,
        };
        let permission_names: Vec<_> = role.custom_permissions.iter().map(|p| p.as_str()).collect();
        let audit = AuditEntry::new(
            ctx.tenant_id,
            Some(ctx.user_id()),
            &ctx.actor.meta,
            "role.created",
            ("role", role.id.to_string()),
            now,
        )
        .after(json!({ "name": role.name, "permissions": permission_names }));
        self.deps.roles.create(ctx.tenant_id, &role, &audit).await?;
        Ok(role)
    }

    /// The tenant's audit log, newest first.
    pub async fn audit_log(
        &self,
        ctx: &TenantCtx,
        filter: &AuditFilter,
        page: PageRequest,
    ) -> DomainResult<Page<AuditEntry>> {
        ctx.require(Permission::AuditRead)?;
        self.deps.audit.list(ctx.tenant_id, filter, page).await
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::role::BuiltinRole;

    fn input(permissions: &[&str]) -> CreateRole {
        CreateRole {
            name: "Billing".into(),
            permissions: permissions.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[tokio::test]
    async fn an_admin_creates_a_custom_role_with_its_audit_entry() {
        let admin = ctx(BuiltinRole::Admin);
        let tenant = admin.tenant_id;
        let mut mocks = Mocks::new();
        mocks
            .roles
            .expect_create()
            .withf(move |t, role, audit| {
                *t == tenant
                    && role.tenant_id == tenant
                    && audit.tenant_id == tenant
                    && role.builtin.is_none()
                    && role.custom_permissions.contains(&Permission::MembersRead)
                    && audit.action == "role.created"
            })
            .times(1)
            .returning(|_, _, _| Ok(()));
        let service = RoleService::new(mocks.into_deps());
        let role = service
            .create(&admin, input(&["members.read", "audit.read"]))
            .await
            .unwrap();
        assert_eq!(role.permissions().len(), 2);
    }

    #[tokio::test]
    async fn each_unknown_permission_is_named_by_position() {
        let service = RoleService::new(Mocks::new().into_deps());
        let err = service
            .create(
                &ctx(BuiltinRole::Admin),
                input(&["members.read", "items.fly", "x"]),
            )
            .await
            .unwrap_err();
        let DomainError::Validation(fields) = err else {
            panic!("expected validation, got {err:?}");
        };
        let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["permissions[1]", "permissions[2]"]);
    }

    #[tokio::test]
    async fn a_role_stronger_than_its_creator_is_forbidden() {
        let service = RoleService::new(Mocks::new().into_deps());
        let err = service
            .create(&ctx(BuiltinRole::Admin), input(&["owners.manage"]))
            .await
            .unwrap_err();
        assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
    }

    #[tokio::test]
    async fn members_cannot_create_roles() {
        let service = RoleService::new(Mocks::new().into_deps());
        let err = service
            .create(&ctx(BuiltinRole::Member), input(&["members.read"]))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("roles.manage"), "{err}");
    }

    #[tokio::test]
    async fn viewers_cannot_read_the_audit_log() {
        let service = RoleService::new(Mocks::new().into_deps());
        let err = service
            .audit_log(
                &ctx(BuiltinRole::Viewer),
                &AuditFilter::default(),
                PageRequest::first(10),
            )
            .await
            .unwrap_err();
        assert!(matches!(err, DomainError::Forbidden(_)));
    }
}
