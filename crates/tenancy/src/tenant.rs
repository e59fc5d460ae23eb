use chrono::{DateTime, Utc};
use trellis_kernel::{DomainError, TenantId};

use crate::plan::Plan;
use crate::slug::Slug;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantStatus {
    Active,
    /// Suspended by a platform administrator: its members' tokens no longer
    /// reach its data until it is reactivated.
    Suspended,
}

impl TenantStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Active => "ACTIVE",
            TenantStatus::Suspended => "SUSPENDED",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "ACTIVE" => Some(TenantStatus::Active),
            "SUSPENDED" => Some(TenantStatus::Suspended),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub id: TenantId,
    pub name: String,
    pub slug: Slug,
    pub plan: Plan,
    pub status: TenantStatus,
    pub suspended_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Tenant {
    /// # Errors
    /// `Forbidden` naming the tenant when it is suspended.
    pub fn ensure_active(&self) -> Result<(), DomainError> {
        match self.status {
            TenantStatus::Active => Ok(()),
            TenantStatus::Suspended => Err(DomainError::forbidden(format!(
                "tenant `{}` is suspended",
                self.slug
            ))),
        }
    }
}

/// A display name: trimmed, 1–100 characters.
pub fn parse_display_name(field: &str, raw: &str) -> Result<String, DomainError> {
    let name = raw.trim();
    match name.chars().count() {
        0 => Err(DomainError::invalid(field, "must not be blank")),
        1..=100 => Ok(name.to_owned()),
        _ => Err(DomainError::invalid(
            field,
            "must be at most 100 characters",
        )),
    }
}
