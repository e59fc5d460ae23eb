//! Schema migrations of Trellis. One migrator, written with the schema builder,
//! runs unchanged on SQLite and PostgreSQL.
//!
//! Tenancy rule 1 (DESIGN.md) shapes every tenant-scoped table: `tenant_id`
//! is NOT NULL, leads each primary key, unique constraint and index, and a
//! child points at its parent with a composite `(tenant_id, parent_id)`
//! foreign key, so the database itself refuses a row that points into
//! another tenant.

pub use sea_orm_migration::prelude::*;

mod m20260101_000001_identity;
mod m20260101_000002_access;
mod m20260101_000003_sessions;
mod m20260101_000004_audit;
mod m20261123_000005_routing;
mod m20261201_000006_row_level_security;
mod m20261201_000007_datasource_tls;
mod m20261201_000008_soft_delete;
mod m20261201_000009_lean_policies;
mod m20261202_000010_work;
mod m20261202_000011_work_comments_search;
mod m20261202_000012_work_attachments;
mod m20261202_000013_work_search_leakproof;
mod m20261202_000014_work_children_index;
mod m20261202_000015_work_tallies;
mod m20261202_000016_work_search_statistics;
mod m20261202_000017_work_item_tag_ids;
mod m20261202_000018_principal_changes;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20260101_000001_identity::Migration),
            Box::new(m20260101_000002_access::Migration),
            Box::new(m20260101_000003_sessions::Migration),
            Box::new(m20260101_000004_audit::Migration),
            Box::new(m20261123_000005_routing::Migration),
            Box::new(m20261201_000006_row_level_security::Migration),
            Box::new(m20261201_000007_datasource_tls::Migration),
            Box::new(m20261201_000008_soft_delete::Migration),
            Box::new(m20261201_000009_lean_policies::Migration),
            Box::new(m20261202_000010_work::Migration),
            Box::new(m20261202_000011_work_comments_search::Migration),
            Box::new(m20261202_000012_work_attachments::Migration),
            Box::new(m20261202_000013_work_search_leakproof::Migration),
            Box::new(m20261202_000014_work_children_index::Migration),
            Box::new(m20261202_000015_work_tallies::Migration),
            Box::new(m20261202_000016_work_search_statistics::Migration),
            Box::new(m20261202_000017_work_item_tag_ids::Migration),
            Box::new(m20261202_000018_principal_changes::Migration),
        ]
    }
}
