//! SeaORM models of the Routing tables. They mirror the migrations and are
//! never handed out: repositories convert them to domain types.

pub mod datasource;
pub mod datasource_config;
pub mod datasource_file;
pub mod intent;
pub mod routing_run;
pub mod validation_rule;
