//! The DataLoaders of one request. A relation a list asks for (an intent's
//! rules, a rule's datasource, …) is loaded for the whole page in one call
//! instead of once per row.
//!
//! The HTTP layer adds an empty [`Loaders`] to every request; each product's
//! loader is made on first use, so a request that loads no relation pays
//! nothing. Nothing is cached: every load reads the database, so a mutation
//! earlier in the same document is always seen.

use std::sync::{Arc, OnceLock};

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, Result};
use trellis_kernel::{DomainError, TenantCtx};

use super::context::tenant_ctx;
use super::error::GqlResultExt;
use super::routing::loader::RoutingLoader;
use super::work::loader::WorkLoader;
use crate::state::AppState;

/// One request's loaders, one per product.
#[derive(Default)]
pub struct Loaders {
    routing: OnceLock<DataLoader<RoutingLoader>>,
    work: OnceLock<DataLoader<WorkLoader>>,
}

impl Loaders {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    fn of<'c>(ctx: &Context<'c>) -> Result<&'c Self> {
        match ctx.data_opt::<Arc<Loaders>>() {
            Some(loaders) => Ok(loaders),
            None => Err(DomainError::internal_msg(
                "the request carries no loaders; add `Loaders::new()` to its data",
            ))
            .gql(ctx),
        }
    }

    /// The Routing loader of the request, acting as its caller.
    pub(crate) fn routing<'c>(ctx: &Context<'c>) -> Result<&'c DataLoader<RoutingLoader>> {
        let loaders = Self::of(ctx)?;
        made_once(ctx, &loaders.routing, |state, scope| {
            RoutingLoader::new(state.routing.clone(), scope)
        })
    }

    /// The Work loader of the request, acting as its caller.
    pub(crate) fn work<'c>(ctx: &Context<'c>) -> Result<&'c DataLoader<WorkLoader>> {
        let loaders = Self::of(ctx)?;
        made_once(ctx, &loaders.work, |state, scope| {
            WorkLoader::new(state.work.clone(), scope)
        })
    }
}

/// The loader in `cell`, made on first use for the request's caller.
fn made_once<'c, L: Send + Sync + 'static>(
    ctx: &Context<'c>,
    cell: &'c OnceLock<DataLoader<L>>,
    make: impl FnOnce(&AppState, TenantCtx) -> L,
) -> Result<&'c DataLoader<L>> {
    if let Some(loader) = cell.get() {
        return Ok(loader);
    }
    let state = ctx.data::<AppState>()?;
    let scope = tenant_ctx(ctx).gql(ctx)?;
    let loader = make(state, scope.clone());
    Ok(cell.get_or_init(|| DataLoader::new(loader, tokio::spawn)))
}
