//! The comparison keys of `conditions` (`expected`, `pattern`, `values`,
//! `min`, `max`) and how a found value is judged against them.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use regex::Regex;
use serde_json::{Map, Value};
use trellis_intents::{EmailField, EmailMessage, pattern};

use super::Problems;
use crate::rule::RuleType;
use crate::run::RuleOutcome;

/// Every comparison key, whichever rule type uses it.
pub(super) const KEYS: [&str; 5] = ["expected", "pattern", "values", "min", "max"];

const MAX_VALUES: usize = 1_000;

/// The comparison keys a rule type takes.
pub(super) fn keys_of(rule_type: RuleType) -> &'static [&'static str] {
    match rule_type {
        RuleType::Exists | RuleType::NotExists => &[],
        RuleType::Equals | RuleType::NotEquals => &["expected"],
        RuleType::Regex => &["pattern"],
        RuleType::InList => &["values"],
        RuleType::Range => &["min", "max"],
    }
}

/// "an EQUALS rule", for messages.
pub(super) fn a_rule(rule_type: RuleType) -> String {
    let name = rule_type.as_str();
    let article = if name.starts_with(['E', 'I']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name} rule")
}

/// A value to compare with, read once so that judging parses nothing.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Expected {
    text: String,
    number: Option<f64>,
}

impl Expected {
    fn from_json(value: &Value) -> Option<Self> {
        let text = match value {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => return None,
        };
        let number = number(&text);
        Some(Self { text, number })
    }
}

/// A finite number, so that `inf` or `NaN` compare as the words they are.
fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Trimmed, ignoring ASCII case, numerically when both sides are numbers.
fn same(found: &str, found_number: Option<f64>, text: &str, number: Option<f64>) -> bool {
    match (found_number, number) {
        (Some(a), Some(b)) => a == b,
        _ => found.eq_ignore_ascii_case(text),
    }
}

#[derive(Debug, Clone)]
pub(super) enum Compare {
    Exists {
        negate: bool,
    },
    /// Without `expected`, the email's own value of the rule's field.
    Equals {
        expected: Option<Expected>,
        negate: bool,
    },
    Regex(Regex),
    InList(Vec<Expected>),
    Range {
        min: Option<f64>,
        max: Option<f64>,
    },
}

impl Compare {
    pub(super) fn parse(
        rule_type: RuleType,
        map: &Map<String, Value>,
        problems: &mut Problems<'_>,
    ) -> Option<Self> {
        for key in KEYS {
            if map.contains_key(key) && !keys_of(rule_type).contains(&key) {
                problems.add(key, format!("is not used by {}", a_rule(rule_type)));
            }
        }
        let compare = match rule_type {
            RuleType::Exists | RuleType::NotExists => Compare::Exists {
                negate: rule_type == RuleType::NotExists,
            },
            RuleType::Equals | RuleType::NotEquals => {
                let expected = match map.get("expected") {
                    None => None,
                    Some(value) => {
                        let expected = Expected::from_json(value);
                        if expected.is_none() {
                            problems.add("expected", "must be a string, a number or a boolean");
                        }
                        Some(expected?)
                    }
                };
                Compare::Equals {
                    expected,
                    negate: rule_type == RuleType::NotEquals,
                }
            }
            RuleType::Regex => match map.get("pattern") {
                Some(Value::String(p)) => match pattern::compile(p) {
                    Ok(regex) => Compare::Regex(regex),
                    Err(message) => return problems.fail("pattern", message),
                },
                Some(_) => return problems.fail("pattern", "must be a string"),
                None => return problems.fail("pattern", "is required for a REGEX rule"),
            },
            RuleType::InList => Compare::InList(parse_values(map.get("values"), problems)?),
            RuleType::Range => parse_range(map, problems)?,
        };
        Some(compare)
    }

    pub(super) fn is_existence(&self) -> bool {
        matches!(self, Compare::Exists { .. })
    }

    pub(super) fn is_negated_existence(&self) -> bool {
        matches!(self, Compare::Exists { negate: true })
    }

    /// EXISTS passes when something was found, NOT_EXISTS when nothing was.
    pub(super) fn judge_found(&self, found: bool, detail: String) -> (RuleOutcome, String) {
        let passed = found != self.is_negated_existence();
        (outcome(passed), detail)
    }

    /// Judges the value found (`None` when nothing was) for a comparison rule.
    pub(super) fn judge_value(
        &self,
        found: Option<&str>,
        email: &EmailMessage,
        field: &EmailField,
    ) -> (RuleOutcome, String) {
        let Some(raw) = found else {
            return (RuleOutcome::Failed, "found nothing".to_owned());
        };
        let found = raw.trim();
        let found_number = number(found);
        match self {
            Compare::Exists { .. } => self.judge_found(true, format!("found {}", Shown(found))),
            Compare::Equals { expected, negate } => {
                let from_email;
                let (text, number) = match expected {
                    Some(e) => (e.text.as_str(), e.number),
                    None => {
                        from_email = email.value(field);
                        let Some(value) = from_email.as_deref().map(str::trim) else {
                            return (
                                RuleOutcome::Failed,
                                format!("the email has no `{field}` to compare with"),
                            );
                        };
                        (value, number(value))
                    }
                };
                let equal = same(found, found_number, text, number);
                let detail = match (equal, negate) {
                    (true, false) => format!("found {}, as expected", Shown(found)),
                    (false, false) => format!("found {}, expected {}", Shown(found), Shown(text)),
                    (false, true) => format!("found {}, not {}", Shown(found), Shown(text)),
                    (true, true) => {
                        format!(
                            "found {}, expected anything but {}",
                            Shown(found),
                            Shown(text)
                        )
                    }
                };
                (outcome(equal != *negate), detail)
            }
            Compare::Regex(regex) => {
                let matched = regex.is_match(raw);
                let verb = if matched { "matches" } else { "does not match" };
                (
                    outcome(matched),
                    format!("{} {verb} the pattern", Shown(raw)),
                )
            }
            Compare::InList(values) => {
                let listed = values
                    .iter()
                    .any(|v| same(found, found_number, &v.text, v.number));
                let verb = if listed { "is" } else { "is not" };
                (
                    outcome(listed),
                    format!("{} {verb} in the list", Shown(found)),
                )
            }
            Compare::Range { min, max } => {
                let Some(n) = found_number else {
                    let detail = format!("found {}, which is not a number", Shown(found));
                    return (RuleOutcome::Failed, detail);
                };
                let within = min.is_none_or(|min| n >= min) && max.is_none_or(|max| n <= max);
                let bounds = match (min, max) {
                    (Some(min), Some(max)) => format!("within {min}..{max}"),
                    (Some(min), None) => format!("at least {min}"),
                    (None, Some(max)) => format!("at most {max}"),
                    (None, None) => "any number".to_owned(),
                };
                let verb = if within { "is" } else { "is not" };
                (outcome(within), format!("{n} {verb} {bounds}"))
            }
        }
    }
}

fn outcome(passed: bool) -> RuleOutcome {
    if passed {
        RuleOutcome::Passed
    } else {
        RuleOutcome::Failed
    }
}

fn parse_values(values: Option<&Value>, problems: &mut Problems<'_>) -> Option<Vec<Expected>> {
    let items = match values {
        Some(Value::Array(items)) if !items.is_empty() && items.len() <= MAX_VALUES => items,
        None => return problems.fail("values", "is required for an IN_LIST rule"),
        Some(_) => {
            let message = format!("must be a list of 1 to {MAX_VALUES} strings or numbers");
            return problems.fail("values", message);
        }
    };
    let mut parsed = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(_) | Value::Number(_) => parsed.extend(Expected::from_json(item)),
            _ => {
                problems.add(&format!("values[{i}]"), "must be a string or a number");
                ok = false;
            }
        }
    }
    ok.then_some(parsed)
}

fn parse_range(map: &Map<String, Value>, problems: &mut Problems<'_>) -> Option<Compare> {
    let mut ok = true;
    let mut bound = |key: &str| match map.get(key) {
        None => None,
        Some(value) => {
            let n = value.as_f64().filter(|n| n.is_finite());
            if n.is_none() {
                problems.add(key, "must be a number");
                ok = false;
            }
            n
        }
    };
    let (min, max) = (bound("min"), bound("max"));
    if !ok {
        return None;
    }
    match (min, max) {
        (None, None) => problems.fail("min", "or `max` is required for a RANGE rule"),
        (Some(min), Some(max)) if min > max => {
            problems.fail("max", format!("must be at least `min` ({min})"))
        }
        _ => Some(Compare::Range { min, max }),
    }
}

/// A JSON value as text for comparing; `None` for null, which is nothing.
pub(super) fn json_text(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(Cow::Borrowed(s)),
        Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        other => Some(Cow::Owned(other.to_string())),
    }
}

/// A value quoted for a detail: at most 100 characters, control characters
/// shown as spaces so a detail stays on one line.
pub(super) struct Shown<'a>(pub(super) &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX_CHARS: usize = 100;
        f.write_str("`")?;
        for (i, c) in self.0.chars().enumerate() {
            if i == MAX_CHARS {
                f.write_str("…")?;
                break;
            }
            f.write_char(if c.is_control() { ' ' } else { c })?;
        }
        f.write_str("`")
    }
}
