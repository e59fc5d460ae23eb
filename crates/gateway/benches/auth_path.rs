//! The per-request authentication path, which every authenticated request
//! pays before any resolver runs:
//!
//! - `jwt_verify`: HS256 signature and claims check alone;
//! - `authenticate`: `AuthService::authenticate` end to end over in-memory
//!   SQLite (verify, `load_principal`, building the `TenantCtx`);
//! - `http_me`: a whole `POST /graphql { me { id } }` through the router,
//!   middleware included, to show what the HTTP layer adds;
//! - `authenticate_postgres`: `authenticate` over PostgreSQL, when
//!   `TEST_DATABASE_URL` names a server the bench may create a database on.
//!
//! Run: `cargo bench -p trellis-gateway --bench auth_path`.

use std::hint::black_box;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use criterion::{Criterion, criterion_group, criterion_main};
use sea_orm::DatabaseConnection;
use tower::ServiceExt;
use trellis_gateway::server::build_state;
use trellis_gateway::{AppState, Config};
use trellis_kernel::RequestMeta;
use trellis_store_seaorm::testing;
use trellis_tenancy::service::{CreateTenant, SignUp};
use trellis_tenancy::{AccessTokens, Plan, TenantAccess};

/// A user who owns a tenant, and an access token that selects it.
async fn seed(config: &Config, db: DatabaseConnection) -> (AppState, String) {
    let state = build_state(config, db);
    let meta = RequestMeta::default();
    let signed_up = state
        .tenancy
        .auth
        .sign_up(
            &meta,
            SignUp {
                email: "bench@example.com".into(),
                password: "correct-horse-9".into(),
                name: "Bench".into(),
            },
        )
        .await
        .expect("sign up");
    let principal = state
        .tenancy
        .auth
        .authenticate(&signed_up.access_token, meta.clone())
        .await
        .expect("fresh token authenticates");
    let tenant = state
        .tenancy
        .tenants
        .create(
            &principal.actor,
            CreateTenant {
                name: "Bench Org".into(),
                slug: "bench-org".into(),
                plan: Plan::Pro,
            },
        )
        .await
        .expect("tenant created");
    let switched = state
        .tenancy
        .auth
        .switch_tenant(&principal.actor, tenant.id)
        .await
        .expect("switch to the tenant");
    (state, switched.access_token)
}

fn auth_path(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let config = Config::for_tests();
    let sqlite = runtime
        .block_on(testing::fresh_sqlite())
        .expect("in-memory SQLite opens");
    let (state, token) = runtime.block_on(seed(&config, sqlite.connection().clone()));

    // The measured path must be the full one: a token that selects a tenant
    // the caller is an active member of.
    let principal = runtime
        .block_on(
            state
                .tenancy
                .auth
                .authenticate(&token, RequestMeta::default()),
        )
        .expect("tenant token authenticates");
    assert!(
        matches!(principal.tenant, TenantAccess::Granted(_)),
        "{principal:?}"
    );

    let tokens = AccessTokens::new(config.jwt_secret.as_bytes());
    let router = trellis_gateway::router(state.clone(), &config);
    let mut group = c.benchmark_group("auth_path");

    group.bench_function("jwt_verify", |b| {
        b.iter(|| tokens.verify(black_box(&token)).expect("valid"));
    });

    group.bench_function("authenticate", |b| {
        b.to_async(&runtime).iter(|| async {
            let meta = RequestMeta::default();
            state
                .tenancy
                .auth
                .authenticate(black_box(&token), meta)
                .await
                .expect("valid")
        });
    });

    let body = r#"{"query":"{ me { id } }"}"#;
    let bearer = format!("Bearer {token}");
    group.bench_function("http_me", |b| {
        b.to_async(&runtime).iter(|| async {
            let request = Request::post("/graphql")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::AUTHORIZATION, &bearer)
                .body(Body::from(body))
                .expect("request builds");
            let response = router
                .clone()
                .oneshot(request)
                .await
                .expect("router answers");
            assert_eq!(response.status(), StatusCode::OK);
            response
        });
    });

    if let Ok(url) = std::env::var(testing::TEST_DATABASE_URL) {
        let postgres = runtime
            .block_on(testing::fresh_postgres(&url))
            .expect("a fresh PostgreSQL database");
        let (pg_state, pg_token) = runtime.block_on(seed(&config, postgres.connection().clone()));
        group.bench_function("authenticate_postgres", |b| {
            b.to_async(&runtime).iter(|| async {
                pg_state
                    .tenancy
                    .auth
                    .authenticate(black_box(&pg_token), RequestMeta::default())
                    .await
                    .expect("valid")
            });
        });
    }

    group.finish();
}

criterion_group!(benches, auth_path);
criterion_main!(benches);
