//! What the database itself guarantees, whatever the code does.

use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use trellis_migration::{Migrator, MigratorTrait};
use trellis_store_seaorm::tenancy::entity::{membership, role};
use uuid::Uuid;

use crate::support::*;

contract!(a_membership_cannot_point_at_another_tenants_role);
async fn a_membership_cannot_point_at_another_tenants_role(env: Env) {
    let acme = org(&env, "acme").await;
    let globex = org(&env, "globex").await;
    let ada = user(&env, "ada@example.com").await;

    let row = membership::ActiveModel {
        tenant_id: Set(acme.id().as_uuid()),
        id: Set(Uuid::now_v7()),
        user_id: Set(ada.id.as_uuid()),
        role_id: Set(globex.role("OWNER").id.as_uuid()),
        created_at: Set(now()),
    };
    let err = membership::Entity::insert(row)
        .exec_without_returning(env.db.owner())
        .await
        .expect_err("the composite foreign key refuses the row");
    assert!(
        matches!(
            err.sql_err(),
            Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_))
        ),
        "{err:?}"
    );

    // The same row with acme's own role is fine: the key, not luck, refused it.
    let row = membership::ActiveModel {
        tenant_id: Set(acme.id().as_uuid()),
        id: Set(Uuid::now_v7()),
        user_id: Set(ada.id.as_uuid()),
        role_id: Set(acme.role("MEMBER").id.as_uuid()),
        created_at: Set(now()),
    };
    membership::Entity::insert(row)
        .exec_without_returning(env.db.owner())
        .await
        .unwrap();
}

contract!(a_role_cannot_belong_to_a_tenant_that_does_not_exist);
async fn a_role_cannot_belong_to_a_tenant_that_does_not_exist(env: Env) {
    let row = role::ActiveModel {
        tenant_id: Set(Uuid::now_v7()),
        id: Set(Uuid::now_v7()),
        name: Set("Orphan".into()),
        name_key: Set("orphan".into()),
        builtin: Set(None),
        permissions: Set(String::new()),
        created_at: Set(now()),
        deleted_at: Set(None),
        deletion_id: Set(None),
    };
    let err = role::Entity::insert(row)
        .exec_without_returning(env.db.owner())
        .await
        .expect_err("the foreign key refuses the row");
    assert!(
        matches!(
            err.sql_err(),
            Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_))
        ),
        "{err:?}"
    );
}

contract!(every_migration_can_be_reverted_and_reapplied);
async fn every_migration_can_be_reverted_and_reapplied(env: Env) {
    let db = env.db.owner();
    Migrator::down(db, None).await.unwrap();
    assert!(
        Migrator::get_applied_migrations(db)
            .await
            .unwrap()
            .is_empty()
    );
    Migrator::up(db, None).await.unwrap();
    assert!(
        Migrator::get_pending_migrations(db)
            .await
            .unwrap()
            .is_empty()
    );
    // The schema works again.
    org(&env, "acme").await;
}
