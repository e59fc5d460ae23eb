//! Comments: what people say about an item, oldest first under it.

use chrono::{DateTime, Utc};
use serde::Serialize;
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId, define_id};

use crate::item::ItemId;

define_id!(
    /// One comment of a tenant.
    CommentId
);

pub const BODY_MAX: usize = 10_000;

/// A comment. Soft-deleted, like the aggregates it sits on; a comment
/// changes no item version, so commenting never conflicts with an edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: CommentId,
    #[serde(skip)]
    pub tenant_id: TenantId,
    pub item_id: ItemId,
    pub author_id: UserId,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When its author last changed the body; empty if never.
    pub edited_at: Option<DateTime<Utc>>,
}

/// A comment's body: trimmed, 1 to [`BODY_MAX`] characters, line breaks
/// kept.
///
/// # Errors
/// `Validation` on `field`.
pub fn body(field: &str, raw: &str) -> DomainResult<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(DomainError::invalid(field, "must not be empty"));
    }
    if trimmed.chars().count() > BODY_MAX {
        return Err(DomainError::invalid(
            field,
            format!("must be at most {BODY_MAX} characters"),
        ));
    }
    if trimmed.contains('\0') {
        return Err(DomainError::invalid(
            field,
            trellis_kernel::text::NUL_REFUSED,
        ));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_trimmed_and_bounded() {
        assert_eq!(body("body", "  looks good\n").unwrap(), "looks good");
        assert_eq!(body("body", "a\nb").unwrap(), "a\nb");
        for bad in ["", "  \n ", "a\0b"] {
            let err = body("body", bad).unwrap_err();
            assert!(err.to_string().contains("body: must"), "{bad:?}: {err}");
        }
        let longest = "x".repeat(BODY_MAX);
        assert!(body("body", &longest).is_ok());
        let err = body("body", &format!("{longest}x")).unwrap_err();
        assert!(err.to_string().contains("at most 10000"), "{err}");
    }
}
