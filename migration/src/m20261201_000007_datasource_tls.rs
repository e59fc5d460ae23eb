//! The TLS mode of SQL datasource configs (`DISABLE`, `REQUIRE`,
//! `VERIFY_FULL`), read only for POSTGRESQL and MYSQL configs.
//!
//! Configs made before it get `REQUIRE` through the column default: they
//! used TLS whenever the server offered it and never checked the
//! certificate, so `REQUIRE` keeps their encryption and their servers; a
//! server without TLS now fails with a message naming the mode instead of
//! silently sending the password in clear text. New configs are written
//! with their mode, `VERIFY_FULL` unless the tenant says otherwise.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DatasourceConfigs {
    Table,
    TlsMode,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DatasourceConfigs::Table)
                    .add_column(
                        ColumnDef::new(DatasourceConfigs::TlsMode)
                            .string_len(16)
                            .null()
                            .default("REQUIRE"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DatasourceConfigs::Table)
                    .drop_column(DatasourceConfigs::TlsMode)
                    .to_owned(),
            )
            .await
    }
}
