//! Resolver behaviour that the end-to-end suite cannot pin down: how many
//! use-case calls a query makes, and that a `Tenant` object never answers
//! with another tenant's rows.

mod support;

use async_graphql::{Request, Response, Value};
use chrono::Utc;
use support::{Mocks, MocksExt};
use trellis_gateway::graphql::RequestAuth;
use trellis_kernel::BuiltinRole;
use trellis_kernel::{Actor, Page, RequestMeta, SessionId, TenantCtx, TenantId, UserId};
use trellis_tenancy::{Email, Plan, Principal, Slug, Tenant, TenantAccess, TenantStatus, User};

fn actor(user: UserId, is_platform_admin: bool) -> Actor {
    Actor {
        user_id: user,
        session_id: SessionId::generate(),
        is_platform_admin,
        meta: RequestMeta::default(),
    }
}

fn signed_in(actor: Actor, tenant: Option<TenantId>) -> RequestAuth {
    let tenant = match tenant {
        None => TenantAccess::NoneSelected,
        Some(tenant_id) => TenantAccess::Granted(TenantCtx {
            tenant_id,
            actor: actor.clone(),
            role: "OWNER".into(),
            permissions: BuiltinRole::Owner.permissions(),
        }),
    };
    RequestAuth::Authenticated(Principal {
        actor,
        tenant,
        selected_tenant: None,
    })
}

fn tenant(slug: &str) -> Tenant {
    Tenant {
        id: TenantId::generate(),
        name: slug.to_uppercase(),
        slug: Slug::from_trusted(slug.into()),
        plan: Plan::Pro,
        status: TenantStatus::Active,
        suspended_reason: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn code(response: &Response) -> Option<String> {
    match response.errors.first()?.extensions.as_ref()?.get("code")? {
        Value::String(code) => Some(code.clone()),
        _ => None,
    }
}

#[tokio::test]
async fn me_loads_the_user_once_for_both_email_and_name() {
    let user = UserId::generate();
    let mut mocks = Mocks::default();
    mocks.users.expect_find().times(1).returning(move |id| {
        Ok(Some(User {
            id,
            email: Email::from_trusted("ada@example.com".into()),
            name: "Ada".into(),
            is_platform_admin: false,
            created_at: Utc::now(),
        }))
    });
    let schema = mocks.into_schema();

    let response = schema
        .execute(
            Request::new("{ me { id email name isPlatformAdmin } }")
                .data(signed_in(actor(user, false), None)),
        )
        .await;

    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().unwrap_or_default();
    assert_eq!(data["me"]["id"], user.to_string());
    assert_eq!(data["me"]["email"], "ada@example.com");
    assert_eq!(data["me"]["name"], "Ada");
}

#[tokio::test]
async fn me_without_email_or_name_reads_no_user() {
    let mut mocks = Mocks::default();
    mocks.users.expect_find().never();
    mocks
        .memberships
        .expect_list_for_user()
        .times(1)
        .returning(|_| Ok(vec![]));
    let schema = mocks.into_schema();
    let auth = signed_in(actor(UserId::generate(), false), None);

    let response = schema
        .execute(Request::new("{ me { id memberships { role } } }").data(auth))
        .await;

    assert!(response.errors.is_empty(), "{:?}", response.errors);
}

#[tokio::test]
async fn members_of_a_tenant_other_than_the_current_one_are_not_found() {
    let current = TenantId::generate();
    let other = tenant("other-co");
    let mut mocks = Mocks::default();
    mocks.tenants.expect_list().returning(move |_| {
        Ok(Page {
            items: vec![other.clone()],
            has_next_page: false,
        })
    });
    // The member use case lists the *current* tenant; it must not be asked.
    mocks.memberships.expect_list().never();
    let schema = mocks.into_schema();
    let auth = signed_in(actor(UserId::generate(), true), Some(current));

    let response = schema
        .execute(
            Request::new(
                "{ adminTenants { edges { node { slug members { edges { node { role } } } } } } }",
            )
            .data(auth),
        )
        .await;

    assert_eq!(
        code(&response).as_deref(),
        Some("NOT_FOUND"),
        "{:?}",
        response.errors
    );
}
