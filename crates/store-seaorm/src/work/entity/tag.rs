use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_tags")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// `name` lowercased, which uniqueness and the order by name use.
    pub name_key: String,
    pub color: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set when the row is deleted; reads skip such rows.
    pub deleted_at: Option<DateTimeUtc>,
    /// The audit entry of the delete that took the row.
    pub deletion_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::write::TenantTable for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const DELETED_AT: Option<Column> = Some(Column::DeletedAt);
    const NAME: &'static str = "tag";
}

impl crate::soft_delete::SoftDeleted for Entity {
    const DELETION_ID: Column = Column::DeletionId;
}
