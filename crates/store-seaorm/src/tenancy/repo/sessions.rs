use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use trellis_kernel::AuditEntry;
use trellis_kernel::{DomainError, DomainResult, SessionId, TenantId, UserId};
use trellis_tenancy::ports::SessionRepository;
use trellis_tenancy::session::PrincipalRecord;
use trellis_tenancy::{RotateOutcome, Session, TokenHash};
use uuid::Uuid;

use super::principal;
use crate::SeaOrmStore;
use crate::error::{conflict_on_unique, internal};
use crate::tenancy::convert;
use crate::tenancy::entity::{refresh_token, session};
use crate::write::Scope;

async fn insert_token<C: ConnectionTrait>(
    db: &C,
    session: SessionId,
    token: &TokenHash,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let model = refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        session_id: Set(session.as_uuid()),
        token_hash: Set(token.as_str().to_owned()),
        created_at: Set(now),
        replaced_at: Set(None),
    };
    refresh_token::Entity::insert(model)
        .exec_without_returning(db)
        .await
        .map_err(|e| conflict_on_unique(e, || "this refresh token is already in use".into()))?;
    Ok(())
}

/// Ends the session; true if it was live until now.
async fn revoke_session<C: ConnectionTrait>(
    db: &C,
    session: SessionId,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let result = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::Id.eq(session.as_uuid()))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await
        .map_err(internal)?;
    Ok(result.rows_affected > 0)
}

#[async_trait]
impl SessionRepository for SeaOrmStore {
    #[tracing::instrument(skip_all, fields(session = %session.id))]
    async fn create(
        &self,
        session: &Session,
        refresh: &TokenHash,
        audit: Option<AuditEntry>,
    ) -> DomainResult<()> {
        let model = session::ActiveModel {
            id: Set(session.id.as_uuid()),
            user_id: Set(session.user_id.as_uuid()),
            tenant_id: Set(session.tenant_id.map(|t| t.as_uuid())),
            created_at: Set(session.created_at),
            expires_at: Set(session.expires_at),
            revoked_at: Set(session.revoked_at),
        };
        let txn = self.write_for(audit.as_ref()).await?;
        session::Entity::insert(model)
            .exec_without_returning(&txn)
            .await
            .map_err(internal)?;
        insert_token(&txn, session.id, refresh, session.created_at).await?;
        txn.commit_maybe(audit.as_ref()).await
    }

    #[tracing::instrument(skip_all)]
    async fn rotate(
        &self,
        presented: &TokenHash,
        next: &TokenHash,
        now: DateTime<Utc>,
    ) -> DomainResult<RotateOutcome> {
        let txn = self.write_platform().await?;
        let Some(token) = refresh_token::Entity::find()
            .filter(refresh_token::Column::TokenHash.eq(presented.as_str()))
            .one(&txn)
            .await
            .map_err(internal)?
        else {
            return Ok(RotateOutcome::Invalid);
        };
        let Some(model) = session::Entity::find_by_id(token.session_id)
            .one(&txn)
            .await
            .map_err(internal)?
        else {
            return Ok(RotateOutcome::Invalid);
        };
        let session = convert::session(model);
        if !session.is_live(now) {
            return Ok(RotateOutcome::Invalid);
        }
        if token.replaced_at.is_some() {
            let txn = txn.changing_principals(self);
            revoke_session(&txn, session.id, now).await?;
            txn.commit_unaudited().await?;
            tracing::warn!(session = %session.id, "refresh token replayed; session revoked");
            return Ok(RotateOutcome::Reused);
        }
        // Conditional, so that of two concurrent uses exactly one wins: the
        // loser's update waits for the winner's row lock and then matches nothing.
        let claimed = refresh_token::Entity::update_many()
            .col_expr(refresh_token::Column::ReplacedAt, Expr::value(now))
            .filter(refresh_token::Column::Id.eq(token.id))
            .filter(refresh_token::Column::ReplacedAt.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        if claimed.rows_affected == 0 {
            let txn = txn.changing_principals(self);
            revoke_session(&txn, session.id, now).await?;
            txn.commit_unaudited().await?;
            tracing::warn!(session = %session.id, "refresh token raced; session revoked");
            return Ok(RotateOutcome::Reused);
        }
        insert_token(&txn, session.id, next, now).await?;
        txn.commit_unaudited().await?;
        Ok(RotateOutcome::Rotated(session))
    }

    #[tracing::instrument(skip_all, fields(session = %session, tenant = %tenant))]
    async fn switch_tenant(
        &self,
        session: SessionId,
        tenant: TenantId,
        next: &TokenHash,
        now: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> DomainResult<()> {
        let txn = self.write(tenant).await?.changing_principals(self);
        let switched = session::Entity::update_many()
            .col_expr(session::Column::TenantId, Expr::value(tenant.as_uuid()))
            .filter(session::Column::Id.eq(session.as_uuid()))
            .filter(session::Column::RevokedAt.is_null())
            .filter(session::Column::ExpiresAt.gt(now))
            .exec(&txn)
            .await
            .map_err(internal)?;
        if switched.rows_affected == 0 {
            return Err(DomainError::not_found("session"));
        }
        refresh_token::Entity::update_many()
            .col_expr(refresh_token::Column::ReplacedAt, Expr::value(now))
            .filter(refresh_token::Column::SessionId.eq(session.as_uuid()))
            .filter(refresh_token::Column::ReplacedAt.is_null())
            .exec(&txn)
            .await
            .map_err(internal)?;
        insert_token(&txn, session, next, now).await?;
        txn.commit(audit).await
    }

    #[tracing::instrument(skip_all, fields(session = %session))]
    async fn revoke(
        &self,
        session: SessionId,
        now: DateTime<Utc>,
        audit: Option<AuditEntry>,
    ) -> DomainResult<()> {
        let txn = self
            .write_for(audit.as_ref())
            .await?
            .changing_principals(self);
        // Only an actual change is audited: revoking twice records once.
        let revoked = revoke_session(&txn, session, now).await?;
        txn.commit_maybe(audit.as_ref().filter(|_| revoked)).await
    }

    /// The hot path: one statement (see `principal`), or none for a caller
    /// read moments ago (see `principals`).
    #[tracing::instrument(level = "debug", skip_all, fields(session = %session))]
    async fn load_principal(
        &self,
        session: SessionId,
        user: UserId,
        tenant: Option<TenantId>,
        now: DateTime<Utc>,
    ) -> DomainResult<Option<PrincipalRecord>> {
        // The token's claims are verified: its tenant and user scope the
        // read.
        let scope = Scope {
            tenant,
            user: Some(user),
            invitation: None,
        };
        let key = (session, user, tenant);
        if let Some(pool) = &self.settled {
            self.principals.listen_once(pool);
        }
        if let Some(kept) = self.principals.get(&key, now) {
            return Ok(Some(kept));
        }
        let generation = self.principals.generation();
        // Primary-key lookups: their plan is settled once per connection.
        let found =
            principal::load(&self.read_settled_in(scope), session, user, tenant, now).await?;
        if let Some(record) = &found {
            self.principals.keep(key, record, generation);
        }
        Ok(found)
    }
}
