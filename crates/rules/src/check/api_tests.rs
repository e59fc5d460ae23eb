use serde_json::{Value, json};
use trellis_datasources::{DatasourceKind, HttpMethod, Lookup, LookupResult, Protocol};

use super::judge_tests::{check, email};
use crate::rule::RuleType;
use crate::run::RuleOutcome::{self, Error, Failed, Passed};

const API: (DatasourceKind, Protocol) = (DatasourceKind::Api, Protocol::Http);

#[test]
fn api_lookups_keep_each_value_in_its_segment() {
    let conditions = json!({"path": "/customers/{from}/orders?plan={fields.plan}"});
    let check = check(RuleType::Exists, API, conditions);
    let mut sneaky = email();
    sneaky.from = "a/../b?x=1".into();
    let Lookup::Http {
        method,
        path_and_query,
        body,
    } = check.lookup(&sneaky).unwrap()
    else {
        panic!("not an HTTP lookup");
    };
    assert_eq!(method, HttpMethod::Get);
    assert_eq!(
        path_and_query,
        "/customers/a%2F..%2Fb%3Fx%3D1/orders?plan=Pro"
    );
    assert_eq!(body, None);
    sneaky.from = "..".into();
    assert!(check.lookup(&sneaky).unwrap_err().contains("`..`"));
}

#[test]
fn api_bodies_are_filled_in() {
    let conditions = json!({
        "method": "post", "path": "/check",
        "body": {"email": "{from}", "note": "re: {subject}", "n": 1, "fixed": ["a"]}
    });
    let check = check(RuleType::Exists, API, conditions);
    let Lookup::Http { method, body, .. } = check.lookup(&email()).unwrap() else {
        panic!("not an HTTP lookup");
    };
    assert_eq!(method, HttpMethod::Post);
    let expected =
        json!({"email": "Ada@Example.com", "note": "re: Order 42", "n": 1, "fixed": ["a"]});
    assert_eq!(body, Some(expected));
}

fn api(
    rule_type: RuleType,
    extra: Value,
    status: u16,
    body: Option<Value>,
) -> (RuleOutcome, String) {
    let mut conditions = json!({"path": "/customers/{from}"});
    conditions
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let check = check(rule_type, API, conditions);
    check.judge(&email(), &LookupResult::Http { status, body })
}

#[test]
fn api_exists_looks_at_the_status_and_the_pointer() {
    let plain = json!({});
    assert_eq!(api(RuleType::Exists, plain.clone(), 200, None).0, Passed);
    let (outcome, detail) = api(RuleType::Exists, plain.clone(), 404, None);
    assert_eq!(
        (outcome, detail.as_str()),
        (Failed, "the API answered 404, expected 200")
    );
    assert_eq!(api(RuleType::NotExists, plain, 404, None).0, Passed);
    let statuses = json!({"expectStatus": [200, 204]});
    assert_eq!(api(RuleType::Exists, statuses, 204, None).0, Passed);

    let active = json!({"pointer": "/active"});
    let (outcome, detail) = api(
        RuleType::Exists,
        active.clone(),
        200,
        Some(json!({"active": true})),
    );
    assert_eq!(
        (outcome, detail.as_str()),
        (Passed, "the API answered 200 and /active is `true`")
    );
    let (outcome, detail) = api(
        RuleType::Exists,
        active.clone(),
        200,
        Some(json!({"active": null})),
    );
    assert_eq!(
        (outcome, detail.as_str()),
        (Failed, "the API answered 200 but /active is null")
    );
    assert_eq!(
        api(RuleType::NotExists, active.clone(), 200, Some(json!({}))).0,
        Passed
    );
    let (outcome, detail) = api(RuleType::Exists, active, 200, None);
    assert_eq!(
        (outcome, detail.as_str()),
        (Error, "the API did not answer with JSON")
    );
}

#[test]
fn api_comparisons_read_the_pointer() {
    let plan = json!({"pointer": "/customer/plan", "expected": "PRO"});
    let body = Some(json!({"customer": {"plan": "pro"}}));
    assert_eq!(api(RuleType::Equals, plan.clone(), 200, body).0, Passed);
    let (outcome, detail) = api(RuleType::Equals, plan.clone(), 404, Some(json!({})));
    assert_eq!(
        (outcome, detail.as_str()),
        (Failed, "the API answered 404, expected 200")
    );
    assert_eq!(
        api(RuleType::Equals, plan.clone(), 200, Some(json!({}))),
        (Failed, "found nothing".into())
    );
    assert_eq!(api(RuleType::Equals, plan, 200, None).0, Error);
    let range = json!({"pointer": "/orders/0/total", "min": 10});
    assert_eq!(
        api(
            RuleType::Range,
            range,
            200,
            Some(json!({"orders": [{"total": 12.5}]}))
        )
        .0,
        Passed
    );
}
