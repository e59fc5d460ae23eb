//! Intents: the email categories a tenant routes to, with their matchers.

use async_graphql::{ComplexObject, Context, Enum, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use tokio::sync::OnceCell;
use trellis_intents as intents;
use trellis_intents::IntentId;
use trellis_intents::matcher::MatcherSpec;

use super::rule::ValidationRule;
use crate::graphql::connection::connection;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::loaders::Loaders;
use crate::graphql::routing::loader::RulesOf;

/// The part of an email a matcher looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum MatchField {
    /// The sender's address.
    From,
    /// The part of the sender's address after `@`, lowercased.
    FromDomain,
    /// Any recipient's address.
    To,
    /// The subject line.
    Subject,
    /// The plain-text body.
    Body,
    /// The header named by the matcher's `header`.
    Header,
}

impl From<intents::MatchField> for MatchField {
    fn from(field: intents::MatchField) -> Self {
        match field {
            intents::MatchField::From => MatchField::From,
            intents::MatchField::FromDomain => MatchField::FromDomain,
            intents::MatchField::To => MatchField::To,
            intents::MatchField::Subject => MatchField::Subject,
            intents::MatchField::Body => MatchField::Body,
            intents::MatchField::Header => MatchField::Header,
        }
    }
}

impl From<MatchField> for intents::MatchField {
    fn from(field: MatchField) -> Self {
        match field {
            MatchField::From => intents::MatchField::From,
            MatchField::FromDomain => intents::MatchField::FromDomain,
            MatchField::To => intents::MatchField::To,
            MatchField::Subject => intents::MatchField::Subject,
            MatchField::Body => intents::MatchField::Body,
            MatchField::Header => intents::MatchField::Header,
        }
    }
}

/// How a matcher compares. EQUALS, CONTAINS and ENDS_WITH ignore case;
/// REGEX is as written (start it with `(?i)` to ignore case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum MatchOperator {
    /// The whole value, ignoring surrounding spaces.
    Equals,
    /// Anywhere in the value.
    Contains,
    /// At the end of the value (e.g. a domain: `@example.com`).
    EndsWith,
    /// A regular expression without backreferences or lookaround.
    Regex,
}

impl From<intents::MatchOperator> for MatchOperator {
    fn from(operator: intents::MatchOperator) -> Self {
        match operator {
            intents::MatchOperator::Equals => MatchOperator::Equals,
            intents::MatchOperator::Contains => MatchOperator::Contains,
            intents::MatchOperator::EndsWith => MatchOperator::EndsWith,
            intents::MatchOperator::Regex => MatchOperator::Regex,
        }
    }
}

impl From<MatchOperator> for intents::MatchOperator {
    fn from(operator: MatchOperator) -> Self {
        match operator {
            MatchOperator::Equals => intents::MatchOperator::Equals,
            MatchOperator::Contains => intents::MatchOperator::Contains,
            MatchOperator::EndsWith => intents::MatchOperator::EndsWith,
            MatchOperator::Regex => intents::MatchOperator::Regex,
        }
    }
}

/// One way of recognising an intent's emails: the field, compared by the
/// operator with the value.
#[derive(Debug, Clone, SimpleObject)]
pub struct Matcher {
    /// The part of the email compared.
    pub field: MatchField,
    /// The header's name, for field HEADER only.
    pub header: Option<String>,
    /// How it is compared.
    pub operator: MatchOperator,
    /// What it is compared with.
    pub value: String,
}

impl From<MatcherSpec> for Matcher {
    fn from(spec: MatcherSpec) -> Self {
        Self {
            field: spec.field.into(),
            header: spec.header,
            operator: spec.operator.into(),
            value: spec.value,
        }
    }
}

/// An email category ("Support Ticket", "Sales Lead"). Routing tries active
/// intents from the highest priority down and picks the first one any of
/// whose matchers matches; its validation rules then check the email.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Intent {
    /// The intent's id.
    pub id: ID,
    /// Unique in the tenant, ignoring case.
    pub name: String,
    /// What the category is for.
    pub description: Option<String>,
    /// Higher is tried first; ties go to the older intent.
    pub priority: i32,
    /// Inactive intents are never routed to.
    pub is_active: bool,
    /// An email belongs to the intent when any of these matches.
    pub matchers: Vec<Matcher>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub(crate) intent_id: IntentId,
    /// Its rules, once read: by `prefetch` for a whole page, or by the
    /// resolver on first use.
    #[graphql(skip)]
    pub(crate) loaded_rules: OnceCell<Vec<ValidationRule>>,
}

impl From<intents::Intent> for Intent {
    fn from(intent: intents::Intent) -> Self {
        Self {
            id: id(intent.id),
            intent_id: intent.id,
            name: intent.name,
            description: intent.description,
            priority: intent.priority,
            is_active: intent.is_active,
            matchers: intent
                .matchers
                .iter()
                .map(|m| Matcher::from(m.spec().clone()))
                .collect(),
            created_at: intent.created_at,
            updated_at: intent.updated_at,
            loaded_rules: OnceCell::new(),
        }
    }
}

/// Rules an intent is assumed to have, for pricing their fields in the
/// query's complexity.
pub(crate) const RULES_ASSUMED: usize = 10;

#[ComplexObject]
impl Intent {
    /// Its validation rules, in the order they run. In a list of intents,
    /// the rules of the whole page are read at once.
    #[graphql(complexity = "RULES_ASSUMED * child_complexity")]
    async fn rules(&self, ctx: &Context<'_>) -> Result<&Vec<ValidationRule>> {
        self.loaded_rules
            .get_or_try_init(|| async {
                let rules = Loaders::routing(ctx)?
                    .load_one(RulesOf(self.intent_id))
                    .await
                    .gql(ctx)?
                    .unwrap_or_default();
                Ok(rules.into_iter().map(ValidationRule::from).collect())
            })
            .await
    }
}

connection!(IntentConnection, IntentEdge, Intent);
