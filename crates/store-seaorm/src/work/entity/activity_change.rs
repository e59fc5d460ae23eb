use sea_orm::entity::prelude::*;

/// One field's change in an entry. The values are JSON text: `from_value`
/// and `to_value` the field's before and after (`null` when unset or for
/// a set), `added` and `removed` arrays of ids (empty for a plain field).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_activity_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    pub field: String,
    pub from_value: String,
    pub to_value: String,
    pub added: String,
    pub removed: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::write::TenantTable for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::ActivityId;
    const NAME: &'static str = "activity change";
}
