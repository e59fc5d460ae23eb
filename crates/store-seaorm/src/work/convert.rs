//! Conversions between the Work tables and the Work domain types. What is
//! read back was valid when written; a stored value the code cannot read
//! (an unknown status, a colour that no longer parses) is an internal
//! error.

use sea_orm::ActiveValue::Set;
use serde_json::Value;
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId};
use trellis_work::{
    Activity, ActivityAction, ActivityId, Color, FieldChange, Item, ItemId, ItemStatus, Priority,
    Tag, TagId, Team, TeamId,
};

use crate::work::entity::{activity, activity_change, item, tag, team};

fn unknown(what: &str, value: &str) -> DomainError {
    DomainError::internal_msg(format!("stored {what} `{value}` is unknown"))
}

pub(crate) fn team(model: team::Model) -> DomainResult<Team> {
    Ok(Team {
        id: TeamId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        name: model.name,
        description: model.description,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

pub(crate) fn team_model(team: &Team) -> team::ActiveModel {
    team::ActiveModel {
        tenant_id: Set(team.tenant_id.as_uuid()),
        id: Set(team.id.as_uuid()),
        name: Set(team.name.clone()),
        name_key: Set(team.name.to_lowercase()),
        description: Set(team.description.clone()),
        created_at: Set(team.created_at),
        updated_at: Set(team.updated_at),
        deleted_at: Set(None),
        deletion_id: Set(None),
    }
}

pub(crate) fn tag(model: tag::Model) -> DomainResult<Tag> {
    let color = Color::parse("color", &model.color).map_err(|_| unknown("colour", &model.color))?;
    Ok(Tag {
        id: TagId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        name: model.name,
        color,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

pub(crate) fn tag_model(tag: &Tag) -> tag::ActiveModel {
    tag::ActiveModel {
        tenant_id: Set(tag.tenant_id.as_uuid()),
        id: Set(tag.id.as_uuid()),
        name: Set(tag.name.clone()),
        name_key: Set(tag.name.to_lowercase()),
        color: Set(tag.color.as_str().to_owned()),
        created_at: Set(tag.created_at),
        updated_at: Set(tag.updated_at),
        deleted_at: Set(None),
        deletion_id: Set(None),
    }
}

/// A stored item status.
pub(crate) fn item_status(raw: &str) -> DomainResult<ItemStatus> {
    ItemStatus::parse(raw).ok_or_else(|| unknown("status", raw))
}

/// A stored priority rank.
pub(crate) fn priority(rank: i16) -> DomainResult<Priority> {
    Priority::from_rank(rank).ok_or_else(|| unknown("priority", &rank.to_string()))
}

pub(crate) fn item(model: item::Model) -> DomainResult<Item> {
    let status = item_status(&model.status)?;
    let priority = priority(model.priority)?;
    Ok(Item {
        id: ItemId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        title: model.title,
        description: model.description,
        status,
        priority,
        due_date: model.due_date,
        estimated_hours: model.estimated_hours,
        actual_hours: model.actual_hours,
        team_id: model.team_id.map(TeamId::from_uuid),
        parent_id: model.parent_id.map(ItemId::from_uuid),
        version: model.version,
        created_by: UserId::from_uuid(model.created_by),
        created_at: model.created_at,
        updated_at: model.updated_at,
        completed_at: model.completed_at,
    })
}

/// A live item's row.
pub(crate) fn item_model(item: &Item) -> item::ActiveModel {
    item::ActiveModel {
        tenant_id: Set(item.tenant_id.as_uuid()),
        id: Set(item.id.as_uuid()),
        title: Set(item.title.clone()),
        // What `ItemCursor::after` holds for the title order.
        title_key: Set(item.title.to_lowercase()),
        description: Set(item.description.clone()),
        status: Set(item.status.as_str().to_owned()),
        priority: Set(item.priority.rank()),
        due_date: Set(item.due_date),
        estimated_hours: Set(item.estimated_hours),
        actual_hours: Set(item.actual_hours),
        team_id: Set(item.team_id.map(|id| id.as_uuid())),
        parent_id: Set(item.parent_id.map(|id| id.as_uuid())),
        version: Set(item.version),
        created_by: Set(item.created_by.as_uuid()),
        created_at: Set(item.created_at),
        updated_at: Set(item.updated_at),
        completed_at: Set(item.completed_at),
        deleted_at: Set(None),
        deletion_id: Set(None),
    }
}

/// A value as the changes table stores it, and compares it.
pub(crate) fn json_text(value: &Value) -> String {
    value.to_string()
}

fn from_json_text<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> DomainResult<T> {
    serde_json::from_str(text)
        .map_err(|err| DomainError::internal_msg(format!("stored {what} is not readable: {err}")))
}

pub(crate) fn activity(
    model: activity::Model,
    changes: Vec<activity_change::Model>,
) -> DomainResult<Activity> {
    let action =
        ActivityAction::parse(&model.action).ok_or_else(|| unknown("action", &model.action))?;
    let changes = changes
        .into_iter()
        .map(|change| {
            Ok(FieldChange {
                from: from_json_text(&change.from_value, "change value")?,
                to: from_json_text(&change.to_value, "change value")?,
                added: from_json_text(&change.added, "added ids")?,
                removed: from_json_text(&change.removed, "removed ids")?,
                field: change.field,
            })
        })
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(Activity {
        id: ActivityId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        item_id: ItemId::from_uuid(model.item_id),
        actor_id: model.actor_id.map(UserId::from_uuid),
        action,
        changes,
        at: model.at,
    })
}

pub(crate) fn activity_model(entry: &Activity) -> activity::ActiveModel {
    activity::ActiveModel {
        tenant_id: Set(entry.tenant_id.as_uuid()),
        id: Set(entry.id.as_uuid()),
        item_id: Set(entry.item_id.as_uuid()),
        actor_id: Set(entry.actor_id.map(|id| id.as_uuid())),
        action: Set(entry.action.as_str().to_owned()),
        at: Set(entry.at),
    }
}

pub(crate) fn change_models(entry: &Activity) -> DomainResult<Vec<activity_change::ActiveModel>> {
    entry
        .changes
        .iter()
        .enumerate()
        .map(|(position, change)| {
            let position = i32::try_from(position)
                .map_err(|_| DomainError::internal_msg("an entry with too many changes"))?;
            Ok(activity_change::ActiveModel {
                tenant_id: Set(entry.tenant_id.as_uuid()),
                activity_id: Set(entry.id.as_uuid()),
                position: Set(position),
                field: Set(change.field.clone()),
                from_value: Set(json_text(&change.from)),
                to_value: Set(json_text(&change.to)),
                added: Set(json_text(&Value::from(change.added.clone()))),
                removed: Set(json_text(&Value::from(change.removed.clone()))),
            })
        })
        .collect()
}
