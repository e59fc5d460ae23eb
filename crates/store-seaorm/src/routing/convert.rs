//! Conversions between the routing tables and the routing domain types.
//! As in `convert`, what is read back was valid when written; a stored value
//! the code cannot read (an unknown enum, a matcher that no longer compiles)
//! is an internal error.

use sea_orm::ActiveValue::{NotSet, Set};
use serde::Serialize;
use serde::de::DeserializeOwned;
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::DatasourceId;
use trellis_datasources::{
    AuthType, Datasource, DatasourceConfig, DatasourceKind, EncryptedSecret, FileSummary, Protocol,
    TlsMode,
};
use trellis_intents::IntentId;
use trellis_intents::matcher::MatcherSpec;
use trellis_intents::{EmailField, Intent, Matcher};
use trellis_kernel::{DomainError, DomainResult, RuleId, TenantId, UserId};
use trellis_rules::{DecisionOutcome, RoutingRun, RoutingRunId, RuleType, RunMode, ValidationRule};

use crate::routing::entity::{datasource, datasource_config, intent, routing_run, validation_rule};

fn unknown(what: &str, value: &str) -> DomainError {
    DomainError::internal_msg(format!("stored {what} `{value}` is unknown"))
}

fn to_json<T: Serialize + ?Sized>(value: &T, what: &str) -> DomainResult<serde_json::Value> {
    serde_json::to_value(value)
        .map_err(|err| DomainError::internal_msg(format!("{what} does not serialise: {err}")))
}

fn from_json<T: DeserializeOwned>(value: serde_json::Value, what: &str) -> DomainResult<T> {
    serde_json::from_value(value)
        .map_err(|err| DomainError::internal_msg(format!("stored {what} is not readable: {err}")))
}

fn to_i64(value: u64, what: &str) -> DomainResult<i64> {
    i64::try_from(value).map_err(|_| DomainError::internal_msg(format!("{what} is too large")))
}

fn to_u64(value: i64, what: &str) -> DomainResult<u64> {
    u64::try_from(value)
        .map_err(|_| DomainError::internal_msg(format!("stored {what} is negative")))
}

pub(crate) fn config(model: datasource_config::Model) -> DomainResult<DatasourceConfig> {
    let protocol =
        Protocol::parse(&model.protocol).ok_or_else(|| unknown("protocol", &model.protocol))?;
    let auth_type =
        AuthType::parse(&model.auth_type).ok_or_else(|| unknown("auth type", &model.auth_type))?;
    let credentials = match (model.credentials_key_id, model.credentials_ciphertext) {
        (Some(key_id), Some(ciphertext)) => Some(EncryptedSecret { key_id, ciphertext }),
        (None, None) => None,
        _ => {
            return Err(DomainError::internal_msg(
                "stored credentials lack their key id or their ciphertext",
            ));
        }
    };
    // Only SQL servers have a mode; the column's default on other rows means nothing.
    let tls_mode = match (protocol, model.tls_mode) {
        (Protocol::Postgresql | Protocol::Mysql, Some(mode)) => {
            Some(TlsMode::parse(&mode).ok_or_else(|| unknown("TLS mode", &mode))?)
        }
        (Protocol::Postgresql | Protocol::Mysql, None) => Some(TlsMode::DEFAULT),
        _ => None,
    };
    Ok(DatasourceConfig {
        id: DatasourceConfigId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        name: model.name,
        protocol,
        base_url: model.base_url,
        auth_type,
        credentials,
        connection: from_json(model.connection, "connection options")?,
        tls_mode,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

pub(crate) fn config_model(
    config: &DatasourceConfig,
) -> DomainResult<datasource_config::ActiveModel> {
    let (key_id, ciphertext) = match &config.credentials {
        Some(secret) => (Some(secret.key_id.clone()), Some(secret.ciphertext.clone())),
        None => (None, None),
    };
    Ok(datasource_config::ActiveModel {
        tenant_id: Set(config.tenant_id.as_uuid()),
        id: Set(config.id.as_uuid()),
        name: Set(config.name.clone()),
        name_key: Set(config.name.to_lowercase()),
        protocol: Set(config.protocol.as_str().to_owned()),
        base_url: Set(config.base_url.clone()),
        auth_type: Set(config.auth_type.as_str().to_owned()),
        credentials_key_id: Set(key_id),
        credentials_ciphertext: Set(ciphertext),
        connection: Set(to_json(&config.connection, "connection options")?),
        tls_mode: Set(config.tls_mode.map(|mode| mode.as_str().to_owned())),
        created_at: Set(config.created_at),
        updated_at: Set(config.updated_at),
        deleted_at: NotSet,
        deletion_id: NotSet,
    })
}

pub(crate) fn datasource(model: datasource::Model) -> DomainResult<Datasource> {
    let kind = DatasourceKind::parse(&model.kind).ok_or_else(|| unknown("kind", &model.kind))?;
    let file = match (
        model.file_name,
        model.file_size,
        model.file_rows,
        model.file_columns,
        model.file_uploaded_at,
    ) {
        (None, None, None, None, None) => None,
        (Some(filename), Some(size), Some(rows), Some(columns), Some(uploaded_at)) => {
            Some(FileSummary {
                filename,
                size_bytes: to_u64(size, "file size")?,
                row_count: to_u64(rows, "row count")?,
                columns: from_json(columns, "file columns")?,
                uploaded_at,
            })
        }
        _ => {
            return Err(DomainError::internal_msg(
                "stored file summary is incomplete",
            ));
        }
    };
    Ok(Datasource {
        id: DatasourceId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        name: model.name,
        kind,
        config_id: DatasourceConfigId::from_uuid(model.config_id),
        description: model.description,
        file,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

pub(crate) fn datasource_model(datasource: &Datasource) -> DomainResult<datasource::ActiveModel> {
    let file = datasource.file.as_ref();
    Ok(datasource::ActiveModel {
        tenant_id: Set(datasource.tenant_id.as_uuid()),
        id: Set(datasource.id.as_uuid()),
        name: Set(datasource.name.clone()),
        name_key: Set(datasource.name.to_lowercase()),
        kind: Set(datasource.kind.as_str().to_owned()),
        config_id: Set(datasource.config_id.as_uuid()),
        description: Set(datasource.description.clone()),
        file_name: Set(file.map(|f| f.filename.clone())),
        file_size: Set(file
            .map(|f| to_i64(f.size_bytes, "file size"))
            .transpose()?),
        file_rows: Set(file.map(|f| to_i64(f.row_count, "row count")).transpose()?),
        file_columns: Set(file
            .map(|f| to_json(&f.columns, "file columns"))
            .transpose()?),
        file_uploaded_at: Set(file.map(|f| f.uploaded_at)),
        created_at: Set(datasource.created_at),
        updated_at: Set(datasource.updated_at),
        deleted_at: NotSet,
        deletion_id: NotSet,
    })
}

pub(crate) fn intent(model: intent::Model) -> DomainResult<Intent> {
    let specs: Vec<MatcherSpec> = from_json(model.matchers, "matchers")?;
    let matchers = specs
        .into_iter()
        .map(|spec| {
            Matcher::new(spec).map_err(|(field, message)| {
                DomainError::internal_msg(format!(
                    "a stored matcher of intent {} is invalid: {field} {message}",
                    model.id
                ))
            })
        })
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(Intent {
        id: IntentId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        name: model.name,
        description: model.description,
        priority: model.priority,
        is_active: model.is_active,
        matchers,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

pub(crate) fn intent_model(intent: &Intent) -> DomainResult<intent::ActiveModel> {
    let specs: Vec<&MatcherSpec> = intent.matchers.iter().map(Matcher::spec).collect();
    Ok(intent::ActiveModel {
        tenant_id: Set(intent.tenant_id.as_uuid()),
        id: Set(intent.id.as_uuid()),
        name: Set(intent.name.clone()),
        name_key: Set(intent.name.to_lowercase()),
        description: Set(intent.description.clone()),
        priority: Set(intent.priority),
        is_active: Set(intent.is_active),
        matchers: Set(to_json(&specs, "matchers")?),
        created_at: Set(intent.created_at),
        updated_at: Set(intent.updated_at),
        deleted_at: NotSet,
        deletion_id: NotSet,
    })
}

pub(crate) fn rule(model: validation_rule::Model) -> DomainResult<ValidationRule> {
    let field_name = EmailField::parse(&model.field_name).map_err(|err| {
        DomainError::internal_msg(format!("stored field name of rule {}: {err}", model.id))
    })?;
    let rule_type =
        RuleType::parse(&model.rule_type).ok_or_else(|| unknown("rule type", &model.rule_type))?;
    Ok(ValidationRule {
        id: RuleId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        intent_id: IntentId::from_uuid(model.intent_id),
        datasource_id: DatasourceId::from_uuid(model.datasource_id),
        field_name,
        rule_type,
        conditions: model.conditions,
        priority: model.priority,
        is_active: model.is_active,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

pub(crate) fn rule_model(rule: &ValidationRule) -> validation_rule::ActiveModel {
    validation_rule::ActiveModel {
        tenant_id: Set(rule.tenant_id.as_uuid()),
        id: Set(rule.id.as_uuid()),
        intent_id: Set(rule.intent_id.as_uuid()),
        datasource_id: Set(rule.datasource_id.as_uuid()),
        field_name: Set(rule.field_name.to_string()),
        rule_type: Set(rule.rule_type.as_str().to_owned()),
        conditions: Set(rule.conditions.clone()),
        priority: Set(rule.priority),
        is_active: Set(rule.is_active),
        created_at: Set(rule.created_at),
        updated_at: Set(rule.updated_at),
        deleted_at: NotSet,
        deletion_id: NotSet,
    }
}

pub(crate) fn run(model: routing_run::Model) -> DomainResult<RoutingRun> {
    let mode = RunMode::parse(&model.mode).ok_or_else(|| unknown("run mode", &model.mode))?;
    let outcome =
        DecisionOutcome::parse(&model.outcome).ok_or_else(|| unknown("outcome", &model.outcome))?;
    Ok(RoutingRun {
        id: RoutingRunId::from_uuid(model.id),
        tenant_id: TenantId::from_uuid(model.tenant_id),
        mode,
        intent_id: model.intent_id.map(IntentId::from_uuid),
        intent_name: model.intent_name,
        matched_by: model
            .matched_by
            .map(|value| from_json(value, "matcher"))
            .transpose()?,
        outcome,
        results: from_json(model.results, "rule results")?,
        email_from: model.email_from,
        email_subject: model.email_subject,
        email_message_id: model.email_message_id,
        duration_ms: model.duration_ms,
        actor_id: model.actor_id.map(UserId::from_uuid),
        request_id: model.request_id,
        created_at: model.created_at,
    })
}

pub(crate) fn run_model(run: &RoutingRun) -> DomainResult<routing_run::ActiveModel> {
    Ok(routing_run::ActiveModel {
        tenant_id: Set(run.tenant_id.as_uuid()),
        id: Set(run.id.as_uuid()),
        mode: Set(run.mode.as_str().to_owned()),
        intent_id: Set(run.intent_id.map(|id| id.as_uuid())),
        intent_name: Set(run.intent_name.clone()),
        matched_by: Set(run
            .matched_by
            .as_ref()
            .map(|spec| to_json(spec, "matcher"))
            .transpose()?),
        outcome: Set(run.outcome.as_str().to_owned()),
        results: Set(to_json(&run.results, "rule results")?),
        email_from: Set(run.email_from.clone()),
        email_subject: Set(run.email_subject.clone()),
        email_message_id: Set(run.email_message_id.clone()),
        duration_ms: Set(run.duration_ms),
        actor_id: Set(run.actor_id.map(|id| id.as_uuid())),
        request_id: Set(run.request_id.clone()),
        created_at: Set(run.created_at),
    })
}
