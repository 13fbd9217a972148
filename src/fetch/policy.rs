//! Where a request may go: the rule that keeps redirects and links found in
//! feeds from reaching the user's own machine or network (server-side
//! request forgery), and the DNS resolver that makes judging names sound.
//!
//! A URL the user wrote (a feed in config.yaml, a URL on the command line)
//! is trusted wherever it points, loopback included. What a server chooses,
//! a redirect or a link in a feed, is judged against the URL the user
//! named and the place it comes from:
//!
//! * it may not lead to another port of the host the user named, nor of the
//!   host it comes from: on loopback or a private network another port is
//!   another service. Ports 80 and 443 count as one (the same site over
//!   http and https);
//! * it may not lead to another host with a narrower address scope than the
//!   one it comes from: public → private, link-local or loopback; private →
//!   link-local or loopback; link-local → loopback.
//!
//! Names are judged by the addresses they resolve to, all of them (a name
//! with one public and one private address counts as private). To keep DNS
//! rebinding out (a name that resolves to a public address when judged and
//! to 127.0.0.1 a moment later, when connected to), the HTTP client resolves
//! every name through [`Resolver`], which asks the system once per name and
//! pins the answer for its own lifetime, one command: the address judged is
//! the address connected to. A judged name that does not resolve stays
//! unresolved for the command. Through an HTTP proxy the proxy resolves
//! names itself, and only our own answer can be judged.
//!
//! Owns address scopes, the rule and the resolver. Applying the rule to
//! each redirect is `http`'s; to each feed link, `run`'s through
//! `http::Client::check_link`.

use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::sync::{Mutex, mpsc};
use std::time::Duration;
use url::{Host, Url};

/// How far an address reaches, widest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Reachable from anywhere on the internet.
    Public,
    /// A private network: 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier
    /// NAT), IPv6 unique local fc00::/7 and the old site-local fec0::/10.
    Private,
    /// Not a host on the internet: multicast, broadcast, documentation and
    /// benchmark ranges, 240/4. Judged as narrow as a private network.
    Reserved,
    /// One network link: 169.254/16 (cloud metadata services live here),
    /// fe80::/10.
    LinkLocal,
    /// This machine: 127/8, ::1, and 0.0.0.0/8 and ::, which reach it too.
    Loopback,
}

impl Scope {
    /// The scope of `ip`; IPv4 addresses inside IPv6 ones (mapped,
    /// compatible, NAT64) are judged as the IPv4 address they carry.
    pub fn of(ip: IpAddr) -> Scope {
        match ip {
            IpAddr::V4(v4) => scope_v4(v4),
            IpAddr::V6(v6) => scope_v6(v6),
        }
    }

    /// 0 for public; larger is narrower.
    fn rank(self) -> u8 {
        match self {
            Scope::Public => 0,
            Scope::Private | Scope::Reserved => 1,
            Scope::LinkLocal => 2,
            Scope::Loopback => 3,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Scope::Public => "public",
            Scope::Private => "private",
            Scope::Reserved => "reserved",
            Scope::LinkLocal => "link-local",
            Scope::Loopback => "loopback",
        }
    }
}

fn scope_v4(ip: Ipv4Addr) -> Scope {
    let [a, b, c, _] = ip.octets();
    match (a, b, c) {
        (0 | 127, _, _) => Scope::Loopback,
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) | (100, 64..=127, _) => Scope::Private,
        (169, 254, _) => Scope::LinkLocal,
        (192, 0, 0) | (198, 18..=19, _) | (224..=255, _, _) => Scope::Reserved,
        _ if ip.is_documentation() => Scope::Reserved,
        _ => Scope::Public,
    }
}

fn scope_v6(ip: Ipv6Addr) -> Scope {
    if ip.is_loopback() || ip.is_unspecified() {
        return Scope::Loopback;
    }
    let s = ip.segments();
    let embedded = || Ipv4Addr::from(((s[6] as u32) << 16) | s[7] as u32);
    if let Some(v4) = ip.to_ipv4_mapped() {
        return scope_v4(v4);
    }
    if s[..6] == [0; 6] || s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        // ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64).
        return scope_v4(embedded());
    }
    match s[0] {
        x if x & 0xffc0 == 0xfe80 => Scope::LinkLocal,
        x if x & 0xfe00 == 0xfc00 || x & 0xffc0 == 0xfec0 => Scope::Private,
        x if x & 0xff00 == 0xff00 => Scope::Reserved,
        0x2001 if s[1] == 0x0db8 => Scope::Reserved,
        _ => Scope::Public,
    }
}

/// A host and port, with the addresses the host resolves to.
#[derive(Debug, Clone)]
pub struct Place {
    pub host: String,
    pub port: u16,
    /// Empty when the name could not be resolved.
    pub addrs: Vec<IpAddr>,
}

impl Place {
    /// The host and port of `url`, with `addrs`.
    pub fn new(url: &Url, addrs: Vec<IpAddr>) -> Place {
        Place {
            host: url.host_str().unwrap_or("").to_ascii_lowercase(),
            port: url.port_or_known_default().unwrap_or(0),
            addrs,
        }
    }

    /// The same machine: the same name, or a shared address that is not
    /// public, or both on loopback (127.0.0.1, 127.0.0.2, ::1 and
    /// localhost are all this machine).
    fn same_host(&self, other: &Place) -> bool {
        let all_loopback = |p: &Place| {
            !p.addrs.is_empty() && p.addrs.iter().all(|a| Scope::of(*a) == Scope::Loopback)
        };
        self.host == other.host
            || (all_loopback(self) && all_loopback(other))
            || self
                .addrs
                .iter()
                .any(|a| Scope::of(*a) != Scope::Public && other.addrs.contains(a))
    }

    /// The same port, counting 80 and 443 as one.
    fn same_port(&self, other: &Place) -> bool {
        self.port == other.port || matches!((self.port, other.port), (80, 443) | (443, 80))
    }
}

/// Why a redirect or link is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Another port of the host the user named.
    NamedHostPort,
    /// Another port of the host the redirect or link comes from.
    SameHostPort,
    /// An address in a narrower scope than where the request comes from.
    Narrower {
        scope: Scope,
        addr: IpAddr,
        /// The URL gives the address itself, not a name.
        literal: bool,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NamedHostPort => f.write_str("another port of a host you named"),
            Refusal::SameHostPort => f.write_str("another port of the same host"),
            Refusal::Narrower {
                scope,
                literal: true,
                ..
            } => write!(f, "a {} address", scope.name()),
            Refusal::Narrower { scope, addr, .. } => {
                write!(f, "resolves to a {} address ({addr})", scope.name())
            }
        }
    }
}

/// Whether a redirect or a link may lead from `from` to `to` when the
/// request began at `named`, the URL the user wrote (for a feed link, `from`
/// is `named`). A `to` with no addresses (not resolved) is judged by its
/// name and port only.
pub fn judge(named: &Place, from: &Place, to: &Place) -> Result<(), Refusal> {
    if named.same_host(to) && !named.same_port(to) {
        return Err(Refusal::NamedHostPort);
    }
    if from.same_host(to) {
        return if from.same_port(to) || named.same_host(to) {
            Ok(())
        } else {
            Err(Refusal::SameHostPort)
        };
    }
    // Where the request comes from counts as its widest address, where it
    // goes as its narrowest: the judgement errs on the side of refusing.
    let from_rank = from
        .addrs
        .iter()
        .map(|a| Scope::of(*a).rank())
        .min()
        .unwrap_or(0);
    let narrowest = to
        .addrs
        .iter()
        .map(|a| (Scope::of(*a), *a))
        .max_by_key(|(scope, _)| scope.rank());
    match narrowest {
        Some((scope, addr)) if scope.rank() > from_rank => Err(Refusal::Narrower {
            scope,
            addr,
            literal: to.host.parse::<IpAddr>().is_ok() || to.host.starts_with('['),
        }),
        _ => Ok(()),
    }
}

/// Answers for names, pinned for the resolver's lifetime: the first answer
/// the system gives for a name is the only one used.
#[derive(Default)]
pub struct Resolver {
    answers: Mutex<HashMap<String, Result<Vec<IpAddr>, String>>>,
}

impl Resolver {
    /// The addresses of `url`'s host: the literal address, or what the name
    /// resolves to, waiting at most `wait` for the system. `pin_failure`
    /// also remembers a failure, for names that are judged: a name must not
    /// fail when judged and resolve when connected to.
    pub fn addresses(
        &self,
        url: &Url,
        wait: Duration,
        pin_failure: bool,
    ) -> Result<Vec<IpAddr>, String> {
        match url.host() {
            Some(Host::Ipv4(ip)) => Ok(vec![IpAddr::V4(ip)]),
            Some(Host::Ipv6(ip)) => Ok(vec![IpAddr::V6(ip)]),
            Some(Host::Domain(name)) => self.lookup(name, wait, pin_failure),
            None => Err(format!("{url} has no host")),
        }
    }

    fn lookup(&self, name: &str, wait: Duration, pin_failure: bool) -> Result<Vec<IpAddr>, String> {
        let name = name.to_ascii_lowercase();
        if let Some(answer) = self.answers.lock().expect("resolver lock").get(&name) {
            return answer.clone();
        }
        let answer = ask_system(&name, wait);
        let mut answers = self.answers.lock().expect("resolver lock");
        match answer {
            // Another thread may have asked meanwhile: its answer stands.
            Ok(addrs) => answers.entry(name).or_insert(Ok(addrs)).clone(),
            Err(e) if pin_failure => answers.entry(name).or_insert(Err(e)).clone(),
            Err(e) => Err(e),
        }
    }
}

/// The system's resolver (getaddrinfo), on a thread of its own so that a
/// lookup that hangs is given up after `wait`.
fn ask_system(name: &str, wait: Duration) -> Result<Vec<IpAddr>, String> {
    let (tx, rx) = mpsc::channel();
    let owned = name.to_string();
    std::thread::spawn(move || {
        let result = (owned.as_str(), 0).to_socket_addrs().map(|addrs| {
            let mut ips: Vec<IpAddr> = Vec::new();
            for ip in addrs.map(|a| a.ip()) {
                if !ips.contains(&ip) {
                    ips.push(ip);
                }
            }
            ips
        });
        let _ = tx.send(result);
    });
    match rx.recv_timeout(wait) {
        Ok(Ok(ips)) if !ips.is_empty() => Ok(ips),
        Ok(Ok(_)) => Err(format!("cannot resolve {name}: no address")),
        Ok(Err(e)) => Err(format!("cannot resolve {name}: {e}")),
        Err(_) => Err(format!(
            "cannot resolve {name}: no answer within {} ms",
            wait.as_millis()
        )),
    }
}

/// reqwest connects to what this resolver says. The client resolves every
/// host itself before each request, so reqwest finds the answer pinned;
/// only a name the client did not see first (a proxy's) is looked up
/// here, blocking reqwest's thread for at most a few seconds.
impl reqwest::dns::Resolve for Resolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let answer = self
            .lookup(name.as_str(), Duration::from_secs(5), false)
            .map(|ips| {
                Box::new(ips.into_iter().map(|ip| SocketAddr::new(ip, 0))) as reqwest::dns::Addrs
            })
            .map_err(|e| e.into());
        Box::pin(std::future::ready(answer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_addresses() {
        let cases = [
            ("93.184.215.14", Scope::Public),
            ("8.8.8.8", Scope::Public),
            ("172.32.0.1", Scope::Public),
            ("100.128.0.1", Scope::Public),
            ("2606:4700::1111", Scope::Public),
            ("10.1.2.3", Scope::Private),
            ("172.16.0.1", Scope::Private),
            ("172.31.255.255", Scope::Private),
            ("192.168.1.1", Scope::Private),
            ("100.64.0.1", Scope::Private),
            ("100.127.255.254", Scope::Private),
            ("fc00::1", Scope::Private),
            ("fd12:3456::1", Scope::Private),
            ("127.0.0.1", Scope::Loopback),
            ("127.255.0.9", Scope::Loopback),
            ("0.0.0.0", Scope::Loopback),
            ("::1", Scope::Loopback),
            ("::", Scope::Loopback),
            ("::ffff:127.0.0.1", Scope::Loopback),
            ("::ffff:10.0.0.1", Scope::Private),
            ("::ffff:169.254.169.254", Scope::LinkLocal),
            ("::ffff:8.8.8.8", Scope::Public),
            ("::127.0.0.1", Scope::Loopback),
            ("64:ff9b::7f00:1", Scope::Loopback),
            ("169.254.169.254", Scope::LinkLocal),
            ("fe80::1", Scope::LinkLocal),
            ("febf::1", Scope::LinkLocal),
            ("224.0.0.1", Scope::Reserved),
            ("255.255.255.255", Scope::Reserved),
            ("192.0.2.1", Scope::Reserved),
            ("ff02::1", Scope::Reserved),
            ("2001:db8::1", Scope::Reserved),
        ];
        for (ip, scope) in cases {
            assert_eq!(Scope::of(ip.parse().unwrap()), scope, "{ip}");
        }
    }

    fn place(url: &str, addrs: &[&str]) -> Place {
        Place::new(
            &Url::parse(url).unwrap(),
            addrs.iter().map(|a| a.parse().unwrap()).collect(),
        )
    }

    #[test]
    fn judges_redirects_and_links() {
        let local = place("http://127.0.0.1:8080/feed", &["127.0.0.1"]);
        let public = place("http://news.example/feed", &["93.184.215.14"]);
        let refused = |named: &Place, from: &Place, to: &Place| judge(named, from, to).err();
        // The place the user named, and http to https on it.
        let same = place("http://127.0.0.1:8080/other", &["127.0.0.1"]);
        assert_eq!(refused(&local, &local, &same), None);
        let https = place("https://news.example/feed", &["93.184.215.14"]);
        assert_eq!(refused(&public, &public, &https), None);
        // Another port of a host the user named, by any name.
        for to in [
            place("http://127.0.0.1:6379/", &["127.0.0.1"]),
            place("http://localhost:6379/", &["127.0.0.1", "::1"]),
            place("http://127.0.0.2:9200/", &["127.0.0.2"]),
            place("http://news.example:8443/", &["93.184.215.14"]),
        ] {
            let named = if to.host == "news.example" {
                &public
            } else {
                &local
            };
            assert_eq!(
                refused(named, named, &to),
                Some(Refusal::NamedHostPort),
                "{to:?}"
            );
        }
        // From public to anything narrower, by name or literally.
        let inward = place("http://intranet.example/", &["10.0.0.5"]);
        assert_eq!(
            refused(&public, &public, &inward).unwrap().to_string(),
            "resolves to a private address (10.0.0.5)"
        );
        let metadata = place("http://169.254.169.254/latest/", &["169.254.169.254"]);
        assert_eq!(
            refused(&public, &public, &metadata).unwrap().to_string(),
            "a link-local address"
        );
        let mixed = place("http://both.example/", &["93.184.215.15", "127.0.0.1"]);
        assert!(refused(&public, &public, &mixed).is_some());
        let back_home = place("http://127.0.0.1:8080/x", &["127.0.0.1"]);
        let cdn = place("http://cdn.example/", &["93.184.215.20"]);
        assert!(
            refused(&local, &cdn, &back_home).is_some(),
            "a public server may not send the request back to loopback"
        );
        // Outward, or to another public host, is fine.
        assert_eq!(refused(&local, &local, &public), None);
        assert_eq!(refused(&public, &public, &cdn), None);
        let lan = place("http://192.168.1.5/feed", &["192.168.1.5"]);
        let nas = place("http://192.168.1.6/page", &["192.168.1.6"]);
        assert_eq!(refused(&lan, &lan, &nas), None);
        assert!(refused(&lan, &lan, &metadata).is_some());
        // A name that did not resolve is judged by its name and port only.
        let unknown = place("http://gone.example/", &[]);
        assert_eq!(refused(&public, &public, &unknown), None);
    }
}
