use std::sync::Arc;

use serde_json::{Value, json};
use trellis_kernel::{
    DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, PermissionSet, TenantCtx,
};

use super::TenancyDeps;
use crate::role::{Role, RoleId, parse_custom_role_name};
use trellis_kernel::{AuditEntry, AuditFilter, RestoreAudit};

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
        let audit = AuditEntry::new(
            ctx.tenant_id,
            Some(ctx.user_id()),
            &ctx.actor.meta,
            "role.created",
            ("role", role.id.to_string()),
            now,
        )
        .after(snapshot(&role));
        self.deps.roles.create(ctx.tenant_id, &role, &audit).await?;
        Ok(role)
    }

    /// Deletes a custom role that no member holds and no pending invitation
    /// offers; its name is free for a new role.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such live role; `Conflict` for a
    /// built-in role, or one still held or offered.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, role = %id))]
    pub async fn delete(&self, ctx: &TenantCtx, id: RoleId) -> DomainResult<RoleId> {
        ctx.require(Permission::RolesManage)?;
        let before = self
            .deps
            .roles
            .find(ctx.tenant_id, id)
            .await?
            .ok_or_else(|| DomainError::not_found("role"))?;
        before.ensure_deletable()?;
        let audit = AuditEntry::by_member(
            ctx,
            "role.deleted",
            ("role", id.to_string()),
            self.deps.clock.now(),
        )
        .before(snapshot(&before));
        self.deps.roles.delete(ctx.tenant_id, id, &audit).await?;
        Ok(id)
    }

    /// Brings a deleted custom role back. Needs what deleting it needs.
    ///
    /// # Errors
    /// `NotFound` if the tenant never had it; `Conflict` if it is not
    /// deleted or a live role has taken its name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, role = %id))]
    pub async fn restore(&self, ctx: &TenantCtx, id: RoleId) -> DomainResult<Role> {
        ctx.require(Permission::RolesManage)?;
        let entry = AuditEntry::by_member(
            ctx,
            "role.restored",
            ("role", id.to_string()),
            self.deps.clock.now(),
        );
        let audit = RestoreAudit::new(entry, snapshot);
        self.deps.roles.restore(ctx.tenant_id, id, &audit).await
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

/// What the audit log keeps of a custom role.
fn snapshot(role: &Role) -> Value {
    let permissions: Vec<_> = role.custom_permissions.iter().map(|p| p.as_str()).collect();
    json!({ "name": role.name, "permissions": permissions })
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
