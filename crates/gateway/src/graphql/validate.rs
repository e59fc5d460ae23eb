//! Edge validation of input objects with `validator`, reported in the same
//! shape as the domain's own checks: `Validation` with one `FieldError` per
//! bad field, named as the client spelled it (camelCase).
//!
//! The domain validates again (value objects); this layer only refuses
//! obviously bad input before any use case runs.

use std::borrow::Cow;
use std::str::FromStr;

use trellis_kernel::{DomainError, FieldError};
use validator::{Validate, ValidateEmail, ValidationError, ValidationErrors, ValidationErrorsKind};

/// Runs the input's `validator` rules.
///
/// # Errors
/// `Validation` listing every bad field (sorted by name, so the order is stable).
pub fn validate_input<T: Validate>(input: &T) -> Result<(), DomainError> {
    validate_input_at("", input)
}

/// [`validate_input`] for an input that is itself a field, such as a
/// `filter` argument: every path is prefixed with `prefix.`.
///
/// # Errors
/// `Validation` listing every bad field.
pub fn validate_input_at<T: Validate>(prefix: &str, input: &T) -> Result<(), DomainError> {
    input.validate().map_err(|errors| {
        let mut fields = Vec::new();
        collect(prefix, &errors, &mut fields);
        fields.sort_by(|a, b| a.field.cmp(&b.field));
        DomainError::Validation(fields)
    })
}

/// Parses a GraphQL `ID` into a domain id.
///
/// # Errors
/// `Validation` on `field` when the text is not a UUID.
pub fn parse_id<I: FromStr>(field: &str, raw: &str) -> Result<I, DomainError> {
    raw.trim()
        .parse()
        .map_err(|_| DomainError::invalid(field, "is not a valid ID"))
}

/// Parses two ids of one input, naming every one that is not a UUID.
///
/// # Errors
/// `Validation` on each bad field.
pub fn parse_id_pair<A: FromStr, B: FromStr>(
    (first_field, first): (&str, &str),
    (second_field, second): (&str, &str),
) -> Result<(A, B), DomainError> {
    let mut errors = trellis_kernel::FieldErrors::new();
    let first = errors.check(parse_id(first_field, first));
    let second = errors.check(parse_id(second_field, second));
    errors.into_result()?;
    first
        .zip(second)
        .ok_or_else(|| DomainError::internal_msg("parsed ids missing"))
}

fn collect(prefix: &str, errors: &ValidationErrors, out: &mut Vec<FieldError>) {
    for (name, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            camel_case(name)
        } else {
            format!("{prefix}.{}", camel_case(name))
        };
        match kind {
            ValidationErrorsKind::Field(list) => out.extend(list.iter().map(|e| FieldError {
                field: path.clone(),
                message: message_of(e),
            })),
            ValidationErrorsKind::Struct(inner) => collect(&path, inner, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(&format!("{path}[{index}]"), inner, out);
                }
            }
        }
    }
}

/// Rust field names are snake_case; GraphQL names are camelCase.
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn message_of(error: &ValidationError) -> String {
    if let Some(message) = &error.message {
        return message.to_string();
    }
    let param = |name: &str| error.params.get(name).map(ToString::to_string);
    match (error.code.as_ref(), param("min"), param("max")) {
        ("length", Some(min), Some(max)) => format!("must be {min} to {max} characters long"),
        ("length", Some(min), None) => format!("must be at least {min} characters long"),
        ("length", None, Some(max)) => format!("must be at most {max} characters long"),
        _ => "is invalid".to_owned(),
    }
}

fn invalid(code: &'static str, message: &'static str) -> ValidationError {
    ValidationError::new(code).with_message(Cow::Borrowed(message))
}

/// `#[validate(custom(function = "email"))]`: an email address, allowing the
/// surrounding spaces the domain trims anyway.
pub fn email(value: &str) -> Result<(), ValidationError> {
    let value = value.trim();
    if value.len() <= 254 && value.validate_email() {
        Ok(())
    } else {
        Err(invalid("email", "is not a valid email address"))
    }
}

/// `#[validate(custom(function = "id"))]`: an `ID` argument must be a UUID.
pub fn id(value: &str) -> Result<(), ValidationError> {
    match uuid::Uuid::parse_str(value.trim()) {
        Ok(_) => Ok(()),
        Err(_) => Err(invalid("id", "is not a valid ID")),
    }
}

/// `#[validate(custom(function = "not_blank"))]`.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Err(invalid("blank", "must not be blank"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Validate)]
    struct Sample {
        #[validate(custom(function = "email"))]
        email: String,
        #[validate(length(min = 8, max = 128))]
        new_password: String,
        #[validate(custom(function = "id"))]
        tenant_id: Option<String>,
        #[validate(nested)]
        inner: Inner,
    }

    #[derive(Validate)]
    struct Inner {
        #[validate(custom(function = "not_blank"))]
        display_name: String,
    }

    #[test]
    fn every_bad_field_is_listed_in_camel_case() {
        let sample = Sample {
            email: "nope".into(),
            new_password: "short".into(),
            tenant_id: Some("42".into()),
            inner: Inner {
                display_name: "  ".into(),
            },
        };
        let Err(DomainError::Validation(fields)) = validate_input(&sample) else {
            panic!("expected a validation error");
        };
        let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            names,
            ["email", "inner.displayName", "newPassword", "tenantId"]
        );
        assert!(fields[2].message.contains("8 to 128"), "{:?}", fields[2]);
    }

    #[test]
    fn good_input_passes() {
        let sample = Sample {
            email: " ada@example.com ".into(),
            new_password: "long enough".into(),
            tenant_id: None,
            inner: Inner {
                display_name: "Ada".into(),
            },
        };
        assert!(validate_input(&sample).is_ok());
    }

    #[test]
    fn a_malformed_id_names_its_field() {
        let err = parse_id::<trellis_kernel::TenantId>("tenantId", "x").unwrap_err();
        assert!(err.to_string().contains("tenantId"), "{err}");
    }
}
