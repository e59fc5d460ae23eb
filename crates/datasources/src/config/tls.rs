//! How a SQL server connection is encrypted. New configs verify the
//! server's certificate against the host name in `baseUrl`; a server
//! without TLS (a local one, say) needs `DISABLE` said explicitly.

use serde::{Deserialize, Serialize};
use trellis_kernel::FieldErrors;

use super::Protocol;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TlsMode {
    /// No TLS: credentials and data travel in clear text.
    Disable,
    /// TLS required, certificate not checked: safe from eavesdropping, not
    /// from an impostor.
    Require,
    /// TLS required, certificate checked against trusted roots and the host
    /// name of `baseUrl`.
    VerifyFull,
}

impl TlsMode {
    pub const ALL: [TlsMode; 3] = [TlsMode::Disable, TlsMode::Require, TlsMode::VerifyFull];

    /// For configs that do not say.
    pub const DEFAULT: TlsMode = TlsMode::VerifyFull;

    pub const fn as_str(self) -> &'static str {
        match self {
            TlsMode::Disable => "DISABLE",
            TlsMode::Require => "REQUIRE",
            TlsMode::VerifyFull => "VERIFY_FULL",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// The mode a config of `protocol` gets for `requested`: SQL servers
    /// take one (`DEFAULT` when not said), nothing else takes any.
    pub fn for_protocol(
        protocol: Protocol,
        requested: Option<TlsMode>,
        errors: &mut FieldErrors,
        field: &str,
    ) -> Option<Option<TlsMode>> {
        match (protocol, requested) {
            (Protocol::Postgresql | Protocol::Mysql, mode) => {
                Some(Some(mode.unwrap_or(Self::DEFAULT)))
            }
            (_, None) => Some(None),
            (_, Some(_)) => {
                errors.add(
                    field,
                    format!(
                        "applies only to POSTGRESQL and MYSQL, not {}",
                        protocol.as_str()
                    ),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(protocol: Protocol, requested: Option<TlsMode>) -> Result<Option<TlsMode>, String> {
        let mut errors = FieldErrors::new();
        TlsMode::for_protocol(protocol, requested, &mut errors, "tlsMode")
            .ok_or_else(|| errors.into_result().unwrap_err().to_string())
    }

    #[test]
    fn sql_servers_verify_unless_told_otherwise_and_nothing_else_takes_a_mode() {
        assert_eq!(
            mode(Protocol::Postgresql, None),
            Ok(Some(TlsMode::VerifyFull))
        );
        assert_eq!(mode(Protocol::Mysql, None), Ok(Some(TlsMode::VerifyFull)));
        for requested in TlsMode::ALL {
            assert_eq!(
                mode(Protocol::Postgresql, Some(requested)),
                Ok(Some(requested))
            );
        }
        for protocol in [Protocol::Sqlite, Protocol::Http, Protocol::File] {
            assert_eq!(mode(protocol, None), Ok(None));
            let err = mode(protocol, Some(TlsMode::Require)).unwrap_err();
            assert!(err.contains("tlsMode"), "{err}");
            assert!(
                err.contains("applies only to POSTGRESQL and MYSQL"),
                "{err}"
            );
        }
        for m in TlsMode::ALL {
            assert_eq!(TlsMode::parse(m.as_str()), Some(m));
        }
        assert_eq!(TlsMode::parse("PREFER"), None);
    }
}
