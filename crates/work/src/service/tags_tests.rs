//! Tags: who may change them, their names, and their colours.

use mockall::predicate::eq;
use serde_json::json;
use trellis_kernel::{BuiltinRole, DomainError, Page, PageRequest, TenantCtx};

use super::tests_support::*;
use super::{CreateTag, UpdateTag};
use crate::tag::{Tag, TagId};

fn urgent(color: &str) -> CreateTag {
    CreateTag {
        name: "Urgent".into(),
        color: color.into(),
    }
}

/// Mocks in which the caller's tenant has `found`.
fn holding(ctx: &TenantCtx, found: &Tag) -> WorkMocks {
    let mut mocks = WorkMocks::default();
    let found = found.clone();
    mocks
        .tags
        .expect_find()
        .with(eq(ctx.tenant_id), eq(found.id))
        .returning(move |_, _| Ok(Some(found.clone())));
    mocks
}

#[tokio::test]
async fn a_viewer_reads_tags_but_cannot_create_change_or_delete_them() {
    let viewer = ctx(BuiltinRole::Viewer);
    let ops = tag(viewer.tenant_id, "ops");
    let mut mocks = holding(&viewer, &ops);
    let listed = Page {
        items: vec![ops.clone()],
        has_next_page: false,
    };
    mocks
        .tags
        .expect_list()
        .with(eq(viewer.tenant_id), eq(PageRequest::first(50)))
        .returning(move |_, _| Ok(listed.clone()));
    let work = work(mocks);
    let page = work
        .tags
        .list(&viewer, PageRequest::first(50))
        .await
        .unwrap();
    assert_eq!(page.items, std::slice::from_ref(&ops));
    assert_eq!(work.tags.get(&viewer, ops.id).await.unwrap(), ops);

    let id = TagId::generate();
    for err in [
        work.tags
            .create(&viewer, urgent("#ff0000"))
            .await
            .unwrap_err(),
        work.tags
            .update(&viewer, id, UpdateTag::default())
            .await
            .unwrap_err(),
        work.tags.delete(&viewer, id).await.unwrap_err(),
    ] {
        assert_forbidden(&err, "tags.manage");
    }
}

#[tokio::test]
async fn a_member_creates_a_tag_with_its_colour_kept_in_lower_case() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let mut mocks = WorkMocks::default();
    mocks
        .tags
        .expect_create()
        .withf(move |t, tag, audit| {
            *t == tenant
                && tag.tenant_id == tenant
                && tag.color.as_str() == "#1c7ed6"
                && audit.action == "tag.created"
                && audit.entity_id == tag.id.to_string()
                && audit.after == Some(json!({ "name": "Urgent", "color": "#1c7ed6" }))
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let created = work(mocks)
        .tags
        .create(&member, urgent(" #1C7ED6 "))
        .await
        .unwrap();
    assert_eq!(created.name, "Urgent");
    assert_eq!(created.color.as_str(), "#1c7ed6");
}

#[tokio::test]
async fn a_colour_not_written_rrggbb_is_refused_on_color() {
    let member = ctx(BuiltinRole::Member);
    let work = work(WorkMocks::default());
    for bad in ["red", "#123", "1c7ed6", "#1c7ed6ff", "#zzzzzz", ""] {
        let err = work.tags.create(&member, urgent(bad)).await.unwrap_err();
        assert_eq!(fields(err), ["color"], "{bad}");
    }
}

#[tokio::test]
async fn a_blank_name_and_a_bad_colour_are_listed_at_once() {
    let member = ctx(BuiltinRole::Member);
    let input = CreateTag {
        name: "  ".into(),
        color: "blue".into(),
    };
    let err = work(WorkMocks::default())
        .tags
        .create(&member, input)
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["name", "color"]);
    let long = CreateTag {
        name: "n".repeat(51),
        color: "#000000".into(),
    };
    let err = work(WorkMocks::default())
        .tags
        .create(&member, long)
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["name"]);
}

#[tokio::test]
async fn a_taken_tag_name_is_reported_as_the_store_says() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks
        .tags
        .expect_create()
        .times(1)
        .returning(|_, _, _| Err(DomainError::conflict("a tag named Urgent exists")));
    let err = work(mocks)
        .tags
        .create(&member, urgent("#ff0000"))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
}

#[tokio::test]
async fn an_update_keeps_the_name_and_lower_cases_a_new_colour() {
    let member = ctx(BuiltinRole::Member);
    let before = tag(member.tenant_id, "ops");
    let mut mocks = holding(&member, &before);
    mocks
        .tags
        .expect_update()
        .withf(|_, tag, audit| {
            tag.name == "ops"
                && tag.color.as_str() == "#abcdef"
                && tag.updated_at == now()
                && audit.action == "tag.updated"
                && audit.before == Some(json!({ "name": "ops", "color": "#1c7ed6" }))
                && audit.after == Some(json!({ "name": "ops", "color": "#abcdef" }))
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    let input = UpdateTag {
        name: None,
        color: Some("#ABCDEF".into()),
    };
    let updated = work(mocks)
        .tags
        .update(&member, before.id, input)
        .await
        .unwrap();
    assert_eq!(updated.color.as_str(), "#abcdef");
    assert_eq!(updated.created_at, before.created_at);
}

#[tokio::test]
async fn a_bad_colour_in_an_update_writes_nothing() {
    let member = ctx(BuiltinRole::Member);
    let before = tag(member.tenant_id, "ops");
    let input = UpdateTag {
        name: None,
        color: Some("teal".into()),
    };
    let err = work(holding(&member, &before))
        .tags
        .update(&member, before.id, input)
        .await
        .unwrap_err();
    assert_eq!(fields(err), ["color"]);
}

#[tokio::test]
async fn a_member_deletes_a_tag_with_an_audit_entry() {
    let member = ctx(BuiltinRole::Member);
    let tenant = member.tenant_id;
    let ops = tag(tenant, "ops");
    let id = ops.id;
    let mut mocks = holding(&member, &ops);
    mocks
        .tags
        .expect_delete()
        .withf(move |t, deleted, audit| {
            *t == tenant
                && *deleted == id
                && audit.action == "tag.deleted"
                && audit.before.as_ref().is_some_and(|b| b["name"] == "ops")
        })
        .times(1)
        .returning(|_, _, _| Ok(()));
    assert_eq!(work(mocks).tags.delete(&member, id).await.unwrap(), id);
}

#[tokio::test]
async fn a_tag_the_tenant_does_not_have_is_not_found() {
    let member = ctx(BuiltinRole::Member);
    let id = TagId::generate();
    let mut mocks = WorkMocks::default();
    mocks
        .tags
        .expect_find()
        .with(eq(member.tenant_id), eq(id))
        .returning(|_, _| Ok(None));
    let work = work(mocks);
    for err in [
        work.tags.get(&member, id).await.unwrap_err(),
        work.tags.delete(&member, id).await.unwrap_err(),
    ] {
        assert!(
            matches!(err, DomainError::NotFound { entity: "tag" }),
            "{err:?}"
        );
    }
}
