//! The plain fields of the objects on a page of items (see
//! [`crate::graphql::plain`]): the page the console shows most.

use std::sync::LazyLock;

use async_graphql::{EnumType, InputType, Name, Value};

use super::item::{Item, ItemStatus, Priority};
use super::item_page::ItemEdge;
use super::tag::Tag;
use crate::graphql::plain::{Loaded, PlainFields, PlainObject, write_str, write_value};
use crate::graphql::tenancy::types::User;

impl PlainFields for Item {
    fn plain_field(&self, field: &str) -> Option<Value> {
        Some(match field {
            "id" => self.id.to_value(),
            "title" => self.title.to_value(),
            "description" => self.description.to_value(),
            "status" => enum_value(self.status, &STATUSES),
            "priority" => enum_value(self.priority, &PRIORITIES),
            "dueDate" => self.due_date.to_value(),
            "estimatedHours" => self.estimated_hours.to_value(),
            "actualHours" => self.actual_hours.to_value(),
            "version" => self.version.to_value(),
            "createdAt" => self.created_at.to_value(),
            "updatedAt" => self.updated_at.to_value(),
            "completedAt" => self.completed_at.to_value(),
            _ => return None,
        })
    }

    fn write_plain_field(&self, field: &str, out: &mut Vec<u8>) -> bool {
        match field {
            "id" => write_str(out, &self.id),
            "title" => write_str(out, &self.title),
            "status" => write_enum(out, self.status, &STATUSES),
            "priority" => write_enum(out, self.priority, &PRIORITIES),
            "createdAt" => write_str(out, &self.created_at.to_rfc3339()),
            "updatedAt" => write_str(out, &self.updated_at.to_rfc3339()),
            _ => return write_value(out, PlainFields::plain_field(self, field)),
        }
        true
    }

    /// The relations a page reads along with its items.
    fn loaded_relation(&self, field: &str) -> Option<Loaded<'_>> {
        fn many<T: PlainObject>(objects: &[T]) -> Loaded<'_> {
            Loaded::Many(objects.iter().map(|o| o as &dyn PlainObject).collect())
        }
        match field {
            "creator" => self
                .loaded_creator
                .get()
                .map(|creator| Loaded::One(creator.as_ref().map(|c| c as &dyn PlainObject))),
            "assignees" => self.loaded_assignees.get().map(|people| many(people)),
            "tags" => self.loaded_tags.get().map(|tags| many(tags)),
            _ => None,
        }
    }
}

static STATUSES: LazyLock<Vec<(ItemStatus, Name)>> = LazyLock::new(enum_names);
static PRIORITIES: LazyLock<Vec<(Priority, Name)>> = LazyLock::new(enum_names);

/// Each variant of an enum with its name, made once: async-graphql's
/// `to_value` names the value anew each time, and a page of items names
/// two a row.
fn enum_names<T: EnumType>() -> Vec<(T, Name)> {
    T::items()
        .iter()
        .map(|item| (item.value, Name::new(item.name)))
        .collect()
}

fn enum_name<T: EnumType>(variant: T, names: &[(T, Name)]) -> Option<&Name> {
    let found = names.iter().find(|(known, _)| *known == variant);
    found.map(|(_, name)| name)
}

/// `variant.to_value()`, from `names` (made by [`enum_names`]).
fn enum_value<T: EnumType + InputType>(variant: T, names: &[(T, Name)]) -> Value {
    enum_name(variant, names).map_or_else(|| variant.to_value(), |name| Value::Enum(name.clone()))
}

/// `variant.to_value()` as JSON, from `names` (made by [`enum_names`]).
fn write_enum<T: EnumType + InputType>(out: &mut Vec<u8>, variant: T, names: &[(T, Name)]) {
    match enum_name(variant, names) {
        Some(name) => write_str(out, name),
        None => {
            write_value(out, Some(variant.to_value()));
        }
    }
}

impl PlainFields for ItemEdge {
    fn plain_field(&self, field: &str) -> Option<Value> {
        match field {
            "cursor" => Some(Value::String(self.position.encode())),
            _ => None,
        }
    }

    fn loaded_relation(&self, field: &str) -> Option<Loaded<'_>> {
        match field {
            "node" => Some(Loaded::One(Some(&self.node))),
            _ => None,
        }
    }
}

impl PlainFields for Tag {
    fn plain_field(&self, field: &str) -> Option<Value> {
        Some(match field {
            "id" => self.id.to_value(),
            "name" => self.name.to_value(),
            "color" => self.color.to_value(),
            "createdAt" => self.created_at.to_value(),
            "updatedAt" => self.updated_at.to_value(),
            _ => return None,
        })
    }

    fn write_plain_field(&self, field: &str, out: &mut Vec<u8>) -> bool {
        match field {
            "id" => write_str(out, &self.id),
            "name" => write_str(out, &self.name),
            "color" => write_str(out, &self.color),
            _ => return write_value(out, PlainFields::plain_field(self, field)),
        }
        true
    }
}

impl PlainFields for User {
    fn plain_field(&self, field: &str) -> Option<Value> {
        Some(match field {
            "id" => self.id.to_value(),
            "email" => self.email.to_value(),
            "name" => self.name.to_value(),
            _ => return None,
        })
    }

    fn write_plain_field(&self, field: &str, out: &mut Vec<u8>) -> bool {
        match field {
            "id" => write_str(out, &self.id),
            "email" => write_str(out, &self.email),
            "name" => write_str(out, &self.name),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
#[path = "plain_fields_tests.rs"]
mod tests;
