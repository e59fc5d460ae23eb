//! What a rule asks of a datasource, and what comes back. Connectors answer
//! these; the rules crate interprets the answer.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Head,
    Post,
}

impl HttpMethod {
    pub const fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Head => "HEAD",
            HttpMethod::Post => "POST",
        }
    }
}

/// One question for one datasource, with every email value already bound.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// A validated single SELECT; `params` bind its placeholders in order.
    /// Values are always bound, never spliced into the statement.
    Sql {
        statement: String,
        params: Vec<String>,
    },
    /// `path_and_query` is relative to the config's `baseUrl`, with every
    /// email value already percent-encoded. `body` is sent as JSON (POST).
    Http {
        method: HttpMethod,
        path_and_query: String,
        body: Option<serde_json::Value>,
    },
    /// Rows of the uploaded CSV whose `column` equals `value` (ignoring case
    /// and surrounding spaces).
    File { column: String, value: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LookupResult {
    /// The first row the statement returned, each column as JSON; `None` when
    /// it returned no rows.
    Sql {
        first_row: Option<Vec<serde_json::Value>>,
    },
    /// The status and, when the body was JSON, the parsed body.
    Http {
        status: u16,
        body: Option<serde_json::Value>,
    },
    /// The first matching row, column name to value.
    File {
        matched_row: Option<BTreeMap<String, String>>,
    },
}

/// One answer of a batch of lookups, with the time it took.
#[derive(Debug, Clone, PartialEq)]
pub struct TimedAnswer {
    pub result: Result<LookupResult, LookupError>,
    pub took: std::time::Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupErrorKind {
    /// The datasource did not answer in time.
    Timeout,
    /// The address is refused by network policy (loopback, private, link-local).
    Refused,
    /// Could not connect or authenticate.
    Unreachable,
    /// The datasource rejected the query.
    Query,
    /// The answer could not be understood.
    BadResponse,
    /// The answer was bigger than allowed.
    TooLarge,
    /// The config itself is unusable (bad key, missing file, wrong protocol).
    Config,
}

/// Why a lookup failed, in words safe to show the tenant: never a credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupError {
    pub kind: LookupErrorKind,
    pub message: String,
}

impl LookupError {
    pub fn new(kind: LookupErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LookupError {}
