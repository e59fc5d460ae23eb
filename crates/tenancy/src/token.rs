//! Access tokens (JWT, HS256, short-lived) and opaque secrets (refresh and
//! invitation tokens), which are stored only as hashes.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use rand::RngCore;
use rand::rngs::OsRng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use trellis_kernel::{DomainError, SessionId, TenantId, UserId};

/// Access tokens live 15 minutes; clients refresh them with the refresh token.
pub const ACCESS_TOKEN_TTL_SECONDS: i64 = 15 * 60;
/// The least secret length accepted in production.
pub const MIN_SECRET_BYTES: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    pub sub: UserId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tid: Option<TenantId>,
    pub sid: SessionId,
    /// The role at issue time, for clients to display. Authorization never
    /// trusts it: the membership is read fresh on every request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub iat: i64,
    pub exp: i64,
}

/// Signs and verifies access tokens with one HS256 secret.
#[derive(Clone)]
pub struct AccessTokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl std::fmt::Debug for AccessTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessTokens { .. }")
    }
}

impl AccessTokens {
    pub fn new(secret: &[u8]) -> Self {
        // Only HS256 is accepted: a token naming another algorithm, or
        // `none`, fails verification.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.validate_exp = true;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// Issues a token for the session, valid from `now` for 15 minutes.
    pub fn issue(
        &self,
        user: UserId,
        session: SessionId,
        tenant: Option<TenantId>,
        role: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(String, DateTime<Utc>), DomainError> {
        let expires_at = now + Duration::seconds(ACCESS_TOKEN_TTL_SECONDS);
        let claims = AccessClaims {
            sub: user,
            tid: tenant,
            sid: session,
            role,
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(DomainError::internal)?;
        Ok((token, expires_at))
    }

    /// # Errors
    /// `Unauthenticated` for a malformed, forged, expired or wrongly signed token.
    pub fn verify(&self, token: &str) -> Result<AccessClaims, DomainError> {
        decode::<AccessClaims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                    DomainError::unauthenticated("access token has expired; refresh it")
                }
                _ => DomainError::unauthenticated("access token is invalid"),
            })
    }
}

/// The SHA-256 of an opaque token, hex-encoded. Opaque tokens carry 256
/// random bits, so a fast hash is enough: there is nothing to brute-force.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenHash(String);

impl TokenHash {
    pub fn of(token: &str) -> Self {
        Self(hex::encode(Sha256::digest(token.as_bytes())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn from_stored(value: String) -> Self {
        Self(value)
    }
}

/// A new opaque token: `prefix` and 256 random bits, URL-safe. The prefix
/// tells a human (and a secret scanner) what kind of token it is.
pub fn generate_opaque(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("{prefix}_{}", URL_SAFE_NO_PAD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn an_issued_token_verifies_with_its_claims() {
        let tokens = AccessTokens::new(SECRET);
        let (user, session, tenant) = (
            UserId::generate(),
            SessionId::generate(),
            TenantId::generate(),
        );
        let (token, _) = tokens
            .issue(
                user,
                session,
                Some(tenant),
                Some("OWNER".into()),
                Utc::now(),
            )
            .unwrap();
        let claims = tokens.verify(&token).unwrap();
        assert_eq!(
            (claims.sub, claims.sid, claims.tid),
            (user, session, Some(tenant))
        );
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() {
        let (token, _) = AccessTokens::new(b"another-secret-another-secret-xx")
            .issue(
                UserId::generate(),
                SessionId::generate(),
                None,
                None,
                Utc::now(),
            )
            .unwrap();
        let err = AccessTokens::new(SECRET).verify(&token).unwrap_err();
        assert!(matches!(err, DomainError::Unauthenticated(_)));
    }

    #[test]
    fn an_expired_token_is_refused_as_expired() {
        let tokens = AccessTokens::new(SECRET);
        let (token, _) = tokens
            .issue(
                UserId::generate(),
                SessionId::generate(),
                None,
                None,
                Utc::now() - Duration::hours(1),
            )
            .unwrap();
        let err = tokens.verify(&token).unwrap_err();
        assert!(err.to_string().contains("expired"), "{err}");
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        let tokens = AccessTokens::new(SECRET);
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
        let claims = URL_SAFE_NO_PAD.encode(format!(
            r#"{{"sub":"{}","sid":"{}","iat":0,"exp":{}}}"#,
            UserId::generate(),
            SessionId::generate(),
            Utc::now().timestamp() + 600
        ));
        let err = tokens.verify(&format!("{header}.{claims}.")).unwrap_err();
        assert!(matches!(err, DomainError::Unauthenticated(_)));
    }

    #[test]
    fn opaque_tokens_are_unique_and_hash_stably() {
        let (a, b) = (generate_opaque("rt"), generate_opaque("rt"));
        assert_ne!(a, b);
        assert!(a.starts_with("rt_"));
        assert_eq!(TokenHash::of(&a), TokenHash::of(&a));
        assert_ne!(TokenHash::of(&a), TokenHash::of(&b));
    }
}
