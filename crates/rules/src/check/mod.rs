//! A rule's `conditions`, checked against its datasource's kind when saved,
//! and turned into a lookup for each email.
//!
//! Everything is parsed, compiled and validated once by `parse`; `lookup`
//! and `judge` run per email and only bind values and compare.

mod compare;
mod http;
mod template;

use serde_json::{Map, Value};
use trellis_datasources::{DatasourceKind, Lookup, LookupResult, Protocol};
use trellis_intents::{EmailField, EmailMessage};
use trellis_kernel::FieldErrors;

use self::compare::{Compare, Shown, json_text};
use self::http::HttpCheck;
use crate::rule::RuleType;
use crate::run::RuleOutcome;
use crate::sql;

const SQL_KEYS: [&str; 2] = ["query", "params"];
const FILE_KEYS: [&str; 2] = ["column", "returnColumn"];
const MAX_PARAMS: usize = 100;
const MAX_COLUMN_CHARS: usize = 200;

/// A rule ready to run: what to ask the datasource, and how to judge the
/// answer.
#[derive(Debug, Clone)]
pub struct RuleCheck {
    /// The email value the rule is about: what FILE lookups match and what
    /// EQUALS compares with when no `expected` is given.
    field: EmailField,
    source: Source,
    compare: Compare,
}

#[derive(Debug, Clone)]
enum Source {
    Sql {
        /// Validated, and capped to one row where possible.
        statement: String,
        params: Vec<EmailField>,
    },
    Http(HttpCheck),
    File {
        column: String,
        /// Set exactly for comparison rules.
        return_column: Option<String>,
    },
}

/// Adds errors under `{prefix}conditions.<key>` and remembers that one was.
struct Problems<'a> {
    errors: &'a mut FieldErrors,
    prefix: &'a str,
    ok: bool,
}

impl Problems<'_> {
    /// `key` is empty for `conditions` itself.
    fn add(&mut self, key: &str, message: impl Into<String>) {
        let separator = if key.is_empty() { "" } else { "." };
        let field = format!("{}conditions{separator}{key}", self.prefix);
        self.errors.add(field, message);
        self.ok = false;
    }

    fn fail<T>(&mut self, key: &str, message: impl Into<String>) -> Option<T> {
        self.add(key, message);
        None
    }
}

impl RuleCheck {
    /// Checks `conditions` for a rule of `rule_type` about `field`, on a
    /// datasource of `kind` reached through `protocol`. Problems are added to
    /// `errors` under `{prefix}conditions.<key>` (or `{prefix}conditions`).
    pub fn parse(
        rule_type: RuleType,
        field: &EmailField,
        conditions: &Value,
        kind: DatasourceKind,
        protocol: Protocol,
        prefix: &str,
        errors: &mut FieldErrors,
    ) -> Option<RuleCheck> {
        let mut problems = Problems {
            errors,
            prefix,
            ok: true,
        };
        let Value::Object(map) = conditions else {
            return problems.fail("", "must be a JSON object");
        };
        if !kind.accepts(protocol) {
            let message = format!(
                "cannot be checked: a {} datasource cannot use {}",
                kind.as_str(),
                protocol.as_str()
            );
            return problems.fail("", message);
        }
        let kind_keys: &[&str] = match kind {
            DatasourceKind::Database => &SQL_KEYS,
            DatasourceKind::Api => &http::KEYS,
            DatasourceKind::File => &FILE_KEYS,
        };
        let own_keys = compare::keys_of(rule_type);
        for key in map.keys() {
            let key = key.as_str();
            if !kind_keys.contains(&key)
                && !own_keys.contains(&key)
                && !compare::KEYS.contains(&key)
            {
                let expected: Vec<&str> = kind_keys.iter().chain(own_keys).copied().collect();
                let message = format!(
                    "is not a condition of a {} rule; expected {}",
                    kind.as_str(),
                    expected.join(", ")
                );
                problems.add(key, message);
            }
        }
        // Both halves run so that every problem is reported at once.
        let compare = Compare::parse(rule_type, map, &mut problems);
        let source = match kind {
            DatasourceKind::Database => parse_sql(protocol, map, &mut problems),
            DatasourceKind::Api => {
                HttpCheck::parse(rule_type, map, &mut problems).map(Source::Http)
            }
            DatasourceKind::File => parse_file(rule_type, map, &mut problems),
        };
        if !problems.ok {
            return None;
        }
        Some(RuleCheck {
            field: field.clone(),
            source: source?,
            compare: compare?,
        })
    }

    /// The lookup for `email`, with its values bound.
    ///
    /// # Errors
    /// A detail for the tenant when the email lacks a value the lookup needs.
    pub fn lookup(&self, email: &EmailMessage) -> Result<Lookup, String> {
        match &self.source {
            Source::Sql { statement, params } => Ok(Lookup::Sql {
                statement: statement.clone(),
                params: params
                    .iter()
                    .map(|field| value_of(email, field))
                    .collect::<Result<_, _>>()?,
            }),
            Source::Http(check) => check.lookup(email),
            Source::File { column, .. } => Ok(Lookup::File {
                column: column.clone(),
                value: value_of(email, &self.field)?,
            }),
        }
    }

    /// Judges the datasource's answer: PASSED or FAILED with a detail saying
    /// what was found, or ERROR when the answer cannot be judged.
    pub fn judge(&self, email: &EmailMessage, result: &LookupResult) -> (RuleOutcome, String) {
        let compare = &self.compare;
        match (&self.source, result) {
            (Source::Sql { .. }, LookupResult::Sql { first_row }) => {
                if compare.is_existence() {
                    let detail = if first_row.is_some() {
                        "found a row"
                    } else {
                        "found no row"
                    };
                    return compare.judge_found(first_row.is_some(), detail.to_owned());
                }
                let found = first_row
                    .as_ref()
                    .and_then(|row| row.first())
                    .and_then(json_text);
                compare.judge_value(found.as_deref(), email, &self.field)
            }
            (Source::Http(check), LookupResult::Http { status, body }) => {
                check.judge(compare, *status, body.as_ref(), email, &self.field)
            }
            (Source::File { return_column, .. }, LookupResult::File { matched_row }) => {
                let Some(return_column) = return_column.as_deref() else {
                    let found = matched_row.is_some();
                    let detail = if found {
                        "found a matching row"
                    } else {
                        "found no matching row"
                    };
                    return compare.judge_found(found, detail.to_owned());
                };
                let Some(row) = matched_row else {
                    return compare.judge_value(None, email, &self.field);
                };
                let Some(cell) = row.get(return_column) else {
                    let detail = format!("the file has no column {}", Shown(return_column));
                    return (RuleOutcome::Error, detail);
                };
                // A CSV has no null: an empty cell is the nearest thing.
                let found = Some(cell.as_str()).filter(|c| !c.trim().is_empty());
                compare.judge_value(found, email, &self.field)
            }
            _ => (
                RuleOutcome::Error,
                "the datasource answered with a result of the wrong kind".to_owned(),
            ),
        }
    }
}

fn value_of(email: &EmailMessage, field: &EmailField) -> Result<String, String> {
    email
        .value(field)
        .ok_or_else(|| format!("the email has no `{field}`"))
}

fn parse_sql(
    protocol: Protocol,
    map: &Map<String, Value>,
    problems: &mut Problems<'_>,
) -> Option<Source> {
    let select = match map.get("query") {
        Some(Value::String(query)) => sql::parse_read_only(protocol, query)
            .map_err(|message| problems.add("query", message))
            .ok(),
        Some(_) => problems.fail("query", "must be a string"),
        None => problems.fail("query", "is required for a DATABASE rule"),
    };
    let items: &[Value] = match map.get("params") {
        None => &[],
        Some(Value::Array(items)) if items.len() <= MAX_PARAMS => items,
        Some(_) => {
            let message = format!("must be a list of at most {MAX_PARAMS} email field names");
            return problems.fail("params", message);
        }
    };
    let mut params = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let parsed = match item {
            Value::String(name) => EmailField::parse(name),
            _ => Err("must be an email field name such as `from`".to_owned()),
        };
        match parsed {
            Ok(field) => params.push(field),
            Err(message) => problems.add(&format!("params[{i}]"), message),
        }
    }
    let select = select?;
    if let Err(message) = select.placeholders.check_params(items.len()) {
        return problems.fail("params", message);
    }
    Some(Source::Sql {
        statement: select.statement,
        params,
    })
}

fn parse_file(
    rule_type: RuleType,
    map: &Map<String, Value>,
    problems: &mut Problems<'_>,
) -> Option<Source> {
    let mut column_named = |key: &str, required: &str| match map.get(key) {
        Some(Value::String(name))
            if !name.trim().is_empty() && name.chars().count() <= MAX_COLUMN_CHARS =>
        {
            Some(name.clone())
        }
        Some(_) => {
            let message = format!("must be a column name of 1 to {MAX_COLUMN_CHARS} characters");
            problems.fail(key, message)
        }
        None => problems.fail(key, format!("is required for {required}")),
    };
    let column = column_named("column", "a FILE rule");
    let return_column = match rule_type {
        RuleType::Exists | RuleType::NotExists => {
            if map.contains_key("returnColumn") {
                let message = format!("is not used by {}", compare::a_rule(rule_type));
                return problems.fail("returnColumn", message);
            }
            None
        }
        _ => Some(column_named("returnColumn", &compare::a_rule(rule_type))?),
    };
    Some(Source::File {
        column: column?,
        return_column,
    })
}

#[cfg(test)]
mod api_tests;
#[cfg(test)]
mod judge_tests;
#[cfg(test)]
mod tests;
