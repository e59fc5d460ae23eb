use std::fmt;
use std::str::FromStr;

use trellis_kernel::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plan {
    Free,
    Pro,
    Enterprise,
}

const MIB: u64 = 1024 * 1024;
const GIB: u64 = 1024 * MIB;

/// What a plan allows; `None` is unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanLimits {
    pub max_members: Option<u64>,
    pub max_items: Option<u64>,
    pub max_forms: Option<u64>,
    /// The largest single attachment, in bytes.
    pub max_attachment_bytes: Option<u64>,
    /// All of a tenant's attachments together, in bytes.
    pub max_storage_bytes: Option<u64>,
}

impl Plan {
    pub const fn limits(self) -> PlanLimits {
        match self {
            Plan::Free => PlanLimits {
                max_members: Some(5),
                max_items: Some(1_000),
                max_forms: Some(10),
                max_attachment_bytes: Some(10 * MIB),
                max_storage_bytes: Some(GIB),
            },
            Plan::Pro => PlanLimits {
                max_members: Some(100),
                max_items: Some(100_000),
                max_forms: Some(500),
                max_attachment_bytes: Some(100 * MIB),
                max_storage_bytes: Some(100 * GIB),
            },
            Plan::Enterprise => PlanLimits {
                max_members: None,
                max_items: None,
                max_forms: None,
                max_attachment_bytes: Some(GIB),
                max_storage_bytes: None,
            },
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Plan::Free => "FREE",
            Plan::Pro => "PRO",
            Plan::Enterprise => "ENTERPRISE",
        }
    }
}

impl PlanLimits {
    /// # Errors
    /// `LimitExceeded` when adding `adding` to `current` would pass the limit.
    pub fn check(
        limit: Option<u64>,
        name: &'static str,
        current: u64,
        adding: u64,
    ) -> Result<(), DomainError> {
        match limit {
            Some(max) if current + adding > max => {
                Err(DomainError::LimitExceeded { limit: name, max })
            }
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Plan {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "FREE" => Ok(Plan::Free),
            "PRO" => Ok(Plan::Pro),
            "ENTERPRISE" => Ok(Plan::Enterprise),
            other => Err(DomainError::invalid(
                "plan",
                format!("unknown plan `{other}`"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_plan_stops_at_its_member_limit() {
        let max = Plan::Free.limits().max_members;
        assert!(PlanLimits::check(max, "members", 4, 1).is_ok());
        let err = PlanLimits::check(max, "members", 5, 1).unwrap_err();
        assert!(matches!(err, DomainError::LimitExceeded { max: 5, .. }));
    }

    #[test]
    fn enterprise_is_unlimited() {
        let max = Plan::Enterprise.limits().max_members;
        assert!(PlanLimits::check(max, "members", 1_000_000, 1).is_ok());
    }
}
