//! Load test of `routeEmail` over real HTTP: a Trellis server on loopback,
//! backed by PostgreSQL, routing emails to an intent with five SQL EXISTS
//! rules that query a customers table in that same PostgreSQL.
//!
//! ```sh
//! TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//!     cargo bench -p trellis-tests --bench route_email
//! ```
//!
//! `ROUTE_BENCH_SECS` (default 20), `ROUTE_BENCH_CLIENTS` (default 8) and
//! `ROUTE_BENCH_RULES` (default 5)
//! tune the run. The server connects as the tests' application role, which
//! row-level security holds; `ROUTE_BENCH_AS_OWNER=1` connects as the
//! database's owner (a superuser, whom the policies do not hold) instead,
//! to measure what they cost. Client, server and database share the machine, as they
//! would on a single box; the figures are for that setup.

use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use trellis_gateway::Config;

const CUSTOMERS: usize = 10_000;

#[tokio::main]
async fn main() {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("set TEST_DATABASE_URL to a PostgreSQL database to run this benchmark");
        return;
    };
    let secs: u64 = env_or("ROUTE_BENCH_SECS", 20);
    let clients: usize = env_or("ROUTE_BENCH_CLIENTS", 8);
    // Fewer rules (down to 0) separates the cost of the lookups from the rest.
    let rule_count: usize = env_or("ROUTE_BENCH_RULES", 5);

    let database = trellis_store_seaorm::testing::fresh_postgres(&url)
        .await
        .expect("a fresh PostgreSQL database");
    let as_owner = env_or("ROUTE_BENCH_AS_OWNER", 0) == 1;
    let db = if as_owner {
        database.owner().clone()
    } else {
        database.connection().clone()
    };
    // The customers table is the tenant's own data, created by its owner.
    seed_customers(database.owner()).await;

    let mut config = Config::for_tests();
    config.allow_private_networks = true;
    let state = trellis_gateway::server::build_state(&config, db);
    let app = trellis_gateway::router(state, &config);
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    let endpoint = format!("http://{address}/graphql");
    let http = reqwest::Client::new();

    let token = owner_token(&http, &endpoint).await;
    let base_url = datasource_url(&url, &database).await;
    set_up_routing(&http, &endpoint, &token, &base_url, rule_count).await;
    let role = if as_owner {
        "the owner (row-level security not applied)"
    } else {
        "the application role (row-level security applied)"
    };
    println!("routing to an intent with {rule_count} EXISTS rules, connected as {role}");

    // Warm the pools and caches, then measure.
    run(&http, &endpoint, &token, clients, Duration::from_secs(2)).await;
    let started = Instant::now();
    let (mut latencies, failures) =
        run(&http, &endpoint, &token, clients, Duration::from_secs(secs)).await;
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "{} emails in {elapsed:.1} s with {clients} clients: {:.0} emails/s; \
         latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {failures} failed",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        ms(at(0.50)),
        ms(at(0.95)),
        ms(at(0.99)),
        ms(at(1.0)),
    );
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The benchmark database's own URL, without a user: the config connects
/// as the default user, which the local trust authentication admits.
async fn datasource_url(
    admin_url: &str,
    database: &trellis_store_seaorm::testing::TestDatabase,
) -> String {
    let row = database
        .connection()
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT current_database() AS name",
        ))
        .await
        .expect("current_database")
        .expect("a row");
    let name: String = row.try_get("", "name").expect("name");
    let base = admin_url.split('?').next().unwrap_or(admin_url);
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    format!("{}/{name}", server.replacen("postgres@", "", 1))
}

async fn seed_customers(db: &sea_orm::DatabaseConnection) {
    db.execute_unprepared(&format!(
        "CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE, \
         domain text NOT NULL, plan text NOT NULL, active boolean NOT NULL);
         INSERT INTO customers (email, domain, plan, active)
         SELECT 'user' || i || '@customer' || (i % 100) || '.test',
                'customer' || (i % 100) || '.test',
                CASE WHEN i % 3 = 0 THEN 'pro' ELSE 'free' END, true
         FROM generate_series(1, {CUSTOMERS}) AS i;
         CREATE INDEX customers_domain ON customers (domain);
         CREATE INDEX customers_lower_email ON customers (lower(email));
         ANALYZE customers;"
    ))
    .await
    .expect("customers table");
}

async fn gql(
    http: &reqwest::Client,
    endpoint: &str,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> Value {
    let mut request = http
        .post(endpoint)
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let body: Value = request
        .send()
        .await
        .expect("server answers")
        .json()
        .await
        .expect("JSON answer");
    assert!(body.get("errors").is_none(), "{query}: {body}");
    body["data"].clone()
}

async fn owner_token(http: &reqwest::Client, endpoint: &str) -> String {
    let signed_up = gql(
        http,
        endpoint,
        None,
        "mutation { signUp(input: {email: \"bench@acme.test\", password: \"correct-horse-9\", name: \"Bench\"}) { accessToken } }",
        json!({}),
    )
    .await;
    let token = signed_up["signUp"]["accessToken"]
        .as_str()
        .expect("token")
        .to_owned();
    let tenant = gql(
        http,
        endpoint,
        Some(&token),
        "mutation { createTenant(input: {name: \"Acme\", slug: \"acme\", plan: PRO}) { tenant { id } } }",
        json!({}),
    )
    .await;
    let tenant_id = tenant["createTenant"]["tenant"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let switched = gql(
        http,
        endpoint,
        Some(&token),
        "mutation($t: ID!) { switchTenant(input: {tenantId: $t}) { accessToken } }",
        json!({ "t": tenant_id }),
    )
    .await;
    switched["switchTenant"]["accessToken"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// A config and datasource for the benchmark's database, and the intent.
async fn set_up_routing(
    http: &reqwest::Client,
    endpoint: &str,
    token: &str,
    base_url: &str,
    rule_count: usize,
) {
    gql(
        http,
        endpoint,
        Some(token),
        "mutation($i: CreateDatasourceConfigInput!) { createDatasourceConfig(input: $i) { datasourceConfig { id } } }",
        json!({ "i": { "name": "crm", "protocol": "POSTGRESQL", "baseUrl": base_url,
                       "authType": "NONE", "tlsMode": "DISABLE", "connection": { "poolSize": 8 } } }),
    )
    .await;
    let created = gql(
        http,
        endpoint,
        Some(token),
        "mutation($i: CreateDatasourceInput!) { createDatasource(input: $i) { datasource { id } } }",
        json!({ "i": { "name": "customers", "kind": "DATABASE", "connectionKey": "crm" } }),
    )
    .await;
    let datasource = created["createDatasource"]["datasource"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let queries = [
        ("from", "SELECT 1 FROM customers WHERE email = $1"),
        ("fromDomain", "SELECT 1 FROM customers WHERE domain = $1"),
        (
            "from",
            "SELECT 1 FROM customers WHERE email = $1 AND active",
        ),
        (
            "fromDomain",
            "SELECT 1 FROM customers WHERE domain = $1 AND plan IN ('pro', 'free')",
        ),
        (
            "from",
            "SELECT id FROM customers WHERE lower(email) = lower($1)",
        ),
    ];
    let rules: Vec<Value> = queries
        .iter()
        .cycle()
        .take(rule_count)
        .map(|(field, query)| {
            json!({ "datasourceId": datasource, "fieldName": field, "ruleType": "EXISTS",
                    "conditions": { "query": query, "params": [field] } })
        })
        .collect();
    gql(
        http,
        endpoint,
        Some(token),
        "mutation($i: CreateIntentWithRulesInput!) { createIntentWithRules(input: $i) { intent { id } } }",
        json!({ "i": {
            "intent": { "name": "Support", "priority": 10,
                        "matchers": [{ "field": "SUBJECT", "operator": "CONTAINS", "value": "order" }] },
            "rules": rules,
        } }),
    )
    .await;
}

const ROUTE: &str = "mutation($i: RouteEmailInput!) { routeEmail(input: $i) { decision { outcome results { outcome } } } }";

/// `clients` loops routing emails back to back until `length` has passed.
async fn run(
    http: &reqwest::Client,
    endpoint: &str,
    token: &str,
    clients: usize,
    length: Duration,
) -> (Vec<Duration>, usize) {
    let deadline = Instant::now() + length;
    let tasks: Vec<_> = (0..clients)
        .map(|client| {
            let (http, endpoint, token) = (http.clone(), endpoint.to_owned(), token.to_owned());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut failures = 0;
                let mut n = client;
                while Instant::now() < deadline {
                    n += clients;
                    let customer = n % (CUSTOMERS + CUSTOMERS / 10) + 1;
                    let body = json!({ "query": ROUTE, "variables": { "i": { "message": {
                        "from": format!("user{customer}@customer{}.test", customer % 100),
                        "to": ["support@acme.test"],
                        "subject": format!("Where is my order {n}?"),
                        "body": "Hello, my parcel has not arrived.",
                    } } } });
                    let started = Instant::now();
                    let answer = http
                        .post(&endpoint)
                        .bearer_auth(&token)
                        .json(&body)
                        .send()
                        .await;
                    let ok = match answer {
                        Ok(response) => response
                            .json::<Value>()
                            .await
                            .map(|v| {
                                // Only a routed email counts: a lookup that
                                // failed would measure the failure instead.
                                v.get("errors").is_none()
                                    && v["data"]["routeEmail"]["decision"]["outcome"] == "PASSED"
                            })
                            .unwrap_or(false),
                        Err(_) => false,
                    };
                    if ok {
                        latencies.push(started.elapsed());
                    } else {
                        failures += 1;
                    }
                }
                (latencies, failures)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut failures = 0;
    for task in tasks {
        let (latencies, failed) = task.await.expect("client task");
        all.extend(latencies);
        failures += failed;
    }
    (all, failures)
}
