//! Objects of a long list resolved without a future per field.
//!
//! async-graphql resolves each selected field of each object through a
//! boxed future of its own, gathered in a `FuturesUnordered`: on a page of
//! fifty items, a few hundred allocations and wake-ups for values that are
//! already in memory. A type that implements [`PlainFields`] answers its
//! plain fields (no arguments, nothing selected below them) directly; any
//! other field goes through the type's own resolver, concurrently, as
//! before. A selection this does not cover (a fragment, a directive, a
//! response key given twice) is left to async-graphql whole.
//!
//! The answer is the same as async-graphql's, value for value; its keys
//! follow the selection's order. An extension's `resolve` hook would not
//! see the plain fields: the schema registers none.

use std::borrow::Cow;

use async_graphql::futures_util::future::{join_all, try_join_all};
use async_graphql::indexmap::IndexMap;
use async_graphql::parser::types::{Field, Selection};
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::resolve_container;
use async_graphql::{
    ContainerType, ContextSelectionSet, OutputType, Positioned, ServerResult, Value,
};

/// A type whose plain fields need no resolver.
pub(crate) trait PlainFields: ContainerType {
    /// The value of the field named `field` (its schema name), when it is
    /// a plain field of this type; none sends it through the resolver.
    /// A scalar's or an enum's is its `InputType::to_value`, the value
    /// async-graphql's own resolver gives.
    fn plain_field(&self, field: &str) -> Option<Value>;
}

/// An object of type `T`, resolved plain fields first.
pub(crate) struct Plain<'a, T>(pub &'a T);

/// A list of objects of type `T`, each resolved as [`Plain`].
pub(crate) struct PlainList<'a, T>(pub &'a [T]);

impl<T: PlainFields + Sync> OutputType for Plain<'_, T> {
    fn type_name() -> Cow<'static, str> {
        T::type_name()
    }

    fn qualified_type_name() -> String {
        T::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        T::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        resolve_object(ctx, self.0).await
    }
}

impl<T: PlainFields + Sync> OutputType for PlainList<'_, T> {
    fn type_name() -> Cow<'static, str> {
        <Vec<T> as OutputType>::type_name()
    }

    fn qualified_type_name() -> String {
        <Vec<T> as OutputType>::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        <Vec<T> as OutputType>::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        // Concurrently, as async-graphql does: a row's relation that waits
        // on a DataLoader batches with the other rows'.
        let rows = self.0.iter().enumerate().map(|(index, row)| async move {
            let ctx_row = ctx.with_index(index);
            resolve_object(&ctx_row, row)
                .await
                .map_err(|err| ctx_row.set_error_path(err))
        });
        Ok(Value::List(try_join_all(rows).await?))
    }
}

/// `root` under the selection `ctx`, as async-graphql's
/// `resolve_container` would answer it.
async fn resolve_object<T: PlainFields + Sync>(
    ctx: &ContextSelectionSet<'_>,
    root: &T,
) -> ServerResult<Value> {
    let selections = &ctx.item.node.items;
    let mut results: IndexMap<_, Value> = IndexMap::with_capacity(selections.len());
    let mut resolved_later: Vec<&Positioned<Field>> = Vec::new();
    for selection in selections {
        let Selection::Field(field) = &selection.node else {
            return resolve_container(ctx, root).await;
        };
        let node = &field.node;
        let key = &node.response_key().node;
        // A key given twice merges its selections; a directive may wrap
        // the resolver: both are async-graphql's to do.
        if !node.directives.is_empty() || results.contains_key(key) {
            return resolve_container(ctx, root).await;
        }
        let plain = if node.name.node == "__typename" {
            Some(Value::String(root.introspection_type_name().into_owned()))
        } else if node.arguments.is_empty() && node.selection_set.node.items.is_empty() {
            root.plain_field(&node.name.node)
        } else {
            None
        };
        // A field resolved later holds its place in the answer meanwhile.
        let answered = plain.is_some();
        results.insert(key.clone(), plain.unwrap_or_default());
        if !answered {
            resolved_later.push(field);
        }
    }
    let answers = join_all(
        resolved_later
            .iter()
            .map(|field| async move { root.resolve_field(&ctx.with_field(field)).await }),
    )
    .await;
    for (field, answer) in resolved_later.into_iter().zip(answers) {
        let key = &field.node.response_key().node;
        match answer {
            Ok(value) => {
                results.insert(key.clone(), value.unwrap_or_default());
            }
            // As async-graphql does: the field's error is the request's,
            // and the field is left out.
            Err(err) => {
                results.shift_remove(key);
                ctx.add_error(err);
            }
        }
    }
    Ok(if results.is_empty() {
        Value::Null
    } else {
        Value::Object(results)
    })
}
