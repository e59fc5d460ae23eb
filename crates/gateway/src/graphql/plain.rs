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
//! A relation already in memory (read along with the page) is answered
//! the same way, when all it selects is plain: and a row whose whole
//! selection is plain or in memory is answered without any future, which
//! is how a page read with its relations goes.
//!
//! A list reads its selection once, for all its objects ([`Shape`]), and
//! a tag or a person many rows share is one object in memory ([`Arc`]).
//! The answer is the same as async-graphql's, value for value; its keys
//! follow the selection's order. An extension's `resolve` hook would not
//! see the plain fields: the schema registers none. Under an HTTP request,
//! such a list is written as JSON at once ([`json`]).

mod json;

use std::borrow::Cow;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;

use async_graphql::futures_util::future::{join_all, try_join_all};
use async_graphql::indexmap::IndexMap;
use async_graphql::indexmap::map::raw_entry_v1::{RawEntryApiV1, RawEntryMut};
use async_graphql::parser::types::{Field, Selection, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::resolve_container;
use async_graphql::{
    ContainerType, ContextSelectionSet, Name, OutputType, Positioned, ServerResult, Value,
};
pub(crate) use json::{Prerendered, to_json, write_str, write_value};

/// A type whose plain fields need no resolver.
pub(crate) trait PlainFields: ContainerType {
    /// The value of the field named `field` (its schema name), when it is
    /// a plain field of this type; none sends it through the resolver.
    /// A scalar's or an enum's is its `InputType::to_value`, the value
    /// async-graphql's own resolver gives.
    fn plain_field(&self, field: &str) -> Option<Value>;

    /// Writes the JSON of [`plain_field`](Self::plain_field)'s value to
    /// `out`; false, writing nothing, when it has none. A type writes its
    /// long lists' fields itself to spare making each value.
    fn write_plain_field(&self, field: &str, out: &mut Vec<u8>) -> bool {
        json::write_value(out, self.plain_field(field))
    }

    /// The objects of the field named `field` when they are already in
    /// memory; none sends it through the resolver, which loads them.
    fn loaded_relation(&self, _field: &str) -> Option<Loaded<'_>> {
        None
    }
}

/// An object shared by the rows of a page (a tag many items carry) is
/// answered as the object itself.
impl<T: PlainFields + Send + Sync> PlainFields for Arc<T> {
    fn plain_field(&self, field: &str) -> Option<Value> {
        T::plain_field(self, field)
    }

    fn write_plain_field(&self, field: &str, out: &mut Vec<u8>) -> bool {
        T::write_plain_field(self, field, out)
    }

    fn loaded_relation(&self, field: &str) -> Option<Loaded<'_>> {
        T::loaded_relation(self, field)
    }
}

/// [`PlainFields`] of an object of any type, for a relation's objects.
pub(crate) trait PlainObject: Sync {
    fn type_name(&self) -> Cow<'static, str>;
    fn plain_field(&self, field: &str) -> Option<Value>;
    fn write_plain_field(&self, field: &str, out: &mut Vec<u8>) -> bool;
    fn loaded_relation(&self, field: &str) -> Option<Loaded<'_>>;
}

impl<T: PlainFields + Sync> PlainObject for T {
    fn type_name(&self) -> Cow<'static, str> {
        self.introspection_type_name()
    }

    fn plain_field(&self, field: &str) -> Option<Value> {
        PlainFields::plain_field(self, field)
    }

    fn write_plain_field(&self, field: &str, out: &mut Vec<u8>) -> bool {
        PlainFields::write_plain_field(self, field, out)
    }

    fn loaded_relation(&self, field: &str) -> Option<Loaded<'_>> {
        PlainFields::loaded_relation(self, field)
    }
}

/// The value of a relation already in memory.
pub(crate) enum Loaded<'a> {
    /// An object, or null.
    One(Option<&'a dyn PlainObject>),
    /// A list of objects.
    Many(Vec<&'a dyn PlainObject>),
}

impl Loaded<'_> {
    /// Its answer under `shape`, when all that selects is plain or in
    /// memory.
    fn answer(&self, shape: &Shape<'_>) -> Option<Value> {
        match self {
            Loaded::One(None) => Some(Value::Null),
            Loaded::One(Some(object)) => shape.answer(*object),
            Loaded::Many(objects) => objects
                .iter()
                .map(|object| shape.answer(*object))
                .collect::<Option<_>>()
                .map(Value::List),
        }
    }
}

/// `object` under `selection` with no resolver, when every field it
/// selects is plain or a relation in memory, selected plainly (see
/// [`Shape`], and [`resolve_object`] for what async-graphql is left with).
#[cfg(test)]
pub(crate) fn in_memory(selection: &SelectionSet, object: &dyn PlainObject) -> Option<Value> {
    Shape::of(selection)?.answer(object)
}

/// A selection that objects in memory may answer, read once for all the
/// objects of a list: fields alone, none with a directive or arguments,
/// each response key once (a key given twice merges its selections, and a
/// directive may wrap the resolver: both are async-graphql's to do), and
/// so on below. Each key comes with its hash under `hasher`, which every
/// answer's map is made with: a page's objects are answered without
/// hashing their keys again, object after object.
struct Shape<'s> {
    hasher: RandomState,
    fields: Vec<ShapedField<'s>>,
}

struct ShapedField<'s> {
    field: &'s Field,
    key: &'s Name,
    hash: u64,
    /// The key as JSON, with its colon, for [`json`].
    json_key: Vec<u8>,
    /// What a relation selects; none for a plain field.
    below: Option<Shape<'s>>,
}

impl<'s> Shape<'s> {
    /// The shape of `selection`; none when objects cannot answer it alone.
    fn of(selection: &'s SelectionSet) -> Option<Self> {
        let hasher = RandomState::new();
        let fields = selection
            .items
            .iter()
            .map(|item| match &item.node {
                Selection::Field(field) => ShapedField::of(&field.node, &hasher),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        // Sorted, a key given twice sits next to itself.
        let mut keys: Vec<&str> = fields.iter().map(|field| field.key.as_str()).collect();
        keys.sort_unstable();
        if keys.windows(2).any(|pair| pair[0] == pair[1]) {
            return None;
        }
        Some(Self { hasher, fields })
    }

    /// `object`'s answer; none when a field needs its resolver.
    fn answer(&self, object: &dyn PlainObject) -> Option<Value> {
        if self.fields.is_empty() {
            return Some(Value::Null);
        }
        let mut results: IndexMap<Name, Value> =
            IndexMap::with_capacity_and_hasher(self.fields.len(), self.hasher.clone());
        for shaped in &self.fields {
            let value = shaped.answer(object)?;
            // The map's hasher is the one `hash` was made with.
            match results
                .raw_entry_mut_v1()
                .from_key_hashed_nocheck(shaped.hash, shaped.key)
            {
                RawEntryMut::Vacant(slot) => {
                    slot.insert_hashed_nocheck(shaped.hash, shaped.key.clone(), value);
                }
                // `of` refuses a key given twice.
                RawEntryMut::Occupied(_) => return None,
            }
        }
        Some(Value::Object(results))
    }
}

impl<'s> ShapedField<'s> {
    /// The shape of `field`, its key hashed by `hasher`: `__typename`, a
    /// plain field, or a relation whose selection objects can answer
    /// alone; none for a field with a directive or arguments, which only
    /// async-graphql and its resolver read.
    fn of(field: &'s Field, hasher: &RandomState) -> Option<Self> {
        if !answerable_alone(field) {
            return None;
        }
        let below = &field.selection_set.node;
        let below = if below.items.is_empty() {
            None
        } else {
            Some(Shape::of(below)?)
        };
        let key = &field.response_key().node;
        let mut json_key = Vec::with_capacity(key.len() + 3);
        write_str(&mut json_key, key);
        json_key.push(b':');
        Some(Self {
            field,
            key,
            hash: hasher.hash_one(key),
            json_key,
            below,
        })
    }

    fn answer(&self, object: &dyn PlainObject) -> Option<Value> {
        let name = &self.field.name.node;
        match &self.below {
            None => leaf(name, object),
            Some(shape) => object.loaded_relation(name)?.answer(shape),
        }
    }
}

/// Whether `field` may be answered without async-graphql: `__typename`,
/// or a field with neither a directive nor arguments, which only
/// async-graphql and its resolver read.
fn answerable_alone(field: &Field) -> bool {
    let typename = field.name.node == "__typename";
    field.directives.is_empty() && (typename || field.arguments.is_empty())
}

/// The field `name`, which selects nothing below it, of `object`.
fn leaf(name: &str, object: &dyn PlainObject) -> Option<Value> {
    if name == "__typename" {
        return Some(Value::String(object.type_name().into_owned()));
    }
    object.plain_field(name)
}

/// `field` of `object` with no resolver, when [`ShapedField::of`] allows.
/// A field that selects nothing below is answered without its shape: the
/// key's hash and JSON are for lists.
fn in_place(field: &Field, object: &dyn PlainObject) -> Option<Value> {
    if field.selection_set.node.items.is_empty() {
        if !answerable_alone(field) {
            return None;
        }
        return leaf(&field.name.node, object);
    }
    ShapedField::of(field, &RandomState::new())?.answer(object)
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
        if let Some(shape) = Shape::of(&ctx.item.node) {
            let in_memory = if ctx.data_opt::<Prerendered>().is_some() {
                json::list(&shape, self.0.iter().map(|row| row as &dyn PlainObject))
            } else {
                self.0
                    .iter()
                    .map(|row| shape.answer(row))
                    .collect::<Option<_>>()
                    .map(Value::List)
            };
            if let Some(rows) = in_memory {
                return Ok(rows);
            }
        }
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
        let plain = in_place(node, root);
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
