//! The Work relations of a page, each loaded in one call: an item's team,
//! parent, creator, assignees, tags and subtask progress; a team's members.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use trellis_kernel::{DomainError, TenantCtx, UserId};
use trellis_work::ports::Person;
use trellis_work::{Item, ItemId, Progress, Tag, Team, TeamId, Work};

/// Loads for one caller: every batch goes through the use cases, which
/// check the caller's permissions and scope the lookup to their tenant.
pub struct WorkLoader {
    work: Work,
    scope: TenantCtx,
}

impl WorkLoader {
    pub(crate) fn new(work: Work, scope: TenantCtx) -> Self {
        Self { work, scope }
    }
}

/// An item's assignees, as a loader key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AssigneesOf(pub ItemId);

/// An item's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TagsOf(pub ItemId);

/// How far an item's subtasks are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProgressOf(pub ItemId);

/// A team's members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MembersOf(pub TeamId);

type LoadResult<K, V> = Result<HashMap<K, V>, Arc<DomainError>>;

/// Groups `(owner, value)` pairs under each owner's key.
fn grouped<O, K, V>(pairs: Vec<(O, V)>, key: impl Fn(O) -> K) -> HashMap<K, Vec<V>>
where
    K: std::hash::Hash + Eq,
{
    let mut map: HashMap<K, Vec<V>> = HashMap::new();
    for (owner, value) in pairs {
        map.entry(key(owner)).or_default().push(value);
    }
    map
}

impl Loader<ItemId> for WorkLoader {
    type Value = Item;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[ItemId]) -> LoadResult<ItemId, Item> {
        let found = self.work.items.get_many(&self.scope, keys).await?;
        Ok(found.into_iter().map(|item| (item.id, item)).collect())
    }
}

impl Loader<TeamId> for WorkLoader {
    type Value = Team;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[TeamId]) -> LoadResult<TeamId, Team> {
        let found = self.work.teams.get_many(&self.scope, keys).await?;
        Ok(found.into_iter().map(|team| (team.id, team)).collect())
    }
}

impl Loader<UserId> for WorkLoader {
    type Value = Person;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[UserId]) -> LoadResult<UserId, Person> {
        let found = self.work.items.people(&self.scope, keys).await?;
        Ok(found
            .into_iter()
            .map(|person| (person.id, person))
            .collect())
    }
}

impl Loader<AssigneesOf> for WorkLoader {
    type Value = Vec<UserId>;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[AssigneesOf]) -> LoadResult<AssigneesOf, Vec<UserId>> {
        let items: Vec<ItemId> = keys.iter().map(|key| key.0).collect();
        let pairs = self.work.items.assignees(&self.scope, &items).await?;
        Ok(grouped(pairs, AssigneesOf))
    }
}

impl Loader<TagsOf> for WorkLoader {
    type Value = Vec<Tag>;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[TagsOf]) -> LoadResult<TagsOf, Vec<Tag>> {
        let items: Vec<ItemId> = keys.iter().map(|key| key.0).collect();
        let pairs = self.work.items.tags(&self.scope, &items).await?;
        Ok(grouped(pairs, TagsOf))
    }
}

impl Loader<ProgressOf> for WorkLoader {
    type Value = Progress;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[ProgressOf]) -> LoadResult<ProgressOf, Progress> {
        let items: Vec<ItemId> = keys.iter().map(|key| key.0).collect();
        let found = self.work.items.progress(&self.scope, &items).await?;
        Ok(found
            .into_iter()
            .map(|(item, progress)| (ProgressOf(item), progress))
            .collect())
    }
}

impl Loader<MembersOf> for WorkLoader {
    type Value = Vec<UserId>;
    type Error = Arc<DomainError>;

    async fn load(&self, keys: &[MembersOf]) -> LoadResult<MembersOf, Vec<UserId>> {
        let teams: Vec<TeamId> = keys.iter().map(|key| key.0).collect();
        let pairs = self.work.teams.members(&self.scope, &teams).await?;
        Ok(grouped(pairs, MembersOf))
    }
}

/// How many comments an item has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommentCountOf(pub ItemId);

impl Loader<CommentCountOf> for WorkLoader {
    type Value = u64;
    type Error = Arc<DomainError>;

    /// Items without comments are counted 0 rather than left out.
    async fn load(&self, keys: &[CommentCountOf]) -> LoadResult<CommentCountOf, u64> {
        let items: Vec<ItemId> = keys.iter().map(|key| key.0).collect();
        let mut counts: HashMap<CommentCountOf, u64> = keys.iter().map(|key| (*key, 0)).collect();
        for (item, count) in self.work.comments.counts(&self.scope, &items).await? {
            counts.insert(CommentCountOf(item), count);
        }
        Ok(counts)
    }
}

/// An item's attachments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AttachmentsOf(pub ItemId);

impl Loader<AttachmentsOf> for WorkLoader {
    type Value = Vec<trellis_work::Attachment>;
    type Error = Arc<DomainError>;

    async fn load(
        &self,
        keys: &[AttachmentsOf],
    ) -> LoadResult<AttachmentsOf, Vec<trellis_work::Attachment>> {
        let items: Vec<ItemId> = keys.iter().map(|key| key.0).collect();
        let found = self.work.attachments.list_for(&self.scope, &items).await?;
        let pairs = found
            .into_iter()
            .map(|attachment| (attachment.item_id, attachment))
            .collect();
        Ok(grouped(pairs, AttachmentsOf))
    }
}
