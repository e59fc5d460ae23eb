//! How large a multipart request may be, decided before its file is read:
//! the caller's plan bounds it, so an upload past what the tenant's plan
//! allows is refused at the plan's size instead of being spooled to disk
//! up to the server's largest (`TRELLIS_MAX_UPLOAD_BYTES`). The resolvers
//! still check each file against its own exact limit.

use async_graphql::ServerError;
use trellis_datasources::datasource::MAX_CSV_BYTES;
use trellis_kernel::DomainError;
use trellis_tenancy::Plan;

use crate::graphql::RequestAuth;
use crate::graphql::error::map_domain_error;

/// Room beside the file for the request's other parts (`operations`,
/// `map`) and boundaries: async-graphql bounds the whole stream.
const OTHER_PARTS: usize = 64 * 1024;

/// The bound of one multipart request, and the plan that set it when it
/// is lower than the server's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UploadLimit {
    pub(crate) bytes: usize,
    plan: Option<(Plan, u64)>,
}

/// The largest file a member of a tenant on `plan` can send in one
/// request: an attachment (`uploadAttachment`) or a FILE datasource's CSV,
/// whichever may be larger. A mutation that takes a larger file must be
/// counted here.
fn largest_file(plan: Plan) -> u64 {
    let attachment = plan.limits().max_attachment_bytes.unwrap_or(u64::MAX);
    attachment.max(MAX_CSV_BYTES as u64)
}

impl UploadLimit {
    /// For `auth`'s caller: its tenant's plan's largest file, or the
    /// server's limit for a caller with no tenant (whom every upload
    /// refuses anyway) or a plan that allows more than the server takes.
    pub(crate) fn for_caller(server_max: usize, auth: &RequestAuth) -> Self {
        let plan = match auth {
            RequestAuth::Authenticated(principal) => {
                principal.selected_tenant.as_ref().map(|tenant| tenant.plan)
            }
            _ => None,
        };
        let server = Self {
            bytes: server_max,
            plan: None,
        };
        let Some(plan) = plan else {
            return server;
        };
        let file = largest_file(plan);
        match usize::try_from(file) {
            Ok(bytes) if bytes.saturating_add(OTHER_PARTS) < server_max => Self {
                bytes: bytes + OTHER_PARTS,
                plan: Some((plan, file)),
            },
            _ => server,
        }
    }

    /// Why a request over the bound is refused, when the plan set it:
    /// `LIMIT_EXCEEDED` as the use cases report a limit, saying which plan
    /// and how to get past it. `None` for the server's own bound.
    pub(crate) fn plan_refusal(&self) -> Option<ServerError> {
        let (plan, max) = self.plan?;
        let exceeded = DomainError::LimitExceeded {
            limit: "upload size",
            max,
        };
        let mut error = ServerError::new(
            format!(
                "this upload is larger than the {} per file the {} plan allows; \
                 send a smaller file, or move the tenant to a larger plan",
                size_text(max),
                plan.as_str()
            ),
            None,
        );
        error.extensions = map_domain_error(&exceeded, None).extensions;
        Some(error)
    }
}

/// `bytes` in MiB when it is a whole number of them.
fn size_text(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: usize = 1024 * 1024;

    #[test]
    fn a_plan_s_largest_file_is_its_largest_attachment_or_a_csv() {
        assert_eq!(largest_file(Plan::Free), 10 * MIB as u64);
        assert_eq!(largest_file(Plan::Pro), 100 * MIB as u64);
        // ENTERPRISE files (1 GiB) pass the default 101 MiB server limit.
        assert_eq!(largest_file(Plan::Enterprise), 1024 * MIB as u64);
    }

    #[test]
    fn sizes_read_in_mib_when_whole() {
        assert_eq!(size_text(10 * MIB as u64), "10 MiB");
        assert_eq!(size_text(1500), "1500 bytes");
    }

    #[test]
    fn an_anonymous_caller_gets_the_server_limit() {
        let limit = UploadLimit::for_caller(101 * MIB, &RequestAuth::Anonymous);
        assert_eq!(limit.bytes, 101 * MIB);
        assert_eq!(limit.plan, None);
    }
}
