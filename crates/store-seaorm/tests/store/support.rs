//! Fixtures of the contract suite.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{RequestMeta, TenantId, UserId};
use trellis_store_seaorm::SeaOrmStore;
use trellis_store_seaorm::testing::{self, TestDatabase};
use trellis_tenancy::ports::TenancyPorts;
use trellis_tenancy::token::generate_opaque;
use trellis_tenancy::{
    Email, Invitation, InvitationId, Membership, MembershipId, Plan, Role, Slug, Tenant,
    TenantStatus, TokenHash, User,
};

/// Runs the contract test `async fn $name(env: Env)` twice, as
/// `$name::sqlite` and `$name::postgres`, each on a fresh database of its
/// own. Without `TEST_DATABASE_URL` the PostgreSQL variant is built ignored
/// (the package's build script) and the harness reports it so.
macro_rules! contract {
    ($name:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::support::Env::sqlite().await).await;
            }

            #[tokio::test]
            #[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
            async fn postgres() {
                super::$name($crate::support::Env::postgres().await).await;
            }
        }
    };
}

/// Like [`contract!`], for a test of two operations racing each other: it
/// runs where two connections really compete, as `$name::sqlite_file` (a
/// SQLite file with a pool of several connections) and `$name::postgres`,
/// on a multi-threaded runtime. In-memory SQLite has one connection, where
/// the two would only take turns.
macro_rules! race {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite_file() {
                super::$name($crate::support::Env::sqlite_file().await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
            async fn postgres() {
                super::$name($crate::support::Env::postgres().await).await;
            }
        }
    };
}

/// A fresh database and the tenancy ports over it (`env.users`, …).
pub struct Env {
    pub db: TestDatabase,
    /// The store behind `ports`.
    pub store: SeaOrmStore,
    pub ports: TenancyPorts,
}

impl std::ops::Deref for Env {
    type Target = TenancyPorts;

    fn deref(&self) -> &TenancyPorts {
        &self.ports
    }
}

impl Env {
    pub async fn sqlite() -> Self {
        Self::over(testing::fresh_sqlite().await.expect("in-memory SQLite"))
    }

    /// A SQLite file with a pool of several connections: see [`race!`].
    pub async fn sqlite_file() -> Self {
        Self::over(
            testing::fresh_sqlite_file()
                .await
                .expect("a SQLite file database"),
        )
    }

    /// # Panics
    /// When `TEST_DATABASE_URL` is not set (a test that calls this is built
    /// ignored then, unless databases are required).
    pub async fn postgres() -> Self {
        let url = testing::test_database_url();
        let db = testing::fresh_postgres(&url)
            .await
            .expect("a fresh PostgreSQL database");
        Self::over(db)
    }

    fn over(db: TestDatabase) -> Self {
        let store = db.store();
        Self {
            ports: store.tenancy_ports(),
            store,
            db,
        }
    }
}

/// Now, at the precision both databases keep (microseconds), so that what
/// is read back equals what was written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

pub fn audit(tenant: TenantId, actor: Option<UserId>, action: &str) -> AuditEntry {
    AuditEntry::new(
        tenant,
        actor,
        &RequestMeta::default(),
        action,
        ("test", action.to_owned()),
        now(),
    )
}

/// A restore's entry, whose snapshot of what it brought back is
/// [`RESTORED`].
pub fn restoring<T>(tenant: TenantId, action: &str) -> RestoreAudit<T> {
    RestoreAudit::new(audit(tenant, None, action), |_| RESTORED.clone())
}

pub static RESTORED: std::sync::LazyLock<serde_json::Value> =
    std::sync::LazyLock::new(|| serde_json::json!({ "restored": true }));

pub fn new_user(email: &str) -> User {
    User {
        id: UserId::generate(),
        email: Email::parse("email", email).expect("a valid email"),
        name: format!("User {email}"),
        is_platform_admin: false,
        created_at: now(),
    }
}

pub async fn user(env: &Env, email: &str) -> User {
    let user = new_user(email);
    env.users
        .create(&user, "$argon2id$hash")
        .await
        .expect("user created");
    user
}

/// A tenant with its built-in roles and its owner.
pub struct Org {
    pub tenant: Tenant,
    pub roles: Vec<Role>,
    pub owner: User,
}

impl Org {
    pub fn id(&self) -> TenantId {
        self.tenant.id
    }

    pub fn role(&self, name: &str) -> Role {
        self.roles
            .iter()
            .find(|role| role.name == name)
            .cloned()
            .expect("a role of the org")
    }

    pub fn membership(&self, user: &User, role: &str) -> Membership {
        Membership {
            id: MembershipId::generate(),
            tenant_id: self.id(),
            user_id: user.id,
            role: self.role(role),
            created_at: now(),
        }
    }
}

pub fn new_tenant(slug: &str, plan: Plan) -> Tenant {
    let at = now();
    Tenant {
        id: TenantId::generate(),
        name: format!("Org {slug}"),
        slug: Slug::parse("slug", slug).expect("a valid slug"),
        plan,
        status: TenantStatus::Active,
        suspended_reason: None,
        created_at: at,
        updated_at: at,
    }
}

pub async fn org(env: &Env, slug: &str) -> Org {
    org_on(env, slug, Plan::Pro).await
}

pub async fn org_on(env: &Env, slug: &str, plan: Plan) -> Org {
    let owner = user(env, &format!("owner@{slug}.test")).await;
    let tenant = new_tenant(slug, plan);
    let roles = Role::builtins_for(tenant.id, tenant.created_at);
    let org = Org {
        tenant,
        roles,
        owner,
    };
    let owner = org.membership(&org.owner, "OWNER");
    env.tenants
        .create(
            &org.tenant,
            &org.roles,
            &owner,
            &audit(org.id(), Some(org.owner.id), "tenant.created"),
        )
        .await
        .expect("tenant created");
    org
}

pub fn invitation(org: &Org, email: &str, role: &str) -> Invitation {
    let at = now();
    Invitation {
        id: InvitationId::generate(),
        tenant_id: org.id(),
        email: Email::parse("email", email).expect("a valid email"),
        role: org.role(role),
        invited_by: org.owner.id,
        created_at: at,
        expires_at: at + Duration::days(7),
        accepted_at: None,
    }
}

/// Stores an invitation of `email` with `role`, redeemable with `token`.
pub async fn invite(env: &Env, org: &Org, email: &str, role: &str, token: &str) -> Invitation {
    let invitation = invitation(org, email, role);
    env.invitations
        .create(
            org.id(),
            &invitation,
            &TokenHash::of(token),
            &audit(org.id(), Some(org.owner.id), "member.invited"),
        )
        .await
        .expect("invitation created");
    invitation
}

/// Invites a new user and accepts for them: the only way in through the ports.
pub async fn join(env: &Env, org: &Org, email: &str, role: &str) -> User {
    let user = user(env, email).await;
    let invitation = invite(env, org, email, role, &generate_opaque("inv")).await;
    env.invitations
        .accept(
            org.id(),
            invitation.id,
            &org.membership(&user, role),
            &audit(org.id(), Some(user.id), "member.joined"),
        )
        .await
        .expect("invitation accepted");
    user
}

/// The tenant's newest audit entry.
pub async fn latest_entry(env: &Env, tenant: TenantId) -> AuditEntry {
    env.audit
        .list(
            tenant,
            &Default::default(),
            trellis_kernel::PageRequest::first(1),
        )
        .await
        .expect("audit log")
        .items
        .into_iter()
        .next()
        .expect("an audit entry")
}

/// The actions of a tenant's audit log, newest first.
pub async fn actions(env: &Env, tenant: TenantId) -> Vec<String> {
    env.audit
        .list(
            tenant,
            &Default::default(),
            trellis_kernel::PageRequest::first(100),
        )
        .await
        .expect("audit log")
        .items
        .into_iter()
        .map(|entry| entry.action)
        .collect()
}
