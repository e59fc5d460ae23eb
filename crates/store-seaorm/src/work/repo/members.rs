use async_trait::async_trait;
use sea_orm::sea_query::{Expr, ExprTrait, IntoColumnRef, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};
use trellis_kernel::{DomainResult, TenantId, UserId};
use trellis_work::ports::{MemberDirectory, Person};
use uuid::Uuid;

use crate::SeaOrmStore;
use crate::error::internal;
use crate::tenancy::entity::{membership, user};
use crate::work::entity::{activity, item, item_assignee};

/// Rows of `table` in `tenant` whose `column` names the user of the outer
/// query.
fn names_user<T, C>(table: T, tenant_col: C, user_col: C, tenant: TenantId) -> SelectStatement
where
    T: EntityTrait + Copy,
    C: ColumnTrait,
    (T, C): IntoColumnRef,
{
    Query::select()
        .expr(Expr::val(1))
        .from(table)
        .and_where(Expr::col((table, tenant_col)).eq(tenant.as_uuid()))
        .and_where(Expr::col((table, user_col)).equals((user::Entity, user::Column::Id)))
        .to_owned()
}

#[async_trait]
impl MemberDirectory for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = users.len()))]
    async fn members_among(&self, tenant: TenantId, users: &[UserId]) -> DomainResult<Vec<UserId>> {
        if users.is_empty() {
            return Ok(Vec::new());
        }
        let found = membership::Entity::find()
            .select_only()
            .column(membership::Column::UserId)
            .filter(membership::Column::TenantId.eq(tenant.as_uuid()))
            .filter(membership::Column::UserId.is_in(users.iter().map(UserId::as_uuid)))
            .into_tuple::<Uuid>()
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        Ok(found.into_iter().map(UserId::from_uuid).collect())
    }

    /// Users are no tenant's, so the tenant's own rows must name them: a
    /// member, or the creator, an assignee or the actor of the tenant's
    /// items. An id from anywhere else reveals nobody.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, count = users.len()))]
    async fn people(&self, tenant: TenantId, users: &[UserId]) -> DomainResult<Vec<Person>> {
        if users.is_empty() {
            return Ok(Vec::new());
        }
        let named = Condition::any()
            .add(Expr::exists(names_user(
                membership::Entity,
                membership::Column::TenantId,
                membership::Column::UserId,
                tenant,
            )))
            .add(Expr::exists(names_user(
                item::Entity,
                item::Column::TenantId,
                item::Column::CreatedBy,
                tenant,
            )))
            .add(Expr::exists(names_user(
                item_assignee::Entity,
                item_assignee::Column::TenantId,
                item_assignee::Column::UserId,
                tenant,
            )))
            .add(Expr::exists(names_user(
                activity::Entity,
                activity::Column::TenantId,
                activity::Column::ActorId,
                tenant,
            )));
        let rows = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::Email)
            .column(user::Column::Name)
            .filter(user::Column::Id.is_in(users.iter().map(UserId::as_uuid)))
            .filter(named)
            .into_tuple::<(Uuid, String, String)>()
            .all(&self.read(tenant))
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|(id, email, name)| Person {
                id: UserId::from_uuid(id),
                email,
                name,
            })
            .collect())
    }
}
