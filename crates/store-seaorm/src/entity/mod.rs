//! SeaORM models, one per table. They mirror the migrations and are never
//! handed out: repositories convert them to domain types (see `convert`).

pub mod audit_log;
pub mod invitation;
pub mod membership;
pub mod refresh_token;
pub mod role;
pub mod session;
pub mod tenant;
pub mod user;
