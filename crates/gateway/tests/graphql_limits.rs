//! Request limits and error shapes, executed straight against the schema
//! over mocks. A mock without expectations panics when called, so "no port
//! was called" is asserted by the test passing.

mod support;

use async_graphql::{Request, Response, Value};
use serde_json::json;
use support::{Mocks, MocksExt};
use trellis_gateway::GraphqlLimits;
use trellis_gateway::graphql::{RequestAuth, limits};
use trellis_kernel::{DomainError, RequestMeta};

/// As the HTTP layer runs each operation: document limits first.
async fn run(schema: &trellis_gateway::TrellisSchema, query: &str) -> Response {
    limits::execute(
        schema,
        Request::new(query)
            .data(RequestAuth::Anonymous)
            .data(RequestMeta {
                request_id: Some("req-test-1".into()),
                ..RequestMeta::default()
            }),
    )
    .await
}

fn codes(response: &Response) -> Vec<String> {
    response
        .errors
        .iter()
        .map(
            |e| match e.extensions.as_ref().and_then(|ext| ext.get("code")) {
                Some(Value::String(code)) => code.clone(),
                other => format!("no code: {other:?} ({})", e.message),
            },
        )
        .collect()
}

const SIGN_IN: &str =
    r#"signIn(input: { email: "ada@example.com", password: "correct horse" }) { accessToken }"#;

#[tokio::test]
async fn a_hundred_aliased_sign_ins_are_refused_before_any_password_is_checked() {
    let mut mocks = Mocks::default();
    mocks.users.expect_find_by_email().never();
    mocks.hasher.expect_verify().never();
    let schema = mocks.into_schema();
    let fields: String = (0..100).map(|i| format!("a{i}: {SIGN_IN}\n")).collect();

    let response = run(&schema, &format!("mutation {{ {fields} }}")).await;

    assert_eq!(codes(&response), ["QUERY_TOO_COMPLEX"]);
    assert_eq!(response.data, Value::Null);
}

#[tokio::test]
async fn two_credential_checks_in_one_document_are_refused_even_under_the_alias_limit() {
    let mut mocks = Mocks::default();
    mocks.users.expect_find_by_email().never();
    mocks.hasher.expect_verify().never();
    let schema = mocks.into_schema();
    let query = format!(
        "mutation {{ {SIGN_IN} other: refreshSession(input: {{ refreshToken: \"rt_x\" }}) {{ accessToken }} }}"
    );

    let response = run(&schema, &query).await;

    assert_eq!(codes(&response), ["QUERY_TOO_COMPLEX"]);
    assert!(
        response.errors[0].message.contains("signIn"),
        "{:?}",
        response.errors
    );
}

#[tokio::test]
async fn a_query_nested_deeper_than_the_limit_is_refused() {
    let limits = GraphqlLimits {
        max_depth: 4,
        ..GraphqlLimits::default()
    };
    let schema = Mocks::default().into_schema_with(&limits);

    let response = run(
        &schema,
        "{ tenant { members { edges { node { user { id } } } } } }",
    )
    .await;

    assert_eq!(codes(&response), ["QUERY_TOO_COMPLEX"]);
}

#[tokio::test]
async fn lists_nested_in_lists_exceed_the_default_complexity() {
    let schema = Mocks::default().into_schema();
    let query = "{ adminTenants(first: 100) { edges { node { \
                 members(first: 100) { edges { node { user { id email } role } } } } } } }";

    let response = run(&schema, query).await;

    assert_eq!(codes(&response), ["QUERY_TOO_COMPLEX"]);
}

#[tokio::test]
async fn a_full_page_of_members_fits_the_default_complexity() {
    let schema = Mocks::default().into_schema();
    let query = "{ tenant { id name limits { maxMembers } \
                 members(first: 100) { edges { cursor node { id user { id email name } role permissions joinedAt } } \
                 pageInfo { hasNextPage endCursor } } \
                 invitations(first: 100) { edges { cursor node { id email role expiresAt } } \
                 pageInfo { hasNextPage endCursor } } } }";

    let response = run(&schema, query).await;

    // Past the limits, the anonymous caller meets authentication.
    assert_eq!(codes(&response), ["UNAUTHENTICATED"]);
}

const INTENT_FIELDS: &str = "id name description priority isActive matchers { field header operator value } createdAt updatedAt";

#[tokio::test]
async fn a_full_page_of_intents_without_rules_fits_the_default_complexity() {
    let schema = Mocks::default().into_schema();
    let query = format!(
        "{{ intents(first: 100) {{ edges {{ cursor node {{ {INTENT_FIELDS} }} }} \
         pageInfo {{ hasNextPage endCursor }} }} }}"
    );

    let response = run(&schema, &query).await;

    assert_eq!(codes(&response), ["UNAUTHENTICATED"]);
}

#[tokio::test]
async fn a_full_page_of_intents_with_their_rules_fits_the_default_complexity() {
    let schema = Mocks::default().into_schema();
    let rules = "rules { id fieldName ruleType conditions priority isActive }";
    let query =
        format!("{{ intents(first: 100) {{ edges {{ node {{ {INTENT_FIELDS} {rules} }} }} }} }}");

    // The page's rules are one lookup, however many intents it holds.
    let response = run(&schema, &query).await;

    assert_eq!(codes(&response), ["UNAUTHENTICATED"]);
}

#[tokio::test]
async fn a_page_of_fifty_routing_runs_with_their_results_fits_the_default_complexity() {
    let schema = Mocks::default().into_schema();
    let query = "{ routingRuns(first: 50) { edges { cursor node { \
                 id intentId intentName outcome durationMs mode createdAt \
                 matchedBy { field header operator value } \
                 results { ruleId ruleType fieldName outcome detail durationMs } \
                 email { from subject messageId } } } pageInfo { hasNextPage endCursor } } }";

    let response = run(&schema, query).await;

    assert_eq!(codes(&response), ["UNAUTHENTICATED"]);
}

#[tokio::test]
async fn every_bad_field_is_listed_in_camel_case_and_no_port_is_called() {
    let schema = Mocks::default().into_schema();
    let query = r#"mutation { signIn(input: { email: "nope", password: "", tenantId: "42" }) { accessToken } }"#;

    let response = run(&schema, query).await;

    assert_eq!(codes(&response), ["BAD_USER_INPUT"]);
    let fields = response.errors[0]
        .extensions
        .as_ref()
        .and_then(|ext| ext.get("fields"))
        .cloned()
        .map(|v| v.into_json().unwrap_or_default());
    let names: Vec<_> = fields
        .as_ref()
        .and_then(|f| f.as_array())
        .map(|list| list.iter().map(|f| f["field"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        names,
        [json!("email"), json!("password"), json!("tenantId")]
    );
}

#[tokio::test]
async fn an_internal_error_shows_a_reference_and_never_its_cause() {
    let mut mocks = Mocks::default();
    mocks.users.expect_find_by_email().times(1).returning(|_| {
        Err(DomainError::internal_msg(
            "error returned from database: relation \"users\" does not exist",
        ))
    });
    let schema = mocks.into_schema();

    let response = run(&schema, &format!("mutation {{ {SIGN_IN} }}")).await;

    assert_eq!(codes(&response), ["INTERNAL_SERVER_ERROR"]);
    let error = &response.errors[0];
    assert_eq!(error.message, "internal error; reference req-test-1");
    let whole = serde_json::to_string(&response).unwrap_or_default();
    assert!(!whole.contains("relation"), "{whole}");
    assert!(!whole.contains("database"), "{whole}");
}

#[tokio::test]
async fn the_tenant_query_without_a_token_is_unauthenticated() {
    let schema = Mocks::default().into_schema();

    let response = run(&schema, "{ tenant { id name } }").await;

    assert_eq!(codes(&response), ["UNAUTHENTICATED"]);
}

#[tokio::test]
async fn a_rejected_token_is_unauthenticated_with_its_reason() {
    let schema = Mocks::default().into_schema();
    let request = Request::new("{ me { id } }").data(RequestAuth::Rejected(
        "access token has expired; refresh it".into(),
    ));

    let response = schema.execute(request).await;

    assert_eq!(codes(&response), ["UNAUTHENTICATED"]);
    assert!(response.errors[0].message.contains("expired"));
}

#[tokio::test]
async fn introspection_can_be_switched_off() {
    let limits = GraphqlLimits {
        introspection: false,
        ..GraphqlLimits::default()
    };
    let schema = Mocks::default().into_schema_with(&limits);

    let response = run(&schema, "{ __schema { queryType { name } } }").await;

    // async-graphql answers a disabled introspection field with null.
    let data = response.data.into_json().unwrap_or_default();
    assert_eq!(data, json!({ "__schema": null }));
}

#[tokio::test]
async fn the_permission_list_is_public_and_complete() {
    let schema = Mocks::default().into_schema();

    let response = run(&schema, "{ permissions { name description } }").await;

    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().unwrap_or_default();
    let permissions = data["permissions"].as_array().cloned().unwrap_or_default();
    let names: Vec<_> = permissions
        .iter()
        .map(|p| p["name"].as_str().unwrap_or_default())
        .collect();
    // Spelled out: a permission added or renamed is a change clients see.
    assert_eq!(
        names,
        [
            "tenant.read",
            "tenant.update",
            "members.read",
            "members.invite",
            "members.update",
            "members.remove",
            "owners.manage",
            "roles.read",
            "roles.manage",
            "audit.read",
            "routing.read",
            "routing.manage",
            "emails.route",
            "connections.manage",
            "teams.read",
            "teams.manage",
            "items.read",
            "items.create",
            "items.update",
            "items.delete",
            "tags.manage",
            "comments.write",
            "comments.moderate",
        ]
    );
    assert_eq!(
        permissions[0]["description"],
        "See the tenant, its plan and limits."
    );
}

#[tokio::test]
async fn invalid_documents_carry_a_code_too() {
    let schema = Mocks::default().into_schema();

    let unparsable = run(&schema, "{ tenant { ").await;
    let unknown_field = run(&schema, "{ tenant { nope } }").await;

    assert_eq!(codes(&unparsable), ["GRAPHQL_PARSE_FAILED"]);
    assert_eq!(codes(&unknown_field), ["GRAPHQL_VALIDATION_FAILED"]);
}
