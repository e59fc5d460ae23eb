use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "routing_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub mode: String,
    /// Not a foreign key: the run outlives its intent.
    pub intent_id: Option<Uuid>,
    pub intent_name: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub matched_by: Option<Json>,
    pub outcome: String,
    /// A JSON array of rule results.
    #[sea_orm(column_type = "JsonBinary")]
    pub results: Json,
    pub email_from: String,
    pub email_subject: String,
    pub email_message_id: Option<String>,
    pub duration_ms: f64,
    pub actor_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::write::TenantTable for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const NAME: &'static str = "routing run";
}
