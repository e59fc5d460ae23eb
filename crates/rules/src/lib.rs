//! Validation rules, and routing itself: an email is matched to the
//! highest-priority intent, checked against live data by that intent's
//! rules, and the decision is recorded so the tenant can see what happened.
//! Entities, ports and use cases; no I/O.

pub mod check;
pub mod ports;
mod product;
pub mod routing;
pub mod rule;
pub mod run;
pub mod service;
pub mod sql;
#[cfg(any(test, feature = "mock"))]
pub mod testing;

pub use product::{Routing, RoutingPorts};
pub use routing::{RoutingDeps, RoutingService, RoutingSettings};
pub use rule::{RuleType, ValidationRule};
pub use run::{
    DecisionOutcome, RoutingRun, RoutingRunFilter, RoutingRunId, RuleOutcome, RuleResult, RunMode,
};
pub use service::{CreateIntentWithRules, CreateRule, RuleDeps, RuleService, RuleSpec, UpdateRule};
