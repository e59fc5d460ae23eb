//! Users and tenants: the two roots every other table hangs from.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Users {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    IsPlatformAdmin,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub(crate) enum Tenants {
    Table,
    Id,
    Name,
    Slug,
    Plan,
    Status,
    SuspendedReason,
    CreatedAt,
    UpdatedAt,
    DeletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_uuid(Users::Id))
                    // Stored lowercase (the domain normalizes), so a plain
                    // unique constraint is a case-insensitive one.
                    .col(text(Users::Email))
                    .col(text(Users::Name))
                    .col(text(Users::PasswordHash))
                    .col(boolean(Users::IsPlatformAdmin).default(false))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .index(
                        Index::create()
                            .name("uq_users_email")
                            .unique()
                            .col(Users::Email),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Tenants::Table)
                    .col(pk_uuid(Tenants::Id))
                    .col(text(Tenants::Name))
                    .col(text(Tenants::Slug))
                    .col(text(Tenants::Plan))
                    .col(text(Tenants::Status))
                    .col(text_null(Tenants::SuspendedReason))
                    .col(timestamp_with_time_zone(Tenants::CreatedAt))
                    .col(timestamp_with_time_zone(Tenants::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Tenants::DeletedAt))
                    // Slugs are never reused, not even those of deleted tenants:
                    // an old link must not lead into someone else's organization.
                    .index(
                        Index::create()
                            .name("uq_tenants_slug")
                            .unique()
                            .col(Tenants::Slug),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Tenants::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await
    }
}
