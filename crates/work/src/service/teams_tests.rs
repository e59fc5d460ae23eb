//! Teams: who may manage them, their names, and their members.

use mockall::predicate::eq;
use serde_json::json;
use trellis_kernel::{BuiltinRole, DomainError, Page, PageRequest, TenantCtx, UserId};

use super::tests_support::*;
use super::{CreateTeam, UpdateTeam};
use crate::team::{Team, TeamId};

fn platform() -> CreateTeam {
    CreateTeam {
        name: "Platform".into(),
        description: Some("Keeps the lights on".into()),
    }
}

/// Mocks in which the caller's tenant has `found`.
fn holding(ctx: &TenantCtx, found: &Team) -> WorkMocks {
    let mut mocks = WorkMocks::default();
    let found = found.clone();
    mocks
        .teams
        .expect_find()
        .with(eq(ctx.tenant_id), eq(found.id))
        .returning(move |_, _| Ok(Some(found.clone())));
    mocks
}

/// Every way of managing a team, as `ctx`, against mocks that expect none.
async fn manage_everything(ctx: &TenantCtx) -> Vec<DomainError> {
    let work = work(WorkMocks::default());
    let (id, user) = (TeamId::generate(), UserId::generate());
    vec![
        work.teams.create(ctx, platform()).await.unwrap_err(),
        work.teams
            .update(ctx, id, UpdateTeam::default())
            .await
            .unwrap_err(),
        work.teams.delete(ctx, id).await.unwrap_err(),
        work.teams.restore(ctx, id).await.unwrap_err(),
        work.teams.add_member(ctx, id, user).await.unwrap_err(),
        work.teams.remove_member(ctx, id, user).await.unwrap_err(),
    ]
}

#[tokio::test]
async fn a_viewer_reads_teams_but_cannot_manage_them() {
    let viewer = ctx(BuiltinRole::Viewer);
    let tenant = viewer.tenant_id;
    let ops = team(tenant, "Ops");
    let id = ops.id;
    let ada = UserId::generate();
    let mut mocks = holding(&viewer, &ops);
    let listed = Page {
        items: vec![ops.clone()],
        has_next_page: false,
    };
    mocks
        .teams
        .expect_list()
        .with(eq(tenant), eq(PageRequest::first(10)))
        .returning(move |_, _| Ok(listed.clone()));
    let many = ops.clone();
    mocks
        .teams
        .expect_find_many()
        .with(eq(tenant), eq(vec![id]))
        .returning(move |_, _| Ok(vec![many.clone()]));
    mocks
        .teams
        .expect_members()
        .with(eq(tenant), eq(vec![id]))
        .returning(move |_, _| Ok(vec![(id, ada)]));
    let work = work(mocks);
    let page = work
        .teams
        .list(&viewer, PageRequest::first(10))
        .await
        .unwrap();
    assert_eq!(page.items, std::slice::from_ref(&ops));
    assert_eq!(work.teams.get(&viewer, id).await.unwrap(), ops);
    assert_eq!(work.teams.get_many(&viewer, &[id]).await.unwrap(), [ops]);
    assert_eq!(
        work.teams.members(&viewer, &[id]).await.unwrap(),
        [(id, ada)]
    );

    for err in manage_everything(&viewer).await {
        assert_forbidden(&err, "teams.manage");
    }
}

#[tokio::test]
async fn a_member_cannot_manage_teams() {
    for err in manage_everything(&ctx(BuiltinRole::Member)).await {
        assert_forbidden(&err, "teams.manage");
    }
}

#[tokio::test]
async fn an_admin_creates_a_team_with_a_trimmed_name_and_an_audit_entry() {
    let admin = ctx(BuiltinRole::Admin);
    let tenant = admin.tenant_id;
    let mut mocks = WorkMocks::default();
    mocks
        .teams
        .expect_create()
        .withf(move |t, team, audit| {
            *t == tenant
                && team.tenant_id == tenant
                && team.name == "Platform"
                && team.description.is_none()
                && audit.action == "team.created"
                && audit.entity_id == team.id.to_string()
                && audit.after == Some(json!({ "name": "Platform", "description": null }))
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let input = CreateTeam {
        name: "  Platform ".into(),
        description: Some("   ".into()),
    };
    let created = work(mocks).teams.create(&admin, input).await.unwrap();
    assert_eq!(created.name, "Platform");
    assert_eq!(created.description, None);
    assert_eq!(created.created_at, now());
}

#[tokio::test]
async fn a_team_name_must_be_given_and_short_and_every_bad_field_is_listed() {
    let admin = ctx(BuiltinRole::Admin);
    let work = work(WorkMocks::default());
    let blank = CreateTeam {
        name: " ".into(),
        description: Some("d".repeat(2_001)),
    };
    let err = work.teams.create(&admin, blank).await.unwrap_err();
    assert_eq!(fields(err), ["name", "description"]);
    let long = CreateTeam {
        name: "n".repeat(101),
        description: None,
    };
    let err = work.teams.create(&admin, long).await.unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "name".to_owned(),
            "must be at most 100 characters".to_owned()
        )]
    );
}

#[tokio::test]
async fn a_taken_team_name_is_reported_as_the_store_says() {
    let admin = ctx(BuiltinRole::Admin);
    let mut mocks = WorkMocks::default();
    mocks
        .teams
        .expect_create()
        .times(1)
        .returning(|_, _, _| Err(DomainError::conflict("a team named Platform exists")));
    let err = work(mocks)
        .teams
        .create(&admin, platform())
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    assert_eq!(err.to_string(), "a team named Platform exists");
}

#[tokio::test]
async fn an_update_keeps_what_is_not_given_and_an_empty_description_clears() {
    let admin = ctx(BuiltinRole::Admin);
    let before = Team {
        description: Some("Old words".into()),
        ..team(admin.tenant_id, "Ops")
    };
    let mut mocks = holding(&admin, &before);
    mocks
        .teams
        .expect_update()
        .withf(|_, team, audit| {
            team.name == "SRE"
                && team.description.as_deref() == Some("Old words")
                && team.updated_at == now()
                && audit.action == "team.updated"
                && audit.before == Some(json!({ "name": "Ops", "description": "Old words" }))
                && audit.after == Some(json!({ "name": "SRE", "description": "Old words" }))
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    mocks
        .teams
        .expect_update()
        .withf(|_, team, _| team.name == "Ops" && team.description.is_none())
        .times(1)
        .returning(|_, _, _| Ok(()));
    let work = work(mocks);
    let renamed = UpdateTeam {
        name: Some("SRE".into()),
        description: None,
    };
    let team = work.teams.update(&admin, before.id, renamed).await.unwrap();
    assert_eq!(team.description.as_deref(), Some("Old words"));
    let cleared = UpdateTeam {
        name: None,
        description: Some(String::new()),
    };
    let team = work.teams.update(&admin, before.id, cleared).await.unwrap();
    assert_eq!(team.description, None);
}

#[tokio::test]
async fn adding_someone_outside_the_tenant_is_refused_on_user_id() {
    let admin = ctx(BuiltinRole::Admin);
    let ops = team(admin.tenant_id, "Ops");
    let stranger = UserId::generate();
    let mut mocks = holding(&admin, &ops);
    mocks
        .members
        .expect_members_among()
        .with(eq(admin.tenant_id), eq(vec![stranger]))
        .times(1)
        .returning(|_, _| Ok(Vec::new()));
    let err = work(mocks)
        .teams
        .add_member(&admin, ops.id, stranger)
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "userId".to_owned(),
            "is not a member of this tenant".to_owned()
        )]
    );
}

#[tokio::test]
async fn an_admin_adds_and_removes_a_member_of_the_tenant_with_audit_entries() {
    let admin = ctx(BuiltinRole::Admin);
    let tenant = admin.tenant_id;
    let ops = team(tenant, "Ops");
    let id = ops.id;
    let ada = UserId::generate();
    let mut mocks = holding(&admin, &ops);
    mocks
        .members
        .expect_members_among()
        .returning(move |_, _| Ok(vec![ada]));
    mocks
        .teams
        .expect_add_member()
        .withf(move |t, team, user, audit| {
            *t == tenant
                && *team == id
                && *user == ada
                && audit.action == "team.member_added"
                && audit.entity_id == id.to_string()
                && audit.after == Some(json!({ "userId": ada }))
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    mocks
        .teams
        .expect_remove_member()
        .withf(move |t, team, user, audit| {
            *t == tenant
                && *team == id
                && *user == ada
                && audit.action == "team.member_removed"
                && audit.before == Some(json!({ "userId": ada }))
        })
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let work = work(mocks);
    assert_eq!(work.teams.add_member(&admin, id, ada).await.unwrap(), ops);
    assert_eq!(
        work.teams.remove_member(&admin, id, ada).await.unwrap(),
        ops
    );
}

#[tokio::test]
async fn adding_someone_already_in_the_team_is_a_conflict() {
    let admin = ctx(BuiltinRole::Admin);
    let ops = team(admin.tenant_id, "Ops");
    let ada = UserId::generate();
    let mut mocks = holding(&admin, &ops);
    mocks
        .members
        .expect_members_among()
        .returning(move |_, _| Ok(vec![ada]));
    mocks
        .teams
        .expect_add_member()
        .times(1)
        .returning(|_, _, _, _| Err(DomainError::conflict("already in the team")));
    let err = work(mocks)
        .teams
        .add_member(&admin, ops.id, ada)
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
}

#[tokio::test]
async fn a_team_the_tenant_does_not_have_is_not_found_and_nothing_is_written() {
    let admin = ctx(BuiltinRole::Admin);
    let id = TeamId::generate();
    let mut mocks = WorkMocks::default();
    mocks
        .teams
        .expect_find()
        .with(eq(admin.tenant_id), eq(id))
        .returning(|_, _| Ok(None));
    let work = work(mocks);
    for err in [
        work.teams
            .update(&admin, id, UpdateTeam::default())
            .await
            .unwrap_err(),
        work.teams.delete(&admin, id).await.unwrap_err(),
        work.teams
            .add_member(&admin, id, UserId::generate())
            .await
            .unwrap_err(),
    ] {
        assert!(
            matches!(err, DomainError::NotFound { entity: "team" }),
            "{err:?}"
        );
    }
}

#[tokio::test]
async fn an_admin_deletes_and_restores_a_team_with_audit_entries() {
    let admin = ctx(BuiltinRole::Admin);
    let tenant = admin.tenant_id;
    let ops = team(tenant, "Ops");
    let id = ops.id;
    let mut mocks = holding(&admin, &ops);
    mocks
        .teams
        .expect_delete()
        .withf(move |t, deleted, audit| {
            *t == tenant
                && *deleted == id
                && audit.action == "team.deleted"
                && audit.before.as_ref().is_some_and(|b| b["name"] == "Ops")
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let (restored, brought_back) = (ops.clone(), ops.clone());
    mocks
        .teams
        .expect_restore()
        .withf(move |t, asked, audit| {
            *t == tenant
                && *asked == id
                && audit.entry.action == "team.restored"
                && audit
                    .of(&brought_back)
                    .after
                    .is_some_and(|a| a["name"] == "Ops")
        })
        .times(1)
        .returning(move |_, _, _| Ok(restored.clone()));
    let work = work(mocks);
    assert_eq!(work.teams.delete(&admin, id).await.unwrap(), id);
    assert_eq!(work.teams.restore(&admin, id).await.unwrap(), ops);
}
