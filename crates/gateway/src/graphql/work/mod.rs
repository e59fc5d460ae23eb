//! The Work wing of the schema: teams, tags, items with subtasks,
//! assignees and tags, and the history of every change.

pub mod loader;
pub mod mutation;
mod prefetch;
pub mod query;
pub mod types;

pub use mutation::WorkMutation;
pub use query::WorkQuery;
