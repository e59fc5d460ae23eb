//! The Routing mutations: one `input` argument, one use case, a payload
//! naming what changed. Inputs are checked with `validator` before the use
//! case runs.

mod datasource;
mod datasource_config;
mod email;
mod intent;
mod restore;
mod rule;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct RoutingMutation(
    datasource_config::DatasourceConfigMutation,
    datasource::DatasourceMutation,
    intent::IntentMutation,
    rule::RuleMutation,
    email::EmailMutation,
    restore::RestoreMutation,
);
