//! Which of the tests run: see `test_databases.rs`.
include!("test_databases.rs");

fn main() {
    gate_test_databases(&[POSTGRES]);
}
