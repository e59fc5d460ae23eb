//! Searching items through GraphQL: a change is found as soon as its
//! mutation returns, a search narrows with the other filters, and the
//! relevance order pages.

use serde_json::{Value, json};
use trellis_tests::{TestApp, on_every_backend};

use crate::work_support::{ITEMS, create_item, id_of, item_titles, update_item_mutation};

on_every_backend! {
    an_updated_item_is_found_by_its_new_words_at_once => an_updated_item_is_found_by_its_new_words_at_once;
    search_narrows_with_other_filters_and_pages_by_relevance => search_narrows_with_other_filters_and_pages_by_relevance;
}

fn search(words: &str) -> Value {
    json!({ "first": 50, "filter": { "search": words } })
}

async fn an_updated_item_is_found_by_its_new_words_at_once(app: TestApp) {
    let (owner, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    let item = create_item(&app, &owner, json!({ "title": "Draft proposal" })).await;
    assert_eq!(
        item_titles(&app, &owner, search("proposal")).await,
        ["Draft proposal"]
    );

    app.gql(
        &update_item_mutation(),
        json!({ "input": { "id": item["id"], "title": "Signed contract" } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    assert_eq!(
        item_titles(&app, &owner, search("contract")).await,
        ["Signed contract"]
    );
    assert!(
        item_titles(&app, &owner, search("proposal"))
            .await
            .is_empty()
    );

    app.gql(
        "mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }",
        json!({ "input": { "itemId": item["id"], "body": "countersigned by legal" } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    assert_eq!(
        item_titles(&app, &owner, search("legal")).await,
        ["Signed contract"]
    );

    let long = app
        .gql(ITEMS, search(&"x".repeat(201)), Some(&owner.access_token))
        .await;
    assert_eq!(long.code(), Some("BAD_USER_INPUT"));
    assert_eq!(long.bad_fields(), ["filter.search"]);
    let unranked = app
        .gql(
            ITEMS,
            json!({ "orderBy": { "field": "RELEVANCE" } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(unranked.code(), Some("BAD_USER_INPUT"));
    assert_eq!(unranked.bad_fields(), ["orderBy"]);
}

async fn search_narrows_with_other_filters_and_pages_by_relevance(app: TestApp) {
    let (owner, _) = app.owner_of("owner@a.test", "tenant-a", "PRO").await;
    create_item(
        &app,
        &owner,
        json!({ "title": "Database upgrade plan", "status": "IN_PROGRESS" }),
    )
    .await;
    create_item(
        &app,
        &owner,
        json!({ "title": "Weekly sync", "description": "hiring, budget, and the database" }),
    )
    .await;
    for n in 0..3 {
        create_item(
            &app,
            &owner,
            json!({ "title": format!("Upgrade note {n}"), "description": "database" }),
        )
        .await;
    }
    create_item(
        &app,
        &owner,
        json!({ "title": "Unrelated", "status": "IN_PROGRESS" }),
    )
    .await;

    let in_progress = json!({ "first": 50,
        "filter": { "search": "database", "status": ["IN_PROGRESS"] } });
    assert_eq!(
        item_titles(&app, &owner, in_progress).await,
        ["Database upgrade plan"]
    );

    let ranked = |after: Option<String>| {
        json!({ "first": 2, "after": after,
            "filter": { "search": "database upgrade plan" },
            "orderBy": { "field": "RELEVANCE", "direction": "DESC" } })
    };
    let first = app
        .gql(ITEMS, ranked(None), Some(&owner.access_token))
        .await
        .ok();
    assert_eq!(
        first["items"]["edges"][0]["node"]["title"],
        "Database upgrade plan"
    );

    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = app
            .gql(
                ITEMS,
                json!({ "first": 2, "after": after,
                    "filter": { "search": "database" },
                    "orderBy": { "field": "RELEVANCE" } }),
                Some(&owner.access_token),
            )
            .await
            .ok();
        for edge in page["items"]["edges"].as_array().expect("edges") {
            seen.push(id_of(edge, "/node/id"));
        }
        if page["items"]["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["items"]["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(seen.len(), 5, "{seen:?}");
    assert_eq!(distinct.len(), 5);
}
