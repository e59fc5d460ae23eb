//! Work end to end: a team plans items with subtasks, assignees and tags,
//! edits them without overwriting each other, and reads back who changed
//! what.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

use crate::work_support::{
    ACTIVITY, create_item, create_tag, create_team, id_of, update_item_mutation,
};

on_every_backend! {
    a_team_plans_items_with_subtasks_and_reads_their_history => a_team_plans_items_with_subtasks_and_reads_their_history;
    two_people_editing_one_item_cannot_overwrite_each_other => two_people_editing_one_item_cannot_overwrite_each_other;
    deleting_an_item_takes_its_subtasks_and_restoring_brings_them_back => deleting_an_item_takes_its_subtasks_and_restoring_brings_them_back;
    a_move_that_would_make_a_cycle_is_a_conflict_naming_it => a_move_that_would_make_a_cycle_is_a_conflict_naming_it;
    bad_item_input_names_every_field_and_writes_nothing => bad_item_input_names_every_field_and_writes_nothing;
    viewers_read_members_edit_and_admins_manage_teams => viewers_read_members_edit_and_admins_manage_teams;
    leaving_the_tenant_leaves_its_teams => leaving_the_tenant_leaves_its_teams;
}

async fn a_team_plans_items_with_subtasks_and_reads_their_history(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let ada = app.join(&owner, &tenant, "ada@acme.test", "MEMBER").await;
    let team = create_team(&app, &owner, "Platform").await;
    app.gql(
        "mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { team { id } } }",
        json!({ "input": { "teamId": team, "userId": ada.user_id } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    let backend = create_tag(&app, &ada, "backend", "#1C7ED6").await;

    let parent = create_item(
        &app,
        &ada,
        json!({ "title": "  Ship search ", "priority": "HIGH", "dueDate": "2030-01-31",
                "teamId": team, "tagIds": [backend], "assigneeIds": [ada.user_id] }),
    )
    .await;
    assert_eq!(parent["title"], "Ship search");
    assert_eq!(parent["status"], "TODO");
    assert_eq!(parent["version"], 1);
    assert_eq!(parent["team"]["name"], "Platform");
    assert_eq!(parent["creator"]["email"], "ada@acme.test");
    assert_eq!(parent["assignees"][0]["email"], "ada@acme.test");
    assert_eq!(parent["tags"][0]["name"], "backend");
    let parent_id = id_of(&parent, "/id");
    let first = create_item(
        &app,
        &ada,
        json!({ "title": "Index titles", "parentId": parent_id }),
    )
    .await;
    create_item(
        &app,
        &ada,
        json!({ "title": "Rank results", "parentId": parent_id }),
    )
    .await;
    assert_eq!(first["parent"]["title"], "Ship search");

    let done = app
        .gql(
            &update_item_mutation(),
            json!({ "input": { "id": first["id"], "expectedVersion": 1, "status": "DONE" } }),
            Some(&ada.access_token),
        )
        .await
        .ok();
    let done = &done["updateItem"]["item"];
    assert_eq!(done["version"], 2);
    assert!(done["completedAt"].is_string(), "{done}");

    let read = app
        .gql(
            "query($id: ID!) { item(id: $id) { progress { total done }
                subtasks { edges { node { title status } } }
                history { edges { node { action changes { field from to added removed } } } } } }",
            json!({ "id": parent_id }),
            Some(&ada.access_token),
        )
        .await
        .ok();
    assert_eq!(read["item"]["progress"], json!({ "total": 2, "done": 1 }));
    let subtasks: Vec<&str> = read["item"]["subtasks"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| edge["node"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(subtasks, ["Index titles", "Rank results"]);
    let created = &read["item"]["history"]["edges"][0]["node"];
    assert_eq!(created["action"], "CREATED");
    let fields: Vec<&str> = created["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "title",
            "status",
            "priority",
            "dueDate",
            "teamId",
            "assigneeIds",
            "tagIds"
        ]
    );

    // "Every item whose status Ada changed to DONE" is one query.
    let activity = app
        .gql(
            ACTIVITY,
            json!({ "filter": { "actorId": ada.user_id, "field": "status", "to": "DONE" } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let edges = activity["activity"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 1, "{activity}");
    assert_eq!(edges[0]["node"]["itemId"], first["id"]);
    assert_eq!(edges[0]["node"]["actor"]["email"], "ada@acme.test");
    assert_eq!(
        edges[0]["node"]["changes"],
        json!([{ "field": "status", "from": "TODO", "to": "DONE", "added": [], "removed": [] }])
    );

    let team_view = app
        .gql(
            "query($id: ID!) { team(id: $id) { members { email }
                items(orderBy: {field: TITLE, direction: ASC}) { edges { node { title } } } } }",
            json!({ "id": team }),
            Some(&ada.access_token),
        )
        .await
        .ok();
    assert_eq!(
        team_view["team"]["members"],
        json!([{ "email": "ada@acme.test" }])
    );
    assert_eq!(
        team_view["team"]["items"]["edges"],
        json!([{ "node": { "title": "Ship search" } }])
    );
}

async fn two_people_editing_one_item_cannot_overwrite_each_other(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let ada = app.join(&owner, &tenant, "ada@acme.test", "MEMBER").await;
    let item = create_item(&app, &owner, json!({ "title": "Draft the plan" })).await;

    let ada_edit = app
        .gql(
            &update_item_mutation(),
            json!({ "input": { "id": item["id"], "expectedVersion": 1, "title": "Ada's plan" } }),
            Some(&ada.access_token),
        )
        .await
        .ok();
    assert_eq!(ada_edit["updateItem"]["item"]["version"], 2);

    // The owner still has version 1 on screen.
    let stale = app
        .gql(
            &update_item_mutation(),
            json!({ "input": { "id": item["id"], "expectedVersion": 1, "title": "Owner's plan" } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"), "{:?}", stale.body);
    assert_eq!(stale.body["errors"][0]["extensions"]["currentVersion"], 2);
    let stale_delete = app
        .gql(
            "mutation($input: DeleteItemInput!) { deleteItem(input: $input) { deletedId } }",
            json!({ "input": { "id": item["id"], "expectedVersion": 1 } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(
        stale_delete.code(),
        Some("CONFLICT"),
        "{:?}",
        stale_delete.body
    );

    let now = app
        .gql(
            "query($id: ID!) { item(id: $id) { title version } }",
            json!({ "id": item["id"] }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(now["item"], json!({ "title": "Ada's plan", "version": 2 }));

    // Without expectedVersion the last write wins, as the client asked.
    let blind = app
        .gql(
            &update_item_mutation(),
            json!({ "input": { "id": item["id"], "priority": "URGENT", "description": null } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(blind["updateItem"]["item"]["version"], 3);
    assert_eq!(blind["updateItem"]["item"]["title"], "Ada's plan");
}

async fn deleting_an_item_takes_its_subtasks_and_restoring_brings_them_back(app: TestApp) {
    let (owner, _) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let root = create_item(&app, &owner, json!({ "title": "Launch" })).await;
    let child = create_item(
        &app,
        &owner,
        json!({ "title": "Write docs", "parentId": root["id"] }),
    )
    .await;
    let grandchild = create_item(
        &app,
        &owner,
        json!({ "title": "Proofread", "parentId": child["id"] }),
    )
    .await;
    let other = create_item(&app, &owner, json!({ "title": "Unrelated" })).await;

    let deleted = app
        .gql(
            "mutation($input: DeleteItemInput!) { deleteItem(input: $input) { deletedId deletedSubtaskIds } }",
            json!({ "input": { "id": root["id"] } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let mut taken: Vec<String> = deleted["deleteItem"]["deletedSubtaskIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().to_owned())
        .collect();
    taken.sort();
    let mut expected = vec![id_of(&child, "/id"), id_of(&grandchild, "/id")];
    expected.sort();
    assert_eq!(taken, expected);

    let gone = app
        .gql(
            "query($id: ID!) { item(id: $id) { id } }",
            json!({ "id": grandchild["id"] }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(gone.code(), Some("NOT_FOUND"));
    let titles = crate::work_support::item_titles(&app, &owner, json!({})).await;
    assert_eq!(titles, ["Unrelated"]);

    let restored = app
        .gql(
            "mutation($input: RestoreItemInput!) { restoreItem(input: $input) {
                item { title progress { total done } } restoredSubtaskIds } }",
            json!({ "input": { "id": root["id"] } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(restored["restoreItem"]["item"]["title"], "Launch");
    assert_eq!(restored["restoreItem"]["item"]["progress"]["total"], 1);
    assert_eq!(
        restored["restoreItem"]["restoredSubtaskIds"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let mut titles = crate::work_support::item_titles(&app, &owner, json!({})).await;
    titles.sort();
    assert_eq!(titles, ["Launch", "Proofread", "Unrelated", "Write docs"]);
    let _ = other;
}

async fn a_move_that_would_make_a_cycle_is_a_conflict_naming_it(app: TestApp) {
    let (owner, _) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let a = create_item(&app, &owner, json!({ "title": "A" })).await;
    let b = create_item(&app, &owner, json!({ "title": "B", "parentId": a["id"] })).await;
    let c = create_item(&app, &owner, json!({ "title": "C", "parentId": b["id"] })).await;

    let cycle = app
        .gql(
            &update_item_mutation(),
            json!({ "input": { "id": a["id"], "parentId": c["id"] } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(cycle.code(), Some("CONFLICT"), "{:?}", cycle.body);
    let message = cycle.message();
    for item in [&a, &b, &c] {
        assert!(message.contains(item["id"].as_str().unwrap()), "{message}");
    }
    let own = app
        .gql(
            &update_item_mutation(),
            json!({ "input": { "id": a["id"], "parentId": a["id"] } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(own.code(), Some("CONFLICT"), "{:?}", own.body);

    // Nothing moved: A is still the top.
    let top = crate::work_support::item_titles(
        &app,
        &owner,
        json!({ "filter": { "topLevelOnly": true } }),
    )
    .await;
    assert_eq!(top, ["A"]);
}

async fn bad_item_input_names_every_field_and_writes_nothing(app: TestApp) {
    let (owner, _) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let response = app
        .gql(
            &crate::work_support::create_item_mutation(),
            json!({ "input": {
                "title": "   ", "estimatedHours": -1.5, "actualHours": 2,
                "description": "x".repeat(50_001),
                "assigneeIds": ["not-an-id"],
            } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    assert_eq!(response.bad_fields(), ["assigneeIds[0]"]);

    let response = app
        .gql(
            &crate::work_support::create_item_mutation(),
            json!({ "input": {
                "title": "   ", "estimatedHours": -1.5, "description": "x".repeat(50_001),
            } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    let mut fields = response.bad_fields();
    fields.sort();
    assert_eq!(fields, ["description", "estimatedHours", "title"]);

    let tag = app
        .gql(
            crate::work_support::CREATE_TAG,
            json!({ "input": { "name": "urgent", "color": "red" } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(tag.bad_fields(), ["color"]);
    let unknown = app
        .gql(
            &crate::work_support::create_item_mutation(),
            json!({ "input": { "title": "Fine", "assigneeIds": [uuid::Uuid::now_v7().to_string()] } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(unknown.bad_fields(), ["assigneeIds[0]"]);

    let titles = crate::work_support::item_titles(&app, &owner, json!({})).await;
    assert!(titles.is_empty(), "{titles:?}");
    let tags = app
        .gql(
            "{ tags { edges { node { id } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(tags["tags"]["edges"], json!([]));
}

async fn viewers_read_members_edit_and_admins_manage_teams(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let viewer = app.join(&owner, &tenant, "vic@acme.test", "VIEWER").await;
    let member = app.join(&owner, &tenant, "mo@acme.test", "MEMBER").await;
    let item = create_item(&app, &member, json!({ "title": "Mine" })).await;

    let read = app
        .gql(
            "query($id: ID!) { item(id: $id) { title } }",
            json!({ "id": item["id"] }),
            Some(&viewer.access_token),
        )
        .await
        .ok();
    assert_eq!(read["item"]["title"], "Mine");
    let edit = app
        .gql(
            &update_item_mutation(),
            json!({ "input": { "id": item["id"], "title": "Viewer's" } }),
            Some(&viewer.access_token),
        )
        .await;
    assert_eq!(edit.code(), Some("FORBIDDEN"));
    assert!(
        edit.message().contains("items.update"),
        "{}",
        edit.message()
    );
    let team = app
        .gql(
            crate::work_support::CREATE_TEAM,
            json!({ "input": { "name": "Members only" } }),
            Some(&member.access_token),
        )
        .await;
    assert_eq!(team.code(), Some("FORBIDDEN"));
    assert!(
        team.message().contains("teams.manage"),
        "{}",
        team.message()
    );
}

async fn leaving_the_tenant_leaves_its_teams(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let ada = app.join(&owner, &tenant, "ada@acme.test", "MEMBER").await;
    let team = create_team(&app, &owner, "Platform").await;
    app.gql(
        "mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { team { id } } }",
        json!({ "input": { "teamId": team, "userId": ada.user_id } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    app.gql(
        "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { deletedId } }",
        json!({ "input": { "userId": ada.user_id } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    let members = app
        .gql(
            "query($id: ID!) { team(id: $id) { members { email } } }",
            json!({ "id": team }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(members["team"]["members"], json!([]));
    // And someone outside the tenant cannot be added.
    let outsider = app
        .gql(
            "mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { team { id } } }",
            json!({ "input": { "teamId": team, "userId": ada.user_id } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(outsider.bad_fields(), ["userId"]);
}
