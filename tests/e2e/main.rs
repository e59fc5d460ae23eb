//! End-to-end GraphQL scenarios, through the HTTP router, on SQLite and PostgreSQL.

mod admin;
mod audit;
mod invitations;
mod isolation;
mod members;
mod mocked;
mod onboarding;
mod sessions;
mod tokens;
mod validation;
