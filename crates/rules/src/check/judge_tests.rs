use std::collections::BTreeMap;

use serde_json::{Value, json};
use trellis_datasources::{DatasourceKind, Lookup, LookupResult, Protocol};
use trellis_intents::EmailMessage;

use super::RuleCheck;
use super::tests::parse_as;
use crate::rule::RuleType;
use crate::run::RuleOutcome::{self, Error, Failed, Passed};

const DATABASE: (DatasourceKind, Protocol) = (DatasourceKind::Database, Protocol::Postgresql);
const FILE: (DatasourceKind, Protocol) = (DatasourceKind::File, Protocol::File);

pub(super) fn email() -> EmailMessage {
    EmailMessage {
        from: "Ada@Example.com".into(),
        subject: "Order 42".into(),
        headers: vec![("X-Customer".into(), "C-7".into())],
        fields: BTreeMap::from([("plan".into(), "Pro".into())]),
        ..EmailMessage::default()
    }
}

pub(super) fn check(
    rule_type: RuleType,
    target: (DatasourceKind, Protocol),
    conditions: Value,
) -> RuleCheck {
    parse_as(rule_type, target, &conditions).unwrap_or_else(|e| panic!("{conditions}: {e:?}"))
}

/// A DATABASE rule judged on a first column of `value` (`None`: no row).
fn sql(rule_type: RuleType, extra: Value, value: Option<Value>) -> (RuleOutcome, String) {
    let mut conditions =
        json!({"query": "SELECT plan FROM c WHERE email = $1", "params": ["from"]});
    conditions
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let check = check(rule_type, DATABASE, conditions);
    let first_row = value.map(|v| vec![v, json!("ignored")]);
    check.judge(&email(), &LookupResult::Sql { first_row })
}

#[test]
fn sql_lookups_bind_values_into_the_capped_statement() {
    let conditions = json!({
        "query": "SELECT 1 FROM c WHERE email = $1 AND id = $2",
        "params": ["from", "headers.X-Customer"]
    });
    let check = check(RuleType::Exists, DATABASE, conditions);
    let Lookup::Sql { statement, params } = check.lookup(&email()).unwrap() else {
        panic!("not a SQL lookup");
    };
    assert_eq!(
        statement,
        "SELECT 1 FROM c WHERE email = $1 AND id = $2 LIMIT 1"
    );
    assert_eq!(params, ["Ada@Example.com", "C-7"]);
    let bare = EmailMessage {
        from: "a@b.c".into(),
        ..EmailMessage::default()
    };
    assert_eq!(
        check.lookup(&bare).unwrap_err(),
        "the email has no `headers.X-Customer`"
    );
}

#[test]
fn file_lookups_match_the_rule_field() {
    let check = check(RuleType::Exists, FILE, json!({"column": "email"}));
    let lookup = check.lookup(&email()).unwrap();
    let expected = Lookup::File {
        column: "email".into(),
        value: "Ada@Example.com".into(),
    };
    assert_eq!(lookup, expected);
}

#[test]
fn exists_and_not_exists_on_sql() {
    let none = json!({});
    assert_eq!(
        sql(RuleType::Exists, none.clone(), Some(json!(1))),
        (Passed, "found a row".into())
    );
    assert_eq!(
        sql(RuleType::Exists, none.clone(), None),
        (Failed, "found no row".into())
    );
    assert_eq!(
        sql(RuleType::NotExists, none.clone(), None),
        (Passed, "found no row".into())
    );
    assert_eq!(
        sql(RuleType::NotExists, none, Some(json!(1))),
        (Failed, "found a row".into())
    );
}

#[test]
fn equals_ignores_case_and_compares_numbers_numerically() {
    let pro = json!({"expected": "pro"});
    assert_eq!(
        sql(RuleType::Equals, pro.clone(), Some(json!(" PRO "))).0,
        Passed
    );
    let (outcome, detail) = sql(
        RuleType::Equals,
        json!({"expected": "enterprise"}),
        Some(json!("pro")),
    );
    assert_eq!(
        (outcome, detail.as_str()),
        (Failed, "found `pro`, expected `enterprise`")
    );
    assert_eq!(
        sql(
            RuleType::Equals,
            json!({"expected": 42}),
            Some(json!("42.0"))
        )
        .0,
        Passed
    );
    assert_eq!(
        sql(
            RuleType::Equals,
            json!({"expected": "1e3"}),
            Some(json!(1000))
        )
        .0,
        Passed
    );
    assert_eq!(
        sql(
            RuleType::Equals,
            json!({"expected": true}),
            Some(json!(true))
        )
        .0,
        Passed
    );
    assert_eq!(
        sql(RuleType::Equals, pro.clone(), Some(Value::Null)),
        (Failed, "found nothing".into())
    );
    assert_eq!(
        sql(RuleType::Equals, pro.clone(), None),
        (Failed, "found nothing".into())
    );
    assert_eq!(
        sql(RuleType::NotEquals, pro.clone(), Some(json!("gold"))).0,
        Passed
    );
    let (outcome, detail) = sql(RuleType::NotEquals, pro, Some(json!("Pro")));
    assert_eq!(outcome, Failed);
    assert!(detail.contains("anything but `pro`"), "{detail}");
}

#[test]
fn equals_without_expected_compares_with_the_email_field() {
    assert_eq!(
        sql(RuleType::Equals, json!({}), Some(json!("ada@example.com"))).0,
        Passed
    );
    assert_eq!(
        sql(RuleType::Equals, json!({}), Some(json!("bob@example.com"))).0,
        Failed
    );
}

#[test]
fn regex_in_list_and_range() {
    let pattern = json!({"pattern": "^p[a-z]+$"});
    assert_eq!(
        sql(RuleType::Regex, pattern.clone(), Some(json!("pro"))).0,
        Passed
    );
    let (outcome, detail) = sql(RuleType::Regex, pattern, Some(json!("gold")));
    assert_eq!(
        (outcome, detail.as_str()),
        (Failed, "`gold` does not match the pattern")
    );

    let values = json!({"values": ["Silver", "PRO", 7]});
    assert_eq!(
        sql(RuleType::InList, values.clone(), Some(json!("pro"))).0,
        Passed
    );
    assert_eq!(
        sql(RuleType::InList, values.clone(), Some(json!(7.0))).0,
        Passed
    );
    let (outcome, detail) = sql(RuleType::InList, values, Some(json!("gold")));
    assert_eq!(
        (outcome, detail.as_str()),
        (Failed, "`gold` is not in the list")
    );

    let range = json!({"min": 0, "max": 100});
    assert_eq!(
        sql(RuleType::Range, range.clone(), Some(json!(42))),
        (Passed, "42 is within 0..100".into())
    );
    assert_eq!(
        sql(RuleType::Range, range.clone(), Some(json!("100"))).0,
        Passed
    );
    assert_eq!(
        sql(RuleType::Range, range.clone(), Some(json!(100.5))).0,
        Failed
    );
    let (outcome, detail) = sql(RuleType::Range, range, Some(json!("abc")));
    assert_eq!(
        (outcome, detail.as_str()),
        (Failed, "found `abc`, which is not a number")
    );
    assert_eq!(
        sql(RuleType::Range, json!({"min": 10}), Some(json!(9))).0,
        Failed
    );
    assert_eq!(
        sql(RuleType::Range, json!({"max": 10}), Some(json!(-3))).0,
        Passed
    );
}

#[test]
fn long_values_are_cut_in_details() {
    let long = "x".repeat(500);
    let (_, detail) = sql(
        RuleType::Equals,
        json!({"expected": "y"}),
        Some(json!(long)),
    );
    assert!(detail.len() < 250 && detail.contains('…'), "{detail}");
}

fn file(rule_type: RuleType, extra: Value, row: Option<&[(&str, &str)]>) -> (RuleOutcome, String) {
    let mut conditions = json!({"column": "email"});
    conditions
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let check = check(rule_type, FILE, conditions);
    let matched_row = row.map(|r| r.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect());
    check.judge(&email(), &LookupResult::File { matched_row })
}

#[test]
fn file_rules_judge_the_matched_row() {
    let row: &[(&str, &str)] = &[
        ("email", "ada@example.com"),
        ("plan", "Gold"),
        ("notes", ""),
    ];
    assert_eq!(file(RuleType::Exists, json!({}), Some(row)).0, Passed);
    assert_eq!(file(RuleType::Exists, json!({}), None).0, Failed);
    assert_eq!(file(RuleType::NotExists, json!({}), None).0, Passed);
    let values = json!({"returnColumn": "plan", "values": ["gold", "platinum"]});
    assert_eq!(file(RuleType::InList, values.clone(), Some(row)).0, Passed);
    assert_eq!(
        file(RuleType::InList, values, None),
        (Failed, "found nothing".into())
    );
    let notes = json!({"returnColumn": "notes", "expected": "x"});
    assert_eq!(
        file(RuleType::Equals, notes, Some(row)),
        (Failed, "found nothing".into())
    );
    let missing = json!({"returnColumn": "tier", "expected": "x"});
    let (outcome, detail) = file(RuleType::Equals, missing, Some(row));
    assert_eq!(
        (outcome, detail.as_str()),
        (Error, "the file has no column `tier`")
    );
}

#[test]
fn an_answer_of_the_wrong_kind_is_an_error() {
    let check = check(RuleType::Exists, FILE, json!({"column": "email"}));
    let (outcome, _) = check.judge(&email(), &LookupResult::Sql { first_row: None });
    assert_eq!(outcome, Error);
}
