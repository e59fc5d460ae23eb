//! The shared vocabulary of Trellis. Everything here is plain data and rules:
//! no I/O, no framework types, so every other crate can depend on it.

pub mod actor;
pub mod clock;
pub mod error;
pub mod id;
pub mod paging;
pub mod permission;
pub mod text;

pub use actor::{Actor, RequestMeta, TenantCtx};
pub use clock::{Clock, FixedClock, SystemClock, next_version};
pub use error::{DomainError, DomainResult, FieldError, FieldErrors};
pub use id::{DatasourceConfigId, DatasourceId, IntentId, RuleId, SessionId, TenantId, UserId};
pub use paging::{Cursor, MAX_PAGE_SIZE, Page, PageRequest};
pub use permission::{Permission, PermissionSet};

#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use uuid;
}
