//! SeaORM models of the Work tables. They mirror the migration and are
//! never handed out: repositories convert them to domain types.
//!
//! A child table without an id of its own (an item's assignees, a change
//! of an entry) is keyed, for `write::TenantTable`, by its parent's id:
//! its rows are read by the parents they belong to.

pub mod activity;
pub mod activity_change;
pub mod attachment;
pub mod comment;
pub mod item;
pub mod item_assignee;
pub mod item_tag;
pub mod tag;
pub mod team;
pub mod team_member;
