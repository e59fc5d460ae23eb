//! What the Work scenarios share: the operations they send and small
//! builders over them.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp};

pub const CREATE_TEAM: &str = "mutation($input: CreateTeamInput!) {
    createTeam(input: $input) { team { id name description } } }";

pub const CREATE_TAG: &str = "mutation($input: CreateTagInput!) {
    createTag(input: $input) { tag { id name color } } }";

pub const ITEM_FIELDS: &str = "id title description status priority dueDate estimatedHours
    actualHours version completedAt createdAt
    team { id name } parent { id title } creator { email }
    assignees { id email } tags { id name } progress { total done }";

pub fn create_item_mutation() -> String {
    format!(
        "mutation($input: CreateItemInput!) {{ createItem(input: $input) {{ item {{ {ITEM_FIELDS} }} }} }}"
    )
}

pub fn update_item_mutation() -> String {
    format!(
        "mutation($input: UpdateItemInput!) {{ updateItem(input: $input) {{ item {{ {ITEM_FIELDS} }} }} }}"
    )
}

pub const ITEMS: &str =
    "query($first: Int, $after: String, $filter: ItemFilterInput, $orderBy: ItemOrderInput) {
    items(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        edges { cursor node { id title status priority dueDate } }
        pageInfo { hasNextPage endCursor } } }";

pub const ACTIVITY: &str = "query($first: Int, $filter: ActivityFilterInput) {
    activity(first: $first, filter: $filter) {
        edges { node { id itemId action at actor { email }
            changes { field from to added removed } } }
        pageInfo { hasNextPage endCursor } } }";

pub fn id_of(data: &Value, pointer: &str) -> String {
    data.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no id at {pointer} in {data}"))
        .to_owned()
}

pub async fn create_team(app: &TestApp, session: &Session, name: &str) -> String {
    let data = app
        .gql(
            CREATE_TEAM,
            json!({ "input": { "name": name } }),
            Some(&session.access_token),
        )
        .await
        .ok();
    id_of(&data, "/createTeam/team/id")
}

pub async fn create_tag(app: &TestApp, session: &Session, name: &str, color: &str) -> String {
    let data = app
        .gql(
            CREATE_TAG,
            json!({ "input": { "name": name, "color": color } }),
            Some(&session.access_token),
        )
        .await
        .ok();
    id_of(&data, "/createTag/tag/id")
}

/// Creates an item from `input` (which needs at least a title) and
/// returns it as the API shows it.
pub async fn create_item(app: &TestApp, session: &Session, input: Value) -> Value {
    let data = app
        .gql(
            &create_item_mutation(),
            json!({ "input": input }),
            Some(&session.access_token),
        )
        .await
        .ok();
    data["createItem"]["item"].clone()
}

/// The titles of one page of `items` with these arguments.
pub async fn item_titles(app: &TestApp, session: &Session, variables: Value) -> Vec<String> {
    let data = app
        .gql(ITEMS, variables, Some(&session.access_token))
        .await
        .ok();
    data["items"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|edge| edge["node"]["title"].as_str().expect("title").to_owned())
        .collect()
}
