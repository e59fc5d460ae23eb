//! A caller read moments ago is kept, and never outlives a change to it:
//! on the store that made the change, or on any other over the same
//! database (as another server would be).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Duration as Span;
use sea_orm::ConnectionTrait;
use sqlx::postgres::PgListener;
use trellis_kernel::{SessionId, TenantId};
use trellis_store_seaorm::testing::{
    callers_forgotten, until_callers_forgotten_after, until_keeping_callers,
};
use trellis_tenancy::session::PrincipalRecord;
use trellis_tenancy::{Session, TenantStatus, TokenHash, User};

use crate::support::*;

/// The channel migration 18's triggers notify.
const CHANNEL: &str = "trellis_principals";

async fn session_of(env: &Env, user: &User, tenant: TenantId) -> Session {
    let at = now();
    let session = Session {
        id: SessionId::generate(),
        user_id: user.id,
        tenant_id: Some(tenant),
        created_at: at,
        expires_at: at + Span::days(30),
        revoked_at: None,
    };
    let token = TokenHash::of(&format!("rt_{}", session.id));
    env.sessions.create(&session, &token, None).await.unwrap();
    session
}

async fn caller(env: &Env, session: &Session) -> Option<PrincipalRecord> {
    env.sessions
        .load_principal(session.id, session.user_id, session.tenant_id, now())
        .await
        .unwrap()
}

async fn make_viewer(env: &Env, org: &Org, user: &User) {
    env.memberships
        .change_role(
            org.id(),
            user.id,
            &org.role("VIEWER"),
            &audit(org.id(), None, "member.role_changed"),
        )
        .await
        .unwrap();
}

async fn set_status(env: &Env, org: &Org, status: TenantStatus) {
    env.tenants
        .set_status(
            org.id(),
            status,
            None,
            &audit(org.id(), None, "tenant.status_changed"),
        )
        .await
        .unwrap();
}

fn role_of(record: &PrincipalRecord) -> Option<&str> {
    record
        .membership
        .as_ref()
        .map(|(_, role)| role.name.as_str())
}

// Each change is read by the very next load through the same store, though
// the caller was kept just before it.
contract!(every_change_to_a_kept_caller_shows_on_the_next_read);
async fn every_change_to_a_kept_caller_shows_on_the_next_read(env: Env) {
    until_keeping_callers(&env.store).await;
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@acme.test", "ADMIN").await;
    let session = session_of(&env, &ada, org.id()).await;
    let read = caller(&env, &session).await.expect("ada's session");
    assert_eq!(role_of(&read), Some("ADMIN"));

    // A lowered role.
    make_viewer(&env, &org, &ada).await;
    let read = caller(&env, &session).await.expect("ada's session");
    assert_eq!(role_of(&read), Some("VIEWER"));

    // A suspended tenant.
    set_status(&env, &org, TenantStatus::Suspended).await;
    let read = caller(&env, &session).await.expect("ada's session");
    let (tenant, _) = read.membership.expect("ada is still a member");
    assert_eq!(tenant.status, TenantStatus::Suspended);
    set_status(&env, &org, TenantStatus::Active).await;
    caller(&env, &session).await.expect("ada's session");

    // A removed member.
    env.memberships
        .remove(org.id(), ada.id, &audit(org.id(), None, "member.removed"))
        .await
        .unwrap();
    let read = caller(&env, &session).await.expect("ada's session");
    assert!(read.membership.is_none(), "{read:?}");

    // A revoked session.
    let owner_session = session_of(&env, &org.owner, org.id()).await;
    caller(&env, &owner_session)
        .await
        .expect("the owner's session");
    env.sessions
        .revoke(owner_session.id, now(), None)
        .await
        .unwrap();
    assert!(caller(&env, &owner_session).await.is_none());
}

/// The statements a store sends, as they are sent.
fn observed(env: &Env) -> (trellis_store_seaorm::SeaOrmStore, Arc<Mutex<Vec<String>>>) {
    let sent = Arc::new(Mutex::new(Vec::new()));
    let mut store = env.db.store();
    let log = sent.clone();
    store.observe_statements(Arc::new(move |sql: &str| {
        log.lock().unwrap().push(sql.to_owned());
    }));
    (store, sent)
}

/// Bounds a wait for what another store's change sets off, so that a
/// notice that never comes fails the test instead of hanging it.
async fn within<T>(what: &str, wait: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .unwrap_or_else(|_| panic!("{what} did not happen within 10 s"))
}

#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn a_change_through_another_server_reaches_the_callers_this_one_kept() {
    let env = Env::postgres().await;
    let org = org(&env, "acme").await;
    let ada = join(&env, &org, "ada@acme.test", "ADMIN").await;
    let session = session_of(&env, &ada, org.id()).await;
    let (here, sent) = observed(&env);
    let here_sessions = here.tenancy_ports().sessions;
    until_keeping_callers(&here).await;
    let load = || here_sessions.load_principal(session.id, ada.id, Some(org.id()), now());

    let first = load().await.unwrap().expect("ada's session");
    let statements = sent.lock().unwrap().len();
    assert_eq!(statements, 1, "the first read is one statement");
    let again = load().await.unwrap().expect("ada's session");
    assert_eq!(again.session, first.session);
    assert_eq!(
        sent.lock().unwrap().len(),
        statements,
        "a caller read moments ago is not read again"
    );

    // Another server (env's own store) lowers ada's role.
    let forgotten = callers_forgotten(&here);
    make_viewer(&env, &org, &ada).await;
    within(
        "the notice of the change",
        until_callers_forgotten_after(&here, forgotten),
    )
    .await;
    let read = load().await.unwrap().expect("ada's session");
    assert_eq!(role_of(&read), Some("VIEWER"));

    // And revokes her session.
    let forgotten = callers_forgotten(&here);
    env.sessions.revoke(session.id, now(), None).await.unwrap();
    within(
        "the notice of the revocation",
        until_callers_forgotten_after(&here, forgotten),
    )
    .await;
    assert!(load().await.unwrap().is_none());
}

// Additions, and updates that change nothing (the lock a member's joining
// takes on its tenant's row), send no notice: every server would forget
// its callers for nothing.
#[tokio::test]
#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
async fn only_changes_to_callers_are_announced() {
    let env = Env::postgres().await;
    let url = env.db.app_url().expect("a PostgreSQL URL");
    let mut heard = PgListener::connect(&url).await.unwrap();
    heard.listen(CHANNEL).await.unwrap();
    let org = org(&env, "acme").await;

    session_of(&env, &org.owner, org.id()).await;
    let ada = join(&env, &org, "ada@acme.test", "MEMBER").await;
    env.db
        .owner()
        .execute_unprepared(&format!("NOTIFY {CHANNEL}, 'marker'"))
        .await
        .unwrap();
    // Notices arrive in the order their transactions committed.
    let first = within("the marker", heard.recv()).await.unwrap();
    assert_eq!(first.payload(), "marker", "an addition was announced");

    make_viewer(&env, &org, &ada).await;
    let next = within("the notice of the role change", heard.recv())
        .await
        .unwrap();
    assert_eq!(next.payload(), "");
}
