use std::io::Read;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Upload};
use trellis_datasources::CsvUpload;
use trellis_datasources::DatasourceId;
use trellis_datasources::datasource::MAX_CSV_BYTES;
use trellis_datasources::service::{CreateDatasource, UpdateDatasource};
use trellis_kernel::DomainError;
use validator::Validate;

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::id;
use crate::graphql::routing::types::{Datasource, DatasourceKind};
use crate::graphql::upload::uploaded_file;
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

/// A new datasource.
#[derive(InputObject, Validate)]
pub struct CreateDatasourceInput {
    /// Unique in the tenant, ignoring case.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: String,
    /// What it is; decides the configs it can use.
    pub kind: DatasourceKind,
    /// The name (or id) of the datasource config to connect through.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub connection_key: String,
    /// What it holds, for the people writing rules.
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub description: Option<String>,
    /// The CSV of a FILE datasource (UTF-8, a header row, at most 10 MiB),
    /// sent as a GraphQL multipart request. It may also be uploaded later.
    pub file: Option<Upload>,
}

/// What `createDatasource` created.
#[derive(SimpleObject)]
pub struct CreateDatasourcePayload {
    /// The new datasource.
    pub datasource: Datasource,
}

/// Every field omitted keeps its value. The kind cannot change.
#[derive(InputObject, Validate)]
pub struct UpdateDatasourceInput {
    /// The datasource to change.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
    /// A new name.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub name: Option<String>,
    /// Another config to connect through, of a protocol the kind accepts.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 100, message = "must be at most 100 characters")
    )]
    pub connection_key: Option<String>,
    /// A new description; an empty one clears it.
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub description: Option<String>,
    /// A CSV replacing the stored one (FILE datasources only).
    pub file: Option<Upload>,
}

/// What `updateDatasource` changed.
#[derive(SimpleObject)]
pub struct UpdateDatasourcePayload {
    /// The datasource as it is now.
    pub datasource: Datasource,
}

/// The datasource to delete.
#[derive(InputObject, Validate)]
pub struct DeleteDatasourceInput {
    /// The datasource to delete, with every rule that queries it.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub id: ID,
}

/// What `deleteDatasource` deleted.
#[derive(SimpleObject)]
pub struct DeleteDatasourcePayload {
    /// The id of the deleted datasource.
    pub deleted_id: ID,
    /// The validation rules that queried it, deleted with it.
    pub deleted_rule_ids: Vec<ID>,
}

#[derive(Default)]
pub struct DatasourceMutation;

#[Object]
impl DatasourceMutation {
    /// Creates a datasource over one of the tenant's configs. Needs
    /// `routing.manage` (MEMBER and above).
    async fn create_datasource(
        &self,
        ctx: &Context<'_>,
        input: CreateDatasourceInput,
    ) -> Result<CreateDatasourcePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let file = read_upload(ctx, input.file.as_ref()).await.gql(ctx)?;
        let input = CreateDatasource {
            name: input.name,
            kind: input.kind.into(),
            connection_key: input.connection_key,
            description: input.description,
            file,
        };
        let datasource = state
            .routing
            .datasources
            .create(scope, input)
            .await
            .gql(ctx)?;
        Ok(CreateDatasourcePayload {
            datasource: datasource.into(),
        })
    }

    /// Changes a datasource, or replaces a FILE datasource's CSV.
    async fn update_datasource(
        &self,
        ctx: &Context<'_>,
        input: UpdateDatasourceInput,
    ) -> Result<UpdateDatasourcePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let id: DatasourceId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let file = read_upload(ctx, input.file.as_ref()).await.gql(ctx)?;
        let input = UpdateDatasource {
            id,
            name: input.name,
            connection_key: input.connection_key,
            description: input.description,
            file,
        };
        let datasource = state
            .routing
            .datasources
            .update(scope, input)
            .await
            .gql(ctx)?;
        Ok(UpdateDatasourcePayload {
            datasource: datasource.into(),
        })
    }

    /// Deletes a datasource and every validation rule that queries it.
    async fn delete_datasource(
        &self,
        ctx: &Context<'_>,
        input: DeleteDatasourceInput,
    ) -> Result<DeleteDatasourcePayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let datasource: DatasourceId = parse_id("id", &input.id).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let deleted = state
            .routing
            .datasources
            .delete(scope, datasource)
            .await
            .gql(ctx)?;
        Ok(DeleteDatasourcePayload {
            deleted_id: id(deleted.id),
            deleted_rule_ids: deleted.deleted_rule_ids.into_iter().map(id).collect(),
        })
    }
}

/// The uploaded file's name and bytes, read whole: the HTTP layer has
/// bounded the request (`TRELLIS_MAX_UPLOAD_BYTES`, sized for attachments)
/// and a file larger than a CSV may be is refused before it is read; the
/// domain judges the CSV. Off the async runtime: the upload is a
/// temporary file.
async fn read_upload(
    ctx: &Context<'_>,
    upload: Option<&Upload>,
) -> Result<Option<CsvUpload>, DomainError> {
    let Some(upload) = upload else {
        return Ok(None);
    };
    let (value, size) = uploaded_file(ctx, upload)?;
    if size > MAX_CSV_BYTES as u64 {
        return Err(DomainError::invalid(
            "file",
            format!("the file is {size} bytes; at most {MAX_CSV_BYTES} are accepted"),
        ));
    }
    let filename = value.filename.clone();
    let content = tokio::task::spawn_blocking(move || {
        let mut content = Vec::new();
        value.into_read().read_to_end(&mut content).map(|_| content)
    })
    .await
    .map_err(DomainError::internal)?
    .map_err(DomainError::internal)?;
    Ok(Some(CsvUpload { filename, content }))
}
