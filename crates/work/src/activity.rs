//! The history of items: every change writes, in its own transaction, one
//! activity entry naming who changed which fields from what to what.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use trellis_kernel::{TenantId, UserId, define_id};

use crate::item::{ItemId, ItemState};

define_id!(
    /// One entry of an item's history.
    ActivityId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActivityAction {
    Created,
    Updated,
    Deleted,
    Restored,
}

impl ActivityAction {
    pub const ALL: [ActivityAction; 4] = [
        ActivityAction::Created,
        ActivityAction::Updated,
        ActivityAction::Deleted,
        ActivityAction::Restored,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ActivityAction::Created => "CREATED",
            ActivityAction::Updated => "UPDATED",
            ActivityAction::Deleted => "DELETED",
            ActivityAction::Restored => "RESTORED",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == value)
    }
}

/// One field's change. A plain field has `from` and `to` (JSON `null`
/// when unset); a set (`assigneeIds`, `tagIds`) has the ids `added` and
/// `removed` instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub from: Value,
    pub to: Value,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl FieldChange {
    fn value(field: &str, from: Value, to: Value) -> Self {
        Self {
            field: field.to_owned(),
            from,
            to,
            added: Vec::new(),
            removed: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: ActivityId,
    pub tenant_id: TenantId,
    pub item_id: ItemId,
    pub actor_id: Option<UserId>,
    pub action: ActivityAction,
    pub changes: Vec<FieldChange>,
    pub at: DateTime<Utc>,
}

/// Narrows the tenant's activity; every set field must hold. `field` and
/// `to` match entries with one change of that field (to that value).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityFilter {
    pub item_id: Option<ItemId>,
    pub actor_id: Option<UserId>,
    pub action: Option<ActivityAction>,
    pub field: Option<String>,
    pub to: Option<Value>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// The field names a change can carry, as the API spells them.
pub const FIELDS: [&str; 11] = [
    "title",
    "description",
    "status",
    "priority",
    "dueDate",
    "estimatedHours",
    "actualHours",
    "teamId",
    "parentId",
    "assigneeIds",
    "tagIds",
];

/// What changed from `before` to `after`, field by field, in [`FIELDS`]
/// order. With no `before`, every field that is set counts as changed
/// from `null`: the entry of a creation.
pub fn changes(before: Option<&ItemState>, after: &ItemState) -> Vec<FieldChange> {
    let old = before.map(plain_fields);
    let new = plain_fields(after);
    let mut out = Vec::new();
    for (index, (field, to)) in new.into_iter().enumerate() {
        let from = old
            .as_ref()
            .map_or(Value::Null, |fields| fields[index].1.clone());
        if from != to {
            out.push(FieldChange::value(field, from, to));
        }
    }
    let empty = (Vec::new(), Vec::new());
    let (old_assignees, old_tags) = before.map_or(empty, |state| {
        (ids(&state.assignee_ids), ids(&state.tag_ids))
    });
    push_set(
        &mut out,
        "assigneeIds",
        &old_assignees,
        &ids(&after.assignee_ids),
    );
    push_set(&mut out, "tagIds", &old_tags, &ids(&after.tag_ids));
    out
}

fn plain_fields(state: &ItemState) -> [(&'static str, Value); 9] {
    let item = &state.item;
    [
        ("title", json!(item.title)),
        ("description", json!(item.description)),
        ("status", json!(item.status.as_str())),
        ("priority", json!(item.priority.as_str())),
        ("dueDate", json!(item.due_date)),
        ("estimatedHours", json!(item.estimated_hours)),
        ("actualHours", json!(item.actual_hours)),
        ("teamId", json!(item.team_id)),
        ("parentId", json!(item.parent_id)),
    ]
}

fn ids<T: ToString>(ids: &[T]) -> Vec<String> {
    ids.iter().map(ToString::to_string).collect()
}

fn push_set(out: &mut Vec<FieldChange>, field: &str, before: &[String], after: &[String]) {
    let old: BTreeSet<&String> = before.iter().collect();
    let new: BTreeSet<&String> = after.iter().collect();
    let added: Vec<String> = new.difference(&old).map(|id| (*id).clone()).collect();
    let removed: Vec<String> = old.difference(&new).map(|id| (*id).clone()).collect();
    if added.is_empty() && removed.is_empty() {
        return;
    }
    out.push(FieldChange {
        field: field.to_owned(),
        from: Value::Null,
        to: Value::Null,
        added,
        removed,
    });
}
