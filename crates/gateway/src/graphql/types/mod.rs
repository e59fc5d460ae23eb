//! GraphQL object types. Each wraps or converts a domain type; no domain
//! type derives anything from async-graphql.

pub mod audit;
pub mod auth;
pub mod connection;
pub mod datasource;
pub mod intent;
pub mod member;
mod memo;
pub mod role;
pub mod routing;
pub mod rule;
pub mod tenant;
pub mod user;

pub use audit::{AuditEntry, AuditEntryConnection};
pub use auth::AuthPayload;
pub use connection::PageInfo;
pub use datasource::{
    AuthType, ConfigTest, Datasource, DatasourceConfig, DatasourceConfigConnection,
    DatasourceConnection, DatasourceFile, DatasourceKind, Protocol,
};
pub use intent::{Intent, IntentConnection, MatchField, MatchOperator, Matcher};
pub use member::{Invitation, InvitationConnection, Member, MemberConnection};
pub use role::{PermissionInfo, Role};
pub use routing::{
    DecisionOutcome, EmailSummary, RoutingDecision, RoutingDecisionConnection, RoutingMode,
    RuleOutcome, RuleResult,
};
pub use rule::{RuleType, ValidationRule};
pub use tenant::{Membership, Plan, PlanLimits, Tenant, TenantConnection, TenantStatus};
pub use user::{Me, User};

use async_graphql::ID;

/// Any domain id as a GraphQL `ID`.
pub(crate) fn id(value: impl ToString) -> ID {
    ID(value.to_string())
}
