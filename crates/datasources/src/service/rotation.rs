//! Re-encrypting stored credentials under the current key, after a new key
//! is configured and the old one moved to the previous keys.

use std::collections::HashSet;

use trellis_kernel::DomainResult;

use super::DatasourceService;
use crate::config::DatasourceConfig;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RotationReport {
    /// Configs now encrypted under the current key.
    pub rotated: u64,
    /// Configs changed by someone else meanwhile; their new credentials are
    /// already under the current key.
    pub skipped: u64,
}

const BATCH: u64 = 100;

impl DatasourceService {
    /// Re-encrypts every config not under the current key, across tenants.
    /// Safe to run while the server runs, and to run again.
    ///
    /// # Errors
    /// `Internal` if a stored secret does not decrypt with any configured
    /// key; configs already rotated stay rotated.
    #[tracing::instrument(skip_all)]
    pub async fn rotate_credentials(&self) -> DomainResult<RotationReport> {
        let keyring = &self.deps.keyring;
        let current = keyring.current_key_id().to_owned();
        let mut report = RotationReport::default();
        // A config another server keeps rewriting under an old key would
        // otherwise come back in every batch.
        let mut seen = HashSet::new();
        loop {
            let stale = self
                .deps
                .configs
                .list_stale_credentials(&current, BATCH)
                .await?;
            let fresh: Vec<_> = stale.into_iter().filter(|c| seen.insert(c.id)).collect();
            if fresh.is_empty() {
                return Ok(report);
            }
            for config in fresh {
                let Some(old) = &config.credentials else {
                    continue;
                };
                let aad = DatasourceConfig::credentials_aad(config.tenant_id, config.id);
                let plaintext = keyring.decrypt(old, &aad)?;
                let new = keyring.encrypt(&plaintext, &aad)?;
                let swapped = self
                    .deps
                    .configs
                    .replace_credentials(config.tenant_id, config.id, old, &new)
                    .await?;
                if swapped {
                    report.rotated += 1;
                    self.deps.connector.evict(config.tenant_id, config.id);
                } else {
                    report.skipped += 1;
                }
            }
        }
    }
}
