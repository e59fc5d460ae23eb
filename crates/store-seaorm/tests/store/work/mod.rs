//! The Work wing's ports.

mod activity;
mod analytics;
mod analytics_tallies;
mod attachments;
mod bulk;
mod comments;
mod isolation;
mod item_filters;
mod item_paging;
mod items;
mod listed_relations;
mod members;
mod purge;
mod races;
mod search;
mod subtasks;
pub mod support;
mod tags;
mod teams;
