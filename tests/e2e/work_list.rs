//! A list of items reads each item's description only when its selection
//! names it, as a field or inside a fragment, in every order; each edge's
//! cursor continues the list right after its item. A page is written
//! straight from its rows, and says what one item read alone says.

use serde_json::{Value, json};
use trellis_tests::{TestApp, on_every_backend};

use crate::work_support::{ITEMS, create_item, create_tag, id_of};

on_every_backend! {
    a_list_shows_descriptions_whenever_its_selection_names_them => a_list_shows_descriptions_whenever_its_selection_names_them;
    every_edge_cursor_continues_the_list_after_its_item => every_edge_cursor_continues_the_list_after_its_item;
    a_page_says_what_each_item_read_alone_says_character_for_character => a_page_says_what_each_item_read_alone_says_character_for_character;
}

/// The texts hold characters JSON escapes (a description may hold control
/// characters; a title or a name may not), and some it does not.
async fn a_page_says_what_each_item_read_alone_says_character_for_character(app: TestApp) {
    let (owner, _) = app.owner_of("owner@text.test", "text", "PRO").await;
    let title = "Say \"hi\" \\ to C:\\tmp \u{2028}— 🚀 <b>&amp;</b>";
    let description = "line one\nline two\ttabbed\r\u{1}\u{1f}\u{7f}";
    let tag = create_tag(&app, &owner, "\"ops\"\\é", "#a0b1c2").await;
    let created = create_item(
        &app,
        &owner,
        json!({ "title": title, "description": description, "status": "IN_REVIEW",
                "priority": "URGENT", "estimatedHours": 2.5, "tagIds": [tag] }),
    )
    .await;
    let id = id_of(&created, "/id");
    create_item(&app, &owner, json!({ "title": "Second" })).await;
    let fields = "__typename id title description status priority estimatedHours actualHours
        createdAt updatedAt creator { __typename email name } tags { __typename id name color }";
    let page = app
        .gql(
            &format!(
                "{{ items(first: 10, orderBy: {{field: CREATED_AT, direction: ASC}}) {{
                edges {{ node {{ {fields} }} }} }} }}"
            ),
            json!({}),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(
        page.headers.get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/graphql-response+json"[..])
    );
    let page = page.ok();
    let alone = app
        .gql(
            &format!("query($id: ID!) {{ item(id: $id) {{ {fields} }} }}"),
            json!({ "id": id }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    let first = &page["items"]["edges"][0]["node"];
    assert_eq!(first, &alone["item"]);
    assert_eq!(first["title"], title);
    assert_eq!(first["description"], description);
    assert_eq!(first["status"], "IN_REVIEW");
    assert_eq!(first["estimatedHours"], 2.5);
    assert_eq!(first["tags"][0]["name"], "\"ops\"\\é");
    assert_eq!(first["creator"]["email"], "owner@text.test");
    assert_eq!(page["items"]["edges"][1]["node"]["title"], "Second");
}

async fn a_list_shows_descriptions_whenever_its_selection_names_them(app: TestApp) {
    let (owner, _) = app.owner_of("owner@list.test", "list", "PRO").await;
    create_item(
        &app,
        &owner,
        json!({ "title": "Plan", "description": "Who does what, by when." }),
    )
    .await;
    create_item(&app, &owner, json!({ "title": "Bare" })).await;
    let selections = [
        "id title description tags { name } creator { email }",
        "id title ... on Item { description }",
        "...Card",
    ];
    for order in ["CREATED_AT", "DUE_DATE", "TITLE"] {
        for selection in selections {
            let mut query = format!(
                "query($orderBy: ItemOrderInput) {{ items(first: 10, orderBy: $orderBy) {{
                    edges {{ node {{ {selection} }} }} }} }}"
            );
            if selection.contains("...Card") {
                query.push_str(" fragment Card on Item { title description }");
            }
            let data = app
                .gql(
                    &query,
                    json!({ "orderBy": { "field": order, "direction": "ASC" } }),
                    Some(&owner.access_token),
                )
                .await
                .ok();
            let mut shown: Vec<(Value, Value)> = data["items"]["edges"]
                .as_array()
                .expect("edges")
                .iter()
                .map(|edge| {
                    (
                        edge["node"]["title"].clone(),
                        edge["node"]["description"].clone(),
                    )
                })
                .collect();
            shown.sort_by_key(|(title, _)| title.to_string());
            assert_eq!(
                shown,
                [
                    (json!("Bare"), Value::Null),
                    (json!("Plan"), json!("Who does what, by when.")),
                ],
                "{order}: {selection}"
            );
        }
    }
}

async fn every_edge_cursor_continues_the_list_after_its_item(app: TestApp) {
    let (owner, _) = app.owner_of("owner@cursors.test", "cursors", "PRO").await;
    for (title, priority, due) in [
        ("Quarterly report draft", "LOW", "2031-03-01"),
        ("Report figures", "URGENT", "2031-01-15"),
        ("Annual report", "MEDIUM", "2031-02-10"),
        ("Report review", "HIGH", "2031-04-20"),
    ] {
        create_item(
            &app,
            &owner,
            json!({ "title": title, "priority": priority, "dueDate": due }),
        )
        .await;
    }
    let page = |after: Option<String>, first: usize, order: &str, search: bool| {
        let variables = json!({
            "first": first,
            "after": after,
            "filter": if search { json!({ "search": "report" }) } else { json!({}) },
            "orderBy": { "field": order, "direction": "DESC" },
        });
        let (app, token) = (&app, owner.access_token.clone());
        async move { app.gql(ITEMS, variables, Some(&token)).await.ok()["items"].clone() }
    };
    let ids = |items: &Value| -> Vec<Value> {
        items["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|edge| edge["node"]["id"].clone())
            .collect()
    };
    for (order, search) in [
        ("CREATED_AT", false),
        ("UPDATED_AT", false),
        ("DUE_DATE", false),
        ("PRIORITY", false),
        ("TITLE", false),
        ("RELEVANCE", true),
    ] {
        let whole = page(None, 10, order, search).await;
        let all = ids(&whole);
        assert_eq!(all.len(), 4, "{order}: {whole}");
        for (at, edge) in whole["edges"].as_array().expect("edges").iter().enumerate() {
            let cursor = edge["cursor"].as_str().expect("cursor").to_owned();
            let rest = page(Some(cursor.clone()), 10, order, search).await;
            assert_eq!(ids(&rest), all[at + 1..], "{order}: after edge {at}");
            // A page that ends at this edge names the same cursor as its end.
            let ending = page(None, at + 1, order, search).await;
            assert_eq!(
                ending["pageInfo"]["endCursor"],
                json!(cursor),
                "{order}: {at}"
            );
        }
    }
}
