//! Restores take what the matching delete takes, and are audited.

use std::sync::Arc;

use chrono::Utc;
use trellis_kernel::testing::ctx_with_role;
use trellis_kernel::{BuiltinRole, FixedClock};

use super::*;
use crate::ports::{MockConnector, MockDatasourceConfigRepository, MockDatasourceRepository};
use crate::{DatasourceConfigId, DatasourceId};

fn service(
    configs: MockDatasourceConfigRepository,
    datasources: MockDatasourceRepository,
) -> DatasourceService {
    DatasourceService::new(Arc::new(DatasourceDeps {
        configs: Arc::new(configs),
        datasources: Arc::new(datasources),
        connector: Arc::new(MockConnector::new()),
        keyring: Arc::new(Keyring::development()),
        clock: Arc::new(FixedClock::new(Utc::now())),
    }))
}

#[tokio::test]
async fn members_cannot_restore_configs_and_viewers_cannot_restore_datasources() {
    // No expectations: a call to either repository would panic.
    let service = service(
        MockDatasourceConfigRepository::new(),
        MockDatasourceRepository::new(),
    );
    let config = service
        .restore_config(
            &ctx_with_role(BuiltinRole::Member),
            DatasourceConfigId::generate(),
        )
        .await
        .unwrap_err();
    assert!(
        config.to_string().contains("connections.manage"),
        "{config}"
    );
    let datasource = service
        .restore(
            &ctx_with_role(BuiltinRole::Viewer),
            DatasourceId::generate(),
        )
        .await
        .unwrap_err();
    assert!(
        datasource.to_string().contains("routing.manage"),
        "{datasource}"
    );
}

#[tokio::test]
async fn a_restore_is_audited_in_the_callers_tenant() {
    let ctx = ctx_with_role(BuiltinRole::Admin);
    let tenant = ctx.tenant_id;
    let id = DatasourceConfigId::generate();
    let mut configs = MockDatasourceConfigRepository::new();
    configs
        .expect_restore()
        .withf(move |scope, restored, audit| {
            *scope == tenant
                && *restored == id
                && audit.entry.action == "datasource_config.restored"
                && audit.entry.entity_id == id.to_string()
        })
        .times(1)
        .returning(|_, _, _| Err(trellis_kernel::DomainError::not_found("datasource config")));
    let err = service(configs, MockDatasourceRepository::new())
        .restore_config(&ctx, id)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("datasource config"), "{err}");
}
