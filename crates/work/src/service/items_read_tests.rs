//! Reading items and their history: who may, and the filters that
//! contradict themselves.

use chrono::Duration;
use mockall::predicate::eq;
use trellis_kernel::{BuiltinRole, DomainError, Page, PageRequest, UserId};

use super::tests_support::*;
use crate::activity::ActivityFilter;
use crate::item::{ItemFilter, ItemId, Progress};
use crate::order::{ItemOrder, ItemPageRequest};
use crate::ports::{ItemRelations, ListedItem};

fn first_page() -> ItemPageRequest {
    ItemPageRequest::first(ItemOrder::default(), 20)
}

#[tokio::test]
async fn a_viewer_reads_items_their_relations_and_their_history() {
    let viewer = ctx(BuiltinRole::Viewer);
    let tenant = viewer.tenant_id;
    let found = item(&viewer);
    let id = found.id;
    let ada = UserId::generate();
    let label = tag(tenant, "ops");
    let mut mocks = WorkMocks::default();
    let one = found.clone();
    mocks
        .items
        .expect_find_many()
        .with(eq(tenant), eq(vec![id]))
        .returning(move |_, _| Ok(vec![one.clone()]));
    let page = Page {
        items: vec![found.clone()],
        has_next_page: false,
    };
    mocks
        .items
        .expect_list()
        .withf(move |t, _, _| *t == tenant)
        .times(1)
        .returning(move |_, _, _| Ok(page.clone()));
    mocks
        .items
        .expect_assignees()
        .with(eq(tenant), eq(vec![id]))
        .returning(move |_, _| Ok(vec![(id, ada)]));
    let labelled = label.clone();
    mocks
        .items
        .expect_tags()
        .with(eq(tenant), eq(vec![id]))
        .returning(move |_, _| Ok(vec![(id, labelled.clone())]));
    let progress = Progress { total: 4, done: 1 };
    mocks
        .items
        .expect_progress()
        .with(eq(tenant), eq(vec![id]))
        .returning(move |_, _| Ok(vec![(id, progress)]));
    mocks
        .activity
        .expect_list()
        .withf(move |t, _, _| *t == tenant)
        .times(1)
        .returning(|_, _, _| {
            Ok(Page {
                items: Vec::new(),
                has_next_page: false,
            })
        });
    let work = work(mocks);

    assert_eq!(work.items.get(&viewer, id).await.unwrap(), found);
    assert_eq!(
        work.items.get_many(&viewer, &[id]).await.unwrap(),
        std::slice::from_ref(&found)
    );
    let listed = work
        .items
        .list(&viewer, &ItemFilter::default(), &first_page())
        .await
        .unwrap();
    assert_eq!(listed.items, [found]);
    assert_eq!(
        work.items.assignees(&viewer, &[id]).await.unwrap(),
        [(id, ada)]
    );
    assert_eq!(
        work.items.tags(&viewer, &[id]).await.unwrap(),
        [(id, label)]
    );
    assert_eq!(
        work.items.progress(&viewer, &[id]).await.unwrap(),
        [(id, progress)]
    );
    let history = work
        .items
        .activity(&viewer, &ActivityFilter::default(), PageRequest::first(20))
        .await
        .unwrap();
    assert!(history.items.is_empty());
}

#[tokio::test]
async fn an_item_the_tenant_does_not_have_is_not_found() {
    let viewer = ctx(BuiltinRole::Viewer);
    let id = ItemId::generate();
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_find_many()
        .with(eq(viewer.tenant_id), eq(vec![id]))
        .returning(|_, _| Ok(Vec::new()));
    let err = work(mocks).items.get(&viewer, id).await.unwrap_err();
    assert!(
        matches!(err, DomainError::NotFound { entity: "item" }),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_list_of_unassigned_items_of_one_assignee_is_refused_on_unassigned() {
    let viewer = ctx(BuiltinRole::Viewer);
    let filter = ItemFilter {
        unassigned: true,
        assignee_id: Some(UserId::generate()),
        ..ItemFilter::default()
    };
    let err = work(WorkMocks::default())
        .items
        .list(&viewer, &filter, &first_page())
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(err),
        [(
            "filter.unassigned".to_owned(),
            "cannot be combined with filter.assigneeId".to_owned()
        )]
    );
}

#[tokio::test]
async fn a_list_of_top_level_items_under_a_parent_is_refused_on_top_level_only() {
    let viewer = ctx(BuiltinRole::Viewer);
    let filter = ItemFilter {
        top_level_only: true,
        parent_id: Some(ItemId::generate()),
        ..ItemFilter::default()
    };
    let err = work(WorkMocks::default())
        .items
        .list(&viewer, &filter, &first_page())
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["filter.topLevelOnly"]);
}

#[tokio::test]
async fn a_list_passes_its_filter_and_page_to_the_store() {
    let viewer = ctx(BuiltinRole::Viewer);
    let filter = ItemFilter {
        unassigned: true,
        top_level_only: true,
        ..ItemFilter::default()
    };
    let page = first_page();
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_list()
        .with(eq(viewer.tenant_id), eq(filter.clone()), eq(page.clone()))
        .times(1)
        .returning(|_, _, _| {
            Ok(Page {
                items: Vec::new(),
                has_next_page: true,
            })
        });
    let listed = work(mocks)
        .items
        .list(&viewer, &filter, &page)
        .await
        .unwrap();
    assert!(listed.has_next_page);
}

#[tokio::test]
async fn a_list_with_relations_is_checked_as_a_list_is_and_asks_the_store_for_them() {
    let viewer = ctx(BuiltinRole::Viewer);
    let with = ItemRelations {
        tags: true,
        ..ItemRelations::ITEMS
    };
    let refused = ItemFilter {
        top_level_only: true,
        parent_id: Some(ItemId::generate()),
        ..ItemFilter::default()
    };
    let err = work(WorkMocks::default())
        .items
        .list_with(&viewer, &refused, &first_page(), with)
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["filter.topLevelOnly"]);

    let found = item(&viewer);
    let label = tag(viewer.tenant_id, "ops");
    let listed = ListedItem {
        item: found.clone(),
        tags: Some(vec![label]),
        creator: None,
    };
    let mut mocks = WorkMocks::default();
    let page = Page {
        items: vec![listed.clone()],
        has_next_page: false,
    };
    mocks
        .items
        .expect_list_with()
        .with(
            eq(viewer.tenant_id),
            eq(ItemFilter::default()),
            eq(first_page()),
            eq(with),
        )
        .times(1)
        .returning(move |_, _, _, _| Ok(page.clone()));
    let page = work(mocks)
        .items
        .list_with(&viewer, &ItemFilter::default(), &first_page(), with)
        .await
        .unwrap();
    assert_eq!(page.items, [listed]);
}

#[tokio::test]
async fn history_until_before_since_is_refused_and_one_instant_is_read() {
    let viewer = ctx(BuiltinRole::Viewer);
    let backwards = ActivityFilter {
        since: Some(now()),
        until: Some(now() - Duration::seconds(1)),
        ..ActivityFilter::default()
    };
    let instant = ActivityFilter {
        since: Some(now()),
        until: Some(now()),
        ..ActivityFilter::default()
    };
    let mut mocks = WorkMocks::default();
    mocks
        .activity
        .expect_list()
        .with(
            eq(viewer.tenant_id),
            eq(instant.clone()),
            eq(PageRequest::first(20)),
        )
        .times(1)
        .returning(|_, _, _| {
            Ok(Page {
                items: Vec::new(),
                has_next_page: false,
            })
        });
    let work = work(mocks);
    let err = work
        .items
        .activity(&viewer, &backwards, PageRequest::first(20))
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["filter.until"]);
    work.items
        .activity(&viewer, &instant, PageRequest::first(20))
        .await
        .unwrap();
}

#[tokio::test]
async fn history_of_a_field_items_do_not_have_is_refused_naming_the_fields_they_do() {
    let viewer = ctx(BuiltinRole::Viewer);
    let unknown = ActivityFilter {
        field: Some("colour".into()),
        ..ActivityFilter::default()
    };
    let known = ActivityFilter {
        field: Some("assigneeIds".into()),
        ..ActivityFilter::default()
    };
    let mut mocks = WorkMocks::default();
    mocks
        .activity
        .expect_list()
        .with(
            eq(viewer.tenant_id),
            eq(known.clone()),
            eq(PageRequest::first(5)),
        )
        .times(1)
        .returning(|_, _, _| {
            Ok(Page {
                items: Vec::new(),
                has_next_page: false,
            })
        });
    let work = work(mocks);
    let err = work
        .items
        .activity(&viewer, &unknown, PageRequest::first(5))
        .await
        .unwrap_err();
    let errors = field_errors(err);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (field, message) = &errors[0];
    assert_eq!(field, "filter.field");
    assert!(
        message.contains("title") && message.contains("tagIds"),
        "{message}"
    );
    work.items
        .activity(&viewer, &known, PageRequest::first(5))
        .await
        .unwrap();
}

#[tokio::test]
async fn reading_takes_items_read() {
    // A role that reads nothing: no permission at all.
    let mut nobody = ctx(BuiltinRole::Viewer);
    nobody.permissions.clear();
    nobody.role = "NOBODY".into();
    let work = work(WorkMocks::default());
    let id = ItemId::generate();
    for err in [
        work.items.get(&nobody, id).await.unwrap_err(),
        work.items
            .list(&nobody, &ItemFilter::default(), &first_page())
            .await
            .unwrap_err(),
        work.items
            .activity(&nobody, &ActivityFilter::default(), PageRequest::first(1))
            .await
            .unwrap_err(),
    ] {
        assert_forbidden(&err, "items.read");
    }
}
