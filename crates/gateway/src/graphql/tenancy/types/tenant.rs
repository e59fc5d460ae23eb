use async_graphql::{ComplexObject, Context, Enum, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_kernel::{DomainError, PageRequest};
use trellis_tenancy as tenancy;

use super::member::{InvitationConnection, MemberConnection};
use crate::graphql::connection::{connection, page_complexity};
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum Plan {
    Free,
    Pro,
    Enterprise,
}

impl From<tenancy::Plan> for Plan {
    fn from(plan: tenancy::Plan) -> Self {
        match plan {
            tenancy::Plan::Free => Plan::Free,
            tenancy::Plan::Pro => Plan::Pro,
            tenancy::Plan::Enterprise => Plan::Enterprise,
        }
    }
}

impl From<Plan> for tenancy::Plan {
    fn from(plan: Plan) -> Self {
        match plan {
            Plan::Free => tenancy::Plan::Free,
            Plan::Pro => tenancy::Plan::Pro,
            Plan::Enterprise => tenancy::Plan::Enterprise,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum TenantStatus {
    Active,
    /// Suspended by a platform administrator; its members cannot reach its data.
    Suspended,
}

impl From<tenancy::TenantStatus> for TenantStatus {
    fn from(status: tenancy::TenantStatus) -> Self {
        match status {
            tenancy::TenantStatus::Active => TenantStatus::Active,
            tenancy::TenantStatus::Suspended => TenantStatus::Suspended,
        }
    }
}

/// What the tenant's plan allows; `null` is unlimited.
#[derive(Debug, Clone, Copy, SimpleObject)]
pub struct PlanLimits {
    pub max_members: Option<i32>,
    pub max_items: Option<i32>,
    pub max_forms: Option<i32>,
    /// The largest single attachment, in bytes.
    pub max_attachment_bytes: Option<i64>,
    /// All of the tenant's attachments together, in bytes.
    pub max_storage_bytes: Option<i64>,
}

impl From<tenancy::PlanLimits> for PlanLimits {
    fn from(limits: tenancy::PlanLimits) -> Self {
        // Saturate rather than wrap: a limit too large for Int must not read
        // as a small one, nor as unlimited.
        let int = |limit: Option<u64>| limit.map(|n| i32::try_from(n).unwrap_or(i32::MAX));
        // Byte counts pass Int's 32 bits (100 GiB); they travel as 64-bit.
        let bytes = |limit: Option<u64>| limit.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        Self {
            max_members: int(limits.max_members),
            max_items: int(limits.max_items),
            max_forms: int(limits.max_forms),
            max_attachment_bytes: bytes(limits.max_attachment_bytes),
            max_storage_bytes: bytes(limits.max_storage_bytes),
        }
    }
}

/// An organization: the unit of data isolation.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Tenant {
    pub id: ID,
    pub name: String,
    pub slug: String,
    pub plan: Plan,
    pub status: TenantStatus,
    pub suspended_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub limits: PlanLimits,
    #[graphql(skip)]
    pub tenant_id: trellis_kernel::TenantId,
}

impl From<tenancy::Tenant> for Tenant {
    fn from(tenant: tenancy::Tenant) -> Self {
        Self {
            id: id(tenant.id),
            name: tenant.name,
            slug: tenant.slug.to_string(),
            plan: tenant.plan.into(),
            status: tenant.status.into(),
            suspended_reason: tenant.suspended_reason,
            created_at: tenant.created_at,
            limits: tenant.plan.limits().into(),
            tenant_id: tenant.id,
        }
    }
}

#[ComplexObject]
impl Tenant {
    /// Members in joining order. Readable on the tenant you are signed in
    /// to; on any other tenant object this is `NOT_FOUND`.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn members(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<MemberConnection> {
        let state = ctx.data::<AppState>()?;
        let scope = self.scope(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let members = state.tenancy.members.list(scope, page).await.gql(ctx)?;
        Ok(MemberConnection::from_page(members, |m| {
            m.membership_id.as_uuid()
        }))
    }

    /// Invitations neither accepted nor expired, oldest first. Same scope
    /// as `members`.
    #[graphql(complexity = "page_complexity(first, child_complexity)")]
    async fn invitations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<InvitationConnection> {
        let state = ctx.data::<AppState>()?;
        let scope = self.scope(ctx)?;
        let page = PageRequest::from_args(first, after.as_deref()).gql(ctx)?;
        let invitations = state
            .tenancy
            .members
            .pending_invitations(scope, page)
            .await
            .gql(ctx)?;
        Ok(InvitationConnection::from_page(invitations, |i| {
            i.id.as_uuid()
        }))
    }
}

impl Tenant {
    /// The member use cases list the caller's current tenant. A `Tenant`
    /// object may be another one (from `adminTenants` or `me.memberships`);
    /// answering with the current tenant's rows there would be a lie, so it
    /// is `NOT_FOUND` instead (DESIGN.md, tenancy rule 4).
    fn scope<'c>(&self, ctx: &Context<'c>) -> Result<&'c trellis_kernel::TenantCtx> {
        let scope = tenant_ctx(ctx).gql(ctx)?;
        if scope.tenant_id == self.tenant_id {
            Ok(scope)
        } else {
            Err(DomainError::not_found("tenant")).gql(ctx)
        }
    }
}

connection!(TenantConnection, TenantEdge, Tenant);

/// One of the signed-in user's tenants, and their role there.
#[derive(Debug, Clone, SimpleObject)]
pub struct Membership {
    pub tenant: Tenant,
    /// The role's name: `OWNER`, `ADMIN`, `MEMBER`, `VIEWER` or a custom role.
    pub role: String,
    pub joined_at: DateTime<Utc>,
}

impl From<tenancy::UserMembership> for Membership {
    fn from(membership: tenancy::UserMembership) -> Self {
        Self {
            tenant: membership.tenant.into(),
            role: membership.role.name,
            joined_at: membership.joined_at,
        }
    }
}
