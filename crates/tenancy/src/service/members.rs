use std::sync::Arc;

use chrono::Duration;
use serde_json::json;
use trellis_kernel::{
    Actor, DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, TenantCtx, UserId,
};

use super::TenancyDeps;
use crate::email::Email;
use crate::invitation::{INVITATION_TTL_DAYS, Invitation, InvitationId};
use crate::membership::{Member, Membership, MembershipId};
use crate::plan::PlanLimits;
use crate::role::Role;
use crate::tenant::Tenant;
use crate::token::{TokenHash, generate_opaque};
use trellis_kernel::AuditEntry;

const INVITATION_PREFIX: &str = "inv";

#[derive(Debug, Clone)]
pub struct InviteMember {
    pub email: String,
    pub role: String,
}

/// A new invitation and its secret token, shown to the inviter once.
#[derive(Debug, Clone)]
pub struct IssuedInvitation {
    pub invitation: Invitation,
    pub token: String,
}

#[derive(Debug, Clone)]
pub struct AcceptedInvitation {
    pub tenant: Tenant,
    pub membership: Membership,
}

#[derive(Clone)]
pub struct MemberService {
    deps: Arc<TenancyDeps>,
}

impl MemberService {
    pub fn new(deps: Arc<TenancyDeps>) -> Self {
        Self { deps }
    }

    pub async fn list(&self, ctx: &TenantCtx, page: PageRequest) -> DomainResult<Page<Member>> {
        ctx.require(Permission::MembersRead)?;
        self.deps.memberships.list(ctx.tenant_id, page).await
    }

    pub async fn pending_invitations(
        &self,
        ctx: &TenantCtx,
        page: PageRequest,
    ) -> DomainResult<Page<Invitation>> {
        ctx.require(Permission::MembersRead)?;
        let now = self.deps.clock.now();
        self.deps
            .invitations
            .list_pending(ctx.tenant_id, now, page)
            .await
    }

    /// Invites an email address with a role no stronger than the inviter's.
    ///
    /// # Errors
    /// `Validation` for a bad email or unknown role; `Forbidden` for a role
    /// stronger than the inviter's; `Conflict` if the person is a member or
    /// has a pending invitation; `LimitExceeded` at the plan's member limit.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn invite(
        &self,
        ctx: &TenantCtx,
        input: InviteMember,
    ) -> DomainResult<IssuedInvitation> {
        ctx.require(Permission::MembersInvite)?;
        let mut errors = FieldErrors::new();
        let email = errors.check(Email::parse("email", &input.email));
        let role = errors.check(self.role_named(ctx, "role", &input.role).await);
        errors.into_result()?;
        let (Some(email), Some(role)) = (email, role) else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };
        ensure_may_grant(ctx, &role)?;

        if let Some(existing) = self.deps.users.find_by_email(&email).await?
            && self
                .deps
                .memberships
                .find(ctx.tenant_id, existing.user.id)
                .await?
                .is_some()
        {
            return Err(DomainError::conflict(format!(
                "{email} is already a member"
            )));
        }

        let now = self.deps.clock.now();
        let tenant = self.tenant(ctx).await?;
        let members = self.deps.memberships.count(ctx.tenant_id).await?;
        let pending = self
            .deps
            .invitations
            .count_pending(ctx.tenant_id, now)
            .await?;
        PlanLimits::check(
            tenant.plan.limits().max_members,
            "members",
            members + pending,
            1,
        )?;

        let token = generate_opaque(INVITATION_PREFIX);
        let invitation = Invitation {
            id: InvitationId::generate(),
            tenant_id: ctx.tenant_id,
            email,
            role,
            invited_by: ctx.user_id(),
            created_at: now,
            expires_at: now + Duration::days(INVITATION_TTL_DAYS),
            accepted_at: None,
        };
        let audit = self
            .audit(
                ctx,
                "member.invited",
                ("invitation", invitation.id.to_string()),
            )
            .after(json!({
                "email": invitation.email.as_str(),
                "role": invitation.role.name,
                "expiresAt": invitation.expires_at,
            }));
        self.deps
            .invitations
            .create(ctx.tenant_id, &invitation, &TokenHash::of(&token), &audit)
            .await?;
        Ok(IssuedInvitation { invitation, token })
    }

    /// Withdraws a pending invitation.
    ///
    /// # Errors
    /// `Forbidden` without `members.invite`; `NotFound` for an invitation
    /// that is not a pending one of the caller's tenant.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, invitation = %invitation))]
    pub async fn revoke_invitation(
        &self,
        ctx: &TenantCtx,
        invitation: InvitationId,
    ) -> DomainResult<InvitationId> {
        ctx.require(Permission::MembersInvite)?;
        let audit = self.audit(
            ctx,
            "invitation.revoked",
            ("invitation", invitation.to_string()),
        );
        self.deps
            .invitations
            .revoke(ctx.tenant_id, invitation, &audit)
            .await?;
        Ok(invitation)
    }

    /// Joins the tenant an invitation was for. The caller must be signed in
    /// with the invited email address.
    ///
    /// # Errors
    /// `NotFound` for an unknown or expired token; `Forbidden` when signed in
    /// with another email; `Conflict` if already accepted or already a member;
    /// `LimitExceeded` at the plan's member limit.
    #[tracing::instrument(skip_all, fields(user = %actor.user_id))]
    pub async fn accept(&self, actor: &Actor, token: &str) -> DomainResult<AcceptedInvitation> {
        let now = self.deps.clock.now();
        let invitation = self
            .deps
            .invitations
            .find_by_token(&TokenHash::of(token))
            .await?
            .filter(|inv| inv.expires_at > now)
            .ok_or_else(|| DomainError::not_found("invitation"))?;
        if invitation.accepted_at.is_some() {
            return Err(DomainError::conflict(
                "this invitation has already been accepted",
            ));
        }
        let user = self
            .deps
            .users
            .find(actor.user_id)
            .await?
            .ok_or_else(|| DomainError::unauthenticated("account no longer exists"))?;
        if user.email != invitation.email {
            return Err(DomainError::forbidden(
                "this invitation was sent to another email address",
            ));
        }
        let tenant = self
            .deps
            .tenants
            .find(invitation.tenant_id)
            .await?
            .ok_or_else(|| DomainError::not_found("invitation"))?;
        tenant.ensure_active()?;
        let members = self.deps.memberships.count(tenant.id).await?;
        PlanLimits::check(tenant.plan.limits().max_members, "members", members, 1)?;

        let membership = Membership {
            id: MembershipId::generate(),
            tenant_id: tenant.id,
            user_id: user.id,
            role: invitation.role.clone(),
            created_at: now,
        };
        let audit = AuditEntry::new(
            tenant.id,
            Some(user.id),
            &actor.meta,
            "member.joined",
            ("member", user.id.to_string()),
            now,
        )
        .after(json!({ "role": membership.role.name, "invitationId": invitation.id }));
        self.deps
            .invitations
            .accept(tenant.id, invitation.id, &membership, &audit)
            .await?;
        Ok(AcceptedInvitation { tenant, membership })
    }

    /// # Errors
    /// `NotFound` if the user is not a member of the caller's tenant;
    /// `Validation` for an unknown role; `Forbidden` when the caller's role is
    /// weaker than the member's current or new role; `Conflict` when it would
    /// demote the last OWNER.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, member = %user))]
    pub async fn change_role(
        &self,
        ctx: &TenantCtx,
        user: UserId,
        role: &str,
    ) -> DomainResult<Member> {
        ctx.require(Permission::MembersUpdate)?;
        let current = self.member(ctx, user).await?;
        let role = self.role_named(ctx, "role", role).await?;
        ensure_may_manage(ctx, &current.role)?;
        ensure_may_grant(ctx, &role)?;
        if current.role.is_owner() && !role.is_owner() {
            self.ensure_not_last_owner(ctx, "the last OWNER cannot be demoted")
                .await?;
        }
        let audit = self
            .audit(ctx, "member.role_changed", ("member", user.to_string()))
            .before(json!({ "role": current.role.name }))
            .after(json!({ "role": role.name }));
        self.deps
            .memberships
            .change_role(ctx.tenant_id, user, &role, &audit)
            .await?;
        let user = self
            .deps
            .users
            .find(user)
            .await?
            .ok_or_else(|| DomainError::not_found("member"))?;
        Ok(Member {
            membership_id: current.id,
            user,
            role,
            joined_at: current.created_at,
        })
    }

    /// Removes a member. Anyone may remove themselves (leave the tenant).
    ///
    /// # Errors
    /// `NotFound` if the user is not a member; `Forbidden` when the caller's
    /// role is weaker than the member's; `Conflict` for the last OWNER.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, member = %user))]
    pub async fn remove(&self, ctx: &TenantCtx, user: UserId) -> DomainResult<UserId> {
        let leaving = user == ctx.user_id();
        if !leaving {
            ctx.require(Permission::MembersRemove)?;
        }
        let current = self.member(ctx, user).await?;
        if !leaving {
            ensure_may_manage(ctx, &current.role)?;
        }
        if current.role.is_owner() {
            self.ensure_not_last_owner(ctx, "the last OWNER cannot be removed")
                .await?;
        }
        let audit = self
            .audit(ctx, "member.removed", ("member", user.to_string()))
            .before(json!({ "role": current.role.name }));
        self.deps
            .memberships
            .remove(ctx.tenant_id, user, &audit)
            .await?;
        Ok(user)
    }

    fn audit(&self, ctx: &TenantCtx, action: &str, entity: (&str, String)) -> AuditEntry {
        AuditEntry::by_member(ctx, action, entity, self.deps.clock.now())
    }

    async fn member(&self, ctx: &TenantCtx, user: UserId) -> DomainResult<Membership> {
        self.deps
            .memberships
            .find(ctx.tenant_id, user)
            .await?
            .ok_or_else(|| DomainError::not_found("member"))
    }

    async fn tenant(&self, ctx: &TenantCtx) -> DomainResult<Tenant> {
        self.deps
            .tenants
            .find(ctx.tenant_id)
            .await?
            .ok_or_else(|| DomainError::not_found("tenant"))
    }

    async fn role_named(&self, ctx: &TenantCtx, field: &str, name: &str) -> DomainResult<Role> {
        self.deps
            .roles
            .find_by_name(ctx.tenant_id, name.trim())
            .await?
            .ok_or_else(|| DomainError::invalid(field, format!("unknown role `{}`", name.trim())))
    }

    async fn ensure_not_last_owner(&self, ctx: &TenantCtx, message: &str) -> DomainResult<()> {
        if self.deps.memberships.count_owners(ctx.tenant_id).await? <= 1 {
            return Err(DomainError::conflict(message));
        }
        Ok(())
    }
}

/// Nobody hands out more than they hold: every permission of `role` must be
/// the caller's too.
fn ensure_may_grant(ctx: &TenantCtx, role: &Role) -> DomainResult<()> {
    if role.permissions().is_subset(&ctx.permissions) {
        Ok(())
    } else {
        Err(DomainError::forbidden(format!(
            "your role `{}` cannot grant the role `{}`",
            ctx.role, role.name
        )))
    }
}

/// Nobody changes or removes a member who holds more than they do.
fn ensure_may_manage(ctx: &TenantCtx, target: &Role) -> DomainResult<()> {
    if target.permissions().is_subset(&ctx.permissions) {
        Ok(())
    } else {
        Err(DomainError::forbidden(format!(
            "your role `{}` cannot manage a member with the role `{}`",
            ctx.role, target.name
        )))
    }
}

#[cfg(test)]
#[path = "members_tests.rs"]
mod tests;
