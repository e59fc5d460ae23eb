//! The identity and tenancy core: tenants with plans, users who may belong to
//! several tenants, roles made of permissions, invitations, sessions with
//! rotating refresh tokens, and the audit trail. Entities, ports and use cases;
//! no I/O of its own.

pub mod email;
pub mod invitation;
pub mod membership;
pub mod password;
pub mod plan;
pub mod ports;
pub mod role;
pub mod service;
pub mod session;
pub mod slug;
pub mod tenant;
#[cfg(any(test, feature = "mock"))]
pub mod testing;
pub mod token;
pub mod user;

pub use email::Email;
pub use invitation::{Invitation, InvitationId};
pub use membership::{Member, Membership, MembershipId, UserMembership};
pub use password::{Argon2PasswordHasher, PasswordHasher};
pub use plan::{Plan, PlanLimits};
pub use role::{BuiltinRole, Role, RoleId};
pub use session::{Principal, PrincipalRecord, RotateOutcome, Session, TenantAccess};
pub use slug::Slug;
pub use tenant::{Tenant, TenantStatus};
pub use token::{AccessClaims, AccessTokens, TokenHash};
pub use user::{User, UserCredentials};
