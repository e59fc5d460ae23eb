//! Teams and their members.

use std::sync::Arc;

use serde_json::{Value, json};
use trellis_kernel::{
    AuditEntry, DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission,
    RestoreAudit, TenantCtx, UserId, next_version, text,
};

use super::WorkDeps;
use crate::team::{TEAM_DESCRIPTION_MAX, TEAM_NAME_MAX, Team, TeamId};

#[derive(Debug, Clone)]
pub struct CreateTeam {
    pub name: String,
    pub description: Option<String>,
}

/// Fields left `None` keep their value; `Some("")` clears the description.
#[derive(Debug, Clone, Default)]
pub struct UpdateTeam {
    pub name: Option<String>,
    pub description: Option<String>,
}

#[derive(Clone)]
pub struct TeamService {
    deps: Arc<WorkDeps>,
}

impl TeamService {
    pub fn new(deps: Arc<WorkDeps>) -> Self {
        Self { deps }
    }

    pub async fn list(&self, ctx: &TenantCtx, page: PageRequest) -> DomainResult<Page<Team>> {
        ctx.require(Permission::TeamsRead)?;
        self.deps.teams.list(ctx.tenant_id, page).await
    }

    /// # Errors
    /// `NotFound` if the tenant has no such live team.
    pub async fn get(&self, ctx: &TenantCtx, id: TeamId) -> DomainResult<Team> {
        ctx.require(Permission::TeamsRead)?;
        self.find(ctx, id).await
    }

    /// The tenant's live teams among `ids`, in one lookup.
    pub async fn get_many(&self, ctx: &TenantCtx, ids: &[TeamId]) -> DomainResult<Vec<Team>> {
        ctx.require(Permission::TeamsRead)?;
        self.deps.teams.find_many(ctx.tenant_id, ids).await
    }

    /// The members of each of `teams`, in one lookup.
    pub async fn members(
        &self,
        ctx: &TenantCtx,
        teams: &[TeamId],
    ) -> DomainResult<Vec<(TeamId, UserId)>> {
        ctx.require(Permission::TeamsRead)?;
        self.deps.teams.members(ctx.tenant_id, teams).await
    }

    async fn find(&self, ctx: &TenantCtx, id: TeamId) -> DomainResult<Team> {
        self.deps
            .teams
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("team"))
    }

    /// # Errors
    /// `Validation` naming every bad field; `Conflict` on a taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create(&self, ctx: &TenantCtx, input: CreateTeam) -> DomainResult<Team> {
        ctx.require(Permission::TeamsManage)?;
        let mut errors = FieldErrors::new();
        let name = errors.check(text::name("name", &input.name, TEAM_NAME_MAX));
        let description = errors.check(text::optional(
            "description",
            input.description.as_deref(),
            TEAM_DESCRIPTION_MAX,
        ));
        errors.into_result()?;
        let (Some(name), Some(description)) = (name, description) else {
            return Err(DomainError::internal_msg("validated team missing"));
        };
        let now = self.deps.clock.now();
        let team = Team {
            id: TeamId::generate(),
            tenant_id: ctx.tenant_id,
            name,
            description,
            created_at: now,
            updated_at: now,
        };
        let entry = AuditEntry::by_member(ctx, "team.created", ("team", team.id.to_string()), now)
            .after(snapshot(&team));
        self.deps.teams.create(ctx.tenant_id, &team, &entry).await?;
        Ok(team)
    }

    /// # Errors
    /// `NotFound`; `Validation` naming every bad field; `Conflict` on a
    /// taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn update(
        &self,
        ctx: &TenantCtx,
        id: TeamId,
        input: UpdateTeam,
    ) -> DomainResult<Team> {
        ctx.require(Permission::TeamsManage)?;
        let before = self.find(ctx, id).await?;
        let mut errors = FieldErrors::new();
        let name = match &input.name {
            Some(raw) => errors.check(text::name("name", raw, TEAM_NAME_MAX)),
            None => Some(before.name.clone()),
        };
        let description = match &input.description {
            Some(raw) => errors.check(text::optional(
                "description",
                Some(raw),
                TEAM_DESCRIPTION_MAX,
            )),
            None => Some(before.description.clone()),
        };
        errors.into_result()?;
        let (Some(name), Some(description)) = (name, description) else {
            return Err(DomainError::internal_msg("validated team missing"));
        };
        let now = self.deps.clock.now();
        let team = Team {
            name,
            description,
            updated_at: next_version(now, before.updated_at),
            ..before.clone()
        };
        let entry = AuditEntry::by_member(ctx, "team.updated", ("team", id.to_string()), now)
            .before(snapshot(&before))
            .after(snapshot(&team));
        self.deps.teams.update(ctx.tenant_id, &team, &entry).await?;
        Ok(team)
    }

    /// # Errors
    /// `NotFound`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn delete(&self, ctx: &TenantCtx, id: TeamId) -> DomainResult<TeamId> {
        ctx.require(Permission::TeamsManage)?;
        let before = self.find(ctx, id).await?;
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(ctx, "team.deleted", ("team", id.to_string()), now)
            .before(snapshot(&before));
        self.deps.teams.delete(ctx.tenant_id, id, &entry).await?;
        Ok(id)
    }

    /// # Errors
    /// `NotFound`; `Conflict` if it is not deleted or its name is taken.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn restore(&self, ctx: &TenantCtx, id: TeamId) -> DomainResult<Team> {
        ctx.require(Permission::TeamsManage)?;
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(ctx, "team.restored", ("team", id.to_string()), now);
        self.deps
            .teams
            .restore(ctx.tenant_id, id, &RestoreAudit::new(entry, snapshot))
            .await
    }

    /// Adds a member of the tenant to the team.
    ///
    /// # Errors
    /// `NotFound` for the team; `Validation` on `userId` when the user is
    /// not a member of the tenant; `Conflict` if they are in the team.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn add_member(
        &self,
        ctx: &TenantCtx,
        team: TeamId,
        user: UserId,
    ) -> DomainResult<Team> {
        ctx.require(Permission::TeamsManage)?;
        let found = self.find(ctx, team).await?;
        let members = self
            .deps
            .members
            .members_among(ctx.tenant_id, &[user])
            .await?;
        if !members.contains(&user) {
            return Err(DomainError::invalid("userId", NOT_A_MEMBER));
        }
        let now = self.deps.clock.now();
        let entry =
            AuditEntry::by_member(ctx, "team.member_added", ("team", team.to_string()), now)
                .after(json!({ "userId": user }));
        self.deps
            .teams
            .add_member(ctx.tenant_id, team, user, &entry)
            .await?;
        Ok(found)
    }

    /// # Errors
    /// `NotFound` for the team, or when the user is not in it.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn remove_member(
        &self,
        ctx: &TenantCtx,
        team: TeamId,
        user: UserId,
    ) -> DomainResult<Team> {
        ctx.require(Permission::TeamsManage)?;
        let found = self.find(ctx, team).await?;
        let now = self.deps.clock.now();
        let entry =
            AuditEntry::by_member(ctx, "team.member_removed", ("team", team.to_string()), now)
                .before(json!({ "userId": user }));
        self.deps
            .teams
            .remove_member(ctx.tenant_id, team, user, &entry)
            .await?;
        Ok(found)
    }
}

/// Word for word the message of an id that names no member anywhere.
pub(crate) const NOT_A_MEMBER: &str = "is not a member of this tenant";

fn snapshot(team: &Team) -> Value {
    json!({ "name": team.name, "description": team.description })
}
