//! The SeaORM adapter: every repository port of Trellis, on SQLite and
//! PostgreSQL alike. One wing per product (`tenancy`, `routing`, `work`), each with
//! its `entity`, `repo` and `convert`; the writes of every wing go through
//! `write`, and every audit entry through `audit`.
//!
//! Each write that carries an audit entry commits it in the same
//! transaction as the change. Unique-constraint violations become
//! `Conflict`s naming what is taken; an unreachable database becomes
//! `Unavailable` and any other database error `Internal`, so no SQL ever
//! reaches a client.

mod audit;
mod connect;
mod error;
mod principals;
pub mod routing;
mod row;
mod scoped_pg;
mod scoped_read;
mod soft_delete;
mod startup;
pub mod tenancy;
pub mod testing;
pub mod work;
mod write;

use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbBackend};
use sqlx::PgPool;

use crate::principals::KeptPrincipals;

pub use connect::{
    DEFAULT_ACQUIRE_TIMEOUT, PoolSettings, RoleRisks, connect, connect_with,
    default_max_connections, migrate, ping, pool_options, role_risks,
};
pub use scoped_pg::StatementObserver;
pub use startup::{Prepared, STARTUP_CONNECT_TIMEOUT, StartupError, prepare_database};

/// Implements every repository port of Trellis over one connection pool;
/// each product's ports come from its wing (`tenancy_ports`,
/// `routing_ports`, `work_ports`).
#[derive(Clone)]
pub struct SeaOrmStore {
    db: DatabaseConnection,
    observer: Option<StatementObserver>,
    /// PostgreSQL only: see [`settled_plans`].
    settled: Option<PgPool>,
    /// Callers read for recent requests: see `principals`.
    principals: Arc<KeptPrincipals>,
}

/// PostgreSQL only: connections beside the pool that plan a statement
/// once, for any values (`force_generic_plan`). The pool's connections
/// plan every statement for its values (`connect`), since a plan made for
/// a small tenant can be ruinous for a large one. These take only the
/// statements whose best plan is the same whatever the values: lookups by
/// primary key, and an unfiltered page of a list, which reads its order's
/// index from the cursor for the row limit, however much the tenant
/// holds. Planning such a statement costs as much as running it, so they
/// are planned once per connection instead of on every request. JIT
/// compilation is off on them: a generic plan's row estimates are the
/// average tenant's, which for a page with per-row relations can pass
/// `jit_above_cost`, and compiling then costs some 50 ms for a statement
/// that runs in one. Opened on first use, as many at most as the pool,
/// with its options; like the pool's, a connection is pinged before use
/// only after being idle a while, so a statement costs one round trip on
/// checkout, not two.
fn settled_plans(db: &DatabaseConnection) -> Option<PgPool> {
    if db.get_database_backend() != DbBackend::Postgres {
        return None;
    }
    let pool = db.get_postgres_connection_pool();
    let options = (*pool.connect_options())
        .clone()
        .options([("plan_cache_mode", "force_generic_plan"), ("jit", "off")]);
    // The pool's own options (size, timeouts, the ping only after idling),
    // none of them opened ahead of use.
    Some(
        pool.options()
            .clone()
            .min_connections(0)
            .connect_lazy_with(options),
    )
}

impl SeaOrmStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            settled: settled_plans(&db),
            db,
            observer: None,
            principals: Arc::default(),
        }
    }

    /// Calls `observer` with the SQL of every statement the store sends,
    /// through SeaORM or through its own scoped transactions; for tests
    /// that count what a request costs.
    pub fn observe_statements(&mut self, observer: StatementObserver) {
        let for_seaorm = observer.clone();
        self.db
            .set_metric_callback(move |info| for_seaorm(&info.statement.sql));
        self.observer = Some(observer);
    }

    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }
}

impl std::fmt::Debug for SeaOrmStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeaOrmStore")
            .field("backend", &self.db.get_database_backend())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::DbBackend;

    use crate::testing::fresh_database;

    /// The settled connections keep what makes them worth having: a plan
    /// made once, no JIT compilation, which a generic plan's average
    /// estimates can trigger on a page that runs in a millisecond, and no
    /// ping before each statement.
    #[tokio::test]
    async fn settled_connections_plan_once_and_never_compile() {
        let database = fresh_database().await.unwrap();
        if database.backend() != DbBackend::Postgres {
            return;
        }
        let store = database.store();
        let settled = store
            .settled
            .as_ref()
            .expect("PostgreSQL has settled connections");
        let settings: (String, String) =
            sqlx::query_as("SELECT current_setting('plan_cache_mode'), current_setting('jit')")
                .fetch_one(settled)
                .await
                .unwrap();
        assert_eq!(
            settings,
            ("force_generic_plan".to_owned(), "off".to_owned())
        );
        assert!(
            !settled.options().get_test_before_acquire(),
            "a ping on every checkout doubles each statement's round trips"
        );
    }
}
