//! Comments through GraphQL: added, listed oldest first, edited (which
//! shows), deleted by their author or an ADMIN, never by another MEMBER,
//! and out of reach of another tenant.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::work_support::{create_item, id_of};

on_every_backend! {
    comments_are_added_listed_edited_and_deleted => comments_are_added_listed_edited_and_deleted;
    only_the_author_edits_and_only_an_admin_deletes_anothers => only_the_author_edits_and_only_an_admin_deletes_anothers;
    another_tenants_comments_are_not_found_and_nothing_changes => another_tenants_comments_are_not_found_and_nothing_changes;
}

const ADD: &str = "mutation($input: AddCommentInput!) { addComment(input: $input) {
    comment { id body createdAt editedAt author { email } item { id title } } } }";
const EDIT: &str = "mutation($input: EditCommentInput!) { editComment(input: $input) {
    comment { id body editedAt } } }";
const DELETE: &str =
    "mutation($input: DeleteCommentInput!) { deleteComment(input: $input) { deletedId } }";
const COMMENTS: &str = "query($id: ID!, $first: Int, $after: String) { item(id: $id) {
    version commentCount
    comments(first: $first, after: $after) {
        edges { cursor node { id body editedAt author { email } } }
        pageInfo { hasNextPage endCursor } } } }";

async fn add(app: &TestApp, who: &Session, item: &str, body: &str) -> Value {
    let data = app
        .gql(
            ADD,
            json!({ "input": { "itemId": item, "body": body } }),
            Some(&who.access_token),
        )
        .await
        .ok();
    data["addComment"]["comment"].clone()
}

async fn comments(app: &TestApp, who: &Session, item: &str) -> Value {
    app.gql(
        COMMENTS,
        json!({ "id": item, "first": 50 }),
        Some(&who.access_token),
    )
    .await
    .ok()["item"]
        .clone()
}

fn bodies(item: &Value) -> Vec<String> {
    item["comments"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|edge| edge["node"]["body"].as_str().expect("body").to_owned())
        .collect()
}

async fn comments_are_added_listed_edited_and_deleted(app: TestApp) {
    let (owner, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let item = id_of(
        &create_item(&app, &owner, json!({ "title": "Ship it" })).await,
        "/id",
    );

    let first = add(&app, &owner, &item, "  First thoughts  ").await;
    assert_eq!(first["body"], "First thoughts");
    assert_eq!(first["editedAt"], Value::Null);
    assert_eq!(first["author"]["email"], "owner@a.test");
    assert_eq!(first["item"]["title"], "Ship it");
    add(&app, &owner, &item, "Second").await;
    add(&app, &owner, &item, "Third").await;

    let listed = comments(&app, &owner, &item).await;
    assert_eq!(bodies(&listed), ["First thoughts", "Second", "Third"]);
    assert_eq!(listed["commentCount"], 3);
    // Commenting is not editing the item: nobody's expectedVersion goes stale.
    assert_eq!(listed["version"], 1);
    let paged = app
        .gql(
            COMMENTS,
            json!({ "id": item, "first": 2 }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let page = &paged["item"]["comments"];
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    let rest = app
        .gql(
            COMMENTS,
            json!({ "id": item, "first": 2, "after": page["pageInfo"]["endCursor"] }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(bodies(&rest["item"]), ["Third"]);

    let edited = app
        .gql(
            EDIT,
            json!({ "input": { "id": first["id"], "body": "Second thoughts" } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(edited["editComment"]["comment"]["body"], "Second thoughts");
    assert!(edited["editComment"]["comment"]["editedAt"].is_string());

    let blank = app
        .gql(
            ADD,
            json!({ "input": { "itemId": item, "body": "   " } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(blank.code(), Some("BAD_USER_INPUT"));
    assert_eq!(blank.bad_fields(), ["body"]);

    let deleted = app
        .gql(
            DELETE,
            json!({ "input": { "id": first["id"] } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(deleted["deleteComment"]["deletedId"], first["id"]);
    let after = comments(&app, &owner, &item).await;
    assert_eq!(bodies(&after), ["Second", "Third"]);
    assert_eq!(after["commentCount"], 2);
}

async fn only_the_author_edits_and_only_an_admin_deletes_anothers(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let ada = app.join(&owner, &tenant, "ada@a.test", "MEMBER").await;
    let bob = app.join(&owner, &tenant, "bob@a.test", "MEMBER").await;
    let admin = app.join(&owner, &tenant, "admin@a.test", "ADMIN").await;
    let viewer = app.join(&owner, &tenant, "viewer@a.test", "VIEWER").await;
    let item = id_of(
        &create_item(&app, &ada, json!({ "title": "Ship it" })).await,
        "/id",
    );
    let adas = add(&app, &ada, &item, "Ada's word").await;

    let by_bob = [
        (
            EDIT,
            json!({ "input": { "id": adas["id"], "body": "Bob's now" } }),
        ),
        (DELETE, json!({ "input": { "id": adas["id"] } })),
    ];
    for (mutation, variables) in by_bob {
        let refused = app.gql(mutation, variables, Some(&bob.access_token)).await;
        assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
    }
    let by_admin = app
        .gql(
            EDIT,
            json!({ "input": { "id": adas["id"], "body": "Admin's now" } }),
            Some(&admin.access_token),
        )
        .await;
    assert_eq!(by_admin.code(), Some("FORBIDDEN"));
    let viewing = app
        .gql(
            ADD,
            json!({ "input": { "itemId": item, "body": "me too" } }),
            Some(&viewer.access_token),
        )
        .await;
    assert_eq!(viewing.code(), Some("FORBIDDEN"));
    let unchanged = comments(&app, &owner, &item).await;
    assert_eq!(bodies(&unchanged), ["Ada's word"]);
    assert_eq!(
        unchanged["comments"]["edges"][0]["node"]["editedAt"],
        Value::Null
    );

    app.gql(
        DELETE,
        json!({ "input": { "id": adas["id"] } }),
        Some(&admin.access_token),
    )
    .await
    .ok();
    assert!(bodies(&comments(&app, &owner, &item).await).is_empty());
}

async fn another_tenants_comments_are_not_found_and_nothing_changes(app: TestApp) {
    let (a, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let (b, _) = app.owner_of("owner@b.test", "tenant-b", "PRO").await;
    let item = id_of(
        &create_item(&app, &a, json!({ "title": "A's item" })).await,
        "/id",
    );
    let comment = add(&app, &a, &item, "A's comment").await;
    let before = comments(&app, &a, &item).await;

    let made_up = uuid::Uuid::now_v7().to_string();
    let attempts = [
        (
            ADD,
            json!({ "input": { "itemId": item, "body": "from B" } }),
        ),
        (
            ADD,
            json!({ "input": { "itemId": made_up, "body": "from B" } }),
        ),
        (
            EDIT,
            json!({ "input": { "id": comment["id"], "body": "B was here" } }),
        ),
        (DELETE, json!({ "input": { "id": comment["id"] } })),
        (COMMENTS, json!({ "id": item })),
    ];
    for (operation, variables) in attempts {
        let response = app.gql(operation, variables, Some(&b.access_token)).await;
        assert_eq!(
            response.code(),
            Some("NOT_FOUND"),
            "{operation}: {:?}",
            response.body
        );
    }

    assert_eq!(comments(&app, &a, &item).await, before);
}
