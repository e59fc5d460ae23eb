//! The store's contract suite: every port behaves as its doc comment says.
//! Each test runs on a fresh in-memory SQLite database and, when
//! `TEST_DATABASE_URL` is set, again on a fresh PostgreSQL database.

#[macro_use]
mod support;

mod audit;
mod connect;
mod credentials;
mod datasource_configs;
mod datasource_files;
mod datasources;
mod intents;
mod invitations;
mod isolation;
mod members;
mod revocation;
mod roles;
mod routing_runs;
mod routing_support;
mod rule_order;
mod rules;
mod schema;
mod sessions;
mod tenants;
mod users;
