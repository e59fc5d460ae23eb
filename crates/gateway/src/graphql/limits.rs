//! Document limits that async-graphql does not have built in: too many
//! aliases, and more than one credential-checking field per request. Both
//! are checked right after parsing, before validation and before any
//! resolver runs, so "a hundred aliased signIns" never reaches the hasher.
//!
//! Depth and complexity use async-graphql's own limits (see `build_schema`);
//! this module gives their errors, and every other refusal of a document, a
//! `code`. It runs around execution rather than as a schema extension: an
//! extension sends every field of every request through async-graphql's
//! slower extension path.

use std::collections::HashMap;

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensionValues, Request, Response, ServerError, ServerResult};
use trellis_kernel::DomainError;

use super::TrellisSchema;
use super::documents::{CheckedDocument, DocumentCache};
use super::error::map_domain_error;
use super::nul;

/// `extensions.code` of every error this module raises.
pub const QUERY_TOO_COMPLEX: &str = "QUERY_TOO_COMPLEX";
/// `extensions.code` of any other invalid document.
pub const GRAPHQL_VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
/// `extensions.code` of a document that is not GraphQL.
pub const GRAPHQL_PARSE_FAILED: &str = "GRAPHQL_PARSE_FAILED";

/// Root fields that check a secret (password, refresh or invitation token).
/// At most one of them may appear in a document, so one request can test at
/// most one guess.
pub const CREDENTIAL_FIELDS: [&str; 4] = ["signIn", "signUp", "refreshSession", "acceptInvitation"];

/// async-graphql's messages for its built-in depth and complexity limits.
const BUILTIN_LIMIT_MESSAGES: [&str; 2] = ["Query is too complex.", "Query is nested too deep."];

/// The limits `build_schema` stores in the schema for [`check_request`].
#[derive(Debug, Clone, Copy)]
pub struct DocumentLimits {
    pub max_aliases: usize,
}

/// Checks, then executes, one request: what the HTTP layer does for each
/// operation, for callers holding a schema.
pub async fn execute(schema: &TrellisSchema, mut request: Request) -> Response {
    match check_request(schema, &mut request) {
        Ok(_) => execute_checked(schema, request).await,
        Err(error) => Response::from_errors(vec![error]),
    }
}

/// Parses the request's document (kept in the request, so execution does
/// not parse it again) and checks it against the schema's document limits.
/// A document the schema's [`DocumentCache`] holds is neither parsed nor
/// checked again. Returns how many credential-checking fields it holds.
///
/// # Errors
/// `GRAPHQL_PARSE_FAILED` for a document that is not GraphQL;
/// `QUERY_TOO_COMPLEX` as [`check_document`] says; `BAD_USER_INPUT` naming
/// every argument whose text holds a NUL (see [`nul`]).
pub fn check_request(schema: &TrellisSchema, request: &mut Request) -> Result<usize, ServerError> {
    let max_aliases = schema
        .data::<DocumentLimits>()
        .map_or(usize::MAX, |limits| limits.max_aliases);
    let cache = schema.data::<DocumentCache>();
    let credentials = match cache.and_then(|cache| cache.get(&request.query)) {
        Some(checked) => {
            request.set_parsed_query(checked.document.clone());
            checked.credential_fields
        }
        None => {
            let document = request
                .parsed_query()
                .map_err(|error| with_code(error, GRAPHQL_PARSE_FAILED))?;
            let credential_fields = check_document(document, max_aliases)?;
            if let Some(cache) = cache {
                let document = document.clone();
                cache.insert(
                    &request.query,
                    CheckedDocument {
                        document,
                        credential_fields,
                    },
                );
            }
            credential_fields
        }
    };
    // Taken out for the walk: the parsed document borrows the request.
    let variables = std::mem::take(&mut request.variables);
    let operation = request.operation_name.clone();
    let nul = request
        .parsed_query()
        .map(|document| nul::nul_fields(document, &variables, operation.as_deref()))
        .map_err(|error| with_code(error, GRAPHQL_PARSE_FAILED));
    request.variables = variables;
    let nul = nul?;
    if !nul.is_empty() {
        let mapped = map_domain_error(&DomainError::Validation(nul), None);
        let mut error = ServerError::new(mapped.message, None);
        error.extensions = mapped.extensions;
        return Err(error);
    }
    Ok(credentials)
}

/// Executes a request [`check_request`] passed, and gives each error raised
/// before execution its code: the built-in depth and complexity limits are
/// `QUERY_TOO_COMPLEX`, any other refusal of the document
/// `GRAPHQL_VALIDATION_FAILED`. Resolver errors have their codes already.
pub async fn execute_checked(schema: &TrellisSchema, request: Request) -> Response {
    let mut response = schema.execute(request).await;
    for error in &mut response.errors {
        let code = if BUILTIN_LIMIT_MESSAGES.contains(&error.message.as_str()) {
            QUERY_TOO_COMPLEX
        } else if error.path.is_empty() {
            GRAPHQL_VALIDATION_FAILED
        } else {
            continue;
        };
        set_code(error, code);
    }
    response
}

/// Returns the document's [`credential_fields`].
///
/// # Errors
/// `QUERY_TOO_COMPLEX` when the document has more than `max_aliases` aliased
/// fields or more than one credential-checking root field.
pub fn check_document(document: &ExecutableDocument, max_aliases: usize) -> ServerResult<usize> {
    let mut counter = Counter::new(document);
    let mut aliases = 0usize;
    for (_, operation) in document.operations.iter() {
        aliases = aliases.saturating_add(counter.aliases(&operation.node.selection_set.node));
    }
    if aliases > max_aliases {
        return Err(too_complex(format!(
            "the document has {aliases} aliased fields; at most {max_aliases} are allowed"
        )));
    }
    let credentials = credential_fields(document);
    if credentials > 1 {
        return Err(too_complex(format!(
            "the document checks credentials {credentials} times ({}); send one per request",
            CREDENTIAL_FIELDS.join(", ")
        )));
    }
    Ok(credentials)
}

/// How many credential-checking root fields the document holds, in all its
/// operations; the HTTP layer sums this over a batch.
pub fn credential_fields(document: &ExecutableDocument) -> usize {
    let mut counter = Counter::new(document);
    document
        .operations
        .iter()
        .map(|(_, operation)| counter.credential_fields(&operation.node.selection_set.node))
        .fold(0usize, usize::saturating_add)
}

fn too_complex(message: String) -> ServerError {
    with_code(ServerError::new(message, None), QUERY_TOO_COMPLEX)
}

/// Sets `extensions.code` unless the error already has one.
fn with_code(mut error: ServerError, code: &str) -> ServerError {
    set_code(&mut error, code);
    error
}

fn set_code(error: &mut ServerError, code: &str) {
    let extensions = error
        .extensions
        .get_or_insert_with(ErrorExtensionValues::default);
    if extensions.get("code").is_none() {
        extensions.set("code", code);
    }
}

/// Counts over the document with fragments expanded where they are spread,
/// memoised per fragment: a fragment spread many times counts many times,
/// yet each fragment is walked once, so nested spreads cannot blow up the
/// walk. Fragment cycles (rejected later by validation) count as zero.
struct Counter<'d> {
    document: &'d ExecutableDocument,
    alias_memo: HashMap<&'d str, Option<usize>>,
    credential_memo: HashMap<&'d str, Option<usize>>,
}

impl<'d> Counter<'d> {
    fn new(document: &'d ExecutableDocument) -> Self {
        Self {
            document,
            alias_memo: HashMap::new(),
            credential_memo: HashMap::new(),
        }
    }

    /// Aliased fields at every level.
    fn aliases(&mut self, set: &'d SelectionSet) -> usize {
        let mut total = 0usize;
        for selection in &set.items {
            let count = match &selection.node {
                Selection::Field(field) => {
                    let own = usize::from(field.node.alias.is_some());
                    own.saturating_add(self.aliases(&field.node.selection_set.node))
                }
                Selection::InlineFragment(inline) => self.aliases(&inline.node.selection_set.node),
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    self.fragment(name, true)
                }
            };
            total = total.saturating_add(count);
        }
        total
    }

    /// Credential fields at the root level (fragments spread at the root
    /// are part of it).
    fn credential_fields(&mut self, set: &'d SelectionSet) -> usize {
        let mut total = 0usize;
        for selection in &set.items {
            let count = match &selection.node {
                Selection::Field(field) => {
                    usize::from(CREDENTIAL_FIELDS.contains(&field.node.name.node.as_str()))
                }
                Selection::InlineFragment(inline) => {
                    self.credential_fields(&inline.node.selection_set.node)
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    self.fragment(name, false)
                }
            };
            total = total.saturating_add(count);
        }
        total
    }

    fn fragment(&mut self, name: &'d str, aliases: bool) -> usize {
        let memo = if aliases {
            &self.alias_memo
        } else {
            &self.credential_memo
        };
        match memo.get(name) {
            Some(Some(count)) => return *count,
            // Still being counted: a cycle.
            Some(None) => return 0,
            None => {}
        }
        let Some((key, fragment)) = self.document.fragments.get_key_value(name) else {
            return 0; // unknown fragment: validation reports it
        };
        let key = key.as_str();
        let set = &fragment.node.selection_set.node;
        if aliases {
            self.alias_memo.insert(key, None);
            let count = self.aliases(set);
            self.alias_memo.insert(key, Some(count));
            count
        } else {
            self.credential_memo.insert(key, None);
            let count = self.credential_fields(set);
            self.credential_memo.insert(key, Some(count));
            count
        }
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn check(query: &str, max_aliases: usize) -> Result<(), String> {
        let document = parse_query(query).map_err(|e| e.to_string())?;
        check_document(&document, max_aliases)
            .map(|_| ())
            .map_err(|e| e.message)
    }

    #[test]
    fn aliases_are_counted_at_every_level() {
        let query = "{ a: me { b: id c: name } d: tenant { id } }";
        assert!(check(query, 4).is_ok());
        assert!(check(query, 3).unwrap_err().contains("4 aliased fields"));
    }

    #[test]
    fn aliases_in_a_fragment_count_once_per_spread() {
        let query = "query { me { ...F } tenant { ...F } } fragment F on X { a: id b: id }";
        assert!(check(query, 3).unwrap_err().contains("4 aliased fields"));
    }

    #[test]
    fn nested_spreads_are_counted_without_walking_them_exponentially() {
        let mut query = String::from("query { ...F0 }");
        for level in 0..40 {
            query.push_str(&format!(
                " fragment F{level} on Q {{ ...F{n} ...F{n} }}",
                n = level + 1
            ));
        }
        query.push_str(" fragment F40 on Q { a: id }");
        // 2^40 aliases: saturates instead of overflowing, and is refused.
        assert!(check(&query, 30).is_err());
    }

    #[test]
    fn one_credential_field_is_fine() {
        assert!(check(r#"mutation { signIn(input: {}) { accessToken } }"#, 30).is_ok());
    }

    #[test]
    fn two_credential_fields_are_refused_however_hidden() {
        let queries = [
            "mutation { a: signIn(input: {}) { accessToken } b: signIn(input: {}) { accessToken } }",
            "mutation { signIn(input: {}) { accessToken } refreshSession(input: {}) { accessToken } }",
            "mutation A { signIn(input: {}) { x } } mutation B { signUp(input: {}) { x } }",
            "mutation { ...F ... on Mutation { acceptInvitation(input: {}) { x } } } \
             fragment F on Mutation { signIn(input: {}) { x } }",
            "mutation { ...F ...F } fragment F on Mutation { signIn(input: {}) { x } }",
        ];
        for query in queries {
            let err = check(query, 30).unwrap_err();
            assert!(err.contains("checks credentials 2 times"), "{query}: {err}");
        }
    }

    #[test]
    fn fragment_cycles_do_not_hang() {
        let query = "query { ...A } fragment A on Q { ...B } fragment B on Q { ...A x: id }";
        assert!(check(query, 30).is_ok());
    }
}
