//! Password hashing with argon2id at the OWASP-recommended cost.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use trellis_kernel::DomainError;

/// Hashing is CPU-bound and slow on purpose; callers run it off the async runtime.
#[cfg_attr(any(test, feature = "mock"), mockall::automock)]
pub trait PasswordHasher: Send + Sync {
    fn hash(&self, password: &str) -> Result<String, DomainError>;

    /// Compares in constant time. With `hash` absent (unknown user) it still
    /// spends the time of a real check, so timing does not reveal which
    /// emails have accounts.
    fn verify(&self, password: &str, hash: Option<String>) -> Result<bool, DomainError>;
}

#[derive(Debug, Clone)]
pub struct Argon2PasswordHasher {
    params: Params,
}

/// OWASP: argon2id, m = 19 MiB, t = 2, p = 1.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

impl Default for Argon2PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Argon2PasswordHasher {
    pub fn new() -> Self {
        Self {
            params: Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
                .unwrap_or_else(|_| Params::default()),
        }
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// A real hash of a random password, verified against when the user is
    /// unknown.
    fn decoy(&self) -> &'static str {
        static DECOY: OnceLock<String> = OnceLock::new();
        DECOY.get_or_init(|| {
            let salt = SaltString::generate(&mut OsRng);
            self.argon2()
                .hash_password(salt.as_str().as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .unwrap_or_default()
        })
    }
}

impl PasswordHasher for Argon2PasswordHasher {
    fn hash(&self, password: &str) -> Result<String, DomainError> {
        let salt = SaltString::generate(&mut OsRng);
        self.argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| DomainError::internal_msg(format!("hashing failed: {e}")))
    }

    fn verify(&self, password: &str, hash: Option<String>) -> Result<bool, DomainError> {
        let known = hash.is_some();
        let stored = hash.as_deref().unwrap_or_else(|| self.decoy());
        let parsed = PasswordHash::new(stored)
            .map_err(|e| DomainError::internal_msg(format!("stored hash unreadable: {e}")))?;
        // The stored hash carries its own parameters, so older hashes still verify.
        let matches = self
            .argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_password_verifies_and_a_wrong_one_does_not() {
        let hasher = Argon2PasswordHasher::new();
        let hash = hasher.hash("correct horse").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(hasher.verify("correct horse", Some(hash.clone())).unwrap());
        assert!(!hasher.verify("wrong horse", Some(hash)).unwrap());
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_salt() {
        let hasher = Argon2PasswordHasher::new();
        assert_ne!(
            hasher.hash("pw-123456").unwrap(),
            hasher.hash("pw-123456").unwrap()
        );
    }
}
