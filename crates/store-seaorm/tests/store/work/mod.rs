//! The Work wing's ports.

mod activity;
mod isolation;
mod item_filters;
mod item_paging;
mod items;
mod members;
mod subtasks;
pub mod support;
mod tags;
mod teams;
