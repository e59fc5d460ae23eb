//! `{field}` templates in an API rule's path and body, filled in with the
//! email's values for each lookup.

use serde_json::Value;
use trellis_intents::{EmailField, EmailMessage};

use super::value_of;

const MAX_PATH_CHARS: usize = 2_000;
const MAX_BODY_CHARS: usize = 10_000;

/// Text with `{field}` placeholders.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Field(EmailField),
}

/// A JSON body; only string values hold placeholders.
#[derive(Debug, Clone, PartialEq)]
enum Body {
    Fixed(Value),
    Text(Vec<Part>),
    List(Vec<Body>),
    Object(Vec<(String, Body)>),
}

/// A path and query whose placeholders are filled in percent-encoded.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PathTemplate(Vec<Part>);

impl PathTemplate {
    pub(super) fn parse(path: &str) -> Result<Self, String> {
        parse_path(path).map(Self)
    }

    pub(super) fn fill(&self, email: &EmailMessage) -> Result<String, String> {
        let mut path = String::with_capacity(128);
        for part in &self.0 {
            match part {
                Part::Text(text) => path.push_str(text),
                Part::Field(field) => push_encoded(&mut path, &value_of(email, field)?),
            }
        }
        // Literal dot segments are refused when saved, so one here came from
        // a value such as `..`; URL normalisation would let it climb the path.
        if has_dot_segment(&path) {
            return Err("the email's values would put `.` or `..` segments in the API path".into());
        }
        Ok(path)
    }
}

/// A JSON body whose string values may hold placeholders, filled in as is
/// (serialising the JSON escapes them).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct BodyTemplate(Body);

impl BodyTemplate {
    pub(super) fn parse(body: &Value) -> Result<Self, String> {
        parse_body(body).map(Self)
    }

    pub(super) fn fill(&self, email: &EmailMessage) -> Result<Value, String> {
        fill_body(&self.0, email)
    }
}

/// Splits `{field}` placeholders out of `text`.
fn parse_template(text: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(open) = rest.find(['{', '}']) else {
            parts.push(Part::Text(rest.to_owned()));
            break;
        };
        if rest.as_bytes()[open] == b'}' {
            return Err("has a `}` without a matching `{`".to_owned());
        }
        if open > 0 {
            parts.push(Part::Text(rest[..open].to_owned()));
        }
        let after = &rest[open + 1..];
        let close = after
            .find(['{', '}'])
            .filter(|&i| after.as_bytes()[i] == b'}')
            .ok_or_else(|| "has a `{` without a matching `}`".to_owned())?;
        let field = EmailField::parse(&after[..close])
            .map_err(|message| format!("has a bad placeholder: {message}"))?;
        parts.push(Part::Field(field));
        rest = &after[close + 1..];
    }
    Ok(parts)
}

fn parse_path(path: &str) -> Result<Vec<Part>, String> {
    if !path.starts_with('/') || path.starts_with("//") {
        return Err("must start with a single `/`".to_owned());
    }
    if path.chars().count() > MAX_PATH_CHARS {
        return Err(format!("must be at most {MAX_PATH_CHARS} characters"));
    }
    let parts = parse_template(path)?;
    let mut sample = String::with_capacity(path.len());
    for part in &parts {
        match part {
            Part::Text(text) => {
                check_url_text(text)?;
                sample.push_str(text);
            }
            Part::Field(_) => sample.push('x'),
        }
    }
    if has_dot_segment(&sample) {
        return Err("must not contain `.` or `..` segments".to_owned());
    }
    Ok(parts)
}

/// The literal parts of a path may hold only what a URL path and query
/// allow (RFC 3986), so what the connector sends is what the tenant wrote.
fn check_url_text(text: &str) -> Result<(), String> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let allowed = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b);
        if !allowed {
            let c = text[i..].chars().next().unwrap_or(' ');
            return Err(format!("has `{c}`, which must be percent-encoded"));
        }
        if b == b'%'
            && !(bytes.get(i + 1..i + 3)).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        {
            return Err("has a `%` that does not start a percent-encoded byte".to_owned());
        }
    }
    Ok(())
}

/// Whether the path (before any `?`) has a segment URL normalisation would
/// resolve: `.` or `..`, plain or percent-encoded.
fn has_dot_segment(path_and_query: &str) -> bool {
    let path = path_and_query.split('?').next().unwrap_or_default();
    path.split('/').any(|segment| {
        let segment = segment.as_bytes();
        let mut rest = segment;
        let mut dots = 0;
        while !rest.is_empty() {
            if rest[0] == b'.' {
                rest = &rest[1..];
            } else if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"%2e") {
                rest = &rest[3..];
            } else {
                return false;
            }
            dots += 1;
        }
        matches!(dots, 1 | 2)
    })
}

/// Percent-encodes every byte outside RFC 3986 `unreserved`, so a value can
/// never add a `/`, `?`, `&` or `#` to the request.
fn push_encoded(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

fn parse_body(body: &Value) -> Result<Body, String> {
    if body.to_string().chars().count() > MAX_BODY_CHARS {
        return Err(format!(
            "must be at most {MAX_BODY_CHARS} characters as JSON"
        ));
    }
    body_template(body, &mut String::new())
}

/// `at` is the JSON pointer of `value`, so errors say where they are.
fn body_template(value: &Value, at: &mut String) -> Result<Body, String> {
    let template = match value {
        Value::String(text) => {
            let parts = parse_template(text).map_err(|message| {
                let place = if at.is_empty() { "/" } else { at.as_str() };
                format!("at {place} {message}")
            })?;
            if parts.iter().any(|p| matches!(p, Part::Field(_))) {
                Body::Text(parts)
            } else {
                Body::Fixed(value.clone())
            }
        }
        Value::Array(items) => Body::List(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| nested(at, &i.to_string(), item))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Body::Object(
            map.iter()
                .map(|(key, item)| Ok((key.clone(), nested(at, key, item)?)))
                .collect::<Result<_, String>>()?,
        ),
        other => Body::Fixed(other.clone()),
    };
    // A subtree without placeholders is kept as plain JSON and cloned as is.
    Ok(match template {
        Body::List(items) if items.iter().all(|b| matches!(b, Body::Fixed(_))) => {
            Body::Fixed(value.clone())
        }
        Body::Object(entries) if entries.iter().all(|(_, b)| matches!(b, Body::Fixed(_))) => {
            Body::Fixed(value.clone())
        }
        other => other,
    })
}

fn nested(at: &mut String, key: &str, value: &Value) -> Result<Body, String> {
    let len = at.len();
    at.push('/');
    at.push_str(&key.replace('~', "~0").replace('/', "~1"));
    let result = body_template(value, at);
    at.truncate(len);
    result
}

fn fill_body(body: &Body, email: &EmailMessage) -> Result<Value, String> {
    Ok(match body {
        Body::Fixed(value) => value.clone(),
        Body::Text(parts) => {
            let mut text = String::new();
            for part in parts {
                match part {
                    Part::Text(t) => text.push_str(t),
                    Part::Field(field) => text.push_str(&value_of(email, field)?),
                }
            }
            Value::String(text)
        }
        Body::List(items) => Value::Array(
            items
                .iter()
                .map(|item| fill_body(item, email))
                .collect::<Result<_, _>>()?,
        ),
        Body::Object(entries) => Value::Object(
            entries
                .iter()
                .map(|(key, item)| Ok((key.clone(), fill_body(item, email)?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_into_one_segment() {
        let mut out = String::new();
        push_encoded(&mut out, "a/../b?x=1&y=é #");
        assert_eq!(out, "a%2F..%2Fb%3Fx%3D1%26y%3D%C3%A9%20%23");
    }

    #[test]
    fn dot_segments_are_found_plain_or_encoded() {
        for path in ["/a/..", "/a/./b", "/a/%2E%2e/b", "/.%2e?x=1", "/a/../"] {
            assert!(has_dot_segment(path), "{path}");
        }
        for path in ["/a/...", "/a/b.json", "/a?x=..", "/a/..b", "/a/%2Ex"] {
            assert!(!has_dot_segment(path), "{path}");
        }
    }

    #[test]
    fn templates_need_balanced_braces_and_known_fields() {
        assert!(parse_template("/c/{from}/o").is_ok());
        assert!(parse_template("/c/{from").unwrap_err().contains("`{`"));
        assert!(parse_template("/c/from}").unwrap_err().contains("`}`"));
        assert!(parse_template("/c/{{from}}").is_err());
        assert!(
            parse_template("/c/{sender}")
                .unwrap_err()
                .contains("sender")
        );
    }
}
