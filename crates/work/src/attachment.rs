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

/// How much of a file is read to judge its type: more than any magic
/// number needs, and enough for the entry names that tell the Office
/// formats apart inside their ZIP.
pub const HEAD_BYTES: usize = 64 * 1024;

/// What a file's head says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub content_type: &'static str,
    /// Text whose head was all there was to see: the rest must pass
    /// [`TextCheck`] as it is stored.
    pub check_rest_as_text: bool,
}

/// The type of a file judged by its first bytes, `head` (the whole file
/// when `complete`). Text is told apart by the name's extension or the
/// declared type (CSV, Markdown, JSON), or is plain text; a declared type
/// that disagrees with the content is ignored.
///
/// # Errors
/// `Validation` on `field` naming the type found and those accepted.
pub fn content_type(
    field: &str,
    head: &[u8],
    complete: bool,
    filename: &str,
    declared: Option<&str>,
) -> DomainResult<Sniffed> {
    if let Some(kind) = infer::get(head) {
        let binary = BINARY_TYPES
            .iter()
            .find(|accepted| **accepted == kind.mime_type())
            .copied()
            .ok_or_else(|| refused(field, kind.mime_type()))?;
        return Ok(Sniffed {
            content_type: binary,
            check_rest_as_text: false,
        });
    }
    let mut check = TextCheck::default();
    if !check.feed(head) || (complete && !check.finish()) {
        return Err(not_text(field));
    }
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // A character cut at the end of the head: the check above allowed it.
        Err(cut) => std::str::from_utf8(&head[..cut.valid_up_to()]).unwrap_or_default(),
    };
    Ok(Sniffed {
        content_type: text_type(text, complete, filename, declared),
        check_rest_as_text: !complete,
    })
}

/// Text is UTF-8 without NUL, checked a piece at a time: a character may
/// be split between two pieces.
#[derive(Debug, Default)]
pub struct TextCheck {
    /// The start of a character cut at the end of the last piece.
    carry: Vec<u8>,
}

impl TextCheck {
    /// Whether the text so far may still be text.
    pub fn feed(&mut self, piece: &[u8]) -> bool {
        let joined;
        let bytes = if self.carry.is_empty() {
            piece
        } else {
            joined = [self.carry.as_slice(), piece].concat();
            &joined
        };
        // No byte of a multi-byte UTF-8 character is 0, so a raw search is exact.
        if bytes.contains(&0) {
            return false;
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => {
                self.carry.clear();
                true
            }
            Err(cut) if cut.error_len().is_none() => {
                self.carry = bytes[cut.valid_up_to()..].to_vec();
                true
            }
            Err(_) => false,
        }
    }

    /// Whether the text ended on a whole character.
    pub fn finish(&self) -> bool {
        self.carry.is_empty()
    }
}

/// The name's extension first, then the declared type: a client's
/// declared type is often a guess (`text/csv` for any text). JSON must
/// parse; of a file larger than its head, only the head's start is seen.
fn text_type(text: &str, complete: bool, filename: &str, declared: Option<&str>) -> &'static str {
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
        "application/json" if !looks_like_json(text, complete) => "text/plain",
        found => found,
    }
}

fn looks_like_json(text: &str, complete: bool) -> bool {
    if complete {
        serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    } else {
        text.trim_start().starts_with(['{', '['])
    }
}

/// The refusal of content that is neither an accepted binary type nor text.
pub fn not_text(field: &str) -> DomainError {
    refused(field, "binary data of no known type")
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
            content_type("file", PNG, true, "notes.txt", Some("text/plain"))
                .unwrap()
                .content_type,
            "image/png"
        );
        assert_eq!(
            content_type("file", b"%PDF-1.7\n", true, "x.png", Some("image/png"))
                .unwrap()
                .content_type,
            "application/pdf"
        );
        assert_eq!(
            content_type("file", b"just words", true, "photo.png", Some("image/png"))
                .unwrap()
                .content_type,
            "text/plain"
        );
    }

    /// The type of a whole file.
    fn whole(content: &[u8], name: &str, declared: Option<&str>) -> &'static str {
        content_type("file", content, true, name, declared)
            .unwrap()
            .content_type
    }

    #[test]
    fn text_is_told_apart_by_its_name_or_declared_type() {
        assert_eq!(whole(b"a,b\n1,2\n", "rows.csv", None), "text/csv");
        assert_eq!(
            whole(b"# Notes", "x", Some("text/markdown")),
            "text/markdown"
        );
        assert_eq!(whole(br#"{"a":1}"#, "a.json", None), "application/json");
        assert_eq!(whole(b"{not json", "a.json", None), "text/plain");
        assert_eq!(
            whole(b"plain words", "notes.txt", Some("text/csv")),
            "text/plain"
        );
    }

    #[test]
    fn other_types_are_refused_naming_what_was_found() {
        // An ELF header is 64 bytes; sniffing wants all of it.
        let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
        elf.resize(64, 0);
        let err = content_type("file", &elf, true, "tool", None).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("file: is application/x-executable"), "{text}");
        assert!(text.contains("image/png"), "{text}");
        for binary in [&b"\xff\xfe\xfd\x00\x01"[..], b"text\0with a NUL"] {
            let err = content_type("file", binary, true, "x.png", Some("image/png")).unwrap_err();
            assert!(err.to_string().contains("binary data"), "{err}");
        }
    }

    #[test]
    fn a_head_of_text_leaves_the_rest_to_be_checked() {
        // "é" is two bytes; the head ends between them.
        let head = "notes about caf\u{e9}".as_bytes();
        let cut = &head[..head.len() - 1];
        let sniffed = content_type("file", cut, false, "notes.txt", None).unwrap();
        assert_eq!(
            sniffed,
            Sniffed {
                content_type: "text/plain",
                check_rest_as_text: true
            }
        );
        // A whole file may not end inside a character.
        assert!(content_type("file", cut, true, "notes.txt", None).is_err());
        // Of a large JSON file only the start is judged.
        let start = content_type("file", b"  [1, 2,", false, "big.json", None).unwrap();
        assert_eq!(start.content_type, "application/json");
        let png = content_type("file", PNG, false, "a.png", None).unwrap();
        assert!(!png.check_rest_as_text);
    }

    #[test]
    fn text_is_checked_across_pieces() {
        let mut check = TextCheck::default();
        let bytes = "a caf\u{e9} and \u{1f600}".as_bytes();
        for piece in bytes.chunks(1) {
            assert!(check.feed(piece));
        }
        assert!(check.finish());

        let mut cut = TextCheck::default();
        assert!(cut.feed(&"\u{1f600}".as_bytes()[..2]));
        assert!(!cut.finish(), "a character cut at the end is not text");

        for bad in [&b"ok\0"[..], b"\xff"] {
            let mut check = TextCheck::default();
            assert!(check.feed(b"fine so far"));
            assert!(!check.feed(bad), "{bad:?}");
        }
    }

    #[test]
    fn names_are_kept_but_storable() {
        assert_eq!(filename("report ü.pdf"), "report ü.pdf");
        assert_eq!(filename("a\0b"), "a\u{FFFD}b");
        assert_eq!(filename(&"x".repeat(300)).chars().count(), FILENAME_MAX);
    }
}
