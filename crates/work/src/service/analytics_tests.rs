//! Analytics: who may read them, the dates the store is asked about, and
//! the range of `weeks`.

use chrono::NaiveDate;
use mockall::predicate::eq;
use trellis_kernel::BuiltinRole;

use super::tests_support::*;
use crate::analytics::{ItemAnalytics, ThroughputWeek};
use crate::item::ItemFilter;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn empty() -> ItemAnalytics {
    ItemAnalytics {
        total: 0,
        by_status: Vec::new(),
        by_priority: Vec::new(),
        overdue: 0,
        completed_this_week: 0,
        avg_completion_hours: None,
        avg_actual_hours: None,
        by_assignee: Vec::new(),
    }
}

#[tokio::test]
async fn a_viewer_reads_analytics_as_of_today_and_this_iso_week() {
    let viewer = ctx(BuiltinRole::Viewer);
    let filter = ItemFilter {
        top_level_only: true,
        ..ItemFilter::default()
    };
    let mut mocks = WorkMocks::default();
    // The clock says Monday 2026-03-02, 09:00 UTC.
    mocks
        .analytics
        .expect_item_analytics()
        .with(
            eq(viewer.tenant_id),
            eq(filter.clone()),
            eq(day("2026-03-02")),
            eq(day("2026-03-02")),
        )
        .times(1)
        .returning(|_, _, _, _| {
            Ok(ItemAnalytics {
                total: 3,
                ..empty()
            })
        });
    let figures = work(mocks).analytics.items(&viewer, &filter).await.unwrap();
    assert_eq!(figures.total, 3);
}

#[tokio::test]
async fn throughput_asks_for_the_weeks_ending_with_this_one() {
    let viewer = ctx(BuiltinRole::Viewer);
    let mut mocks = WorkMocks::default();
    let rows = vec![ThroughputWeek {
        week_start: day("2026-02-16"),
        completed: 1,
    }];
    let answer = rows.clone();
    mocks
        .analytics
        .expect_throughput()
        .with(eq(viewer.tenant_id), eq(day("2026-02-16")), eq(3))
        .times(1)
        .returning(move |_, _, _| Ok(answer.clone()));
    let weeks = work(mocks).analytics.throughput(&viewer, 3).await.unwrap();
    assert_eq!(weeks, rows);
}

#[tokio::test]
async fn weeks_outside_1_to_52_are_refused_before_any_read() {
    let viewer = ctx(BuiltinRole::Viewer);
    for weeks in [0, -1, 53] {
        let err = work(WorkMocks::default())
            .analytics
            .throughput(&viewer, weeks)
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["weeks"]);
    }
}

#[tokio::test]
async fn analytics_need_items_read() {
    let mut nobody = ctx(BuiltinRole::Viewer);
    nobody.permissions = Default::default();
    let err = work(WorkMocks::default())
        .analytics
        .items(&nobody, &ItemFilter::default())
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.read");
}

#[tokio::test]
async fn analytics_refuse_the_filters_a_list_refuses() {
    let viewer = ctx(BuiltinRole::Viewer);
    let contradictory = ItemFilter {
        unassigned: true,
        assignee_id: Some(viewer.user_id()),
        ..ItemFilter::default()
    };
    let too_long = ItemFilter {
        search: Some("x".repeat(crate::item::SEARCH_MAX + 1)),
        ..ItemFilter::default()
    };
    for (filter, field) in [
        (contradictory, "filter.unassigned"),
        (too_long, "filter.search"),
    ] {
        let mut mocks = WorkMocks::default();
        mocks.analytics.expect_item_analytics().never();
        let err = work(mocks)
            .analytics
            .items(&viewer, &filter)
            .await
            .unwrap_err();
        assert_eq!(fields(err), [field]);
    }
}
