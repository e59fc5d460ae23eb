//! Builders shared by the Work use-case tests: the product over mocks on a
//! fixed clock, callers, sample teams, tags and items, and readers of the
//! errors and history entries the use cases produce.

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use mockall::predicate::eq;
use trellis_kernel::testing::ctx_in;
use trellis_kernel::{BuiltinRole, DomainError, FixedClock, TenantCtx, TenantId, UserId};

pub use crate::testing::WorkMocks;

use super::{CreateItem, ItemPatch};
use crate::activity::{Activity, FieldChange};
use crate::item::{Item, ItemId, ItemState, ItemStatus, Priority};
use crate::product::Work;
use crate::tag::{Color, Tag, TagId};
use crate::team::{Team, TeamId};

/// What the clock says during every test.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

/// When the sample objects were made and last changed: before [`now`], so
/// that a change shows in their stamps.
pub fn earlier() -> DateTime<Utc> {
    now() - Duration::days(2)
}

/// The Work use cases over `mocks`, on a clock fixed at [`now`].
pub fn work(mocks: WorkMocks) -> Work {
    Work::new(mocks.into_ports(), Arc::new(FixedClock::new(now())))
}

/// A member of a fresh tenant holding `role`.
pub fn ctx(role: BuiltinRole) -> TenantCtx {
    ctx_in(TenantId::generate(), role)
}

/// An item of the caller's tenant made by someone else two days ago, on
/// its third version.
pub fn item(ctx: &TenantCtx) -> Item {
    Item {
        id: ItemId::generate(),
        tenant_id: ctx.tenant_id,
        title: "Ship the release".into(),
        description: Some("Tag, build, announce.".into()),
        status: ItemStatus::InProgress,
        priority: Priority::High,
        due_date: None,
        estimated_hours: Some(4.0),
        actual_hours: None,
        team_id: None,
        parent_id: None,
        version: 3,
        created_by: UserId::generate(),
        created_at: earlier(),
        updated_at: earlier(),
        completed_at: None,
    }
}

pub fn state(item: Item, assignee_ids: Vec<UserId>, tag_ids: Vec<TagId>) -> ItemState {
    ItemState {
        item,
        assignee_ids,
        tag_ids,
    }
}

pub fn team(tenant: TenantId, name: &str) -> Team {
    Team {
        id: TeamId::generate(),
        tenant_id: tenant,
        name: name.into(),
        description: None,
        created_at: earlier(),
        updated_at: earlier(),
    }
}

pub fn tag(tenant: TenantId, name: &str) -> Tag {
    Tag {
        id: TagId::generate(),
        tenant_id: tenant,
        name: name.into(),
        color: Color::parse("color", "#1c7ed6").expect("a valid colour"),
        created_at: earlier(),
        updated_at: earlier(),
    }
}

pub fn new_item(title: &str) -> CreateItem {
    CreateItem {
        title: title.into(),
        ..CreateItem::default()
    }
}

/// A patch that renames an item and leaves the rest.
pub fn retitle(title: &str) -> ItemPatch {
    ItemPatch {
        title: Some(title.into()),
        ..ItemPatch::default()
    }
}

/// Lets the item store find `found` in the caller's tenant, as often as asked;
/// a lookup in any other tenant or of any other id matches nothing.
pub fn expect_find(mocks: &mut WorkMocks, ctx: &TenantCtx, found: &ItemState) {
    let found = found.clone();
    mocks
        .items
        .expect_find()
        .with(eq(ctx.tenant_id), eq(found.item.id))
        .returning(move |_, _| Ok(Some(found.clone())));
}

/// The `(field, message)` pairs of a validation error, in order.
pub fn field_errors(err: DomainError) -> Vec<(String, String)> {
    match err {
        DomainError::Validation(fields) => fields
            .into_iter()
            .map(|error| (error.field, error.message))
            .collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// The fields a validation error names, in order.
pub fn fields(err: DomainError) -> Vec<String> {
    field_errors(err)
        .into_iter()
        .map(|(field, _)| field)
        .collect()
}

pub fn assert_forbidden(err: &DomainError, permission: &str) {
    assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
    assert!(err.to_string().contains(permission), "{err}");
}

/// The entry's change of `field`, if it has one.
pub fn change<'a>(activity: &'a Activity, field: &str) -> Option<&'a FieldChange> {
    activity.changes.iter().find(|change| change.field == field)
}

/// The fields an entry says changed, in its order.
pub fn changed(activity: &Activity) -> Vec<&str> {
    activity
        .changes
        .iter()
        .map(|change| change.field.as_str())
        .collect()
}

/// Ids as the history lists them: as text, sorted.
pub fn strings<T: ToString>(ids: &[T]) -> Vec<String> {
    let mut out: Vec<String> = ids.iter().map(ToString::to_string).collect();
    out.sort();
    out
}

/// A file handed over in pieces of `piece` bytes and said to be `size`
/// long, as the gateway hands over an upload.
pub fn upload_of(
    name: &str,
    declared: Option<&str>,
    content: &[u8],
    size: u64,
    piece: usize,
) -> super::NewFile {
    let pieces: Vec<trellis_kernel::DomainResult<bytes::Bytes>> = content
        .chunks(piece)
        .map(|piece| Ok(bytes::Bytes::copy_from_slice(piece)))
        .collect();
    super::NewFile {
        filename: name.into(),
        declared_type: declared.map(str::to_owned),
        size,
        content: Box::pin(futures_util::stream::iter(pieces)),
    }
}

/// Reads what a file store is given to its end, as the adapter does.
pub fn drain(content: crate::ports::ByteStream) -> trellis_kernel::DomainResult<Vec<u8>> {
    use futures_util::{FutureExt, TryStreamExt};
    let pieces: Vec<bytes::Bytes> = content
        .try_collect()
        .now_or_never()
        .expect("the pieces are ready")?;
    Ok(pieces.concat())
}
