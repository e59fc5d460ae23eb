//! The shared vocabulary of Trellis. Everything here is plain data and rules:
//! no I/O, no framework types, so every other crate can depend on it.
//!
//! What belongs here is what more than one product must name:
//! - who is calling and in which tenant (`TenantId`, `UserId`, `SessionId`,
//!   `Actor`, `TenantCtx`), and the built-in roles and permissions every
//!   product checks (one block of `Permission` per product);
//! - the one error type, keyset paging, the clock, the checks every
//!   product's free text passes;
//! - the audit trail (`AuditEntry` and its read port), which every
//!   product's writes commit with.
//!
//! What does not: a product's entities and ids. They live in that product's
//! crate (`IntentId` in `trellis-intents`, `DatasourceId` in
//! `trellis-datasources`). The one exception is `RuleId`, which crates that
//! cannot depend on each other must both name (see its definition).

pub mod actor;
pub mod audit;
pub mod clock;
pub mod error;
pub mod id;
pub mod paging;
pub mod permission;
#[cfg(any(test, feature = "mock"))]
pub mod testing;
pub mod text;

pub use actor::{Actor, RequestMeta, TenantCtx};
pub use audit::{AuditEntry, AuditEntryId, AuditFilter, AuditRepository, RestoreAudit};
pub use clock::{Clock, FixedClock, SystemClock, next_version};
pub use error::{DomainError, DomainResult, FieldError, FieldErrors};
pub use id::{RuleId, SessionId, TenantId, UserId};
pub use paging::{Cursor, MAX_PAGE_SIZE, Page, PageRequest};
pub use permission::{BuiltinRole, Permission, PermissionSet};

#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use uuid;
}
