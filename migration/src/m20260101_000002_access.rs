//! Roles, memberships and invitations: who may do what in which tenant.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_identity::{Tenants, Users};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Roles {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    Builtin,
    Permissions,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    TenantId,
    Id,
    UserId,
    RoleId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    TenantId,
    Id,
    Email,
    RoleId,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Roles::Table)
                    .col(uuid(Roles::TenantId))
                    .col(uuid(Roles::Id))
                    .col(text(Roles::Name))
                    // The name lowercased: names are unique, and found, ignoring case.
                    .col(text(Roles::NameKey))
                    // "OWNER", "ADMIN", ... for built-ins, whose permissions
                    // come from the code; NULL for custom roles.
                    .col(text_null(Roles::Builtin))
                    // Space-separated permission names of a custom role.
                    .col(text(Roles::Permissions).default(""))
                    .col(timestamp_with_time_zone(Roles::CreatedAt))
                    .primary_key(Index::create().col(Roles::TenantId).col(Roles::Id))
                    .index(
                        Index::create()
                            .name("uq_roles_tenant_name")
                            .unique()
                            .col(Roles::TenantId)
                            .col(Roles::NameKey),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_roles_tenant")
                            .from(Roles::Table, Roles::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(uuid(Memberships::TenantId))
                    .col(uuid(Memberships::Id))
                    .col(uuid(Memberships::UserId))
                    .col(uuid(Memberships::RoleId))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(Memberships::TenantId)
                            .col(Memberships::Id),
                    )
                    .index(
                        Index::create()
                            .name("uq_memberships_tenant_user")
                            .unique()
                            .col(Memberships::TenantId)
                            .col(Memberships::UserId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memberships_tenant")
                            .from(Memberships::Table, Memberships::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memberships_role")
                            .from(
                                Memberships::Table,
                                (Memberships::TenantId, Memberships::RoleId),
                            )
                            .to(Roles::Table, (Roles::TenantId, Roles::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memberships_user")
                            .from(Memberships::Table, Memberships::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // Counting a tenant's OWNERs walks memberships by role.
        manager
            .create_index(
                Index::create()
                    .name("idx_memberships_tenant_role")
                    .table(Memberships::Table)
                    .col(Memberships::TenantId)
                    .col(Memberships::RoleId)
                    .to_owned(),
            )
            .await?;
        // The one index not led by tenant_id, on purpose: "my tenants" is a
        // lookup across tenants by user, and users are not tenant-scoped.
        manager
            .create_index(
                Index::create()
                    .name("idx_memberships_user")
                    .table(Memberships::Table)
                    .col(Memberships::UserId)
                    .col(Memberships::TenantId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(uuid(Invitations::TenantId))
                    .col(uuid(Invitations::Id))
                    .col(text(Invitations::Email))
                    .col(uuid(Invitations::RoleId))
                    .col(text(Invitations::TokenHash))
                    .col(uuid(Invitations::InvitedBy))
                    .col(timestamp_with_time_zone(Invitations::CreatedAt))
                    .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitations::AcceptedAt))
                    .primary_key(
                        Index::create()
                            .col(Invitations::TenantId)
                            .col(Invitations::Id),
                    )
                    // Not led by tenant_id, on purpose: the token is the
                    // credential and is looked up before the tenant is known.
                    // It carries 256 random bits, so it is globally unique anyway.
                    .index(
                        Index::create()
                            .name("uq_invitations_token_hash")
                            .unique()
                            .col(Invitations::TokenHash),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_tenant")
                            .from(Invitations::Table, Invitations::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_role")
                            .from(
                                Invitations::Table,
                                (Invitations::TenantId, Invitations::RoleId),
                            )
                            .to(Roles::Table, (Roles::TenantId, Roles::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_invited_by")
                            .from(Invitations::Table, Invitations::InvitedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_invitations_tenant_email")
                    .table(Invitations::Table)
                    .col(Invitations::TenantId)
                    .col(Invitations::Email)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Children before parents, so that no foreign key is left dangling.
        for table in [
            Invitations::Table.into_iden(),
            Memberships::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .drop_table(Table::drop().table(Roles::Table).to_owned())
            .await
    }
}
