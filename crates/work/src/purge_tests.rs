//! The purge use case over mocks: every tenant in turn, batch after batch
//! from where the last one stopped, files only after their rows, and a
//! file that cannot be removed counted, never fatal.

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use mockall::Sequence;
use mockall::predicate::eq;
use trellis_kernel::{AuditEntryId, DomainError, FixedClock, TenantId};

use crate::attachment::{AttachmentId, storage_key};
use crate::product::Work;
use crate::purge::{BATCH_ITEMS, PurgeAudit, PurgeReport, PurgedAttachment, PurgedBatch};
use crate::testing::WorkMocks;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

fn work(mocks: WorkMocks) -> Work {
    Work::new(mocks.into_ports(), Arc::new(FixedClock::new(now())))
}

fn file(size_bytes: u64) -> PurgedAttachment {
    PurgedAttachment {
        id: AttachmentId::generate(),
        size_bytes,
    }
}

/// A batch that removed `items` items and the `files`' rows, and looked
/// at deletions up to `last`.
fn batch(items: u64, files: &[PurgedAttachment], last: AuditEntryId) -> PurgedBatch {
    PurgedBatch {
        deletions: vec![last],
        items,
        comments: items * 2,
        attachments: files.to_vec(),
        last: Some(last),
    }
}

/// One page of the tenant directory: `page` after `after`.
fn tenants_page(
    mocks: &mut WorkMocks,
    after: Option<TenantId>,
    page: Vec<TenantId>,
    seq: &mut Sequence,
) {
    mocks
        .purge
        .expect_tenants()
        .with(eq(after), eq(500))
        .times(1)
        .in_sequence(seq)
        .return_once(move |_, _| Ok(page));
}

fn expect_batch(
    mocks: &mut WorkMocks,
    tenant: TenantId,
    after: Option<AuditEntryId>,
    result: PurgedBatch,
    seq: &mut Sequence,
) {
    let cutoff = now() - Duration::days(30);
    mocks
        .purge
        .expect_purge_batch()
        .withf(move |t, request, audit| {
            *t == tenant
                && request.deleted_before == cutoff
                && request.after == after
                && request.max_items == BATCH_ITEMS
                && audit.tenant() == tenant
        })
        .times(1)
        .in_sequence(seq)
        .return_once(move |_, _, _| Ok(result));
}

fn expect_file_delete(
    mocks: &mut WorkMocks,
    key: String,
    result: Result<(), DomainError>,
    seq: &mut Sequence,
) {
    mocks
        .files
        .expect_delete()
        .with(eq(key))
        .times(1)
        .in_sequence(seq)
        .return_once(move |_| result);
}

#[tokio::test]
async fn each_batchs_files_go_after_its_rows_and_the_next_batch_starts_where_it_stopped() {
    let tenant = TenantId::generate();
    let (first, second) = (AuditEntryId::generate(), AuditEntryId::generate());
    let (a, b, c) = (file(10), file(20), file(40));
    let mut mocks = WorkMocks::default();
    let mut seq = Sequence::new();
    tenants_page(&mut mocks, None, vec![tenant], &mut seq);
    expect_batch(&mut mocks, tenant, None, batch(3, &[a, b], first), &mut seq);
    expect_file_delete(&mut mocks, storage_key(tenant, a.id), Ok(()), &mut seq);
    expect_file_delete(&mut mocks, storage_key(tenant, b.id), Ok(()), &mut seq);
    expect_batch(
        &mut mocks,
        tenant,
        Some(first),
        batch(1, &[c], second),
        &mut seq,
    );
    expect_file_delete(&mut mocks, storage_key(tenant, c.id), Ok(()), &mut seq);
    expect_batch(
        &mut mocks,
        tenant,
        Some(second),
        PurgedBatch::default(),
        &mut seq,
    );
    tenants_page(&mut mocks, Some(tenant), Vec::new(), &mut seq);

    let report = work(mocks)
        .purge
        .purge_deleted_items(Duration::days(30))
        .await
        .unwrap();
    assert_eq!(
        report,
        PurgeReport {
            tenants: 1,
            items: 4,
            comments: 8,
            attachments: 3,
            bytes_freed: 70,
            files_failed: 0,
        }
    );
}

#[tokio::test]
async fn a_file_that_cannot_be_removed_is_counted_and_the_purge_goes_on() {
    let tenant = TenantId::generate();
    let deletion = AuditEntryId::generate();
    let (stuck, gone) = (file(100), file(5));
    let mut mocks = WorkMocks::default();
    let mut seq = Sequence::new();
    tenants_page(&mut mocks, None, vec![tenant], &mut seq);
    expect_batch(
        &mut mocks,
        tenant,
        None,
        batch(2, &[stuck, gone], deletion),
        &mut seq,
    );
    expect_file_delete(
        &mut mocks,
        storage_key(tenant, stuck.id),
        Err(DomainError::internal_msg("the bucket refused")),
        &mut seq,
    );
    expect_file_delete(&mut mocks, storage_key(tenant, gone.id), Ok(()), &mut seq);
    expect_batch(
        &mut mocks,
        tenant,
        Some(deletion),
        PurgedBatch::default(),
        &mut seq,
    );
    tenants_page(&mut mocks, Some(tenant), Vec::new(), &mut seq);

    let report = work(mocks)
        .purge
        .purge_deleted_items(Duration::days(30))
        .await
        .unwrap();
    assert_eq!(report.attachments, 2);
    assert_eq!(report.files_failed, 1);
    assert_eq!(report.bytes_freed, 5, "the file still there freed nothing");
}

#[tokio::test]
async fn every_tenant_is_visited_and_only_those_with_something_purged_are_counted() {
    let (busy, idle) = (TenantId::generate(), TenantId::generate());
    let deletion = AuditEntryId::generate();
    let mut mocks = WorkMocks::default();
    let mut seq = Sequence::new();
    tenants_page(&mut mocks, None, vec![busy, idle], &mut seq);
    expect_batch(&mut mocks, busy, None, batch(1, &[], deletion), &mut seq);
    expect_batch(
        &mut mocks,
        busy,
        Some(deletion),
        PurgedBatch::default(),
        &mut seq,
    );
    // Deletions looked at and skipped (still parents) purge nothing.
    let skipped = PurgedBatch {
        last: Some(AuditEntryId::generate()),
        ..PurgedBatch::default()
    };
    let after_skipped = skipped.last;
    expect_batch(&mut mocks, idle, None, skipped, &mut seq);
    expect_batch(
        &mut mocks,
        idle,
        after_skipped,
        PurgedBatch::default(),
        &mut seq,
    );
    tenants_page(&mut mocks, Some(idle), Vec::new(), &mut seq);

    let report = work(mocks)
        .purge
        .purge_deleted_items(Duration::days(30))
        .await
        .unwrap();
    assert_eq!((report.tenants, report.items), (1, 1));
}

#[tokio::test]
async fn a_store_that_does_not_move_on_is_an_error_not_an_endless_loop() {
    let tenant = TenantId::generate();
    let deletion = AuditEntryId::generate();
    let mut mocks = WorkMocks::default();
    mocks
        .purge
        .expect_tenants()
        .return_once(move |_, _| Ok(vec![tenant]));
    let mut seq = Sequence::new();
    expect_batch(&mut mocks, tenant, None, batch(1, &[], deletion), &mut seq);
    expect_batch(
        &mut mocks,
        tenant,
        Some(deletion),
        batch(0, &[], deletion),
        &mut seq,
    );

    let err = work(mocks)
        .purge
        .purge_deleted_items(Duration::days(30))
        .await
        .unwrap_err();
    assert!(matches!(err, DomainError::Internal(_)), "{err:?}");
}

#[tokio::test]
async fn a_negative_age_is_refused_before_anything_is_read() {
    // Mocks without expectations: any call would panic.
    let err = work(WorkMocks::default())
        .purge
        .purge_deleted_items(Duration::days(-1))
        .await
        .unwrap_err();
    let DomainError::Validation(fields) = err else {
        panic!("expected a validation error, got {err:?}");
    };
    assert_eq!(fields[0].field, "olderThan");
}

#[test]
fn a_batchs_audit_entry_has_no_actor_and_says_what_went() {
    let tenant = TenantId::generate();
    let cutoff = now() - Duration::days(30);
    let deletion = AuditEntryId::generate();
    let audit = PurgeAudit::new(tenant, cutoff, now());
    let entry = audit.of(&batch(3, &[file(7), file(8)], deletion));
    assert_eq!(entry.tenant_id, tenant);
    assert_eq!(entry.actor_id, None);
    assert_eq!(entry.action, "items.purged");
    assert_eq!(
        (entry.entity_type.as_str(), entry.entity_id),
        ("tenant", tenant.to_string())
    );
    assert_eq!(entry.created_at, now());
    assert_eq!(
        entry.after,
        Some(serde_json::json!({
            "deletedBefore": cutoff,
            "deletions": [deletion],
            "items": 3,
            "comments": 6,
            "attachments": 2,
            "attachmentBytes": 15,
        }))
    );
}
