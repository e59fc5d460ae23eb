//! Attachments: files uploaded to an item. Their bytes live in a file
//! store under a key made from the tenant and the attachment's id; the row
//! says what the file is. What a file is comes from its content, never from
//! the type the client declared.

use chrono::{DateTime, Utc};
use serde::Serialize;
use trellis_kernel::{DomainError, DomainResult, TenantId, UserId, define_id};

use crate::item::ItemId;

define_id!(
    /// One attachment of a tenant.
    AttachmentId
);

/// The longest file name kept, in characters.
pub const FILENAME_MAX: usize = 255;

/// An uploaded file. Not deleted with its item: it is hidden while the item
/// is deleted and comes back with it, until a purge removes both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub id: AttachmentId,
    #[serde(skip)]
    pub tenant_id: TenantId,
    pub item_id: ItemId,
    /// As the client named it, cut to [`FILENAME_MAX`] characters.
    pub filename: String,
    /// The type its content was found to be.
    pub content_type: String,
    pub size_bytes: u64,
    pub uploaded_by: UserId,
    pub created_at: DateTime<Utc>,
}

impl Attachment {
    /// Where its bytes are kept: never derived from the file name, which
    /// the client chose.
    pub fn storage_key(&self) -> String {
        storage_key(self.tenant_id, self.id)
    }
}

pub fn storage_key(tenant: TenantId, id: AttachmentId) -> String {
    format!("{tenant}/{id}")
}

/// A file name as given, storable: NULs replaced, at most
/// [`FILENAME_MAX`] characters.
pub fn filename(raw: &str) -> String {
    trellis_kernel::text::storable(raw, FILENAME_MAX)
}

/// What a plan allows, and how much of it the tenant uses; `None` is
/// unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StorageUsage {
    /// The largest single file.
    pub max_file_bytes: Option<u64>,
    /// All of the tenant's files together.
    pub max_storage_bytes: Option<u64>,
    /// What the tenant's files take now.
    pub used_bytes: u64,
}

/// The types a file may be, found by their magic numbers.
const BINARY_TYPES: [&str; 9] = [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "application/zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
];

/// Text has no magic number: it is accepted when it is UTF-8 without NUL.
const TEXT_TYPES: [&str; 4] = [
    "text/plain",
    "text/csv",
    "text/markdown",
    "application/json",
];

/// Every type accepted, for the message of a refusal.
pub fn accepted_types() -> String {
    BINARY_TYPES
        .iter()
        .chain(TEXT_TYPES.iter())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The type of `content`, judged by its bytes. Text is told apart by the
/// name's extension or the declared type (CSV, Markdown, JSON), or is
/// plain text; a declared type that disagrees with the content is ignored.
///
/// # Errors
/// `Validation` on `field` naming the type found and those accepted.
pub fn content_type(
    field: &str,
    content: &[u8],
    filename: &str,
    declared: Option<&str>,
) -> DomainResult<&'static str> {
    if let Some(kind) = infer::get(content) {
        return BINARY_TYPES
            .iter()
            .find(|accepted| **accepted == kind.mime_type())
            .copied()
            .ok_or_else(|| refused(field, kind.mime_type()));
    }
    let Ok(text) = std::str::from_utf8(content) else {
        return Err(refused(field, "binary data of no known type"));
    };
    if text.contains('\0') {
        return Err(refused(field, "binary data of no known type"));
    }
    Ok(text_type(text, filename, declared))
}

/// The name's extension first, then the declared type: a client's
/// declared type is often a guess (`text/csv` for any text).
fn text_type(text: &str, filename: &str, declared: Option<&str>) -> &'static str {
    let by_extension = filename
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .and_then(|ext| match ext.as_str() {
            "txt" | "text" => Some("text/plain"),
            "csv" => Some("text/csv"),
            "md" | "markdown" => Some("text/markdown"),
            "json" => Some("application/json"),
            _ => None,
        });
    let by_declared = || {
        let essence = declared?.split(';').next()?.trim().to_ascii_lowercase();
        TEXT_TYPES.iter().copied().find(|mime| *mime == essence)
    };
    match by_extension.or_else(by_declared).unwrap_or("text/plain") {
        "application/json" if serde_json::from_str::<serde_json::Value>(text).is_err() => {
            "text/plain"
        }
        found => found,
    }
}

fn refused(field: &str, found: &str) -> DomainError {
    DomainError::invalid(
        field,
        format!(
            "is {found}, which is not accepted; accepted types: {}",
            accepted_types()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn the_content_decides_the_type() {
        assert_eq!(
            content_type("file", PNG, "notes.txt", Some("text/plain")).unwrap(),
            "image/png"
        );
        assert_eq!(
            content_type("file", b"%PDF-1.7\n", "x.png", Some("image/png")).unwrap(),
            "application/pdf"
        );
        assert_eq!(
            content_type("file", b"just words", "photo.png", Some("image/png")).unwrap(),
            "text/plain"
        );
    }

    #[test]
    fn text_is_told_apart_by_its_name_or_declared_type() {
        let csv = content_type("file", b"a,b\n1,2\n", "rows.csv", None).unwrap();
        assert_eq!(csv, "text/csv");
        let md = content_type("file", b"# Notes", "x", Some("text/markdown")).unwrap();
        assert_eq!(md, "text/markdown");
        let json = content_type("file", br#"{"a":1}"#, "a.json", None).unwrap();
        assert_eq!(json, "application/json");
        let broken = content_type("file", b"{not json", "a.json", None).unwrap();
        assert_eq!(broken, "text/plain");
        let named = content_type("file", b"plain words", "notes.txt", Some("text/csv")).unwrap();
        assert_eq!(named, "text/plain");
    }

    #[test]
    fn other_types_are_refused_naming_what_was_found() {
        // An ELF header is 64 bytes; sniffing wants all of it.
        let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
        elf.resize(64, 0);
        let err = content_type("file", &elf, "tool", None).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("file: is application/x-executable"), "{text}");
        assert!(text.contains("image/png"), "{text}");
        for binary in [&b"\xff\xfe\xfd\x00\x01"[..], b"text\0with a NUL"] {
            let err = content_type("file", binary, "x.png", Some("image/png")).unwrap_err();
            assert!(err.to_string().contains("binary data"), "{err}");
        }
    }

    #[test]
    fn names_are_kept_but_storable() {
        assert_eq!(filename("report ü.pdf"), "report ü.pdf");
        assert_eq!(filename("a\0b"), "a\u{FFFD}b");
        assert_eq!(filename(&"x".repeat(300)).chars().count(), FILENAME_MAX);
    }
}
