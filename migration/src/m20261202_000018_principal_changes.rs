//! Announces every change that can alter who a request's credential
//! resolves to, so that each server may keep what it read for a token
//! and still see such a change at once: a change to a row of sessions,
//! users, memberships, roles or tenants, or a deletion from them, notifies
//! the channel `trellis_principals` as its transaction commits. A server
//! listening there forgets every caller it kept. Additions need no notice:
//! only callers that were found are kept.
//!
//! PostgreSQL only; on SQLite nothing is kept.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 5] = ["sessions", "users", "memberships", "roles", "tenants"];

fn up_sql() -> String {
    // A notice is sent once however many rows or statements of a
    // transaction raise it: PostgreSQL folds equal notices of one
    // transaction. An update that changes nothing (the lock a membership
    // change takes on its tenant's row) raises none.
    let mut sql = String::from(
        "CREATE FUNCTION trellis_principals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM pg_notify('trellis_principals', '');
           RETURN NULL;
         END $$;",
    );
    for table in TABLES {
        sql.push_str(&format!(
            "CREATE TRIGGER {table}_principals_updated AFTER UPDATE ON {table}
               FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
               EXECUTE FUNCTION trellis_principals_changed();
             CREATE TRIGGER {table}_principals_deleted AFTER DELETE OR TRUNCATE ON {table}
               FOR EACH STATEMENT EXECUTE FUNCTION trellis_principals_changed();"
        ));
    }
    sql
}

fn down_sql() -> String {
    let mut sql = String::new();
    for table in TABLES {
        sql.push_str(&format!(
            "DROP TRIGGER {table}_principals_updated ON {table};
             DROP TRIGGER {table}_principals_deleted ON {table};"
        ));
    }
    sql.push_str("DROP FUNCTION trellis_principals_changed();");
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(&up_sql()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(&down_sql()).await?;
        }
        Ok(())
    }
}
