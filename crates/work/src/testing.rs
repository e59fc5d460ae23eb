//! Mocks of every Work port in one bundle, for the tests of any crate
//! (cargo feature `mock`).

use std::sync::Arc;

use crate::ports::{
    MockActivityRepository, MockItemRepository, MockMemberDirectory, MockTagRepository,
    MockTeamRepository,
};
use crate::product::WorkPorts;

/// Mocks with no expectations: a call a test did not expect panics, which
/// is how tests prove that nothing was read or written.
#[derive(Default)]
pub struct WorkMocks {
    pub teams: MockTeamRepository,
    pub tags: MockTagRepository,
    pub items: MockItemRepository,
    pub activity: MockActivityRepository,
    pub members: MockMemberDirectory,
    pub comments: crate::ports::MockCommentRepository,
    pub analytics: crate::ports::MockAnalyticsRepository,
    pub attachments: crate::ports::MockAttachmentRepository,
    pub files: crate::ports::MockFileStore,
    pub purge: crate::purge::MockPurgeRepository,
}

impl WorkMocks {
    pub fn into_ports(self) -> WorkPorts {
        WorkPorts {
            teams: Arc::new(self.teams),
            tags: Arc::new(self.tags),
            items: Arc::new(self.items),
            activity: Arc::new(self.activity),
            members: Arc::new(self.members),
            comments: Arc::new(self.comments),
            analytics: Arc::new(self.analytics),
            attachments: Arc::new(self.attachments),
            files: Arc::new(self.files),
            purge: Arc::new(self.purge),
        }
    }
}
