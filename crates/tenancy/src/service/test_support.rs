//! Mocks of every port, for the use-case tests.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use trellis_kernel::{Actor, FixedClock, RequestMeta, SessionId, TenantCtx, TenantId, UserId};

use super::TenancyDeps;
use crate::plan::Plan;
use crate::role::{BuiltinRole, Role};
use crate::slug::Slug;
use crate::tenant::{Tenant, TenantStatus};

pub use crate::testing::MockPorts as Mocks;

/// The mocks as use cases take them, on a clock fixed at [`now`].
pub trait IntoDeps {
    fn into_deps(self) -> Arc<TenancyDeps>;
}

impl IntoDeps for Mocks {
    fn into_deps(self) -> Arc<TenancyDeps> {
        Arc::new(self.deps(Arc::new(FixedClock::new(now()))))
    }
}

pub fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

pub fn actor() -> Actor {
    Actor {
        user_id: UserId::generate(),
        session_id: SessionId::generate(),
        is_platform_admin: false,
        meta: RequestMeta::default(),
    }
}

pub use trellis_kernel::testing::ctx_in;

pub fn ctx(role: BuiltinRole) -> TenantCtx {
    ctx_in(TenantId::generate(), role)
}

pub fn tenant() -> Tenant {
    Tenant {
        id: TenantId::generate(),
        name: "Acme".into(),
        slug: Slug::from_trusted("acme".into()),
        plan: Plan::Free,
        status: TenantStatus::Active,
        suspended_reason: None,
        created_at: now(),
        updated_at: now(),
    }
}

pub fn role(tenant: TenantId, builtin: BuiltinRole) -> Role {
    Role::builtin(tenant, builtin, now())
}
