//! SeaORM models, one per table. They mirror the migrations and are never
//! handed out: repositories convert them to domain types (see `convert`).

pub mod audit_log;
pub mod datasource;
pub mod datasource_config;
pub mod datasource_file;
pub mod intent;
pub mod invitation;
pub mod membership;
pub mod refresh_token;
pub mod role;
pub mod routing_run;
pub mod session;
pub mod tenant;
pub mod user;
pub mod validation_rule;
