use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "validation_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub intent_id: Uuid,
    pub datasource_id: Uuid,
    /// The email field as written (`from`, `headers.X-Id`, ...).
    pub field_name: String,
    pub rule_type: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub conditions: Json,
    pub priority: i32,
    pub is_active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set when the row is deleted; reads skip such rows.
    pub deleted_at: Option<DateTimeUtc>,
    /// The audit entry of the delete that took the row (with its parent's).
    pub deletion_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Joined on `(tenant_id, datasource_id)`, like the composite foreign key.
    #[sea_orm(
        belongs_to = "super::datasource::Entity",
        from = "(Column::TenantId, Column::DatasourceId)",
        to = "(super::datasource::Column::TenantId, super::datasource::Column::Id)"
    )]
    Datasource,
}

impl Related<super::datasource::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Datasource.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl crate::write::TenantTable for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const DELETED_AT: Option<Column> = Some(Column::DeletedAt);
    const NAME: &'static str = "validation rule";
}

impl crate::soft_delete::SoftDeleted for Entity {
    const DELETION_ID: Column = Column::DeletionId;
}
