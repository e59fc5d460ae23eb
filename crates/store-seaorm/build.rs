//! Which of the tests run: see `tests/test_databases.rs`.
include!("../../tests/test_databases.rs");

fn main() {
    gate_test_databases(&[POSTGRES]);
}
