//! The Work wing: teams and their members, tags, items with their
//! assignees and tags, and the items' history. `entity` mirrors the
//! tables, `repo` implements the ports of `trellis-work`, `convert` turns
//! rows into domain types and back.

pub(crate) mod convert;
pub mod entity;
mod repo;

use std::sync::Arc;

use trellis_work::WorkPorts;
use trellis_work::ports::FileStore;

use crate::SeaOrmStore;

impl SeaOrmStore {
    /// Every Work port, backed by this store, with attachments' bytes in
    /// `files`.
    pub fn work_ports(&self, files: Arc<dyn FileStore>) -> WorkPorts {
        let store = Arc::new(self.clone());
        WorkPorts {
            teams: store.clone(),
            tags: store.clone(),
            items: store.clone(),
            activity: store.clone(),
            comments: store.clone(),
            analytics: store.clone(),
            attachments: store.clone(),
            files,
            purge: store.clone(),
            members: store,
        }
    }
}
