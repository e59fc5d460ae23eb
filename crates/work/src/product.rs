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
    pub comments: Arc<dyn crate::ports::CommentRepository>,
    pub analytics: Arc<dyn crate::ports::AnalyticsRepository>,
    pub attachments: Arc<dyn crate::ports::AttachmentRepository>,
    /// Where attachments' bytes are kept.
    pub files: Arc<dyn crate::ports::FileStore>,
    /// Removing deleted items for good.
    pub purge: Arc<dyn crate::purge::PurgeRepository>,
}

/// The Work product's use cases, built once at start-up.
#[derive(Clone)]
pub struct Work {
    pub teams: TeamService,
    pub tags: TagService,
    /// Items, their relations and their history.
    pub items: ItemService,
    /// Comments on items.
    pub comments: crate::service::CommentService,
    /// Figures over items.
    pub analytics: crate::service::AnalyticsService,
    /// Files uploaded to items.
    pub attachments: crate::service::AttachmentService,
    /// Deleted items removed for good, across tenants.
    pub purge: crate::purge::PurgeService,
}

impl Work {
    pub fn new(ports: WorkPorts, clock: Arc<dyn Clock>) -> Self {
        let purge =
            crate::purge::PurgeService::new(ports.purge, ports.files.clone(), clock.clone());
        let deps = Arc::new(WorkDeps {
            teams: ports.teams,
            tags: ports.tags,
            items: ports.items,
            activity: ports.activity,
            members: ports.members,
            comments: ports.comments,
            analytics: ports.analytics,
            attachments: ports.attachments,
            files: ports.files,
            clock,
        });
        Self {
            teams: TeamService::new(deps.clone()),
            tags: TagService::new(deps.clone()),
            comments: crate::service::CommentService::new(deps.clone()),
            analytics: crate::service::AnalyticsService::new(deps.clone()),
            attachments: crate::service::AttachmentService::new(deps.clone()),
            items: ItemService::new(deps),
            purge,
        }
    }
}
