//! Bulk edits: the size of a call, items named twice, a result per item
//! without `atomic`, and all or nothing with it.

use mockall::predicate::eq;
use trellis_kernel::{BuiltinRole, DomainError, TenantCtx};

use super::tests_support::*;
use super::{BulkEdit, ItemPatch, MAX_BULK_EDITS};
use crate::item::{ItemId, ItemState};
use crate::ports::BatchError;

fn edit(found: &ItemState, version: Option<i64>, title: &str) -> BulkEdit {
    BulkEdit {
        id: found.item.id,
        expected_version: version,
        patch: retitle(title),
    }
}

/// An item the caller's tenant has, findable through the mocks.
fn stored(mocks: &mut WorkMocks, ctx: &TenantCtx) -> ItemState {
    let found = state(item(ctx), vec![], vec![]);
    expect_find(mocks, ctx, &found);
    found
}

fn missing(mocks: &mut WorkMocks, ctx: &TenantCtx) -> BulkEdit {
    let id = ItemId::generate();
    mocks
        .items
        .expect_find()
        .with(eq(ctx.tenant_id), eq(id))
        .returning(|_, _| Ok(None));
    BulkEdit {
        id,
        expected_version: None,
        patch: retitle("Renamed"),
    }
}

#[tokio::test]
async fn without_atomic_each_item_gets_its_own_result_in_input_order() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    let good = stored(&mut mocks, &member);
    let stale = stored(&mut mocks, &member);
    let bad_title = stored(&mut mocks, &member);
    let unknown = missing(&mut mocks, &member);
    let good_id = good.item.id;
    mocks
        .items
        .expect_update()
        .withf(move |_, update, _, _| update.item.id == good_id && update.item.title == "Done")
        .times(1)
        .returning(|_, _, _, _| Ok(()));
    let edits = vec![
        edit(&good, Some(3), "Done"),
        edit(&stale, Some(2), "Too late"),
        edit(&bad_title, None, "   "),
        unknown,
    ];
    let results = work(mocks)
        .items
        .update_many(&member, edits, false)
        .await
        .unwrap();
    assert_eq!(results.len(), 4);
    let first = results[0].as_ref().unwrap();
    assert_eq!((first.id, first.version), (good_id, 4));
    assert!(matches!(
        results[1],
        Err(DomainError::StaleVersion { current: 3, .. })
    ));
    let mut rest = results.into_iter().skip(2);
    let title_error = rest.next().unwrap().unwrap_err();
    assert_eq!(fields(title_error), ["title"]);
    assert!(matches!(
        rest.next().unwrap(),
        Err(DomainError::NotFound { .. })
    ));
}

#[tokio::test]
async fn atomic_writes_every_change_in_one_call_to_the_store() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    let a = stored(&mut mocks, &member);
    let b = stored(&mut mocks, &member);
    let ids = [a.item.id, b.item.id];
    mocks
        .items
        .expect_update_many()
        .withf(move |_, changes| {
            changes.len() == 2
                && changes[0].update.item.id == ids[0]
                && changes[1].update.item.id == ids[1]
                && changes.iter().all(|c| {
                    c.audit.action == "item.updated"
                        && c.activity.item_id == c.update.item.id
                        && c.update.item.version == 4
                })
        })
        .times(1)
        .returning(|_, _| Ok(()));
    let results = work(mocks)
        .items
        .update_many(
            &member,
            vec![edit(&a, None, "A"), edit(&b, Some(3), "B")],
            true,
        )
        .await
        .unwrap();
    let titles: Vec<String> = results.into_iter().map(|r| r.unwrap().title).collect();
    assert_eq!(titles, ["A", "B"]);
}

#[tokio::test]
async fn atomic_with_one_bad_patch_writes_nothing_and_names_its_place() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    let good = stored(&mut mocks, &member);
    let bad = stored(&mut mocks, &member);
    // No write is expected: a call to the store would panic.
    let err = work(mocks)
        .items
        .update_many(
            &member,
            vec![edit(&good, None, "Fine"), edit(&bad, None, "")],
            true,
        )
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["items[1].patch.title"]);
}

#[tokio::test]
async fn atomic_names_a_missing_item_and_a_stale_one_by_their_place() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    let unknown = missing(&mut mocks, &member);
    let err = work(mocks)
        .items
        .update_many(&member, vec![unknown], true)
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "items[0].id".to_owned(),
            "names no item of this tenant".to_owned()
        )]
    );

    let mut mocks = WorkMocks::default();
    let good = stored(&mut mocks, &member);
    let stale = stored(&mut mocks, &member);
    let err = work(mocks)
        .items
        .update_many(
            &member,
            vec![edit(&good, None, "x"), edit(&stale, Some(1), "y")],
            true,
        )
        .await
        .unwrap_err();
    let DomainError::Conflict(message) = err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(message.starts_with("items[1]: "), "{message}");
    assert!(message.contains("version 3"), "{message}");
}

#[tokio::test]
async fn atomic_maps_a_change_the_store_refuses_to_its_input_place() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    let unchanged = stored(&mut mocks, &member);
    let changed = stored(&mut mocks, &member);
    mocks.items.expect_update_many().times(1).returning(|_, _| {
        Err(BatchError {
            index: Some(0),
            error: DomainError::StaleVersion {
                entity: "item",
                current: 7,
            },
        })
    });
    // The first edit changes nothing, so the store's change 0 is input 1.
    let same_title = unchanged.item.title.clone();
    let err = work(mocks)
        .items
        .update_many(
            &member,
            vec![
                edit(&unchanged, None, &same_title),
                edit(&changed, None, "New"),
            ],
            true,
        )
        .await
        .unwrap_err();
    assert!(err.to_string().starts_with("items[1]: "), "{err}");
}

#[tokio::test]
async fn the_size_of_a_call_is_checked_before_anything_is_read() {
    let member = ctx(BuiltinRole::Member);
    let none = work(WorkMocks::default())
        .items
        .update_many(&member, vec![], false)
        .await
        .unwrap_err();
    assert_eq!(fields(none), ["items"]);
    let too_many: Vec<BulkEdit> = (0..=MAX_BULK_EDITS)
        .map(|_| BulkEdit {
            id: ItemId::generate(),
            expected_version: None,
            patch: ItemPatch::default(),
        })
        .collect();
    let err = work(WorkMocks::default())
        .items
        .update_many(&member, too_many, true)
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["items"]);
}

#[tokio::test]
async fn an_item_named_twice_is_refused_on_its_second_place() {
    let member = ctx(BuiltinRole::Member);
    let one = state(item(&member), vec![], vec![]);
    let edits = vec![
        edit(&one, None, "a"),
        edit(&state(item(&member), vec![], vec![]), None, "b"),
        edit(&one, None, "c"),
    ];
    let err = work(WorkMocks::default())
        .items
        .update_many(&member, edits, false)
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "items[2].id".to_owned(),
            "names the same item as items[0]".to_owned()
        )]
    );
}

#[tokio::test]
async fn a_viewer_cannot_edit_in_bulk() {
    let viewer = ctx(BuiltinRole::Viewer);
    let one = state(item(&viewer), vec![], vec![]);
    let err = work(WorkMocks::default())
        .items
        .update_many(&viewer, vec![edit(&one, None, "x")], false)
        .await
        .unwrap_err();
    assert_forbidden(&err, "items.update");
}
