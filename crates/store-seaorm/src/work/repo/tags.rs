use async_trait::async_trait;
use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use trellis_kernel::{AuditEntry, DomainError, DomainResult, Page, PageRequest, TenantId};
use trellis_work::ports::TagRepository;
use trellis_work::{Tag, TagId};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::soft_delete::{mark_deleted, update_live};
use crate::work::convert;
use crate::work::entity::tag;
use crate::write::{ensure_scope, find_many, one_of, scoped};

fn name_taken(tag: &Tag) -> impl FnOnce() -> String + '_ {
    || format!("a tag named `{}` exists (tag names ignore case)", tag.name)
}

#[async_trait]
impl TagRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, tag = %tag.id))]
    async fn create(&self, tenant: TenantId, tag: &Tag, audit: &AuditEntry) -> DomainResult<()> {
        ensure_scope(tenant, tag.tenant_id, "the tag")?;
        let txn = self.write(tenant).await?;
        tag::Entity::insert(convert::tag_model(tag))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(tag)))?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, tag = %tag.id))]
    async fn update(&self, tenant: TenantId, tag: &Tag, audit: &AuditEntry) -> DomainResult<()> {
        ensure_scope(tenant, tag.tenant_id, "the tag")?;
        let mut model = convert::tag_model(tag);
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.created_at = NotSet;
        model.deleted_at = NotSet;
        model.deletion_id = NotSet;
        let txn = self.write(tenant).await?;
        update_live::<tag::Entity>(&txn, tenant, tag.id.as_uuid(), model, |e| {
            conflict_on_unique(e, name_taken(tag))
        })
        .await?;
        txn.commit(audit).await
    }

    /// Items keep their rows naming the tag; reads join live tags only.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, tag = %id))]
    async fn delete(&self, tenant: TenantId, id: TagId, audit: &AuditEntry) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        if mark_deleted::<tag::Entity>(&txn, tenant, &[id.as_uuid()], audit).await? == 0 {
            return Err(DomainError::not_found("tag"));
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, tag = %id))]
    async fn find(&self, tenant: TenantId, id: TagId) -> DomainResult<Option<Tag>> {
        one_of::<tag::Entity>(tenant, id.as_uuid())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::tag)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = ids.len()))]
    async fn find_many(&self, tenant: TenantId, ids: &[TagId]) -> DomainResult<Vec<Tag>> {
        let ids: Vec<Uuid> = ids.iter().map(TagId::as_uuid).collect();
        find_many::<tag::Entity, _>(&self.read(tenant), tenant, &ids, convert::tag).await
    }

    /// By keyset on `(name_key, id)`, the live names' unique index. The
    /// cursor is the last tag's id: the page goes on after that tag's
    /// name, read in the same statement.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(&self, tenant: TenantId, page: PageRequest) -> DomainResult<Page<Tag>> {
        let mut query = scoped::<tag::Entity>(tenant);
        if let Some(after) = page.after {
            let key = Query::select()
                .column(tag::Column::NameKey)
                .from(tag::Entity)
                .and_where(Expr::col(tag::Column::TenantId).eq(tenant.as_uuid()))
                .and_where(Expr::col(tag::Column::Id).eq(after.0))
                .to_owned();
            let sort = Expr::tuple([
                Expr::col((tag::Entity, tag::Column::NameKey)),
                Expr::col((tag::Entity, tag::Column::Id)),
            ]);
            let cursor = Expr::tuple([
                Expr::SubQuery(None, Box::new(key.into())),
                Expr::val(after.0),
            ]);
            query = query.filter(sort.gt(cursor));
        }
        let rows = query
            .order_by_asc(tag::Column::NameKey)
            .order_by_asc(tag::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        let tags = rows
            .into_iter()
            .map(convert::tag)
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(Page::from_overfetch(tags, &page))
    }
}
