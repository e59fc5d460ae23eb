//! Lookups in uploaded CSV files, read through the datasource repository.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use trellis_connectors::Connectors;
use trellis_datasources::ports::{Connector, MockDatasourceRepository};
use trellis_datasources::{
    Datasource, DatasourceConfig, Lookup, LookupErrorKind, LookupResult, Protocol,
};

use crate::helpers::*;

/// Connectors whose repository serves `uploads` in turn (the last one from
/// then on) and counts the reads.
fn serving(uploads: Vec<Option<&'static str>>) -> (Connectors, Arc<AtomicUsize>) {
    let reads = Arc::new(AtomicUsize::new(0));
    let counter = reads.clone();
    let mut files = MockDatasourceRepository::new();
    files.expect_file_content().returning(move |_, _| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        let upload = uploads[n.min(uploads.len() - 1)];
        Ok(upload.map(|csv| csv.as_bytes().to_vec()))
    });
    (
        connectors_with(false, std::env::temp_dir(), Arc::new(files)),
        reads,
    )
}

fn file_config() -> (DatasourceConfig, Datasource) {
    let config = config(Protocol::File, "", None, options(2_000));
    let source = datasource(&config);
    (config, source)
}

fn find(column: &str, value: &str) -> Lookup {
    Lookup::File {
        column: column.into(),
        value: value.into(),
    }
}

fn matched(result: LookupResult) -> Option<BTreeMap<String, String>> {
    match result {
        LookupResult::File { matched_row } => matched_row,
        other => panic!("not a file result: {other:?}"),
    }
}

const CUSTOMERS: &str = "email,plan\nann@x.com,gold\nbob@y.com,free\n";

#[tokio::test]
async fn rows_match_ignoring_case_and_spaces_and_the_file_is_read_once() {
    let (connectors, reads) = serving(vec![Some(CUSTOMERS)]);
    let (config, source) = file_config();
    let row = matched(
        connectors
            .lookup(&config, &source, &find("email", "  ANN@x.com "))
            .await
            .unwrap(),
    );
    assert_eq!(
        row,
        Some(BTreeMap::from([
            ("email".to_owned(), "ann@x.com".to_owned()),
            ("plan".to_owned(), "gold".to_owned()),
        ]))
    );
    let plan = matched(
        connectors
            .lookup(&config, &source, &find("Plan", "free"))
            .await
            .unwrap(),
    );
    assert_eq!(plan.unwrap()["email"], "bob@y.com");
    assert_eq!(
        matched(
            connectors
                .lookup(&config, &source, &find("email", "carol@z.com"))
                .await
                .unwrap()
        ),
        None
    );
    assert_eq!(
        reads.load(Ordering::SeqCst),
        1,
        "parsed once, then served from the cache"
    );
}

#[tokio::test]
async fn a_new_upload_replaces_the_cached_table() {
    let (connectors, reads) = serving(vec![
        Some(CUSTOMERS),
        Some("email,plan\nann@x.com,silver\n"),
    ]);
    let (config, mut source) = file_config();
    let before = matched(
        connectors
            .lookup(&config, &source, &find("email", "ann@x.com"))
            .await
            .unwrap(),
    );
    assert_eq!(before.unwrap()["plan"], "gold");
    source.updated_at = later(source.updated_at);
    let after = matched(
        connectors
            .lookup(&config, &source, &find("email", "ann@x.com"))
            .await
            .unwrap(),
    );
    assert_eq!(after.unwrap()["plan"], "silver");
    assert_eq!(
        matched(
            connectors
                .lookup(&config, &source, &find("email", "bob@y.com"))
                .await
                .unwrap()
        ),
        None
    );
    assert_eq!(reads.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn evicting_the_config_drops_its_tables() {
    let (connectors, reads) = serving(vec![Some(CUSTOMERS)]);
    let (config, source) = file_config();
    connectors
        .lookup(&config, &source, &find("email", "a"))
        .await
        .unwrap();
    connectors.evict(config.tenant_id, config.id);
    connectors
        .lookup(&config, &source, &find("email", "a"))
        .await
        .unwrap();
    assert_eq!(reads.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn unknown_columns_and_missing_uploads_are_config_errors() {
    let (connectors, _) = serving(vec![Some(CUSTOMERS)]);
    let (config, source) = file_config();
    let message = assert_kind(
        connectors
            .lookup(&config, &source, &find("phone", "1"))
            .await,
        LookupErrorKind::Config,
    );
    assert_eq!(
        message,
        "the CSV has no column `phone`; its columns are `email`, `plan`"
    );

    let (connectors, _) = serving(vec![None]);
    let message = assert_kind(
        connectors
            .lookup(&config, &source, &find("email", "a"))
            .await,
        LookupErrorKind::Config,
    );
    assert_eq!(
        message,
        "no CSV has been uploaded to datasource `customers`"
    );
}

#[tokio::test]
async fn file_configs_take_only_file_lookups_and_probe_fine() {
    let (connectors, reads) = serving(vec![Some(CUSTOMERS)]);
    let (config, source) = file_config();
    let sql = Lookup::Sql {
        statement: "SELECT 1".into(),
        params: vec![],
    };
    let message = assert_kind(
        connectors.lookup(&config, &source, &sql).await,
        LookupErrorKind::Config,
    );
    assert!(message.contains("FILE"), "{message}");
    connectors.probe(&config).await.unwrap();
    assert_eq!(reads.load(Ordering::SeqCst), 0);
}
