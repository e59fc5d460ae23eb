use std::sync::Arc;

use serde_json::json;
use trellis_kernel::{
    Actor, DomainError, DomainResult, FieldErrors, Page, PageRequest, TenantId, UserId,
};

use super::{TenancyDeps, blocking, check_password};
use crate::email::Email;
use crate::tenant::{Tenant, TenantStatus, parse_display_name};
use crate::user::User;
use trellis_kernel::AuditEntry;

/// What platform administrators do across tenants.
#[derive(Clone)]
pub struct AdminService {
    deps: Arc<TenancyDeps>,
}

impl AdminService {
    pub fn new(deps: Arc<TenancyDeps>) -> Self {
        Self { deps }
    }

    /// Creates a platform administrator. Only the command line calls this:
    /// no endpoint can make an administrator.
    ///
    /// # Errors
    /// `Validation` listing each bad field; `Conflict` if the email has an account.
    pub async fn create_admin(
        &self,
        email: &str,
        password: &str,
        name: &str,
    ) -> DomainResult<User> {
        let mut errors = FieldErrors::new();
        let email = errors.check(Email::parse("email", email));
        errors.check(check_password("password", password));
        let name = errors.check(parse_display_name("name", name));
        errors.into_result()?;
        let (Some(email), Some(name)) = (email, name) else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };
        let hasher = self.deps.hasher.clone();
        let password = password.to_owned();
        let hash = blocking(move || hasher.hash(&password)).await?;
        let user = User {
            id: UserId::generate(),
            email,
            name,
            is_platform_admin: true,
            created_at: self.deps.clock.now(),
        };
        self.deps.users.create(&user, &hash).await?;
        Ok(user)
    }

    pub async fn tenants(&self, actor: &Actor, page: PageRequest) -> DomainResult<Page<Tenant>> {
        actor.require_platform_admin()?;
        self.deps.tenants.list(page).await
    }

    /// Suspends a tenant: its members' tokens stop reaching its data.
    ///
    /// # Errors
    /// `Forbidden` unless a platform administrator; `NotFound` for no such tenant.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn suspend(
        &self,
        actor: &Actor,
        tenant: TenantId,
        reason: Option<String>,
    ) -> DomainResult<Tenant> {
        self.set_status(actor, tenant, TenantStatus::Suspended, reason)
            .await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn reactivate(&self, actor: &Actor, tenant: TenantId) -> DomainResult<Tenant> {
        self.set_status(actor, tenant, TenantStatus::Active, None)
            .await
    }

    async fn set_status(
        &self,
        actor: &Actor,
        tenant: TenantId,
        status: TenantStatus,
        reason: Option<String>,
    ) -> DomainResult<Tenant> {
        actor.require_platform_admin()?;
        let reason = reason
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
            return Err(DomainError::invalid(
                "reason",
                "must be at most 500 characters",
            ));
        }
        let before = self
            .deps
            .tenants
            .find(tenant)
            .await?
            .ok_or_else(|| DomainError::not_found("tenant"))?;
        let action = match status {
            TenantStatus::Suspended => "tenant.suspended",
            TenantStatus::Active => "tenant.reactivated",
        };
        let audit = AuditEntry::new(
            tenant,
            Some(actor.user_id),
            &actor.meta,
            action,
            ("tenant", tenant.to_string()),
            self.deps.clock.now(),
        )
        .before(json!({ "status": before.status.as_str() }))
        .after(json!({ "status": status.as_str(), "reason": reason }));
        self.deps
            .tenants
            .set_status(tenant, status, reason, &audit)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[tokio::test]
    async fn only_platform_admins_suspend_tenants() {
        let service = AdminService::new(Mocks::new().into_deps());
        let err = service
            .suspend(&actor(), TenantId::generate(), None)
            .await
            .unwrap_err();
        assert!(matches!(err, DomainError::Forbidden(_)));
    }

    #[tokio::test]
    async fn suspending_an_unknown_tenant_is_not_found() {
        let unknown = TenantId::generate();
        let mut mocks = Mocks::new();
        mocks
            .tenants
            .expect_find()
            .with(mockall::predicate::eq(unknown))
            .returning(|_| Ok(None));
        let service = AdminService::new(mocks.into_deps());
        let mut admin = actor();
        admin.is_platform_admin = true;
        let err = service
            .suspend(&admin, unknown, Some("unpaid".into()))
            .await
            .unwrap_err();
        assert!(matches!(err, DomainError::NotFound { .. }));
    }

    #[tokio::test]
    async fn suspension_is_audited_in_the_tenant_with_its_reason() {
        let mut mocks = Mocks::new();
        let existing = tenant();
        let id = existing.id;
        mocks
            .tenants
            .expect_find()
            .with(mockall::predicate::eq(id))
            .returning(move |_| Ok(Some(existing.clone())));
        mocks
            .tenants
            .expect_set_status()
            .withf(move |tenant, status, reason, audit| {
                *tenant == id
                    && *status == TenantStatus::Suspended
                    && reason.as_deref() == Some("unpaid")
                    && audit.tenant_id == id
                    && audit.action == "tenant.suspended"
            })
            .times(1)
            .returning(|_, _, _, _| {
                let mut t = tenant();
                t.status = TenantStatus::Suspended;
                Ok(t)
            });
        let service = AdminService::new(mocks.into_deps());
        let mut admin = actor();
        admin.is_platform_admin = true;
        let suspended = service
            .suspend(&admin, id, Some(" unpaid ".into()))
            .await
            .unwrap();
        assert_eq!(suspended.status, TenantStatus::Suspended);
    }
}
