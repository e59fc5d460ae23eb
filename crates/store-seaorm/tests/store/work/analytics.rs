//! Analytics: exact figures over a small seeded tenant, the list's
//! filters, week boundaries, and another tenant's items never counted.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use trellis_kernel::UserId;
use trellis_work::analytics::ThroughputWeek;
use trellis_work::{Item, ItemFilter, ItemStatus, Priority, WorkPorts};

use super::support::*;
use crate::support::*;

fn at(day: &str, hour: u32) -> DateTime<Utc> {
    let day: NaiveDate = day.parse().unwrap();
    Utc.from_utc_datetime(&day.and_hms_opt(hour, 0, 0).unwrap())
}

/// An item created at `created`, completed at `completed` if given.
fn seeded(
    org: &Org,
    title: &str,
    created: DateTime<Utc>,
    completed: Option<DateTime<Utc>>,
) -> Item {
    let mut item = item(org, title);
    item.created_at = created;
    item.updated_at = completed.unwrap_or(created);
    item.estimated_hours = None;
    if let Some(done) = completed {
        item.status = ItemStatus::Done;
        item.completed_at = Some(done);
    }
    item
}

async fn add(work: &WorkPorts, org: &Org, item: Item, assignees: Vec<UserId>) {
    try_create(work, org, item, assignees, Vec::new())
        .await
        .expect("item created");
}

const TODAY: &str = "2026-03-04"; // a Wednesday
const MONDAY: &str = "2026-03-02";

/// Acme: five items, two of them DONE; Globex: items that must never
/// show in Acme's figures.
async fn seed(env: &Env, work: &WorkPorts) -> (Org, Org, UserId) {
    let acme = org(env, "acme").await;
    let globex = org(env, "globex").await;
    let ada = join(env, &acme, "ada@acme.test", "MEMBER").await.id;
    let owner = acme.owner.id;

    // Done this week after 10 hours, 3 actual hours.
    let mut a = seeded(&acme, "a", at("2026-03-02", 0), Some(at("2026-03-02", 10)));
    a.actual_hours = Some(3.0);
    a.priority = Priority::High;
    add(work, &acme, a, vec![ada]).await;
    // Done last week (Sunday, just before this week began), after 20 hours.
    let b = seeded(&acme, "b", at("2026-02-28", 3), Some(at("2026-02-28", 23)));
    add(work, &acme, b, vec![]).await;
    // Open and overdue, 5 actual hours, two assignees.
    let mut c = seeded(&acme, "c", at("2026-02-20", 0), None);
    c.due_date = Some("2026-03-01".parse().unwrap());
    c.actual_hours = Some(5.0);
    c.priority = Priority::Urgent;
    add(work, &acme, c, vec![ada, owner]).await;
    // Open, due today: not overdue.
    let mut d = seeded(&acme, "d", at("2026-02-21", 0), None);
    d.due_date = Some(TODAY.parse().unwrap());
    d.status = ItemStatus::InProgress;
    add(work, &acme, d, vec![ada]).await;
    // Archived and past due: closed, so not overdue.
    let mut e = seeded(&acme, "e", at("2026-02-22", 0), None);
    e.due_date = Some("2026-01-01".parse().unwrap());
    e.status = ItemStatus::Archived;
    add(work, &acme, e, vec![owner]).await;

    let mut other = seeded(
        &globex,
        "theirs",
        at("2026-03-02", 0),
        Some(at("2026-03-03", 0)),
    );
    other.actual_hours = Some(100.0);
    add(work, &globex, other, vec![globex.owner.id]).await;
    let mut late = seeded(&globex, "late", at("2026-02-01", 0), None);
    late.due_date = Some("2026-02-02".parse().unwrap());
    add(work, &globex, late, vec![]).await;
    (acme, globex, ada)
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

contract!(figures_are_exact_and_another_tenants_items_never_count);
async fn figures_are_exact_and_another_tenants_items_never_count(env: Env) {
    let work = ports(&env);
    let (acme, globex, ada) = seed(&env, &work).await;
    let figures = work
        .analytics
        .item_analytics(acme.id(), &ItemFilter::default(), day(TODAY), day(MONDAY))
        .await
        .unwrap();
    assert_eq!(figures.total, 5);
    assert_eq!(
        figures.by_status,
        [
            (ItemStatus::Todo, 1),
            (ItemStatus::InProgress, 1),
            (ItemStatus::InReview, 0),
            (ItemStatus::Done, 2),
            (ItemStatus::Archived, 1),
        ]
    );
    assert_eq!(
        figures.by_priority,
        [
            (Priority::Low, 0),
            (Priority::Medium, 3),
            (Priority::High, 1),
            (Priority::Urgent, 1),
        ]
    );
    assert_eq!(figures.overdue, 1);
    assert_eq!(figures.completed_this_week, 1);
    let hours = figures.avg_completion_hours.unwrap();
    assert!((hours - 15.0).abs() < 1e-6, "{hours}");
    assert_eq!(figures.avg_actual_hours, Some(4.0));
    // Open items only: Ada has c and d, the owner c (e is archived).
    assert_eq!(figures.by_assignee, [(ada, 2), (acme.owner.id, 1)]);

    let theirs = work
        .analytics
        .item_analytics(globex.id(), &ItemFilter::default(), day(TODAY), day(MONDAY))
        .await
        .unwrap();
    assert_eq!(theirs.total, 2);
    assert_eq!(theirs.overdue, 1);
    assert_eq!(theirs.avg_actual_hours, Some(100.0));
    // Globex's one assigned item is DONE: no open item per assignee.
    assert!(theirs.by_assignee.is_empty());
}

contract!(the_lists_filters_narrow_the_figures);
async fn the_lists_filters_narrow_the_figures(env: Env) {
    let work = ports(&env);
    let (acme, _, ada) = seed(&env, &work).await;
    let filter = ItemFilter {
        assignee_id: Some(ada),
        ..ItemFilter::default()
    };
    let figures = work
        .analytics
        .item_analytics(acme.id(), &filter, day(TODAY), day(MONDAY))
        .await
        .unwrap();
    assert_eq!(figures.total, 3);
    assert_eq!(figures.completed_this_week, 1);
    let hours = figures.avg_completion_hours.unwrap();
    assert!((hours - 10.0).abs() < 1e-6, "{hours}");

    let none = ItemFilter {
        status: Some(vec![ItemStatus::InReview]),
        ..ItemFilter::default()
    };
    let empty = work
        .analytics
        .item_analytics(acme.id(), &none, day(TODAY), day(MONDAY))
        .await
        .unwrap();
    assert_eq!(
        (empty.total, empty.overdue, empty.completed_this_week),
        (0, 0, 0)
    );
    assert_eq!(
        (empty.avg_completion_hours, empty.avg_actual_hours),
        (None, None)
    );
    assert!(empty.by_status.iter().all(|(_, n)| *n == 0));
    assert_eq!(empty.by_status.len(), 5);
    assert!(empty.by_assignee.is_empty());
}

contract!(throughput_counts_each_iso_week_with_empty_weeks_included);
async fn throughput_counts_each_iso_week_with_empty_weeks_included(env: Env) {
    let work = ports(&env);
    let (acme, globex, _) = seed(&env, &work).await;
    // Monday 00:00 belongs to its own week; Sunday 23:59 to the one before.
    add(
        &work,
        &acme,
        seeded(
            &acme,
            "edge",
            at("2026-02-01", 0),
            Some(at("2026-02-23", 0)),
        ),
        vec![],
    )
    .await;
    let mut sunday = seeded(&acme, "sunday", at("2026-02-01", 0), None);
    sunday.status = ItemStatus::Done;
    sunday.completed_at = Some(at("2026-02-22", 23) + Duration::minutes(59));
    add(&work, &acme, sunday, vec![]).await;
    // Before the first week asked for: not counted.
    add(
        &work,
        &acme,
        seeded(
            &acme,
            "old",
            at("2026-01-01", 0),
            Some(at("2026-02-08", 12)),
        ),
        vec![],
    )
    .await;

    let weeks = throughput(&work, &acme, "2026-02-09", 4).await;
    let expected = [
        ("2026-02-09", 0),
        ("2026-02-16", 1),
        ("2026-02-23", 2),
        ("2026-03-02", 1),
    ]
    .map(|(week, completed)| ThroughputWeek {
        week_start: day(week),
        completed,
    });
    assert_eq!(weeks, expected);

    let theirs = throughput(&work, &globex, "2026-02-09", 4).await;
    let completed: Vec<u64> = theirs.iter().map(|w| w.completed).collect();
    assert_eq!(completed, [0, 0, 0, 1]);
}

async fn throughput(work: &WorkPorts, org: &Org, first: &str, weeks: u32) -> Vec<ThroughputWeek> {
    work.analytics
        .throughput(org.id(), day(first), weeks)
        .await
        .unwrap()
}
