//! Credentials at rest: AES-256-GCM under a key with an id, so that keys can
//! be rotated. The ciphertext is bound to its config (associated data), so
//! copying it onto another row, or another tenant's, makes it undecryptable.

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use trellis_kernel::{DomainError, DomainResult};

const NONCE_LEN: usize = 12;

/// A ciphertext and the id of the key that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedSecret {
    pub key_id: String,
    /// Base64 of nonce followed by ciphertext and tag.
    pub ciphertext: String,
}

struct SecretKey {
    id: String,
    cipher: Aes256Gcm,
}

/// The current key, which encrypts, and earlier keys, which only decrypt.
pub struct Keyring {
    current: SecretKey,
    previous: Vec<SecretKey>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.current.id)
            .field(
                "previous",
                &self.previous.iter().map(|k| &k.id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// The key id of development mode's well-known key; never used in production.
pub const DEVELOPMENT_KEY_ID: &str = "dev";

impl Keyring {
    /// `current` and each of `previous` is `<id>:<base64 of 32 bytes>`, or
    /// just the base64, whose id is then derived from the key.
    ///
    /// # Errors
    /// A message naming what is wrong with which key; never the key.
    pub fn parse(current: &str, previous: &[String]) -> Result<Self, String> {
        let current = parse_key(current).map_err(|e| format!("TRELLIS_SECRET_KEY: {e}"))?;
        let previous = previous
            .iter()
            .map(|raw| parse_key(raw).map_err(|e| format!("TRELLIS_SECRET_KEYS_PREVIOUS: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { current, previous })
    }

    /// A fixed key for development and tests, so a local database survives
    /// restarts. Production refuses to start without a real key.
    pub fn development() -> Self {
        let key = Sha256::digest(b"trellis development key; not secret");
        Self {
            current: SecretKey {
                id: DEVELOPMENT_KEY_ID.to_owned(),
                cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key)),
            },
            previous: Vec::new(),
        }
    }

    pub fn current_key_id(&self) -> &str {
        &self.current.id
    }

    /// # Errors
    /// `Internal` if the cipher fails, which it does not for valid keys.
    pub fn encrypt(&self, plaintext: &[u8], aad: &[u8]) -> DomainResult<EncryptedSecret> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let sealed = self
            .current
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| DomainError::internal_msg("encrypting credentials failed"))?;
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        Ok(EncryptedSecret {
            key_id: self.current.id.clone(),
            ciphertext: STANDARD.encode(bytes),
        })
    }

    /// # Errors
    /// `Internal` if the key id is unknown or the ciphertext does not
    /// authenticate (wrong key, tampering, or bound to another config).
    pub fn decrypt(&self, secret: &EncryptedSecret, aad: &[u8]) -> DomainResult<Vec<u8>> {
        let key = std::iter::once(&self.current)
            .chain(&self.previous)
            .find(|key| key.id == secret.key_id)
            .ok_or_else(|| {
                DomainError::internal_msg(format!(
                    "credentials are encrypted under key `{}`, which is not configured",
                    secret.key_id
                ))
            })?;
        let bytes = STANDARD
            .decode(&secret.ciphertext)
            .map_err(|_| DomainError::internal_msg("stored credentials are not base64"))?;
        if bytes.len() < NONCE_LEN {
            return Err(DomainError::internal_msg(
                "stored credentials are truncated",
            ));
        }
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        key.cipher
            .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
            .map_err(|_| DomainError::internal_msg("stored credentials do not decrypt"))
    }
}

fn parse_key(raw: &str) -> Result<SecretKey, String> {
    let raw = raw.trim();
    let (id, encoded) = match raw.split_once(':') {
        Some((id, encoded)) => (Some(id), encoded),
        None => (None, raw),
    };
    let bytes = STANDARD
        .decode(encoded)
        .map_err(|_| "the key is not base64".to_owned())?;
    if bytes.len() != 32 {
        return Err(format!(
            "the key must be 32 bytes (base64 of 32 random bytes); this one is {}",
            bytes.len()
        ));
    }
    let id = match id {
        Some(id)
            if !id.is_empty()
                && id.len() <= 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            id.to_owned()
        }
        Some(_) => return Err("the key id must be 1 to 32 letters, digits, `-` or `_`".to_owned()),
        None => hex::encode(&Sha256::digest(&bytes)[..4]),
    };
    Ok(SecretKey {
        id,
        cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&bytes)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> String {
        STANDARD.encode([byte; 32])
    }

    #[test]
    fn round_trips_and_binds_to_its_associated_data() {
        let ring = Keyring::parse(&format!("k1:{}", key(7)), &[]).unwrap();
        let secret = ring.encrypt(b"hunter2", b"config-a").unwrap();
        assert_eq!(secret.key_id, "k1");
        assert!(!secret.ciphertext.contains("hunter2"));
        assert_eq!(ring.decrypt(&secret, b"config-a").unwrap(), b"hunter2");
        assert!(ring.decrypt(&secret, b"config-b").is_err());
    }

    #[test]
    fn a_rotated_ring_still_reads_old_secrets_and_writes_new_ones() {
        let old = Keyring::parse(&format!("k1:{}", key(1)), &[]).unwrap();
        let secret = old.encrypt(b"pw", b"aad").unwrap();
        let new = Keyring::parse(&format!("k2:{}", key(2)), &[format!("k1:{}", key(1))]).unwrap();
        assert_eq!(new.decrypt(&secret, b"aad").unwrap(), b"pw");
        assert_eq!(new.encrypt(b"pw", b"aad").unwrap().key_id, "k2");
        let forgot = Keyring::parse(&format!("k2:{}", key(2)), &[]).unwrap();
        let err = forgot.decrypt(&secret, b"aad").unwrap_err();
        assert!(matches!(err, DomainError::Internal(_)));
    }

    #[test]
    fn tampering_is_detected() {
        let ring = Keyring::development();
        let mut secret = ring.encrypt(b"pw", b"aad").unwrap();
        let mut bytes = STANDARD.decode(&secret.ciphertext).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        secret.ciphertext = STANDARD.encode(bytes);
        assert!(ring.decrypt(&secret, b"aad").is_err());
    }

    #[test]
    fn bad_keys_are_refused_with_the_reason() {
        assert!(Keyring::parse("short", &[]).unwrap_err().contains("base64"));
        let err = Keyring::parse(&STANDARD.encode([0u8; 16]), &[]).unwrap_err();
        assert!(err.contains("32 bytes"), "{err}");
        let derived = Keyring::parse(&key(3), &[]).unwrap();
        assert_eq!(derived.current_key_id().len(), 8);
    }
}
