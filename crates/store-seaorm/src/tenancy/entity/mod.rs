//! SeaORM models of the tenancy tables. They mirror the migrations and are
//! never handed out: repositories convert them to domain types.

pub mod invitation;
pub mod membership;
pub mod refresh_token;
pub mod role;
pub mod session;
pub mod tenant;
pub mod user;
