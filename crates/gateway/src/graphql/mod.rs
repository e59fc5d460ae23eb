//! The GraphQL schema: one wing per product (`tenancy`, `routing`, `work`), each
//! with its `query`, `mutation` and `types`; error mapping, request limits
//! and Relay connections are shared.
//!
//! Resolvers are thin: validate the input, call one use case of [`AppState`],
//! map the result into a GraphQL object. Rules and permissions live in the
//! use cases.

pub mod connection;
pub mod context;
pub mod documents;
pub mod error;
pub mod limits;
pub mod loaders;
pub mod nul;
pub(crate) mod plain;
pub mod routing;
pub mod tenancy;
mod upload;
pub mod validate;
pub mod work;

use async_graphql::{EmptySubscription, ID, MergedObject, Schema};

pub use context::RequestAuth;
pub use error::{GqlResultExt, gql_err};
pub use loaders::Loaders;

use crate::state::AppState;

// Every query, one wing per product.
#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    tenancy::TenancyQuery,
    routing::RoutingQuery,
    work::WorkQuery,
);

// Every mutation, one wing per product.
#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    tenancy::TenancyMutation,
    routing::RoutingMutation,
    work::WorkMutation,
);

/// Any domain id as a GraphQL `ID`.
pub(crate) fn id(value: impl ToString) -> ID {
    ID(value.to_string())
}

/// The gateway's schema type, shared by the HTTP layer and the tests.
pub type TrellisSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// Limits applied to every GraphQL request, from configuration.
#[derive(Debug, Clone)]
pub struct GraphqlLimits {
    pub max_depth: usize,
    /// Complexity budget: each field costs 1 plus its children, and a list
    /// field multiplies its children's cost by the page size asked for.
    pub max_complexity: usize,
    /// Most aliased fields in one document.
    pub max_aliases: usize,
    /// Most operations in one batched HTTP request.
    pub max_batch: usize,
    pub introspection: bool,
    pub suggestions: bool,
}

impl Default for GraphqlLimits {
    fn default() -> Self {
        Self {
            max_depth: 12,
            // A full page of 100 intents with their rules costs about 7 400
            // (each intent priced at ten rules), of members with their
            // users about 1 400: this admits full pages, whose relations
            // are loaded a page at a time, and refuses lists nested in
            // lists (100 tenants x 100 members, about 70 000).
            max_complexity: 10_000,
            max_aliases: 30,
            max_batch: 10,
            introspection: true,
            suggestions: true,
        }
    }
}

/// Builds the schema with `state` as schema data and every limit applied.
///
/// It registers no extension: the plain fields of a list's objects skip
/// the resolvers an extension would hook into (see `plain`).
pub fn build_schema(state: AppState, limits: &GraphqlLimits) -> TrellisSchema {
    let mut builder = Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
    .data(state)
    .data(limits::DocumentLimits {
        max_aliases: limits.max_aliases,
    })
    .data(documents::DocumentCache::default())
    .limit_depth(limits.max_depth)
    .limit_complexity(limits.max_complexity);
    if !limits.introspection {
        builder = builder.disable_introspection();
    }
    if !limits.suggestions {
        builder = builder.disable_suggestions();
    }
    builder.finish()
}
