use async_trait::async_trait;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, SelectExt, SqlErr};
use trellis_kernel::{
    AuditEntry, DomainError, DomainResult, Page, PageRequest, RestoreAudit, TenantId, UserId,
};
use trellis_work::ports::TeamRepository;
use trellis_work::{Team, TeamId};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::soft_delete::{deletion_of, mark_deleted, unmark_deleted, update_live};
use crate::work::convert;
use crate::work::entity::{team, team_member};
use crate::write::{ensure_scope, exists, find_many, one_of, scoped};

fn name_taken(team: &Team) -> impl FnOnce() -> String + '_ {
    || {
        format!(
            "a team named `{}` exists (team names ignore case)",
            team.name
        )
    }
}

#[async_trait]
impl TeamRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, team = %team.id))]
    async fn create(&self, tenant: TenantId, team: &Team, audit: &AuditEntry) -> DomainResult<()> {
        ensure_scope(tenant, team.tenant_id, "the team")?;
        let txn = self.write(tenant).await?;
        team::Entity::insert(convert::team_model(team))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(team)))?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, team = %team.id))]
    async fn update(&self, tenant: TenantId, team: &Team, audit: &AuditEntry) -> DomainResult<()> {
        ensure_scope(tenant, team.tenant_id, "the team")?;
        let mut model = convert::team_model(team);
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.created_at = NotSet;
        model.deleted_at = NotSet;
        model.deletion_id = NotSet;
        let txn = self.write(tenant).await?;
        update_live::<team::Entity>(&txn, tenant, team.id.as_uuid(), model, |e| {
            conflict_on_unique(e, name_taken(team))
        })
        .await?;
        txn.commit(audit).await
    }

    /// Its items and members stay, and come back with it.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, team = %id))]
    async fn delete(&self, tenant: TenantId, id: TeamId, audit: &AuditEntry) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        if mark_deleted::<team::Entity>(&txn, tenant, &[id.as_uuid()], audit).await? == 0 {
            return Err(DomainError::not_found("team"));
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, team = %id))]
    async fn restore(
        &self,
        tenant: TenantId,
        id: TeamId,
        audit: &RestoreAudit<Team>,
    ) -> DomainResult<Team> {
        let txn = self.write(tenant).await?;
        let (row, _) = deletion_of::<team::Entity>(&txn, tenant, id.as_uuid()).await?;
        let team = convert::team(row)?;
        unmark_deleted::<team::Entity>(&txn, tenant, &[id.as_uuid()])
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(&team)))?;
        txn.commit(&audit.of(&team)).await?;
        Ok(team)
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, team = %id))]
    async fn find(&self, tenant: TenantId, id: TeamId) -> DomainResult<Option<Team>> {
        one_of::<team::Entity>(tenant, id.as_uuid())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::team)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = ids.len()))]
    async fn find_many(&self, tenant: TenantId, ids: &[TeamId]) -> DomainResult<Vec<Team>> {
        let ids: Vec<Uuid> = ids.iter().map(TeamId::as_uuid).collect();
        find_many::<team::Entity, _>(&self.read(tenant), tenant, &ids, convert::team).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Team>> {
        let mut query = scoped::<team::Entity>(tenant);
        if let Some(after) = page.after {
            query = query.filter(team::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(team::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let teams = rows
            .into_iter()
            .map(convert::team)
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(teams, &page))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, team = %team, user = %user))]
    async fn add_member(
        &self,
        tenant: TenantId,
        team: TeamId,
        user: UserId,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        // Locked, so that a delete of the team waits for this to commit.
        let found = one_of::<team::Entity>(tenant, team.as_uuid())
            .lock_exclusive()
            .exists(&txn)
            .await
            .map_err(internal)?;
        if !found {
            return Err(DomainError::not_found("team"));
        }
        let row = team_member::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            team_id: Set(team.as_uuid()),
            user_id: Set(user.as_uuid()),
            created_at: Set(audit.created_at),
        };
        team_member::Entity::insert(row)
            .exec_without_returning(&txn)
            .await
            .map_err(|err| match err.sql_err() {
                Some(SqlErr::UniqueConstraintViolation(_)) => {
                    DomainError::conflict("this member is in the team already")
                }
                // The key to the tenant's memberships: they left meanwhile,
                // or were never in.
                Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                    DomainError::invalid("userId", "is not a member of this tenant")
                }
                _ => internal(err),
            })?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, team = %team, user = %user))]
    async fn remove_member(
        &self,
        tenant: TenantId,
        team: TeamId,
        user: UserId,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        if !exists::<team::Entity, _>(&txn, tenant, team.as_uuid()).await? {
            return Err(DomainError::not_found("team"));
        }
        let removed = team_member::Entity::delete_many()
            .filter(team_member::Column::TenantId.eq(tenant.as_uuid()))
            .filter(team_member::Column::TeamId.eq(team.as_uuid()))
            .filter(team_member::Column::UserId.eq(user.as_uuid()))
            .exec(&txn)
            .await
            .map_err(internal)?;
        if removed.rows_affected == 0 {
            return Err(DomainError::not_found("team member"));
        }
        txn.commit(audit).await
    }

    /// One statement for any number of teams; a deleted team has none.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = teams.len()))]
    async fn members(
        &self,
        tenant: TenantId,
        teams: &[TeamId],
    ) -> DomainResult<Vec<(TeamId, UserId)>> {
        if teams.is_empty() {
            return Ok(Vec::new());
        }
        let rows = scoped::<team_member::Entity>(tenant)
            .inner_join(team::Entity)
            .filter(team::Column::DeletedAt.is_null())
            .filter(team_member::Column::TeamId.is_in(teams.iter().map(TeamId::as_uuid)))
            .select_only()
            .column(team_member::Column::TeamId)
            .column(team_member::Column::UserId)
            .order_by_asc(team_member::Column::CreatedAt)
            .order_by_asc(team_member::Column::UserId)
            .into_tuple::<(Uuid, Uuid)>()
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|(team, user)| (TeamId::from_uuid(team), UserId::from_uuid(user)))
            .collect())
    }
}
