//! The Routing wing's ports.

mod batches;
mod credentials;
mod datasource_configs;
mod datasource_files;
mod datasources;
mod intents;
mod restore;
mod routing_runs;
mod rule_order;
mod rules;
mod soft_delete;
mod soft_delete_migration;
pub mod support;
