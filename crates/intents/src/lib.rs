//! Intents: the email categories a tenant routes to ("Support Ticket",
//! "Sales Lead"), each with matchers and a priority, and the email message
//! they are matched against. Entities, ports and use cases; no I/O.

pub mod email;
pub mod intent;
pub mod matcher;
pub mod pattern;
pub mod ports;
pub mod service;

pub use email::{EmailField, EmailMessage};
pub use intent::{Intent, IntentFilter, IntentId};
pub use matcher::{MatchField, MatchOperator, Matcher};
pub use service::{
    CreateIntent, DeletedIntent, IntentService, MatcherInput, RestoredIntent, UpdateIntent,
};
