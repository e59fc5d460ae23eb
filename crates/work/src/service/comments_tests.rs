//! Comments: who may add, edit and delete them, what is validated, and
//! what each write records.

use mockall::predicate::eq;
use trellis_kernel::{BuiltinRole, DomainError, TenantCtx, UserId};

use super::tests_support::{
    WorkMocks, assert_forbidden, ctx, earlier, field_errors, item, now, work,
};
use crate::comment::{Comment, CommentId};

fn comment_by(ctx: &TenantCtx, author: UserId) -> Comment {
    Comment {
        id: CommentId::generate(),
        tenant_id: ctx.tenant_id,
        item_id: item(ctx).id,
        author_id: author,
        body: "Looks good".into(),
        created_at: earlier(),
        updated_at: earlier(),
        edited_at: None,
    }
}

fn expect_comment(mocks: &mut WorkMocks, ctx: &TenantCtx, found: &Comment) {
    let found = found.clone();
    mocks
        .comments
        .expect_find()
        .with(eq(ctx.tenant_id), eq(found.id))
        .returning(move |_, _| Ok(Some(found.clone())));
}

#[tokio::test]
async fn a_member_adds_a_trimmed_comment_with_its_audit_entry() {
    let member = ctx(BuiltinRole::Member);
    let on = item(&member).id;
    let mut mocks = WorkMocks::default();
    mocks
        .comments
        .expect_create()
        .withf(move |_, comment, audit| {
            comment.body == "Ship it" && comment.item_id == on && audit.action == "comment.added"
        })
        .times(1)
        .returning(|_, _, _| Ok(()));

    let added = work(mocks)
        .comments
        .add(&member, on, "  Ship it \n")
        .await
        .unwrap();

    assert_eq!(added.author_id, member.user_id());
    assert_eq!(added.created_at, now());
    assert_eq!(added.edited_at, None);
}

#[tokio::test]
async fn a_blank_or_overlong_body_is_refused_and_nothing_written() {
    let member = ctx(BuiltinRole::Member);
    let app = work(WorkMocks::default());
    for body in ["   ".to_owned(), "x".repeat(10_001)] {
        let err = app
            .comments
            .add(&member, item(&member).id, &body)
            .await
            .unwrap_err();
        assert_eq!(field_errors(err)[0].0, "body");
    }
}

#[tokio::test]
async fn viewers_cannot_comment() {
    let viewer = ctx(BuiltinRole::Viewer);
    let err = work(WorkMocks::default())
        .comments
        .add(&viewer, item(&viewer).id, "hi")
        .await
        .unwrap_err();
    assert_forbidden(&err, "comments.write");
}

#[tokio::test]
async fn commenting_on_an_item_the_tenant_lacks_is_not_found() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks
        .comments
        .expect_create()
        .returning(|_, _, _| Err(DomainError::not_found("item")));
    let err = work(mocks)
        .comments
        .add(&member, item(&member).id, "hi")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("item"), "{err}");
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn the_author_edits_and_the_comment_shows_when() {
    let member = ctx(BuiltinRole::Member);
    let mine = comment_by(&member, member.user_id());
    let mut mocks = WorkMocks::default();
    expect_comment(&mut mocks, &member, &mine);
    mocks
        .comments
        .expect_update()
        .withf(|_, comment, audit| {
            comment.body == "Better words" && audit.action == "comment.edited"
        })
        .times(1)
        .returning(|_, _, _| Ok(()));

    let edited = work(mocks)
        .comments
        .edit(&member, mine.id, "Better words")
        .await
        .unwrap();

    assert_eq!(edited.edited_at, Some(now()));
    assert_eq!(edited.created_at, earlier());
}

#[tokio::test]
async fn nobody_edits_another_persons_comment_not_even_an_owner() {
    let owner = ctx(BuiltinRole::Owner);
    let theirs = comment_by(&owner, UserId::generate());
    let mut mocks = WorkMocks::default();
    expect_comment(&mut mocks, &owner, &theirs);
    let err = work(mocks)
        .comments
        .edit(&owner, theirs.id, "rewritten")
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Forbidden(_)), "{err:?}");
}

#[tokio::test]
async fn a_member_cannot_delete_another_persons_comment() {
    let member = ctx(BuiltinRole::Member);
    let theirs = comment_by(&member, UserId::generate());
    let mut mocks = WorkMocks::default();
    expect_comment(&mut mocks, &member, &theirs);
    let err = work(mocks)
        .comments
        .delete(&member, theirs.id)
        .await
        .unwrap_err();
    assert_forbidden(&err, "comments.moderate");
}

#[tokio::test]
async fn an_admin_deletes_anyones_comment_and_the_author_their_own() {
    for (role, author_is_caller) in [(BuiltinRole::Admin, false), (BuiltinRole::Member, true)] {
        let caller = ctx(role);
        let author = if author_is_caller {
            caller.user_id()
        } else {
            UserId::generate()
        };
        let target = comment_by(&caller, author);
        let mut mocks = WorkMocks::default();
        expect_comment(&mut mocks, &caller, &target);
        mocks
            .comments
            .expect_delete()
            .withf(|_, _, audit| audit.action == "comment.deleted")
            .times(1)
            .returning(|_, _, _| Ok(()));
        let deleted = work(mocks)
            .comments
            .delete(&caller, target.id)
            .await
            .unwrap();
        assert_eq!(deleted, target.id);
    }
}

#[tokio::test]
async fn another_tenants_comment_is_not_found() {
    let member = ctx(BuiltinRole::Member);
    let mut mocks = WorkMocks::default();
    mocks.comments.expect_find().returning(|_, _| Ok(None));
    let err = work(mocks)
        .comments
        .edit(&member, CommentId::generate(), "hi")
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
}
