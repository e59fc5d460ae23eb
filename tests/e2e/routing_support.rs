//! What the Routing scenarios share: the operations they send, a customer
//! database in a SQLite datasource file, and raw emails.

use serde_json::{Value, json};
use trellis_tests::{Session, TestApp};

pub const CREATE_CONFIG: &str = "mutation($input: CreateDatasourceConfigInput!) {
    createDatasourceConfig(input: $input) {
        datasourceConfig { id name protocol baseUrl authType hasCredentials connection } } }";

pub const CREATE_DATASOURCE: &str = "mutation($input: CreateDatasourceInput!) {
    createDatasource(input: $input) {
        datasource { id name kind connectionKey config { id name }
            file { filename sizeBytes rowCount columns } } } }";

pub const CREATE_INTENT_WITH_RULES: &str = "mutation($input: CreateIntentWithRulesInput!) {
    createIntentWithRules(input: $input) {
        intent { id name priority isActive matchers { field header operator value }
            rules { id fieldName ruleType datasourceId datasource { name } } } } }";

pub const CREATE_INTENT: &str = "mutation($input: CreateIntentInput!) {
    createIntent(input: $input) { intent { id name } } }";

pub const CREATE_RULE: &str = "mutation($input: CreateValidationRuleInput!) {
    createValidationRule(input: $input) { rule { id fieldName ruleType conditions } } }";

pub const ROUTE_EMAIL: &str = "mutation($input: RouteEmailInput!) {
    routeEmail(input: $input) { decision {
        id intentId intentName outcome mode durationMs createdAt
        intent { id name }
        matchedBy { field operator value }
        results { ruleId ruleType fieldName outcome detail durationMs }
        email { from subject messageId } } } }";

pub const ROUTING_RUNS: &str = "query($first: Int, $filter: RoutingRunFilter) {
    routingRuns(first: $first, filter: $filter) {
        edges { node { id outcome intentId intentName mode email { from subject } } }
        pageInfo { hasNextPage endCursor } } }";

/// The customer database every SQL scenario queries: two customers, one order.
pub const CUSTOMERS_DB: &str = "crm/customers.db";

/// The customer database every SQL scenario queries, in the files of the
/// tenant `session` acts in.
pub async fn customers_database(app: &TestApp, session: &Session) {
    app.sqlite_datasource_file(
        session,
        CUSTOMERS_DB,
        &[
            "CREATE TABLE customers (email TEXT PRIMARY KEY, plan TEXT NOT NULL)",
            "INSERT INTO customers VALUES ('ada@example.com', 'pro'), ('bob@example.com', 'free')",
            "CREATE TABLE orders (id TEXT PRIMARY KEY, customer TEXT NOT NULL)",
            "INSERT INTO orders VALUES ('A-42', 'ada@example.com')",
        ],
    )
    .await;
}

/// A multipart MIME email, as a mail server hands it over.
pub fn raw_email(from: &str, to: &str, subject: &str, order: &str) -> String {
    format!(
        "From: \"Customer\" <{from}>\r\n\
         To: {to}\r\n\
         Subject: {subject}\r\n\
         Message-ID: <{order}.{from}>\r\n\
         X-Order-Id: {order}\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/alternative; boundary=\"part\"\r\n\
         \r\n\
         --part\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n\
         Where is my order =E2=84=96 {order}?\r\n\
         --part\r\n\
         Content-Type: text/html\r\n\
         \r\n\
         <p>Where is my order?</p>\r\n\
         --part--\r\n"
    )
}

/// The id at `pointer` of a successful response's data.
pub fn id_at(data: &Value, pointer: &str) -> String {
    data.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no id at {pointer} in {data}"))
        .to_owned()
}

/// What `sql_routing` set up.
pub struct SqlRouting {
    pub config_id: String,
    pub datasource_id: String,
    pub intent_id: String,
    pub rule_ids: Vec<String>,
}

/// A SQLITE config over the customer database, a DATABASE datasource on
/// it and an intent "Order question" (subject contains "order") with two
/// EXISTS rules: the sender is a customer, and the order exists.
pub async fn sql_routing(app: &TestApp, session: &Session) -> SqlRouting {
    customers_database(app, session).await;
    let token = Some(session.access_token.as_str());
    let config = app
        .gql(
            CREATE_CONFIG,
            json!({ "input": { "name": "crm", "protocol": "SQLITE", "baseUrl": CUSTOMERS_DB } }),
            token,
        )
        .await
        .ok();
    let config_id = id_at(&config, "/createDatasourceConfig/datasourceConfig/id");
    let datasource = app
        .gql(
            CREATE_DATASOURCE,
            json!({ "input": { "name": "Customers", "kind": "DATABASE", "connectionKey": "crm" } }),
            token,
        )
        .await
        .ok();
    let datasource_id = id_at(&datasource, "/createDatasource/datasource/id");
    let intent = app
        .gql(
            CREATE_INTENT_WITH_RULES,
            json!({ "input": {
                "intent": {
                    "name": "Order question",
                    "priority": 10,
                    "matchers": [{ "field": "SUBJECT", "operator": "CONTAINS", "value": "order" }],
                },
                "rules": [
                    {
                        "datasourceId": datasource_id,
                        "fieldName": "from",
                        "ruleType": "EXISTS",
                        "priority": 20,
                        "conditions": {
                            "query": "SELECT 1 FROM customers WHERE lower(email) = lower(?)",
                            "params": ["from"],
                        },
                    },
                    {
                        "datasourceId": datasource_id,
                        "fieldName": "headers.X-Order-Id",
                        "ruleType": "EXISTS",
                        "priority": 10,
                        "conditions": {
                            "query": "SELECT 1 FROM orders WHERE id = ?",
                            "params": ["headers.X-Order-Id"],
                        },
                    },
                ],
            } }),
            token,
        )
        .await
        .ok();
    let intent_id = id_at(&intent, "/createIntentWithRules/intent/id");
    let rule_ids = intent["createIntentWithRules"]["intent"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|rule| rule["id"].as_str().expect("rule id").to_owned())
        .collect();
    SqlRouting {
        config_id,
        datasource_id,
        intent_id,
        rule_ids,
    }
}

/// Routes `raw` and returns the decision.
pub async fn route(app: &TestApp, session: &Session, raw: &str) -> Value {
    let data = app
        .gql(
            ROUTE_EMAIL,
            json!({ "input": { "raw": raw } }),
            Some(&session.access_token),
        )
        .await
        .ok();
    data["routeEmail"]["decision"].clone()
}

/// The outcomes of `results`, in order.
pub fn outcomes(decision: &Value) -> Vec<String> {
    decision["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["outcome"].as_str().expect("outcome").to_owned())
        .collect()
}
