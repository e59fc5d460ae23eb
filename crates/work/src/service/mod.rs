//! The Work use cases. Reading takes `teams.read` or `items.read` (VIEWER
//! and above); changing items and tags takes `items.*` and `tags.manage`
//! (MEMBER and above); managing teams takes `teams.manage` (ADMIN and
//! above).

mod analytics;
mod attachments;
mod bulk;
mod comments;
mod input;
mod item_references;
mod items;
mod items_patch;
mod items_read;
mod tags;
mod teams;
mod upload_stream;

#[cfg(test)]
mod analytics_tests;
#[cfg(test)]
mod attachments_delete_tests;
#[cfg(test)]
mod attachments_stream_tests;
#[cfg(test)]
mod attachments_tests;
#[cfg(test)]
mod bulk_tests;
#[cfg(test)]
mod comments_tests;
#[cfg(test)]
mod item_references_tests;
#[cfg(test)]
mod item_relations_tests;
#[cfg(test)]
mod items_read_tests;
#[cfg(test)]
mod items_tests;
#[cfg(test)]
mod items_update_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod subtasks_tests;
#[cfg(test)]
mod tags_tests;
#[cfg(test)]
mod teams_tests;
#[cfg(test)]
mod tests_support;

use std::sync::Arc;

use trellis_kernel::Clock;

use crate::ports::{
    ActivityRepository, ItemRepository, MemberDirectory, TagRepository, TeamRepository,
};

pub use analytics::AnalyticsService;
pub use attachments::{AttachmentService, NewFile};
pub use bulk::{BulkEdit, MAX_BULK_EDITS};
pub use comments::CommentService;
pub use input::{CreateItem, ItemPatch};
pub use items::{DeletedItem, ItemService, RestoredItem};
pub use tags::{CreateTag, TagService, UpdateTag};
pub use teams::{CreateTeam, TeamService, UpdateTeam};

/// What every Work use case reaches.
pub struct WorkDeps {
    pub teams: Arc<dyn TeamRepository>,
    pub tags: Arc<dyn TagRepository>,
    pub items: Arc<dyn ItemRepository>,
    pub activity: Arc<dyn ActivityRepository>,
    pub members: Arc<dyn MemberDirectory>,
    pub comments: Arc<dyn crate::ports::CommentRepository>,
    pub analytics: Arc<dyn crate::ports::AnalyticsRepository>,
    pub attachments: Arc<dyn crate::ports::AttachmentRepository>,
    pub files: Arc<dyn crate::ports::FileStore>,
    pub clock: Arc<dyn Clock>,
}
