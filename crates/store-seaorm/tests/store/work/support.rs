//! Fixtures of the Work contract tests: the Work ports of an `Env`'s
//! store, one valid value of each Work type, and item writes as the use
//! cases make them (each with its history entry).

use std::sync::Arc;

use chrono::NaiveDate;
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use trellis_kernel::{AuditEntry, DomainResult, UserId};
use trellis_store_seaorm::work::entity::item as item_row;
use trellis_work::activity::{self, Activity, ActivityAction, ActivityId, FieldChange};
use trellis_work::item::ItemState;
use trellis_work::ports::MockFileStore;
use trellis_work::ports::{ItemUpdate, SetChange};
use trellis_work::{
    Color, Item, ItemId, ItemPageRequest, ItemStatus, Priority, Tag, TagId, Team, TeamId, WorkPorts,
};

use crate::support::*;

/// The store's Work ports; its files are a mock no test here reaches.
pub fn ports(env: &Env) -> WorkPorts {
    env.db.store().work_ports(Arc::new(MockFileStore::new()))
}

pub fn team(org: &Org, name: &str) -> Team {
    let at = now();
    Team {
        id: TeamId::generate(),
        tenant_id: org.id(),
        name: name.into(),
        description: Some(format!("The {name} team")),
        created_at: at,
        updated_at: at,
    }
}

pub async fn add_team(work: &WorkPorts, org: &Org, name: &str) -> Team {
    let team = team(org, name);
    work.teams
        .create(org.id(), &team, &audit(org.id(), None, "team.created"))
        .await
        .expect("team created");
    team
}

pub fn tag(org: &Org, name: &str) -> Tag {
    let at = now();
    Tag {
        id: TagId::generate(),
        tenant_id: org.id(),
        name: name.into(),
        color: Color::parse("color", "#1C7ED6").expect("a colour"),
        created_at: at,
        updated_at: at,
    }
}

pub async fn add_tag(work: &WorkPorts, org: &Org, name: &str) -> Tag {
    let tag = tag(org, name);
    work.tags
        .create(org.id(), &tag, &audit(org.id(), None, "tag.created"))
        .await
        .expect("tag created");
    tag
}

/// A top-level TODO item of `org`, created by its owner.
pub fn item(org: &Org, title: &str) -> Item {
    let at = now();
    Item {
        id: ItemId::generate(),
        tenant_id: org.id(),
        title: title.into(),
        description: Some(format!("About {title}")),
        status: ItemStatus::Todo,
        priority: Priority::Medium,
        due_date: None,
        estimated_hours: Some(2.5),
        actual_hours: None,
        team_id: None,
        parent_id: None,
        version: 1,
        created_by: org.owner.id,
        created_at: at,
        updated_at: at,
        completed_at: None,
    }
}

pub fn subtask(org: &Org, title: &str, parent: ItemId) -> Item {
    Item {
        parent_id: Some(parent),
        ..item(org, title)
    }
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

pub fn entry(
    item: &Item,
    actor: UserId,
    action: ActivityAction,
    changes: Vec<FieldChange>,
) -> Activity {
    Activity {
        id: ActivityId::generate(),
        tenant_id: item.tenant_id,
        item_id: item.id,
        actor_id: Some(actor),
        action,
        changes,
        at: now(),
    }
}

fn by_owner(org: &Org, action: &str) -> AuditEntry {
    audit(org.id(), Some(org.owner.id), action)
}

/// Stores `item` with its relations, as the create use case does.
pub async fn try_create(
    work: &WorkPorts,
    org: &Org,
    item: Item,
    assignees: Vec<UserId>,
    tags: Vec<TagId>,
) -> DomainResult<ItemState> {
    let state = ItemState {
        item,
        assignee_ids: assignees,
        tag_ids: tags,
    };
    let changes = activity::changes(None, &state);
    let entry = entry(&state.item, org.owner.id, ActivityAction::Created, changes);
    work.items
        .create(org.id(), &state, &by_owner(org, "item.created"), &entry)
        .await?;
    Ok(state)
}

pub async fn create(work: &WorkPorts, org: &Org, item: Item) -> ItemState {
    try_create(work, org, item, Vec::new(), Vec::new())
        .await
        .expect("item created")
}

/// Changes `before` into `after` (whose version and time it sets), as
/// the update use case does; returns the state stored.
pub async fn try_update(
    work: &WorkPorts,
    org: &Org,
    actor: UserId,
    before: &ItemState,
    mut after: ItemState,
) -> DomainResult<ItemState> {
    after.item.version = before.item.version + 1;
    after.item.updated_at = now().max(before.item.updated_at + chrono::Duration::microseconds(1));
    let changes = activity::changes(Some(before), &after);
    let entry = entry(&after.item, actor, ActivityAction::Updated, changes);
    let update = ItemUpdate {
        item: after.item.clone(),
        previous_version: before.item.version,
        assignees: SetChange::between(&before.assignee_ids, &after.assignee_ids),
        tags: SetChange::between(&before.tag_ids, &after.tag_ids),
    };
    work.items
        .update(org.id(), &update, &by_owner(org, "item.updated"), &entry)
        .await?;
    Ok(after)
}

pub async fn update(
    work: &WorkPorts,
    org: &Org,
    before: &ItemState,
    after: ItemState,
) -> ItemState {
    try_update(work, org, org.owner.id, before, after)
        .await
        .expect("item updated")
}

/// The item with `change` applied to its own fields.
pub fn edited(state: &ItemState, change: impl FnOnce(&mut Item)) -> ItemState {
    let mut after = state.clone();
    change(&mut after.item);
    after
}

pub async fn try_delete(work: &WorkPorts, org: &Org, item: &Item) -> DomainResult<Vec<ItemId>> {
    let entry = entry(item, org.owner.id, ActivityAction::Deleted, Vec::new());
    work.items
        .delete(
            org.id(),
            item.id,
            item.version,
            &by_owner(org, "item.deleted"),
            &entry,
        )
        .await
}

pub async fn try_restore(
    work: &WorkPorts,
    org: &Org,
    item: &Item,
) -> DomainResult<(Item, Vec<ItemId>)> {
    let entry = entry(item, org.owner.id, ActivityAction::Restored, Vec::new());
    work.items
        .restore(
            org.id(),
            item.id,
            &restoring(org.id(), "item.restored"),
            &entry,
        )
        .await
}

pub async fn find(work: &WorkPorts, org: &Org, id: ItemId) -> Option<ItemState> {
    work.items.find(org.id(), id).await.expect("a lookup")
}

pub fn sorted<T: Ord>(mut ids: Vec<T>) -> Vec<T> {
    ids.sort();
    ids
}

/// Rows of `org` in every Work table: a team with its owner in it, a
/// tag, and an item assigned to the owner and tagged, whose creation
/// wrote a history entry with its changes.
pub async fn fill(work: &WorkPorts, org: &Org) {
    let team = add_team(work, org, "Platform").await;
    work.teams
        .add_member(
            org.id(),
            team.id,
            org.owner.id,
            &audit(org.id(), None, "team.member_added"),
        )
        .await
        .expect("member added");
    let tag = add_tag(work, org, "urgent").await;
    let mut item = item(org, "Ship it");
    item.team_id = Some(team.id);
    let item_id = item.id;
    try_create(work, org, item, vec![org.owner.id], vec![tag.id])
        .await
        .expect("item created");
    let comment = trellis_work::Comment {
        id: trellis_work::CommentId::generate(),
        tenant_id: org.id(),
        item_id,
        author_id: org.owner.id,
        body: "Shipping Friday".into(),
        created_at: now(),
        updated_at: now(),
        edited_at: None,
    };
    work.comments
        .create(org.id(), &comment, &audit(org.id(), None, "comment.added"))
        .await
        .expect("comment added");
    let attachment = trellis_work::Attachment {
        id: trellis_work::AttachmentId::generate(),
        tenant_id: org.id(),
        item_id,
        filename: "plan.txt".into(),
        content_type: "text/plain".into(),
        size_bytes: 4,
        uploaded_by: org.owner.id,
        created_at: now(),
    };
    work.attachments
        .create(
            org.id(),
            &attachment,
            &audit(org.id(), None, "attachment.uploaded"),
        )
        .await
        .expect("attachment added");
}

/// The first page of `first` items, newest first.
pub fn page_of(first: u32) -> ItemPageRequest {
    ItemPageRequest::first(Default::default(), first)
}

/// Plants `count` live items of `org` under `parent`, in one statement
/// and without history: to fill a limit quickly.
pub async fn plant(env: &Env, org: &Org, count: usize, parent: Option<ItemId>) {
    let rows = (0..count).map(|n| {
        let at = now();
        item_row::ActiveModel {
            tenant_id: Set(org.id().as_uuid()),
            id: Set(ItemId::generate().as_uuid()),
            title: Set(format!("planted {n}")),
            title_key: Set(format!("planted {n}")),
            description: Set(None),
            status: Set("TODO".into()),
            priority: Set(Priority::Low.rank()),
            due_date: Set(None),
            estimated_hours: Set(None),
            actual_hours: Set(None),
            team_id: Set(None),
            parent_id: Set(parent.map(|p| p.as_uuid())),
            version: Set(1),
            created_by: Set(org.owner.id.as_uuid()),
            created_at: Set(at),
            updated_at: Set(at),
            completed_at: Set(None),
            deleted_at: Set(None),
            deletion_id: Set(None),
        }
    });
    item_row::Entity::insert_many(rows)
        .exec_without_returning(env.db.owner())
        .await
        .expect("items planted");
}
