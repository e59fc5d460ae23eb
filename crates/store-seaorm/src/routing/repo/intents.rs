use async_trait::async_trait;
use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use trellis_intents::IntentId;
use trellis_intents::ports::IntentRepository;
use trellis_intents::{Intent, IntentFilter};
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{DomainResult, Page, PageRequest, RuleId, TenantId};

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::routing::convert;
use crate::routing::entity::{datasource, intent, validation_rule};
use crate::soft_delete::{deletion_of, restore_children, unmark_deleted, update_live};
use crate::write::ensure_scope;
use crate::write::{find_many, one_of, scoped};

pub(crate) fn name_taken(intent: &Intent) -> impl FnOnce() -> String + '_ {
    || {
        format!(
            "an intent named `{}` exists (names ignore case)",
            intent.name
        )
    }
}

/// `text` as a LIKE pattern matching it anywhere, lowercased, with its own
/// `%`, `_` and `\` taken literally.
fn contains_pattern(text: &str) -> LikeExpr {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    LikeExpr::new(pattern).escape('\\')
}

fn to_intents(rows: Vec<intent::Model>) -> DomainResult<Vec<Intent>> {
    rows.into_iter().map(convert::intent).collect()
}

/// Inserts the intent; its name must be free.
pub(crate) async fn insert_intent<C: ConnectionTrait>(db: &C, intent: &Intent) -> DomainResult<()> {
    intent::Entity::insert(convert::intent_model(intent)?)
        .exec_without_returning(db)
        .await
        .map_err(|e| conflict_on_unique(e, name_taken(intent)))?;
    Ok(())
}

#[async_trait]
impl IntentRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %intent.id))]
    async fn create(
        &self,
        tenant: TenantId,
        intent: &Intent,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, intent.tenant_id, "the intent")?;
        let txn = self.write(tenant).await?;
        insert_intent(&txn, intent).await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %intent.id))]
    async fn update(
        &self,
        tenant: TenantId,
        intent: &Intent,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, intent.tenant_id, "the intent")?;
        let mut model = convert::intent_model(intent)?;
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.created_at = NotSet;
        let txn = self.write(tenant).await?;
        update_live::<intent::Entity>(&txn, tenant, intent.id.as_uuid(), model, |e| {
            conflict_on_unique(e, name_taken(intent))
        })
        .await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %id))]
    async fn delete(
        &self,
        tenant: TenantId,
        id: IntentId,
        audit: &AuditEntry,
    ) -> DomainResult<Vec<RuleId>> {
        let rules = self
            .delete_cascading::<intent::Entity, validation_rule::Entity>(
                tenant,
                id.as_uuid(),
                validation_rule::Column::IntentId,
                audit,
            )
            .await?;
        Ok(rules.into_iter().map(RuleId::from_uuid).collect())
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %id))]
    async fn restore(
        &self,
        tenant: TenantId,
        id: IntentId,
        audit: &RestoreAudit<Intent>,
    ) -> DomainResult<(Intent, Vec<RuleId>)> {
        let txn = self.write(tenant).await?;
        let (row, deletion) = deletion_of::<intent::Entity>(&txn, tenant, id.as_uuid()).await?;
        let intent = convert::intent(row)?;
        unmark_deleted::<intent::Entity>(&txn, tenant, &[id.as_uuid()])
            .await
            .map_err(|e| conflict_on_unique(e, name_taken(&intent)))?;
        let rules = restore_children::<validation_rule::Entity, datasource::Entity>(
            &txn,
            tenant,
            deletion,
            validation_rule::Column::DatasourceId,
        )
        .await?;
        txn.commit(&audit.of(&intent)).await?;
        Ok((intent, rules.into_iter().map(RuleId::from_uuid).collect()))
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %id))]
    async fn find(&self, tenant: TenantId, id: IntentId) -> DomainResult<Option<Intent>> {
        one_of::<intent::Entity>(tenant, id.as_uuid())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::intent)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = ids.len()))]
    async fn find_many(&self, tenant: TenantId, ids: &[IntentId]) -> DomainResult<Vec<Intent>> {
        let ids: Vec<_> = ids.iter().map(IntentId::as_uuid).collect();
        find_many::<intent::Entity, _>(&self.read(tenant), tenant, &ids, convert::intent).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list(
        &self,
        tenant: TenantId,
        filter: &IntentFilter,
        page: PageRequest,
    ) -> DomainResult<Page<Intent>> {
        let mut query = scoped::<intent::Entity>(tenant);
        if let Some(active) = filter.active {
            query = query.filter(intent::Column::IsActive.eq(active));
        }
        if let Some(text) = filter.text.as_deref().filter(|t| !t.is_empty()) {
            // The name through its key, lowercased in Rust; the description
            // through LOWER, which on SQLite folds ASCII letters only.
            let description = Func::lower(Expr::col((intent::Entity, intent::Column::Description)));
            query = query.filter(
                Condition::any()
                    .add(intent::Column::NameKey.like(contains_pattern(text)))
                    .add(Expr::expr(description).like(contains_pattern(text))),
            );
        }
        if let Some(after) = page.after {
            query = query.filter(intent::Column::Id.gt(after.0));
        }
        let rows = query
            .order_by_asc(intent::Column::Id)
            .limit(page.fetch_limit())
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        Ok(Page::from_overfetch(to_intents(rows)?, &page))
    }

    /// On the routing path: one query on `(tenant_id, is_active, priority)`.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    async fn list_active(&self, tenant: TenantId) -> DomainResult<Vec<Intent>> {
        let rows = scoped::<intent::Entity>(tenant)
            .filter(intent::Column::IsActive.eq(true))
            .order_by_desc(intent::Column::Priority)
            .order_by_asc(intent::Column::Id)
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        to_intents(rows)
    }
}
