//! Full-text search: over titles, descriptions and live comments, current
//! as soon as a write returns, within the tenant, ranked and paged.

use trellis_work::order::{ItemCursor, ItemOrder, ItemSort, RELEVANCE_WINDOW, SortDirection};
use trellis_work::{Comment, CommentId, ItemFilter, ItemId, ItemPageRequest, WorkPorts};

use super::support::*;
use crate::support::*;

fn searching(words: &str) -> ItemFilter {
    ItemFilter {
        search: Some(words.into()),
        ..ItemFilter::default()
    }
}

async fn found(work: &WorkPorts, org: &Org, words: &str) -> Vec<String> {
    let page = work
        .items
        .list(org.id(), &searching(words), &page_of(100))
        .await
        .expect("a search");
    let mut titles: Vec<String> = page.items.into_iter().map(|i| i.title).collect();
    titles.sort();
    titles
}

async fn comment_on(work: &WorkPorts, org: &Org, item: ItemId, body: &str) -> Comment {
    let comment = Comment {
        id: CommentId::generate(),
        tenant_id: org.id(),
        item_id: item,
        author_id: org.owner.id,
        body: body.into(),
        created_at: now(),
        updated_at: now(),
        edited_at: None,
    };
    work.comments
        .create(org.id(), &comment, &audit(org.id(), None, "comment.added"))
        .await
        .expect("comment added");
    comment
}

fn relevance(first: u32, after: Option<ItemCursor>) -> ItemPageRequest {
    ItemPageRequest {
        order: ItemOrder {
            sort: ItemSort::Relevance,
            direction: SortDirection::Desc,
        },
        first,
        after,
    }
}

contract!(search_finds_titles_descriptions_and_comments);
async fn search_finds_titles_descriptions_and_comments(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let mut described = item(&org, "Quarterly report");
    described.description = Some("Collect the invoices from finance".into());
    create(&work, &org, described).await;
    let commented = create(&work, &org, item(&org, "Fix login")).await;
    comment_on(
        &work,
        &org,
        commented.item.id,
        "Reproduced on the staging cluster",
    )
    .await;
    create(&work, &org, item(&org, "Deploy gateway")).await;

    assert_eq!(found(&work, &org, "gateway").await, ["Deploy gateway"]);
    assert_eq!(found(&work, &org, "INVOICES").await, ["Quarterly report"]);
    assert_eq!(found(&work, &org, "staging").await, ["Fix login"]);
    assert_eq!(
        found(&work, &org, "\"staging cluster\"").await,
        ["Fix login"]
    );
    assert_eq!(
        found(&work, &org, "gateway or login").await,
        ["Deploy gateway", "Fix login"]
    );
    assert!(found(&work, &org, "nothing-like-this").await.is_empty());
}

contract!(a_change_is_searchable_as_soon_as_it_is_written);
async fn a_change_is_searchable_as_soon_as_it_is_written(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let mut draft = item(&org, "Draft proposal");
    draft.description = None;
    let before = create(&work, &org, draft).await;
    let after = edited(&before, |item| item.title = "Final contract".into());
    update(&work, &org, &before, after).await;

    assert_eq!(found(&work, &org, "contract").await, ["Final contract"]);
    assert!(found(&work, &org, "proposal").await.is_empty());

    let note = comment_on(&work, &org, before.item.id, "waiting on legal").await;
    assert_eq!(found(&work, &org, "legal").await, ["Final contract"]);
    work.comments
        .delete(org.id(), note.id, &audit(org.id(), None, "comment.deleted"))
        .await
        .unwrap();
    assert!(found(&work, &org, "legal").await.is_empty());
}

contract!(deleted_items_and_other_tenants_items_are_never_found);
async fn deleted_items_and_other_tenants_items_are_never_found(env: Env) {
    let a = org(&env, "acme").await;
    let b = org(&env, "globex").await;
    let work = ports(&env);
    let gone = create(&work, &a, item(&a, "Obsolete migration")).await;
    try_delete(&work, &a, &gone.item).await.unwrap();
    create(&work, &a, item(&a, "Secret merger")).await;

    assert!(found(&work, &a, "obsolete").await.is_empty());
    assert!(found(&work, &b, "merger").await.is_empty());
    let ranked = work
        .items
        .list_ranked(b.id(), &searching("merger"), &relevance(10, None))
        .await
        .unwrap();
    assert!(ranked.items.is_empty());

    try_restore(&work, &a, &gone.item).await.unwrap();
    assert_eq!(found(&work, &a, "obsolete").await, ["Obsolete migration"]);
}

contract!(relevance_puts_a_full_title_match_first_and_pages_by_rank);
async fn relevance_puts_a_full_title_match_first_and_pages_by_rank(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let mut passing = item(&org, "Weekly sync");
    passing.description = Some(
        "Agenda: hiring, budget, the office move, and maybe the database upgrade plan \
         if time allows, plus anything else people bring along"
            .into(),
    );
    create(&work, &org, passing).await;
    create(&work, &org, item(&org, "Database upgrade plan")).await;
    for n in 0..3 {
        let mut other = item(&org, &format!("Upgrade note {n}"));
        other.description = Some("database".into());
        create(&work, &org, other).await;
    }

    let filter = searching("database upgrade plan");
    let all = work
        .items
        .list_ranked(org.id(), &filter, &relevance(10, None))
        .await
        .unwrap();
    let titles: Vec<&str> = all.items.iter().map(|(i, _)| i.title.as_str()).collect();
    assert_eq!(titles, ["Database upgrade plan", "Weekly sync"]);
    assert!(all.items[0].1 > all.items[1].1, "{:?}", all.items);

    // Paging: one row at a time walks the same order, with no repeats.
    let filter = searching("database or upgrade");
    let whole = work
        .items
        .list_ranked(org.id(), &filter, &relevance(10, None))
        .await
        .unwrap();
    assert_eq!(whole.items.len(), 5);
    let mut walked = Vec::new();
    let mut after = None;
    loop {
        let page = work
            .items
            .list_ranked(org.id(), &filter, &relevance(2, after))
            .await
            .unwrap();
        let (last, rank) = page.items.last().cloned().expect("a row");
        walked.extend(page.items.into_iter().map(|(item, _)| item.id));
        if !page.has_next_page {
            break;
        }
        after = Some(ItemCursor::ranked(&last, rank));
    }
    let expected: Vec<ItemId> = whole.items.iter().map(|(item, _)| item.id).collect();
    assert_eq!(walked, expected);
}

/// Every id of `filter`'s matches, by relevance or newest first, page by
/// page.
async fn walk(work: &WorkPorts, org: &Org, filter: &ItemFilter, ranked: bool) -> Vec<ItemId> {
    let mut ids = Vec::new();
    let mut after = None;
    loop {
        let (page, next) = if ranked {
            let page = work
                .items
                .list_ranked(org.id(), filter, &relevance(400, after))
                .await
                .unwrap();
            let next = page.items.last().map(|(i, r)| ItemCursor::ranked(i, *r));
            let more = page.has_next_page;
            (
                page.items.into_iter().map(|(i, _)| i.id).collect(),
                next.filter(|_| more),
            )
        } else {
            let mut request = page_of(400);
            request.after = after;
            let page = work.items.list(org.id(), filter, &request).await.unwrap();
            let next = page
                .items
                .last()
                .map(|i| ItemCursor::after(i, request.order.sort));
            let more = page.has_next_page;
            (
                page.items.into_iter().map(|i| i.id).collect::<Vec<_>>(),
                next.filter(|_| more),
            )
        };
        ids.extend(page);
        match next {
            Some(cursor) => after = Some(cursor),
            None => return ids,
        }
    }
}

contract!(relevance_ranks_the_newest_matches_of_a_search_too_broad_to_rank_whole);
async fn relevance_ranks_the_newest_matches_of_a_search_too_broad_to_rank_whole(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let window = usize::try_from(RELEVANCE_WINDOW).unwrap();
    plant(&env, &org, window + 7, None).await;

    let filter = searching("planted");
    let newest_first = walk(&work, &org, &filter, false).await;
    assert_eq!(newest_first.len(), window + 7);
    let ranked = walk(&work, &org, &filter, true).await;
    assert_eq!(ranked.len(), window);
    assert_eq!(sorted(ranked), sorted(newest_first[..window].to_vec()));
}
