//! Teams: names unique among live teams ignoring case, soft delete and
//! restore, paging, and members who must be members of the tenant.

use trellis_kernel::{DomainError, PageRequest};
use trellis_work::Team;

use super::support::*;
use crate::support::*;

contract!(a_team_reads_back_changes_and_comes_back_after_a_delete);
async fn a_team_reads_back_changes_and_comes_back_after_a_delete(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let platform = add_team(&work, &org, "Platform").await;
    assert_eq!(
        work.teams.find(org.id(), platform.id).await.unwrap(),
        Some(platform.clone())
    );
    assert_eq!(actions(&env, org.id()).await[0], "team.created");

    let renamed = Team {
        name: "Infrastructure".into(),
        description: None,
        updated_at: now() + chrono::Duration::seconds(1),
        ..platform.clone()
    };
    work.teams
        .update(org.id(), &renamed, &audit(org.id(), None, "team.updated"))
        .await
        .unwrap();
    assert_eq!(
        work.teams.find(org.id(), platform.id).await.unwrap(),
        Some(renamed.clone())
    );

    work.teams
        .delete(
            org.id(),
            platform.id,
            &audit(org.id(), None, "team.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(work.teams.find(org.id(), platform.id).await.unwrap(), None);
    assert!(
        work.teams
            .find_many(org.id(), &[platform.id])
            .await
            .unwrap()
            .is_empty()
    );
    let again = work
        .teams
        .delete(
            org.id(),
            platform.id,
            &audit(org.id(), None, "team.deleted"),
        )
        .await;
    assert!(matches!(
        again,
        Err(DomainError::NotFound { entity: "team" })
    ));

    let restored = work
        .teams
        .restore(org.id(), platform.id, &restoring(org.id(), "team.restored"))
        .await
        .unwrap();
    assert_eq!(restored, renamed);
    assert_eq!(
        work.teams.find(org.id(), platform.id).await.unwrap(),
        Some(renamed)
    );
    let live = work
        .teams
        .restore(org.id(), platform.id, &restoring(org.id(), "team.restored"))
        .await;
    assert!(matches!(live, Err(DomainError::Conflict(m)) if m.contains("not deleted")));
    assert_eq!(
        actions(&env, org.id()).await[..4],
        [
            "team.restored",
            "team.deleted",
            "team.updated",
            "team.created"
        ]
    );
}

contract!(team_names_are_unique_among_live_teams_ignoring_case);
async fn team_names_are_unique_among_live_teams_ignoring_case(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let platform = add_team(&work, &org, "Platform").await;
    let twin = team(&org, "PLATFORM");
    let err = work
        .teams
        .create(org.id(), &twin, &audit(org.id(), None, "team.created"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`PLATFORM`")),
        "{err}"
    );

    let design = add_team(&work, &org, "Design").await;
    let clash = Team {
        name: "platform".into(),
        ..design.clone()
    };
    let err = work
        .teams
        .update(org.id(), &clash, &audit(org.id(), None, "team.updated"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`platform`")),
        "{err}"
    );

    // A deleted team's name is free, and then its restore is refused.
    work.teams
        .delete(
            org.id(),
            platform.id,
            &audit(org.id(), None, "team.deleted"),
        )
        .await
        .unwrap();
    work.teams
        .create(org.id(), &twin, &audit(org.id(), None, "team.created"))
        .await
        .unwrap();
    let err = work
        .teams
        .restore(org.id(), platform.id, &restoring(org.id(), "team.restored"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`Platform`")),
        "{err}"
    );
    assert_eq!(work.teams.find(org.id(), platform.id).await.unwrap(), None);
}

contract!(teams_page_oldest_first);
async fn teams_page_oldest_first(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let mut made = Vec::new();
    for name in ["A", "B", "C", "D", "E"] {
        made.push(add_team(&work, &org, name).await.id);
    }
    work.teams
        .delete(org.id(), made[2], &audit(org.id(), None, "team.deleted"))
        .await
        .unwrap();
    let mut seen = Vec::new();
    let mut page = PageRequest::first(2);
    loop {
        let got = work.teams.list(org.id(), page).await.unwrap();
        seen.extend(got.items.iter().map(|t| t.id));
        if !got.has_next_page {
            break;
        }
        page.after = Some(trellis_kernel::Cursor(seen.last().unwrap().as_uuid()));
    }
    assert_eq!(seen, [made[0], made[1], made[3], made[4]]);
    let some = work
        .teams
        .find_many(org.id(), &[made[4], made[2], made[0]])
        .await
        .unwrap();
    assert_eq!(
        sorted(some.iter().map(|t| t.id).collect()),
        [made[0], made[4]]
    );
}

contract!(members_join_and_leave_teams_and_must_be_members_of_the_tenant);
async fn members_join_and_leave_teams_and_must_be_members_of_the_tenant(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    let stranger = user(&env, "eve@elsewhere.test").await;
    let platform = add_team(&work, &org, "Platform").await;
    let design = add_team(&work, &org, "Design").await;
    let tenant = org.id();
    let add = |team, user| {
        let work = work.clone();
        async move {
            work.teams
                .add_member(
                    tenant,
                    team,
                    user,
                    &audit(tenant, None, "team.member_added"),
                )
                .await
        }
    };

    add(platform.id, ada.id).await.unwrap();
    add(platform.id, org.owner.id).await.unwrap();
    add(design.id, ada.id).await.unwrap();
    let twice = add(platform.id, ada.id).await;
    assert!(matches!(twice, Err(DomainError::Conflict(m)) if m.contains("in the team already")));
    let outsider = add(platform.id, stranger.id).await.unwrap_err();
    assert!(
        outsider.to_string().contains("userId: is not a member"),
        "{outsider}"
    );
    let nowhere = add(trellis_work::TeamId::generate(), ada.id).await;
    assert!(matches!(
        nowhere,
        Err(DomainError::NotFound { entity: "team" })
    ));

    let members = work
        .teams
        .members(tenant, &[platform.id, design.id])
        .await
        .unwrap();
    assert_eq!(
        members,
        [
            (platform.id, ada.id),
            (platform.id, org.owner.id),
            (design.id, ada.id)
        ]
    );
    assert!(work.teams.members(tenant, &[]).await.unwrap().is_empty());

    work.teams
        .remove_member(
            tenant,
            platform.id,
            ada.id,
            &audit(tenant, None, "team.member_removed"),
        )
        .await
        .unwrap();
    let again = work
        .teams
        .remove_member(
            tenant,
            platform.id,
            ada.id,
            &audit(tenant, None, "team.member_removed"),
        )
        .await;
    assert!(matches!(
        again,
        Err(DomainError::NotFound {
            entity: "team member"
        })
    ));
    assert_eq!(
        work.teams.members(tenant, &[platform.id]).await.unwrap(),
        [(platform.id, org.owner.id)]
    );

    // A deleted team shows no members, and gets them back with its restore.
    work.teams
        .delete(tenant, design.id, &audit(tenant, None, "team.deleted"))
        .await
        .unwrap();
    assert!(
        work.teams
            .members(tenant, &[design.id])
            .await
            .unwrap()
            .is_empty()
    );
    let joining = add(design.id, org.owner.id).await;
    assert!(matches!(
        joining,
        Err(DomainError::NotFound { entity: "team" })
    ));
    work.teams
        .restore(tenant, design.id, &restoring(tenant, "team.restored"))
        .await
        .unwrap();
    assert_eq!(
        work.teams.members(tenant, &[design.id]).await.unwrap(),
        [(design.id, ada.id)]
    );
}
