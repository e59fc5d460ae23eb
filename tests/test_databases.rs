// Shared by the build scripts of the packages whose tests need a database
// server (`include!`d, not a module): it decides when the tests are built
// whether those tests run or are ignored.
//
// libtest cannot skip a test at run time, and a test that returns early
// when its server is missing reports "ok" for a test that never ran. So
// each such test carries `#[cfg_attr(no_test_database, ignore = "…")]`
// (or `no_test_mysql`), and this sets the cfg when the URL is not set: the
// harness then lists the test as ignored, with the reason, and counts it
// in its summary, and the build prints one warning per package. Cargo
// rebuilds the package when one of the variables changes.
//
// With `TRELLIS_REQUIRE_TEST_DATABASES=1` (CI) nothing is ignored: a test
// whose server is not configured fails, saying which variable to set.

#[allow(dead_code)] // each package names the servers its tests use
/// PostgreSQL: the store, end-to-end and connector suites.
const POSTGRES: (&str, &str) = ("TEST_DATABASE_URL", "no_test_database");
#[allow(dead_code)]
/// MySQL/MariaDB: the connector suite.
const MYSQL: (&str, &str) = ("TEST_MYSQL_URL", "no_test_mysql");

/// Sets each server's cfg (`no_test_database`, `no_test_mysql`) when its
/// variable is missing and databases are not required.
fn gate_test_databases(servers: &[(&str, &str)]) {
    println!("cargo::rerun-if-env-changed=TRELLIS_REQUIRE_TEST_DATABASES");
    let required = std::env::var("TRELLIS_REQUIRE_TEST_DATABASES").is_ok_and(|v| v == "1");
    for (var, cfg) in servers {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        println!("cargo::rerun-if-env-changed={var}");
        let set = std::env::var(var).is_ok_and(|url| !url.trim().is_empty());
        if !set && !required {
            println!("cargo::rustc-cfg={cfg}");
            println!(
                "cargo::warning={var} is not set: the tests that need it are ignored \
                 (see the README's test section)"
            );
        }
    }
}
