//! The network policy as reqwest hooks: a resolver that refuses private
//! addresses for every connection the client opens, and a redirect policy
//! that refuses private IP literals (which skip the resolver), limits hops
//! and keeps credentials on their origin.

use std::error::Error as StdError;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use trellis_datasources::{LookupError, LookupErrorKind};
use url::{Host, Url};

use crate::policy::{self, PolicyError};

pub const MAX_REDIRECTS: usize = 5;

/// Refuses a URL whose host is an IP literal in a refused range; names are
/// left to the resolver.
pub fn check_host(url: &Url, allow_private: bool) -> Result<(), LookupError> {
    match url.host() {
        Some(Host::Ipv4(ip)) => policy::check_literal(ip.into(), allow_private),
        Some(Host::Ipv6(ip)) => policy::check_literal(ip.into(), allow_private),
        _ => Ok(()),
    }
}

#[derive(Debug)]
pub enum Redirect {
    Follow,
    /// Return the redirect response itself as the answer.
    Stop,
    Refuse(LookupError),
}

/// What to do with a redirect to `next`. Credentials stay on their origin:
/// reqwest drops `Authorization` across hosts but not an API-key header, so
/// a config with credentials does not follow a redirect to another origin.
pub fn redirect_decision(
    next: &Url,
    previous: &[Url],
    allow_private: bool,
    has_credentials: bool,
) -> Redirect {
    if previous.len() > MAX_REDIRECTS {
        return Redirect::Refuse(LookupError::new(
            LookupErrorKind::BadResponse,
            format!("the API redirected more than {MAX_REDIRECTS} times"),
        ));
    }
    if let Err(err) = check_host(next, allow_private) {
        return Redirect::Refuse(err);
    }
    if has_credentials
        && previous
            .last()
            .is_some_and(|prev| prev.origin() != next.origin())
    {
        return Redirect::Stop;
    }
    Redirect::Follow
}

/// Resolves through the network policy, for every connection the client
/// opens, redirects included.
pub struct PolicyResolver {
    pub allow_private: bool,
    pub within: Duration,
}

impl Resolve for PolicyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        let (allow_private, within) = (self.allow_private, self.within);
        Box::pin(async move {
            match policy::resolve(&host, 0, allow_private, within).await {
                Ok(addrs) => Ok(Box::new(addrs.into_iter()) as Addrs),
                Err(err) => Err(Box::new(PolicyError(err)) as Box<dyn StdError + Send + Sync>),
            }
        })
    }
}

/// A refusal made in the resolver or redirect policy, found in the chain.
pub fn find_carried(err: &reqwest::Error) -> Option<LookupError> {
    let mut source: Option<&(dyn StdError + 'static)> = Some(err);
    while let Some(current) = source {
        if let Some(PolicyError(carried)) = current.downcast_ref::<PolicyError>() {
            return Some(carried.clone());
        }
        source = current.source();
    }
    None
}

/// The innermost cause, which names what went wrong ("connection refused")
/// without the URL, whose query holds the email's values.
pub fn root_cause(err: &reqwest::Error) -> String {
    let mut current: &(dyn StdError + 'static) = err;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn redirects_to_private_literals_are_refused() {
        let from = [url("https://api.example.com/a")];
        for target in [
            "http://169.254.169.254/latest/meta-data",
            "http://127.0.0.1:8080/",
            "http://[::1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://2130706433/",
            "http://0x7f.1/",
        ] {
            match redirect_decision(&url(target), &from, false, false) {
                Redirect::Refuse(err) => assert_eq!(err.kind, LookupErrorKind::Refused, "{target}"),
                other => panic!("{target}: {other:?}"),
            }
        }
        assert!(matches!(
            redirect_decision(&url("http://127.0.0.1/"), &from, true, false),
            Redirect::Follow
        ));
        assert!(matches!(
            redirect_decision(&url("https://cdn.example.net/x"), &from, false, false),
            Redirect::Follow
        ));
    }

    #[test]
    fn redirects_are_limited_and_credentials_stay_on_their_origin() {
        let hops: Vec<Url> = (0..=MAX_REDIRECTS)
            .map(|i| url(&format!("https://api.example.com/{i}")))
            .collect();
        let next = url("https://api.example.com/next");
        assert!(matches!(
            redirect_decision(&next, &hops[..MAX_REDIRECTS], false, false),
            Redirect::Follow
        ));
        match redirect_decision(&next, &hops, false, false) {
            Redirect::Refuse(err) => assert_eq!(err.kind, LookupErrorKind::BadResponse),
            other => panic!("{other:?}"),
        }
        let from = [url("https://api.example.com/a")];
        for other_origin in [
            "https://evil.example.com/",
            "http://api.example.com/",
            "https://api.example.com:8443/",
        ] {
            assert!(
                matches!(
                    redirect_decision(&url(other_origin), &from, false, true),
                    Redirect::Stop
                ),
                "{other_origin}"
            );
        }
        assert!(matches!(
            redirect_decision(&url("https://api.example.com/b"), &from, false, true),
            Redirect::Follow
        ));
    }
}
