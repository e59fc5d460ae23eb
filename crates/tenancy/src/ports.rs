//! What the tenancy use cases need from the outside world. Each write method
//! takes the audit entry of its change: the adapter commits both in one
//! transaction, so a change is never without its trail.
//!
//! Every tenant-scoped method takes the tenant first. Errors not listed under
//! a method are `Internal`.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use trellis_kernel::{
    AuditEntry, AuditRepository, DomainResult, Page, PageRequest, RestoreAudit, SessionId,
    TenantId, UserId,
};

use crate::email::Email;
use crate::invitation::{Invitation, InvitationId};
use crate::membership::{Member, Membership, UserMembership};
use crate::role::{Role, RoleId};
use crate::session::{PrincipalRecord, RotateOutcome, Session};
use crate::tenant::{Tenant, TenantStatus};
use crate::token::TokenHash;
use crate::user::{User, UserCredentials};

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait UserRepository: Send + Sync {
    /// # Errors
    /// `Conflict` if a user with this email exists.
    async fn create(&self, user: &User, password_hash: &str) -> DomainResult<()>;

    async fn find(&self, id: UserId) -> DomainResult<Option<User>>;

    async fn find_by_email(&self, email: &Email) -> DomainResult<Option<UserCredentials>>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait TenantRepository: Send + Sync {
    /// Creates the tenant, its roles, its first (owner) membership and the
    /// audit entry, all or nothing.
    ///
    /// # Errors
    /// `Conflict` if the slug is taken.
    async fn create(
        &self,
        tenant: &Tenant,
        roles: &[Role],
        owner: &Membership,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    async fn find(&self, id: TenantId) -> DomainResult<Option<Tenant>>;

    /// All tenants, oldest first; for platform administrators.
    async fn list(&self, page: PageRequest) -> DomainResult<Page<Tenant>>;

    /// Records the status and returns the tenant as it now is.
    ///
    /// # Errors
    /// `NotFound` if there is no such tenant.
    async fn set_status(
        &self,
        id: TenantId,
        status: TenantStatus,
        reason: Option<String>,
        audit: &AuditEntry,
    ) -> DomainResult<Tenant>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait MembershipRepository: Send + Sync {
    async fn find(&self, tenant: TenantId, user: UserId) -> DomainResult<Option<Membership>>;

    /// Members with their user and role, in joining order.
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Member>>;

    /// Every tenant the user belongs to, with the user's role there.
    async fn list_for_user(&self, user: UserId) -> DomainResult<Vec<UserMembership>>;

    async fn count(&self, tenant: TenantId) -> DomainResult<u64>;

    async fn count_owners(&self, tenant: TenantId) -> DomainResult<u64>;

    /// # Errors
    /// `NotFound` if the user is not a member or the role is not this
    /// tenant's; `Conflict` if the change would leave the tenant without an
    /// OWNER (checked atomically with the write).
    async fn change_role(
        &self,
        tenant: TenantId,
        user: UserId,
        role: &Role,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// # Errors
    /// `NotFound` if the user is not a member; `Conflict` if it would remove
    /// the last OWNER (checked atomically with the write).
    async fn remove(&self, tenant: TenantId, user: UserId, audit: &AuditEntry) -> DomainResult<()>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait RoleRepository: Send + Sync {
    /// Built-in roles first, then custom roles in creation order.
    async fn list(&self, tenant: TenantId) -> DomainResult<Vec<Role>>;

    /// Names match ignoring case: `member` finds `MEMBER`.
    async fn find_by_name(&self, tenant: TenantId, name: &str) -> DomainResult<Option<Role>>;

    /// The tenant's live role with this id.
    async fn find(&self, tenant: TenantId, id: RoleId) -> DomainResult<Option<Role>>;

    /// # Errors
    /// `Conflict` if the tenant has a role of that name, in any case.
    async fn create(&self, tenant: TenantId, role: &Role, audit: &AuditEntry) -> DomainResult<()>;

    /// Deletes (softly) a custom role nobody holds. Whether a member holds
    /// it or a pending invitation (unaccepted, unexpired at the audit
    /// entry's time) names it is checked under the tenant lock that
    /// membership changes and invitations take, so none can start using it
    /// meanwhile.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such live role; `Conflict` for a
    /// built-in role, or one still held or offered, saying how often.
    async fn delete(&self, tenant: TenantId, id: RoleId, audit: &AuditEntry) -> DomainResult<()>;

    /// Brings a deleted role back and returns it.
    ///
    /// # Errors
    /// `NotFound` if the tenant has no such role, live or deleted;
    /// `Conflict` if it is not deleted, or a live role has its name.
    async fn restore(
        &self,
        tenant: TenantId,
        id: RoleId,
        audit: &RestoreAudit<Role>,
    ) -> DomainResult<Role>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait InvitationRepository: Send + Sync {
    /// # Errors
    /// `Conflict` if a pending invitation for the same email exists;
    /// `NotFound` if the role is not this tenant's.
    async fn create(
        &self,
        tenant: TenantId,
        invitation: &Invitation,
        token: &TokenHash,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Invitations neither accepted nor expired at `now`.
    async fn count_pending(&self, tenant: TenantId, now: DateTime<Utc>) -> DomainResult<u64>;

    async fn list_pending(
        &self,
        tenant: TenantId,
        now: DateTime<Utc>,
        page: PageRequest,
    ) -> DomainResult<Page<Invitation>>;

    /// Finds an invitation by its secret token. Not tenant-scoped: the token
    /// is the credential, and the invitation names its tenant.
    async fn find_by_token(&self, token: &TokenHash) -> DomainResult<Option<Invitation>>;

    /// Withdraws a pending invitation: its token stops working and its place
    /// under the member limit is freed.
    ///
    /// # Errors
    /// `NotFound` unless the tenant has an unaccepted invitation with this id.
    async fn revoke(
        &self,
        tenant: TenantId,
        invitation: InvitationId,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Marks the invitation accepted and adds the membership, all or nothing.
    /// The plan's member limit is checked again inside the same transaction,
    /// so concurrent acceptances cannot pass it.
    ///
    /// # Errors
    /// `NotFound` for an unknown invitation of this tenant; `Conflict` if it
    /// was accepted meanwhile or the user is already a member;
    /// `LimitExceeded` at the plan's member limit.
    async fn accept(
        &self,
        tenant: TenantId,
        invitation: InvitationId,
        membership: &Membership,
        audit: &AuditEntry,
    ) -> DomainResult<()>;
}

#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
#[async_trait]
pub trait SessionRepository: Send + Sync {
    /// Stores a new session with its first refresh token.
    async fn create(
        &self,
        session: &Session,
        refresh: &TokenHash,
        audit: Option<AuditEntry>,
    ) -> DomainResult<()>;

    /// Exchanges the presented refresh token for `next`, atomically: of two
    /// concurrent uses of one token, one rotates and the other is `Reused`.
    /// A `Reused` outcome has already revoked the session.
    async fn rotate(
        &self,
        presented: &TokenHash,
        next: &TokenHash,
        now: DateTime<Utc>,
    ) -> DomainResult<RotateOutcome>;

    /// Selects `tenant` in the session and replaces every refresh token of the
    /// session with `next`.
    ///
    /// # Errors
    /// `NotFound` if the session is not live.
    async fn switch_tenant(
        &self,
        session: SessionId,
        tenant: TenantId,
        next: &TokenHash,
        now: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> DomainResult<()>;

    /// Revokes the session; revoking a revoked session changes nothing.
    async fn revoke(
        &self,
        session: SessionId,
        now: DateTime<Utc>,
        audit: Option<AuditEntry>,
    ) -> DomainResult<()>;

    /// The session, its user and, if `tenant` is given, the user's current
    /// membership there. `None` if the session is not the user's or is not
    /// live at `now`. This runs on every authenticated request.
    async fn load_principal(
        &self,
        session: SessionId,
        user: UserId,
        tenant: Option<TenantId>,
        now: DateTime<Utc>,
    ) -> DomainResult<Option<PrincipalRecord>>;
}

/// Every repository the tenancy use cases reach, as one bundle: what a store
/// adapter hands out, and what a test swaps a field of.
#[derive(Clone)]
pub struct TenancyPorts {
    pub users: Arc<dyn UserRepository>,
    pub tenants: Arc<dyn TenantRepository>,
    pub memberships: Arc<dyn MembershipRepository>,
    pub roles: Arc<dyn RoleRepository>,
    pub invitations: Arc<dyn InvitationRepository>,
    pub sessions: Arc<dyn SessionRepository>,
    pub audit: Arc<dyn AuditRepository>,
}
