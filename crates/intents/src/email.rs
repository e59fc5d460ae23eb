//! The email being routed, and the names by which rules and matchers reach
//! into it (`from`, `fromDomain`, `headers.X-Customer`, `fields.orderId`).

use std::collections::BTreeMap;
use std::fmt;

use mail_parser::MessageParser;
use serde::{Deserialize, Serialize};
use trellis_kernel::{DomainError, DomainResult};

/// Largest raw message accepted for routing.
pub const MAX_RAW_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailMessage {
    /// The sender's address, as `user@example.com`.
    pub from: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    /// The plain-text body (the first text part of a multipart message).
    pub body: String,
    pub message_id: Option<String>,
    /// Header names as sent; looked up ignoring case.
    pub headers: Vec<(String, String)>,
    /// Values the caller extracted itself, such as an order number.
    pub fields: BTreeMap<String, String>,
}

impl EmailMessage {
    /// Parses a whole RFC 5322 message, MIME parts and encodings included.
    ///
    /// # Errors
    /// `Validation` on `field` if it is too large, is not a message, or has
    /// no `From` address.
    pub fn parse_rfc5322(raw: &[u8], field: &str) -> DomainResult<Self> {
        if raw.len() > MAX_RAW_BYTES {
            return Err(DomainError::invalid(
                field,
                format!("the message is larger than {MAX_RAW_BYTES} bytes"),
            ));
        }
        let message = MessageParser::default()
            .parse(raw)
            .filter(|m| !m.headers().is_empty())
            .ok_or_else(|| DomainError::invalid(field, "is not an RFC 5322 message"))?;
        let addresses = |address: Option<&mail_parser::Address<'_>>| -> Vec<String> {
            address
                .map(|a| {
                    a.iter()
                        .filter_map(|addr| addr.address())
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let from = addresses(message.from())
            .into_iter()
            .next()
            .ok_or_else(|| DomainError::invalid(field, "the message has no From address"))?;
        Ok(Self {
            from,
            to: addresses(message.to()),
            cc: addresses(message.cc()),
            subject: message.subject().unwrap_or_default().trim().to_owned(),
            body: message
                .body_text(0)
                .map(|body| body.into_owned())
                .unwrap_or_default(),
            message_id: message.message_id().map(str::to_owned),
            headers: message
                .headers_raw()
                .map(|(name, value)| (name.to_owned(), value.trim().to_owned()))
                .collect(),
            fields: BTreeMap::new(),
        })
    }

    /// The part of `from` after the `@`, lowercased.
    pub fn from_domain(&self) -> String {
        self.from
            .rsplit_once('@')
            .map(|(_, domain)| domain.trim_end_matches('>').to_ascii_lowercase())
            .unwrap_or_default()
    }

    /// The first header of that name, ignoring case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `field`: several for `to`, none when absent.
    pub fn values(&self, field: &EmailField) -> Vec<&str> {
        match field {
            EmailField::From => vec![self.from.as_str()],
            EmailField::FromDomain => Vec::new(),
            EmailField::To => self.to.iter().map(String::as_str).collect(),
            EmailField::Cc => self.cc.iter().map(String::as_str).collect(),
            EmailField::Subject => vec![self.subject.as_str()],
            EmailField::Body => vec![self.body.as_str()],
            EmailField::MessageId => self.message_id.as_deref().into_iter().collect(),
            EmailField::Header(name) => self
                .headers
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
                .collect(),
            EmailField::Field(name) => self
                .fields
                .get(name)
                .map(String::as_str)
                .into_iter()
                .collect(),
        }
    }

    /// The value a rule binds for `field`: the first one, if any.
    pub fn value(&self, field: &EmailField) -> Option<String> {
        match field {
            EmailField::FromDomain => {
                let domain = self.from_domain();
                (!domain.is_empty()).then_some(domain)
            }
            other => self.values(other).first().map(|v| (*v).to_owned()),
        }
    }
}

/// A name for one value of an email.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EmailField {
    From,
    FromDomain,
    To,
    Cc,
    Subject,
    Body,
    MessageId,
    /// `headers.<Name>`
    Header(String),
    /// `fields.<key>`: one of the message's caller-supplied fields.
    Field(String),
}

/// The names `EmailField::parse` accepts, for error messages.
pub const FIELD_NAMES: &str =
    "from, fromDomain, to, cc, subject, body, messageId, headers.<Name>, fields.<key>";

impl EmailField {
    /// # Errors
    /// A message listing the accepted names.
    pub fn parse(name: &str) -> Result<Self, String> {
        let field = match name {
            "from" => Self::From,
            "fromDomain" => Self::FromDomain,
            "to" => Self::To,
            "cc" => Self::Cc,
            "subject" => Self::Subject,
            "body" => Self::Body,
            "messageId" => Self::MessageId,
            other => {
                if let Some(header) = other.strip_prefix("headers.") {
                    if header.is_empty()
                        || header.len() > 100
                        || !header.bytes().all(|b| b.is_ascii_graphic() && b != b':')
                    {
                        return Err(format!("`{other}` does not name a header"));
                    }
                    Self::Header(header.to_owned())
                } else if let Some(key) = other.strip_prefix("fields.") {
                    if key.is_empty() || key.len() > 100 {
                        return Err(format!("`{other}` does not name a field"));
                    }
                    Self::Field(key.to_owned())
                } else {
                    return Err(format!("unknown email field `{other}`; use {FIELD_NAMES}"));
                }
            }
        };
        Ok(field)
    }
}

impl fmt::Display for EmailField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::From => f.write_str("from"),
            Self::FromDomain => f.write_str("fromDomain"),
            Self::To => f.write_str("to"),
            Self::Cc => f.write_str("cc"),
            Self::Subject => f.write_str("subject"),
            Self::Body => f.write_str("body"),
            Self::MessageId => f.write_str("messageId"),
            Self::Header(name) => write!(f, "headers.{name}"),
            Self::Field(key) => write!(f, "fields.{key}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW: &str = "From: \"Ada Lovelace\" <ada@Example.COM>\r\n\
To: support@acme.test, sales@acme.test\r\n\
Subject: =?UTF-8?Q?Order_=E2=84=96_42?=\r\n\
Message-ID: <m1@example.com>\r\n\
X-Customer: C-7\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"b\"\r\n\
\r\n\
--b\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
Where is my order =E2=84=96 42?\r\n\
--b\r\n\
Content-Type: text/html\r\n\
\r\n\
<p>Where is my order?</p>\r\n\
--b--\r\n";

    #[test]
    fn a_multipart_message_is_parsed_with_decoded_headers_and_text_body() {
        let email = EmailMessage::parse_rfc5322(RAW.as_bytes(), "raw").unwrap();
        assert_eq!(email.from, "ada@Example.COM");
        assert_eq!(email.from_domain(), "example.com");
        assert_eq!(email.to, ["support@acme.test", "sales@acme.test"]);
        assert_eq!(email.subject, "Order № 42");
        assert_eq!(email.body.trim(), "Where is my order № 42?");
        assert_eq!(email.message_id.as_deref(), Some("m1@example.com"));
        assert_eq!(email.header("x-customer"), Some("C-7"));
        assert_eq!(
            email
                .value(&EmailField::parse("headers.X-Customer").unwrap())
                .as_deref(),
            Some("C-7")
        );
    }

    #[test]
    fn garbage_and_sender_less_messages_are_refused() {
        let err = EmailMessage::parse_rfc5322(b"", "raw").unwrap_err();
        assert!(err.to_string().contains("raw"), "{err}");
        let err = EmailMessage::parse_rfc5322(b"Subject: hi\r\n\r\nbody", "raw").unwrap_err();
        assert!(err.to_string().contains("From"), "{err}");
    }

    #[test]
    fn field_names_round_trip_and_unknown_ones_list_the_choices() {
        for name in [
            "from",
            "fromDomain",
            "to",
            "subject",
            "headers.X-A",
            "fields.order",
        ] {
            assert_eq!(EmailField::parse(name).unwrap().to_string(), name);
        }
        let err = EmailField::parse("sender").unwrap_err();
        assert!(
            err.contains("sender") && err.contains("fromDomain"),
            "{err}"
        );
    }
}
