//! The one error type every use case returns. The gateway maps each kind to a
//! GraphQL `extensions.code`; see DESIGN.md, "Errors".

use std::fmt;

/// One invalid input field: `field` is the path as the client spelled it
/// (`email`, `rules[2].conditions`), `message` says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// The object does not exist, is deleted, or belongs to another tenant.
    #[error("{entity} not found")]
    NotFound { entity: &'static str },
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Unauthenticated(String),
    #[error("{0}")]
    Conflict(String),
    /// A change was computed from an older version of the object than it
    /// has now: someone else changed it meanwhile.
    #[error(
        "this {entity} was changed meanwhile and is now at version {current}; reload it and apply your change again"
    )]
    StaleVersion { entity: &'static str, current: i64 },
    #[error("invalid input: {}", join(.0))]
    Validation(Vec<FieldError>),
    #[error("{limit} limit of {max} reached for this plan")]
    LimitExceeded { limit: &'static str, max: u64 },
    /// A dependency (the database) cannot be reached right now; the same
    /// request may succeed later. Its cause is logged, never shown.
    #[error("a service Trellis depends on is unavailable")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync + 'static>),
    /// Anything the caller cannot act on. Its cause is logged, never shown.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync + 'static>),
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

pub type DomainResult<T> = Result<T, DomainError>;

impl DomainError {
    pub fn not_found(entity: &'static str) -> Self {
        Self::NotFound { entity }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::Forbidden(message.into())
    }

    pub fn unauthenticated(message: impl Into<String>) -> Self {
        Self::Unauthenticated(message.into())
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict(message.into())
    }

    /// A single bad field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError {
            field: field.into(),
            message: message.into(),
        }])
    }

    pub fn internal(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Internal(Box::new(cause))
    }

    pub fn unavailable(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Unavailable(Box::new(cause))
    }

    /// An internal error from a plain message, for broken invariants.
    pub fn internal_msg(message: impl Into<String>) -> Self {
        Self::Internal(message.into().into())
    }
}

/// Collects every bad field of an input before failing, so that a client
/// learns about all of them at once.
#[derive(Debug, Default)]
pub struct FieldErrors {
    fields: Vec<FieldError>,
    /// A check that failed for a reason other than bad input wins over field errors.
    other: Option<DomainError>,
}

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.fields.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// Keeps the value of `result`, or records its validation errors.
    pub fn check<T>(&mut self, result: DomainResult<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(DomainError::Validation(errors)) => {
                self.fields.extend(errors);
                None
            }
            Err(other) => {
                self.other.get_or_insert(other);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.other.is_none()
    }

    pub fn into_result(self) -> DomainResult<()> {
        match (self.other, self.fields.is_empty()) {
            (Some(other), _) => Err(other),
            (None, true) => Ok(()),
            (None, false) => Err(DomainError::Validation(self.fields)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_report_every_field() {
        let mut errors = FieldErrors::new();
        errors.check::<()>(Err(DomainError::invalid("email", "is not an email")));
        errors.add("slug", "is too short");
        let Err(DomainError::Validation(fields)) = errors.into_result() else {
            panic!("expected a validation error");
        };
        let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["email", "slug"]);
    }

    #[test]
    fn no_field_errors_is_ok() {
        assert!(FieldErrors::new().into_result().is_ok());
    }

    #[test]
    fn internal_errors_hide_their_cause_in_display() {
        let err = DomainError::internal_msg("relation \"users\" does not exist");
        assert_eq!(err.to_string(), "internal error");
    }
}
