use serde_json::{Value, json};
use trellis_datasources::{DatasourceKind, Protocol};
use trellis_intents::EmailField;
use trellis_kernel::{DomainError, FieldErrors};

use super::RuleCheck;
use crate::rule::RuleType;

const DATABASE: (DatasourceKind, Protocol) = (DatasourceKind::Database, Protocol::Postgresql);
const API: (DatasourceKind, Protocol) = (DatasourceKind::Api, Protocol::Http);
const FILE: (DatasourceKind, Protocol) = (DatasourceKind::File, Protocol::File);

pub(super) fn parse_as(
    rule_type: RuleType,
    (kind, protocol): (DatasourceKind, Protocol),
    conditions: &Value,
) -> Result<RuleCheck, Vec<(String, String)>> {
    let mut errors = FieldErrors::new();
    let field = EmailField::From;
    let parsed = RuleCheck::parse(
        rule_type,
        &field,
        conditions,
        kind,
        protocol,
        "",
        &mut errors,
    );
    match (parsed, errors.into_result()) {
        (Some(check), Ok(())) => Ok(check),
        (None, Err(DomainError::Validation(fields))) => {
            Err(fields.into_iter().map(|f| (f.field, f.message)).collect())
        }
        (parsed, result) => panic!("parsed {parsed:?} with errors {result:?}"),
    }
}

/// The single error `conditions` produce; fails if they parse or produce more.
fn error(
    rule_type: RuleType,
    target: (DatasourceKind, Protocol),
    conditions: Value,
) -> (String, String) {
    let errors = parse_as(rule_type, target, &conditions).expect_err("accepted");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap_or_default()
}

fn assert_error(found: &(String, String), field: &str, words: &str) {
    assert_eq!(found.0, field, "{found:?}");
    assert!(found.1.contains(words), "{found:?} lacks {words:?}");
}

#[test]
fn good_conditions_parse_for_every_kind_and_type() {
    let comparison = |rule_type| match rule_type {
        RuleType::Exists | RuleType::NotExists => json!({}),
        RuleType::Equals | RuleType::NotEquals => json!({"expected": "pro"}),
        RuleType::Regex => json!({"pattern": "^p"}),
        RuleType::InList => json!({"values": ["pro", 2]}),
        RuleType::Range => json!({"min": 0, "max": 10.5}),
    };
    for rule_type in RuleType::ALL {
        let with = |extra: Value| {
            let mut conditions = comparison(rule_type);
            conditions
                .as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            conditions
        };
        let sql = with(json!({"query": "SELECT plan FROM c WHERE email = $1", "params": ["from"]}));
        assert!(
            parse_as(rule_type, DATABASE, &sql).is_ok(),
            "{rule_type:?} {sql}"
        );
        let api = with(json!({"path": "/customers/{from}?plan={fields.plan}", "pointer": "/plan"}));
        assert!(
            parse_as(rule_type, API, &api).is_ok(),
            "{rule_type:?} {api}"
        );
        let file = match rule_type {
            RuleType::Exists | RuleType::NotExists => with(json!({"column": "email"})),
            _ => with(json!({"column": "email", "returnColumn": "plan"})),
        };
        assert!(
            parse_as(rule_type, FILE, &file).is_ok(),
            "{rule_type:?} {file}"
        );
    }
    let post = json!({
        "method": "POST", "path": "/check", "body": {"email": "{from}", "tags": ["a", "{subject}"]},
        "expectStatus": [200, 204], "pointer": ""
    });
    assert!(parse_as(RuleType::Exists, API, &post).is_ok());
    for protocol in [Protocol::Mysql, Protocol::Sqlite] {
        let sql = json!({"query": "SELECT 1 FROM c WHERE email = ?", "params": ["from"]});
        assert!(parse_as(RuleType::Exists, (DatasourceKind::Database, protocol), &sql).is_ok());
    }
}

#[test]
fn unsafe_queries_are_refused_on_conditions_query() {
    for (query, words) in [
        ("DELETE FROM customers WHERE email = $1", "DELETE"),
        (
            "SELECT 1 FROM c WHERE email = $1; SELECT 2",
            "one statement",
        ),
        ("SELECT 1 FROM c WHERE email = $1 FOR UPDATE", "lock"),
        (
            "WITH x AS (DELETE FROM c WHERE email = $1 RETURNING 1) SELECT * FROM x",
            "modifies",
        ),
        ("SELECT FROM WHERE $1", "not valid SQL"),
    ] {
        let found = error(
            RuleType::Exists,
            DATABASE,
            json!({"query": query, "params": ["from"]}),
        );
        assert_error(&found, "conditions.query", words);
    }
    let found = error(RuleType::Exists, DATABASE, json!({"params": []}));
    assert_error(&found, "conditions.query", "required");
}

#[test]
fn params_must_match_the_placeholders_and_name_email_fields() {
    let query = "SELECT 1 FROM c WHERE email = $1 AND id = $2";
    let found = error(
        RuleType::Exists,
        DATABASE,
        json!({"query": query, "params": ["from"]}),
    );
    assert_error(
        &found,
        "conditions.params",
        "the query has 2 placeholders but 1 param is given",
    );
    let query = "SELECT 1 FROM c WHERE email = $1 AND id = $3";
    let found = error(
        RuleType::Exists,
        DATABASE,
        json!({"query": query, "params": ["from", "to"]}),
    );
    assert_error(&found, "conditions.params", "`$3` has no param");
    let query = "SELECT 1 FROM c WHERE email = $1 AND id = $2";
    let conditions = json!({"query": query, "params": ["from", "sender"]});
    let found = error(RuleType::Exists, DATABASE, conditions);
    assert_error(
        &found,
        "conditions.params[1]",
        "unknown email field `sender`",
    );
}

#[test]
fn unknown_and_unused_keys_are_named() {
    let conditions = json!({"query": "SELECT 1", "path": "/x"});
    let found = error(RuleType::Equals, DATABASE, conditions);
    assert_error(
        &found,
        "conditions.path",
        "is not a condition of a DATABASE rule",
    );
    assert!(found.1.contains("query, params, expected"), "{found:?}");
    let found = error(
        RuleType::Equals,
        FILE,
        json!({"column": "e", "returnColumn": "p", "pattern": "x"}),
    );
    assert_error(
        &found,
        "conditions.pattern",
        "is not used by an EQUALS rule",
    );
    let found = error(RuleType::Exists, API, json!({"path": "/x", "expected": 1}));
    assert_error(
        &found,
        "conditions.expected",
        "is not used by an EXISTS rule",
    );
}

#[test]
fn comparison_keys_are_checked() {
    let file = |extra: Value| {
        let mut conditions = json!({"column": "email", "returnColumn": "plan"});
        conditions
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        conditions
    };
    let found = error(RuleType::Regex, FILE, file(json!({})));
    assert_error(&found, "conditions.pattern", "is required for a REGEX rule");
    let found = error(RuleType::Regex, FILE, file(json!({"pattern": "(unclosed"})));
    assert_error(
        &found,
        "conditions.pattern",
        "not a valid regular expression",
    );
    let found = error(RuleType::Equals, FILE, file(json!({"expected": null})));
    assert_error(
        &found,
        "conditions.expected",
        "string, a number or a boolean",
    );
    let found = error(RuleType::InList, FILE, file(json!({"values": []})));
    assert_error(&found, "conditions.values", "list of 1 to 1000");
    let found = error(
        RuleType::InList,
        FILE,
        file(json!({"values": ["a", {"b": 1}]})),
    );
    assert_error(&found, "conditions.values[1]", "string or a number");
    let found = error(RuleType::Range, FILE, file(json!({})));
    assert_error(&found, "conditions.min", "`max`");
    let found = error(RuleType::Range, FILE, file(json!({"min": 5, "max": 1})));
    assert_error(&found, "conditions.max", "at least `min`");
    let found = error(RuleType::Range, FILE, file(json!({"min": "5"})));
    assert_error(&found, "conditions.min", "must be a number");
}

#[test]
fn api_conditions_are_checked() {
    let found = error(
        RuleType::Equals,
        API,
        json!({"path": "/c/{from}", "expected": "x"}),
    );
    assert_error(
        &found,
        "conditions.pointer",
        "is required for an EQUALS rule",
    );
    for (path, words) in [
        ("customers", "single `/`"),
        ("//evil.example/x", "single `/`"),
        ("/c/{sender}", "unknown email field `sender`"),
        ("/c/{from", "without a matching `}`"),
        ("/c/from}", "without a matching `{`"),
        ("/c/../admin", "`..`"),
        ("/c/a b", "percent-encoded"),
    ] {
        let found = error(RuleType::Exists, API, json!({"path": path}));
        assert_error(&found, "conditions.path", words);
    }
    let found = error(
        RuleType::Exists,
        API,
        json!({"path": "/c", "body": {"a": 1}}),
    );
    assert_error(&found, "conditions.body", "only sent with POST");
    let conditions = json!({"method": "POST", "path": "/c", "body": {"a": ["{nope}"]}});
    let found = error(RuleType::Exists, API, conditions);
    assert_error(&found, "conditions.body", "at /a/0");
    let found = error(
        RuleType::Exists,
        API,
        json!({"path": "/c", "expectStatus": 700}),
    );
    assert_error(&found, "conditions.expectStatus", "100 to 599");
    let found = error(
        RuleType::Exists,
        API,
        json!({"path": "/c", "pointer": "active"}),
    );
    assert_error(&found, "conditions.pointer", "starting with `/`");
    let found = error(
        RuleType::Exists,
        API,
        json!({"path": "/c", "pointer": "/a~2"}),
    );
    assert_error(&found, "conditions.pointer", "`~0` or `~1`");
    let found = error(
        RuleType::Exists,
        API,
        json!({"path": "/c", "method": "HEAD", "pointer": "/a"}),
    );
    assert_error(&found, "conditions.pointer", "HEAD");
    let found = error(
        RuleType::Exists,
        API,
        json!({"path": "/c", "method": "DELETE"}),
    );
    assert_error(&found, "conditions.method", "GET, HEAD or POST");
}

#[test]
fn file_conditions_are_checked() {
    let found = error(RuleType::Exists, FILE, json!({}));
    assert_error(&found, "conditions.column", "is required for a FILE rule");
    let found = error(RuleType::Equals, FILE, json!({"column": "email"}));
    assert_error(
        &found,
        "conditions.returnColumn",
        "is required for an EQUALS rule",
    );
    let found = error(
        RuleType::Exists,
        FILE,
        json!({"column": "email", "returnColumn": "plan"}),
    );
    assert_error(
        &found,
        "conditions.returnColumn",
        "is not used by an EXISTS rule",
    );
    let found = error(RuleType::Exists, FILE, json!({"column": " "}));
    assert_error(&found, "conditions.column", "1 to 200");
}

#[test]
fn every_problem_is_reported_under_the_prefix() {
    let mut errors = FieldErrors::new();
    let conditions = json!({"query": "DELETE FROM c", "params": ["nope"], "pattern": "(", "x": 1});
    let parsed = RuleCheck::parse(
        RuleType::Regex,
        &EmailField::From,
        &conditions,
        DatasourceKind::Database,
        Protocol::Postgresql,
        "rules[2].",
        &mut errors,
    );
    assert!(parsed.is_none());
    let Err(DomainError::Validation(fields)) = errors.into_result() else {
        panic!("expected a validation error");
    };
    let mut names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "rules[2].conditions.params[0]",
            "rules[2].conditions.pattern",
            "rules[2].conditions.query",
            "rules[2].conditions.x",
        ]
    );
}

#[test]
fn conditions_must_be_an_object_for_a_matching_protocol() {
    let found = error(RuleType::Exists, DATABASE, json!(["query"]));
    assert_error(&found, "conditions", "must be a JSON object");
    let found = error(
        RuleType::Exists,
        (DatasourceKind::Api, Protocol::Postgresql),
        json!({}),
    );
    assert_error(&found, "conditions", "cannot use POSTGRESQL");
}

#[test]
fn a_rule_check_can_be_shared_between_threads() {
    fn shared<T: Clone + std::fmt::Debug + Send + Sync + 'static>() {}
    shared::<RuleCheck>();
}
