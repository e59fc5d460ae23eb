//! Routing resolvers over mocked ports: how many lookups a list costs, and
//! input refused before any port is asked.

mod support;

use async_graphql::{Request, Response, Value};
use chrono::Utc;
use support::{Mocks, MocksExt, RoutingMocks};
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::DatasourceId;
use trellis_datasources::{
    AuthType, ConnectionOptions, Datasource, DatasourceConfig, DatasourceKind, Protocol,
};
use trellis_gateway::graphql::{Loaders, RequestAuth};
use trellis_intents::Intent;
use trellis_intents::IntentId;
use trellis_kernel::BuiltinRole;
use trellis_kernel::{Actor, Page, RequestMeta, SessionId, TenantCtx, TenantId, UserId};
use trellis_rules::{DecisionOutcome, RoutingRun, RoutingRunId, RunMode};
use trellis_tenancy::{Principal, TenantAccess};

fn owner_of(tenant_id: TenantId) -> RequestAuth {
    let actor = Actor {
        user_id: UserId::generate(),
        session_id: SessionId::generate(),
        is_platform_admin: false,
        meta: RequestMeta::default(),
    };
    RequestAuth::Authenticated(Principal {
        tenant: TenantAccess::Granted(TenantCtx {
            tenant_id,
            actor: actor.clone(),
            role: "OWNER".into(),
            permissions: BuiltinRole::Owner.permissions(),
        }),
        actor,
        selected_tenant: None,
    })
}

fn code(response: &Response) -> Option<String> {
    match response.errors.first()?.extensions.as_ref()?.get("code")? {
        Value::String(code) => Some(code.clone()),
        _ => None,
    }
}

fn config(tenant_id: TenantId, id: DatasourceConfigId) -> DatasourceConfig {
    DatasourceConfig {
        tls_mode: None,
        id,
        tenant_id,
        name: "crm".into(),
        protocol: Protocol::Sqlite,
        base_url: "crm.db".into(),
        auth_type: AuthType::None,
        credentials: None,
        connection: ConnectionOptions::default(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn datasource(tenant_id: TenantId, config_id: DatasourceConfigId, name: &str) -> Datasource {
    Datasource {
        id: DatasourceId::generate(),
        tenant_id,
        name: name.into(),
        kind: DatasourceKind::Database,
        config_id,
        description: None,
        file: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

#[tokio::test]
async fn a_page_of_datasources_looks_its_configs_up_at_once() {
    let tenant = TenantId::generate();
    let shared = DatasourceConfigId::generate();
    let mut routing = RoutingMocks::default();
    routing
        .datasources
        .expect_list()
        .times(1)
        .returning(move |_, _| {
            Ok(Page {
                items: ["a", "b", "c"]
                    .into_iter()
                    .map(|name| datasource(tenant, shared, name))
                    .collect(),
                has_next_page: false,
            })
        });
    // One lookup for the page, naming the shared config once.
    routing
        .configs
        .expect_find_many()
        .withf(move |_, ids| ids == [shared])
        .times(1)
        .returning(move |tenant, ids| Ok(ids.iter().map(|id| config(tenant, *id)).collect()));
    let schema = Mocks::default().into_routing_schema(routing);

    let response = schema
        .execute(
            Request::new(
                "{ datasources { edges { node { name connectionKey config { name protocol } } } } }",
            )
            .data(owner_of(tenant))
            .data(Loaders::new()),
        )
        .await;

    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().unwrap_or_default();
    let edges = data["datasources"]["edges"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(edges.len(), 3);
    assert!(edges.iter().all(
        |e| e["node"]["connectionKey"] == "crm" && e["node"]["config"]["protocol"] == "SQLITE"
    ));
}

fn run(tenant_id: TenantId, intent: Option<IntentId>) -> RoutingRun {
    RoutingRun {
        id: RoutingRunId::generate(),
        tenant_id,
        mode: RunMode::Route,
        intent_id: intent,
        intent_name: intent.map(|_| "Orders".to_owned()),
        matched_by: None,
        outcome: if intent.is_some() {
            DecisionOutcome::Passed
        } else {
            DecisionOutcome::NoMatch
        },
        results: Vec::new(),
        email_from: "ada@example.com".into(),
        email_subject: "Order".into(),
        email_message_id: None,
        duration_ms: 1.5,
        actor_id: None,
        request_id: None,
        created_at: Utc::now(),
    }
}

#[tokio::test]
async fn a_page_of_runs_looks_its_intents_up_at_once_and_a_deleted_one_is_null() {
    let tenant = TenantId::generate();
    let (kept, deleted) = (IntentId::generate(), IntentId::generate());
    let mut routing = RoutingMocks::default();
    routing
        .runs
        .expect_list()
        .times(1)
        .returning(move |_, _, _| {
            Ok(Page {
                items: vec![
                    run(tenant, Some(kept)),
                    run(tenant, Some(kept)),
                    run(tenant, Some(deleted)),
                    run(tenant, None),
                ],
                has_next_page: false,
            })
        });
    // One lookup for the page, naming each intent once.
    routing
        .intents
        .expect_find_many()
        .withf(move |_, ids| {
            let mut ids = ids.to_vec();
            ids.sort();
            let mut expected = vec![kept, deleted];
            expected.sort();
            ids == expected
        })
        .times(1)
        .returning(move |tenant_id, ids| {
            Ok(ids
                .iter()
                .filter(|id| **id == kept)
                .map(|id| Intent {
                    id: *id,
                    tenant_id,
                    name: "Orders".into(),
                    description: None,
                    priority: 0,
                    is_active: true,
                    matchers: Vec::new(),
                    created_at: Utc::now(),
                    updated_at: Utc::now(),
                })
                .collect())
        });
    let schema = Mocks::default().into_routing_schema(routing);

    let response = schema
        .execute(
            Request::new(
                "{ routingRuns { edges { node { outcome intentName intent { name } } } } }",
            )
            .data(owner_of(tenant))
            .data(Loaders::new()),
        )
        .await;

    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().unwrap_or_default();
    let intents: Vec<_> = data["routingRuns"]["edges"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| e["node"]["intent"]["name"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        intents,
        [
            Some("Orders".to_owned()),
            Some("Orders".to_owned()),
            None,
            None
        ]
    );
}

#[tokio::test]
async fn route_email_with_both_or_neither_email_is_refused_before_any_port() {
    let schema = Mocks::default().into_routing_schema(RoutingMocks::default());
    for input in [
        "{}",
        r#"{ raw: "From: a@b.test\r\n\r\nhi", message: { from: "a@b.test" } }"#,
    ] {
        let response = schema
            .execute(
                Request::new(format!(
                    "mutation {{ routeEmail(input: {input}) {{ decision {{ id }} }} }}"
                ))
                .data(owner_of(TenantId::generate()))
                .data(Loaders::new()),
            )
            .await;
        assert_eq!(
            code(&response).as_deref(),
            Some("BAD_USER_INPUT"),
            "{input}"
        );
        let fields = response.errors[0]
            .extensions
            .as_ref()
            .and_then(|ext| ext.get("fields"))
            .cloned()
            .map(|v| v.into_json().unwrap_or_default());
        assert_eq!(
            fields,
            Some(serde_json::json!([
                { "field": "raw", "message": "give exactly one of `raw` and `message`" }
            ]))
        );
    }
}

#[tokio::test]
async fn malformed_ids_name_their_field_before_any_port() {
    let schema = Mocks::default().into_routing_schema(RoutingMocks::default());
    let response = schema
        .execute(
            Request::new(
                r#"mutation { reorderValidationRules(input: { intentId: "x", ruleIds: [] }) { rules { id } } }"#,
            )
            .data(owner_of(TenantId::generate()))
            .data(Loaders::new()),
        )
        .await;
    assert_eq!(code(&response).as_deref(), Some("BAD_USER_INPUT"));
    assert!(
        response.errors[0].message.contains("intentId"),
        "{:?}",
        response.errors
    );
}
