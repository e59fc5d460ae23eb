//! Keyset paging through every order of the item list, both ways: the
//! pages put together are the whole list in order, ties broken by id and
//! undated items last.

use std::cmp::Ordering;

use chrono::Duration;
use trellis_kernel::DomainError;
use trellis_work::order::{ItemCursor, ItemOrder, ItemSort, SortDirection};
use trellis_work::{Item, ItemFilter, ItemPageRequest, Priority, WorkPorts};

use super::support::*;
use crate::support::*;

/// Ten items with ties in every order: equal update times, equal due
/// dates, undated ones, equal priorities and titles equal but for case.
async fn stock(work: &WorkPorts, org: &Org) -> Vec<Item> {
    let base = now();
    let rows: [(&str, Priority, Option<&str>, i64); 10] = [
        ("banana", Priority::Low, Some("2027-01-02"), 1),
        ("Apple", Priority::High, None, 1),
        ("apple", Priority::High, Some("2027-01-02"), 2),
        ("cherry", Priority::Medium, None, 2),
        ("date", Priority::Urgent, Some("2027-01-01"), 3),
        ("Elder", Priority::Low, None, 1),
        ("fig", Priority::Medium, Some("2027-01-05"), 3),
        ("grape", Priority::High, Some("2027-01-02"), 4),
        ("banana", Priority::Low, None, 5),
        ("kiwi", Priority::Urgent, Some("2027-01-05"), 1),
    ];
    let mut items = Vec::new();
    for (title, priority, due, seconds) in rows {
        let mut item = item(org, title);
        item.priority = priority;
        item.due_date = due.map(day);
        item.updated_at = base + Duration::seconds(seconds);
        items.push(create(work, org, item).await.item);
    }
    items
}

fn expected(items: &[Item], order: ItemOrder) -> Vec<Item> {
    let mut sorted = items.to_vec();
    let desc = order.direction == SortDirection::Desc;
    let directed = |ordering: Ordering| if desc { ordering.reverse() } else { ordering };
    sorted.sort_by(|x, y| match order.sort {
        ItemSort::CreatedAt => directed(x.id.cmp(&y.id)),
        ItemSort::UpdatedAt => directed((x.updated_at, x.id).cmp(&(y.updated_at, y.id))),
        ItemSort::Priority => directed((x.priority.rank(), x.id).cmp(&(y.priority.rank(), y.id))),
        ItemSort::Title => {
            directed((x.title.to_lowercase(), x.id).cmp(&(y.title.to_lowercase(), y.id)))
        }
        ItemSort::DueDate => match (x.due_date, y.due_date) {
            (Some(a), Some(b)) => directed((a, x.id).cmp(&(b, y.id))),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => directed(x.id.cmp(&y.id)),
        },
        ItemSort::Relevance => unreachable!("ranked by a search: see `search.rs`"),
    });
    sorted
}

/// Every page of `first` items in `order`; how many pages there were.
async fn every_page(
    work: &WorkPorts,
    org: &Org,
    filter: &ItemFilter,
    order: ItemOrder,
    first: u32,
) -> (Vec<Item>, usize) {
    let mut seen = Vec::new();
    let mut after = None;
    for pages in 1..50 {
        let request = ItemPageRequest {
            order,
            first,
            after,
        };
        let page = work.items.list(org.id(), filter, &request).await.unwrap();
        assert!(page.items.len() <= first as usize);
        seen.extend(page.items.iter().cloned());
        if !page.has_next_page {
            return (seen, pages);
        }
        after = Some(ItemCursor::after(
            page.items.last().expect("a full page"),
            order.sort,
        ));
    }
    panic!("{order:?} never ends");
}

const SORTS: [ItemSort; 5] = [
    ItemSort::CreatedAt,
    ItemSort::UpdatedAt,
    ItemSort::DueDate,
    ItemSort::Priority,
    ItemSort::Title,
];

contract!(every_order_pages_through_the_whole_list_both_ways);
async fn every_order_pages_through_the_whole_list_both_ways(env: Env) {
    let org = org(&env, "acme").await;
    let other = org_on(&env, "globex", trellis_tenancy::Plan::Pro).await;
    let work = ports(&env);
    let items = stock(&work, &org).await;
    let gone = create(&work, &org, item(&org, "gone")).await;
    try_delete(&work, &org, &gone.item).await.unwrap();
    create(&work, &other, item(&other, "theirs")).await;

    for sort in SORTS {
        for direction in [SortDirection::Asc, SortDirection::Desc] {
            let order = ItemOrder { sort, direction };
            let (seen, pages) = every_page(&work, &org, &ItemFilter::default(), order, 3).await;
            let titles = |list: &[Item]| list.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
            let want = expected(&items, order);
            assert_eq!(titles(&seen), titles(&want), "{order:?}");
            assert_eq!(seen, want, "{order:?}");
            assert_eq!(pages, 4, "{order:?}");
        }
    }
}

contract!(a_filtered_list_pages_by_keyset_too);
async fn a_filtered_list_pages_by_keyset_too(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let items = stock(&work, &org).await;
    let filter = ItemFilter {
        priority: Some(vec![Priority::Low, Priority::High]),
        ..Default::default()
    };
    let kept: Vec<Item> = items
        .into_iter()
        .filter(|i| matches!(i.priority, Priority::Low | Priority::High))
        .collect();
    for direction in [SortDirection::Asc, SortDirection::Desc] {
        let order = ItemOrder {
            sort: ItemSort::DueDate,
            direction,
        };
        let (seen, pages) = every_page(&work, &org, &filter, order, 2).await;
        assert_eq!(seen, expected(&kept, order), "{order:?}");
        assert_eq!(pages, 3, "{order:?}");
    }
}

contract!(a_cursor_of_another_order_is_refused);
async fn a_cursor_of_another_order_is_refused(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let first = create(&work, &org, item(&org, "first")).await.item;
    let request = ItemPageRequest {
        order: ItemOrder {
            sort: ItemSort::Title,
            direction: SortDirection::Asc,
        },
        first: 10,
        after: Some(ItemCursor::after(&first, ItemSort::Priority)),
    };
    let err = work
        .items
        .list(org.id(), &ItemFilter::default(), &request)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Validation(_)) && err.to_string().contains("after"),
        "{err}"
    );
}
