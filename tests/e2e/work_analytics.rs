//! Analytics end to end: exact figures over a small tenant, a filter,
//! throughput per week, and nothing of one tenant in another's figures.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::work_support::{create_item, id_of, update_item_mutation};

on_every_backend! {
    a_tenant_reads_exact_figures_of_its_own_items_only => a_tenant_reads_exact_figures_of_its_own_items_only;
}

const ANALYTICS: &str = "query($filter: ItemFilterInput, $weeks: Int) {
    itemAnalytics(filter: $filter) {
        total overdue completedThisWeek avgCompletionHours avgActualHours
        byStatus { status count } byPriority { priority count }
        byAssignee { user { email } count } }
    throughput(weeks: $weeks) { weekStart completed } }";

async fn analytics(app: &TestApp, session: &Session, variables: Value) -> Value {
    app.gql(ANALYTICS, variables, Some(&session.access_token))
        .await
        .ok()
}

fn counts(list: &Value, key: &str) -> Vec<(String, u64)> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|row| {
            (
                row[key].as_str().expect("a key").to_owned(),
                row["count"].as_u64().expect("a count"),
            )
        })
        .collect()
}

fn pairs(rows: &[(&str, u64)]) -> Vec<(String, u64)> {
    rows.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
}

async fn a_tenant_reads_exact_figures_of_its_own_items_only(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "PRO").await;
    let ada = app.join(&owner, &tenant, "ada@acme.test", "MEMBER").await;
    let viewer = app.join(&owner, &tenant, "vic@acme.test", "VIEWER").await;
    let (other, _) = app.owner_of("owner@globex.test", "globex", "PRO").await;

    create_item(
        &app,
        &ada,
        json!({ "title": "Overdue", "dueDate": "2020-01-01", "priority": "URGENT",
                "actualHours": 2.0, "assigneeIds": [ada.user_id, owner.user_id] }),
    )
    .await;
    create_item(
        &app,
        &ada,
        json!({ "title": "Later", "dueDate": "2999-01-01", "status": "IN_PROGRESS",
                "actualHours": 4.0, "assigneeIds": [ada.user_id] }),
    )
    .await;
    create_item(
        &app,
        &ada,
        json!({ "title": "Archived", "dueDate": "2020-01-01", "status": "ARCHIVED",
                "assigneeIds": [owner.user_id] }),
    )
    .await;
    let finished = create_item(
        &app,
        &ada,
        json!({ "title": "Finished", "priority": "LOW" }),
    )
    .await;
    app.gql(
        &update_item_mutation(),
        json!({ "input": { "id": id_of(&finished, "/id"), "status": "DONE" } }),
        Some(&ada.access_token),
    )
    .await
    .ok();
    // Globex's items: overdue, done, assigned; none may show in Acme's.
    for title in ["Theirs 1", "Theirs 2"] {
        create_item(
            &app,
            &other,
            json!({ "title": title, "dueDate": "2020-01-01", "status": "DONE",
                    "actualHours": 100.0, "assigneeIds": [other.user_id] }),
        )
        .await;
    }

    let data = analytics(&app, &viewer, json!({ "weeks": 3 })).await;
    let figures = &data["itemAnalytics"];
    assert_eq!(figures["total"], 4);
    assert_eq!(figures["overdue"], 1);
    assert_eq!(figures["completedThisWeek"], 1);
    assert_eq!(figures["avgActualHours"], 3.0);
    // Created and completed within the test: well under a minute.
    let hours = figures["avgCompletionHours"].as_f64().expect("a mean");
    assert!((0.0..0.02).contains(&hours), "{hours}");
    assert_eq!(
        counts(&figures["byStatus"], "status"),
        pairs(&[
            ("TODO", 1),
            ("IN_PROGRESS", 1),
            ("IN_REVIEW", 0),
            ("DONE", 1),
            ("ARCHIVED", 1)
        ])
    );
    assert_eq!(
        counts(&figures["byPriority"], "priority"),
        pairs(&[("LOW", 1), ("MEDIUM", 2), ("HIGH", 0), ("URGENT", 1)])
    );
    let by_assignee: Vec<(String, u64)> = figures["byAssignee"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["user"]["email"].as_str().unwrap().to_owned(),
                row["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by_assignee,
        pairs(&[("ada@acme.test", 2), ("owner@acme.test", 1)])
    );

    let today = Utc::now().date_naive();
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let weeks: Vec<(NaiveDate, u64)> = data["throughput"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["weekStart"].as_str().unwrap().parse().unwrap(),
                row["completed"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        weeks,
        [
            (monday - Duration::weeks(2), 0),
            (monday - Duration::weeks(1), 0),
            (monday, 1)
        ]
    );

    // The list's filters narrow the figures.
    let mine = analytics(
        &app,
        &ada,
        json!({ "filter": { "assigneeId": ada.user_id } }),
    )
    .await;
    assert_eq!(mine["itemAnalytics"]["total"], 2);
    assert_eq!(mine["itemAnalytics"]["avgCompletionHours"], Value::Null);
    assert_eq!(mine["throughput"].as_array().unwrap().len(), 12);
    // A search narrows them as it narrows the list: two titles hold
    // "overdue" or "later"; Globex's none.
    let found = analytics(
        &app,
        &ada,
        json!({ "filter": { "search": "overdue or later" } }),
    )
    .await;
    assert_eq!(found["itemAnalytics"]["total"], 2);
    assert_eq!(found["itemAnalytics"]["overdue"], 1);

    // Globex sees its two items and nothing of Acme's.
    let theirs = analytics(&app, &other, json!({})).await;
    let figures = &theirs["itemAnalytics"];
    assert_eq!(
        (figures["total"].as_u64(), figures["overdue"].as_u64()),
        (Some(2), Some(0))
    );
    assert_eq!(figures["avgActualHours"], 100.0);
    assert_eq!(figures["byAssignee"], json!([]));
    let completed: u64 = theirs["throughput"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["completed"].as_u64().unwrap())
        .sum();
    assert_eq!(completed, 2);

    let bad = app
        .gql(ANALYTICS, json!({ "weeks": 53 }), Some(&ada.access_token))
        .await;
    assert_eq!(bad.code(), Some("BAD_USER_INPUT"));
    assert_eq!(bad.bad_fields(), ["weeks"]);
}
