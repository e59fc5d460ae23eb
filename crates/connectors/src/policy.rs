//! The network policy: which addresses a tenant's datasource may point at.
//! Without it a tenant could make the server query its own metadata service,
//! its database or anything else on the private network (SSRF).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use trellis_datasources::{LookupError, LookupErrorKind};

/// The environment variable that lifts the policy, named in refusals so an
/// operator knows what to change.
const ALLOW_PRIVATE_ENV: &str = "TRELLIS_ALLOW_PRIVATE_NETWORKS";

/// Why an address is refused, in words for the tenant.
pub fn refused_class(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => refused_v4(v4),
        IpAddr::V6(v6) => refused_v6(v6),
    }
}

fn refused_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    let class = match (a, b) {
        _ if ip.is_unspecified() => "unspecified",
        _ if ip.is_broadcast() => "broadcast",
        (0, _) => "unspecified",
        (127, _) => "loopback",
        (10, _) | (192, 168) => "private",
        (172, 16..=31) => "private",
        (169, 254) => "link-local",
        (100, 64..=127) => "shared (carrier-grade NAT)",
        (192, 0) if c == 0 => "reserved",
        (198, 18..=19) => "reserved",
        (224..=239, _) => "multicast",
        (240..=255, _) => "reserved",
        _ => return None,
    };
    Some(class)
}

fn refused_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if ip.is_unspecified() {
        return Some("unspecified");
    }
    if ip.is_loopback() {
        return Some("loopback");
    }
    // Addresses that carry an IPv4 address are judged by it: `::ffff:127.0.0.1`
    // reaches 127.0.0.1.
    if let Some(v4) = embedded_v4(ip) {
        return refused_v4(v4);
    }
    let first = ip.segments()[0];
    let class = match first {
        _ if first & 0xffc0 == 0xfe80 => "link-local",
        _ if first & 0xffc0 == 0xfec0 => "site-local",
        _ if first & 0xfe00 == 0xfc00 => "unique-local",
        _ if first & 0xff00 == 0xff00 => "multicast",
        _ => return None,
    };
    Some(class)
}

/// The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible
/// (`::a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) or 6to4 (`2002:aabb:ccdd::`) address.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let low = || Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    match s {
        [0, 0, 0, 0, 0, 0xffff, _, _] | [0, 0, 0, 0, 0, 0, _, _] => Some(low()),
        [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(low()),
        [0x2002, hi, lo, ..] => Some(Ipv4Addr::new(
            (hi >> 8) as u8,
            hi as u8,
            (lo >> 8) as u8,
            lo as u8,
        )),
        _ => None,
    }
}

/// A lookup error raised inside reqwest's resolver or redirect hook (a
/// refusal, a failed resolution, too many redirects), carried through
/// reqwest's error chain so the connector can report it as it was raised.
#[derive(Debug, Clone)]
pub struct PolicyError(pub LookupError);

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for PolicyError {}

/// `subject` ends in the verb: "the address `10.0.0.1` is", "the host `db` resolves to".
pub fn refusal(subject: &str, class: &str) -> LookupError {
    let article = if class.starts_with('u') && !class.starts_with("uni") {
        "an"
    } else {
        "a"
    };
    LookupError::new(
        LookupErrorKind::Refused,
        format!(
            "{subject} {article} {class} address; loopback, private and link-local addresses are \
             refused unless {ALLOW_PRIVATE_ENV}=true"
        ),
    )
}

/// Checks an address written in a URL (no DNS involved).
pub fn check_literal(ip: IpAddr, allow_private: bool) -> Result<(), LookupError> {
    match refused_class(ip) {
        Some(class) if !allow_private => Err(refusal(&format!("the address `{ip}` is"), class)),
        _ => Ok(()),
    }
}

/// Resolves `host` and returns its addresses if none is refused. Every
/// address is checked, not just the first: a name with one public and one
/// private address could otherwise be used to reach the private one.
pub async fn resolve(
    host: &str,
    port: u16,
    allow_private: bool,
    within: Duration,
) -> Result<Vec<SocketAddr>, LookupError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let unreachable = |why: &str| {
        LookupError::new(
            LookupErrorKind::Unreachable,
            format!("could not resolve the host `{bare}`: {why}"),
        )
    };
    if let Ok(ip) = bare.parse::<IpAddr>() {
        check_literal(ip, allow_private)?;
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let addrs: Vec<SocketAddr> =
        match tokio::time::timeout(within, tokio::net::lookup_host((bare, port))).await {
            Ok(Ok(addrs)) => addrs.collect(),
            Ok(Err(err)) => return Err(unreachable(&err.to_string())),
            Err(_) => return Err(unreachable("DNS did not answer in time")),
        };
    if addrs.is_empty() {
        return Err(unreachable("it has no addresses"));
    }
    if let Some(class) = addrs
        .iter()
        .find_map(|addr| refused_class(addr.ip()))
        .filter(|_| !allow_private)
    {
        return Err(refusal(&format!("the host `{bare}` resolves to"), class));
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> bool {
        refused_class(text.parse().unwrap()).is_some()
    }

    #[test]
    fn private_and_special_ipv4_ranges_are_refused() {
        for ip in [
            "0.0.0.0",
            "0.1.2.3",
            "127.0.0.1",
            "127.255.255.254",
            "10.0.0.1",
            "10.255.255.255",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "192.0.0.170",
            "198.18.0.1",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
        ] {
            assert!(refused(ip), "{ip} allowed");
        }
    }

    #[test]
    fn public_ipv4_addresses_pass_including_range_neighbours() {
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "9.255.255.255",
            "11.0.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.167.255.255",
            "192.169.0.0",
            "169.253.255.255",
            "100.63.255.255",
            "100.128.0.0",
            "192.0.1.1",
            "198.20.0.0",
            "223.255.255.255",
            "126.255.255.255",
            "128.0.0.1",
        ] {
            assert!(!refused(ip), "{ip} refused");
        }
    }

    #[test]
    fn special_ipv6_ranges_are_refused() {
        for ip in [
            "::",
            "::1",
            "fe80::1",
            "febf::1",
            "fec0::1",
            "fc00::1",
            "fd12:3456::1",
            "ff02::1",
        ] {
            assert!(refused(ip), "{ip} allowed");
        }
        for ip in [
            "2001:4860:4860::8888",
            "2606:4700::1111",
            "fe7f::1",
            "fbff::1",
        ] {
            assert!(!refused(ip), "{ip} refused");
        }
    }

    #[test]
    fn ipv6_addresses_carrying_ipv4_are_judged_by_the_ipv4_address() {
        for ip in [
            "::ffff:127.0.0.1",
            "::ffff:10.1.2.3",
            "::ffff:169.254.169.254",
            "::ffff:0.0.0.0",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2002:c0a8:101::1",
        ] {
            assert!(refused(ip), "{ip} allowed");
        }
        for ip in ["::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"] {
            assert!(!refused(ip), "{ip} refused");
        }
    }

    #[test]
    fn literals_are_refused_with_the_setting_named_unless_allowed() {
        let err = check_literal("10.0.0.1".parse().unwrap(), false).unwrap_err();
        assert_eq!(err.kind, LookupErrorKind::Refused);
        assert!(err.message.contains("10.0.0.1"), "{}", err.message);
        assert!(err.message.contains(ALLOW_PRIVATE_ENV), "{}", err.message);
        assert!(check_literal("10.0.0.1".parse().unwrap(), true).is_ok());
    }

    #[tokio::test]
    async fn names_are_resolved_and_every_address_checked() {
        let err = resolve("localhost", 5432, false, Duration::from_secs(2))
            .await
            .unwrap_err();
        assert_eq!(err.kind, LookupErrorKind::Refused);
        assert!(err.message.contains("`localhost`"), "{}", err.message);
        assert!(err.message.contains("loopback"), "{}", err.message);
        let allowed = resolve("localhost", 5432, true, Duration::from_secs(2))
            .await
            .unwrap();
        assert!(
            allowed
                .iter()
                .all(|a| a.port() == 5432 && a.ip().is_loopback())
        );
        let err = resolve("[::1]", 80, false, Duration::from_secs(2))
            .await
            .unwrap_err();
        assert_eq!(err.kind, LookupErrorKind::Refused);
        let err = resolve("no-such-host.invalid", 80, false, Duration::from_secs(2))
            .await
            .unwrap_err();
        assert_eq!(err.kind, LookupErrorKind::Unreachable);
    }
}
