use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::AuditEntry;
use trellis_kernel::{DomainError, DomainResult, Page, PageRequest, TenantId};
use trellis_tenancy::ports::InvitationRepository;
use trellis_tenancy::{Invitation, InvitationId, Membership, Plan, PlanLimits, TokenHash};

use super::memberships::count_members;
use crate::SeaOrmStore;
use crate::error::{internal, role_write_error};
use crate::tenancy::convert;
use crate::tenancy::entity::{invitation, membership, role, tenant};
use crate::write::Scope;
use crate::write::{ensure_scope, exists};

/// Invitations of `tenant` that can still be accepted at `now`.
pub(crate) fn pending(tenant: TenantId, now: DateTime<Utc>) -> sea_orm::Select<invitation::Entity> {
    invitation::Entity::find()
        .filter(invitation::Column::TenantId.eq(tenant.as_uuid()))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
}

fn with_role(row: (invitation::Model, Option<role::Model>)) -> DomainResult<Invitation> {
    let (model, role) = row;
    let role = role.ok_or_else(|| DomainError::internal_msg("invitation without its role"))?;
    Ok(convert::invitation(model, convert::role(role)?))
}

#[async_trait]
impl InvitationRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn create(
        &self,
        tenant: TenantId,
        invitation: &Invitation,
        token: &TokenHash,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, invitation.tenant_id, "the invitation")?;
        let txn = self.write(tenant).await?;
        // Under the tenant lock, two invitations of one address cannot both
        // find the other missing.
        if !txn.lock_tenant().await? {
            return Err(DomainError::not_found("tenant"));
        }
        let open = pending(tenant, invitation.created_at)
            .filter(invitation::Column::Email.eq(invitation.email.as_str()))
            .count(&txn)
            .await
            .map_err(internal)?;
        if open > 0 {
            return Err(DomainError::conflict(format!(
                "{} already has a pending invitation",
                invitation.email
            )));
        }
        // A deleted role still satisfies the key; it is offered no more.
        if !exists::<role::Entity, _>(&txn, tenant, invitation.role.id.as_uuid()).await? {
            return Err(DomainError::not_found("role"));
        }
        let model = invitation::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            id: Set(invitation.id.as_uuid()),
            email: Set(invitation.email.as_str().to_owned()),
            role_id: Set(invitation.role.id.as_uuid()),
            token_hash: Set(token.as_str().to_owned()),
            invited_by: Set(invitation.invited_by.as_uuid()),
            created_at: Set(invitation.created_at),
            expires_at: Set(invitation.expires_at),
            accepted_at: Set(invitation.accepted_at),
        };
        invitation::Entity::insert(model)
            .exec_without_returning(&txn)
            .await
            .map_err(|e| role_write_error(e, "this invitation token is already in use"))?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn count_pending(&self, tenant: TenantId, now: DateTime<Utc>) -> DomainResult<u64> {
        pending(tenant, now)
            .count(&self.read(tenant))
            .await
            .map_err(internal)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list_pending(
        &self,
        tenant: TenantId,
        now: DateTime<Utc>,
        page: PageRequest,
    ) -> DomainResult<Page<Invitation>> {
        let mut query = pending(tenant, now);
        if let Some(after) = page.after {
            query = query.filter(invitation::Column::Id.gt(after.0));
        }
        let rows = query
            .find_also_related(role::Entity)
            .order_by_asc(invitation::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let invitations = rows
            .into_iter()
            .map(with_role)
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(invitations, &page))
    }

    /// The one unscoped lookup of tenant data: the token is the credential.
    #[tracing::instrument(skip_all)]
    async fn find_by_token(&self, token: &TokenHash) -> DomainResult<Option<Invitation>> {
        invitation::Entity::find()
            .find_also_related(role::Entity)
            .filter(invitation::Column::TokenHash.eq(token.as_str()))
            // An invitation to a deleted role cannot be accepted.
            .filter(role::Column::DeletedAt.is_null())
            .one(&self.read_in(Scope {
                invitation: Some(token.as_str()),
                ..Scope::default()
            }))
            .await
            .map_err(internal)?
            .map(with_role)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, invitation = %invitation))]
    async fn revoke(
        &self,
        tenant: TenantId,
        invitation: InvitationId,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        // A withdrawn offer leaves nothing to keep but its audit entry.
        let deleted = invitation::Entity::delete_many()
            .filter(invitation::Column::TenantId.eq(tenant.as_uuid()))
            .filter(invitation::Column::Id.eq(invitation.as_uuid()))
            .filter(invitation::Column::AcceptedAt.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        if deleted.rows_affected == 0 {
            return Err(DomainError::not_found("invitation"));
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, invitation = %invitation))]
    async fn accept(
        &self,
        tenant: TenantId,
        invitation: InvitationId,
        membership: &Membership,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, membership.tenant_id, "the membership")?;
        let now = membership.created_at;
        let txn = self.write(tenant).await?;
        // The lock serializes acceptances in one tenant, so the member limit
        // below holds however many people accept at once.
        if !txn.lock_tenant().await? {
            return Err(DomainError::not_found("invitation"));
        }
        // A role's delete waits for no invitation that had expired by its
        // clock, and this one's clock was read before the lock: the role may
        // have gone meanwhile. A deleted role is granted no more.
        if !exists::<role::Entity, _>(&txn, tenant, membership.role.id.as_uuid()).await? {
            return Err(DomainError::not_found("invitation"));
        }
        let accepted = invitation::Entity::update_many()
            .col_expr(invitation::Column::AcceptedAt, Expr::value(now))
            .filter(invitation::Column::TenantId.eq(tenant.as_uuid()))
            .filter(invitation::Column::Id.eq(invitation.as_uuid()))
            .filter(invitation::Column::AcceptedAt.is_null())
            .filter(invitation::Column::ExpiresAt.gt(now))
            .exec(&txn)
            .await
            .map_err(internal)?;
        if accepted.rows_affected == 0 {
            let existing = invitation::Entity::find_by_id((tenant.as_uuid(), invitation.as_uuid()))
                .one(&txn)
                .await
                .map_err(internal)?;
            return Err(match existing {
                Some(row) if row.accepted_at.is_some() => {
                    DomainError::conflict("this invitation has already been accepted")
                }
                // Unknown here, or expired: as if it never existed.
                _ => DomainError::not_found("invitation"),
            });
        }

        let plan = tenant::Entity::find_by_id(tenant.as_uuid())
            .one(&txn)
            .await
            .map_err(internal)?
            .ok_or_else(|| DomainError::not_found("invitation"))?
            .plan
            .parse::<Plan>()
            .map_err(|_| DomainError::internal_msg("stored plan is unknown"))?;
        let members = count_members(&txn, tenant).await.map_err(internal)?;
        PlanLimits::check(plan.limits().max_members, "members", members, 1)?;

        membership::Entity::insert(convert::membership_model(membership))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| role_write_error(e, "you are already a member of this tenant"))?;
        txn.commit(audit).await
    }
}
