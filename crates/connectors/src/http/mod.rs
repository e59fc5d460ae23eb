//! HTTP datasources: one client per config, carrying the config's headers and
//! credentials, whose every connection goes through the network policy (a
//! resolver that refuses private addresses, a redirect policy that refuses
//! private IP literals and keeps credentials on their origin).

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use reqwest::redirect::{Attempt, Policy};
use serde_json::Value;
use trellis_datasources::{
    Credentials, DatasourceConfig, HttpMethod, LookupError, LookupErrorKind, LookupResult,
};
use url::Url;

use crate::ConnectorSettings;
use crate::error::{config_error, timed_out};
use crate::policy::PolicyError;

mod guard;

use guard::{PolicyResolver, Redirect, check_host, find_carried, redirect_decision, root_cause};

/// Time allowed past the request timeout before the connector gives up.
const MARGIN: Duration = Duration::from_millis(250);

pub struct HttpClient {
    client: reqwest::Client,
    /// The base URL without a trailing slash; paths are appended to it.
    base: String,
    base_url: Url,
    timeout: Duration,
    connect_timeout: Duration,
    max_bytes: u64,
}

impl HttpClient {
    pub fn build(
        config: &DatasourceConfig,
        credentials: Option<Credentials>,
        settings: &ConnectorSettings,
    ) -> Result<Self, LookupError> {
        let allow_private = settings.allow_private_networks;
        let base_url = Url::parse(&config.base_url)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
            .ok_or_else(|| {
                config_error(format!(
                    "the address of `{}` is not an http(s) URL",
                    config.name
                ))
            })?;
        check_host(&base_url, allow_private)?;
        let options = &config.connection;
        let mut headers = HeaderMap::new();
        for (name, value) in &options.headers {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| config_error(format!("`{name}` is not a valid HTTP header name")))?;
            let value = HeaderValue::from_str(value).map_err(|_| {
                config_error(format!("the value of the header `{name}` is not valid"))
            })?;
            headers.insert(name, value);
        }
        let has_credentials = credentials.is_some();
        if let Some(credentials) = credentials {
            let (name, value) = auth_header(credentials)?;
            headers.insert(name, value);
        }
        let connect_timeout = Duration::from_millis(options.connect_timeout_ms);
        let timeout = Duration::from_millis(options.statement_timeout_ms);
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .user_agent("trellis")
            // A proxy would resolve names itself, past the policy.
            .no_proxy()
            .dns_resolver(Arc::new(PolicyResolver {
                allow_private,
                within: connect_timeout,
            }))
            .redirect(Policy::custom(
                move |attempt: Attempt<'_>| match redirect_decision(
                    attempt.url(),
                    attempt.previous(),
                    allow_private,
                    has_credentials,
                ) {
                    Redirect::Follow => attempt.follow(),
                    Redirect::Stop => attempt.stop(),
                    Redirect::Refuse(err) => attempt.error(PolicyError(err)),
                },
            ))
            // The path and query carry the email's values; another origin
            // should not learn them from a Referer header.
            .referer(false)
            .connect_timeout(connect_timeout)
            .timeout(timeout)
            .pool_max_idle_per_host(options.pool_size.max(1) as usize)
            .build()
            .map_err(|_| config_error("the HTTP client for this config could not be built"))?;
        Ok(Self {
            client,
            base: config.base_url.trim_end_matches('/').to_owned(),
            base_url,
            timeout,
            connect_timeout,
            max_bytes: options.max_response_bytes,
        })
    }

    pub async fn lookup(
        &self,
        method: HttpMethod,
        path_and_query: &str,
        body: Option<&Value>,
    ) -> Result<LookupResult, LookupError> {
        let url = self.url(path_and_query)?;
        let method = match method {
            HttpMethod::Get => reqwest::Method::GET,
            HttpMethod::Head => reqwest::Method::HEAD,
            HttpMethod::Post => reqwest::Method::POST,
        };
        let is_head = method == reqwest::Method::HEAD;
        let mut request = self.client.request(method, url);
        if let Some(body) = body {
            let bytes = serde_json::to_vec(body)
                .map_err(|_| config_error("the request body could not be written as JSON"))?;
            request = request.header(CONTENT_TYPE, "application/json").body(bytes);
        }
        let exchange = async {
            let mut response = request.send().await.map_err(|e| self.request_error(&e))?;
            let status = response.status().as_u16();
            let too_large = || {
                LookupError::new(
                    LookupErrorKind::TooLarge,
                    format!("the response is larger than {} bytes", self.max_bytes),
                )
            };
            if !is_head
                && response
                    .content_length()
                    .is_some_and(|n| n > self.max_bytes)
            {
                return Err(too_large());
            }
            let mut bytes = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|e| self.request_error(&e))? {
                if (bytes.len() + chunk.len()) as u64 > self.max_bytes {
                    return Err(too_large());
                }
                bytes.extend_from_slice(&chunk);
            }
            let body = if bytes.is_empty() {
                None
            } else {
                serde_json::from_slice(&bytes).ok()
            };
            Ok(LookupResult::Http { status, body })
        };
        tokio::time::timeout(self.timeout + MARGIN, exchange)
            .await
            .unwrap_or_else(|_| Err(timed_out(self.timeout)))
    }

    /// Any HTTP answer to `HEAD <base>` shows the API is reachable.
    pub async fn probe(&self) -> Result<(), LookupError> {
        self.lookup(HttpMethod::Head, "", None).await.map(drop)
    }

    /// The base URL with `path_and_query` appended; refused if the result
    /// would leave the base's origin (`@other.host`, say).
    fn url(&self, path_and_query: &str) -> Result<Url, LookupError> {
        let bad = || {
            config_error(format!(
                "`{path_and_query}` is not a path under the API's address"
            ))
        };
        if !(path_and_query.is_empty()
            || path_and_query.starts_with('/')
            || path_and_query.starts_with('?'))
        {
            return Err(bad());
        }
        let url = Url::parse(&format!("{}{path_and_query}", self.base)).map_err(|_| bad())?;
        if url.origin() != self.base_url.origin() {
            return Err(bad());
        }
        Ok(url)
    }

    fn host(&self) -> &str {
        self.base_url.host_str().unwrap_or_default()
    }

    fn request_error(&self, err: &reqwest::Error) -> LookupError {
        if let Some(carried) = find_carried(err) {
            return carried;
        }
        let host = self.host();
        let cause = root_cause(err);
        if err.is_connect() {
            let message = if err.is_timeout() {
                format!(
                    "could not connect to `{host}` within {} ms",
                    self.connect_timeout.as_millis()
                )
            } else {
                format!("could not connect to `{host}`: {cause}")
            };
            return LookupError::new(LookupErrorKind::Unreachable, message);
        }
        if err.is_timeout() {
            return timed_out(self.timeout);
        }
        if err.is_body() || err.is_decode() {
            return LookupError::new(
                LookupErrorKind::Unreachable,
                format!("the connection to `{host}` broke while reading the answer: {cause}"),
            );
        }
        LookupError::new(
            LookupErrorKind::Unreachable,
            format!("the request to `{host}` failed: {cause}"),
        )
    }
}

/// The header that carries the credentials, marked sensitive so that it is
/// never printed.
fn auth_header(credentials: Credentials) -> Result<(HeaderName, HeaderValue), LookupError> {
    let invalid = || config_error("the credentials cannot be sent as an HTTP header");
    let (name, text) = match credentials {
        Credentials::Basic { username, password } => (
            AUTHORIZATION,
            format!(
                "Basic {}",
                STANDARD.encode(format!("{username}:{password}"))
            ),
        ),
        Credentials::Bearer { token } => (AUTHORIZATION, format!("Bearer {token}")),
        Credentials::ApiKey { header, key } => {
            let name = HeaderName::from_bytes(header.as_bytes()).map_err(|_| invalid())?;
            (name, key)
        }
    };
    let mut value = HeaderValue::from_str(&text).map_err(|_| invalid())?;
    value.set_sensitive(true);
    Ok((name, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_become_sensitive_headers() {
        let (name, value) = auth_header(Credentials::Bearer {
            token: "t0k".into(),
        })
        .unwrap();
        assert_eq!(name, AUTHORIZATION);
        assert!(value.is_sensitive());
        assert!(!format!("{value:?}").contains("t0k"));
        let (name, value) = auth_header(Credentials::Basic {
            username: "u".into(),
            password: "p".into(),
        })
        .unwrap();
        assert_eq!(name, AUTHORIZATION);
        assert_eq!(value.to_str().unwrap(), "Basic dTpw");
        let (name, _) = auth_header(Credentials::ApiKey {
            header: "X-Api-Key".into(),
            key: "k".into(),
        })
        .unwrap();
        assert_eq!(name.as_str(), "x-api-key");
        let err = auth_header(Credentials::Bearer {
            token: "bad\nsecret".into(),
        })
        .unwrap_err();
        assert!(!err.message.contains("secret"));
    }
}
