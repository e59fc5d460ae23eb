//! One module per Routing port.

mod datasource_configs;
mod datasources;
mod intents;
mod routing_runs;
mod rules;
