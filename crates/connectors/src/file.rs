//! Uploaded CSV files: parsed once per upload (keyed by the datasource's
//! `updated_at`), with a hash index per column built on its first lookup, so
//! a lookup is one hash probe. Cached tables are bounded by total size; the
//! least recently used go first.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Instant;

use chrono::{DateTime, Utc};
use tokio::sync::OnceCell;
use trellis_datasources::DatasourceConfigId;
use trellis_datasources::DatasourceId;
use trellis_datasources::ports::DatasourceRepository;
use trellis_datasources::{Datasource, LookupError, LookupErrorKind, LookupResult};
use trellis_kernel::TenantId;

use crate::error::config_error;

/// Most bytes of CSV kept parsed in memory, across tenants.
const CACHE_BUDGET_BYTES: usize = 256 * 1024 * 1024;

pub struct Table {
    columns: Vec<String>,
    rows: Vec<csv::StringRecord>,
    /// Per column: normalised value to the first row holding it.
    indexes: Vec<OnceLock<HashMap<String, u32>>>,
    bytes: usize,
}

/// How values are compared: ASCII case and surrounding spaces ignored.
fn normalise(value: &str) -> String {
    value.trim().to_ascii_lowercase()
}

impl Table {
    pub fn parse(content: &[u8]) -> Result<Self, LookupError> {
        let broken = |_| {
            LookupError::new(
                LookupErrorKind::BadResponse,
                "the uploaded CSV could not be read; upload it again",
            )
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(content);
        let columns: Vec<String> = reader
            .headers()
            .map_err(broken)?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
            .collect();
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(broken)?;
        Ok(Self {
            indexes: columns.iter().map(|_| OnceLock::new()).collect(),
            columns,
            rows,
            bytes: content.len(),
        })
    }

    fn column(&self, name: &str) -> Result<usize, LookupError> {
        let name = name.trim();
        self.columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                config_error(format!(
                    "the CSV has no column `{name}`; its columns are {}",
                    self.columns
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
    }

    fn index(&self, column: usize) -> &HashMap<String, u32> {
        self.indexes[column].get_or_init(|| {
            let mut index = HashMap::with_capacity(self.rows.len());
            for (row, record) in self.rows.iter().enumerate() {
                let key = normalise(record.get(column).unwrap_or_default());
                index.entry(key).or_insert(row as u32);
            }
            index
        })
    }

    fn row(&self, row: u32) -> Option<BTreeMap<String, String>> {
        let record = self.rows.get(row as usize)?;
        Some(
            self.columns
                .iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), record.get(i).unwrap_or_default().to_owned()))
                .collect(),
        )
    }
}

struct Slot {
    updated_at: DateTime<Utc>,
    config_id: DatasourceConfigId,
    table: Arc<OnceCell<Arc<Table>>>,
    last_used: Instant,
}

#[derive(Default)]
pub struct FileCache {
    slots: Mutex<HashMap<(TenantId, DatasourceId), Slot>>,
}

impl FileCache {
    fn slots(&self) -> MutexGuard<'_, HashMap<(TenantId, DatasourceId), Slot>> {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub async fn lookup(
        &self,
        files: &dyn DatasourceRepository,
        datasource: &Datasource,
        column: &str,
        value: &str,
    ) -> Result<LookupResult, LookupError> {
        let table = self.table(files, datasource).await?;
        let column = table.column(column)?;
        let table = if table.indexes[column].get().is_some() {
            table
        } else {
            // Indexing a large file takes milliseconds: off the async threads.
            let indexed = table.clone();
            tokio::task::spawn_blocking(move || {
                indexed.index(column);
            })
            .await
            .map_err(|_| {
                LookupError::new(LookupErrorKind::BadResponse, "indexing the CSV failed")
            })?;
            table
        };
        let matched_row = table
            .index(column)
            .get(&normalise(value))
            .and_then(|&row| table.row(row));
        Ok(LookupResult::File { matched_row })
    }

    /// The parsed table for this upload, loading it once however many
    /// lookups ask at the same time.
    async fn table(
        &self,
        files: &dyn DatasourceRepository,
        datasource: &Datasource,
    ) -> Result<Arc<Table>, LookupError> {
        let key = (datasource.tenant_id, datasource.id);
        let cell = {
            let mut slots = self.slots();
            let slot = slots.entry(key).or_insert_with(|| Slot {
                updated_at: datasource.updated_at,
                config_id: datasource.config_id,
                table: Arc::default(),
                last_used: Instant::now(),
            });
            if slot.updated_at != datasource.updated_at {
                slot.updated_at = datasource.updated_at;
                slot.config_id = datasource.config_id;
                slot.table = Arc::default();
            }
            slot.last_used = Instant::now();
            slot.table.clone()
        };
        if let Some(table) = cell.get() {
            return Ok(table.clone());
        }
        let table = cell
            .get_or_try_init(|| load(files, datasource))
            .await?
            .clone();
        // Only a load can push the cache over its budget.
        self.trim();
        Ok(table)
    }

    /// Drops the least recently used tables until the rest fit the budget.
    fn trim(&self) {
        let mut slots = self.slots();
        let size = |slot: &Slot| slot.table.get().map_or(0, |t| t.bytes);
        let mut total: usize = slots.values().map(size).sum();
        while total > CACHE_BUDGET_BYTES && slots.len() > 1 {
            let Some((&oldest, slot)) = slots.iter().min_by_key(|(_, slot)| slot.last_used) else {
                break;
            };
            total -= size(slot);
            slots.remove(&oldest);
        }
    }

    pub fn evict_config(&self, tenant: TenantId, config: DatasourceConfigId) {
        self.slots()
            .retain(|(t, _), slot| !(*t == tenant && slot.config_id == config));
    }
}

async fn load(
    files: &dyn DatasourceRepository,
    datasource: &Datasource,
) -> Result<Arc<Table>, LookupError> {
    let content = files
        .file_content(datasource.tenant_id, datasource.id)
        .await
        .map_err(|err| {
            tracing::warn!(
                tenant = %datasource.tenant_id,
                datasource = %datasource.id,
                error = %err,
                "reading an uploaded CSV failed"
            );
            LookupError::new(
                LookupErrorKind::Unreachable,
                "the uploaded CSV could not be read right now",
            )
        })?
        .ok_or_else(|| {
            config_error(format!(
                "no CSV has been uploaded to datasource `{}`",
                datasource.name
            ))
        })?;
    tokio::task::spawn_blocking(move || Table::parse(&content).map(Arc::new))
        .await
        .map_err(|_| LookupError::new(LookupErrorKind::BadResponse, "parsing the CSV failed"))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_ignoring_case_and_spaces_first_row_wins() {
        let table = Table::parse(
            "\u{feff}Email , Plan\n ANN@x.com ,gold\nann@x.com,silver\nbob@y.com,\n".as_bytes(),
        )
        .unwrap();
        let column = table.column("email").unwrap();
        let row = table
            .index(column)
            .get(&normalise("  Ann@X.com"))
            .copied()
            .unwrap();
        let matched = table.row(row).unwrap();
        assert_eq!(matched["Email"], " ANN@x.com ");
        assert_eq!(matched["Plan"], "gold");
        assert!(table.index(column).get(&normalise("carol@z.com")).is_none());
    }

    #[test]
    fn an_unknown_column_lists_the_real_ones() {
        let table = Table::parse(b"email,plan\na,b\n").unwrap();
        let err = table.column("phone").unwrap_err();
        assert_eq!(err.kind, LookupErrorKind::Config);
        assert!(err.message.contains("`phone`"), "{}", err.message);
        assert!(err.message.contains("`email`, `plan`"), "{}", err.message);
    }
}
