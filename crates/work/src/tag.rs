//! Tags: a tenant's labels for items, each with a colour.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;
use trellis_kernel::{DomainError, DomainResult, TenantId, define_id};

define_id!(
    /// One tag of a tenant.
    TagId
);

pub const TAG_NAME_MAX: usize = 50;

/// A colour as `#rrggbb`, kept in lower case so that two spellings of one
/// colour compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Color(String);

impl Color {
    /// # Errors
    /// `Validation` on `field` unless `raw` is `#` and six hex digits.
    pub fn parse(field: &str, raw: &str) -> DomainResult<Self> {
        let raw = raw.trim();
        let valid = raw.len() == 7
            && raw.starts_with('#')
            && raw[1..].chars().all(|c| c.is_ascii_hexdigit());
        if valid {
            Ok(Self(raw.to_ascii_lowercase()))
        } else {
            Err(DomainError::invalid(
                field,
                "must be a colour written #rrggbb, such as #1c7ed6",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A tag. Its name is unique in the tenant, ignoring case, among live tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub id: TagId,
    #[serde(skip)]
    pub tenant_id: TenantId,
    pub name: String,
    pub color: Color,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_six_hex_digits_after_a_hash() {
        assert_eq!(
            Color::parse("color", "#1C7ED6").unwrap().as_str(),
            "#1c7ed6"
        );
        for bad in ["1c7ed6", "#1c7ed", "#1c7ed6f", "#gggggg", "red", ""] {
            let err = Color::parse("color", bad).unwrap_err();
            assert!(
                err.to_string().contains("color: must be a colour"),
                "{bad}: {err}"
            );
        }
    }
}
