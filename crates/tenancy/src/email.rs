use std::fmt;

use trellis_kernel::DomainError;
use validator::ValidateEmail;

/// An email address as a login name: trimmed, lowercased, syntactically valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// # Errors
    /// `Validation` on `field` when the text is not an email address.
    pub fn parse(field: &str, raw: &str) -> Result<Self, DomainError> {
        let normalized = raw.trim().to_lowercase();
        if normalized.len() > 254 || !normalized.validate_email() {
            return Err(DomainError::invalid(field, "is not a valid email address"));
        }
        Ok(Self(normalized))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For values read back from storage, which were valid when written.
    pub fn from_trusted(value: String) -> Self {
        Self(value)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized() {
        let email = Email::parse("email", "  Ada@Example.COM ").unwrap();
        assert_eq!(email.as_str(), "ada@example.com");
    }

    #[test]
    fn a_non_email_names_the_field() {
        let err = Email::parse("input.email", "ada-at-example").unwrap_err();
        assert!(err.to_string().contains("input.email"), "{err}");
    }
}
