use async_trait::async_trait;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use trellis_kernel::BuiltinRole;
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{DomainError, DomainResult, TenantId};
use trellis_tenancy::ports::RoleRepository;
use trellis_tenancy::{Role, RoleId};

use super::invitations::pending;
use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::soft_delete::{deletion_of, mark_deleted, unmark_deleted};
use crate::tenancy::convert;
use crate::tenancy::entity::{invitation, membership, role};
use crate::write::{ensure_scope, one_of, scoped};

/// Built-ins strongest first, then custom roles in creation order.
fn display_order(role: &Role) -> (usize, uuid::Uuid) {
    let rank = role
        .builtin
        .and_then(|b| BuiltinRole::ALL.iter().position(|x| *x == b))
        .unwrap_or(BuiltinRole::ALL.len());
    (rank, role.id.as_uuid())
}

fn name_taken(role: &Role) -> impl FnOnce() -> String + '_ {
    || {
        format!(
            "a role named `{}` exists (role names ignore case)",
            role.name
        )
    }
}

fn counted(count: u64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Why a role cannot go yet, and what to do first.
fn in_use(name: &str, members: u64, invitations: u64) -> String {
    let mut holders = Vec::new();
    let mut remedies = Vec::new();
    if members > 0 {
        holders.push(format!("held by {}", counted(members, "member", "members")));
        remedies.push("change their role");
    }
    if invitations > 0 {
        holders.push(format!(
            "offered by {}",
            counted(invitations, "pending invitation", "pending invitations")
        ));
        remedies.push(if invitations == 1 {
            "revoke the invitation"
        } else {
            "revoke the invitations"
        });
    }
    format!(
        "role `{name}` is {}; {} first",
        holders.join(" and "),
        remedies.join(" and ")
    )
}

#[async_trait]
impl RoleRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId) -> DomainResult<Vec<Role>> {
        let rows = scoped::<role::Entity>(tenant)
            .order_by_asc(role::Column::Id)
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let mut roles = rows
            .into_iter()
            .map(convert::role)
            .collect::<DomainResult<Vec<_>>>()?;
        roles.sort_by_key(display_order);
        Ok(roles)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn find_by_name(&self, tenant: TenantId, name: &str) -> DomainResult<Option<Role>> {
        scoped::<role::Entity>(tenant)
            .filter(role::Column::NameKey.eq(name.to_lowercase()))
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::role)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, role = %id))]
    async fn find(&self, tenant: TenantId, id: RoleId) -> DomainResult<Option<Role>> {
        one_of::<role::Entity>(tenant, id.as_uuid())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::role)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn create(&self, tenant: TenantId, role: &Role, audit: &AuditEntry) -> DomainResult<()> {
        ensure_scope(tenant, role.tenant_id, "the role")?;
        let txn = self.write(tenant).await?;
        role::Entity::insert(convert::role_model(role))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(role)))?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, role = %id))]
    async fn delete(&self, tenant: TenantId, id: RoleId, audit: &AuditEntry) -> DomainResult<()> {
        let txn = self.write(tenant).await?.changing_principals(self);
        // The lock that changing a member's role, inviting and accepting
        // take: each of them has either committed, and is counted below, or
        // waits and then finds the role deleted.
        if !txn.lock_tenant().await? {
            return Err(DomainError::not_found("role"));
        }
        let row = one_of::<role::Entity>(tenant, id.as_uuid())
            .one(&txn)
            .await
            .map_err(internal)?
            .ok_or_else(|| DomainError::not_found("role"))?;
        let found = convert::role(row)?;
        found.ensure_deletable()?;
        let members = membership::Entity::find()
            .filter(membership::Column::TenantId.eq(tenant.as_uuid()))
            .filter(membership::Column::RoleId.eq(id.as_uuid()))
            .count(&txn)
            .await
            .map_err(internal)?;
        // An expired invitation can no longer be accepted, so it holds
        // nothing back; an accepted one became a membership.
        let invitations = pending(tenant, audit.created_at)
            .filter(invitation::Column::RoleId.eq(id.as_uuid()))
            .count(&txn)
            .await
            .map_err(internal)?;
        if members > 0 || invitations > 0 {
            return Err(DomainError::conflict(in_use(
                &found.name,
                members,
                invitations,
            )));
        }
        mark_deleted::<role::Entity>(&txn, tenant, &[id.as_uuid()], audit).await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, role = %id))]
    async fn restore(
        &self,
        tenant: TenantId,
        id: RoleId,
        audit: &RestoreAudit<Role>,
    ) -> DomainResult<Role> {
        let txn = self.write(tenant).await?.changing_principals(self);
        let (row, _) = deletion_of::<role::Entity>(&txn, tenant, id.as_uuid()).await?;
        let restored = convert::role(row)?;
        unmark_deleted::<role::Entity>(&txn, tenant, &[id.as_uuid()])
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(&restored)))?;
        txn.commit(&audit.of(&restored)).await?;
        Ok(restored)
    }
}

#[cfg(test)]
mod tests {
    use super::in_use;

    #[test]
    fn the_in_use_message_names_each_holder_and_its_remedy() {
        assert_eq!(
            in_use("Billing", 1, 0),
            "role `Billing` is held by 1 member; change their role first"
        );
        assert_eq!(
            in_use("Billing", 0, 2),
            "role `Billing` is offered by 2 pending invitations; revoke the invitations first"
        );
        assert_eq!(
            in_use("Billing", 3, 1),
            "role `Billing` is held by 3 members and offered by 1 pending invitation; \
             change their role and revoke the invitation first"
        );
    }
}
