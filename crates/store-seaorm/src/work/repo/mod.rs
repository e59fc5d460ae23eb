//! One module per Work port; the item port's reads, its list and its
//! walks of the item tree each have their own.

pub(crate) mod activity;
mod analytics;
mod analytics_tallies;
mod attachments;
mod comments;
mod item_list;
mod item_relations;
mod item_search;
mod item_write;
mod items;
mod items_read;
mod members;
mod purge;
mod tags;
mod teams;
mod tree;
