//! The GraphQL API over mocked ports, for failures a real database will not
//! produce on demand.

use std::sync::Arc;

use async_trait::async_trait;
use serde_json::json;
use trellis_gateway::state::{DatabaseProbe, Ports};
use trellis_gateway::{AppState, Config};
use trellis_kernel::DomainError;
use trellis_rules::testing::RoutingMocks;
use trellis_tenancy::testing::MockPorts;
use trellis_tests::TestApp;

struct Unreachable;

#[async_trait]
impl DatabaseProbe for Unreachable {
    async fn ping(&self) -> Result<(), String> {
        Err("connection refused".into())
    }
}

fn state(mocks: MockPorts) -> AppState {
    let mut ports = Ports::mocked(mocks, RoutingMocks::default());
    ports.database = Arc::new(Unreachable);
    AppState::new(ports, &Config::for_tests())
}

#[tokio::test]
async fn a_database_failure_is_reported_without_its_details() {
    let mut mocks = MockPorts::new();
    mocks.users.expect_find_by_email().returning(|_| {
        Err(DomainError::internal_msg(
            "error returned from database: relation \"users\" does not exist at character 15",
        ))
    });
    let app = TestApp::with_state(state(mocks));
    let response = app
        .gql(
            "mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }",
            json!({ "input": { "email": "ada@example.com", "password": "whatever-123" } }),
            None,
        )
        .await;
    assert_eq!(
        response.code(),
        Some("INTERNAL_SERVER_ERROR"),
        "{:?}",
        response.body
    );
    let text = response.body.to_string();
    assert!(!text.contains("relation"), "{text}");
    assert!(!text.contains("users"), "{text}");
    assert!(
        response.message().contains("reference"),
        "{}",
        response.message()
    );
}

#[tokio::test]
async fn invalid_input_never_reaches_a_port() {
    // Mocks without expectations panic if called.
    let app = TestApp::with_state(state(MockPorts::new()));
    let response = app
        .gql(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
            json!({ "input": { "email": "nope", "password": "x", "name": "" } }),
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
    assert_eq!(fields, ["email", "name", "password"]);
}
