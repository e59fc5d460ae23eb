//! What a rule queries: a database, an API, or a CSV file uploaded by the
//! tenant, reached through one of the tenant's configs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use trellis_kernel::{DomainError, DomainResult, TenantId, define_id};

use crate::config::{DatasourceConfigId, Protocol};

define_id!(
    /// What a validation rule queries: a database, an API or an uploaded file.
    DatasourceId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DatasourceKind {
    Database,
    Api,
    File,
}

impl DatasourceKind {
    pub const ALL: [DatasourceKind; 3] = [
        DatasourceKind::Database,
        DatasourceKind::Api,
        DatasourceKind::File,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            DatasourceKind::Database => "DATABASE",
            DatasourceKind::Api => "API",
            DatasourceKind::File => "FILE",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The config protocols a datasource of this kind can use.
    pub const fn accepts(self, protocol: Protocol) -> bool {
        match self {
            DatasourceKind::Database => protocol.is_sql(),
            DatasourceKind::Api => matches!(protocol, Protocol::Http),
            DatasourceKind::File => matches!(protocol, Protocol::File),
        }
    }
}

/// What is known of an uploaded CSV without reading it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub filename: String,
    pub size_bytes: u64,
    pub row_count: u64,
    pub columns: Vec<String>,
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Datasource {
    pub id: DatasourceId,
    pub tenant_id: TenantId,
    /// Unique per tenant, ignoring case.
    pub name: String,
    pub kind: DatasourceKind,
    pub config_id: DatasourceConfigId,
    pub description: Option<String>,
    /// The uploaded CSV, for FILE datasources that have one.
    pub file: Option<FileSummary>,
    pub created_at: DateTime<Utc>,
    /// Changes with every update or upload; connectors key caches by it.
    pub updated_at: DateTime<Utc>,
}

/// A CSV as uploaded, before it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvUpload {
    pub filename: String,
    pub content: Vec<u8>,
}

/// Largest CSV a FILE datasource accepts.
pub const MAX_CSV_BYTES: usize = 10 * 1024 * 1024;
/// Most data rows a CSV may hold.
pub const MAX_CSV_ROWS: u64 = 200_000;

impl CsvUpload {
    /// Reads the whole file once: UTF-8, a header row of unique non-empty
    /// names, every row as wide as the header.
    ///
    /// # Errors
    /// `Validation` on `field` saying what is wrong, with the line number.
    pub fn summarise(&self, field: &str, at: DateTime<Utc>) -> DomainResult<FileSummary> {
        let bad = |message: String| DomainError::invalid(field, message);
        if self.content.is_empty() {
            return Err(bad("the file is empty".into()));
        }
        if self.content.len() > MAX_CSV_BYTES {
            return Err(bad(format!(
                "the file is {} bytes; at most {MAX_CSV_BYTES} are accepted",
                self.content.len()
            )));
        }
        let Ok(text) = std::str::from_utf8(&self.content) else {
            return Err(bad("the file is not UTF-8 text".into()));
        };
        // A NUL is no part of text, and PostgreSQL could not store a column
        // name holding one.
        if let Some(at) = text.find('\0') {
            let line = text[..at].matches('\n').count() + 1;
            return Err(bad(format!(
                "line {line} holds a NUL character (U+0000); a CSV file is text"
            )));
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(self.content.as_slice());
        let headers = reader
            .headers()
            .map_err(|err| bad(format!("the header row is not CSV: {err}")))?;
        let columns: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
        if columns.iter().any(String::is_empty) {
            return Err(bad("every column in the header row needs a name".into()));
        }
        for (index, column) in columns.iter().enumerate() {
            if columns[..index]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(column))
            {
                return Err(bad(format!("the column `{column}` appears twice")));
            }
        }
        let mut row_count = 0u64;
        for record in reader.records() {
            record.map_err(|err| bad(format!("not valid CSV: {err}")))?;
            row_count += 1;
            if row_count > MAX_CSV_ROWS {
                return Err(bad(format!("the file has more than {MAX_CSV_ROWS} rows")));
            }
        }
        let filename = self.filename.trim();
        Ok(FileSummary {
            filename: if filename.is_empty() {
                "upload.csv".into()
            } else {
                // The client names the file; a NUL in its name is shown, not stored.
                trellis_kernel::text::storable(filename, 255)
            },
            size_bytes: self.content.len() as u64,
            row_count,
            columns,
            uploaded_at: at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(content: &str) -> CsvUpload {
        CsvUpload {
            filename: "customers.csv".into(),
            content: content.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_good_csv_is_summarised() {
        let summary = upload("email,plan\na@x.com,pro\nb@y.com,free\n")
            .summarise("file", Utc::now())
            .unwrap();
        assert_eq!(summary.columns, ["email", "plan"]);
        assert_eq!(summary.row_count, 2);
    }

    #[test]
    fn ragged_rows_duplicate_columns_and_binary_are_refused() {
        for (content, expected) in [
            ("email,plan\na@x.com\n", "not valid CSV"),
            ("email,Email\na,b\n", "appears twice"),
            ("email,\na,b\n", "needs a name"),
            ("", "empty"),
            ("email,plan\na@x.com,p\0ro\n", "line 2 holds a NUL"),
        ] {
            let err = upload(content).summarise("file", Utc::now()).unwrap_err();
            assert!(err.to_string().contains(expected), "{content:?}: {err}");
        }
        let binary = CsvUpload {
            filename: "x.csv".into(),
            content: vec![0xff, 0xfe, 0x00],
        };
        assert!(
            binary
                .summarise("file", Utc::now())
                .unwrap_err()
                .to_string()
                .contains("UTF-8")
        );
    }

    #[test]
    fn kinds_accept_only_their_protocols() {
        assert!(DatasourceKind::Database.accepts(Protocol::Mysql));
        assert!(!DatasourceKind::Database.accepts(Protocol::Http));
        assert!(DatasourceKind::Api.accepts(Protocol::Http));
        assert!(DatasourceKind::File.accepts(Protocol::File));
        assert!(!DatasourceKind::File.accepts(Protocol::Sqlite));
    }
}
