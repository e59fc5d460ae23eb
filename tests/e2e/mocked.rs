//! The GraphQL API over mocked ports, for failures a real database will not
//! produce on demand.

use std::sync::Arc;

use async_trait::async_trait;
use serde_json::json;
use trellis_gateway::AppState;
use trellis_gateway::state::{DatabaseProbe, RoutingAdapters};
use trellis_kernel::{DomainError, SystemClock};
use trellis_tenancy::AccessTokens;
use trellis_tenancy::testing::MockPorts;
use trellis_tests::TestApp;

struct Unreachable;

#[async_trait]
impl DatabaseProbe for Unreachable {
    async fn ping(&self) -> Result<(), String> {
        Err("connection refused".into())
    }
}

/// Routing ports that panic if called: these scenarios never reach them.
fn unused_routing() -> RoutingAdapters {
    use trellis_datasources::ports::{
        MockConnector, MockDatasourceConfigRepository, MockDatasourceRepository,
    };
    use trellis_intents::ports::MockIntentRepository;
    use trellis_rules::ports::{MockRoutingRunRepository, MockRuleRepository};
    RoutingAdapters {
        configs: Arc::new(MockDatasourceConfigRepository::new()),
        datasources: Arc::new(MockDatasourceRepository::new()),
        intents: Arc::new(MockIntentRepository::new()),
        rules: Arc::new(MockRuleRepository::new()),
        runs: Arc::new(MockRoutingRunRepository::new()),
        connector: Arc::new(MockConnector::new()),
        keyring: Arc::new(trellis_datasources::Keyring::development()),
        settings: trellis_rules::RoutingSettings::default(),
    }
}

fn state(mocks: MockPorts) -> AppState {
    let deps = mocks.deps(Arc::new(SystemClock));
    AppState::new(
        deps,
        AccessTokens::new(b"mocked-secret-mocked-secret-mocked!!"),
        unused_routing(),
        Arc::new(Unreachable),
    )
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
