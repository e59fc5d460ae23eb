//! Access tokens that must not get anyone in.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::json;
use trellis_tenancy::AccessTokens;
use trellis_tests::{TestApp, on_every_backend};

on_every_backend! {
    forged_expired_and_unsigned_tokens_are_unauthenticated => forged_expired_and_unsigned_tokens_are_unauthenticated;
    a_bad_token_does_not_block_signing_in => a_bad_token_does_not_block_signing_in;
}

fn claims_of(token: &str) -> serde_json::Value {
    let payload = token.split('.').nth(1).expect("a JWT has a payload");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json")
}

async fn forged_expired_and_unsigned_tokens_are_unauthenticated(app: TestApp) {
    let (owner, _) = app.owner_of("ada@tokens.test", "tokens", "FREE").await;
    let claims = claims_of(&owner.access_token);
    let user = claims["sub"].as_str().unwrap().parse().unwrap();
    let session = claims["sid"].as_str().unwrap().parse().unwrap();
    let tenant = claims["tid"].as_str().map(|t| t.parse().unwrap());

    // The same claims signed with another secret.
    let (forged, _) = AccessTokens::new(b"an-attacker-chosen-secret-32-bytes!!")
        .issue(
            user,
            session,
            tenant,
            Some("OWNER".into()),
            chrono::Utc::now(),
        )
        .unwrap();
    // Signed with the right secret, but expired a minute ago.
    let (expired, _) = app
        .state
        .tenancy
        .auth
        .tokens()
        .issue(
            user,
            session,
            tenant,
            None,
            chrono::Utc::now() - chrono::Duration::minutes(16),
        )
        .unwrap();
    // `alg: none` with the genuine claims and no signature.
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let payload = owner.access_token.split('.').nth(1).unwrap();
    let unsigned = format!("{header}.{payload}.");
    // The genuine token with its payload swapped for another user's.
    let mut tampered_claims = claims.clone();
    tampered_claims["role"] = json!("ADMIN");
    let parts: Vec<_> = owner.access_token.split('.').collect();
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(tampered_claims.to_string()),
        parts[2]
    );

    for (what, token) in [
        ("forged", forged.as_str()),
        ("expired", expired.as_str()),
        ("unsigned", unsigned.as_str()),
        ("tampered", tampered.as_str()),
        ("garbage", "not-a-jwt"),
    ] {
        let response = app
            .gql("{ me { id } tenant { id } }", json!({}), Some(token))
            .await;
        assert_eq!(
            response.code(),
            Some("UNAUTHENTICATED"),
            "{what}: {:?}",
            response.body
        );
        assert!(
            response.data().is_null() || response.data()["me"].is_null(),
            "{what}"
        );
    }
    let expired_response = app.gql("{ me { id } }", json!({}), Some(&expired)).await;
    assert!(
        expired_response.message().contains("expired"),
        "{}",
        expired_response.message()
    );

    // The genuine token still works.
    app.gql("{ me { id } }", json!({}), Some(&owner.access_token))
        .await
        .ok();
}

async fn a_bad_token_does_not_block_signing_in(app: TestApp) {
    app.sign_up("ada@stale.test").await;
    let response = app
        .gql(
            "mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }",
            json!({ "input": { "email": "ada@stale.test", "password": "correct-horse-9" } }),
            Some("stale.or.garbage"),
        )
        .await;
    assert!(response.body.get("errors").is_none(), "{:?}", response.body);
}
