//! No text argument may hold a NUL character (U+0000): PostgreSQL cannot
//! store one in `text` or `jsonb`, and no name, description or filter has a
//! use for it. Checked once per request, over the document's literal
//! arguments and the variables they use, before anything runs, so every
//! present and future input is covered alike on every database.
//!
//! Paths are named as the resolvers' own validation names them: the fields
//! of a mutation's `input` without the `input.` prefix (`description`,
//! `rules[0].conditions.query`), any other argument by its name
//! (`filter.text`).
//!
//! An email is data as received and may carry a NUL: the `input` of
//! `routeEmail` and `validateEmail` is exempt, and the routing domain
//! replaces NUL in what it stores of the message.

use std::collections::HashSet;
use std::convert::Infallible;
use trellis_kernel::text::NUL_REFUSED;

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationDefinition, Selection, SelectionSet,
};
use async_graphql::{Name, Value as ConstValue, Variables};
use trellis_kernel::FieldError;

/// Fields whose `input` argument is an email to route, NUL and all.
const EMAIL_FIELDS: [&str; 2] = ["routeEmail", "validateEmail"];

/// The argument whose fields are named without its own name.
const INPUT: &str = "input";

const KEY_MESSAGE: &str = "has a key that contains a NUL character (U+0000)";

/// Every argument path of the operation(s) to run whose text holds a NUL,
/// in document order, each once. `operation` is the request's
/// `operationName`; without one every operation is checked.
pub fn nul_fields(
    document: &ExecutableDocument,
    variables: &Variables,
    operation: Option<&str>,
) -> Vec<FieldError> {
    let mut walk = Walk {
        document,
        variables,
        operation: None,
        found: Vec::new(),
        visited: HashSet::new(),
    };
    let operations: Vec<&OperationDefinition> = match &document.operations {
        DocumentOperations::Single(single) => vec![&single.node],
        DocumentOperations::Multiple(many) => many
            .iter()
            .filter(|(name, _)| operation.is_none_or(|wanted| name.as_str() == wanted))
            .map(|(_, op)| &op.node)
            .collect(),
    };
    for op in operations {
        walk.operation = Some(op);
        walk.visited.clear();
        walk.selections(&op.selection_set.node);
    }
    walk.found
}

struct Walk<'d> {
    document: &'d ExecutableDocument,
    variables: &'d Variables,
    operation: Option<&'d OperationDefinition>,
    found: Vec<FieldError>,
    /// Fragments already walked in this operation: each is walked once,
    /// however often it is spread (and a cycle ends).
    visited: HashSet<&'d str>,
}

impl<'d> Walk<'d> {
    fn selections(&mut self, set: &'d SelectionSet) {
        for selection in &set.items {
            match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let exempt = EMAIL_FIELDS.contains(&field.name.node.as_str());
                    for (name, value) in &field.arguments {
                        let name = name.node.as_str();
                        if exempt && name == INPUT {
                            continue;
                        }
                        let path = if name == INPUT { "" } else { name };
                        // The literal with the variables it uses put in
                        // place. (The parser's value type is not exported:
                        // converting is how to read it. The body limit
                        // bounds what is copied.)
                        let value = value.node.clone().into_const_with(|variable| {
                            Ok::<_, Infallible>(
                                self.variable(&variable).cloned().unwrap_or_default(),
                            )
                        });
                        let Ok(value) = value;
                        self.const_value(path, &value);
                    }
                    self.selections(&field.selection_set.node);
                }
                Selection::InlineFragment(inline) => {
                    self.selections(&inline.node.selection_set.node);
                }
                Selection::FragmentSpread(spread) => {
                    let name = &spread.node.fragment_name.node;
                    if let Some((key, fragment)) = self.document.fragments.get_key_value(name)
                        && self.visited.insert(key.as_str())
                    {
                        self.selections(&fragment.node.selection_set.node);
                    }
                }
            }
        }
    }

    fn const_value(&mut self, path: &str, value: &ConstValue) {
        match value {
            ConstValue::String(text) => self.text(path, text),
            ConstValue::List(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.const_value(&format!("{path}[{index}]"), item);
                }
            }
            ConstValue::Object(fields) => {
                for (key, item) in fields {
                    self.key(path, key);
                    self.const_value(&join(path, key.as_str()), item);
                }
            }
            ConstValue::Null
            | ConstValue::Number(_)
            | ConstValue::Boolean(_)
            | ConstValue::Binary(_)
            | ConstValue::Enum(_) => {}
        }
    }

    /// The variable's value as sent, or its default.
    fn variable(&self, name: &Name) -> Option<&'d ConstValue> {
        self.variables.get(name).or_else(|| {
            self.operation?
                .variable_definitions
                .iter()
                .find(|definition| definition.node.name.node == *name)?
                .node
                .default_value
                .as_ref()
                .map(|value| &value.node)
        })
    }

    fn text(&mut self, path: &str, text: &str) {
        if text.contains('\0') {
            self.report(path, NUL_REFUSED);
        }
    }

    /// A JSON scalar's keys are text too.
    fn key(&mut self, path: &str, key: &Name) {
        if key.as_str().contains('\0') {
            self.report(path, KEY_MESSAGE);
        }
    }

    fn report(&mut self, path: &str, message: &str) {
        let field = if path.is_empty() { INPUT } else { path };
        let seen = self
            .found
            .iter()
            .any(|found| found.field == field && found.message == message);
        if !seen {
            self.found.push(FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            });
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn fields(query: &str, variables: serde_json::Value, operation: Option<&str>) -> Vec<String> {
        let document = parse_query(query).expect("parses");
        let variables = Variables::from_json(variables);
        nul_fields(&document, &variables, operation)
            .into_iter()
            .map(|f| f.field)
            .collect()
    }

    #[test]
    fn literals_and_variables_are_named_by_their_path() {
        let query = r#"mutation($d: String, $input: X) {
            a: createIntent(input: { name: "ok", description: $d, tags: ["x", "y\u0000"] }) { id }
            b: signUp(input: $input) { id }
            intents(filter: { text: "a\u0000" }) { id }
        }"#;
        let variables = serde_json::json!({
            "d": "bad\u{0}",
            "input": { "name": "Ada\u{0}", "nested": [{ "x": "\u{0}" }] },
        });
        assert_eq!(
            fields(query, variables, None),
            [
                "description",
                "tags[1]",
                "name",
                "nested[0].x",
                "filter.text"
            ]
        );
    }

    #[test]
    fn emails_to_route_are_exempt_but_nothing_else_is() {
        let query = r#"mutation($raw: String) {
            routeEmail(input: { raw: $raw }) { id }
            validateEmail(input: { raw: "x\u0000" }) { id }
            renameIntent(input: { name: $raw }) { id }
        }"#;
        let variables = serde_json::json!({ "raw": "From: a\u{0}" });
        assert_eq!(fields(query, variables, None), ["name"]);
    }

    #[test]
    fn fragments_defaults_and_json_keys_are_checked() {
        let query = r#"query Q($t: String = "d\u0000") { ...F ...F }
            fragment F on Query { intents(filter: { text: $t }) { id } }
            mutation M { createRule(input: { conditions: $c }) { id } }"#;
        assert_eq!(
            fields(query, serde_json::json!({}), Some("Q")),
            ["filter.text"]
        );
        let keyed = serde_json::json!({ "c": { "a\u{0}": 1 } });
        assert_eq!(fields(query, keyed, Some("M")), ["conditions"]);
    }

    #[test]
    fn clean_text_passes() {
        let query = r#"mutation($i: X) { createIntent(input: $i) { id } }"#;
        let variables = serde_json::json!({ "i": { "name": "Support \\0 ticket", "n": 3 } });
        assert!(fields(query, variables, None).is_empty());
    }
}
