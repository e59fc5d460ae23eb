//! Bad input is refused with every bad field named, and nothing is written.

use serde_json::json;
use trellis_tests::{TestApp, on_every_backend};

on_every_backend! {
    sign_up_names_every_bad_field_and_creates_nothing => sign_up_names_every_bad_field_and_creates_nothing;
    create_tenant_names_every_bad_field_and_creates_nothing => create_tenant_names_every_bad_field_and_creates_nothing;
    a_taken_slug_or_email_is_a_conflict => a_taken_slug_or_email_is_a_conflict;
    malformed_ids_and_cursors_are_bad_input => malformed_ids_and_cursors_are_bad_input;
    aliased_sign_ins_are_refused_before_any_password_check => aliased_sign_ins_are_refused_before_any_password_check;
    batched_sign_ins_are_refused_before_any_password_check => batched_sign_ins_are_refused_before_any_password_check;
}

async fn sign_up_names_every_bad_field_and_creates_nothing(app: TestApp) {
    let response = app
        .gql(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
            json!({ "input": { "email": "not-an-email", "password": "short", "name": "Ada" } }),
            None,
        )
        .await;
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    let mut fields = response.bad_fields();
    fields.sort();
    assert_eq!(fields, ["email", "password"]);

    // The same email with a good password now signs up: nothing was half-created.
    let ok = app
        .gql(
            "mutation($input: SignUpInput!) { signUp(input: $input) { user { email } } }",
            json!({ "input": { "email": "ada@valid.test", "password": "long-enough-1", "name": "Ada" } }),
            None,
        )
        .await
        .ok();
    assert_eq!(ok["signUp"]["user"]["email"], "ada@valid.test");
}

async fn create_tenant_names_every_bad_field_and_creates_nothing(app: TestApp) {
    let session = app.sign_up("ada@tenantinput.test").await;
    let response = app
        .gql(
            "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }",
            json!({ "input": { "name": "", "slug": "No", "plan": "FREE" } }),
            Some(&session.access_token),
        )
        .await;
    assert_eq!(
        response.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        response.body
    );
    let mut fields = response.bad_fields();
    fields.sort();
    assert_eq!(fields, ["name", "slug"]);

    let me = app
        .gql(
            "{ me { memberships { role } } }",
            json!({}),
            Some(&session.access_token),
        )
        .await
        .ok();
    assert!(me["me"]["memberships"].as_array().unwrap().is_empty());
}

async fn a_taken_slug_or_email_is_a_conflict(app: TestApp) {
    let (owner, _) = app.owner_of("ada@taken.test", "taken", "FREE").await;
    let again = app
        .gql(
            "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }",
            json!({ "input": { "name": "Copy", "slug": "taken", "plan": "FREE" } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(again.code(), Some("CONFLICT"), "{:?}", again.body);

    let twice = app
        .gql(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
            json!({ "input": { "email": "ADA@taken.test", "password": "long-enough-1", "name": "Ada" } }),
            None,
        )
        .await;
    assert_eq!(twice.code(), Some("CONFLICT"), "{:?}", twice.body);
}

async fn malformed_ids_and_cursors_are_bad_input(app: TestApp) {
    let (owner, _) = app.owner_of("ada@ids.test", "ids", "FREE").await;
    let bad_id = app
        .gql(
            "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { deletedId } }",
            json!({ "input": { "userId": "42" } }),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(bad_id.code(), Some("BAD_USER_INPUT"), "{:?}", bad_id.body);

    let bad_cursor = app
        .gql(
            "{ tenant { members(after: \"bogus\") { edges { cursor } } } }",
            json!({}),
            Some(&owner.access_token),
        )
        .await;
    assert_eq!(
        bad_cursor.code(),
        Some("BAD_USER_INPUT"),
        "{:?}",
        bad_cursor.body
    );
}

async fn aliased_sign_ins_are_refused_before_any_password_check(app: TestApp) {
    app.sign_up("ada@alias.test").await;
    let guesses: String = (0..100)
        .map(|n| {
            format!(
                "g{n}: signIn(input: {{ email: \"ada@alias.test\", password: \"guess-{n:04}\" }}) {{ accessToken }} "
            )
        })
        .collect();
    let response = app
        .gql(&format!("mutation {{ {guesses} }}"), json!({}), None)
        .await;
    assert!(response.body.get("errors").is_some(), "{:?}", response.body);
    assert!(
        response.data().is_null(),
        "no signIn may have run: {:?}",
        response.body
    );
}

async fn batched_sign_ins_are_refused_before_any_password_check(app: TestApp) {
    app.sign_up("ada@batch.test").await;
    let guess = |n: u32| {
        json!({ "query": format!(
            "mutation {{ signIn(input: {{ email: \"ada@batch.test\", password: \"guess-{n:04}\" }}) {{ accessToken }} }}"
        ) })
    };
    let response = app.post(json!([guess(1), guess(2)]), None).await;
    assert_eq!(response.status, axum::http::StatusCode::BAD_REQUEST);
    assert_eq!(
        response.code(),
        Some("QUERY_TOO_COMPLEX"),
        "{:?}",
        response.body
    );

    // One sign-in in a batch is an ordinary request.
    let single = app.post(json!([guess(3)]), None).await;
    assert_eq!(
        single.body[0]["errors"][0]["extensions"]["code"],
        "UNAUTHENTICATED"
    );
}
