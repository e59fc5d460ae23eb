//! Memory handed back to the system after the one large allocation Trellis
//! makes: argon2's 19 MiB buffer, once per sign-up and sign-in.
//!
//! The binary's allocator (mimalloc) keeps a thread's freed memory for that
//! thread to reuse. The blocking threads that hash passwords go idle right
//! after, so each would hold on to its last buffer; at four sign-ins at a
//! time that is about 100 MB that serves nobody. Releasing right after each
//! hash costs a few microseconds beside argon2's tens of milliseconds.

use trellis_kernel::DomainError;
use trellis_tenancy::PasswordHasher;

/// `hasher`, releasing the calling thread's free memory after each use.
pub struct ReleasingHasher<H>(pub H);

impl<H: PasswordHasher> PasswordHasher for ReleasingHasher<H> {
    fn hash(&self, password: &str) -> Result<String, DomainError> {
        let hash = self.0.hash(password);
        release_free_memory();
        hash
    }

    fn verify(&self, password: &str, hash: Option<String>) -> Result<bool, DomainError> {
        let verified = self.0.verify(password, hash);
        release_free_memory();
        verified
    }
}

/// Returns the calling thread's free mimalloc pages to the system. Without
/// mimalloc as the global allocator (as in tests) its heap is unused and
/// there is nothing to return.
fn release_free_memory() {
    // SAFETY: `mi_collect` takes no pointers; it walks the calling thread's
    // own heap and may be called at any time.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
