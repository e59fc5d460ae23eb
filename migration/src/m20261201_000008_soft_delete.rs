//! Soft delete of tenant aggregates (DESIGN.md, data conventions): intents,
//! validation rules, datasources, datasource configs and roles get
//! `deleted_at` and `deletion_id`.
//!
//! `deletion_id` is the id of the audit entry of the delete that took the
//! row. A delete that cascades marks the children with its own id, so a
//! restore brings back what that delete took and not what was deleted
//! separately before.
//!
//! Names stay unique among live rows only: each `(tenant_id, name_key)`
//! unique constraint becomes a partial unique index `WHERE deleted_at IS
//! NULL` of the same name, so a deleted name can be taken again.
//! PostgreSQL drops the constraint in place, which keeps the tables, their
//! grants and their row-level security policies. SQLite cannot drop a
//! table's UNIQUE constraint: those tables are rebuilt from their own
//! stored definition minus the constraint (SQLite's documented procedure,
//! with foreign keys off on one connection so that dropping the old table
//! cascades to nothing).

use sea_orm_migration::sea_orm::sqlx::{self, Connection};
use sea_orm_migration::sea_orm::{DatabaseConnection, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Column {
    TenantId,
    NameKey,
    DeletedAt,
    DeletionId,
}

/// A soft-deleted table and the unique constraint on its name, if any.
struct SoftTable {
    table: &'static str,
    unique: Option<&'static str>,
}

/// Parents after children: the order `down` purges deleted rows in.
const TABLES: [SoftTable; 5] = [
    SoftTable {
        table: "validation_rules",
        unique: None,
    },
    SoftTable {
        table: "datasources",
        unique: Some("uq_datasources_tenant_name"),
    },
    SoftTable {
        table: "datasource_configs",
        unique: Some("uq_datasource_configs_tenant_name"),
    },
    SoftTable {
        table: "intents",
        unique: Some("uq_intents_tenant_name"),
    },
    SoftTable {
        table: "roles",
        unique: Some("uq_roles_tenant_name"),
    },
];

/// A restore finds what one delete cascaded by its mark.
const RULES_BY_DELETION: &str = "ix_validation_rules_tenant_deletion";

fn add_columns(table: &str) -> [TableAlterStatement; 2] {
    [
        Table::alter()
            .table(Alias::new(table))
            .add_column(timestamp_with_time_zone_null(Column::DeletedAt))
            .to_owned(),
        Table::alter()
            .table(Alias::new(table))
            .add_column(uuid_null(Column::DeletionId))
            .to_owned(),
    ]
}

fn live_names(table: &str, name: &str) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(Alias::new(table))
        .col(Column::TenantId)
        .col(Column::NameKey)
        .unique()
        .and_where(Expr::col(Column::DeletedAt).is_null())
        .to_owned()
}

fn rules_by_deletion() -> IndexCreateStatement {
    Index::create()
        .name(RULES_BY_DELETION)
        .table(Alias::new("validation_rules"))
        .col(Column::TenantId)
        .col(Column::DeletionId)
        .to_owned()
}

fn purge_deleted(table: &str) -> DeleteStatement {
    Query::delete()
        .from_table(Alias::new(table))
        .and_where(Expr::col(Column::DeletedAt).is_not_null())
        .to_owned()
}

fn sql_err(err: sqlx::Error) -> DbErr {
    DbErr::Custom(format!("soft delete migration: {err}"))
}

/// Runs `sql`, which is built from this file's constants and the schema's
/// own stored definitions, never from input.
async fn run(conn: &mut sqlx::SqliteConnection, sql: String) -> Result<(), DbErr> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .execute(conn)
        .await
        .map(|_| ())
        .map_err(sql_err)
}

/// `create` without its `CONSTRAINT "name" UNIQUE (…)` clause, creating
/// `renamed` instead of the table.
fn without_constraint(create: &str, table: &str, name: &str, renamed: &str) -> Option<String> {
    let start = create.find(&format!("CONSTRAINT \"{name}\" UNIQUE"))?;
    let end = start + create[start..].find(')')? + 1;
    // The comma that separated the clause from the one before it.
    let before = create[..start].trim_end().strip_suffix(',')?;
    let rest = format!("{before}{}", &create[end..]);
    let head = format!("CREATE TABLE \"{table}\"");
    rest.starts_with(&head)
        .then(|| format!("CREATE TABLE \"{renamed}\"{}", &rest[head.len()..]))
}

/// The SQLite steps, run on one connection in one transaction.
async fn sqlite_up(conn: &mut sqlx::SqliteConnection) -> Result<(), DbErr> {
    let mut txn = conn.begin().await.map_err(sql_err)?;
    for SoftTable { table, unique } in &TABLES {
        if let Some(unique) = unique {
            let create: String = sqlx::query_scalar(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
            )
            .bind(*table)
            .fetch_one(&mut *txn)
            .await
            .map_err(sql_err)?;
            let indexes: Vec<String> = sqlx::query_scalar(
                "SELECT sql FROM sqlite_master \
                 WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            )
            .bind(*table)
            .fetch_all(&mut *txn)
            .await
            .map_err(sql_err)?;
            let rebuilt = format!("{table}_rebuilt");
            let sql = match without_constraint(&create, table, unique, &rebuilt) {
                Some(create) => {
                    let mut sql = format!(
                        "{create};
                         INSERT INTO \"{rebuilt}\" SELECT * FROM \"{table}\";
                         DROP TABLE \"{table}\";
                         ALTER TABLE \"{rebuilt}\" RENAME TO \"{table}\";"
                    );
                    for index in indexes {
                        sql.push_str(&index);
                        sql.push(';');
                    }
                    sql
                }
                // Reverted earlier, `down` left a plain unique index.
                None if !create.contains(&format!("\"{unique}\"")) => {
                    format!("DROP INDEX IF EXISTS \"{unique}\";")
                }
                None => {
                    return Err(DbErr::Migration(format!(
                        "{table}: constraint {unique} is not in the expected form"
                    )));
                }
            };
            run(&mut txn, sql).await?;
        }
        let mut sql = String::new();
        for alter in add_columns(table) {
            sql.push_str(&alter.to_string(SqliteQueryBuilder));
            sql.push(';');
        }
        if let Some(unique) = unique {
            sql.push_str(&live_names(table, unique).to_string(SqliteQueryBuilder));
            sql.push(';');
        }
        run(&mut txn, sql).await?;
    }
    run(&mut txn, rules_by_deletion().to_string(SqliteQueryBuilder)).await?;
    // The rebuilt tables must still satisfy every foreign key.
    let broken: Vec<String> = sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(&mut *txn)
        .await
        .map_err(sql_err)?;
    if !broken.is_empty() {
        return Err(DbErr::Migration(format!(
            "foreign keys broken in {}",
            broken.join(", ")
        )));
    }
    txn.commit().await.map_err(sql_err)
}

async fn up_sqlite(db: &DatabaseConnection) -> Result<(), DbErr> {
    let mut conn = db
        .get_sqlite_connection_pool()
        .acquire()
        .await
        .map_err(sql_err)?;
    // Only outside a transaction does this take effect.
    sqlx::raw_sql("PRAGMA foreign_keys = OFF")
        .execute(&mut *conn)
        .await
        .map_err(sql_err)?;
    let result = sqlite_up(&mut conn).await;
    let restored = sqlx::raw_sql("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await
        .map_err(sql_err);
    result.and(restored.map(|_| ()))
}

async fn up_postgres(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for SoftTable { table, unique } in &TABLES {
        for alter in add_columns(table) {
            manager.alter_table(alter).await?;
        }
        if let Some(unique) = unique {
            db.execute_unprepared(&format!(
                "ALTER TABLE \"{table}\" DROP CONSTRAINT \"{unique}\""
            ))
            .await?;
            manager.create_index(live_names(table, unique)).await?;
        }
    }
    manager.create_index(rules_by_deletion()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_connection() {
            SchemaManagerConnection::Connection(db)
                if db.get_database_backend() == DbBackend::Sqlite =>
            {
                up_sqlite(db).await
            }
            db if db.get_database_backend() == DbBackend::Postgres => up_postgres(manager).await,
            _ => Err(DbErr::Migration(
                "soft delete runs on PostgreSQL, or on SQLite outside a transaction".into(),
            )),
        }
    }

    /// Deleted rows go (they could not be restored anyway), then the names
    /// are unique over every row again.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        manager
            .drop_index(
                Index::drop()
                    .name(RULES_BY_DELETION)
                    .table(Alias::new("validation_rules"))
                    .to_owned(),
            )
            .await?;
        for SoftTable { table, unique } in &TABLES {
            db.execute(&purge_deleted(table)).await?;
            if let Some(unique) = unique {
                manager
                    .drop_index(
                        Index::drop()
                            .name(*unique)
                            .table(Alias::new(*table))
                            .to_owned(),
                    )
                    .await?;
                if postgres {
                    db.execute_unprepared(&format!(
                        "ALTER TABLE \"{table}\" ADD CONSTRAINT \"{unique}\" \
                         UNIQUE (tenant_id, name_key)"
                    ))
                    .await?;
                } else {
                    manager
                        .create_index(
                            Index::create()
                                .name(*unique)
                                .table(Alias::new(*table))
                                .col(Column::TenantId)
                                .col(Column::NameKey)
                                .unique()
                                .to_owned(),
                        )
                        .await?;
                }
            }
            for column in [Column::DeletedAt, Column::DeletionId] {
                manager
                    .alter_table(
                        Table::alter()
                            .table(Alias::new(*table))
                            .drop_column(column)
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }
}
