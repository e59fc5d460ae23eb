//! Work, the task tracker: teams, items (with subtasks, assignees and tags)
//! and the field-level history of every item. Entities, ports and use
//! cases; no I/O.

pub mod activity;
pub mod analytics;
pub mod attachment;
pub mod comment;
pub mod item;
pub mod order;
pub mod ports;
pub mod product;
pub mod purge;
#[cfg(test)]
mod purge_tests;
pub mod service;
pub mod tag;
pub mod team;
#[cfg(any(test, feature = "mock"))]
pub mod testing;

pub use activity::{Activity, ActivityAction, ActivityFilter, ActivityId, FieldChange};
pub use attachment::{Attachment, AttachmentId};
pub use comment::{Comment, CommentId};
pub use item::{Item, ItemFilter, ItemId, ItemStatus, Priority, Progress, TagMatch};
pub use order::{ItemCursor, ItemOrder, ItemPageRequest, ItemSort, SortDirection};
pub use product::{Work, WorkPorts};
pub use tag::{Color, Tag, TagId};
pub use team::{Team, TeamId};
