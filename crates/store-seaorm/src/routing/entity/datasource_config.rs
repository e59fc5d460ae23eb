use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "datasource_configs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// `name` lowercased, which uniqueness and lookups use.
    pub name_key: String,
    pub protocol: String,
    pub base_url: String,
    pub auth_type: String,
    /// Set together with `credentials_ciphertext`, or neither.
    pub credentials_key_id: Option<String>,
    pub credentials_ciphertext: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub connection: Json,
    /// Read for POSTGRESQL and MYSQL only.
    pub tls_mode: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set when the row is deleted; reads skip such rows.
    pub deleted_at: Option<DateTimeUtc>,
    /// The audit entry of the delete that took the row (with its parent's).
    pub deletion_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::write::TenantTable for Entity {
    const TENANT_ID: Column = Column::TenantId;
    const ID: Column = Column::Id;
    const DELETED_AT: Option<Column> = Some(Column::DeletedAt);
    const NAME: &'static str = "datasource config";
}

impl crate::soft_delete::SoftDeleted for Entity {
    const DELETION_ID: Column = Column::DeletionId;
}
