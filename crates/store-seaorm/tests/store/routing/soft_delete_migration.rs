//! The soft delete migration over a database that already holds rows: on
//! SQLite it rebuilds four tables, which must keep every row and key.

use trellis_intents::IntentFilter;
use trellis_kernel::{DomainError, PageRequest};
use trellis_migration::{Migrator, MigratorTrait};

use crate::routing::support::*;
use crate::support::*;

const SOFT_DELETE: &str = "m20261201_000008_soft_delete";

/// How many migrations are undone to undo the soft delete one.
fn since_soft_delete() -> u32 {
    let migrations = Migrator::migrations();
    let at = migrations
        .iter()
        .position(|migration| migration.name() == SOFT_DELETE)
        .expect("the soft delete migration is one of the migrator's");
    u32::try_from(migrations.len() - at).expect("a few migrations")
}

contract!(reapplying_soft_delete_keeps_rows_keys_and_live_names);
async fn reapplying_soft_delete_keeps_rows_keys_and_live_names(env: Env) {
    let org = org(&env, "acme").await;
    let tenant = org.id();
    let routing = ports(&env);
    let support = add_intent(&routing, &org, "Support", 1).await;
    let crm = add_datasource(&routing, &org, "CRM").await;
    let rule = rule(&org, support.id, crm.id, 1);
    add_rule(&routing, &rule).await;
    let gone = add_intent(&routing, &org, "Gone", 2).await;
    routing
        .intents
        .delete(tenant, gone.id, &audit(tenant, None, "intent.deleted"))
        .await
        .unwrap();

    // Reverted, with every migration after it (deleted rows go), and
    // applied again over the live ones.
    let db = env.db.owner();
    Migrator::down(db, Some(since_soft_delete())).await.unwrap();
    let pending = Migrator::get_pending_migrations(db).await.unwrap();
    assert_eq!(pending[0].name(), SOFT_DELETE);
    Migrator::up(db, None).await.unwrap();

    let names: Vec<_> = routing
        .intents
        .list(tenant, &IntentFilter::default(), PageRequest::first(10))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.name)
        .collect();
    assert_eq!(names, ["Support"]);
    assert_eq!(
        routing
            .rules
            .list_targets(tenant, support.id)
            .await
            .unwrap()
            .len(),
        1
    );
    // Live names are still unique, deleted ones free.
    let err = routing
        .intents
        .create(
            tenant,
            &intent(&org, "SUPPORT", 1),
            &audit(tenant, None, "intent.created"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
    add_intent(&routing, &org, "Gone", 2).await;
    // The cascade and its restore still work over the rebuilt tables.
    let deleted = routing
        .intents
        .delete(tenant, support.id, &audit(tenant, None, "intent.deleted"))
        .await
        .unwrap();
    assert_eq!(deleted, [rule.id]);
    let (_, restored) = routing
        .intents
        .restore(tenant, support.id, &restoring(tenant, "intent.restored"))
        .await
        .unwrap();
    assert_eq!(restored, [rule.id]);
    // The database still refuses a rule of a datasource that does not exist.
    let orphan = crate::routing::support::rule(
        &org,
        support.id,
        trellis_datasources::DatasourceId::generate(),
        1,
    );
    let err = routing
        .rules
        .create(tenant, &orphan, &audit(tenant, None, "rule.created"))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::NotFound { .. }), "{err:?}");
}
