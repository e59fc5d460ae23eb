//! The Routing wing's object types. Each wraps or converts a domain type;
//! no domain type derives anything from async-graphql.

pub mod datasource;
pub mod intent;
pub mod routing;
pub mod rule;

pub use datasource::{
    AuthType, ConfigTest, Datasource, DatasourceConfig, DatasourceConfigConnection,
    DatasourceConnection, DatasourceFile, DatasourceKind, Protocol, TlsMode,
};
pub use intent::{Intent, IntentConnection, MatchField, MatchOperator, Matcher};
pub use routing::{
    DecisionOutcome, EmailSummary, RoutingDecision, RoutingDecisionConnection, RoutingMode,
    RuleOutcome, RuleResult,
};
pub use rule::{RuleType, ValidationRule};
