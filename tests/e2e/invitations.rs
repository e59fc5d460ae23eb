//! Withdrawing invitations.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

on_every_backend! {
    revoking_frees_a_place_and_kills_the_token => revoking_frees_a_place_and_kills_the_token;
    another_tenants_invitation_is_not_found_and_survives => another_tenants_invitation_is_not_found_and_survives;
}

const REVOKE: &str =
    "mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { deletedId } }";
const ACCEPT: &str = "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { tenant { id } } }";

async fn revoking_frees_a_place_and_kills_the_token(app: TestApp) {
    let (owner, _) = app.owner_of("owner@revoke.test", "revoke", "FREE").await;
    let mut issued = Vec::new();
    for n in 1..=4 {
        issued.push(
            app.invite(&owner, &format!("p{n}@revoke.test"), "MEMBER")
                .await
                .ok(),
        );
    }
    let full = app.invite(&owner, "late@revoke.test", "MEMBER").await;
    assert_eq!(full.code(), Some("LIMIT_EXCEEDED"));

    let first = &issued[0]["inviteMember"];
    let revoked = app
        .gql(
            REVOKE,
            json!({ "input": { "invitationId": first["invitation"]["id"] } }),
            Some(&owner.access_token),
        )
        .await
        .ok();
    assert_eq!(
        revoked["revokeInvitation"]["deletedId"],
        first["invitation"]["id"]
    );

    // The place is free again, and the revoked token accepts nothing.
    app.invite(&owner, "late@revoke.test", "MEMBER").await.ok();
    let p1 = app.sign_up("p1@revoke.test").await;
    let accept = app
        .gql(
            ACCEPT,
            json!({ "input": { "token": first["token"] } }),
            Some(&p1.access_token),
        )
        .await;
    assert_eq!(accept.code(), Some("NOT_FOUND"), "{:?}", accept.body);

    let log = app
        .gql("{ auditLog(first: 5, filter: { action: \"invitation.revoked\" }) { edges { node { entityId } } } }", json!({}), Some(&owner.access_token))
        .await
        .ok();
    assert_eq!(
        log["auditLog"]["edges"][0]["node"]["entityId"],
        first["invitation"]["id"]
    );
}

async fn another_tenants_invitation_is_not_found_and_survives(app: TestApp) {
    let (a_owner, _) = app.owner_of("owner@a-inv.test", "a-inv", "FREE").await;
    let (b_owner, _) = app.owner_of("owner@b-inv.test", "b-inv", "FREE").await;
    let issued = app
        .invite(&a_owner, "grace@a-inv.test", "MEMBER")
        .await
        .ok();
    let invitation = &issued["inviteMember"];

    let revoke = app
        .gql(
            REVOKE,
            json!({ "input": { "invitationId": invitation["invitation"]["id"] } }),
            Some(&b_owner.access_token),
        )
        .await;
    assert_eq!(revoke.code(), Some("NOT_FOUND"), "{:?}", revoke.body);

    // Still pending in A, and still accepted by its invitee.
    let pending = app
        .gql(
            "{ tenant { invitations { edges { node { id } } } } }",
            json!({}),
            Some(&a_owner.access_token),
        )
        .await
        .ok();
    assert_eq!(
        pending["tenant"]["invitations"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let grace = app.sign_up("grace@a-inv.test").await;
    app.gql(
        ACCEPT,
        json!({ "input": { "token": invitation["token"] } }),
        Some(&grace.access_token),
    )
    .await
    .ok();
}
