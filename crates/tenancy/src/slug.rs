use std::fmt;

use trellis_kernel::DomainError;

/// A tenant's URL name: 3–63 characters of `a-z`, `0-9` and inner hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    /// # Errors
    /// `Validation` on `field` saying which rule the text breaks.
    pub fn parse(field: &str, raw: &str) -> Result<Self, DomainError> {
        let fail = |message: &str| Err(DomainError::invalid(field, message));
        let len = raw.chars().count();
        if !(3..=63).contains(&len) {
            return fail("must be 3 to 63 characters long");
        }
        if raw.chars().any(|c| c.is_ascii_uppercase()) {
            return fail("must be lowercase");
        }
        if !raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return fail("may contain only a-z, 0-9 and hyphens");
        }
        if raw.starts_with('-') || raw.ends_with('-') {
            return fail("must not start or end with a hyphen");
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For values read back from storage, which were valid when written.
    pub fn from_trusted(value: String) -> Self {
        Self(value)
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_slugs_parse() {
        for slug in ["acme", "acme-corp", "a1b", &"x".repeat(63)] {
            assert!(Slug::parse("slug", slug).is_ok(), "{slug}");
        }
    }

    #[test]
    fn bad_slugs_say_why() {
        let cases = [
            ("ab", "3 to 63"),
            (&"x".repeat(64) as &str, "3 to 63"),
            ("Acme", "lowercase"),
            ("acme corp", "only a-z"),
            ("-acme", "hyphen"),
        ];
        for (slug, why) in cases {
            let err = Slug::parse("slug", slug).unwrap_err().to_string();
            assert!(err.contains(why), "{slug}: {err}");
        }
    }
}
