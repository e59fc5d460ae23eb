//! The plan's limits under writes that race: the count and the sum are
//! taken inside the write, so concurrent creates and uploads cannot share
//! the last of a limit between them.

use std::sync::Arc;

use trellis_kernel::{DomainError, DomainResult};
use trellis_tenancy::Plan;
use trellis_work::{Attachment, AttachmentId, WorkPorts};

use super::support::*;
use crate::support::*;

const RACERS: usize = 8;

/// Opens a connection for every racer first and lines them up, so that the
/// writes overlap instead of queueing behind new connections.
async fn line_up(work: &WorkPorts, org: &Org) -> Arc<tokio::sync::Barrier> {
    let reads = (0..RACERS).map(|_| {
        let (work, tenant) = (work.clone(), org.id());
        tokio::spawn(async move { work.attachments.usage(tenant).await })
    });
    for read in reads.collect::<Vec<_>>() {
        read.await.expect("the read ran").expect("usage read");
    }
    Arc::new(tokio::sync::Barrier::new(RACERS))
}

/// Runs every write at once and sorts the outcomes into successes and
/// `LimitExceeded` on `limit`; anything else fails the test.
async fn outcomes(
    writes: Vec<tokio::task::JoinHandle<DomainResult<()>>>,
    limit: &str,
) -> (usize, usize) {
    let (mut passed, mut refused) = (0, 0);
    for write in writes {
        match write.await.expect("the write ran") {
            Ok(()) => passed += 1,
            Err(DomainError::LimitExceeded { limit: named, .. }) if named == limit => refused += 1,
            Err(other) => panic!("a racing write failed otherwise: {other:?}"),
        }
    }
    (passed, refused)
}

race!(concurrent_creates_never_pass_the_item_limit);
async fn concurrent_creates_never_pass_the_item_limit(env: Env) {
    let org = Arc::new(org_on(&env, "tiny", Plan::Free).await);
    let work = ports(&env);
    let max = Plan::Free.limits().max_items.expect("a limited plan");
    plant(&env, &org, max as usize - 3, None).await;

    let start = line_up(&work, &org).await;
    let writes = (0..RACERS)
        .map(|n| {
            let (work, org, start) = (work.clone(), org.clone(), start.clone());
            let racer = item(&org, &format!("racer {n}"));
            tokio::spawn(async move {
                start.wait().await;
                try_create(&work, &org, racer, vec![], vec![])
                    .await
                    .map(drop)
            })
        })
        .collect();
    assert_eq!(outcomes(writes, "items").await, (3, RACERS - 3));
    let over = try_create(&work, &org, item(&org, "after"), vec![], vec![]).await;
    assert!(
        matches!(over, Err(DomainError::LimitExceeded { .. })),
        "{over:?}"
    );
}

race!(concurrent_uploads_never_pass_the_storage_quota);
async fn concurrent_uploads_never_pass_the_storage_quota(env: Env) {
    let org = Arc::new(org_on(&env, "tiny", Plan::Free).await);
    let work = ports(&env);
    let quota = Plan::Free
        .limits()
        .max_storage_bytes
        .expect("a limited plan");
    let target = create(&work, &org, item(&org, "Files")).await.item;
    upload(&work, &org, file(&org, target.id, quota - 10))
        .await
        .unwrap();

    let start = line_up(&work, &org).await;
    let writes = (0..RACERS)
        .map(|_| {
            let (work, org, start) = (work.clone(), org.clone(), start.clone());
            let racer = file(&org, target.id, 5);
            tokio::spawn(async move {
                start.wait().await;
                upload(&work, &org, racer).await
            })
        })
        .collect();
    assert_eq!(outcomes(writes, "storage").await, (2, RACERS - 2));
    assert_eq!(
        work.attachments.usage(org.id()).await.unwrap().used_bytes,
        quota
    );
}

fn file(org: &Org, item: trellis_work::ItemId, size: u64) -> Attachment {
    Attachment {
        id: AttachmentId::generate(),
        tenant_id: org.id(),
        item_id: item,
        filename: "racer.txt".into(),
        content_type: "text/plain".into(),
        size_bytes: size,
        uploaded_by: org.owner.id,
        created_at: now(),
    }
}

async fn upload(work: &WorkPorts, org: &Org, attachment: Attachment) -> DomainResult<()> {
    let entry = audit(org.id(), Some(org.owner.id), "attachment.uploaded");
    work.attachments.create(org.id(), &attachment, &entry).await
}
