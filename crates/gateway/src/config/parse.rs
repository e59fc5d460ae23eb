//! Reading single variables: typed values with a problem per bad one,
//! origins, and URLs made safe to log.

use std::collections::HashMap;

/// `scheme://user:password@host/db` → `scheme://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// `*`, or origins of the form `scheme://host[:port]` with no path.
pub(super) fn parse_origins(raw: &str) -> Option<Vec<String>> {
    if raw == "*" {
        return Some(vec!["*".to_owned()]);
    }
    raw.split(',')
        .map(str::trim)
        .filter(|origin| !origin.is_empty())
        .map(|origin| {
            let rest = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"))?;
            let valid = !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
            valid.then(|| origin.to_owned())
        })
        .collect::<Option<Vec<_>>>()
        .filter(|origins| !origins.is_empty())
}

/// Collects a problem per bad variable instead of stopping at the first.
pub(super) struct Parser<'a> {
    pub(super) vars: &'a HashMap<String, String>,
    pub(super) problems: Vec<String>,
}

impl Parser<'_> {
    pub(super) fn parse<T>(
        &mut self,
        name: &str,
        expected: &str,
        f: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let raw = self.vars.get(name)?.trim();
        let parsed = f(raw);
        if parsed.is_none() {
            self.problems
                .push(format!("{name}={raw:?} is not valid: expected {expected}"));
        }
        parsed
    }

    pub(super) fn bool(&mut self, name: &str) -> Option<bool> {
        self.parse(name, "true or false", |v| {
            match v.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" => Some(true),
                "false" | "0" | "no" | "off" => Some(false),
                _ => None,
            }
        })
    }

    pub(super) fn positive(&mut self, name: &str) -> Option<usize> {
        self.parse(name, "a whole number greater than 0", |v| {
            v.parse::<usize>().ok().filter(|n| *n > 0)
        })
    }
}
