//! Checks for the free text every product takes: names and descriptions.

use crate::error::{DomainError, DomainResult};

/// Why a text holding a NUL (U+0000) is refused: PostgreSQL stores none.
pub const NUL_REFUSED: &str = "must not contain a NUL character (U+0000)";

/// At most `max` characters of `text`, each NUL (U+0000) replaced by
/// U+FFFD: for text that is kept as it came (an email, a file's name) but
/// must be storable, with the replacement showing where a NUL was.
pub fn storable(text: &str, max: usize) -> String {
    text.chars()
        .take(max)
        .map(|c| {
            if c == '\0' {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// A trimmed, non-empty name of at most `max` characters, without control
/// characters.
///
/// # Errors
/// `Validation` on `field`.
pub fn name(field: &str, raw: &str, max: usize) -> DomainResult<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(DomainError::invalid(field, "must not be empty"));
    }
    if trimmed.chars().count() > max {
        return Err(DomainError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(DomainError::invalid(
            field,
            "must not contain control characters",
        ));
    }
    Ok(trimmed.to_owned())
}

/// Optional free text of at most `max` characters; blank becomes `None`.
///
/// # Errors
/// `Validation` on `field`.
pub fn optional(field: &str, raw: Option<&str>, max: usize) -> DomainResult<Option<String>> {
    let Some(trimmed) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if trimmed.chars().count() > max {
        return Err(DomainError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(Some(trimmed.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("name", "  Support ", 10).unwrap(), "Support");
        assert!(name("name", "   ", 10).is_err());
        assert!(name("name", "a\u{0}b", 10).is_err());
        let err = name("name", &"x".repeat(11), 10).unwrap_err();
        assert!(
            err.to_string().contains("name: must be at most 10"),
            "{err}"
        );
    }

    #[test]
    fn blank_optional_text_is_none() {
        assert_eq!(optional("d", Some("  "), 5).unwrap(), None);
        assert_eq!(
            optional("d", Some(" hi "), 5).unwrap().as_deref(),
            Some("hi")
        );
        assert!(optional("d", Some("toolong"), 5).is_err());
    }
}
