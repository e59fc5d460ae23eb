//! Work across two tenants: every query and mutation that takes an id of
//! the first tenant's, sent by the second, is NOT_FOUND and changes
//! nothing; an id of the first tenant's inside the second's input is
//! BAD_USER_INPUT on that field, worded as for an id that exists nowhere.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::work_support::{ACTIVITY, create_item, create_tag, create_team, id_of};

on_every_backend! {
    another_tenants_work_ids_are_not_found_and_nothing_changes => another_tenants_work_ids_are_not_found_and_nothing_changes;
    another_tenants_ids_inside_an_input_are_bad_input_like_unknown_ids => another_tenants_ids_inside_an_input_are_bad_input_like_unknown_ids;
}

/// Everything tenant A has in Work, as A sees it.
async fn snapshot(app: &TestApp, owner: &Session) -> Value {
    app.gql(
        "{ teams { edges { node { id name description updatedAt members { id } } } }
           tags { edges { node { id name color updatedAt } } }
           items(first: 100) { edges { node { id title status version updatedAt
               assignees { id } tags { id } team { id } parent { id } } } }
           activity(first: 100) { edges { node { id } } } }",
        json!({}),
        Some(&owner.access_token),
    )
    .await
    .ok()
}

struct AWork {
    team: String,
    tag: String,
    item: String,
    owner_id: String,
}

async fn a_work(app: &TestApp, a: &Session) -> AWork {
    let team = create_team(app, a, "A's team").await;
    let tag = create_tag(app, a, "a-tag", "#112233").await;
    app.gql(
        "mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { team { id } } }",
        json!({ "input": { "teamId": team, "userId": a.user_id } }),
        Some(&a.access_token),
    )
    .await
    .ok();
    let item = create_item(
        app,
        a,
        json!({ "title": "A's item", "teamId": team, "tagIds": [tag], "assigneeIds": [a.user_id] }),
    )
    .await;
    AWork {
        team,
        tag,
        item: id_of(&item, "/id"),
        owner_id: a.user_id.clone(),
    }
}

async fn another_tenants_work_ids_are_not_found_and_nothing_changes(app: TestApp) {
    let (a, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    let AWork {
        team, tag, item, ..
    } = a_work(&app, &a).await;
    // A deleted item of A's, for restore.
    let deleted = create_item(&app, &a, json!({ "title": "A's deleted" })).await;
    app.gql(
        "mutation($input: DeleteItemInput!) { deleteItem(input: $input) { deletedId } }",
        json!({ "input": { "id": deleted["id"] } }),
        Some(&a.access_token),
    )
    .await
    .ok();
    let before = snapshot(&app, &a).await;

    let attempts: Vec<(&str, Value)> = vec![
        (
            "query($id: ID!) { team(id: $id) { id } }",
            json!({ "id": team }),
        ),
        (
            "query($id: ID!) { tag(id: $id) { id } }",
            json!({ "id": tag }),
        ),
        (
            "query($id: ID!) { item(id: $id) { id } }",
            json!({ "id": item }),
        ),
        (
            "mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { team { id } } }",
            json!({ "input": { "id": team, "name": "stolen" } }),
        ),
        (
            "mutation($input: TeamIdInput!) { deleteTeam(input: $input) { deletedId } }",
            json!({ "input": { "id": team } }),
        ),
        (
            "mutation($input: TeamIdInput!) { restoreTeam(input: $input) { team { id } } }",
            json!({ "input": { "id": team } }),
        ),
        (
            "mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { team { id } } }",
            json!({ "input": { "teamId": team, "userId": b.user_id } }),
        ),
        (
            "mutation($input: TeamMemberInput!) { removeTeamMember(input: $input) { team { id } } }",
            json!({ "input": { "teamId": team, "userId": a.user_id } }),
        ),
        (
            "mutation($input: UpdateTagInput!) { updateTag(input: $input) { tag { id } } }",
            json!({ "input": { "id": tag, "color": "#000000" } }),
        ),
        (
            "mutation($input: DeleteTagInput!) { deleteTag(input: $input) { deletedId } }",
            json!({ "input": { "id": tag } }),
        ),
        (
            "mutation($input: UpdateItemInput!) { updateItem(input: $input) { item { id } } }",
            json!({ "input": { "id": item, "title": "stolen" } }),
        ),
        (
            "mutation($input: DeleteItemInput!) { deleteItem(input: $input) { deletedId } }",
            json!({ "input": { "id": item } }),
        ),
        (
            "mutation($input: RestoreItemInput!) { restoreItem(input: $input) { item { id } } }",
            json!({ "input": { "id": deleted["id"] } }),
        ),
        (
            "mutation($input: AssignItemInput!) { assignItem(input: $input) { item { id } } }",
            json!({ "input": { "itemId": item, "userId": b.user_id } }),
        ),
        (
            "mutation($input: AssignItemInput!) { unassignItem(input: $input) { item { id } } }",
            json!({ "input": { "itemId": item, "userId": a.user_id } }),
        ),
    ];
    let made_up = uuid::Uuid::now_v7().to_string();
    for (query, variables) in attempts {
        let response = app.gql(query, variables, Some(&b.access_token)).await;
        assert_eq!(
            response.code(),
            Some("NOT_FOUND"),
            "{query}: {:?}",
            response.body
        );
        if query.starts_with("query($id") {
            let unknown = app
                .gql(query, json!({ "id": made_up }), Some(&b.access_token))
                .await;
            assert_eq!(unknown.message(), response.message(), "{query}");
        }
    }

    // B's lists and filters show none of it.
    let b_view = snapshot(&app, &b).await;
    assert_eq!(b_view["teams"]["edges"], json!([]));
    assert_eq!(b_view["tags"]["edges"], json!([]));
    assert_eq!(b_view["items"]["edges"], json!([]));
    assert_eq!(b_view["activity"]["edges"], json!([]));
    let by_item = app
        .gql(
            ACTIVITY,
            json!({ "filter": { "itemId": item } }),
            Some(&b.access_token),
        )
        .await
        .ok();
    assert_eq!(by_item["activity"]["edges"], json!([]));
    for filter in [
        json!({ "teamId": team }),
        json!({ "tagIds": [tag] }),
        json!({ "parentId": item }),
        json!({ "assigneeId": a.user_id }),
    ] {
        let titles = crate::work_support::item_titles(&app, &b, json!({ "filter": filter })).await;
        assert!(titles.is_empty(), "{filter}: {titles:?}");
    }

    assert_eq!(snapshot(&app, &a).await, before);
}

async fn another_tenants_ids_inside_an_input_are_bad_input_like_unknown_ids(app: TestApp) {
    let (a, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    let a_work = a_work(&app, &a).await;
    let before = snapshot(&app, &a).await;
    let made_up = || uuid::Uuid::now_v7().to_string();

    let create = crate::work_support::create_item_mutation();
    let foreign = app
        .gql(
            &create,
            json!({ "input": { "title": "B's", "parentId": a_work.item, "teamId": a_work.team,
                    "assigneeIds": [b.user_id, a_work.owner_id], "tagIds": [a_work.tag] } }),
            Some(&b.access_token),
        )
        .await;
    let unknown = app
        .gql(
            &create,
            json!({ "input": { "title": "B's", "parentId": made_up(), "teamId": made_up(),
                    "assigneeIds": [b.user_id, made_up()], "tagIds": [made_up()] } }),
            Some(&b.access_token),
        )
        .await;
    assert_eq!(foreign.code(), Some("BAD_USER_INPUT"), "{:?}", foreign.body);
    let mut fields = foreign.bad_fields();
    fields.sort();
    assert_eq!(
        fields,
        ["assigneeIds[1]", "parentId", "tagIds[0]", "teamId"]
    );
    // Word for word: the errors cannot tell A's ids from made-up ones.
    assert_eq!(
        foreign.body["errors"][0]["extensions"]["fields"],
        unknown.body["errors"][0]["extensions"]["fields"]
    );

    // The same through updateItem on B's own item.
    let own = create_item(&app, &b, json!({ "title": "B's own" })).await;
    let update = crate::work_support::update_item_mutation();
    for (field, value) in [
        ("parentId", json!(a_work.item)),
        ("teamId", json!(a_work.team)),
        ("assigneeIds", json!([a_work.owner_id])),
        ("tagIds", json!([a_work.tag])),
    ] {
        let response = app
            .gql(
                &update,
                json!({ "input": { "id": own["id"], field: value } }),
                Some(&b.access_token),
            )
            .await;
        assert_eq!(
            response.code(),
            Some("BAD_USER_INPUT"),
            "{field}: {:?}",
            response.body
        );
        let named = response.bad_fields();
        assert!(named[0].starts_with(field), "{field}: {named:?}");
    }
    let assign = app
        .gql(
            "mutation($input: AssignItemInput!) { assignItem(input: $input) { item { id } } }",
            json!({ "input": { "itemId": own["id"], "userId": a_work.owner_id } }),
            Some(&b.access_token),
        )
        .await;
    assert_eq!(assign.bad_fields(), ["userId"]);
    let team_member = app
        .gql(
            "mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { team { id } } }",
            json!({ "input": { "teamId": create_team(&app, &b, "B's team").await, "userId": a_work.owner_id } }),
            Some(&b.access_token),
        )
        .await;
    assert_eq!(team_member.bad_fields(), ["userId"]);

    let b_items = crate::work_support::item_titles(&app, &b, json!({})).await;
    assert_eq!(b_items, ["B's own"]);
    assert_eq!(snapshot(&app, &a).await, before);
}
