//! Teams: named groups of a tenant's members that items can belong to.

use chrono::{DateTime, Utc};
use serde::Serialize;
use trellis_kernel::{TenantId, define_id};

define_id!(
    /// One team of a tenant.
    TeamId
);

pub const TEAM_NAME_MAX: usize = 100;
pub const TEAM_DESCRIPTION_MAX: usize = 2_000;

/// A team. Its name is unique in the tenant, ignoring case, among live teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub id: TeamId,
    #[serde(skip)]
    pub tenant_id: TenantId,
    pub name: String,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
