use chrono::{DateTime, Utc};
use trellis_kernel::{TenantId, define_id};

use crate::email::EmailMessage;
use crate::matcher::Matcher;

define_id!(
    /// An email category a tenant routes to, such as "Support Ticket".
    IntentId
);

/// An email category. Routing tries active intents from the highest
/// priority down; an intent matches when any of its matchers does.
#[derive(Debug, Clone, PartialEq)]
pub struct Intent {
    pub id: IntentId,
    pub tenant_id: TenantId,
    /// Unique per tenant, ignoring case.
    pub name: String,
    pub description: Option<String>,
    /// Higher runs first; ties go to the older intent.
    pub priority: i32,
    pub is_active: bool,
    pub matchers: Vec<Matcher>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Intent {
    /// The first matcher that matches `email`, if any.
    pub fn matched_by(&self, email: &EmailMessage) -> Option<&Matcher> {
        self.matchers.iter().find(|m| m.matches(email))
    }
}

/// Narrows the intents list; every field given must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntentFilter {
    pub active: Option<bool>,
    /// Found in the name or description, ignoring case.
    pub text: Option<String>,
}
