//! Row-level security: the database's own wall between tenants, behind the
//! application's `WHERE tenant_id = …` (DESIGN.md, tenancy rule 7).
//!
//! Every tenant-scoped table admits only the rows of the tenant the current
//! transaction names in `trellis.tenant_id` (set with `set_config(…, true)`,
//! so it ends with the transaction). FORCE makes the policies hold for the
//! tables' owner as well; superusers and roles with BYPASSRLS are exempt,
//! which is why the server must run as neither (see `trellis serve`).
//!
//! A few reads must cross tenants, and their policies say exactly how far:
//! a user's own memberships (and those memberships' roles) with
//! `trellis.user_id`, and an invitation looked up by the hash of its token
//! (and the role it offers) with `trellis.invitation`. Platform tables (tenants, users, sessions,
//! refresh tokens) belong to no tenant and stay outside.
//!
//! The policies apply to every role rather than naming the application's:
//! its name is the deployment's choice. PostgreSQL only; SQLite keeps the
//! application's filter alone.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables whose every row belongs to one tenant, with no exception.
const TENANT_TABLES: [&str; 8] = [
    "audit_log",
    "datasource_configs",
    "datasources",
    "datasource_files",
    "intents",
    "validation_rules",
    "routing_runs",
    "invitations",
];

/// The settings, read once per statement: wrapped in a scalar subquery, the
/// planner evaluates them once (an InitPlan), not once per row. An unset
/// setting reads as NULL, and NULL matches no row. (After a transaction
/// that set it ends, a setting reads as '' for the rest of the session:
/// NULLIF turns that into NULL too.)
const FUNCTIONS: &str = "
CREATE FUNCTION trellis_tenant() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('trellis.tenant_id', true), '')::uuid $$;
CREATE FUNCTION trellis_user() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('trellis.user_id', true), '')::uuid $$;
CREATE FUNCTION trellis_invitation() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('trellis.invitation', true), '') $$;
";

fn enable(table: &str) -> String {
    format!(
        "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
         ALTER TABLE {table} FORCE ROW LEVEL SECURITY;"
    )
}

fn tenant_policy(table: &str, also_readable: &str) -> String {
    let read = if also_readable.is_empty() {
        "tenant_id = (SELECT trellis_tenant())".to_owned()
    } else {
        format!("tenant_id = (SELECT trellis_tenant()) OR {also_readable}")
    };
    format!(
        "CREATE POLICY tenant_isolation ON {table}
           USING ({read})
           WITH CHECK (tenant_id = (SELECT trellis_tenant()));"
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let mut sql = String::from(FUNCTIONS);
        for table in TENANT_TABLES {
            sql.push_str(&enable(table));
            // An invitation is found by its token before its tenant is known.
            let also = if table == "invitations" {
                "token_hash = (SELECT trellis_invitation())"
            } else {
                ""
            };
            sql.push_str(&tenant_policy(table, also));
        }
        // `me { memberships }`: the caller's own memberships in every tenant,
        // and the roles they hold there; `acceptInvitation`: the role an
        // invitation found by its token offers.
        sql.push_str(&enable("memberships"));
        sql.push_str(&tenant_policy(
            "memberships",
            "user_id = (SELECT trellis_user())",
        ));
        sql.push_str(&enable("roles"));
        sql.push_str(&tenant_policy(
            "roles",
            "EXISTS (SELECT 1 FROM memberships m
                      WHERE m.tenant_id = roles.tenant_id AND m.role_id = roles.id
                        AND m.user_id = (SELECT trellis_user()))
             OR EXISTS (SELECT 1 FROM invitations i
                      WHERE i.tenant_id = roles.tenant_id AND i.role_id = roles.id
                        AND i.token_hash = (SELECT trellis_invitation()))",
        ));
        db.execute_unprepared(&sql).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let mut sql = String::new();
        for table in TENANT_TABLES.iter().chain(&["memberships", "roles"]) {
            sql.push_str(&format!(
                "DROP POLICY IF EXISTS tenant_isolation ON {table};
                 ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
                 ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;"
            ));
        }
        sql.push_str(
            "DROP FUNCTION IF EXISTS trellis_tenant();
             DROP FUNCTION IF EXISTS trellis_user();
             DROP FUNCTION IF EXISTS trellis_invitation();",
        );
        db.execute_unprepared(&sql).await?;
        Ok(())
    }
}
