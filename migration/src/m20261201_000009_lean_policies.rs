//! Leaner row-level security policies for memberships and roles, with the
//! same meaning as in `m20261201_000006_row_level_security`.
//!
//! There, the arms that let a read cross tenants (the caller's own
//! memberships, the roles they hold, the role an invitation offers) were
//! plain SQL. The planner then had to plan them into every statement on
//! these tables: a bitmap OR of two indexes for any memberships read, and
//! two EXISTS subplans, initialised on every execution, for any roles
//! read. That made a page of members about a third slower in the database
//! than with no policies at all, though the arms admit nothing there.
//!
//! Here those arms are PL/pgSQL functions, which the planner cannot look
//! into: a tenant's own reads plan as they would without policies, the
//! tenant test decides each row, and a function runs only for a row of
//! another tenant (in `me`, or for an invitation looked up by its token).
//! The functions run as the caller, so the queries inside them are held
//! by the policies too.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &str = "
CREATE FUNCTION trellis_is_caller(candidate uuid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN candidate = NULLIF(current_setting('trellis.user_id', true), '')::uuid;
END
$$;

CREATE FUNCTION trellis_role_reachable(role_tenant uuid, target_role uuid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  caller uuid := NULLIF(current_setting('trellis.user_id', true), '')::uuid;
  invitation text := NULLIF(current_setting('trellis.invitation', true), '');
BEGIN
  IF caller IS NOT NULL AND EXISTS (
       SELECT 1 FROM memberships m
        WHERE m.tenant_id = role_tenant AND m.role_id = target_role AND m.user_id = caller) THEN
    RETURN true;
  END IF;
  RETURN invitation IS NOT NULL AND EXISTS (
       SELECT 1 FROM invitations i
        WHERE i.tenant_id = role_tenant AND i.role_id = target_role AND i.token_hash = invitation);
END
$$;

ALTER POLICY tenant_isolation ON memberships
  USING (tenant_id = (SELECT trellis_tenant()) OR trellis_is_caller(user_id));
ALTER POLICY tenant_isolation ON roles
  USING (tenant_id = (SELECT trellis_tenant()) OR trellis_role_reachable(tenant_id, id));
";

const DOWN: &str = "
ALTER POLICY tenant_isolation ON memberships
  USING (tenant_id = (SELECT trellis_tenant()) OR user_id = (SELECT trellis_user()));
ALTER POLICY tenant_isolation ON roles
  USING (tenant_id = (SELECT trellis_tenant())
    OR EXISTS (SELECT 1 FROM memberships m
                WHERE m.tenant_id = roles.tenant_id AND m.role_id = roles.id
                  AND m.user_id = (SELECT trellis_user()))
    OR EXISTS (SELECT 1 FROM invitations i
                WHERE i.tenant_id = roles.tenant_id AND i.role_id = roles.id
                  AND i.token_hash = (SELECT trellis_invitation())));
DROP FUNCTION IF EXISTS trellis_role_reachable(uuid, uuid);
DROP FUNCTION IF EXISTS trellis_is_caller(uuid);
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, DOWN).await
    }
}

/// PostgreSQL only: SQLite has no row-level security.
async fn run(manager: &SchemaManager<'_>, sql: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    db.execute_unprepared(sql).await.map(|_| ())
}
