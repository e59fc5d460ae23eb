//! Integration tests of the connectors against real servers: PostgreSQL when
//! `TEST_DATABASE_URL` is set, MySQL/MariaDB when `TEST_MYSQL_URL` is set,
//! SQLite files and HTTP servers on loopback always.

mod file;
mod helpers;
mod http;
mod mysql;
mod postgres;
mod sqlite;
