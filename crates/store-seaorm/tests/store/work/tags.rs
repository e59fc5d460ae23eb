//! Tags: names unique among live tags ignoring case, listed by name, and
//! gone from items once deleted.

use trellis_kernel::{Cursor, DomainError, PageRequest};
use trellis_work::{Color, Tag};

use super::support::*;
use crate::support::*;

contract!(a_tag_reads_back_changes_and_goes);
async fn a_tag_reads_back_changes_and_goes(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let urgent = add_tag(&work, &org, "Urgent").await;
    assert_eq!(
        work.tags.find(org.id(), urgent.id).await.unwrap(),
        Some(urgent.clone())
    );

    let recoloured = Tag {
        name: "Very urgent".into(),
        color: Color::parse("color", "#ff0000").unwrap(),
        updated_at: now() + chrono::Duration::seconds(1),
        ..urgent.clone()
    };
    work.tags
        .update(org.id(), &recoloured, &audit(org.id(), None, "tag.updated"))
        .await
        .unwrap();
    assert_eq!(
        work.tags.find(org.id(), urgent.id).await.unwrap(),
        Some(recoloured.clone())
    );

    work.tags
        .delete(org.id(), urgent.id, &audit(org.id(), None, "tag.deleted"))
        .await
        .unwrap();
    assert_eq!(work.tags.find(org.id(), urgent.id).await.unwrap(), None);
    assert!(
        work.tags
            .find_many(org.id(), &[urgent.id])
            .await
            .unwrap()
            .is_empty()
    );
    let gone = work
        .tags
        .update(org.id(), &recoloured, &audit(org.id(), None, "tag.updated"))
        .await;
    assert!(matches!(gone, Err(DomainError::NotFound { entity: "tag" })));
    let again = work
        .tags
        .delete(org.id(), urgent.id, &audit(org.id(), None, "tag.deleted"))
        .await;
    assert!(matches!(
        again,
        Err(DomainError::NotFound { entity: "tag" })
    ));
    assert_eq!(
        actions(&env, org.id()).await[..3],
        ["tag.deleted", "tag.updated", "tag.created"]
    );
}

contract!(tag_names_are_unique_among_live_tags_ignoring_case);
async fn tag_names_are_unique_among_live_tags_ignoring_case(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    let bug = add_tag(&work, &org, "Bug").await;
    let twin = tag(&org, "BUG");
    let err = work
        .tags
        .create(org.id(), &twin, &audit(org.id(), None, "tag.created"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`BUG`")),
        "{err}"
    );
    let feature = add_tag(&work, &org, "Feature").await;
    let clash = Tag {
        name: "bug".into(),
        ..feature
    };
    let err = work
        .tags
        .update(org.id(), &clash, &audit(org.id(), None, "tag.updated"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, DomainError::Conflict(m) if m.contains("`bug`")),
        "{err}"
    );

    work.tags
        .delete(org.id(), bug.id, &audit(org.id(), None, "tag.deleted"))
        .await
        .unwrap();
    work.tags
        .create(org.id(), &twin, &audit(org.id(), None, "tag.created"))
        .await
        .unwrap();
}

contract!(tags_page_by_name_ignoring_case);
async fn tags_page_by_name_ignoring_case(env: Env) {
    let org = org(&env, "acme").await;
    let work = ports(&env);
    for name in [
        "delta", "Alpha", "echo", "Charlie", "bravo", "Foxtrot", "gone",
    ] {
        add_tag(&work, &org, name).await;
    }
    let gone = work
        .tags
        .list(org.id(), PageRequest::first(100))
        .await
        .unwrap();
    let gone = gone.items.iter().find(|t| t.name == "gone").unwrap().id;
    work.tags
        .delete(org.id(), gone, &audit(org.id(), None, "tag.deleted"))
        .await
        .unwrap();

    let mut names = Vec::new();
    let mut page = PageRequest::first(2);
    let mut pages = 0;
    loop {
        let got = work.tags.list(org.id(), page).await.unwrap();
        pages += 1;
        names.extend(got.items.iter().map(|t| t.name.clone()));
        if !got.has_next_page {
            break;
        }
        page.after = Some(Cursor(got.items.last().unwrap().id.as_uuid()));
    }
    assert_eq!(
        names,
        ["Alpha", "bravo", "Charlie", "delta", "echo", "Foxtrot"]
    );
    assert_eq!(pages, 3);
}
