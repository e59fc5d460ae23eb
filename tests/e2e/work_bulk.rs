//! Bulk edits end to end: a result per item without `atomic`, all or
//! nothing with it, the size of a call, and who may make one.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::work_support::{create_item, create_tag, id_of, update_item_mutation};

on_every_backend! {
    each_item_reports_its_own_result_without_atomic => each_item_reports_its_own_result_without_atomic;
    atomic_with_one_bad_item_writes_nothing => atomic_with_one_bad_item_writes_nothing;
    a_call_of_more_than_500_edits_is_refused => a_call_of_more_than_500_edits_is_refused;
    a_viewer_cannot_edit_in_bulk => a_viewer_cannot_edit_in_bulk;
}

const UPDATE_ITEMS: &str = "mutation($input: UpdateItemsInput!) {
    updateItems(input: $input) { results {
        id
        item { id title version status assignees { email } tags { name } }
        error { code message fields { field message } currentVersion } } } }";

const ITEM: &str = "query($id: ID!) { item(id: $id) { title version
    history { edges { node { action } } } } }";

async fn update_items(app: &TestApp, session: &Session, input: Value) -> trellis_tests::Response {
    app.gql(
        UPDATE_ITEMS,
        json!({ "input": input }),
        Some(&session.access_token),
    )
    .await
}

/// Title, version and number of history entries, as the API shows them.
async fn item_state(app: &TestApp, session: &Session, id: &str) -> (String, i64, usize) {
    let data = app
        .gql(ITEM, json!({ "id": id }), Some(&session.access_token))
        .await
        .ok();
    let item = &data["item"];
    (
        item["title"].as_str().expect("title").to_owned(),
        item["version"].as_i64().expect("version"),
        item["history"]["edges"].as_array().expect("history").len(),
    )
}

async fn new_item(app: &TestApp, session: &Session, title: &str) -> String {
    let item = create_item(app, session, json!({ "title": title })).await;
    id_of(&item, "/id")
}

async fn each_item_reports_its_own_result_without_atomic(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let ada = app.join(&owner, &tenant, "ada@acme.test", "MEMBER").await;
    let (other, _) = app.owner_of("owner@globex.test", "globex", "PRO").await;
    let urgent = create_tag(&app, &ada, "urgent", "#E03131").await;
    let first = new_item(&app, &ada, "First").await;
    let stale = new_item(&app, &ada, "Stale").await;
    let bad = new_item(&app, &ada, "Bad title").await;
    let second = new_item(&app, &ada, "Second").await;
    let theirs = new_item(&app, &other, "Theirs").await;
    // Someone else edits `stale` first: version 2.
    app.gql(
        &update_item_mutation(),
        json!({ "input": { "id": stale, "title": "Edited meanwhile" } }),
        Some(&owner.access_token),
    )
    .await
    .ok();

    let data = update_items(
        &app,
        &ada,
        json!({ "items": [
            { "id": first, "expectedVersion": 1,
              "patch": { "status": "DONE", "assigneeIds": [ada.user_id], "tagIds": [urgent] } },
            { "id": stale, "expectedVersion": 1, "patch": { "title": "Mine" } },
            { "id": bad, "patch": { "title": "   " } },
            { "id": theirs, "patch": { "title": "Hijacked" } },
            { "id": second, "patch": { "priority": "URGENT" } },
        ] }),
    )
    .await
    .ok();
    let results = data["updateItems"]["results"].as_array().expect("results");
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [&first, &stale, &bad, &theirs, &second]);

    let done = &results[0]["item"];
    assert_eq!(
        (done["status"].as_str(), done["version"].as_i64()),
        (Some("DONE"), Some(2))
    );
    assert_eq!(done["assignees"][0]["email"], "ada@acme.test");
    assert_eq!(done["tags"][0]["name"], "urgent");
    assert!(results[0]["error"].is_null());
    assert_eq!(results[4]["item"]["version"], 2);

    let codes: Vec<&str> = results[1..4]
        .iter()
        .map(|r| {
            assert!(r["item"].is_null(), "{r}");
            r["error"]["code"].as_str().expect("code")
        })
        .collect();
    assert_eq!(codes, ["CONFLICT", "BAD_USER_INPUT", "NOT_FOUND"]);
    assert!(
        results[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("version 2")
    );
    assert_eq!(results[1]["error"]["currentVersion"], 2);
    assert!(results[2]["error"]["currentVersion"].is_null());
    assert_eq!(results[2]["error"]["fields"][0]["field"], "title");

    assert_eq!(item_state(&app, &ada, &stale).await.0, "Edited meanwhile");
    assert_eq!(
        item_state(&app, &ada, &bad).await,
        ("Bad title".into(), 1, 1)
    );
    assert_eq!(
        item_state(&app, &other, &theirs).await,
        ("Theirs".into(), 1, 1)
    );
    assert_eq!(item_state(&app, &ada, &second).await.1, 2);
}

async fn atomic_with_one_bad_item_writes_nothing(app: TestApp) {
    let (owner, _) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let a = new_item(&app, &owner, "A").await;
    let b = new_item(&app, &owner, "B").await;
    let response = update_items(
        &app,
        &owner,
        json!({ "atomic": true, "items": [
            { "id": a, "expectedVersion": 1, "patch": { "title": "A2", "status": "DONE" } },
            { "id": b, "patch": { "title": "", "estimatedHours": -1 } },
        ] }),
    )
    .await;
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    assert_eq!(
        response.bad_fields(),
        ["items[1].patch.title", "items[1].patch.estimatedHours"]
    );
    assert_eq!(item_state(&app, &owner, &a).await, ("A".into(), 1, 1));
    assert_eq!(item_state(&app, &owner, &b).await, ("B".into(), 1, 1));

    // The same call with a good second patch writes both.
    let data = update_items(
        &app,
        &owner,
        json!({ "atomic": true, "items": [
            { "id": a, "expectedVersion": 1, "patch": { "title": "A2" } },
            { "id": b, "patch": { "title": "B2" } },
        ] }),
    )
    .await
    .ok();
    let titles: Vec<&str> = data["updateItems"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["item"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["A2", "B2"]);
    assert_eq!(item_state(&app, &owner, &a).await, ("A2".into(), 2, 2));
}

async fn a_call_of_more_than_500_edits_is_refused(app: TestApp) {
    let (owner, _) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let item = new_item(&app, &owner, "Only").await;
    let edits: Vec<Value> = (0..501)
        .map(|_| json!({ "id": uuid::Uuid::now_v7().to_string(), "patch": { "title": "x" } }))
        .collect();
    let response = update_items(&app, &owner, json!({ "items": edits })).await;
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    assert_eq!(response.bad_fields(), ["items"]);
    assert_eq!(item_state(&app, &owner, &item).await.1, 1);
}

async fn a_viewer_cannot_edit_in_bulk(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let viewer = app.join(&owner, &tenant, "vic@acme.test", "VIEWER").await;
    let item = new_item(&app, &owner, "Read only").await;
    let response = update_items(
        &app,
        &viewer,
        json!({ "items": [{ "id": item, "patch": { "title": "Mine" } }] }),
    )
    .await;
    assert_eq!(response.code(), Some("FORBIDDEN"), "{:?}", response.body);
    assert_eq!(
        item_state(&app, &owner, &item).await,
        ("Read only".into(), 1, 1)
    );
}
