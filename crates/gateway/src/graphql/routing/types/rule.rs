//! Validation rules: the checks an intent runs on an email against live data.

use async_graphql::{ComplexObject, Context, Enum, ID, Json, Result, SimpleObject};
use chrono::{DateTime, Utc};
use tokio::sync::OnceCell;
use trellis_datasources::DatasourceId;
use trellis_kernel::DomainError;
use trellis_rules as rules;

use super::datasource::Datasource;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;

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
    /// Its datasource, once read: by `prefetch` for a whole page, or by the
    /// resolver on first use.
    #[graphql(skip)]
    pub(crate) loaded_datasource: OnceCell<Datasource>,
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
            loaded_datasource: OnceCell::new(),
        }
    }
}

#[ComplexObject]
impl ValidationRule {
    /// The datasource it queries.
    async fn datasource(&self, ctx: &Context<'_>) -> Result<&Datasource> {
        self.loaded_datasource
            .get_or_try_init(|| async {
                let datasource = Loaders::routing(ctx)?
                    .load_one(self.datasource_key)
                    .await
                    .gql(ctx)?
                    .ok_or_else(|| DomainError::not_found("datasource"))
                    .gql(ctx)?;
                Ok(datasource.into())
            })
            .await
    }
}
