//! Validation rules: the checks an intent runs on an email against live data.

use std::sync::Arc;

use async_graphql::{ComplexObject, Context, Enum, ID, Json, Result, SimpleObject};
use chrono::{DateTime, Utc};
use trellis_datasources as ds;
use trellis_datasources::DatasourceId;
use trellis_rules as rules;

use super::datasource::Datasource;
use super::memo::Memo;
use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::state::AppState;

/// What a rule checks about the value its lookup finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum RuleType {
    /// The lookup finds something.
    Exists,
    /// The lookup finds nothing.
    NotExists,
    /// The value found equals `conditions.expected` (or, without it, the
    /// email's value of `fieldName`).
    Equals,
    /// The opposite of EQUALS.
    NotEquals,
    /// The value found matches `conditions.pattern`.
    Regex,
    /// The value found is one of `conditions.values`.
    InList,
    /// The value found is a number within `conditions.min` and `conditions.max`.
    Range,
}

impl From<rules::RuleType> for RuleType {
    fn from(rule_type: rules::RuleType) -> Self {
        match rule_type {
            rules::RuleType::Exists => RuleType::Exists,
            rules::RuleType::NotExists => RuleType::NotExists,
            rules::RuleType::Equals => RuleType::Equals,
            rules::RuleType::NotEquals => RuleType::NotEquals,
            rules::RuleType::Regex => RuleType::Regex,
            rules::RuleType::InList => RuleType::InList,
            rules::RuleType::Range => RuleType::Range,
        }
    }
}

impl From<RuleType> for rules::RuleType {
    fn from(rule_type: RuleType) -> Self {
        match rule_type {
            RuleType::Exists => rules::RuleType::Exists,
            RuleType::NotExists => rules::RuleType::NotExists,
            RuleType::Equals => rules::RuleType::Equals,
            RuleType::NotEquals => rules::RuleType::NotEquals,
            RuleType::Regex => rules::RuleType::Regex,
            RuleType::InList => rules::RuleType::InList,
            RuleType::Range => rules::RuleType::Range,
        }
    }
}

/// Datasources looked up by the rules of one list, shared between them.
pub(crate) type DatasourceMemo = Arc<Memo<DatasourceId, ds::Datasource>>;

/// One check an intent runs on an email, against one datasource.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct ValidationRule {
    /// The rule's id.
    pub id: ID,
    /// The intent it belongs to.
    pub intent_id: ID,
    /// The datasource it queries.
    pub datasource_id: ID,
    /// The email value the rule is about: `from`, `fromDomain`, `to`, `cc`,
    /// `subject`, `body`, `messageId`, `headers.<Name>` or `fields.<key>`.
    pub field_name: String,
    /// What it checks.
    pub rule_type: RuleType,
    /// The lookup and comparison, as written: `{query, params}` for a
    /// DATABASE, `{method, path, ...}` for an API, `{column, returnColumn}`
    /// for a FILE datasource, plus `expected`, `pattern`, `values`, `min`
    /// or `max` as the rule type needs.
    pub conditions: Json<serde_json::Value>,
    /// Higher runs first; ties go to the older rule.
    pub priority: i32,
    /// Inactive rules are not run.
    pub is_active: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub(crate) datasource_key: DatasourceId,
    #[graphql(skip)]
    pub(crate) datasources: DatasourceMemo,
}

impl From<rules::ValidationRule> for ValidationRule {
    fn from(rule: rules::ValidationRule) -> Self {
        Self {
            id: id(rule.id),
            intent_id: id(rule.intent_id),
            datasource_id: id(rule.datasource_id),
            field_name: rule.field_name.to_string(),
            rule_type: rule.rule_type.into(),
            conditions: Json(rule.conditions),
            priority: rule.priority,
            is_active: rule.is_active,
            created_at: rule.created_at,
            updated_at: rule.updated_at,
            datasource_key: rule.datasource_id,
            datasources: DatasourceMemo::default(),
        }
    }
}

#[ComplexObject]
impl ValidationRule {
    /// The datasource it queries.
    async fn datasource(&self, ctx: &Context<'_>) -> Result<Datasource> {
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let key = self.datasource_key;
        let datasource = self
            .datasources
            .get_or_load(key, || state.routing.datasources.get(scope, key))
            .await
            .gql(ctx)?;
        Ok(datasource.into())
    }
}

/// The rules as GraphQL objects sharing one datasource memo.
pub(crate) fn rules_sharing_datasources(list: Vec<rules::ValidationRule>) -> Vec<ValidationRule> {
    let memo = DatasourceMemo::default();
    list.into_iter()
        .map(|rule| ValidationRule {
            datasources: memo.clone(),
            ..rule.into()
        })
        .collect()
}
