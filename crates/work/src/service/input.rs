//! What a client may give for an item, and the checks every field passes
//! before anything is looked up or written.

use chrono::NaiveDate;
use trellis_kernel::{DomainError, DomainResult, FieldErrors, UserId, text};

use crate::item::{DESCRIPTION_MAX, ItemId, ItemStatus, MAX_HOURS, Priority, TITLE_MAX};
use crate::tag::TagId;
use crate::team::TeamId;

/// At most this many assignees, and this many tags, on one item.
pub const MAX_ASSIGNEES: usize = 50;
pub const MAX_TAGS: usize = 50;

#[derive(Debug, Clone, Default)]
pub struct CreateItem {
    pub title: String,
    pub description: Option<String>,
    /// TODO when absent.
    pub status: Option<ItemStatus>,
    /// MEDIUM when absent.
    pub priority: Option<Priority>,
    pub due_date: Option<NaiveDate>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub team_id: Option<TeamId>,
    pub parent_id: Option<ItemId>,
    pub assignee_ids: Vec<UserId>,
    pub tag_ids: Vec<TagId>,
}

/// A partial change: `None` keeps a field, `Some(None)` clears it, and a
/// list replaces the whole set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemPatch {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub status: Option<ItemStatus>,
    pub priority: Option<Priority>,
    pub due_date: Option<Option<NaiveDate>>,
    pub estimated_hours: Option<Option<f64>>,
    pub actual_hours: Option<Option<f64>>,
    pub team_id: Option<Option<TeamId>>,
    pub parent_id: Option<Option<ItemId>>,
    pub assignee_ids: Option<Vec<UserId>>,
    pub tag_ids: Option<Vec<TagId>>,
}

pub(crate) fn title(errors: &mut FieldErrors, raw: &str) -> Option<String> {
    errors.check(text::name("title", raw, TITLE_MAX))
}

/// Descriptions keep their line breaks and indentation; only blank ones
/// become `None`.
pub(crate) fn description(errors: &mut FieldErrors, raw: Option<&str>) -> Option<Option<String>> {
    let Some(raw) = raw.filter(|text| !text.trim().is_empty()) else {
        return Some(None);
    };
    if raw.chars().count() > DESCRIPTION_MAX {
        errors.add(
            "description",
            format!("must be at most {DESCRIPTION_MAX} characters"),
        );
        return None;
    }
    Some(Some(raw.to_owned()))
}

pub(crate) fn hours(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<f64>,
) -> Option<Option<f64>> {
    match value {
        Some(hours) if !hours.is_finite() || hours < 0.0 => {
            errors.add(field, "must be a number of hours of 0 or more");
            None
        }
        Some(hours) if hours > MAX_HOURS => {
            errors.add(field, format!("must be at most {MAX_HOURS} hours"));
            None
        }
        other => Some(other),
    }
}

/// The ids in the order given, each once.
pub(crate) fn distinct<T: PartialEq + Copy>(
    errors: &mut FieldErrors,
    field: &str,
    ids: &[T],
    max: usize,
) -> Option<Vec<T>> {
    let mut out: Vec<T> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    if out.len() > max {
        errors.add(field, format!("must name at most {max}"));
        return None;
    }
    Some(out)
}

/// Every id of `wanted` that `found` lacks, as a field error on
/// `field[i]`, with one wording whether the id is another tenant's or
/// nobody's.
pub(crate) fn missing_ids<T: PartialEq>(
    errors: &mut FieldErrors,
    field: &str,
    wanted: &[T],
    found: &[T],
    message: &str,
) {
    for (index, id) in wanted.iter().enumerate() {
        if !found.contains(id) {
            errors.add(format!("{field}[{index}]"), message);
        }
    }
}

pub(crate) fn validated<T>(value: Option<T>) -> DomainResult<T> {
    value.ok_or_else(|| DomainError::internal_msg("validated item field missing"))
}

pub(crate) const NO_SUCH_ITEM: &str = "names no item of this tenant";
pub(crate) const NO_SUCH_TEAM: &str = "names no team of this tenant";
pub(crate) const NO_SUCH_TAG: &str = "names no tag of this tenant";
