//! `GET /graphql` (GraphiQL) and `POST /graphql` (single or batched
//! operations).

use async_graphql::futures_util::future::join_all;
use async_graphql::http::{MultipartOptions, receive_batch_body};
use async_graphql::{
    BatchRequest, BatchResponse, ErrorExtensionValues, ParseRequestError, Request, ServerError,
};
use async_graphql_axum::GraphQLResponse;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::TryStreamExt;
use http_body_util::LengthLimitError;
use trellis_kernel::{DomainError, RequestMeta};

use super::HttpState;
use super::meta::ClientMeta;
use super::upload_limit::UploadLimit;
use super::{auth, retry};
use crate::graphql::error::{BAD_USER_INPUT, map_domain_error};
use crate::graphql::limits::{self, CREDENTIAL_FIELDS, QUERY_TOO_COMPLEX};
use crate::graphql::plain::{Prerendered, to_json};
use crate::graphql::{Loaders, RequestAuth};

pub(crate) const GRAPHQL_PATH: &str = "/graphql";

/// Parses the body, refuses an oversized batch before anything runs, checks
/// the bearer token once, then executes every operation with the same
/// caller and request metadata.
///
/// The body is read as a stream: a multipart request's file goes from the
/// socket to a temporary file part by part, never whole into memory. Its
/// token is checked before the body is read, so that the caller's plan
/// bounds it; past that bound, or the body-limit layer's, it is 413.
pub(crate) async fn execute(
    State(http): State<HttpState>,
    ClientMeta(meta): ClientMeta,
    headers: HeaderMap,
    body: Body,
) -> Response {
    super::headers::no_store(answer(&http, meta, &headers, body).await)
}

async fn answer(http: &HttpState, meta: RequestMeta, headers: &HeaderMap, body: Body) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok());
    let is_multipart = super::body_limit::is_multipart(headers);
    // A multipart request's caller is known before its file is read, so
    // its plan bounds the file (`upload_limit`); every other request is
    // judged whole before the database is asked who sent it.
    let early_auth = if is_multipart {
        match authenticate(http, headers, &meta).await {
            Ok(auth) => Some(auth),
            Err(refusal) => return refusal,
        }
    } else {
        None
    };
    let upload = UploadLimit::for_caller(
        http.settings.max_upload_bytes,
        early_auth.as_ref().unwrap_or(&RequestAuth::Anonymous),
    );
    // async-graphql sizes the whole stream as file size times file count:
    // one file's worth, as one upload (an attachment, a FILE datasource's
    // CSV) is one request.
    let multipart = MultipartOptions::default()
        .max_file_size(upload.bytes)
        .max_num_files(1);
    let parsed = if is_multipart {
        let reader = body
            .into_data_stream()
            .map_err(std::io::Error::other)
            .into_async_read();
        receive_batch_body(content_type, reader, multipart).await
    } else {
        // A JSON body is small (its own limit) and read whole anyway.
        match axum::body::to_bytes(body, usize::MAX).await {
            Ok(bytes) => receive_batch_body(content_type, bytes.as_ref(), multipart).await,
            Err(err) => Err(ParseRequestError::Io(std::io::Error::other(err))),
        }
    };
    let batch = match parsed {
        Ok(batch) => batch,
        Err(err)
            if matches!(err, ParseRequestError::PayloadTooLarge) || over_the_body_limit(&err) =>
        {
            return match upload.plan_refusal() {
                Some(error) => errors_response(StatusCode::PAYLOAD_TOO_LARGE, error),
                None => StatusCode::PAYLOAD_TOO_LARGE.into_response(),
            };
        }
        Err(err) => return request_error(StatusCode::BAD_REQUEST, BAD_USER_INPUT, err.to_string()),
    };

    let operations = match &batch {
        BatchRequest::Single(_) => 1,
        BatchRequest::Batch(requests) => requests.len(),
    };
    let max_batch = http.settings.max_batch;
    if operations > max_batch {
        return request_error(
            StatusCode::BAD_REQUEST,
            BAD_USER_INPUT,
            format!("a batch may hold at most {max_batch} operations; this one holds {operations}"),
        );
    }

    // Each document is parsed once, here, and checked before anything runs.
    let (requests, is_batch) = match batch {
        BatchRequest::Single(request) => (vec![request], false),
        BatchRequest::Batch(requests) => (requests, true),
    };
    let mut credentials = 0usize;
    let checked: Vec<Result<Request, ServerError>> = requests
        .into_iter()
        .map(|mut request| {
            let fields = limits::check_request(&http.schema, &mut request)?;
            credentials = credentials.saturating_add(fields);
            Ok(request)
        })
        .collect();
    // One password check per HTTP request, however the batch is split (a
    // single document was held to one by `check_request`).
    if credentials > 1 {
        return request_error(
            StatusCode::BAD_REQUEST,
            QUERY_TOO_COMPLEX,
            format!(
                "the batch checks credentials {credentials} times ({}); send one per request",
                CREDENTIAL_FIELDS.join(", ")
            ),
        );
    }

    let auth = match early_auth {
        Some(auth) => auth,
        None => match authenticate(http, headers, &meta).await {
            Ok(auth) => auth,
            Err(refusal) => return refusal,
        },
    };
    auth::record_caller(&auth);

    let loaders = Loaders::new();
    let run = |checked: Result<Request, ServerError>| {
        let (schema, auth, meta, loaders, throttle) = (
            &http.schema,
            auth.clone(),
            meta.clone(),
            loaders.clone(),
            http.throttle.clone(),
        );
        async move {
            match checked {
                Ok(request) => {
                    let request = request
                        .data(auth)
                        .data(meta)
                        .data(loaders)
                        .data(throttle)
                        .data(Prerendered);
                    limits::execute_checked(schema, request).await
                }
                Err(error) => async_graphql::Response::from_errors(vec![error]),
            }
        }
    };
    let response = if is_batch {
        BatchResponse::Batch(join_all(checked.into_iter().map(run)).await)
    } else {
        let single = checked.into_iter().next().map(run);
        match single {
            Some(execution) => BatchResponse::Single(execution.await),
            None => BatchResponse::Batch(Vec::new()),
        }
    };
    let retry = retry::retry_status(retry::batch_errors(&response));
    retry::apply(written_out(&response), retry)
}

/// The answer of requests run with [`Prerendered`], which only
/// [`to_json`] writes rightly, with async-graphql-axum's headers.
fn written_out(response: &BatchResponse) -> Response {
    let body = match to_json(response) {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(error = %err, "the answer could not be written as JSON");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut written = Response::new(Body::from(body));
    let headers = written.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/graphql-response+json"),
    );
    if response.is_ok()
        && let Some(cache_control) = response.cache_control().value()
        && let Ok(value) = HeaderValue::from_str(&cache_control)
    {
        headers.insert(header::CACHE_CONTROL, value);
    }
    headers.extend(response.http_headers());
    written
}

/// The caller, or the answer when who it is cannot be known now (the
/// database is down, or broke).
async fn authenticate(
    http: &HttpState,
    headers: &HeaderMap,
    meta: &RequestMeta,
) -> Result<RequestAuth, Response> {
    auth::authenticate(&http.app.tenancy.auth, headers, meta)
        .await
        .map_err(|err| {
            domain_refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                &err,
                meta.request_id.as_deref(),
            )
        })
}

/// The whole HTTP request refused for `err`, as a resolver would report
/// it (logged with its cause chain by the mapper; the client gets the
/// reference), with `status` unless the error calls for 503 or 429.
fn domain_refusal(status: StatusCode, err: &DomainError, request_id: Option<&str>) -> Response {
    let mapped = map_domain_error(err, request_id);
    let mut error = ServerError::new(mapped.message, None);
    error.extensions = mapped.extensions;
    errors_response(status, error)
}

/// A GraphQL-shaped refusal of the whole HTTP request:
/// `{"errors":[{"message", "extensions":{"code"}}]}`.
fn request_error(status: StatusCode, code: &str, message: String) -> Response {
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", code);
    let mut error = ServerError::new(message, None);
    error.extensions = Some(extensions);
    errors_response(status, error)
}

/// With `status`, unless the error calls for 503 or 429 and `Retry-After`.
fn errors_response(status: StatusCode, error: ServerError) -> Response {
    let retry = retry::retry_status([&error]);
    let response = async_graphql::Response::from_errors(vec![error]);
    retry::apply(
        (status, GraphQLResponse::from(response)).into_response(),
        retry,
    )
}

/// Whether reading the body failed because it passed the body-limit
/// layer's limit, wherever in the parser's error the cause sits.
fn over_the_body_limit(err: &ParseRequestError) -> bool {
    // The multipart parser's error is not exposed as a `source`.
    let mut cause: Option<&(dyn std::error::Error + 'static)> = match err {
        ParseRequestError::InvalidMultipart(multipart) => Some(multipart),
        other => Some(other),
    };
    while let Some(error) = cause {
        if error.is::<LengthLimitError>() {
            return true;
        }
        // An io::Error wrapping the stream's error hides it from `source`.
        let inner = error
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|inner| inner as &(dyn std::error::Error + 'static));
        cause = inner.or_else(|| error.source());
    }
    false
}
