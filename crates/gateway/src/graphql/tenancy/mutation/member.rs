use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_kernel::UserId;
use trellis_tenancy::InvitationId;
use trellis_tenancy::service::InviteMember;
use validator::Validate;

use crate::graphql::context::{principal, tenant_ctx, throttle};
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::tenancy::types::{Invitation, Member, Tenant};
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;
use crate::throttle::Attempt;

#[derive(InputObject, Validate)]
pub struct InviteMemberInput {
    #[validate(custom(function = "crate::graphql::validate::email"))]
    pub email: String,
    /// A role name, in any case: `ADMIN`, `MEMBER`, `VIEWER`, a custom
    /// role, or `OWNER` if you are one.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 40, message = "must be at most 40 characters")
    )]
    pub role: String,
}

#[derive(SimpleObject)]
pub struct InviteMemberPayload {
    pub invitation: Invitation,
    /// The secret that accepts the invitation. Shown only here, once: pass
    /// it on to the invitee.
    pub token: String,
}

#[derive(InputObject, Validate)]
pub struct AcceptInvitationInput {
    #[validate(length(min = 1, max = 512, message = "must be 1 to 512 characters long"))]
    pub token: String,
}

#[derive(SimpleObject)]
pub struct AcceptInvitationPayload {
    /// The tenant joined. Call `switchTenant` to act in it.
    pub tenant: Tenant,
    /// The new membership's id.
    pub membership_id: ID,
    pub role: String,
    pub joined_at: DateTime<Utc>,
}

#[derive(InputObject, Validate)]
pub struct UpdateMemberRoleInput {
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub user_id: ID,
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 40, message = "must be at most 40 characters")
    )]
    pub role: String,
}

#[derive(SimpleObject)]
pub struct UpdateMemberRolePayload {
    pub member: Member,
}

#[derive(InputObject, Validate)]
pub struct RemoveMemberInput {
    /// The member's user id; your own to leave the tenant.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub user_id: ID,
}

#[derive(SimpleObject)]
pub struct RemoveMemberPayload {
    /// The user id of the removed member.
    pub deleted_id: ID,
}

#[derive(InputObject, Validate)]
pub struct RevokeInvitationInput {
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub invitation_id: ID,
}

#[derive(SimpleObject)]
pub struct RevokeInvitationPayload {
    /// The id of the withdrawn invitation.
    pub deleted_id: ID,
}

#[derive(Default)]
pub struct MemberMutation;

#[Object]
impl MemberMutation {
    /// Invites an email address to the current tenant.
    async fn invite_member(
        &self,
        ctx: &Context<'_>,
        input: InviteMemberInput,
    ) -> Result<InviteMemberPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let input = InviteMember {
            email: input.email,
            role: input.role,
        };
        let issued = state.tenancy.members.invite(scope, input).await.gql(ctx)?;
        Ok(InviteMemberPayload {
            invitation: issued.invitation.into(),
            token: issued.token,
        })
    }

    /// Withdraws a pending invitation: its token stops working and its
    /// place under the plan's member limit is freed.
    async fn revoke_invitation(
        &self,
        ctx: &Context<'_>,
        input: RevokeInvitationInput,
    ) -> Result<RevokeInvitationPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let invitation: InvitationId = parse_id("invitationId", &input.invitation_id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let revoked = state
            .tenancy
            .members
            .revoke_invitation(scope, invitation)
            .await
            .gql(ctx)?;
        Ok(RevokeInvitationPayload {
            deleted_id: id(revoked),
        })
    }

    /// Joins the tenant an invitation was for. Sign in with the invited
    /// email address first.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        input: AcceptInvitationInput,
    ) -> Result<AcceptInvitationPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let actor = &principal(ctx).gql(ctx)?.actor;
        throttle(ctx, Attempt::AcceptInvitation, &input.token)?;
        let accepted = state
            .tenancy
            .members
            .accept(actor, &input.token)
            .await
            .gql(ctx)?;
        Ok(AcceptInvitationPayload {
            tenant: accepted.tenant.into(),
            membership_id: id(accepted.membership.id),
            role: accepted.membership.role.name,
            joined_at: accepted.membership.created_at,
        })
    }

    async fn update_member_role(
        &self,
        ctx: &Context<'_>,
        input: UpdateMemberRoleInput,
    ) -> Result<UpdateMemberRolePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let user: UserId = parse_id("userId", &input.user_id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let member = state
            .tenancy
            .members
            .change_role(scope, user, &input.role)
            .await
            .gql(ctx)?;
        Ok(UpdateMemberRolePayload {
            member: member.into(),
        })
    }

    /// Removes a member from the current tenant; takes effect on their next request.
    async fn remove_member(
        &self,
        ctx: &Context<'_>,
        input: RemoveMemberInput,
    ) -> Result<RemoveMemberPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let user: UserId = parse_id("userId", &input.user_id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let removed = state.tenancy.members.remove(scope, user).await.gql(ctx)?;
        Ok(RemoveMemberPayload {
            deleted_id: id(removed),
        })
    }
}
