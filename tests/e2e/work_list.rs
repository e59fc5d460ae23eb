//! A list of items reads each item's description only when its selection
//! names it, as a field or inside a fragment, in every order.

use serde_json::{Value, json};
use trellis_tests::{TestApp, on_every_backend};

use crate::work_support::create_item;

on_every_backend! {
    a_list_shows_descriptions_whenever_its_selection_names_them => a_list_shows_descriptions_whenever_its_selection_names_them;
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
