use std::collections::BTreeMap;

use async_trait::async_trait;
use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::{CaseStatement, Expr};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use trellis_intents::Intent;
use trellis_intents::IntentId;
use trellis_kernel::AuditEntry;
use trellis_kernel::{DomainError, DomainResult, RuleId, TenantId};
use trellis_rules::ValidationRule;
use trellis_rules::ports::{RuleRepository, RuleTarget};
use uuid::Uuid;

use super::intents::insert_intent;
use crate::SeaOrmStore;
use crate::error::{internal, reference_write_error};
use crate::routing::convert;
use crate::routing::entity::{datasource, datasource_config, intent, validation_rule};
use crate::soft_delete::mark_deleted;
use crate::write::ensure_scope;
use crate::write::{exists, one_of, scoped};

const DATASOURCE: &str = "datasource";

fn id_taken() -> String {
    "a rule with this id exists".to_owned()
}

fn target(
    row: (
        validation_rule::Model,
        Option<datasource::Model>,
        Option<datasource_config::Model>,
    ),
) -> DomainResult<RuleTarget> {
    let (rule, datasource, config) = row;
    let (Some(datasource), Some(config)) = (datasource, config) else {
        return Err(DomainError::internal_msg(
            "a rule without its datasource or config",
        ));
    };
    Ok(RuleTarget {
        rule: convert::rule(rule)?,
        datasource: convert::datasource(datasource)?,
        config: convert::config(config)?,
    })
}

#[async_trait]
impl RuleRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, rule = %rule.id))]
    async fn create(
        &self,
        tenant: TenantId,
        rule: &ValidationRule,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, rule.tenant_id, "the rule")?;
        let txn = self.write(tenant).await?;
        // Checked first to say which is missing; the composite keys are the
        // backstop.
        if !exists::<intent::Entity, _>(&txn, tenant, rule.intent_id.as_uuid()).await? {
            return Err(DomainError::not_found("intent"));
        }
        if !exists::<datasource::Entity, _>(&txn, tenant, rule.datasource_id.as_uuid()).await? {
            return Err(DomainError::not_found(DATASOURCE));
        }
        validation_rule::Entity::insert(convert::rule_model(rule))
            .exec_without_returning(&txn)
            .await
            .map_err(|e| reference_write_error(e, DATASOURCE, id_taken))?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %intent.id))]
    async fn create_intent_with_rules(
        &self,
        tenant: TenantId,
        intent: &Intent,
        rules: &[ValidationRule],
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, intent.tenant_id, "the intent")?;
        for rule in rules {
            ensure_scope(tenant, rule.tenant_id, "a rule")?;
            if rule.intent_id != intent.id {
                return Err(DomainError::internal_msg(format!(
                    "rule {} names intent {} but is created with intent {}",
                    rule.id, rule.intent_id, intent.id
                )));
            }
        }
        let mut datasources: Vec<Uuid> = rules.iter().map(|r| r.datasource_id.as_uuid()).collect();
        datasources.sort_unstable();
        datasources.dedup();

        let txn = self.write(tenant).await?;
        if !datasources.is_empty() {
            // One query for all of them: each must be the tenant's.
            let found = scoped::<datasource::Entity>(tenant)
                .filter(datasource::Column::Id.is_in(datasources.iter().copied()))
                .count(&txn)
                .await
                .map_err(internal)?;
            if found != datasources.len() as u64 {
                return Err(DomainError::not_found(DATASOURCE));
            }
        }
        insert_intent(&txn, intent).await?;
        if !rules.is_empty() {
            validation_rule::Entity::insert_many(rules.iter().map(convert::rule_model))
                .exec_without_returning(&txn)
                .await
                .map_err(|e| reference_write_error(e, DATASOURCE, id_taken))?;
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, rule = %rule.id))]
    async fn update(
        &self,
        tenant: TenantId,
        rule: &ValidationRule,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        ensure_scope(tenant, rule.tenant_id, "the rule")?;
        let mut model = convert::rule_model(rule);
        model.tenant_id = NotSet;
        model.id = NotSet;
        model.intent_id = NotSet;
        model.created_at = NotSet;
        let txn = self.write(tenant).await?;
        if !exists::<datasource::Entity, _>(&txn, tenant, rule.datasource_id.as_uuid()).await? {
            return Err(DomainError::not_found(DATASOURCE));
        }
        let updated = validation_rule::Entity::update_many()
            .set(model)
            .filter(validation_rule::Column::TenantId.eq(tenant.as_uuid()))
            .filter(validation_rule::Column::Id.eq(rule.id.as_uuid()))
            .filter(validation_rule::Column::DeletedAt.is_null())
            .exec(&txn)
            .await
            .map_err(|e| reference_write_error(e, DATASOURCE, id_taken))?;
        if updated.rows_affected == 0 {
            return Err(DomainError::not_found("rule"));
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, rule = %id))]
    async fn delete(&self, tenant: TenantId, id: RuleId, audit: &AuditEntry) -> DomainResult<()> {
        let txn = self.write(tenant).await?;
        let deleted =
            mark_deleted::<validation_rule::Entity>(&txn, tenant, &[id.as_uuid()], audit).await?;
        if deleted == 0 {
            return Err(DomainError::not_found("rule"));
        }
        txn.commit(audit).await
    }

    /// One UPDATE with a CASE on the id: it touches only the intent's rules,
    /// so fewer rows changed than ids given means one is not the intent's,
    /// and the transaction is dropped, which undoes it.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %intent))]
    async fn set_priorities(
        &self,
        tenant: TenantId,
        intent: IntentId,
        priorities: &[(RuleId, i32)],
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        // A repeated id takes its last priority, as if set one by one.
        let wanted: BTreeMap<Uuid, i32> = priorities
            .iter()
            .map(|(id, priority)| (id.as_uuid(), *priority))
            .collect();
        let txn = self.write(tenant).await?;
        if !wanted.is_empty() {
            let case = wanted
                .iter()
                .fold(CaseStatement::new(), |case, (id, priority)| {
                    case.case(validation_rule::Column::Id.eq(*id), Expr::value(*priority))
                });
            let updated = validation_rule::Entity::update_many()
                .col_expr(
                    validation_rule::Column::Priority,
                    case.finally(Expr::col(validation_rule::Column::Priority))
                        .into(),
                )
                .col_expr(
                    validation_rule::Column::UpdatedAt,
                    Expr::value(audit.created_at),
                )
                .filter(validation_rule::Column::TenantId.eq(tenant.as_uuid()))
                .filter(validation_rule::Column::IntentId.eq(intent.as_uuid()))
                .filter(validation_rule::Column::Id.is_in(wanted.keys().copied()))
                .filter(validation_rule::Column::DeletedAt.is_null())
                .exec(&txn)
                .await
                .map_err(internal)?;
            if updated.rows_affected != wanted.len() as u64 {
                return Err(DomainError::not_found("rule"));
            }
        }
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, rule = %id))]
    async fn find(&self, tenant: TenantId, id: RuleId) -> DomainResult<Option<ValidationRule>> {
        one_of::<validation_rule::Entity>(tenant, id.as_uuid())
            .one(&self.read(tenant))
            .await
            .map_err(internal)?
            .map(convert::rule)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %intent))]
    async fn list_for_intent(
        &self,
        tenant: TenantId,
        intent: IntentId,
    ) -> DomainResult<Vec<ValidationRule>> {
        let rows = scoped::<validation_rule::Entity>(tenant)
            .filter(validation_rule::Column::IntentId.eq(intent.as_uuid()))
            .order_by_desc(validation_rule::Column::Priority)
            .order_by_asc(validation_rule::Column::Id)
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        rows.into_iter().map(convert::rule).collect()
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = intents.len()))]
    async fn list_for_intents(
        &self,
        tenant: TenantId,
        intents: &[IntentId],
    ) -> DomainResult<Vec<ValidationRule>> {
        if intents.is_empty() {
            return Ok(Vec::new());
        }
        let rows = scoped::<validation_rule::Entity>(tenant)
            .filter(validation_rule::Column::IntentId.is_in(intents.iter().map(IntentId::as_uuid)))
            .order_by_asc(validation_rule::Column::IntentId)
            .order_by_desc(validation_rule::Column::Priority)
            .order_by_asc(validation_rule::Column::Id)
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        rows.into_iter().map(convert::rule).collect()
    }

    /// On the routing path: rules, datasources and configs in one query,
    /// joined on the composite keys.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, intent = %intent))]
    async fn list_targets(
        &self,
        tenant: TenantId,
        intent: IntentId,
    ) -> DomainResult<Vec<RuleTarget>> {
        let rows = scoped::<validation_rule::Entity>(tenant)
            .filter(validation_rule::Column::IntentId.eq(intent.as_uuid()))
            .filter(validation_rule::Column::IsActive.eq(true))
            .find_also_related(datasource::Entity)
            .and_also_related(datasource_config::Entity)
            // A live rule has live parents; said again so that the join
            // can never hand routing a deleted datasource or config.
            .filter(datasource::Column::DeletedAt.is_null())
            .filter(datasource_config::Column::DeletedAt.is_null())
            .order_by_desc(validation_rule::Column::Priority)
            .order_by_asc(validation_rule::Column::Id)
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        rows.into_iter().map(target).collect()
    }
}
