//! The store's contract suite: every port behaves as its doc comment says.
//! Each test runs on a fresh in-memory SQLite database and, when
//! `TEST_DATABASE_URL` is set, again on a fresh PostgreSQL database. One
//! folder per product wing, as in `src/`.

#[macro_use]
mod support;

mod audit;
mod connect;
mod routing;
mod row_level_security;
mod tenancy;
mod work;
