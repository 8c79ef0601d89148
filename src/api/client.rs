//! Who is asking: the client address that rate limits key on. Behind a proxy or CDN every
//! shopper arrives from the proxy's address, so with `VITRINE_TRUSTED_PROXIES` set the
//! address the proxy saw is read from `X-Forwarded-For`: the rightmost entry that is not
//! itself a trusted proxy (entries left of it are whatever the client chose to send).

use std::net::IpAddr;
use std::sync::Arc;

/// Addresses and networks (`10.0.0.0/8`, `::1`) whose `X-Forwarded-For` is believed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrustedProxies(Arc<[(IpAddr, u8)]>);

impl TrustedProxies {
    /// Reads `VITRINE_TRUSTED_PROXIES`: addresses or CIDR networks separated by commas.
    pub fn parse(raw: &str) -> Result<TrustedProxies, String> {
        let nets = raw
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                let bad = || {
                    format!(
                        "VITRINE_TRUSTED_PROXIES: '{s}' is not an address or network like \
                         10.0.0.0/8 or 127.0.0.1"
                    )
                };
                let (addr, prefix) = s.split_once('/').unwrap_or((s, ""));
                let addr: IpAddr = addr.parse().map_err(|_| bad())?;
                let max = if addr.is_ipv4() { 32 } else { 128 };
                let prefix = match prefix {
                    "" => max,
                    p => p.parse().ok().filter(|p| *p <= max).ok_or_else(bad)?,
                };
                Ok((addr, prefix))
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(TrustedProxies(nets.into()))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|(net, prefix)| match (net, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(*prefix)).unwrap_or(0);
                u32::from(*n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(*prefix)).unwrap_or(0);
                u128::from(*n) & mask == u128::from(a) & mask
            }
            _ => false,
        })
    }
}

/// The shopper's address: the peer, or what trusted proxies in front of us say it was.
pub fn client_ip(peer: IpAddr, forwarded_for: Option<&str>, trusted: &TrustedProxies) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let hops = forwarded_for.unwrap_or_default().rsplit(',').map(str::trim);
    let mut nearest = peer;
    for hop in hops {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            // A hop we cannot read: stop at the last one we could.
            return nearest;
        };
        nearest = ip;
        if !trusted.contains(ip) {
            return ip;
        }
    }
    nearest
}

/// The limiter's key for an address: one per IPv4 address, one per IPv6 /64 (a home network
/// or phone has a whole /64 to rotate through).
pub fn key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(a) => format!("ip:{a}"),
        IpAddr::V6(a) => match a.to_ipv4_mapped() {
            Some(v4) => format!("ip:{v4}"),
            None => {
                let s = a.segments();
                format!("ip6:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// This request's client key.
pub async fn client_key() -> String {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;
    let Ok(ConnectInfo(addr)) = leptos_axum::extract::<ConnectInfo<SocketAddr>>().await else {
        return "ip:unknown".into();
    };
    let trusted = super::context::trusted_proxies();
    let forwarded = leptos::prelude::use_context::<axum::http::request::Parts>().and_then(|p| {
        let all: Vec<String> = p
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        (!all.is_empty()).then(|| all.join(","))
    });
    key(client_ip(addr.ip(), forwarded.as_deref(), &trusted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let cdn = TrustedProxies::parse("10.0.0.0/8, ::1").unwrap();
        // Straight from the internet: the header is the client's own words.
        assert_eq!(
            client_ip(ip("203.0.113.9"), Some("1.2.3.4"), &cdn),
            ip("203.0.113.9")
        );
        // Through the proxy: the address it saw, not what the client put left of it.
        assert_eq!(
            client_ip(
                ip("10.1.2.3"),
                Some("1.2.3.4, 198.51.100.7, 10.9.9.9"),
                &cdn
            ),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_ip(ip("::1"), Some("garbage, 198.51.100.7"), &cdn),
            ip("198.51.100.7")
        );
        assert_eq!(client_ip(ip("10.1.2.3"), None, &cdn), ip("10.1.2.3"));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.example").is_err());
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
    }

    #[test]
    fn an_ipv6_network_is_one_client() {
        assert_eq!(key(ip("2001:db8:1:2::5")), key(ip("2001:db8:1:2:ffff::9")));
        assert_ne!(key(ip("2001:db8:1:2::5")), key(ip("2001:db8:1:3::5")));
        assert_eq!(key(ip("::ffff:192.0.2.1")), "ip:192.0.2.1");
    }
}
