//! The Routing relations of a page, each loaded in one call: an intent's
//! rules, a rule's datasource, a datasource's config, a decision's intent.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use trellis_datasources::{self as ds, DatasourceConfigId, DatasourceId};
use trellis_intents::{self as intents, IntentId};
use trellis_kernel::{DomainError, TenantCtx};
use trellis_rules::{self as rules, Routing};

/// Loads for one caller: every batch goes through the use cases, which
/// check the caller's permissions and scope the lookup to their tenant.
pub struct RoutingLoader {
    routing: Routing,
    scope: TenantCtx,
}

impl RoutingLoader {
    pub(crate) fn new(routing: Routing, scope: TenantCtx) -> Self {
        Self { routing, scope }
    }
}

/// An intent's rules, as a loader key (the intent's own id loads the intent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RulesOf(pub IntentId);

type LoadResult<K, V> = Result<HashMap<K, V>, Arc<DomainError>>;

impl Loader<RulesOf> for RoutingLoader {
    type Value = Vec<rules::ValidationRule>;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[RulesOf]) -> LoadResult<RulesOf, Self::Value> {
        let intents: Vec<IntentId> = keys.iter().map(|key| key.0).collect();
        let by_intent = self
            .routing
            .rules
            .list_for_intents(&self.scope, &intents)
            .await?;
        Ok(by_intent
            .into_iter()
            .map(|(intent, rules)| (RulesOf(intent), rules))
            .collect())
    }
}

impl Loader<IntentId> for RoutingLoader {
    type Value = intents::Intent;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[IntentId]) -> LoadResult<IntentId, Self::Value> {
        let found = self.routing.intents.get_many(&self.scope, keys).await?;
        Ok(found
            .into_iter()
            .map(|intent| (intent.id, intent))
            .collect())
    }
}

impl Loader<DatasourceId> for RoutingLoader {
    type Value = ds::Datasource;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[DatasourceId]) -> LoadResult<DatasourceId, Self::Value> {
        let found = self.routing.datasources.get_many(&self.scope, keys).await?;
        Ok(found.into_iter().map(|d| (d.id, d)).collect())
    }
}

impl Loader<DatasourceConfigId> for RoutingLoader {
    type Value = ds::DatasourceConfig;
    type Error = Arc<DomainError>;

    async fn load(
        &self,
        keys: &[DatasourceConfigId],
    ) -> LoadResult<DatasourceConfigId, Self::Value> {
        let found = self
            .routing
            .datasources
            .configs_by_id(&self.scope, keys)
            .await?;
        Ok(found.into_iter().map(|c| (c.id, c)).collect())
    }
}
