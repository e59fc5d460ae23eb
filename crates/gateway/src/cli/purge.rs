//! `trellis purge`: Work items deleted long enough ago, removed for good.

use anyhow::Context as _;
use trellis_work::purge::PurgeReport;

use crate::config::Config;
use crate::server;

/// An age as an operator types it: a number and a unit (`30d`, `12h`,
/// `2w`, `1h 30m`).
pub(super) fn parse_age(text: &str) -> Result<chrono::Duration, String> {
    let age = humantime::parse_duration(text.trim()).map_err(|err| {
        format!(
            "`{text}` is not a duration ({err}); write a number and a unit, e.g. `30d`, `12h` or `2w`"
        )
    })?;
    chrono::Duration::from_std(age).map_err(|_| {
        format!("`{text}` reaches before any date; give a number of days, e.g. `3650d`")
    })
}

pub(super) async fn purge_deleted_items(
    config: Config,
    older_than: chrono::Duration,
) -> anyhow::Result<()> {
    server::migrate_database(&config).await?;
    let db = server::connect(&config).await?;
    let state = server::build_state(&config, db);
    let report = state
        .work
        .purge
        .purge_deleted_items(older_than)
        .await
        .context(
            "cannot purge deleted items (what was purged before the failure stays purged); \
             run the command again once the cause is fixed",
        )?;
    println!("{}", report_line(&report));
    Ok(())
}

/// What `trellis purge` says it did, on one line.
fn report_line(report: &PurgeReport) -> String {
    let mut line = format!(
        "purged {}, {} and {} ({} freed) in {}",
        count(report.items, "item"),
        count(report.comments, "comment"),
        count(report.attachments, "attachment"),
        count(report.bytes_freed, "byte"),
        count(report.tenants, "tenant"),
    );
    if report.files_failed > 0 {
        line.push_str(&format!(
            "; could not remove {} from the file store, left there unreferenced \
             (the log names their keys)",
            count(report.files_failed, "file")
        ));
    }
    line
}

fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_age_is_a_number_and_a_unit() {
        assert_eq!(parse_age("30d"), Ok(chrono::Duration::days(30)));
        assert_eq!(parse_age(" 12h "), Ok(chrono::Duration::hours(12)));
        assert_eq!(parse_age("2w"), Ok(chrono::Duration::weeks(2)));
        assert_eq!(parse_age("0s"), Ok(chrono::Duration::zero()));
    }

    #[test]
    fn an_age_without_a_unit_or_with_a_sign_is_refused_with_an_example() {
        for text in ["30", "-30d", "thirty days", ""] {
            let err = parse_age(text).unwrap_err();
            assert!(err.contains("e.g. `30d`"), "{text}: {err}");
        }
    }

    #[test]
    fn the_report_counts_everything_and_names_files_left_behind() {
        let report = PurgeReport {
            tenants: 2,
            items: 12,
            comments: 30,
            attachments: 4,
            bytes_freed: 1_024,
            files_failed: 0,
        };
        assert_eq!(
            report_line(&report),
            "purged 12 items, 30 comments and 4 attachments (1024 bytes freed) in 2 tenants"
        );
        let report = PurgeReport {
            tenants: 1,
            items: 1,
            comments: 0,
            attachments: 1,
            bytes_freed: 0,
            files_failed: 1,
        };
        assert_eq!(
            report_line(&report),
            "purged 1 item, 0 comments and 1 attachment (0 bytes freed) in 1 tenant; \
             could not remove 1 file from the file store, left there unreferenced \
             (the log names their keys)"
        );
    }
}
