//! The relations a query asks for on a page, read for the whole page before
//! its rows are resolved: one batch per relation level, whatever the page
//! size.
//!
//! Row resolvers fall back on the request's DataLoader, which batches the
//! rows that ask within a millisecond of each other. That is not enough for
//! a page: async-graphql resolves a long list in rounds of 32 rows, and a
//! round can outlast the loader's wait, splitting the page into several
//! batches. A list resolver knows the whole page, so it loads through the
//! same loaders here, deterministically, and hands each row its share.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use async_graphql::dataloader::Loader;
use async_graphql::{Context, Lookahead, Result};
use tokio::sync::OnceCell;

use super::loader::{RoutingLoader, RulesOf};
use super::types::{Datasource, Intent, RoutingDecision, ValidationRule};
use crate::graphql::error::GqlResultExt;
use crate::graphql::loaders::Loaders;

/// One batch through the loader, without the DataLoader's wait.
async fn batch<K, V>(ctx: &Context<'_>, keys: HashSet<K>) -> Result<HashMap<K, V>>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    RoutingLoader: Loader<K, Value = V, Error = std::sync::Arc<trellis_kernel::DomainError>>,
{
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let keys: Vec<K> = keys.into_iter().collect();
    Loaders::routing(ctx)?.loader().load(&keys).await.gql(ctx)
}

/// The rules of every intent, if `node` (an intent's selection) asks for
/// them, and what the rules' own selection asks for.
pub(crate) async fn intents(
    ctx: &Context<'_>,
    node: Lookahead<'_>,
    mut intents: Vec<&mut Intent>,
) -> Result<()> {
    let wanted = node.field("rules");
    if !wanted.exists() {
        return Ok(());
    }
    let keys = intents.iter().map(|i| RulesOf(i.intent_id)).collect();
    let found = batch(ctx, keys).await?;
    for intent in &mut intents {
        // An intent may stand on a page more than once (the intent of
        // several decisions): each gets its own copy of the rules.
        let rules = found
            .get(&RulesOf(intent.intent_id))
            .into_iter()
            .flatten()
            .cloned()
            .map(ValidationRule::from)
            .collect();
        intent.loaded_rules = OnceCell::new_with(Some(rules));
    }
    let rules = intents
        .into_iter()
        .filter_map(|intent| intent.loaded_rules.get_mut())
        .flatten()
        .collect();
    self::rules(ctx, wanted, rules).await
}

/// The datasource of every rule, if `node` (a rule's selection) asks for
/// it, and what the datasources' own selection asks for.
pub(crate) async fn rules(
    ctx: &Context<'_>,
    node: Lookahead<'_>,
    mut rules: Vec<&mut ValidationRule>,
) -> Result<()> {
    let wanted = node.field("datasource");
    if !wanted.exists() {
        return Ok(());
    }
    let keys = rules.iter().map(|rule| rule.datasource_key).collect();
    let found = batch(ctx, keys).await?;
    for rule in &mut rules {
        if let Some(datasource) = found.get(&rule.datasource_key) {
            rule.loaded_datasource = OnceCell::new_with(Some(datasource.clone().into()));
        }
    }
    let datasources = rules
        .into_iter()
        .filter_map(|rule| rule.loaded_datasource.get_mut())
        .collect();
    self::datasources(ctx, wanted, datasources).await
}

/// The config of every datasource, if `node` (a datasource's selection)
/// asks for it or for its `connectionKey`.
pub(crate) async fn datasources(
    ctx: &Context<'_>,
    node: Lookahead<'_>,
    mut datasources: Vec<&mut Datasource>,
) -> Result<()> {
    if !(node.field("config").exists() || node.field("connectionKey").exists()) {
        return Ok(());
    }
    let keys = datasources.iter().map(|d| d.config_id).collect();
    let found = batch(ctx, keys).await?;
    for datasource in &mut datasources {
        if let Some(config) = found.get(&datasource.config_id) {
            datasource.loaded_config = OnceCell::new_with(Some(config.clone()));
        }
    }
    Ok(())
}

/// The intent of every decision, if `node` (a decision's selection) asks
/// for it, and what the intents' own selection asks for.
pub(crate) async fn decisions(
    ctx: &Context<'_>,
    node: Lookahead<'_>,
    decisions: Vec<&mut RoutingDecision>,
) -> Result<()> {
    let wanted = node.field("intent");
    if !wanted.exists() {
        return Ok(());
    }
    let mut decisions: Vec<&mut RoutingDecision> = decisions
        .into_iter()
        .filter(|decision| decision.intent_key.is_some())
        .collect();
    let keys = decisions.iter().filter_map(|d| d.intent_key).collect();
    let found = batch(ctx, keys).await?;
    for decision in &mut decisions {
        let intent = decision
            .intent_key
            .and_then(|key| found.get(&key))
            .map(|intent| Intent::from(intent.clone()));
        decision.loaded_intent = OnceCell::new_with(Some(intent));
    }
    let intents = decisions
        .into_iter()
        .filter_map(|decision| decision.loaded_intent.get_mut())
        .flatten()
        .collect();
    self::intents(ctx, wanted, intents).await
}
