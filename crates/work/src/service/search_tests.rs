//! Searching items: the words are bounded, and ranking needs words.

use trellis_kernel::{BuiltinRole, Page};

use super::tests_support::*;
use crate::item::ItemFilter;
use crate::order::{ItemOrder, ItemPageRequest, ItemSort, SortDirection};

fn by_relevance() -> ItemPageRequest {
    let order = ItemOrder {
        sort: ItemSort::Relevance,
        direction: SortDirection::Desc,
    };
    ItemPageRequest::first(order, 20)
}

fn searching(words: &str) -> ItemFilter {
    ItemFilter {
        search: Some(words.into()),
        ..ItemFilter::default()
    }
}

#[tokio::test]
async fn an_overlong_search_is_refused_on_filter_search_and_nothing_read() {
    let viewer = ctx(BuiltinRole::Viewer);
    let err = work(WorkMocks::default())
        .items
        .list(&viewer, &searching(&"a".repeat(201)), &by_relevance())
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["filter.search"]);
}

#[tokio::test]
async fn relevance_without_a_search_is_refused_on_order_by() {
    let viewer = ctx(BuiltinRole::Viewer);
    let app = work(WorkMocks::default());
    let err = app
        .items
        .list(&viewer, &ItemFilter::default(), &by_relevance())
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["orderBy"]);
    let err = app
        .items
        .list_ranked(&viewer, &ItemFilter::default(), &by_relevance())
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["orderBy"]);
}

#[tokio::test]
async fn a_ranked_page_keeps_each_items_rank() {
    let viewer = ctx(BuiltinRole::Viewer);
    let found = item(&viewer);
    let page = Page {
        items: vec![(found.clone(), 0.75)],
        has_next_page: false,
    };
    let mut mocks = WorkMocks::default();
    mocks
        .items
        .expect_list_ranked()
        .withf(|_, filter, _| filter.search.as_deref() == Some("release"))
        .times(1)
        .returning(move |_, _, _| Ok(page.clone()));
    let ranked = work(mocks)
        .items
        .list_ranked(&viewer, &searching("release"), &by_relevance())
        .await
        .unwrap();
    assert_eq!(ranked.items, [(found, 0.75)]);
}

#[tokio::test]
async fn a_ranked_list_refuses_contradicting_filters_as_any_list_does() {
    let viewer = ctx(BuiltinRole::Viewer);
    let filter = ItemFilter {
        top_level_only: true,
        parent_id: Some(item(&viewer).id),
        ..searching("release")
    };
    let err = work(WorkMocks::default())
        .items
        .list_ranked(&viewer, &filter, &by_relevance())
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["filter.topLevelOnly"]);
}
