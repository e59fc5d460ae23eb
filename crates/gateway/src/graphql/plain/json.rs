//! A list answered in memory, written as JSON at once.
//!
//! async-graphql's answer is a tree of values, a map per object, which the
//! HTTP layer then writes out as JSON and drops: for a page of fifty items
//! with their creators and tags, several hundred maps, keys and strings
//! made to be written once. When the request asks for it ([`Prerendered`],
//! which `POST /graphql` sets), a list whose objects answer in memory
//! ([`Shape`]) is written as JSON straight from the objects instead, and
//! carried to its place in the answer as bytes that [`to_json`] writes as
//! they are. The text is the one the tree would have been written as: keys
//! in the selection's order, each value as serde_json writes it.
//!
//! The bytes travel as a [`Value::Binary`], which nothing else in the
//! schema answers (no output type is made of bytes); an answer holding one
//! must be written by [`to_json`], which is why only a caller that does so
//! sets [`Prerendered`].

use std::io;

use async_graphql::Value;
use serde::Serialize;

use super::{Loaded, PlainObject, Shape, ShapedField};

/// Request data: the answer is written by [`to_json`], so a list may be
/// answered as JSON already written.
pub(crate) struct Prerendered;

/// `answer` as JSON, each list written ahead of time put in as it is.
///
/// # Errors
/// serde_json's, which an answer of async-graphql's values never meets.
pub(crate) fn to_json(answer: &impl Serialize) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    answer.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out,
        WrittenAhead,
    ))?;
    Ok(out)
}

/// serde_json's compact output, but bytes are JSON written ahead of time.
struct WrittenAhead;

impl serde_json::ser::Formatter for WrittenAhead {
    fn write_byte_array<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        json: &[u8],
    ) -> io::Result<()> {
        writer.write_all(json)
    }
}

/// `text` as a JSON string.
pub(crate) fn write_str(out: &mut Vec<u8>, text: &str) {
    write(out, text);
}

/// `value` as JSON, as it is written in a whole answer; false, writing
/// nothing, for none.
pub(crate) fn write_value(out: &mut Vec<u8>, value: Option<Value>) -> bool {
    value.map(|value| write(out, &value)).is_some()
}

fn write(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) {
    // Into memory, a string or async-graphql's value cannot fail to be
    // written: its map keys are names, its numbers finite.
    let written = value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out,
        WrittenAhead,
    ));
    debug_assert!(written.is_ok(), "{written:?}");
}

/// `objects` under `shape` as a JSON list, when each answers in memory.
pub(super) fn list<'o>(
    shape: &Shape<'_>,
    objects: impl ExactSizeIterator<Item = &'o dyn PlainObject>,
) -> Option<Value> {
    // About what a page's item with its creator and two tags takes.
    let mut out = Vec::with_capacity(64 + objects.len() * 384);
    shape.write_each(objects, &mut out)?;
    Some(Value::Binary(out.into()))
}

impl Shape<'_> {
    /// Writes `objects`' answers to `out` as a JSON list; none when a
    /// field needs its resolver, with `out` then part written.
    fn write_each<'o>(
        &self,
        objects: impl IntoIterator<Item = &'o dyn PlainObject>,
        out: &mut Vec<u8>,
    ) -> Option<()> {
        out.push(b'[');
        for (index, object) in objects.into_iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            self.write(object, out)?;
        }
        out.push(b']');
        Some(())
    }

    /// Writes `object`'s answer to `out`; none when a field needs its
    /// resolver, with `out` then part written.
    fn write(&self, object: &dyn PlainObject, out: &mut Vec<u8>) -> Option<()> {
        // As the tree's answer: an object of no field is null.
        if self.fields.is_empty() {
            out.extend_from_slice(b"null");
            return Some(());
        }
        out.push(b'{');
        for (index, shaped) in self.fields.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&shaped.json_key);
            shaped.write(object, out)?;
        }
        out.push(b'}');
        Some(())
    }
}

impl ShapedField<'_> {
    fn write(&self, object: &dyn PlainObject, out: &mut Vec<u8>) -> Option<()> {
        let name = &self.field.name.node;
        if name == "__typename" {
            write_str(out, &object.type_name());
            return Some(());
        }
        match &self.below {
            None => object.write_plain_field(name, out).then_some(()),
            Some(shape) => match object.loaded_relation(name)? {
                Loaded::One(None) => {
                    out.extend_from_slice(b"null");
                    Some(())
                }
                Loaded::One(Some(related)) => shape.write(related, out),
                Loaded::Many(related) => shape.write_each(related, out),
            },
        }
    }
}
