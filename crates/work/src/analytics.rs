//! Figures over a tenant's items, as the analytics page shows them. The
//! store computes them with aggregates; nothing here counts rows.

use chrono::{Datelike, Duration, NaiveDate};
use trellis_kernel::UserId;

use crate::item::{ItemStatus, Priority};

/// At most this many assignees in [`ItemAnalytics::by_assignee`].
pub const MAX_ASSIGNEES_SHOWN: usize = 50;
/// `throughput` covers 1 to this many weeks.
pub const MAX_THROUGHPUT_WEEKS: u32 = 52;

/// Figures over the live items that pass a filter.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAnalytics {
    pub total: u64,
    /// Every status, in [`ItemStatus::ALL`]'s order, zero included.
    pub by_status: Vec<(ItemStatus, u64)>,
    /// Every priority, in [`Priority::ALL`]'s order, zero included.
    pub by_priority: Vec<(Priority, u64)>,
    /// Open items due before today.
    pub overdue: u64,
    /// Items completed since the start of the current ISO week (UTC).
    pub completed_this_week: u64,
    /// Mean hours from creation to completion over DONE items; `None`
    /// when there is none.
    pub avg_completion_hours: Option<f64>,
    /// Mean of `actual_hours` over the items that have it.
    pub avg_actual_hours: Option<f64>,
    /// Open items per assignee, most first, at most
    /// [`MAX_ASSIGNEES_SHOWN`].
    pub by_assignee: Vec<(UserId, u64)>,
}

/// How many items were completed in the ISO week starting on `week_start`
/// (a Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThroughputWeek {
    pub week_start: NaiveDate,
    pub completed: u64,
}

/// The Monday of `day`'s ISO week.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Counts per status as the store found them, completed with a zero for
/// each status it found none of.
pub fn every_status(found: &[(ItemStatus, u64)]) -> Vec<(ItemStatus, u64)> {
    ItemStatus::ALL
        .into_iter()
        .map(|status| (status, count_of(found, &status)))
        .collect()
}

/// As [`every_status`], for priorities.
pub fn every_priority(found: &[(Priority, u64)]) -> Vec<(Priority, u64)> {
    Priority::ALL
        .into_iter()
        .map(|priority| (priority, count_of(found, &priority)))
        .collect()
}

/// One row per week from `first`, `weeks` of them, zero for those the
/// store found nothing in.
pub fn every_week(first: NaiveDate, weeks: u32, found: &[(NaiveDate, u64)]) -> Vec<ThroughputWeek> {
    (0..weeks)
        .map(|n| {
            let week_start = first + Duration::weeks(i64::from(n));
            ThroughputWeek {
                week_start,
                completed: count_of(found, &week_start),
            }
        })
        .collect()
}

fn count_of<K: PartialEq>(found: &[(K, u64)], key: &K) -> u64 {
    found.iter().filter(|(k, _)| k == key).map(|(_, n)| n).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_week_starts_on_its_monday() {
        assert_eq!(week_start(day("2026-03-02")), day("2026-03-02"));
        assert_eq!(week_start(day("2026-03-08")), day("2026-03-02"));
        assert_eq!(week_start(day("2026-01-01")), day("2025-12-29"));
    }

    #[test]
    fn every_week_is_listed_oldest_first_with_zeros() {
        let weeks = every_week(day("2026-02-16"), 3, &[(day("2026-02-23"), 4)]);
        let rows: Vec<(NaiveDate, u64)> =
            weeks.iter().map(|w| (w.week_start, w.completed)).collect();
        assert_eq!(
            rows,
            [
                (day("2026-02-16"), 0),
                (day("2026-02-23"), 4),
                (day("2026-03-02"), 0)
            ]
        );
    }

    #[test]
    fn every_status_and_priority_is_listed() {
        let statuses = every_status(&[(ItemStatus::Done, 2)]);
        assert_eq!(statuses.len(), ItemStatus::ALL.len());
        assert_eq!(statuses[3], (ItemStatus::Done, 2));
        assert_eq!(statuses[0], (ItemStatus::Todo, 0));
        let priorities = every_priority(&[(Priority::Urgent, 1)]);
        assert_eq!(priorities.last(), Some(&(Priority::Urgent, 1)));
        assert_eq!(priorities[0], (Priority::Low, 0));
    }
}
