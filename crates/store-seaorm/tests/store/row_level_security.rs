//! PostgreSQL's own wall between tenants (the migration
//! `row_level_security`): with the application's `WHERE tenant_id = …`
//! taken away, a transaction still sees only the tenant it names, and a
//! pooled connection carries no tenant to its next user.
//!
//! These run on PostgreSQL only, as the application's role; SQLite has no
//! row-level security.

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};
use trellis_kernel::{PageRequest, SessionId, TenantId};
use trellis_rules::DecisionOutcome;
use trellis_store_seaorm::SeaOrmStore;
use trellis_tenancy::{Session, TokenHash};

use crate::routing::support::*;
use crate::support::*;

/// Every table whose rows each belong to one tenant: those with a NOT NULL
/// `tenant_id`. (`sessions.tenant_id` is the tenant a session selected, and
/// may be NULL: sessions belong to users.)
async fn tenant_tables(db: &DatabaseConnection) -> Vec<String> {
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT table_name::text AS name FROM information_schema.columns \
             WHERE table_schema = 'public' AND column_name = 'tenant_id' AND is_nullable = 'NO' \
             ORDER BY table_name",
        ))
        .await
        .expect("tenant tables listed");
    rows.iter()
        .map(|row| row.try_get::<String>("", "name").expect("a name"))
        .collect()
}

/// The tenants of every row of `table` a transaction naming `scope` sees,
/// read with no filter of the application's.
async fn visible(db: &DatabaseConnection, scope: Option<TenantId>, table: &str) -> Vec<TenantId> {
    let txn = db.begin().await.expect("a transaction");
    if let Some(tenant) = scope {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('trellis.tenant_id', $1, true)",
            [tenant.to_string().into()],
        ))
        .await
        .expect("tenant set");
    }
    let rows = txn
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT tenant_id FROM {table}"),
        ))
        .await
        .unwrap_or_else(|err| panic!("{table}: {err}"));
    rows.iter()
        .map(|row| TenantId::from_uuid(row.try_get("", "tenant_id").expect("tenant_id")))
        .collect()
}

/// Rows of `org` in every tenant table: its roles and memberships, an
/// invitation, an HTTP and a FILE datasource (with the file), an intent
/// with a rule, a routing run, Work's teams, tags, items and history, and
/// the audit entries of all that.
async fn fill(env: &Env, slug: &str) -> Org {
    let org = org(env, slug).await;
    let routing = ports(env);
    invite(
        env,
        &org,
        &format!("guest@{slug}.test"),
        "MEMBER",
        &format!("token-{slug}"),
    )
    .await;
    let datasource = add_datasource(&routing, &org, "crm").await;
    let config = file_config(&org, "uploads");
    add_config(&routing, &org, &config).await;
    let csv = b"email\nada@example.com\n".to_vec();
    let mut upload = file_datasource(&org, "customers", config.id);
    upload.file = Some(summary("customers.csv", &csv, &["email"]));
    routing
        .datasources
        .create(
            org.id(),
            &upload,
            Some(csv),
            &audit(org.id(), None, "datasource.created"),
        )
        .await
        .expect("file datasource");
    let intent = add_intent(&routing, &org, "Orders", 1).await;
    add_rule(&routing, &rule(&org, intent.id, datasource.id, 1)).await;
    routing
        .runs
        .insert(
            org.id(),
            &run(&org, Some(intent.id), DecisionOutcome::Passed, now()),
        )
        .await
        .expect("routing run");
    crate::work::support::fill(&crate::work::support::ports(env), &org).await;
    org
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn without_the_applications_filter_a_transaction_sees_only_its_tenant() {
    let env = Env::postgres().await;
    let (acme, globex) = (fill(&env, "acme").await, fill(&env, "globex").await);
    let app = env.db.connection();
    let tables = tenant_tables(env.db.owner()).await;
    assert!(tables.len() >= 10, "{tables:?}");

    for table in &tables {
        // The owner (a superuser in tests) sees both tenants' rows: the
        // rows are there to be hidden.
        let all = visible(env.db.owner(), None, table).await;
        assert!(
            all.contains(&acme.id()) && all.contains(&globex.id()),
            "{table}: {all:?}"
        );

        let acme_sees = visible(app, Some(acme.id()), table).await;
        assert!(
            !acme_sees.is_empty(),
            "{table}: acme sees none of its own rows"
        );
        assert!(
            acme_sees.iter().all(|t| *t == acme.id()),
            "{table}: {acme_sees:?}"
        );
        let unnamed = visible(app, None, table).await;
        assert!(
            unnamed.is_empty(),
            "{table}: a transaction naming no tenant sees {unnamed:?}"
        );
    }
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_transaction_cannot_write_a_row_of_another_tenant() {
    let env = Env::postgres().await;
    let (acme, globex) = (org(&env, "acme").await, org(&env, "globex").await);
    let txn = env.db.connection().begin().await.expect("a transaction");
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('trellis.tenant_id', $1, true)",
        [acme.id().to_string().into()],
    ))
    .await
    .expect("tenant set");

    let written = txn
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO intents (tenant_id, id, name, name_key, priority, is_active, matchers, \
             created_at, updated_at) VALUES ($1, gen_random_uuid(), 'x', 'x', 0, true, '[]', now(), now())",
            [globex.id().as_uuid().into()],
        ))
        .await;

    let err = written.expect_err("the policy refuses another tenant's row");
    assert!(err.to_string().contains("row-level security"), "{err}");
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn every_tenant_table_forces_row_level_security() {
    let env = Env::postgres().await;
    for table in tenant_tables(env.db.owner()).await {
        let row = env
            .db
            .owner()
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT relrowsecurity, relforcerowsecurity FROM pg_class \
                 WHERE oid = ('public.' || $1)::regclass",
                [table.clone().into()],
            ))
            .await
            .expect("pg_class read")
            .expect("the table");
        let enabled: bool = row.try_get("", "relrowsecurity").expect("flag");
        let forced: bool = row.try_get("", "relforcerowsecurity").expect("flag");
        assert!(
            enabled && forced,
            "{table}: enabled {enabled}, forced {forced}"
        );
    }
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_pooled_connection_carries_no_tenant_to_its_next_user() {
    let env = Env::postgres().await;
    let acme = fill(&env, "acme").await;
    let url = env.db.app_url().expect("PostgreSQL has an application URL");
    // One connection: whatever the store leaves on it, the next query meets.
    let pool = single_connection(&url).await;
    let store = SeaOrmStore::new(pool.clone());
    let routing = store.routing_ports();
    let intents = routing
        .intents
        .list(acme.id(), &Default::default(), PageRequest::first(10))
        .await
        .expect("a read");
    assert_eq!(intents.items.len(), 1);
    add_intent(&routing, &acme, "Refunds", 1).await;
    store
        .tenancy_ports()
        .invitations
        .find_by_token(&TokenHash::of("token-acme"))
        .await
        .expect("a lookup by token");
    // The caller's own statement names its scope without a transaction.
    let sessions = store.tenancy_ports().sessions;
    let session = Session {
        id: SessionId::generate(),
        user_id: acme.owner.id,
        tenant_id: Some(acme.id()),
        created_at: now(),
        expires_at: now() + chrono::Duration::days(1),
        revoked_at: None,
    };
    sessions
        .create(&session, &TokenHash::of("rt-acme"), None)
        .await
        .expect("a session");
    let caller = sessions
        .load_principal(session.id, acme.owner.id, Some(acme.id()), now())
        .await
        .expect("the caller's read")
        .expect("the caller");
    assert!(
        caller.membership.is_some(),
        "the owner's membership is read"
    );

    let setting = pool
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT coalesce(current_setting('trellis.tenant_id', true), '') AS tenant, \
             coalesce(current_setting('trellis.invitation', true), '') AS invitation, \
             coalesce(current_setting('trellis.user_id', true), '') AS user_id, \
             (SELECT count(*) FROM intents) AS intents",
        ))
        .await
        .expect("settings read")
        .expect("a row");
    assert_eq!(setting.try_get::<String>("", "tenant").unwrap(), "");
    assert_eq!(setting.try_get::<String>("", "invitation").unwrap(), "");
    assert_eq!(setting.try_get::<String>("", "user_id").unwrap(), "");
    assert_eq!(setting.try_get::<i64>("", "intents").unwrap(), 0);
}

async fn single_connection(url: &str) -> DatabaseConnection {
    let mut options = sea_orm::ConnectOptions::new(url);
    options
        .max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    sea_orm::Database::connect(options)
        .await
        .expect("one connection")
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn the_application_role_escapes_no_policy_and_the_owner_would() {
    let env = Env::postgres().await;

    let app = trellis_store_seaorm::role_risks(env.db.connection())
        .await
        .expect("catalog read")
        .expect("PostgreSQL has roles");
    let owner = trellis_store_seaorm::role_risks(env.db.owner())
        .await
        .expect("catalog read")
        .expect("PostgreSQL has roles");

    assert!(!app.any(), "{app:?}");
    assert!(owner.superuser, "{owner:?}");
    assert!(
        owner.owned_tables.contains(&"intents".to_owned()),
        "{owner:?}"
    );
}
