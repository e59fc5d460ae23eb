//! How an email is recognised as belonging to an intent: a field, an
//! operator and a value. EQUALS, CONTAINS and ENDS_WITH ignore case; REGEX
//! is as written (add `(?i)` to ignore case).

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::email::EmailMessage;
use crate::pattern;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MatchField {
    From,
    FromDomain,
    To,
    Subject,
    Body,
    Header,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MatchOperator {
    Equals,
    Contains,
    EndsWith,
    Regex,
}

/// The stored form of a matcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatcherSpec {
    pub field: MatchField,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    pub operator: MatchOperator,
    pub value: String,
}

/// A checked matcher; a REGEX one holds its compiled pattern.
#[derive(Debug, Clone)]
pub struct Matcher {
    spec: MatcherSpec,
    /// Lowercased value, for the operators that ignore case.
    folded: String,
    regex: Option<Regex>,
}

impl PartialEq for Matcher {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

pub const MAX_MATCHER_VALUE_LEN: usize = 1_000;

impl Matcher {
    /// # Errors
    /// `(field, message)`: which part of the matcher is wrong, and why.
    pub fn new(spec: MatcherSpec) -> Result<Self, (&'static str, String)> {
        if spec.value.is_empty() || spec.value.len() > MAX_MATCHER_VALUE_LEN {
            return Err((
                "value",
                format!("must be 1 to {MAX_MATCHER_VALUE_LEN} characters"),
            ));
        }
        match (&spec.field, &spec.header) {
            (MatchField::Header, None) => {
                return Err(("header", "is required when field is HEADER".to_owned()));
            }
            (MatchField::Header, Some(name))
                if name.is_empty()
                    || name.len() > 100
                    || !name.bytes().all(|b| b.is_ascii_graphic() && b != b':') =>
            {
                return Err(("header", format!("`{name}` is not a header name")));
            }
            (MatchField::Header, Some(_)) => {}
            (_, Some(_)) => {
                return Err(("header", "is only for field HEADER".to_owned()));
            }
            (_, None) => {}
        }
        let regex = match spec.operator {
            MatchOperator::Regex => Some(pattern::compile(&spec.value).map_err(|e| ("value", e))?),
            _ => None,
        };
        Ok(Self {
            folded: spec.value.to_lowercase(),
            spec,
            regex,
        })
    }

    pub fn spec(&self) -> &MatcherSpec {
        &self.spec
    }

    pub fn matches(&self, email: &EmailMessage) -> bool {
        match self.spec.field {
            MatchField::From => self.test(&email.from),
            MatchField::FromDomain => self.test(&email.from_domain()),
            MatchField::To => email.to.iter().any(|to| self.test(to)),
            MatchField::Subject => self.test(&email.subject),
            MatchField::Body => self.test(&email.body),
            MatchField::Header => {
                let name = self.spec.header.as_deref().unwrap_or_default();
                email
                    .headers
                    .iter()
                    .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                    .any(|(_, value)| self.test(value))
            }
        }
    }

    fn test(&self, candidate: &str) -> bool {
        if let Some(regex) = &self.regex {
            return regex.is_match(candidate);
        }
        let candidate = candidate.to_lowercase();
        match self.spec.operator {
            MatchOperator::Equals => candidate.trim() == self.folded.trim(),
            MatchOperator::Contains => candidate.contains(&self.folded),
            MatchOperator::EndsWith => candidate.trim_end().ends_with(&self.folded),
            MatchOperator::Regex => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(field: MatchField, operator: MatchOperator, value: &str) -> Matcher {
        Matcher::new(MatcherSpec {
            field,
            header: None,
            operator,
            value: value.into(),
        })
        .unwrap()
    }

    fn email() -> EmailMessage {
        EmailMessage {
            from: "Ada@Example.com".into(),
            to: vec!["billing@acme.test".into(), "support@acme.test".into()],
            subject: "Refund for order 42".into(),
            body: "Please refund".into(),
            headers: vec![("X-Priority".into(), "1".into())],
            ..EmailMessage::default()
        }
    }

    #[test]
    fn operators_ignore_case_except_regex() {
        use MatchField::*;
        use MatchOperator::*;
        assert!(matcher(From, Equals, "ada@example.com").matches(&email()));
        assert!(matcher(FromDomain, Equals, "EXAMPLE.COM").matches(&email()));
        assert!(matcher(To, EndsWith, "support@acme.test").matches(&email()));
        assert!(matcher(Subject, Contains, "REFUND").matches(&email()));
        assert!(matcher(Subject, Regex, r"order \d+$").matches(&email()));
        assert!(!matcher(Subject, Regex, r"^refund").matches(&email()));
        assert!(!matcher(Body, Contains, "invoice").matches(&email()));
    }

    #[test]
    fn header_matchers_need_a_header_name() {
        let spec = MatcherSpec {
            field: MatchField::Header,
            header: None,
            operator: MatchOperator::Equals,
            value: "1".into(),
        };
        assert_eq!(Matcher::new(spec.clone()).unwrap_err().0, "header");
        let with_name = Matcher::new(MatcherSpec {
            header: Some("x-priority".into()),
            ..spec
        })
        .unwrap();
        assert!(with_name.matches(&email()));
    }

    #[test]
    fn a_bad_regex_is_refused_naming_the_value() {
        let err = Matcher::new(MatcherSpec {
            field: MatchField::Subject,
            header: None,
            operator: MatchOperator::Regex,
            value: "(".into(),
        })
        .unwrap_err();
        assert_eq!(err.0, "value");
    }
}
