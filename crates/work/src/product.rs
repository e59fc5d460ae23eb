//! The Work product assembled: its ports as one bundle, and its use cases
//! built from them.

use std::sync::Arc;

use trellis_kernel::Clock;

use crate::ports::{
    ActivityRepository, ItemRepository, MemberDirectory, TagRepository, TeamRepository,
};
use crate::service::{ItemService, TagService, TeamService, WorkDeps};

/// Every port the Work use cases reach, as one bundle: what a store
/// adapter hands out, and what a test swaps a field of.
#[derive(Clone)]
pub struct WorkPorts {
    pub teams: Arc<dyn TeamRepository>,
    pub tags: Arc<dyn TagRepository>,
    pub items: Arc<dyn ItemRepository>,
    pub activity: Arc<dyn ActivityRepository>,
    pub members: Arc<dyn MemberDirectory>,
}

/// The Work product's use cases, built once at start-up.
#[derive(Clone)]
pub struct Work {
    pub teams: TeamService,
    pub tags: TagService,
    /// Items, their relations and their history.
    pub items: ItemService,
}

impl Work {
    pub fn new(ports: WorkPorts, clock: Arc<dyn Clock>) -> Self {
        let deps = Arc::new(WorkDeps {
            teams: ports.teams,
            tags: ports.tags,
            items: ports.items,
            activity: ports.activity,
            members: ports.members,
            clock,
        });
        Self {
            teams: TeamService::new(deps.clone()),
            tags: TagService::new(deps.clone()),
            items: ItemService::new(deps),
        }
    }
}
