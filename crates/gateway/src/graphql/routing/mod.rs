//! The Routing wing of the schema: datasource configs, datasources,
//! intents, validation rules, routing emails and the decisions recorded.

pub mod loader;
pub mod mutation;
mod prefetch;
pub mod query;
pub mod types;

pub use mutation::RoutingMutation;
pub use query::RoutingQuery;
