use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "work_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title: String,
    /// `title` lowercased, as the title order's cursors hold it.
    pub title_key: String,
    pub description: Option<String>,
    pub status: String,
    /// `Priority::rank`.
    pub priority: i16,
    pub due_date: Option<Date>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub team_id: Option<Uuid>,
    pub parent_id: Option<Uuid>,
    pub version: i64,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
    /// Set when the row is deleted; reads skip such rows.
    pub deleted_at: Option<DateTimeUtc>,
    /// The audit entry of the delete that took the row, the same for an
    /// item and the subtree its delete took along.
    pub deletion_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::write::TenantTable for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const DELETED_AT: Option<Column> = Some(Column::DeletedAt);
    const NAME: &'static str = "item";
}

impl crate::soft_delete::SoftDeleted for Entity {
    const DELETION_ID: Column = Column::DeletionId;
}
