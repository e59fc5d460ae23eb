use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use trellis_kernel::UserId;
use trellis_work::TeamId;
use trellis_work::service::{CreateTeam, UpdateTeam};

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::validate::{parse_id, parse_id_pair};
use crate::graphql::work::types::Team;
use crate::state::AppState;

/// A new team.
#[derive(InputObject)]
pub struct CreateTeamInput {
    /// 1 to 100 characters, unique in the tenant ignoring case.
    pub name: String,
    /// Up to 2,000 characters.
    pub description: Option<String>,
}

/// Every field omitted keeps its value.
#[derive(InputObject)]
pub struct UpdateTeamInput {
    pub id: ID,
    pub name: Option<String>,
    /// An empty one clears it.
    pub description: Option<String>,
}

/// The team to delete or restore.
#[derive(InputObject)]
pub struct TeamIdInput {
    pub id: ID,
}

/// A member of the tenant, and a team.
#[derive(InputObject)]
pub struct TeamMemberInput {
    pub team_id: ID,
    pub user_id: ID,
}

/// The team as it is after the change.
#[derive(SimpleObject)]
pub struct TeamPayload {
    pub team: Team,
}

/// What `deleteTeam` deleted.
#[derive(SimpleObject)]
pub struct DeleteTeamPayload {
    pub deleted_id: ID,
}

#[derive(Default)]
pub struct TeamMutation;

#[Object]
impl TeamMutation {
    /// Creates a team. Needs `teams.manage` (ADMIN and above).
    async fn create_team(&self, ctx: &Context<'_>, input: CreateTeamInput) -> Result<TeamPayload> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = CreateTeam {
            name: input.name,
            description: input.description,
        };
        let team = state.work.teams.create(scope, input).await.gql(ctx)?;
        Ok(TeamPayload { team: team.into() })
    }

    /// Renames a team or changes its description.
    async fn update_team(&self, ctx: &Context<'_>, input: UpdateTeamInput) -> Result<TeamPayload> {
        let state = ctx.data::<AppState>()?;
        let team: TeamId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let changes = UpdateTeam {
            name: input.name,
            description: input.description,
        };
        let team = state
            .work
            .teams
            .update(scope, team, changes)
            .await
            .gql(ctx)?;
        Ok(TeamPayload { team: team.into() })
    }

    /// Deletes a team; its items stay, showing no team, until it is restored.
    async fn delete_team(
        &self,
        ctx: &Context<'_>,
        input: TeamIdInput,
    ) -> Result<DeleteTeamPayload> {
        let state = ctx.data::<AppState>()?;
        let team: TeamId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state.work.teams.delete(scope, team).await.gql(ctx)?;
        Ok(DeleteTeamPayload {
            deleted_id: id(deleted),
        })
    }

    /// Brings a deleted team back.
    async fn restore_team(&self, ctx: &Context<'_>, input: TeamIdInput) -> Result<TeamPayload> {
        let state = ctx.data::<AppState>()?;
        let team: TeamId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let team = state.work.teams.restore(scope, team).await.gql(ctx)?;
        Ok(TeamPayload { team: team.into() })
    }

    /// Adds a member of the tenant to a team.
    async fn add_team_member(
        &self,
        ctx: &Context<'_>,
        input: TeamMemberInput,
    ) -> Result<TeamPayload> {
        let state = ctx.data::<AppState>()?;
        let (team, user) = parse_member(&input).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let team = state
            .work
            .teams
            .add_member(scope, team, user)
            .await
            .gql(ctx)?;
        Ok(TeamPayload { team: team.into() })
    }

    /// Takes someone out of a team.
    async fn remove_team_member(
        &self,
        ctx: &Context<'_>,
        input: TeamMemberInput,
    ) -> Result<TeamPayload> {
        let state = ctx.data::<AppState>()?;
        let (team, user) = parse_member(&input).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let team = state
            .work
            .teams
            .remove_member(scope, team, user)
            .await
            .gql(ctx)?;
        Ok(TeamPayload { team: team.into() })
    }
}

fn parse_member(input: &TeamMemberInput) -> trellis_kernel::DomainResult<(TeamId, UserId)> {
    parse_id_pair(("teamId", &input.team_id), ("userId", &input.user_id))
}
