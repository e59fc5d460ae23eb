use std::sync::Arc;

use serde_json::json;
use trellis_kernel::{Actor, DomainError, DomainResult, FieldErrors, Permission, TenantId};

use super::TenancyDeps;
use crate::membership::{Membership, MembershipId, UserMembership};
use crate::plan::Plan;
use crate::role::Role;
use crate::session::Principal;
use crate::slug::Slug;
use crate::tenant::{Tenant, TenantStatus, parse_display_name};
use trellis_kernel::AuditEntry;

#[derive(Debug, Clone)]
pub struct CreateTenant {
    pub name: String,
    pub slug: String,
    pub plan: Plan,
}

#[derive(Clone)]
pub struct TenantService {
    deps: Arc<TenancyDeps>,
}

impl TenantService {
    pub fn new(deps: Arc<TenancyDeps>) -> Self {
        Self { deps }
    }

    /// Creates an organization with the caller as its OWNER.
    ///
    /// # Errors
    /// `Validation` listing each bad field; `Conflict` if the slug is taken.
    #[tracing::instrument(skip_all, fields(user = %actor.user_id))]
    pub async fn create(&self, actor: &Actor, input: CreateTenant) -> DomainResult<Tenant> {
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_display_name("name", &input.name));
        let slug = errors.check(Slug::parse("slug", &input.slug));
        errors.into_result()?;
        let (Some(name), Some(slug)) = (name, slug) else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };

        let now = self.deps.clock.now();
        let tenant = Tenant {
            id: TenantId::generate(),
            name,
            slug,
            plan: input.plan,
            status: TenantStatus::Active,
            suspended_reason: None,
            created_at: now,
            updated_at: now,
        };
        let roles = Role::builtins_for(tenant.id, now);
        let owner_role = roles
            .iter()
            .find(|role| role.is_owner())
            .cloned()
            .ok_or_else(|| DomainError::internal_msg("built-in roles lack OWNER"))?;
        let owner = Membership {
            id: MembershipId::generate(),
            tenant_id: tenant.id,
            user_id: actor.user_id,
            role: owner_role,
            created_at: now,
        };
        let audit = AuditEntry::new(
            tenant.id,
            Some(actor.user_id),
            &actor.meta,
            "tenant.created",
            ("tenant", tenant.id.to_string()),
            now,
        )
        .after(json!({
            "name": tenant.name,
            "slug": tenant.slug.as_str(),
            "plan": tenant.plan.as_str(),
        }));
        self.deps
            .tenants
            .create(&tenant, &roles, &owner, &audit)
            .await?;
        tracing::info!(tenant = %tenant.id, "tenant created");
        Ok(tenant)
    }

    /// The tenant the caller is acting in, as read when the request was
    /// authenticated; read again only for a caller built without it.
    ///
    /// # Errors
    /// `Forbidden` as `Principal::tenant_ctx` says, or without `tenant.read`.
    pub async fn current(&self, principal: &Principal) -> DomainResult<Tenant> {
        let ctx = principal.tenant_ctx()?;
        ctx.require(Permission::TenantRead)?;
        if let Some(tenant) = principal
            .selected_tenant
            .as_ref()
            .filter(|tenant| tenant.id == ctx.tenant_id)
        {
            return Ok(tenant.clone());
        }
        self.deps
            .tenants
            .find(ctx.tenant_id)
            .await?
            .ok_or_else(|| DomainError::not_found("tenant"))
    }

    /// Every tenant the caller belongs to, with their role there.
    pub async fn memberships_of(&self, actor: &Actor) -> DomainResult<Vec<UserMembership>> {
        self.deps.memberships.list_for_user(actor.user_id).await
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[tokio::test]
    async fn the_creator_becomes_owner_and_the_creation_is_audited() {
        let mut mocks = Mocks::new();
        let actor = actor();
        let user = actor.user_id;
        mocks
            .tenants
            .expect_create()
            .withf(move |tenant, roles, owner, audit| {
                owner.user_id == user
                    && owner.role.is_owner()
                    && owner.tenant_id == tenant.id
                    && roles.len() == 4
                    && roles.iter().all(|r| r.tenant_id == tenant.id)
                    && audit.action == "tenant.created"
                    && audit.tenant_id == tenant.id
                    && audit.actor_id == Some(user)
            })
            .times(1)
            .returning(|_, _, _, _| Ok(()));
        let service = TenantService::new(mocks.into_deps());
        let tenant = service
            .create(
                &actor,
                CreateTenant {
                    name: " Acme ".into(),
                    slug: "acme".into(),
                    plan: Plan::Free,
                },
            )
            .await
            .unwrap();
        assert_eq!(tenant.name, "Acme");
        assert_eq!(tenant.status, TenantStatus::Active);
    }

    #[tokio::test]
    async fn every_bad_field_is_reported_and_nothing_is_written() {
        let mocks = Mocks::new(); // no expectations: any write would panic
        let service = TenantService::new(mocks.into_deps());
        let err = service
            .create(
                &actor(),
                CreateTenant {
                    name: "   ".into(),
                    slug: "A".into(),
                    plan: Plan::Free,
                },
            )
            .await
            .unwrap_err();
        let DomainError::Validation(fields) = err else {
            panic!("expected validation, got {err:?}");
        };
        let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["name", "slug"]);
    }

    #[tokio::test]
    async fn a_taken_slug_is_a_conflict() {
        let mut mocks = Mocks::new();
        mocks
            .tenants
            .expect_create()
            .returning(|_, _, _, _| Err(DomainError::conflict("slug `acme` is taken")));
        let service = TenantService::new(mocks.into_deps());
        let err = service
            .create(
                &actor(),
                CreateTenant {
                    name: "Acme".into(),
                    slug: "acme".into(),
                    plan: Plan::Pro,
                },
            )
            .await
            .unwrap_err();
        assert!(matches!(err, DomainError::Conflict(_)));
    }
}
