use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "datasources")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// `name` lowercased, which uniqueness uses.
    pub name_key: String,
    pub kind: String,
    pub config_id: Uuid,
    pub description: Option<String>,
    /// The uploaded CSV's summary: all set, or all `None`. The content is
    /// in `datasource_file`.
    pub file_name: Option<String>,
    pub file_size: Option<i64>,
    pub file_rows: Option<i64>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub file_columns: Option<Json>,
    pub file_uploaded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set when the row is deleted; reads skip such rows.
    pub deleted_at: Option<DateTimeUtc>,
    /// The audit entry of the delete that took the row (with its parent's).
    pub deletion_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Joined on `(tenant_id, config_id)`, like the composite foreign key.
    #[sea_orm(
        belongs_to = "super::datasource_config::Entity",
        from = "(Column::TenantId, Column::ConfigId)",
        to = "(super::datasource_config::Column::TenantId, super::datasource_config::Column::Id)"
    )]
    Config,
}

impl Related<super::datasource_config::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Config.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::write::TenantTable for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const DELETED_AT: Option<Column> = Some(Column::DeletedAt);
    const NAME: &'static str = "datasource";
}

impl crate::soft_delete::SoftDeleted for Entity {
    const DELETION_ID: Column = Column::DeletionId;
}
