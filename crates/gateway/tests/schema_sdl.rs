//! The checked-in `schema.graphql` is the exported SDL of the code. On drift,
//! rewrite it with `UPDATE_SCHEMA=1 cargo test -p trellis-gateway --test schema_sdl`
//! and review the diff: it is the public contract.

mod support;

use support::MocksExt;

use std::path::PathBuf;

fn schema_file() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema.graphql");
    path.canonicalize().unwrap_or(path)
}

#[test]
fn schema_graphql_matches_the_code() {
    let sdl = support::Mocks::default().into_schema().sdl();
    let path = schema_file();
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(&path, &sdl).expect("write schema.graphql");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if checked_in != sdl {
        let first_difference = checked_in
            .lines()
            .zip(sdl.lines())
            .enumerate()
            .find(|(_, (file, code))| file != code)
            .map(|(n, (file, code))| format!("line {}: file `{file}`, code `{code}`", n + 1))
            .unwrap_or_else(|| "one is a prefix of the other".to_owned());
        panic!(
            "{} differs from the schema the code builds ({first_difference}); \
             run `UPDATE_SCHEMA=1 cargo test -p trellis-gateway --test schema_sdl` and review the diff",
            path.display()
        );
    }
}
