use async_trait::async_trait;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use trellis_kernel::{DomainResult, UserId};
use trellis_tenancy::ports::UserRepository;
use trellis_tenancy::{Email, User, UserCredentials};

use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::tenancy::convert;
use crate::tenancy::entity::user;

#[async_trait]
impl UserRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(user = %user.id))]
    async fn create(&self, user: &User, password_hash: &str) -> DomainResult<()> {
        let model = user::ActiveModel {
            id: Set(user.id.as_uuid()),
            email: Set(user.email.as_str().to_owned()),
            name: Set(user.name.clone()),
            password_hash: Set(password_hash.to_owned()),
            is_platform_admin: Set(user.is_platform_admin),
            created_at: Set(user.created_at),
            updated_at: Set(user.created_at),
        };
        user::Entity::insert(model)
            .exec_without_returning(&self.db)
            .await
            .map_err(|e| {
                conflict_on_unique(e, || "an account with this email already exists".into())
            })?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(user = %id))]
    async fn find(&self, id: UserId) -> DomainResult<Option<User>> {
        let found = user::Entity::find_by_id(id.as_uuid())
            .one(&self.db)
            .await
            .map_err(internal)?;
        Ok(found.map(convert::user))
    }

    #[tracing::instrument(skip_all)]
    async fn find_by_email(&self, email: &Email) -> DomainResult<Option<UserCredentials>> {
        let found = user::Entity::find()
            .filter(user::Column::Email.eq(email.as_str()))
            .one(&self.db)
            .await
            .map_err(internal)?;
        Ok(found.map(|model| {
            let password_hash = model.password_hash.clone();
            UserCredentials {
                user: convert::user(model),
                password_hash,
            }
        }))
    }
}
