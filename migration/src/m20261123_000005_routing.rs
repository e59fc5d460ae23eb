//! Routing: datasource configs, datasources with their uploaded files,
//! intents, their validation rules, and the record of routing decisions.
//!
//! Children point at parents with composite `(tenant_id, parent_id)` keys;
//! the tenant itself is checked on the top-level tables only, a child's
//! tenant being its parent's.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_identity::Tenants;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum DatasourceConfigs {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    Protocol,
    BaseUrl,
    AuthType,
    CredentialsKeyId,
    CredentialsCiphertext,
    Connection,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Datasources {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    Kind,
    ConfigId,
    Description,
    FileName,
    FileSize,
    FileRows,
    FileColumns,
    FileUploadedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum DatasourceFiles {
    Table,
    TenantId,
    DatasourceId,
    Content,
}

#[derive(DeriveIden, Clone, Copy)]
enum Intents {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    Description,
    Priority,
    IsActive,
    Matchers,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ValidationRules {
    Table,
    TenantId,
    Id,
    IntentId,
    DatasourceId,
    FieldName,
    RuleType,
    Conditions,
    Priority,
    IsActive,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoutingRuns {
    Table,
    TenantId,
    Id,
    Mode,
    IntentId,
    IntentName,
    MatchedBy,
    Outcome,
    Results,
    EmailFrom,
    EmailSubject,
    EmailMessageId,
    DurationMs,
    ActorId,
    RequestId,
    CreatedAt,
}

/// An index on `cols` of `table`; every column is of the table's own enum.
fn index<T: IntoIden + Copy + 'static>(
    name: &str,
    table: T,
    cols: impl IntoIterator<Item = T>,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(col);
    }
    index.to_owned()
}

/// `(tenant_id, column)` of a child pointing at `(tenant_id, id)` of its
/// parent, so that a row can never point into another tenant.
fn parent_key<C: IntoIden + Copy + 'static, P: IntoIden + Copy + 'static>(
    name: &str,
    child: (C, C, C),
    parent: (P, P, P),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(child.0, (child.1, child.2))
        .to(parent.0, (parent.1, parent.2))
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

fn datasource_configs() -> TableCreateStatement {
    use DatasourceConfigs as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(text(T::Name))
        // The name lowercased: names are unique, and found, ignoring case.
        .col(text(T::NameKey))
        .col(text(T::Protocol))
        .col(text(T::BaseUrl))
        .col(text(T::AuthType))
        // Both NULL when the config has no credentials.
        .col(text_null(T::CredentialsKeyId))
        .col(text_null(T::CredentialsCiphertext))
        .col(json_binary(T::Connection))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .index(
            Index::create()
                .name("uq_datasource_configs_tenant_name")
                .unique()
                .col(T::TenantId)
                .col(T::NameKey),
        )
        .foreign_key(&mut tenant_key(
            "fk_datasource_configs_tenant",
            T::Table,
            T::TenantId,
        ))
        .to_owned()
}

fn datasources() -> TableCreateStatement {
    use Datasources as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(text(T::Name))
        .col(text(T::NameKey))
        .col(text(T::Kind))
        .col(uuid(T::ConfigId))
        .col(text_null(T::Description))
        // What is known of the uploaded CSV, all NULL without one; the
        // content is in datasource_files, so that listing never reads it.
        .col(text_null(T::FileName))
        .col(big_integer_null(T::FileSize))
        .col(big_integer_null(T::FileRows))
        .col(json_binary_null(T::FileColumns))
        .col(timestamp_with_time_zone_null(T::FileUploadedAt))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .index(
            Index::create()
                .name("uq_datasources_tenant_name")
                .unique()
                .col(T::TenantId)
                .col(T::NameKey),
        )
        // A config in use cannot be deleted from under its datasources.
        .foreign_key(&mut parent_key(
            "fk_datasources_config",
            (T::Table, T::TenantId, T::ConfigId),
            (
                DatasourceConfigs::Table,
                DatasourceConfigs::TenantId,
                DatasourceConfigs::Id,
            ),
            ForeignKeyAction::Restrict,
        ))
        .to_owned()
}

fn datasource_files() -> TableCreateStatement {
    use DatasourceFiles as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::DatasourceId))
        .col(blob(T::Content))
        .primary_key(Index::create().col(T::TenantId).col(T::DatasourceId))
        .foreign_key(&mut parent_key(
            "fk_datasource_files_datasource",
            (T::Table, T::TenantId, T::DatasourceId),
            (Datasources::Table, Datasources::TenantId, Datasources::Id),
            ForeignKeyAction::Cascade,
        ))
        .to_owned()
}

fn intents() -> TableCreateStatement {
    use Intents as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(text(T::Name))
        .col(text(T::NameKey))
        .col(text_null(T::Description))
        .col(integer(T::Priority))
        .col(boolean(T::IsActive))
        // A JSON array of matcher specs.
        .col(json_binary(T::Matchers))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .index(
            Index::create()
                .name("uq_intents_tenant_name")
                .unique()
                .col(T::TenantId)
                .col(T::NameKey),
        )
        .foreign_key(&mut tenant_key("fk_intents_tenant", T::Table, T::TenantId))
        .to_owned()
}

fn validation_rules() -> TableCreateStatement {
    use ValidationRules as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(uuid(T::IntentId))
        .col(uuid(T::DatasourceId))
        // An email field name as written, e.g. `from` or `headers.X-Id`.
        .col(text(T::FieldName))
        .col(text(T::RuleType))
        .col(json_binary(T::Conditions))
        .col(integer(T::Priority))
        .col(boolean(T::IsActive))
        .col(timestamp_with_time_zone(T::CreatedAt))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        // The store deletes rules itself, to report their ids; the
        // cascades keep the schema consistent regardless.
        .foreign_key(&mut parent_key(
            "fk_validation_rules_intent",
            (T::Table, T::TenantId, T::IntentId),
            (Intents::Table, Intents::TenantId, Intents::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut parent_key(
            "fk_validation_rules_datasource",
            (T::Table, T::TenantId, T::DatasourceId),
            (Datasources::Table, Datasources::TenantId, Datasources::Id),
            ForeignKeyAction::Cascade,
        ))
        .to_owned()
}

fn routing_runs() -> TableCreateStatement {
    use RoutingRuns as T;
    Table::create()
        .table(T::Table)
        .col(uuid(T::TenantId))
        .col(uuid(T::Id))
        .col(text(T::Mode))
        // No foreign key: a run stays readable after its intent is
        // deleted, which is why the name is kept too.
        .col(uuid_null(T::IntentId))
        .col(text_null(T::IntentName))
        .col(json_binary_null(T::MatchedBy))
        .col(text(T::Outcome))
        .col(json_binary(T::Results))
        .col(text(T::EmailFrom))
        .col(text(T::EmailSubject))
        .col(text_null(T::EmailMessageId))
        .col(double(T::DurationMs))
        // A record like the audit log, but one per routed email: no key
        // to users keeps the insert to the tenant's lookup.
        .col(uuid_null(T::ActorId))
        .col(text_null(T::RequestId))
        .col(timestamp_with_time_zone(T::CreatedAt))
        // (tenant_id, id) also serves the unfiltered newest-first list.
        .primary_key(Index::create().col(T::TenantId).col(T::Id))
        .foreign_key(&mut tenant_key(
            "fk_routing_runs_tenant",
            T::Table,
            T::TenantId,
        ))
        .to_owned()
}

fn indexes() -> Vec<IndexCreateStatement> {
    use DatasourceConfigs as C;
    use Datasources as D;
    use RoutingRuns as R;
    use ValidationRules as V;
    vec![
        // Not led by tenant_id, on purpose: key rotation looks for configs
        // under an old key across all tenants.
        index(
            "idx_datasource_configs_credentials_key",
            C::Table,
            [C::CredentialsKeyId],
        ),
        // Counting a config's datasources, and the foreign key's own check.
        index(
            "idx_datasources_tenant_config",
            D::Table,
            [D::TenantId, D::ConfigId],
        ),
        // Routing reads a tenant's active intents by priority for every email.
        index(
            "idx_intents_tenant_active_priority",
            Intents::Table,
            [Intents::TenantId, Intents::IsActive, Intents::Priority],
        ),
        // An intent's rules in the order they run.
        index(
            "idx_validation_rules_tenant_intent_priority",
            V::Table,
            [V::TenantId, V::IntentId, V::Priority],
        ),
        // A datasource's rules, found when it is deleted.
        index(
            "idx_validation_rules_tenant_datasource",
            V::Table,
            [V::TenantId, V::DatasourceId],
        ),
        // One index per filter of the runs, each ending in id so that a
        // filtered page is still a range scan.
        index(
            "idx_routing_runs_tenant_intent",
            R::Table,
            [R::TenantId, R::IntentId, R::Id],
        ),
        index(
            "idx_routing_runs_tenant_outcome",
            R::Table,
            [R::TenantId, R::Outcome, R::Id],
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Parents before children.
        let tables = [
            datasource_configs(),
            datasources(),
            datasource_files(),
            intents(),
            validation_rules(),
            routing_runs(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Children before parents, so that no foreign key is left dangling.
        let tables = [
            RoutingRuns::Table.into_iden(),
            ValidationRules::Table.into_iden(),
            Intents::Table.into_iden(),
            DatasourceFiles::Table.into_iden(),
            Datasources::Table.into_iden(),
            DatasourceConfigs::Table.into_iden(),
        ];
        for table in tables {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
