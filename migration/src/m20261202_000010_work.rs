//! Work: teams and their members, tags, items with their assignees and
//! tags, and each item's history of field-level changes.
//!
//! As everywhere, `tenant_id` leads every key and index and a child points
//! at its parent with a composite `(tenant_id, parent_id)` key. Teams, tags
//! and items are soft-deleted (`deleted_at`, `deletion_id`, as in
//! `soft_delete`): their names are unique among live rows only, and the
//! indexes of the item lists cover live rows only, which is all a list
//! reads. On PostgreSQL every table gets the row-level security of
//! `row_level_security`.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_identity::{Tenants, Users};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Memberships {
    Table,
    TenantId,
    UserId,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkTeams {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    Description,
    CreatedAt,
    UpdatedAt,
    DeletedAt,
    DeletionId,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkTeamMembers {
    Table,
    TenantId,
    TeamId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkTags {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    Color,
    CreatedAt,
    UpdatedAt,
    DeletedAt,
    DeletionId,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkItems {
    Table,
    TenantId,
    Id,
    Title,
    TitleKey,
    Description,
    Status,
    Priority,
    DueDate,
    EstimatedHours,
    ActualHours,
    TeamId,
    ParentId,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    CompletedAt,
    DeletedAt,
    DeletionId,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkItemAssignees {
    Table,
    TenantId,
    ItemId,
    UserId,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkItemTags {
    Table,
    TenantId,
    ItemId,
    TagId,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkActivity {
    Table,
    TenantId,
    Id,
    ItemId,
    ActorId,
    Action,
    At,
}

#[derive(DeriveIden, Clone, Copy)]
enum WorkActivityChanges {
    Table,
    TenantId,
    ActivityId,
    Position,
    Field,
    FromValue,
    ToValue,
    Added,
    Removed,
}

/// Every table of the product, parents first.
const TABLES: [&str; 8] = [
    "work_teams",
    "work_team_members",
    "work_tags",
    "work_items",
    "work_item_assignees",
    "work_item_tags",
    "work_activity",
    "work_activity_changes",
];

/// `columns` of a child pointing at `(tenant_id, id)`-like `parent`
/// columns, so that a row can never point into another tenant.
fn key<C: IntoIden + Copy + 'static, P: IntoIden + Copy + 'static>(
    name: &str,
    child: (C, [C; 2]),
    parent: (P, [P; 2]),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(child.0, (child.1[0], child.1[1]))
        .to(parent.0, (parent.1[0], parent.1[1]))
        .on_delete(on_delete)
        .to_owned()
}

fn tenant_key<T: IntoIden + Copy + 'static>(
    name: &str,
    table: T,
    column: T,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Tenants::Table, Tenants::Id)
        .to_owned()
}

/// Users are no tenant's: a plain key to the platform table.
fn user_key<T: IntoIden + Copy + 'static>(
    name: &str,
    table: T,
    column: T,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .to_owned()
}

fn teams() -> TableCreateStatement {
    use WorkTeams as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(text(T::Name))
        // The name lowercased: names are unique, ignoring case.
        .col(text(T::NameKey))
        .col(text_null(T::Description))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .col(timestamp_with_time_zone_null(T::DeletedAt))
        .col(uuid_null(T::DeletionId))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .foreign_key(&mut tenant_key(
            "fk_work_teams_tenant",
            T::Table,
            T::TenantId,
        ))
        .to_owned()
}

fn team_members() -> TableCreateStatement {
    use WorkTeamMembers as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::TeamId))
        .col(uuid(T::UserId))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .primary_key(
            Index::create()
                .col(T::TenantId)
                .col(T::TeamId)
                .col(T::UserId),
        )
        .foreign_key(&mut key(
            "fk_work_team_members_team",
            (T::Table, [T::TenantId, T::TeamId]),
            (WorkTeams::Table, [WorkTeams::TenantId, WorkTeams::Id]),
            ForeignKeyAction::Cascade,
        ))
        // Only a member of the tenant can be in one of its teams; removing
        // the member must take them out of the teams first, in its own
        // transaction, or the database refuses.
        .foreign_key(&mut key(
            "fk_work_team_members_member",
            (T::Table, [T::TenantId, T::UserId]),
            (
                Memberships::Table,
                [Memberships::TenantId, Memberships::UserId],
            ),
            ForeignKeyAction::NoAction,
        ))
        .to_owned()
}

fn tags() -> TableCreateStatement {
    use WorkTags as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(text(T::Name))
        .col(text(T::NameKey))
        // `#rrggbb`, lowercase.
        .col(text(T::Color))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .col(timestamp_with_time_zone_null(T::DeletedAt))
        .col(uuid_null(T::DeletionId))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .foreign_key(&mut tenant_key(
            "fk_work_tags_tenant",
            T::Table,
            T::TenantId,
        ))
        .to_owned()
}

fn items() -> TableCreateStatement {
    use WorkItems as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(text(T::Title))
        // The title lowercased as the cursors of the title order hold it;
        // SQL's LOWER folds only ASCII on SQLite, so it is kept, not computed.
        .col(text(T::TitleKey))
        .col(text_null(T::Description))
        .col(text(T::Status))
        // The priority's rank, so that ordering by priority orders a column.
        .col(small_integer(T::Priority))
        .col(date_null(T::DueDate))
        .col(double_null(T::EstimatedHours))
        .col(double_null(T::ActualHours))
        .col(uuid_null(T::TeamId))
        .col(uuid_null(T::ParentId))
        .col(big_integer(T::Version))
        .col(uuid(T::CreatedBy))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .col(timestamp_with_time_zone_null(T::CompletedAt))
        .col(timestamp_with_time_zone_null(T::DeletedAt))
        .col(uuid_null(T::DeletionId))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .foreign_key(&mut tenant_key(
            "fk_work_items_tenant",
            T::Table,
            T::TenantId,
        ))
        // Teams and items are soft-deleted, so these never cascade.
        .foreign_key(&mut key(
            "fk_work_items_team",
            (T::Table, [T::TenantId, T::TeamId]),
            (WorkTeams::Table, [WorkTeams::TenantId, WorkTeams::Id]),
            ForeignKeyAction::NoAction,
        ))
        .foreign_key(&mut key(
            "fk_work_items_parent",
            (T::Table, [T::TenantId, T::ParentId]),
            (T::Table, [T::TenantId, T::Id]),
            ForeignKeyAction::NoAction,
        ))
        .foreign_key(&mut user_key(
            "fk_work_items_created_by",
            T::Table,
            T::CreatedBy,
        ))
        .to_owned()
}

/// An assignee stays on the item after leaving the tenant (the history
/// names them), so the key is to the user, not the membership.
fn item_assignees() -> TableCreateStatement {
    use WorkItemAssignees as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::ItemId))
        .col(uuid(T::UserId))
        .primary_key(
            Index::create()
                .col(T::TenantId)
                .col(T::ItemId)
                .col(T::UserId),
        )
        .foreign_key(&mut key(
            "fk_work_item_assignees_item",
            (T::Table, [T::TenantId, T::ItemId]),
            (WorkItems::Table, [WorkItems::TenantId, WorkItems::Id]),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut user_key(
            "fk_work_item_assignees_user",
            T::Table,
            T::UserId,
        ))
        .to_owned()
}

fn item_tags() -> TableCreateStatement {
    use WorkItemTags as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::ItemId))
        .col(uuid(T::TagId))
        .primary_key(
            Index::create()
                .col(T::TenantId)
                .col(T::ItemId)
                .col(T::TagId),
        )
        .foreign_key(&mut key(
            "fk_work_item_tags_item",
            (T::Table, [T::TenantId, T::ItemId]),
            (WorkItems::Table, [WorkItems::TenantId, WorkItems::Id]),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut key(
            "fk_work_item_tags_tag",
            (T::Table, [T::TenantId, T::TagId]),
            (WorkTags::Table, [WorkTags::TenantId, WorkTags::Id]),
            ForeignKeyAction::Cascade,
        ))
        .to_owned()
}

fn activity() -> TableCreateStatement {
    use WorkActivity as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(uuid(T::ItemId))
        .col(uuid_null(T::ActorId))
        .col(text(T::Action))
        .col(timestamp_with_time_zone(T::At))
        // (tenant_id, id) also serves the unfiltered newest-first list.
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .foreign_key(&mut key(
            "fk_work_activity_item",
            (T::Table, [T::TenantId, T::ItemId]),
            (WorkItems::Table, [WorkItems::TenantId, WorkItems::Id]),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut user_key(
            "fk_work_activity_actor",
            T::Table,
            T::ActorId,
        ))
        .to_owned()
}

/// One row per changed field of an entry. The values are JSON text, so
/// that "changed to this value" is a comparison of text on both backends.
fn activity_changes() -> TableCreateStatement {
    use WorkActivityChanges as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::ActivityId))
        // The change's place in its entry, which keeps the entry's order.
        .col(integer(T::Position))
        .col(text(T::Field))
        .col(text(T::FromValue))
        .col(text(T::ToValue))
        // JSON arrays of ids, for a set's changes; `[]` otherwise.
        .col(text(T::Added))
        .col(text(T::Removed))
        .primary_key(
            Index::create()
                .col(T::TenantId)
                .col(T::ActivityId)
                .col(T::Position),
        )
        .foreign_key(&mut key(
            "fk_work_activity_changes_activity",
            (T::Table, [T::TenantId, T::ActivityId]),
            (
                WorkActivity::Table,
                [WorkActivity::TenantId, WorkActivity::Id],
            ),
            ForeignKeyAction::Cascade,
        ))
        .to_owned()
}

/// An index of `table` on `tenant_id` and then `cols`.
fn all(name: &str, table: &str, cols: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index
        .name(name)
        .table(Alias::new(table))
        .col(Alias::new("tenant_id"));
    for col in cols {
        index.col(Alias::new(*col));
    }
    index.to_owned()
}

fn is_null(column: &str) -> Expr {
    Expr::col(Alias::new(column)).is_null()
}

/// Over the live rows only: all that lists and lookups read.
fn live(name: &str, table: &str, cols: &[&str]) -> IndexCreateStatement {
    all(name, table, cols)
        .and_where(is_null("deleted_at"))
        .to_owned()
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        // A deleted row's name is free again.
        live("uq_work_teams_tenant_name", "work_teams", &["name_key"])
            .unique()
            .to_owned(),
        live("uq_work_tags_tenant_name", "work_tags", &["name_key"])
            .unique()
            .to_owned(),
        // Removing a member from the tenant finds their teams.
        all(
            "ix_work_team_members_user",
            "work_team_members",
            &["user_id"],
        ),
        // The orders of the item list, each ending in id, so that a page
        // is one range scan from its cursor; the order by creation is the
        // primary key's. Undated items come last in either direction,
        // read from their own index after the dated ones.
        live("ix_work_items_updated", "work_items", &["updated_at", "id"]),
        live("ix_work_items_due", "work_items", &["due_date", "id"]),
        live("ix_work_items_undated", "work_items", &["id"])
            .and_where(is_null("due_date"))
            .to_owned(),
        live("ix_work_items_priority", "work_items", &["priority", "id"]),
        live("ix_work_items_title", "work_items", &["title_key", "id"]),
        // An item's subtasks (progress, limits, the subtree); a team's items.
        live("ix_work_items_parent", "work_items", &["parent_id", "id"]),
        live("ix_work_items_team", "work_items", &["team_id", "id"]),
        // Deleted items too: whoever created one is named on its history.
        all(
            "ix_work_items_created_by",
            "work_items",
            &["created_by", "id"],
        ),
        // A restore finds what one delete took by its mark.
        all("ix_work_items_deletion", "work_items", &["deletion_id"])
            .and_where(Expr::col(Alias::new("deletion_id")).is_not_null())
            .to_owned(),
        all(
            "ix_work_item_assignees_user",
            "work_item_assignees",
            &["user_id", "item_id"],
        ),
        all(
            "ix_work_item_tags_tag",
            "work_item_tags",
            &["tag_id", "item_id"],
        ),
        all("ix_work_activity_item", "work_activity", &["item_id", "id"]),
        all(
            "ix_work_activity_actor",
            "work_activity",
            &["actor_id", "id"],
        ),
        all("ix_work_activity_at", "work_activity", &["at"]),
        // Not on the values, which for a description can be longer than an
        // index entry may be: `to` is tested on the rows of one field.
        all(
            "ix_work_activity_changes_field",
            "work_activity_changes",
            &["field", "activity_id"],
        ),
    ]
}

/// Row-level security as `row_level_security` gives every tenant table.
fn row_level_security() -> String {
    let mut sql = String::new();
    for table in TABLES {
        sql.push_str(&format!(
            "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
             ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
             CREATE POLICY tenant_isolation ON {table}
               USING (tenant_id = (SELECT trellis_tenant()))
               WITH CHECK (tenant_id = (SELECT trellis_tenant()));"
        ));
    }
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            teams(),
            team_members(),
            tags(),
            items(),
            item_assignees(),
            item_tags(),
            activity(),
            activity_changes(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(&row_level_security()).await?;
        }
        Ok(())
    }

    /// The tables go with their indexes and policies, children first.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(Alias::new(*table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
