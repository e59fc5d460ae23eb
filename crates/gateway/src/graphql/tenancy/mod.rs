//! The tenancy wing of the schema: sessions, tenants, members, roles, the
//! audit log and platform administration.

pub mod mutation;
pub mod query;
pub mod types;

pub use mutation::TenancyMutation;
pub use query::TenancyQuery;
