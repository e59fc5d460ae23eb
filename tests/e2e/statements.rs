//! What a list page costs the database: a fixed number of statements,
//! however many rows the page holds and whatever relations each row asks
//! for. Relations are loaded a page at a time (DataLoaders), never a row
//! at a time.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::routing_support::{
    CREATE_CONFIG, CREATE_DATASOURCE, CREATE_INTENT_WITH_RULES, CUSTOMERS_DB, customers_database,
    id_at, route,
};

on_every_backend! {
    a_page_of_members_costs_the_caller_and_one_statement => a_page_of_members_costs_the_caller_and_one_statement;
    a_page_of_intents_with_rules_datasources_and_configs_costs_a_fixed_number_of_statements => a_page_of_intents_with_rules_datasources_and_configs_costs_a_fixed_number_of_statements;
    a_page_of_routing_runs_with_their_intents_costs_a_fixed_number_of_statements => a_page_of_routing_runs_with_their_intents_costs_a_fixed_number_of_statements;
}

/// Authenticating the caller (one statement: session, user, membership,
/// role and tenant), the page itself, and one statement per relation level
/// (rules, their datasources, those datasources' configs).
const INTENT_PAGE_STATEMENTS: usize = 5;

/// Authenticating the caller, the page, the decisions' intents and those
/// intents' rules.
const RUN_PAGE_STATEMENTS: usize = 4;

const MEMBERS: &str = "{ tenant { name members(first: 50) { edges { node {
    user { email name } role joinedAt } } } } }";

const INTENTS_WITH_RELATIONS: &str = "query($first: Int) { intents(first: $first) { edges { node {
    id name rules { id fieldName datasource { id name connectionKey config { id name } } } } } } }";

const RUNS_WITH_INTENTS: &str = "query($first: Int) { routingRuns(first: $first) { edges { node {
    id outcome intent { id name rules { id } } } } } }";

/// Sends `query` and returns its data and the statements it cost: on
/// PostgreSQL a scoped transaction's `BEGIN` counts, as it costs a round
/// trip; a read names its scope inside its own statement.
pub(crate) async fn cost(
    app: &TestApp,
    session: &Session,
    query: &str,
    variables: Value,
) -> (Value, Vec<String>) {
    let mark = app.statements.len();
    let data = app
        .gql(query, variables, Some(&session.access_token))
        .await
        .ok();
    (data, app.statements.since(mark))
}

/// `count` intents, each with two rules over three datasources that share
/// two configs; intent `i` matches subjects containing `[ti]`.
async fn intents_with_rules(app: &TestApp, owner: &Session, count: usize) {
    customers_database(app, owner).await;
    let token = Some(owner.access_token.as_str());
    for config in ["crm", "archive"] {
        app.gql(
            CREATE_CONFIG,
            json!({ "input": { "name": config, "protocol": "SQLITE", "baseUrl": CUSTOMERS_DB } }),
            token,
        )
        .await
        .ok();
    }
    let mut datasources = Vec::new();
    for (name, config) in [("Customers", "crm"), ("Orders", "crm"), ("Old", "archive")] {
        let created = app
            .gql(
                CREATE_DATASOURCE,
                json!({ "input": { "name": name, "kind": "DATABASE", "connectionKey": config } }),
                token,
            )
            .await
            .ok();
        datasources.push(id_at(&created, "/createDatasource/datasource/id"));
    }
    for i in 0..count {
        let rule = |datasource: &str, priority: i32| {
            json!({
                "datasourceId": datasource,
                "fieldName": "from",
                "ruleType": "EXISTS",
                "priority": priority,
                "conditions": { "query": "SELECT 1 FROM customers WHERE email = ?", "params": ["from"] },
            })
        };
        app.gql(
            CREATE_INTENT_WITH_RULES,
            json!({ "input": {
                "intent": {
                    "name": format!("Topic {i}"),
                    "matchers": [{ "field": "SUBJECT", "operator": "CONTAINS", "value": format!("[t{i}]") }],
                },
                "rules": [
                    rule(&datasources[i % 3], 2),
                    rule(&datasources[(i + 1) % 3], 1),
                ],
            } }),
            token,
        )
        .await
        .ok();
    }
}

fn edges(data: &Value, list: &str) -> Vec<Value> {
    data[list]["edges"].as_array().cloned().unwrap_or_default()
}

async fn a_page_of_intents_with_rules_datasources_and_configs_costs_a_fixed_number_of_statements(
    app: TestApp,
) {
    let (owner, _) = app.owner_of("owner@cost.test", "cost", "PRO").await;
    intents_with_rules(&app, &owner, 100).await;

    let (small, small_cost) =
        cost(&app, &owner, INTENTS_WITH_RELATIONS, json!({ "first": 5 })).await;
    let (full, full_cost) = cost(
        &app,
        &owner,
        INTENTS_WITH_RELATIONS,
        json!({ "first": 100 }),
    )
    .await;

    let intents = edges(&full, "intents");
    assert_eq!(intents.len(), 100);
    assert_eq!(edges(&small, "intents").len(), 5);
    // The relations are each row's own, in the order the rules run.
    let first = &intents[0]["node"];
    assert_eq!(first["name"], "Topic 0");
    let rules = first["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0]["datasource"]["name"], "Customers");
    assert_eq!(rules[0]["datasource"]["config"]["name"], "crm");
    assert_eq!(rules[1]["datasource"]["name"], "Orders");
    let third = &intents[2]["node"]["rules"];
    assert_eq!(third[0]["datasource"]["name"], "Old");
    assert_eq!(third[0]["datasource"]["connectionKey"], "archive");

    assert_eq!(
        full_cost.len(),
        small_cost.len(),
        "a page of 100 costs what a page of 5 costs:\n{full_cost:#?}"
    );
    assert!(
        full_cost.len() <= INTENT_PAGE_STATEMENTS,
        "{} statements for one page:\n{full_cost:#?}",
        full_cost.len()
    );
}

async fn a_page_of_routing_runs_with_their_intents_costs_a_fixed_number_of_statements(
    app: TestApp,
) {
    let (owner, _) = app.owner_of("owner@runs.test", "runs", "PRO").await;
    intents_with_rules(&app, &owner, 30).await;
    // Forty emails over thirty intents: some intents stand on the page twice.
    for n in 0..40 {
        let i = n % 30;
        let raw = format!(
            "From: ada@example.com\r\nTo: support@acme.test\r\nSubject: about [t{i}]!\r\n\r\nHello\r\n"
        );
        let decision = route(&app, &owner, &raw).await;
        assert_eq!(
            decision["intent"]["name"],
            format!("Topic {i}"),
            "{decision}"
        );
    }

    let (small, small_cost) = cost(&app, &owner, RUNS_WITH_INTENTS, json!({ "first": 3 })).await;
    let (full, full_cost) = cost(&app, &owner, RUNS_WITH_INTENTS, json!({ "first": 40 })).await;

    assert_eq!(edges(&small, "routingRuns").len(), 3);
    let runs = edges(&full, "routingRuns");
    assert_eq!(runs.len(), 40);
    // Newest first: the last email went to topic 9, as did the 10th.
    for (at, topic) in [(0, 9), (30, 9), (39, 0)] {
        let intent = &runs[at]["node"]["intent"];
        assert_eq!(intent["name"], format!("Topic {topic}"), "run {at}");
        assert_eq!(
            intent["rules"].as_array().map(Vec::len),
            Some(2),
            "run {at}"
        );
    }

    assert_eq!(
        full_cost.len(),
        small_cost.len(),
        "a page of 40 costs what a page of 3 costs:\n{full_cost:#?}"
    );
    assert!(
        full_cost.len() <= RUN_PAGE_STATEMENTS,
        "{} statements for one page:\n{full_cost:#?}",
        full_cost.len()
    );
}

async fn a_page_of_members_costs_the_caller_and_one_statement(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@members.test", "members", "PRO").await;
    for n in 0..3 {
        app.join(
            &owner,
            &tenant,
            &format!("member{n}@members.test"),
            "MEMBER",
        )
        .await;
    }
    // A token never used before: its caller has not been read yet.
    let signed_in = app.sign_in("owner@members.test", Some(&tenant)).await.ok();
    let fresh = Session {
        access_token: signed_in["signIn"]["accessToken"]
            .as_str()
            .expect("an access token")
            .to_owned(),
        ..owner.clone()
    };

    let (members, members_cost) = cost(&app, &fresh, MEMBERS, json!({})).await;
    let (me, me_cost) = cost(&app, &fresh, "{ me { id } }", json!({})).await;
    let (_, again_cost) = cost(&app, &fresh, MEMBERS, json!({})).await;

    assert_eq!(members["tenant"]["name"], "Org members");
    let edges = members["tenant"]["members"]["edges"]
        .as_array()
        .expect("edges");
    assert_eq!(edges.len(), 4);
    assert_eq!(edges[1]["node"]["user"]["email"], "member0@members.test");
    assert_eq!(edges[1]["node"]["role"], "MEMBER");
    assert_eq!(me["me"]["id"], owner.user_id.as_str());
    // The caller and the tenant in one statement, the page in another:
    // no transaction, so no BEGIN, on either backend.
    assert_eq!(members_cost.len(), 2, "{members_cost:#?}");
    assert!(
        members_cost.iter().all(|sql| !sql.starts_with("BEGIN")),
        "{members_cost:#?}"
    );
    assert!(
        members_cost
            .iter()
            .all(|sql| !sql.contains("password_hash")),
        "no password hash is read outside sign-in: {members_cost:#?}"
    );
    // On PostgreSQL a caller read moments ago is kept (until anything
    // about it changes): the next requests do not read it again.
    let caller = usize::from(!app.on_postgres());
    assert_eq!(me_cost.len(), caller, "{me_cost:#?}");
    assert_eq!(again_cost.len(), 1 + caller, "{again_cost:#?}");
}
