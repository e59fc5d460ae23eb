//! The record of routing decisions: every field kept, newest first, filtered.

use chrono::Duration;
use trellis_intents::IntentId;
use trellis_intents::matcher::MatcherSpec;
use trellis_intents::{MatchField, MatchOperator};
use trellis_kernel::{Cursor, DomainError, PageRequest, RuleId};
use trellis_rules::RoutingPorts;
use trellis_rules::{
    DecisionOutcome, RoutingRun, RoutingRunFilter, RoutingRunId, RuleOutcome, RuleResult, RuleType,
    RunMode,
};

use crate::routing::support::*;
use crate::support::*;

async fn ids(routing: &RoutingPorts, org: &Org, filter: RoutingRunFilter) -> Vec<RoutingRunId> {
    routing
        .runs
        .list(org.id(), &filter, PageRequest::first(100))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|r| r.id)
        .collect()
}

contract!(a_run_reads_back_with_every_field);
async fn a_run_reads_back_with_every_field(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let intent = IntentId::generate(); // runs keep no key to the intent
    let full = RoutingRun {
        mode: RunMode::Validate,
        matched_by: Some(MatcherSpec {
            field: MatchField::Header,
            header: Some("X-Category".into()),
            operator: MatchOperator::Equals,
            value: "support".into(),
        }),
        results: vec![
            RuleResult {
                rule_id: RuleId::generate(),
                rule_type: RuleType::Exists,
                field_name: "from".into(),
                outcome: RuleOutcome::Passed,
                detail: "found 1 row".into(),
                duration_ms: 12.25,
            },
            RuleResult {
                rule_id: RuleId::generate(),
                rule_type: RuleType::NotEquals,
                field_name: "headers.X-Plan".into(),
                outcome: RuleOutcome::Skipped,
                detail: "the time budget was spent".into(),
                duration_ms: 0.0,
            },
        ],
        email_message_id: Some("<m1@customer.test>".into()),
        duration_ms: 42.125,
        actor_id: Some(org.owner.id),
        request_id: Some("req-7".into()),
        ..run(&org, Some(intent), DecisionOutcome::Error, now())
    };
    let bare = RoutingRun {
        intent_name: None,
        ..run(&org, None, DecisionOutcome::NoMatch, now())
    };
    for run in [&full, &bare] {
        routing.runs.insert(org.id(), run).await.unwrap();
    }
    let page = routing
        .runs
        .list(
            org.id(),
            &RoutingRunFilter::default(),
            PageRequest::first(10),
        )
        .await
        .unwrap();
    assert_eq!(page.items, [bare, full.clone()]);
    assert!(!page.has_next_page);

    let err = routing.runs.insert(org.id(), &full).await.unwrap_err();
    assert!(matches!(err, DomainError::Conflict(_)), "{err:?}");
}

contract!(runs_page_newest_first_by_keyset);
async fn runs_page_newest_first_by_keyset(env: Env) {
    let org = org(&env, "acme").await;
    let other = org_on(&env, "globex", trellis_tenancy::Plan::Pro).await;
    let routing = ports(&env);
    let mut stored = Vec::new();
    for _ in 0..5 {
        let run = run(&org, None, DecisionOutcome::NoMatch, now());
        routing.runs.insert(org.id(), &run).await.unwrap();
        stored.push(run.id);
    }
    routing
        .runs
        .insert(
            other.id(),
            &run(&other, None, DecisionOutcome::NoMatch, now()),
        )
        .await
        .unwrap();
    stored.reverse();

    let mut seen = Vec::new();
    let mut request = PageRequest::first(2);
    loop {
        let page = routing
            .runs
            .list(org.id(), &RoutingRunFilter::default(), request)
            .await
            .unwrap();
        assert!(page.items.len() <= 2);
        seen.extend(page.items.iter().map(|r| r.id));
        if !page.has_next_page {
            break;
        }
        request.after = Some(Cursor(seen.last().unwrap().as_uuid()));
    }
    assert_eq!(seen, stored);
    assert_eq!(
        ids(&routing, &other, RoutingRunFilter::default())
            .await
            .len(),
        1
    );
}

contract!(runs_are_filtered_by_intent_outcome_and_time);
async fn runs_are_filtered_by_intent_outcome_and_time(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let support = IntentId::generate();
    let sales = IntentId::generate();
    let start = now() - Duration::hours(3);
    let early = run(&org, Some(support), DecisionOutcome::Passed, start);
    let middle = run(
        &org,
        Some(sales),
        DecisionOutcome::Failed,
        start + Duration::hours(1),
    );
    let late = run(
        &org,
        Some(support),
        DecisionOutcome::Failed,
        start + Duration::hours(2),
    );
    let unmatched = run(
        &org,
        None,
        DecisionOutcome::NoMatch,
        start + Duration::hours(2),
    );
    for run in [&early, &middle, &late, &unmatched] {
        routing.runs.insert(org.id(), run).await.unwrap();
    }

    let by_intent = RoutingRunFilter {
        intent_id: Some(support),
        ..RoutingRunFilter::default()
    };
    assert_eq!(ids(&routing, &org, by_intent).await, [late.id, early.id]);
    let failed = RoutingRunFilter {
        outcome: Some(DecisionOutcome::Failed),
        ..RoutingRunFilter::default()
    };
    assert_eq!(ids(&routing, &org, failed).await, [late.id, middle.id]);
    let no_match = RoutingRunFilter {
        outcome: Some(DecisionOutcome::NoMatch),
        ..RoutingRunFilter::default()
    };
    assert_eq!(ids(&routing, &org, no_match).await, [unmatched.id]);

    // `since` includes its instant, `until` excludes its own.
    let since = RoutingRunFilter {
        since: Some(middle.created_at),
        ..RoutingRunFilter::default()
    };
    assert_eq!(
        ids(&routing, &org, since).await,
        [unmatched.id, late.id, middle.id]
    );
    let until = RoutingRunFilter {
        until: Some(middle.created_at),
        ..RoutingRunFilter::default()
    };
    assert_eq!(ids(&routing, &org, until).await, [early.id]);
    let window = RoutingRunFilter {
        intent_id: Some(support),
        outcome: Some(DecisionOutcome::Failed),
        since: Some(start + Duration::minutes(90)),
        until: Some(start + Duration::hours(3)),
    };
    assert_eq!(ids(&routing, &org, window).await, [late.id]);
    let empty = RoutingRunFilter {
        since: Some(start + Duration::hours(4)),
        ..RoutingRunFilter::default()
    };
    assert!(ids(&routing, &org, empty).await.is_empty());
}

contract!(run_time_bounds_compare_as_instants_whatever_the_year);
async fn run_time_bounds_compare_as_instants_whatever_the_year(env: Env) {
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let at = now();
    let stored = run(&org, None, DecisionOutcome::NoMatch, at);
    routing.runs.insert(org.id(), &stored).await.unwrap();
    let instant = |year, month, day| {
        chrono::NaiveDate::from_ymd_opt(year, month, day)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc()
    };
    // The years a text comparison gets wrong: five digits and BC.
    let far_future = instant(99999, 1, 1);
    let far_past = instant(-44, 3, 15);
    let year_one = instant(1, 1, 1);
    let bounds = |since, until| RoutingRunFilter {
        since,
        until,
        ..RoutingRunFilter::default()
    };
    for (since, until, expected) in [
        (Some(far_future), None, vec![]),
        (None, Some(far_past), vec![]),
        (None, Some(year_one), vec![]),
        (Some(far_past), None, vec![stored.id]),
        (Some(year_one), None, vec![stored.id]),
        (None, Some(far_future), vec![stored.id]),
        (Some(far_past), Some(far_future), vec![stored.id]),
        (Some(far_future), Some(far_past), vec![]),
        (Some(at), Some(at + Duration::seconds(1)), vec![stored.id]),
        (Some(at + Duration::seconds(1)), None, vec![]),
        (None, Some(at), vec![]),
    ] {
        assert_eq!(
            ids(&routing, &org, bounds(since, until)).await,
            expected,
            "since {since:?} until {until:?}"
        );
    }
}

contract!(text_the_database_cannot_store_is_bad_input_not_internal);
async fn text_the_database_cannot_store_is_bad_input_not_internal(env: Env) {
    // The routing domain replaces NUL before it stores a run; should one
    // reach the store anyway, PostgreSQL refuses it in `text` and in
    // `jsonb`, and the caller hears of bad input, not of a server fault.
    let org = org(&env, "acme").await;
    let routing = ports(&env);
    let in_text = RoutingRun {
        email_subject: "order\0 42".into(),
        ..run(&org, None, DecisionOutcome::NoMatch, now())
    };
    let in_json = RoutingRun {
        results: vec![RuleResult {
            rule_id: RuleId::generate(),
            rule_type: RuleType::Equals,
            field_name: "from".into(),
            outcome: RuleOutcome::Failed,
            detail: "found `pro\0`".into(),
            duration_ms: 1.0,
        }],
        ..run(&org, None, DecisionOutcome::Failed, now())
    };
    for run in [in_text, in_json] {
        match routing.runs.insert(org.id(), &run).await {
            // SQLite stores a NUL like any other character.
            Ok(()) => assert!(env.db.name().is_none(), "PostgreSQL stored a NUL"),
            Err(DomainError::Validation(fields)) => {
                assert!(env.db.name().is_some());
                assert_eq!(fields[0].field, "input");
                assert!(fields[0].message.contains("NUL"), "{fields:?}");
            }
            Err(other) => panic!("expected bad input, got {other:?}"),
        }
    }
}
