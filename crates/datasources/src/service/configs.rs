use std::time::Instant;

use crate::DatasourceConfigId;
use serde_json::Value;
use trellis_kernel::{
    DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, TenantCtx, text,
};

use trellis_kernel::{AuditEntry, RestoreAudit};

use super::{DatasourceService, config_snapshot};
use crate::config::{
    AuthType, ConnectionOptions, Credentials, DatasourceConfig, Protocol, TlsMode, parse_base_url,
};
use crate::secret::EncryptedSecret;

#[derive(Debug, Clone)]
pub struct CreateDatasourceConfig {
    pub name: String,
    pub protocol: Protocol,
    pub base_url: Option<String>,
    pub auth_type: AuthType,
    /// Write-only: encrypted before it is stored, never returned.
    pub auth_config: Option<Value>,
    pub connection: Option<Value>,
    /// For POSTGRESQL and MYSQL; `TlsMode::DEFAULT` when not given.
    pub tls_mode: Option<TlsMode>,
}

/// Every field left `None` keeps its value. The protocol cannot change:
/// the datasources using the config depend on it.
#[derive(Debug, Clone)]
pub struct UpdateDatasourceConfig {
    pub id: DatasourceConfigId,
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub auth_type: Option<AuthType>,
    /// Replaces the stored credentials; required when `auth_type` changes
    /// to anything but NONE.
    pub auth_config: Option<Value>,
    pub connection: Option<Value>,
    pub tls_mode: Option<TlsMode>,
}

/// The answer of `testDatasourceConfig`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigTest {
    pub ok: bool,
    pub latency_ms: f64,
    pub error: Option<String>,
}

pub(crate) const NAME_MAX: usize = 100;

impl DatasourceService {
    pub async fn list_configs(
        &self,
        ctx: &TenantCtx,
        page: PageRequest,
    ) -> DomainResult<Page<DatasourceConfig>> {
        ctx.require(Permission::RoutingRead)?;
        self.deps.configs.list(ctx.tenant_id, page).await
    }

    /// # Errors
    /// `NotFound` if the tenant has no such config.
    pub async fn config(
        &self,
        ctx: &TenantCtx,
        id: DatasourceConfigId,
    ) -> DomainResult<DatasourceConfig> {
        ctx.require(Permission::RoutingRead)?;
        self.find_config(ctx, id).await
    }

    /// The tenant's configs among `ids`, in one lookup; ids that name none
    /// are left out.
    pub async fn configs_by_id(
        &self,
        ctx: &TenantCtx,
        ids: &[DatasourceConfigId],
    ) -> DomainResult<Vec<DatasourceConfig>> {
        ctx.require(Permission::RoutingRead)?;
        self.deps.configs.find_many(ctx.tenant_id, ids).await
    }

    async fn find_config(
        &self,
        ctx: &TenantCtx,
        id: DatasourceConfigId,
    ) -> DomainResult<DatasourceConfig> {
        self.deps
            .configs
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("datasource config"))
    }

    /// # Errors
    /// `Validation` naming every bad field; `Conflict` on a taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create_config(
        &self,
        ctx: &TenantCtx,
        input: CreateDatasourceConfig,
    ) -> DomainResult<DatasourceConfig> {
        ctx.require(Permission::ConnectionsManage)?;
        let mut errors = FieldErrors::new();
        let name = errors.check(text::name("name", &input.name, NAME_MAX));
        let base_url = parse_base_url(
            input.protocol,
            input.base_url.as_deref(),
            &mut errors,
            "baseUrl",
        );
        let credentials = self.checked_credentials(
            input.protocol,
            input.auth_type,
            input.auth_config.as_ref(),
            &mut errors,
        );
        let connection =
            ConnectionOptions::parse(input.connection.as_ref(), &mut errors, "connection");
        let tls_mode =
            TlsMode::for_protocol(input.protocol, input.tls_mode, &mut errors, "tlsMode");
        errors.into_result()?;
        let (Some(name), Some(base_url), Some(credentials), Some(connection), Some(tls_mode)) =
            (name, base_url, credentials, connection, tls_mode)
        else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };

        let now = self.deps.clock.now();
        let id = DatasourceConfigId::generate();
        let config = DatasourceConfig {
            id,
            tenant_id: ctx.tenant_id,
            name,
            protocol: input.protocol,
            base_url,
            auth_type: input.auth_type,
            credentials: self.seal(ctx, id, credentials.as_ref())?,
            connection,
            tls_mode,
            created_at: now,
            updated_at: now,
        };
        let entry = AuditEntry::by_member(
            ctx,
            "datasource_config.created",
            ("datasource_config", id.to_string()),
            now,
        )
        .after(config_snapshot(&config));
        self.deps
            .configs
            .create(ctx.tenant_id, &config, &entry)
            .await?;
        Ok(config)
    }

    /// # Errors
    /// `NotFound`; `Validation` naming every bad field; `Conflict` on a
    /// taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, config = %input.id))]
    pub async fn update_config(
        &self,
        ctx: &TenantCtx,
        input: UpdateDatasourceConfig,
    ) -> DomainResult<DatasourceConfig> {
        ctx.require(Permission::ConnectionsManage)?;
        let before = self.find_config(ctx, input.id).await?;
        let mut errors = FieldErrors::new();
        let name = match &input.name {
            Some(raw) => errors.check(text::name("name", raw, NAME_MAX)),
            None => Some(before.name.clone()),
        };
        let base_url = match &input.base_url {
            Some(raw) => parse_base_url(before.protocol, Some(raw), &mut errors, "baseUrl"),
            None => Some(before.base_url.clone()),
        };
        let auth_type = input.auth_type.unwrap_or(before.auth_type);
        let auth_changed = auth_type != before.auth_type;
        // New credentials when given, or when the scheme changed (NONE needs none).
        let credentials = if input.auth_config.is_some() || auth_changed {
            self.checked_credentials(
                before.protocol,
                auth_type,
                input.auth_config.as_ref(),
                &mut errors,
            )
            .map(Some)
        } else {
            Some(None)
        };
        let connection = match &input.connection {
            Some(value) => ConnectionOptions::parse(Some(value), &mut errors, "connection"),
            None => Some(before.connection.clone()),
        };
        let tls_mode = match input.tls_mode {
            Some(mode) => {
                TlsMode::for_protocol(before.protocol, Some(mode), &mut errors, "tlsMode")
            }
            None => Some(before.tls_mode),
        };
        errors.into_result()?;
        let (Some(name), Some(base_url), Some(credentials), Some(connection), Some(tls_mode)) =
            (name, base_url, credentials, connection, tls_mode)
        else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };

        let now = self.deps.clock.now();
        let credentials = match credentials {
            Some(fresh) => self.seal(ctx, before.id, fresh.as_ref())?,
            None => before.credentials.clone(),
        };
        let config = DatasourceConfig {
            name,
            base_url,
            auth_type,
            credentials,
            connection,
            tls_mode,
            updated_at: trellis_kernel::next_version(now, before.updated_at),
            ..before.clone()
        };
        let mut after = config_snapshot(&config);
        after["credentialsReplaced"] = Value::Bool(input.auth_config.is_some() || auth_changed);
        let entry = AuditEntry::by_member(
            ctx,
            "datasource_config.updated",
            ("datasource_config", config.id.to_string()),
            now,
        )
        .before(config_snapshot(&before))
        .after(after);
        self.deps
            .configs
            .update(ctx.tenant_id, &config, &entry)
            .await?;
        self.deps.connector.evict(ctx.tenant_id, config.id);
        Ok(config)
    }

    /// # Errors
    /// `NotFound`; `Conflict` while datasources use the config.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, config = %id))]
    pub async fn delete_config(
        &self,
        ctx: &TenantCtx,
        id: DatasourceConfigId,
    ) -> DomainResult<DatasourceConfigId> {
        ctx.require(Permission::ConnectionsManage)?;
        let before = self.find_config(ctx, id).await?;
        let now = self.deps.clock.now();
        let entry = AuditEntry::by_member(
            ctx,
            "datasource_config.deleted",
            ("datasource_config", id.to_string()),
            now,
        )
        .before(config_snapshot(&before));
        self.deps.configs.delete(ctx.tenant_id, id, &entry).await?;
        self.deps.connector.evict(ctx.tenant_id, id);
        Ok(id)
    }

    /// Brings a deleted config back; its deleted datasources stay deleted.
    /// Needs what deleting it needs.
    ///
    /// # Errors
    /// `NotFound` if the tenant never had it; `Conflict` if it is not
    /// deleted or a live config has taken its name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, config = %id))]
    pub async fn restore_config(
        &self,
        ctx: &TenantCtx,
        id: DatasourceConfigId,
    ) -> DomainResult<DatasourceConfig> {
        ctx.require(Permission::ConnectionsManage)?;
        let entry = AuditEntry::by_member(
            ctx,
            "datasource_config.restored",
            ("datasource_config", id.to_string()),
            self.deps.clock.now(),
        );
        self.deps
            .configs
            .restore(
                ctx.tenant_id,
                id,
                &RestoreAudit::new(entry, config_snapshot),
            )
            .await
    }

    /// Connects with the stored config and reports how long it took. A
    /// failure is an answer (`ok: false`), not an error.
    ///
    /// # Errors
    /// `NotFound`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id, config = %id))]
    pub async fn test_config(
        &self,
        ctx: &TenantCtx,
        id: DatasourceConfigId,
    ) -> DomainResult<ConfigTest> {
        ctx.require(Permission::ConnectionsManage)?;
        let config = self.find_config(ctx, id).await?;
        let started = Instant::now();
        let result = self.deps.connector.probe(&config).await;
        let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(match result {
            Ok(()) => ConfigTest {
                ok: true,
                latency_ms,
                error: None,
            },
            Err(err) => ConfigTest {
                ok: false,
                latency_ms,
                error: Some(err.message),
            },
        })
    }

    fn checked_credentials(
        &self,
        protocol: Protocol,
        auth_type: AuthType,
        auth_config: Option<&Value>,
        errors: &mut FieldErrors,
    ) -> Option<Option<Credentials>> {
        if !auth_type.fits(protocol) {
            errors.add(
                "authType",
                format!(
                    "{} cannot be used with {}",
                    auth_type.as_str(),
                    protocol.as_str()
                ),
            );
            return None;
        }
        Credentials::from_auth_config(auth_type, auth_config, errors, "authConfig")
    }

    fn seal(
        &self,
        ctx: &TenantCtx,
        id: DatasourceConfigId,
        credentials: Option<&Credentials>,
    ) -> DomainResult<Option<EncryptedSecret>> {
        let Some(credentials) = credentials else {
            return Ok(None);
        };
        let plaintext = serde_json::to_vec(credentials).map_err(DomainError::internal)?;
        let aad = DatasourceConfig::credentials_aad(ctx.tenant_id, id);
        self.deps.keyring.encrypt(&plaintext, &aad).map(Some)
    }
}
