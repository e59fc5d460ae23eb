use crate::DatasourceId;
use trellis_kernel::{
    DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, RuleId, TenantCtx, text,
};

use super::configs::NAME_MAX;
use trellis_kernel::{AuditEntry, RestoreAudit};

use super::{DatasourceService, datasource_snapshot};
use crate::config::DatasourceConfig;
use crate::datasource::{CsvUpload, Datasource, DatasourceKind, FileSummary};

#[derive(Debug, Clone)]
pub struct CreateDatasource {
    pub name: String,
    pub kind: DatasourceKind,
    /// The name (or id) of one of the tenant's datasource configs.
    pub connection_key: String,
    pub description: Option<String>,
    /// The CSV of a FILE datasource; it may also be uploaded later.
    pub file: Option<CsvUpload>,
}

/// Every field left `None` keeps its value.
#[derive(Debug, Clone)]
pub struct UpdateDatasource {
    pub id: DatasourceId,
    pub name: Option<String>,
    pub connection_key: Option<String>,
    /// `Some("")` clears the description.
    pub description: Option<String>,
    /// Replaces the CSV of a FILE datasource.
    pub file: Option<CsvUpload>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeletedDatasource {
    pub id: DatasourceId,
    /// The rules that queried it, deleted with it.
    pub deleted_rule_ids: Vec<RuleId>,
}

/// A deleted datasource brought back, with the rules its delete took.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoredDatasource {
    pub datasource: Datasource,
    pub restored_rule_ids: Vec<RuleId>,
}

const DESCRIPTION_MAX: usize = 2_000;

impl DatasourceService {
    pub async fn list(&self, ctx: &TenantCtx, page: PageRequest) -> DomainResult<Page<Datasource>> {
        ctx.require(Permission::RoutingRead)?;
        self.deps.datasources.list(ctx.tenant_id, page).await
    }

    /// # Errors
    /// `NotFound` if the tenant has no such datasource.
    pub async fn get(&self, ctx: &TenantCtx, id: DatasourceId) -> DomainResult<Datasource> {
        ctx.require(Permission::RoutingRead)?;
        self.find(ctx, id).await
    }

    /// The tenant's datasources among `ids`, in one lookup; ids that name
    /// none are left out.
    pub async fn get_many(
        &self,
        ctx: &TenantCtx,
        ids: &[DatasourceId],
    ) -> DomainResult<Vec<Datasource>> {
        ctx.require(Permission::RoutingRead)?;
        self.deps.datasources.find_many(ctx.tenant_id, ids).await
    }

    async fn find(&self, ctx: &TenantCtx, id: DatasourceId) -> DomainResult<Datasource> {
        self.deps
            .datasources
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("datasource"))
    }

    /// # Errors
    /// `Validation` naming every bad field (an unknown `connectionKey`, a
    /// config of the wrong protocol, a bad CSV); `Conflict` on a taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create(
        &self,
        ctx: &TenantCtx,
        input: CreateDatasource,
    ) -> DomainResult<Datasource> {
        ctx.require(Permission::RoutingManage)?;
        let now = self.deps.clock.now();
        let mut errors = FieldErrors::new();
        let name = errors.check(text::name("name", &input.name, NAME_MAX));
        let description = errors.check(text::optional(
            "description",
            input.description.as_deref(),
            DESCRIPTION_MAX,
        ));
        let config = self
            .resolve_config(ctx, &input.connection_key, input.kind, &mut errors)
            .await?;
        let file = checked_file(input.kind, input.file.as_ref(), now, &mut errors);
        errors.into_result()?;
        let (Some(name), Some(description), Some(config), Some(file)) =
            (name, description, config, file)
        else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };

        let datasource = Datasource {
            id: DatasourceId::generate(),
            tenant_id: ctx.tenant_id,
            name,
            kind: input.kind,
            config_id: config.id,
            description,
            file,
            created_at: now,
            updated_at: now,
        };
        let entry = AuditEntry::by_member(
            ctx,
            "datasource.created",
            ("datasource", datasource.id.to_string()),
            now,
        )
        .after(datasource_snapshot(&datasource));
        let csv = input.file.map(|f| f.content);
        self.deps
            .datasources
            .create(ctx.tenant_id, &datasource, csv, &entry)
            .await?;
        Ok(datasource)
    }

    /// # Errors
    /// `NotFound`; `Validation` naming every bad field; `Conflict` on a
    /// taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, datasource = %input.id))]
    pub async fn update(
        &self,
        ctx: &TenantCtx,
        input: UpdateDatasource,
    ) -> DomainResult<Datasource> {
        ctx.require(Permission::RoutingManage)?;
        let before = self.find(ctx, input.id).await?;
        let now = self.deps.clock.now();
        let mut errors = FieldErrors::new();
        let name = match &input.name {
            Some(raw) => errors.check(text::name("name", raw, NAME_MAX)),
            None => Some(before.name.clone()),
        };
        let description = match &input.description {
            Some(raw) => errors.check(text::optional("description", Some(raw), DESCRIPTION_MAX)),
            None => Some(before.description.clone()),
        };
        let config_id = match &input.connection_key {
            Some(key) => self
                .resolve_config(ctx, key, before.kind, &mut errors)
                .await?
                .map(|config| config.id),
            None => Some(before.config_id),
        };
        let file = match &input.file {
            Some(_) => checked_file(before.kind, input.file.as_ref(), now, &mut errors),
            None => Some(before.file.clone()),
        };
        errors.into_result()?;
        let (Some(name), Some(description), Some(config_id), Some(file)) =
            (name, description, config_id, file)
        else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };

        let datasource = Datasource {
            name,
            description,
            config_id,
            file,
            updated_at: trellis_kernel::next_version(now, before.updated_at),
            ..before.clone()
        };
        let entry = AuditEntry::by_member(
            ctx,
            "datasource.updated",
            ("datasource", datasource.id.to_string()),
            now,
        )
        .before(datasource_snapshot(&before))
        .after(datasource_snapshot(&datasource));
        let csv = input.file.map(|f| f.content);
        self.deps
            .datasources
            .update(ctx.tenant_id, &datasource, csv, &entry)
            .await?;
        Ok(datasource)
    }

    /// Deletes the datasource and every rule that queries it.
    ///
    /// # Errors
    /// `NotFound`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, datasource = %id))]
    pub async fn delete(
        &self,
        ctx: &TenantCtx,
        id: DatasourceId,
    ) -> DomainResult<DeletedDatasource> {
        ctx.require(Permission::RoutingManage)?;
        let before = self.find(ctx, id).await?;
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(
            ctx,
            "datasource.deleted",
            ("datasource", id.to_string()),
            now,
        )
        .before(datasource_snapshot(&before));
        let deleted_rule_ids = self
            .deps
            .datasources
            .delete(ctx.tenant_id, id, &entry)
            .await?;
        Ok(DeletedDatasource {
            id,
            deleted_rule_ids,
        })
    }

    /// Brings a deleted datasource back, with its file and the rules its
    /// delete took. Needs what deleting it needs.
    ///
    /// # Errors
    /// `NotFound` if the tenant never had it; `Conflict` if it is not
    /// deleted, a live datasource has taken its name, or its config is
    /// deleted.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, datasource = %id))]
    pub async fn restore(
        &self,
        ctx: &TenantCtx,
        id: DatasourceId,
    ) -> DomainResult<RestoredDatasource> {
        ctx.require(Permission::RoutingManage)?;
        let entry = AuditEntry::by_member(
            ctx,
            "datasource.restored",
            ("datasource", id.to_string()),
            self.deps.clock.now(),
        );
        let (datasource, restored_rule_ids) = self
            .deps
            .datasources
            .restore(
                ctx.tenant_id,
                id,
                &RestoreAudit::new(entry, datasource_snapshot),
            )
            .await?;
        Ok(RestoredDatasource {
            datasource,
            restored_rule_ids,
        })
    }

    /// The config `key` names, by name or id, if it suits `kind`. Another
    /// tenant's config is as unknown as a missing one.
    async fn resolve_config(
        &self,
        ctx: &TenantCtx,
        key: &str,
        kind: DatasourceKind,
        errors: &mut FieldErrors,
    ) -> DomainResult<Option<DatasourceConfig>> {
        let key = key.trim();
        if key.is_empty() {
            errors.add("connectionKey", "must name a datasource config");
            return Ok(None);
        }
        let mut found = self.deps.configs.find_by_name(ctx.tenant_id, key).await?;
        if found.is_none()
            && let Ok(id) = key.parse()
        {
            found = self.deps.configs.find(ctx.tenant_id, id).await?;
        }
        let Some(config) = found else {
            errors.add(
                "connectionKey",
                format!("no datasource config is named `{key}`"),
            );
            return Ok(None);
        };
        if !kind.accepts(config.protocol) {
            errors.add(
                "connectionKey",
                format!(
                    "config `{}` is {}, which a {} datasource cannot use",
                    config.name,
                    config.protocol.as_str(),
                    kind.as_str()
                ),
            );
            return Ok(None);
        }
        Ok(Some(config))
    }
}

/// `Some(summary)` when the upload (if any) is valid for `kind`.
fn checked_file(
    kind: DatasourceKind,
    file: Option<&CsvUpload>,
    at: chrono::DateTime<chrono::Utc>,
    errors: &mut FieldErrors,
) -> Option<Option<FileSummary>> {
    match (kind, file) {
        (_, None) => Some(None),
        (DatasourceKind::File, Some(upload)) => {
            errors.check(upload.summarise("file", at)).map(Some)
        }
        (other, Some(_)) => {
            errors.add(
                "file",
                format!(
                    "only FILE datasources take a file; this one is {}",
                    other.as_str()
                ),
            );
            None
        }
    }
}
