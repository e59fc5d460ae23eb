//! What a page of items costs the database: a fixed number of statements
//! whatever its size, with every relation an item can show.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

use crate::statements::cost;
use crate::work_support::{create_item, create_tag, create_team};

on_every_backend! {
    a_page_of_items_with_every_relation_costs_a_fixed_number_of_statements => a_page_of_items_with_every_relation_costs_a_fixed_number_of_statements;
}

/// The caller, the page, then one statement per relation: team, parent,
/// tags, subtask progress, comment counts, assignees, and the people
/// (creators and assignees together). On PostgreSQL the page's own
/// statement reads the tags and creators: the people are the assignees.
const FULL_PAGE_STATEMENTS: usize = 9;
const FULL_PAGE_STATEMENTS_POSTGRES: usize = 8;

/// The caller, the page, tags, creators: the list the load benchmark
/// drives. On PostgreSQL, the caller and the page with the rest.
const BENCH_PAGE_STATEMENTS: usize = 4;
const BENCH_PAGE_STATEMENTS_POSTGRES: usize = 2;

const FULL_PAGE: &str =
    "query($first: Int) { items(first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
    edges { node { id title status priority createdAt version
        creator { email } tags { name } assignees { email } team { name }
        parent { title } progress { total done } commentCount } } } }";

const BENCH_PAGE: &str =
    "query($first: Int) { items(first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
    edges { node { id title status priority createdAt creator { email } tags { name } } } } }";

async fn a_page_of_items_with_every_relation_costs_a_fixed_number_of_statements(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@items.test", "items", "PRO").await;
    let ada = app.join(&owner, &tenant, "ada@items.test", "MEMBER").await;
    let team = create_team(&app, &owner, "Platform").await;
    let tags = [
        create_tag(&app, &owner, "backend", "#1c7ed6").await,
        create_tag(&app, &owner, "urgent", "#e03131").await,
        create_tag(&app, &owner, "docs", "#2f9e44").await,
    ];
    let root = create_item(&app, &owner, json!({ "title": "Root" })).await;
    for n in 0..59 {
        create_item(
            &app,
            if n % 2 == 0 { &owner } else { &ada },
            json!({
                "title": format!("Item {n:02}"),
                "teamId": team,
                "parentId": if n % 3 == 0 { root["id"].clone() } else { json!(null) },
                "tagIds": [tags[n % 3], tags[(n + 1) % 3]],
                "assigneeIds": [owner.user_id, ada.user_id],
            }),
        )
        .await;
    }

    let (small, small_cost) = cost(&app, &owner, FULL_PAGE, json!({ "first": 5 })).await;
    let (full, full_cost) = cost(&app, &owner, FULL_PAGE, json!({ "first": 50 })).await;
    let edges = full["items"]["edges"].as_array().expect("edges");
    assert_eq!(edges.len(), 50);
    assert_eq!(small["items"]["edges"].as_array().map(Vec::len), Some(5));
    // Newest first, each row with its own relations.
    let newest = &edges[0]["node"];
    assert_eq!(newest["title"], "Item 58");
    assert_eq!(newest["creator"]["email"], "owner@items.test");
    assert_eq!(newest["team"]["name"], "Platform");
    assert_eq!(newest["tags"].as_array().map(Vec::len), Some(2));
    assert_eq!(newest["assignees"].as_array().map(Vec::len), Some(2));
    let child = &edges[1]["node"];
    assert_eq!(child["title"], "Item 57");
    assert_eq!(child["creator"]["email"], "ada@items.test");
    assert_eq!(child["parent"]["title"], "Root");
    let (full_limit, bench_limit) = if app.on_postgres() {
        (
            FULL_PAGE_STATEMENTS_POSTGRES,
            BENCH_PAGE_STATEMENTS_POSTGRES,
        )
    } else {
        (FULL_PAGE_STATEMENTS, BENCH_PAGE_STATEMENTS)
    };
    assert_eq!(full_cost.len(), small_cost.len(), "{full_cost:#?}");
    assert!(
        full_cost.len() <= full_limit,
        "{} statements for one page:\n{full_cost:#?}",
        full_cost.len()
    );

    let (bench, bench_cost) = cost(&app, &ada, BENCH_PAGE, json!({ "first": 50 })).await;
    let bench_edges = bench["items"]["edges"].as_array().expect("edges");
    assert_eq!(bench_edges.len(), 50);
    // Item 58 carries tags 58 % 3 and 59 % 3, urgent and docs, by name.
    assert_eq!(
        bench_edges[0]["node"]["tags"],
        json!([{ "name": "docs" }, { "name": "urgent" }])
    );
    assert_eq!(bench_edges[1]["node"]["creator"]["email"], "ada@items.test");
    assert!(
        bench_cost.len() <= bench_limit,
        "{} statements for the benchmark's page:\n{bench_cost:#?}",
        bench_cost.len()
    );
}
