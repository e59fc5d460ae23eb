//! The tenancy wing's object types. Each wraps or converts a domain type;
//! no domain type derives anything from async-graphql.

pub mod audit;
pub mod auth;
pub mod member;
pub mod role;
pub mod tenant;
pub mod user;

pub use audit::{AuditEntry, AuditEntryConnection};
pub use auth::AuthPayload;
pub use member::{Invitation, InvitationConnection, Member, MemberConnection};
pub use role::{PermissionInfo, Role};
pub use tenant::{Membership, Plan, PlanLimits, Tenant, TenantConnection, TenantStatus};
pub use user::{Me, User};
