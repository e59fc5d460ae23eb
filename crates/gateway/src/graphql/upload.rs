//! A file sent with the GraphQL multipart request spec: the multipart
//! reader has spooled it to a temporary file, whose length is known before
//! anything is read.

use async_graphql::{Context, Upload, UploadValue};
use trellis_kernel::DomainError;

/// The uploaded file named by `upload` and its length in bytes.
///
/// # Errors
/// `Validation` on `file` when the variable names no uploaded file.
pub(crate) fn uploaded_file(
    ctx: &Context<'_>,
    upload: &Upload,
) -> Result<(UploadValue, u64), DomainError> {
    let value = upload
        .value(ctx)
        .map_err(|_| DomainError::invalid("file", "is not an uploaded file"))?;
    let size = value
        .content
        .metadata()
        .map_err(DomainError::internal)?
        .len();
    Ok((value, size))
}
