//! End-to-end GraphQL scenarios, through the HTTP router, on SQLite and PostgreSQL.

mod admin;
mod audit;
mod invitations;
mod isolation;
mod members;
mod mocked;
mod nul;
mod onboarding;
mod routing;
mod routing_access;
mod routing_durations;
mod routing_files;
mod routing_isolation;
mod routing_keys;
mod routing_mocked;
mod routing_restore;
mod routing_sqlite_files;
mod routing_support;
mod routing_tls;
mod routing_validation;
mod sessions;
mod statements;
mod throttle;
mod tokens;
mod unavailable;
mod validation;
