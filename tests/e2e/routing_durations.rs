//! Durations read as milliseconds to the microsecond, in a decision and in
//! the stored runs alike.

use serde_json::{Value, json};
use trellis_tests::{TestApp, on_every_backend};

use crate::routing_support::{raw_email, route, sql_routing};

on_every_backend! {
    durations_are_milliseconds_to_three_decimals => durations_are_milliseconds_to_three_decimals;
}

fn decimals(value: &Value) -> usize {
    let number = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is a number"));
    format!("{number}")
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

async fn durations_are_milliseconds_to_three_decimals(app: TestApp) {
    let (owner, _) = app
        .owner_of("owner@durations.test", "durations", "PRO")
        .await;
    sql_routing(&app, &owner).await;
    let mut durations = Vec::new();
    for order in ["A-42", "B-7", "C-1"] {
        let raw = raw_email("ada@example.com", "support@acme.test", "My order", order);
        let decision = route(&app, &owner, &raw).await;
        durations.push(decision["durationMs"].clone());
        for result in decision["results"].as_array().expect("results") {
            durations.push(result["durationMs"].clone());
        }
    }
    let runs = app
        .gql(
            "{ routingRuns(first: 10) { edges { node { durationMs results { durationMs } } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await
        .ok();
    for edge in runs["routingRuns"]["edges"].as_array().expect("edges") {
        durations.push(edge["node"]["durationMs"].clone());
        for result in edge["node"]["results"].as_array().expect("results") {
            durations.push(result["durationMs"].clone());
        }
    }
    assert_eq!(durations.len(), 18, "{durations:?}");
    let precise: Vec<&Value> = durations.iter().filter(|d| decimals(d) > 3).collect();
    assert!(precise.is_empty(), "finer than a microsecond: {precise:?}");
    assert!(
        durations.iter().any(|d| d.as_f64() > Some(0.0)),
        "{durations:?}"
    );
}
