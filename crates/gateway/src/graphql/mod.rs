//! The GraphQL schema: types, resolvers, error mapping and request limits.

pub mod context;

pub use context::RequestAuth;

/// Limits applied to every GraphQL request, from configuration.
#[derive(Debug, Clone)]
pub struct GraphqlLimits {
    pub max_depth: usize,
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
            max_complexity: 500,
            max_aliases: 30,
            max_batch: 10,
            introspection: true,
            suggestions: true,
        }
    }
}
