//! Who Work may name: the tenant's members, and the people its rows name;
//! and a member who leaves the tenant leaves its teams with it.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use trellis_kernel::UserId;
use trellis_store_seaorm::tenancy::entity::membership;
use trellis_tenancy::User;

use super::support::*;
use crate::support::*;

contract!(members_among_are_the_tenants_members_now);
async fn members_among_are_the_tenants_members_now(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let ada = join(&env, &acme, "ada@acme.test", "MEMBER").await;
    let stranger = user(&env, "eve@elsewhere.test").await;
    let asked = [
        ada.id,
        stranger.id,
        globex.owner.id,
        acme.owner.id,
        UserId::generate(),
    ];
    let found = work.members.members_among(acme.id(), &asked).await.unwrap();
    assert_eq!(sorted(found), sorted(vec![ada.id, acme.owner.id]));
    assert!(
        work.members
            .members_among(acme.id(), &[])
            .await
            .unwrap()
            .is_empty()
    );

    env.memberships
        .remove(acme.id(), ada.id, &audit(acme.id(), None, "member.removed"))
        .await
        .unwrap();
    assert_eq!(
        work.members.members_among(acme.id(), &asked).await.unwrap(),
        [acme.owner.id]
    );
}

contract!(people_are_those_the_tenants_rows_name);
async fn people_are_those_the_tenants_rows_name(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let work = ports(&env);
    let ada = join(&env, &acme, "ada@acme.test", "MEMBER").await;
    let bob = join(&env, &acme, "bob@acme.test", "MEMBER").await;
    let stranger = user(&env, "eve@elsewhere.test").await;
    // Bob is assigned, then leaves: the item still names him.
    let state = try_create(&work, &acme, item(&acme, "Handover"), vec![bob.id], vec![])
        .await
        .unwrap();
    try_update(
        &work,
        &acme,
        ada.id,
        &state,
        edited(&state, |i| i.title = "Handed over".into()),
    )
    .await
    .unwrap();
    env.memberships
        .remove(acme.id(), bob.id, &audit(acme.id(), None, "member.removed"))
        .await
        .unwrap();

    let asked = [ada.id, bob.id, stranger.id, globex.owner.id, acme.owner.id];
    let people = work.members.people(acme.id(), &asked).await.unwrap();
    let mut named: Vec<(UserId, String, String)> = people
        .into_iter()
        .map(|p| (p.id, p.email, p.name))
        .collect();
    named.sort();
    let person = |user: &User| (user.id, user.email.to_string(), user.name.clone());
    let mut expected = vec![person(&ada), person(&bob), person(&acme.owner)];
    expected.sort();
    assert_eq!(named, expected);
    assert!(
        work.members
            .people(globex.id(), &[ada.id, bob.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        work.members
            .people(acme.id(), &[])
            .await
            .unwrap()
            .is_empty()
    );
}

contract!(a_member_who_leaves_the_tenant_leaves_its_teams);
async fn a_member_who_leaves_the_tenant_leaves_its_teams(env: Env) {
    let acme = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &acme, "ada@acme.test", "MEMBER").await;
    let (platform, design) = (
        add_team(&work, &acme, "Platform").await,
        add_team(&work, &acme, "Design").await,
    );
    for team in [platform.id, design.id] {
        for user in [ada.id, acme.owner.id] {
            work.teams
                .add_member(
                    acme.id(),
                    team,
                    user,
                    &audit(acme.id(), None, "team.member_added"),
                )
                .await
                .unwrap();
        }
    }
    // A deleted team's members go too: they would come back with it.
    work.teams
        .delete(
            acme.id(),
            design.id,
            &audit(acme.id(), None, "team.deleted"),
        )
        .await
        .unwrap();

    // The database itself refuses a membership's removal that leaves its
    // team rows behind.
    let bare = membership::Entity::delete_many()
        .filter(membership::Column::TenantId.eq(acme.id().as_uuid()))
        .filter(membership::Column::UserId.eq(ada.id.as_uuid()))
        .exec(env.db.owner())
        .await;
    assert!(
        matches!(
            bare.as_ref().map_err(|e| e.sql_err()),
            Err(Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_)))
        ),
        "{bare:?}"
    );

    env.memberships
        .remove(acme.id(), ada.id, &audit(acme.id(), None, "member.removed"))
        .await
        .unwrap();
    assert_eq!(
        work.teams.members(acme.id(), &[platform.id]).await.unwrap(),
        [(platform.id, acme.owner.id)]
    );
    work.teams
        .restore(acme.id(), design.id, &restoring(acme.id(), "team.restored"))
        .await
        .unwrap();
    assert_eq!(
        work.teams.members(acme.id(), &[design.id]).await.unwrap(),
        [(design.id, acme.owner.id)]
    );
}
