use std::sync::Arc;

use async_graphql::parser::types::SelectionSet;
use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};
use chrono::{NaiveDate, TimeZone, Utc};
use tokio::sync::OnceCell;
use trellis_kernel::{TenantId, UserId};
use trellis_work::{self as work, ItemId, ItemSort};

use super::*;
use crate::graphql::plain::{Plain, PlainList, Prerendered, in_memory, to_json};

fn tag(name: &str, color: &str) -> Tag {
    Tag {
        id: crate::graphql::id(uuid::Uuid::new_v4()),
        name: name.to_owned(),
        color: color.to_owned(),
        created_at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap(),
        updated_at: Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap(),
    }
}

fn ada() -> User {
    User {
        id: crate::graphql::id(UserId::generate()),
        email: "ada@example.com".to_owned(),
        name: "Ada".to_owned(),
    }
}

/// An item with every field set and its relations loaded, as a page
/// leaves them.
fn edge() -> ItemEdge {
    let item = work::Item {
        id: ItemId::generate(),
        tenant_id: TenantId::generate(),
        title: "Ship the \"list\"".to_owned(),
        description: Some("line one\nline two".to_owned()),
        status: work::ItemStatus::Done,
        priority: work::Priority::Urgent,
        due_date: NaiveDate::from_ymd_opt(2026, 12, 24),
        estimated_hours: Some(2.5),
        actual_hours: None,
        team_id: None,
        parent_id: None,
        version: 7,
        created_by: UserId::generate(),
        created_at: Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap(),
        updated_at: Utc.with_ymd_and_hms(2026, 2, 3, 4, 5, 6).unwrap(),
        completed_at: Some(Utc.with_ymd_and_hms(2026, 2, 3, 4, 5, 6).unwrap()),
    };
    let position = work::ItemCursor::after(&item, ItemSort::UpdatedAt);
    let mut node = Item::from(item);
    node.loaded_team = OnceCell::new_with(Some(None));
    node.loaded_parent = OnceCell::new_with(Some(None));
    node.loaded_creator = OnceCell::new_with(Some(Some(Arc::new(ada()))));
    node.loaded_assignees = OnceCell::new_with(Some(vec![ada(), ada()]));
    node.loaded_tags = OnceCell::new_with(Some(vec![
        Arc::new(tag("ops", "#00ff00")),
        Arc::new(tag("web", "#0000ff")),
    ]));
    node.loaded_progress = OnceCell::new_with(Some(super::super::Progress { total: 3, done: 1 }));
    node.loaded_comment_count = OnceCell::new_with(Some(4));
    node.loaded_attachments = OnceCell::new_with(Some(Vec::new()));
    ItemEdge { node, position }
}

/// Each object both ways: async-graphql's own resolution and plain
/// fields first.
struct Both {
    edges: Vec<ItemEdge>,
    tags: Vec<Tag>,
    user: User,
}

#[Object]
impl Both {
    async fn generic_edges(&self) -> &Vec<ItemEdge> {
        &self.edges
    }
    async fn plain_edges(&self) -> PlainList<'_, ItemEdge> {
        PlainList(&self.edges)
    }
    async fn generic_item(&self) -> &Item {
        &self.edges[0].node
    }
    async fn plain_item(&self) -> Plain<'_, Item> {
        Plain(&self.edges[0].node)
    }
    async fn generic_tags(&self) -> &Vec<Tag> {
        &self.tags
    }
    async fn plain_tags(&self) -> PlainList<'_, Tag> {
        PlainList(&self.tags)
    }
    async fn generic_user(&self) -> &User {
        &self.user
    }
    async fn plain_user(&self) -> Plain<'_, User> {
        Plain(&self.user)
    }
}

const ITEM: &str = "__typename id title description status priority dueDate
    estimatedHours actualHours version createdAt updatedAt completedAt
    team { id } parent { id } creator { __typename id email name }
    assignees { id email name } tags { id name color createdAt updatedAt }
    progress { total done } commentCount attachments { id }";

type BothSchema = Schema<Both, EmptyMutation, EmptySubscription>;

/// A schema over fresh objects (new ids each time).
fn schema() -> BothSchema {
    let both = Both {
        edges: vec![edge(), edge()],
        tags: vec![tag("a", "#010203"), tag("b", "#a0b0c0")],
        user: ada(),
    };
    Schema::new(both, EmptyMutation, EmptySubscription)
}

async fn run(query: String) -> async_graphql::Response {
    schema().execute(query).await
}

/// The answer's `generic…` and `plain…` fields, for each pair.
fn pairs(response: &async_graphql::Response) -> Vec<(Value, Value)> {
    let Value::Object(data) = &response.data else {
        panic!("no data: {:?}", response.errors);
    };
    ["Edges", "Item", "Tags", "User"]
        .iter()
        .filter_map(|name| {
            let generic = data.get(format!("generic{name}").as_str())?;
            let plain = data.get(format!("plain{name}").as_str())?;
            Some((generic.clone(), plain.clone()))
        })
        .collect()
}

fn keys(value: &Value) -> Vec<String> {
    match value {
        Value::Object(fields) => fields.keys().map(|key| key.to_string()).collect(),
        Value::List(rows) => rows.first().map(keys).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// No error, `count` pairs, and each pair's answers equal, keys in the
/// same order.
fn assert_each_pair_agrees(response: &async_graphql::Response, count: usize) {
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let pairs = pairs(response);
    assert_eq!(pairs.len(), count);
    for (generic, plain) in pairs {
        assert_eq!(generic, plain);
        assert_eq!(keys(&generic), keys(&plain));
    }
}

#[tokio::test]
async fn every_field_answers_as_async_graphql_answers_it_in_the_selections_order() {
    let user = "__typename id email name";
    let tag = "__typename id name color createdAt updatedAt";
    let response = run(format!(
        "{{ genericEdges {{ cursor node {{ {ITEM} }} }} plainEdges {{ cursor node {{ {ITEM} }} }}
            genericItem {{ {ITEM} }} plainItem {{ {ITEM} }}
            genericTags {{ {tag} }} plainTags {{ {tag} }}
            genericUser {{ {user} }} plainUser {{ {user} }} }}"
    ))
    .await;
    assert_each_pair_agrees(&response, 4);
    let item = &response.data.clone().into_json().unwrap()["plainItem"];
    assert_eq!(item["status"], "DONE");
    assert_eq!(item["dueDate"], "2026-12-24");
    assert_eq!(item["actualHours"], serde_json::Value::Null);
    assert_eq!(item["tags"][1]["name"], "web");
}

#[tokio::test]
async fn aliases_fragments_and_repeated_keys_answer_as_async_graphql_answers_them() {
    let item = "a: id id title ... on Item { title status } ...Rest
        creator { email } again: creator { name } status @include(if: true)
        version @skip(if: true)";
    let response = run(format!(
        "{{ genericItem {{ {item} }} plainItem {{ {item} }}
            genericEdges {{ c: cursor node {{ t: title, creator {{ e: email }} }} }}
            plainEdges {{ c: cursor node {{ t: title, creator {{ e: email }} }} }} }}
         fragment Rest on Item {{ priority creator {{ id }} }}"
    ))
    .await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    for (generic, plain) in pairs(&response) {
        assert_eq!(generic, plain);
    }
    let item = &response.data.clone().into_json().unwrap()["plainItem"];
    assert_eq!(item["creator"]["email"], "ada@example.com");
    assert_eq!(item["creator"]["id"].as_str().map(str::len), Some(36));
    assert!(item.get("version").is_none());
}

#[tokio::test]
async fn a_field_that_fails_is_left_out_with_its_error_at_its_own_path() {
    // `subtasks` needs the server's state, which this schema lacks.
    let response = run("{ genericItem { id subtasks { edges { cursor } } title }
           plainItem { id subtasks { edges { cursor } } title } }"
        .to_owned())
    .await;
    for (generic, plain) in pairs(&response) {
        assert_eq!(generic, plain);
        assert_eq!(keys(&plain), ["id", "title"]);
    }
    let mut paths: Vec<String> = response
        .errors
        .iter()
        .map(|error| format!("{:?}", error.path))
        .collect();
    paths.sort();
    assert_eq!(response.errors.len(), 2, "{paths:?}");
    assert!(paths[0].contains("genericItem") && paths[0].contains("subtasks"));
    assert!(paths[1].contains("plainItem") && paths[1].contains("subtasks"));
    assert_eq!(response.errors[0].message, response.errors[1].message);
}

/// The selection of the query `{ … }`.
fn selection(query: &str) -> SelectionSet {
    let document = async_graphql::parser::parse_query(query).unwrap();
    let (_, operation) = document.operations.iter().next().unwrap();
    operation.node.selection_set.node.clone()
}

#[test]
fn a_row_read_with_its_relations_answers_in_memory() {
    let mut edge = edge();
    edge.node.loaded_creator = OnceCell::new_with(Some(None));
    let answer = in_memory(
        &selection(
            "{ node { __typename t: title creator { email } tags { name color }
               assignees { name } } }",
        ),
        &edge,
    )
    .expect("every field is plain or in memory");
    // Each key is filed under its hash by the map's own hasher: a
    // lookup finds it.
    let Value::Object(edge_map) = &answer else {
        panic!("an object: {answer:?}");
    };
    let Some(Value::Object(node_map)) = edge_map.get("node") else {
        panic!("a node: {edge_map:?}");
    };
    for key in ["__typename", "t", "creator", "tags", "assignees"] {
        assert!(node_map.contains_key(key), "{key}");
    }
    let node = &answer.into_json().unwrap()["node"];
    assert_eq!(node["__typename"], "Item");
    assert_eq!(node["t"], "Ship the \"list\"");
    assert_eq!(node["creator"], serde_json::Value::Null);
    assert_eq!(node["tags"][0]["name"], "ops");
    assert_eq!(node["tags"][1]["color"], "#0000ff");
    assert_eq!(node["assignees"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_relation_not_read_with_the_page_is_left_to_its_resolver() {
    let mut edge = edge();
    edge.node.loaded_tags = OnceCell::new();
    assert!(in_memory(&selection("{ node { id tags { name } } }"), &edge).is_none());
    assert!(in_memory(&selection("{ node { id creator { email } } }"), &edge).is_some());
    // Loaded, but not one of the relations a page reads along.
    assert!(in_memory(&selection("{ node { team { id } } }"), &edge).is_none());
}

#[test]
fn what_only_async_graphql_answers_rightly_is_left_to_it() {
    let edge = edge();
    for query in [
        "{ node { ... on Item { id } } }",
        "{ node { id @include(if: true) } }",
        "{ node { creator { email @skip(if: false) } } }",
        "{ node { subtasks(first: 1) { edges { cursor } } } }",
        "{ node { id id } }",
        "{ node { tags { name name } } }",
        "{ node { title: id title } }",
        "{ node { tags { id ... on Tag { name } } } }",
        "{ node { tags { name @include(if: true) } } }",
        "{ node { commentCount } }",
    ] {
        assert!(in_memory(&selection(query), &edge).is_none(), "{query}");
    }
}

#[test]
fn a_key_given_twice_among_many_is_left_to_async_graphql() {
    let edge = edge();
    let aliases: Vec<String> = (1..=20).map(|n| format!("a{n}: title")).collect();
    let distinct = format!("{{ node {{ {} }} }}", aliases.join(" "));
    let answer = in_memory(&selection(&distinct), &edge).expect("twenty distinct keys");
    assert_eq!(
        answer.into_json().unwrap()["node"]["a20"],
        "Ship the \"list\""
    );
    let twice = format!("{{ node {{ {} a7: id }} }}", aliases.join(" "));
    assert!(in_memory(&selection(&twice), &edge).is_none());
}

#[tokio::test]
async fn a_page_answered_in_memory_answers_as_async_graphql_answers_it() {
    let fields = "cursor node { __typename id title status createdAt
        creator { __typename id email name } tags { __typename name color }
        assignees { email } }";
    let response = run(format!(
        "{{ genericEdges {{ {fields} }} plainEdges {{ {fields} }} }}"
    ))
    .await;
    assert_each_pair_agrees(&response, 1);
}

/// The JSON of `{ answer: <field> { <selection> } }`: as async-graphql's
/// own value tree writes it, and as the HTTP layer writes it, with lists
/// prerendered.
async fn written_both_ways(
    schema: &BothSchema,
    field: &str,
    selection: &str,
) -> (String, String, Value) {
    let query = format!("{{ answer: {field} {{ {selection} }} }}");
    let tree = schema.execute(query.clone()).await;
    assert!(tree.errors.is_empty(), "{:?}", tree.errors);
    let prerendered = schema
        .execute(async_graphql::Request::new(query).data(Prerendered))
        .await;
    assert!(prerendered.errors.is_empty(), "{:?}", prerendered.errors);
    let Value::Object(data) = &prerendered.data else {
        panic!("no data: {prerendered:?}");
    };
    let answer = data.get("answer").cloned().unwrap_or_default();
    (
        serde_json::to_string(&tree).unwrap(),
        String::from_utf8(to_json(&prerendered).unwrap()).unwrap(),
        answer,
    )
}

#[tokio::test]
async fn a_page_written_ahead_is_the_json_async_graphql_writes_byte_for_byte() {
    let schema = schema();
    // Every field, some of them relations a page does not read.
    let every = format!("cursor node {{ {ITEM} }}");
    let (every_tree, prerendered, answer) =
        written_both_ways(&schema, "genericEdges", &every).await;
    let (_, plain, plain_answer) = written_both_ways(&schema, "plainEdges", &every).await;
    // A list of async-graphql's own is never written ahead.
    assert!(matches!(answer, Value::List(_)), "{answer:?}");
    assert_eq!(prerendered, every_tree);
    // A list with a relation the page did not read is resolved, as before.
    assert!(matches!(plain_answer, Value::List(_)), "{plain_answer:?}");
    assert_eq!(plain, every_tree);
    let in_memory = "cursor node { __typename id title description status priority dueDate
        estimatedHours actualHours version createdAt updatedAt completedAt
        creator { __typename id email name } tags { __typename id name color createdAt updatedAt }
        a: assignees { n: name e: email } }";
    let (tree, _, _) = written_both_ways(&schema, "genericEdges", in_memory).await;
    let (_, written, written_answer) = written_both_ways(&schema, "plainEdges", in_memory).await;
    assert!(
        matches!(written_answer, Value::Binary(_)),
        "written ahead: {written_answer:?}"
    );
    assert_eq!(written, tree);
    assert!(
        written.contains(r#""title":"Ship the \"list\"""#),
        "{written}"
    );
    assert!(
        written.contains(r#""description":"line one\nline two""#),
        "{written}"
    );
    assert!(
        written.contains(r#""status":"DONE","priority":"URGENT""#),
        "{written}"
    );
    assert!(
        written.contains(r#""estimatedHours":2.5,"actualHours":null"#),
        "{written}"
    );
}

#[tokio::test]
async fn a_list_of_tags_or_people_written_ahead_is_the_json_async_graphql_writes() {
    let schema = schema();
    for (generic, plain, selection) in [
        (
            "genericTags",
            "plainTags",
            "__typename id name color createdAt updatedAt",
        ),
        ("genericTags", "plainTags", "color n: name"),
    ] {
        let (tree, _, _) = written_both_ways(&schema, generic, selection).await;
        let (_, written, answer) = written_both_ways(&schema, plain, selection).await;
        assert!(matches!(answer, Value::Binary(_)), "{answer:?}");
        assert_eq!(written, tree);
    }
}
