//! Work search under row-level security: PostgreSQL uses an index for a
//! condition of a table with policies only when the condition's function
//! is LEAKPROOF, and `tsvector @@ tsquery` (`ts_match_vq`) is not marked
//! so. Without it every search reads all of the tenant's documents
//! (450 ms at a million items) instead of the GIN index (under 1 ms).
//!
//! `ts_match_vq` is leakproof in fact: given two well-formed values it
//! returns a boolean and raises nothing about them. Marking it needs a
//! superuser, so this migration does it when it runs as one and otherwise
//! only says how (`ALTER FUNCTION ts_match_vq(tsvector, tsquery)
//! LEAKPROOF`, as a superuser); search stays correct either way. The mark
//! is not kept by `pg_dump`: a restored database needs it again
//! (`trellis migrate` will not re-run this migration, the statement
//! must be run by hand). SQLite has no policies; nothing is done there.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &str = r"
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
  ELSE
    RAISE WARNING 'Work search reads every document of a tenant until a superuser runs: ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF';
  END IF;
END $$;
";

const DOWN: &str = r"
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) NOT LEAKPROOF;
  END IF;
END $$;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(UP).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(DOWN).await?;
        }
        Ok(())
    }
}
