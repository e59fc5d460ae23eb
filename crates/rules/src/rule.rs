use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use trellis_datasources::DatasourceId;
use trellis_intents::IntentId;
use trellis_kernel::{RuleId, TenantId};

use trellis_intents::EmailField;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RuleType {
    /// The lookup finds something.
    Exists,
    /// The lookup finds nothing.
    NotExists,
    /// The value found equals `expected` (or, without it, the email field).
    Equals,
    NotEquals,
    /// The value found matches `pattern`.
    Regex,
    /// The value found is one of `values`.
    InList,
    /// The value found is a number within `min` and `max`.
    Range,
}

impl RuleType {
    pub const ALL: [RuleType; 7] = [
        RuleType::Exists,
        RuleType::NotExists,
        RuleType::Equals,
        RuleType::NotEquals,
        RuleType::Regex,
        RuleType::InList,
        RuleType::Range,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            RuleType::Exists => "EXISTS",
            RuleType::NotExists => "NOT_EXISTS",
            RuleType::Equals => "EQUALS",
            RuleType::NotEquals => "NOT_EQUALS",
            RuleType::Regex => "REGEX",
            RuleType::InList => "IN_LIST",
            RuleType::Range => "RANGE",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// One check an intent runs on an email against one datasource.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationRule {
    pub id: RuleId,
    pub tenant_id: TenantId,
    pub intent_id: IntentId,
    pub datasource_id: DatasourceId,
    /// The email field the rule is about: what FILE lookups match and what
    /// EQUALS compares with when `conditions` give no `expected`.
    pub field_name: EmailField,
    pub rule_type: RuleType,
    /// As the tenant wrote them; checked against the datasource's kind when
    /// saved (see `check`).
    pub conditions: serde_json::Value,
    /// Higher runs first; ties go to the older rule.
    pub priority: i32,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
