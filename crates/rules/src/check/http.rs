//! API conditions: a request built from a path template (and, for POST, a
//! body template) with the email's values filled in, and the answer judged
//! by its status and, optionally, a JSON pointer into its body.

use serde_json::{Map, Value};
use trellis_datasources::{HttpMethod, Lookup};
use trellis_intents::{EmailField, EmailMessage};

use super::Problems;
use super::compare::{Compare, Shown, a_rule, json_text};
use super::template::{BodyTemplate, PathTemplate};
use crate::rule::RuleType;
use crate::run::RuleOutcome;

pub(super) const KEYS: [&str; 5] = ["method", "path", "body", "expectStatus", "pointer"];

const MAX_POINTER_CHARS: usize = 1_000;
const MAX_STATUSES: usize = 50;

#[derive(Debug, Clone)]
pub(super) struct HttpCheck {
    method: HttpMethod,
    path: PathTemplate,
    body: Option<BodyTemplate>,
    expect_status: Vec<u16>,
    pointer: Option<String>,
}

impl HttpCheck {
    pub(super) fn parse(
        rule_type: RuleType,
        map: &Map<String, Value>,
        problems: &mut Problems<'_>,
    ) -> Option<Self> {
        let method = match map.get("method") {
            None => Some(HttpMethod::Get),
            Some(Value::String(m)) => [HttpMethod::Get, HttpMethod::Head, HttpMethod::Post]
                .into_iter()
                .find(|known| known.as_str().eq_ignore_ascii_case(m)),
            Some(_) => None,
        };
        if method.is_none() {
            problems.add("method", "must be GET, HEAD or POST");
        }
        let path = match map.get("path") {
            Some(Value::String(path)) => PathTemplate::parse(path)
                .map_err(|message| problems.add("path", message))
                .ok(),
            Some(_) => problems.fail("path", "must be a string"),
            None => problems.fail("path", "is required for an API rule"),
        };
        let body = match (map.get("body"), method) {
            (None | Some(Value::Null), _) => Some(None),
            (Some(body), Some(HttpMethod::Post)) => BodyTemplate::parse(body)
                .map(Some)
                .map_err(|message| problems.add("body", message))
                .ok(),
            (Some(_), _) => problems.fail("body", "is only sent with POST"),
        };
        let expect_status = parse_statuses(map.get("expectStatus"))
            .map_err(|message| problems.add("expectStatus", message))
            .ok();
        let pointer = match map.get("pointer") {
            None => Some(None),
            Some(Value::String(_)) if method == Some(HttpMethod::Head) => problems.fail(
                "pointer",
                "cannot be read from a HEAD answer, which has no body",
            ),
            Some(Value::String(p)) => match check_pointer(p) {
                Ok(()) => Some(Some(p.clone())),
                Err(message) => problems.fail("pointer", message),
            },
            Some(_) => problems.fail("pointer", "must be a string such as /active"),
        };
        let needs_pointer = !matches!(rule_type, RuleType::Exists | RuleType::NotExists);
        if needs_pointer && map.get("pointer").is_none() {
            problems.add("pointer", format!("is required for {}", a_rule(rule_type)));
        }
        Some(Self {
            method: method?,
            path: path?,
            body: body?,
            expect_status: expect_status?,
            pointer: pointer?,
        })
    }

    pub(super) fn lookup(&self, email: &EmailMessage) -> Result<Lookup, String> {
        let path = self.path.fill(email)?;
        let body = match &self.body {
            None => None,
            Some(body) => Some(body.fill(email)?),
        };
        Ok(Lookup::Http {
            method: self.method,
            path_and_query: path,
            body,
        })
    }

    pub(super) fn judge(
        &self,
        compare: &Compare,
        status: u16,
        body: Option<&Value>,
        email: &EmailMessage,
        field: &EmailField,
    ) -> (RuleOutcome, String) {
        let expected = Statuses(&self.expect_status);
        if !self.expect_status.contains(&status) {
            let detail = if compare.is_negated_existence() {
                format!("the API answered {status}")
            } else {
                format!("the API answered {status}, expected {expected}")
            };
            return compare.judge_found(false, detail);
        }
        let Some(pointer) = &self.pointer else {
            return compare.judge_found(true, format!("the API answered {status}"));
        };
        let Some(body) = body else {
            return (
                RuleOutcome::Error,
                "the API did not answer with JSON".to_owned(),
            );
        };
        let found = body.pointer(pointer).and_then(json_text);
        if !compare.is_existence() {
            return compare.judge_value(found.as_deref(), email, field);
        }
        let name = if pointer.is_empty() {
            "the body"
        } else {
            pointer
        };
        match found {
            Some(value) => {
                let detail = format!("the API answered {status} and {name} is {}", Shown(&value));
                compare.judge_found(true, detail)
            }
            None => {
                let what = if body.pointer(pointer).is_some() {
                    "null"
                } else {
                    "missing"
                };
                compare.judge_found(
                    false,
                    format!("the API answered {status} but {name} is {what}"),
                )
            }
        }
    }
}

/// "200", "200 or 204", "200, 201 or 204".
struct Statuses<'a>(&'a [u16]);

impl std::fmt::Display for Statuses<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let last = self.0.len().saturating_sub(1);
        for (i, status) in self.0.iter().enumerate() {
            let separator = match i {
                0 => "",
                _ if i == last => " or ",
                _ => ", ",
            };
            write!(f, "{separator}{status}")?;
        }
        Ok(())
    }
}

fn parse_statuses(value: Option<&Value>) -> Result<Vec<u16>, String> {
    let status = |v: &Value| {
        v.as_u64()
            .filter(|s| (100..=599).contains(s))
            .and_then(|s| u16::try_from(s).ok())
    };
    let message = || "must be an HTTP status (100 to 599) or a list of them".to_owned();
    match value {
        None => Ok(vec![200]),
        Some(Value::Array(items)) if !items.is_empty() && items.len() <= MAX_STATUSES => {
            let mut statuses = items
                .iter()
                .map(status)
                .collect::<Option<Vec<_>>>()
                .ok_or_else(message)?;
            statuses.sort_unstable();
            statuses.dedup();
            Ok(statuses)
        }
        Some(single) => status(single).map(|s| vec![s]).ok_or_else(message),
    }
}

/// RFC 6901: empty (the whole body) or `/`-separated tokens where `~` is
/// only ever `~0` or `~1`.
fn check_pointer(pointer: &str) -> Result<(), String> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return Err("must be a JSON pointer starting with `/`, such as /active".to_owned());
    }
    if pointer.chars().count() > MAX_POINTER_CHARS {
        return Err(format!("must be at most {MAX_POINTER_CHARS} characters"));
    }
    let mut rest = pointer;
    while let Some(at) = rest.find('~') {
        if !matches!(rest.as_bytes().get(at + 1), Some(b'0' | b'1')) {
            return Err("has a `~` that is not `~0` or `~1`".to_owned());
        }
        rest = &rest[at + 2..];
    }
    Ok(())
}
