//! Integration tests of the connectors against real servers: PostgreSQL
//! (`TEST_DATABASE_URL`) and MySQL/MariaDB (`TEST_MYSQL_URL`), each built
//! ignored when its variable is not set; SQLite files and HTTP servers on
//! loopback always.

mod file;
mod helpers;
mod http;
mod mysql;
mod postgres;
mod sqlite;
