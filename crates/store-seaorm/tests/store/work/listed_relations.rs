//! A page read with its relations: on PostgreSQL the page's statement
//! reads each item's live tags and its creator, equal to what the batched
//! lookups give, in every order and across the due-date order's two
//! ranges; SQLite leaves them to those lookups.

use sea_orm::DbBackend;
use trellis_migration::{Migrator, MigratorTrait};
use trellis_work::order::{ItemCursor, ItemOrder, ItemSort, SortDirection};
use trellis_work::ports::{ItemRelations, ListedItem};
use trellis_work::{ItemFilter, ItemPageRequest, ItemStatus, Priority, WorkPorts};

use super::support::*;
use crate::support::*;

const BOTH: ItemRelations = ItemRelations {
    tags: true,
    creators: true,
    descriptions: true,
};

/// Every item of `sort`, two at a time, with `with`.
async fn walk(work: &WorkPorts, org: &Org, sort: ItemSort, with: ItemRelations) -> Vec<ListedItem> {
    let order = ItemOrder {
        sort,
        direction: SortDirection::Asc,
    };
    let mut listed = Vec::new();
    let mut request = ItemPageRequest::first(order, 2);
    loop {
        let page = work
            .items
            .list_with(org.id(), &ItemFilter::default(), &request, with)
            .await
            .expect("a page");
        let last = page.items.last().map(|l| ItemCursor::after(&l.item, sort));
        listed.extend(page.items);
        match last.filter(|_| page.has_next_page) {
            Some(cursor) => request.after = Some(cursor),
            None => return listed,
        }
    }
}

contract!(a_page_reads_tags_and_creators_as_the_lookups_do_in_every_order);
async fn a_page_reads_tags_and_creators_as_the_lookups_do_in_every_order(env: Env) {
    let along = env.db.owner().get_database_backend() == DbBackend::Postgres;
    let work = ports(&env);
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = join(&env, &acme, "ada@acme.test", "MEMBER").await;
    let beta = add_tag(&work, &acme, "beta").await;
    let alpha = add_tag(&work, &acme, "Alpha").await;
    let gone = add_tag(&work, &acme, "gone").await;
    let team = add_team(&work, &acme, "Platform").await;
    let mut first = None;
    for n in 0..7_usize {
        let mut item = item(&acme, &format!("item {n}"));
        item.due_date = (n % 2 == 0).then(|| day("2027-01-01") + chrono::Duration::days(n as i64));
        if n % 3 == 1 {
            item.created_by = ada.id;
        }
        // Every column of an item differs somewhere on the page, so that
        // one read into another's place shows.
        item.actual_hours = (n % 2 == 1).then_some(n as f64);
        item.updated_at = item.created_at + chrono::Duration::minutes(n as i64);
        if n == 3 {
            item.status = ItemStatus::Done;
            item.priority = Priority::Urgent;
            item.completed_at = Some(item.updated_at);
            item.team_id = Some(team.id);
            item.version = 4;
        }
        item.parent_id = first.filter(|_| n > 4);
        first = first.or(Some(item.id));
        let tags = match n % 3 {
            0 => vec![beta.id, alpha.id, gone.id],
            1 => vec![beta.id],
            _ => Vec::new(),
        };
        try_create(&work, &acme, item, Vec::new(), tags)
            .await
            .expect("item created");
    }
    create(&work, &globex, item(&globex, "theirs")).await;
    work.tags
        .delete(acme.id(), gone.id, &audit(acme.id(), None, "tag.deleted"))
        .await
        .expect("tag deleted");

    for sort in [ItemSort::CreatedAt, ItemSort::DueDate, ItemSort::Title] {
        let alone = walk(&work, &acme, sort, ItemRelations::ITEMS).await;
        let listed = walk(&work, &acme, sort, BOTH).await;
        assert_eq!(listed.len(), 7, "{sort:?}");
        let items: Vec<_> = listed.iter().map(|l| l.item.clone()).collect();
        let expected: Vec<_> = alone.iter().map(|l| l.item.clone()).collect();
        assert_eq!(items, expected, "{sort:?}");
        assert!(
            alone
                .iter()
                .all(|l| l.tags.is_none() && l.creator.is_none())
        );
        if !along {
            assert!(
                listed
                    .iter()
                    .all(|l| l.tags.is_none() && l.creator.is_none())
            );
            continue;
        }
        assert_as_lookups(&work, &acme, &listed).await;
        // The lookups' order is by name, ignoring case; the deleted tag is gone.
        let first_tagged = listed
            .iter()
            .find(|l| l.tags.as_ref().is_some_and(|t| t.len() > 1));
        let names: Vec<_> = first_tagged
            .and_then(|l| l.tags.as_ref())
            .map(|tags| tags.iter().map(|t| t.name.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(names, ["Alpha", "beta"]);
    }
}

/// Each of `listed` has the tags and creator the batched lookups give.
async fn assert_as_lookups(work: &WorkPorts, org: &Org, listed: &[ListedItem]) {
    let ids: Vec<_> = listed.iter().map(|l| l.item.id).collect();
    let tags = work.items.tags(org.id(), &ids).await.expect("tags");
    let creators: Vec<_> = listed.iter().map(|l| l.item.created_by).collect();
    let people = work
        .members
        .people(org.id(), &creators)
        .await
        .expect("people");
    for listed in listed {
        let own: Vec<_> = tags
            .iter()
            .filter(|(item, _)| *item == listed.item.id)
            .map(|(_, tag)| tag.clone())
            .collect();
        assert_eq!(listed.tags.as_ref(), Some(&own), "{}", listed.item.title);
        let creator = people.iter().find(|p| p.id == listed.item.created_by);
        assert_eq!(
            listed.creator.as_ref(),
            Some(&creator.cloned()),
            "{}",
            listed.item.title
        );
    }
}

/// The tag names of each of `listed`, by title.
fn names(listed: &[ListedItem]) -> Vec<(String, Vec<String>)> {
    let mut names: Vec<_> = listed
        .iter()
        .map(|l| {
            let tags = l.tags.iter().flatten().map(|t| t.name.clone()).collect();
            (l.item.title.clone(), tags)
        })
        .collect();
    names.sort();
    names
}

contract!(a_page_reads_the_tags_as_every_change_of_them_left_them);
async fn a_page_reads_the_tags_as_every_change_of_them_left_them(env: Env) {
    let backend = env.db.owner().get_database_backend();
    let work = ports(&env);
    let acme = org(&env, "acme").await;
    let red = add_tag(&work, &acme, "red").await;
    let green = add_tag(&work, &acme, "green").await;
    let blue = add_tag(&work, &acme, "blue").await;
    try_create(
        &work,
        &acme,
        item(&acme, "both"),
        Vec::new(),
        vec![red.id, green.id],
    )
    .await
    .expect("item created");
    let swapped = try_create(
        &work,
        &acme,
        item(&acme, "swapped"),
        Vec::new(),
        vec![red.id],
    )
    .await
    .expect("item created");
    let cleared = try_create(
        &work,
        &acme,
        item(&acme, "cleared"),
        Vec::new(),
        vec![blue.id],
    )
    .await
    .expect("item created");
    let mut after = swapped.clone();
    after.tag_ids = vec![blue.id, green.id];
    update(&work, &acme, &swapped, after).await;
    let mut after = cleared.clone();
    after.tag_ids = Vec::new();
    update(&work, &acme, &cleared, after).await;
    // A deleted tag leaves every page.
    let deleting = audit(acme.id(), None, "tag.deleted");
    work.tags
        .delete(acme.id(), green.id, &deleting)
        .await
        .expect("tag deleted");
    let listed = walk(&work, &acme, ItemSort::CreatedAt, BOTH).await;
    if backend != DbBackend::Postgres {
        assert!(listed.iter().all(|l| l.tags.is_none()));
        return;
    }
    assert_as_lookups(&work, &acme, &listed).await;
    let expected = vec![
        ("both".to_owned(), vec!["red".to_owned()]),
        ("cleared".to_owned(), Vec::new()),
        ("swapped".to_owned(), vec!["blue".to_owned()]),
    ];
    assert_eq!(names(&listed), expected);

    // Items written before each item carried its tags' ids get them when
    // the schema adds them.
    let db = env.db.owner();
    Migrator::down(db, Some(1))
        .await
        .expect("migration reverted");
    Migrator::up(db, None).await.expect("migration applied");
    let listed = walk(&work, &acme, ItemSort::CreatedAt, BOTH).await;
    assert_eq!(names(&listed), expected);
    assert_as_lookups(&work, &acme, &listed).await;
}

contract!(a_page_reads_descriptions_only_when_asked_in_every_order);
async fn a_page_reads_descriptions_only_when_asked_in_every_order(env: Env) {
    let work = ports(&env);
    let acme = org(&env, "acme").await;
    for n in 0..5_usize {
        let mut item = item(&acme, &format!("item {n}"));
        item.due_date = (n % 2 == 0).then(|| day("2027-01-01") + chrono::Duration::days(n as i64));
        create(&work, &acme, item).await;
    }
    let short = |with: ItemRelations| ItemRelations {
        descriptions: false,
        ..with
    };
    for sort in [ItemSort::CreatedAt, ItemSort::DueDate, ItemSort::Title] {
        let whole = walk(&work, &acme, sort, ItemRelations::ITEMS).await;
        assert_eq!(whole.len(), 5, "{sort:?}");
        assert!(
            whole.iter().all(|l| l.item.description.is_some()),
            "{sort:?}: every item has a description"
        );
        for with in [short(ItemRelations::ITEMS), short(BOTH)] {
            let listed = walk(&work, &acme, sort, with).await;
            let expected: Vec<_> = whole
                .iter()
                .map(|l| {
                    let mut item = l.item.clone();
                    item.description = None;
                    item
                })
                .collect();
            let items: Vec<_> = listed.into_iter().map(|l| l.item).collect();
            assert_eq!(items, expected, "{sort:?} with {with:?}");
        }
    }
}
