//! Fixtures of the routing contract tests: the routing ports of an `Env`'s
//! store, and one valid value of each routing type.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::DatasourceId;
use trellis_datasources::{
    AuthType, ConnectionOptions, Datasource, DatasourceConfig, DatasourceKind, EncryptedSecret,
    FileSummary, Protocol,
};
use trellis_intents::IntentId;
use trellis_intents::matcher::MatcherSpec;
use trellis_intents::{EmailField, Intent, MatchField, MatchOperator, Matcher};
use trellis_kernel::RuleId;
use trellis_rules::RoutingPorts;
use trellis_rules::{DecisionOutcome, RoutingRun, RoutingRunId, RuleType, RunMode, ValidationRule};
use trellis_store_seaorm::routing::entity::datasource_file;

use crate::support::*;

pub fn ports(env: &Env) -> RoutingPorts {
    env.db.store().routing_ports()
}

/// How many uploaded files the database holds, of every tenant.
pub async fn stored_files(env: &Env) -> u64 {
    datasource_file::Entity::find()
        .count(env.db.owner())
        .await
        .expect("files counted")
}

pub fn secret(key_id: &str, ciphertext: &str) -> EncryptedSecret {
    EncryptedSecret {
        key_id: key_id.into(),
        ciphertext: ciphertext.into(),
    }
}

/// An HTTP config with bearer credentials and non-default options.
pub fn api_config(org: &Org, name: &str) -> DatasourceConfig {
    let at = now();
    DatasourceConfig {
        tls_mode: None,
        id: DatasourceConfigId::generate(),
        tenant_id: org.id(),
        name: name.into(),
        protocol: Protocol::Http,
        base_url: "https://api.example.com/v1".into(),
        auth_type: AuthType::Bearer,
        credentials: Some(secret("k1", &format!("sealed-{name}"))),
        connection: ConnectionOptions {
            pool_size: 2,
            statement_timeout_ms: 1_500,
            headers: BTreeMap::from([("X-Tenant".to_owned(), "acme".to_owned())]),
            ..ConnectionOptions::default()
        },
        created_at: at,
        updated_at: at,
    }
}

/// A FILE config: no address, no credentials.
pub fn file_config(org: &Org, name: &str) -> DatasourceConfig {
    DatasourceConfig {
        protocol: Protocol::File,
        base_url: String::new(),
        auth_type: AuthType::None,
        credentials: None,
        connection: ConnectionOptions::default(),
        ..api_config(org, name)
    }
}

pub fn api_datasource(org: &Org, name: &str, config: DatasourceConfigId) -> Datasource {
    let at = now();
    Datasource {
        id: DatasourceId::generate(),
        tenant_id: org.id(),
        name: name.into(),
        kind: DatasourceKind::Api,
        config_id: config,
        description: Some(format!("{name} lookups")),
        file: None,
        created_at: at,
        updated_at: at,
    }
}

pub fn summary(filename: &str, csv: &[u8], columns: &[&str]) -> FileSummary {
    FileSummary {
        filename: filename.into(),
        size_bytes: csv.len() as u64,
        row_count: 2,
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        uploaded_at: now(),
    }
}

pub const CUSTOMERS_CSV: &[u8] = b"email,plan\nada@acme.test,pro\nbob@acme.test,free\n";

pub fn file_datasource(org: &Org, name: &str, config: DatasourceConfigId) -> Datasource {
    Datasource {
        kind: DatasourceKind::File,
        description: None,
        file: Some(summary("customers.csv", CUSTOMERS_CSV, &["email", "plan"])),
        ..api_datasource(org, name, config)
    }
}

pub fn matcher(
    field: MatchField,
    header: Option<&str>,
    operator: MatchOperator,
    value: &str,
) -> Matcher {
    Matcher::new(MatcherSpec {
        field,
        header: header.map(str::to_owned),
        operator,
        value: value.into(),
    })
    .expect("a valid matcher")
}

pub fn intent(org: &Org, name: &str, priority: i32) -> Intent {
    let at = now();
    Intent {
        id: IntentId::generate(),
        tenant_id: org.id(),
        name: name.into(),
        description: Some(format!("Mail about {name}")),
        priority,
        is_active: true,
        matchers: vec![
            matcher(MatchField::Subject, None, MatchOperator::Contains, name),
            matcher(
                MatchField::Header,
                Some("X-Category"),
                MatchOperator::Regex,
                "^(?i)support$",
            ),
        ],
        created_at: at,
        updated_at: at,
    }
}

pub fn rule(
    org: &Org,
    intent: IntentId,
    datasource: DatasourceId,
    priority: i32,
) -> ValidationRule {
    let at = now();
    ValidationRule {
        id: RuleId::generate(),
        tenant_id: org.id(),
        intent_id: intent,
        datasource_id: datasource,
        field_name: EmailField::Header("X-Customer-Id".into()),
        rule_type: RuleType::InList,
        conditions: json!({ "path": "$.plan", "values": ["pro", "enterprise"] }),
        priority,
        is_active: true,
        created_at: at,
        updated_at: at,
    }
}

/// Stores `config` in `org`.
pub async fn add_config(routing: &RoutingPorts, org: &Org, config: &DatasourceConfig) {
    routing
        .configs
        .create(
            org.id(),
            config,
            &audit(org.id(), None, "datasource_config.created"),
        )
        .await
        .expect("config created");
}

/// Stores an API config and a datasource through it.
pub async fn add_datasource(routing: &RoutingPorts, org: &Org, name: &str) -> Datasource {
    let config = api_config(org, &format!("{name} config"));
    add_config(routing, org, &config).await;
    let datasource = api_datasource(org, name, config.id);
    routing
        .datasources
        .create(
            org.id(),
            &datasource,
            None,
            &audit(org.id(), None, "datasource.created"),
        )
        .await
        .expect("datasource created");
    datasource
}

pub async fn add_intent(routing: &RoutingPorts, org: &Org, name: &str, priority: i32) -> Intent {
    let intent = intent(org, name, priority);
    routing
        .intents
        .create(org.id(), &intent, &audit(org.id(), None, "intent.created"))
        .await
        .expect("intent created");
    intent
}

pub async fn add_rule(routing: &RoutingPorts, rule: &ValidationRule) {
    routing
        .rules
        .create(
            rule.tenant_id,
            rule,
            &audit(rule.tenant_id, None, "rule.created"),
        )
        .await
        .expect("rule created");
}

/// A decision of `org`, as routing records it.
pub fn run(
    org: &Org,
    intent: Option<IntentId>,
    outcome: DecisionOutcome,
    at: DateTime<Utc>,
) -> RoutingRun {
    RoutingRun {
        id: RoutingRunId::generate(),
        tenant_id: org.id(),
        mode: RunMode::Route,
        intent_id: intent,
        intent_name: intent.map(|_| "Support".to_owned()),
        matched_by: None,
        outcome,
        results: Vec::new(),
        email_from: "ada@customer.test".into(),
        email_subject: "Help".into(),
        email_message_id: None,
        duration_ms: 1.0,
        actor_id: None,
        request_id: None,
        created_at: at,
    }
}
