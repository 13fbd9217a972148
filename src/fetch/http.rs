//! The HTTP client: one blocking reqwest client with every limit a polite
//! and robust fetcher needs.
//!
//! A clear User-Agent; a connect timeout and a deadline for the whole
//! exchange (connect, headers and body: a server that drips its body a byte
//! at a time is cut off at the deadline, not kept waiting per read); a
//! minimum transfer rate for the body; gzip and brotli; a size cap enforced
//! while the body streams in (a huge body is never held in memory);
//! content-type checks; retries with backoff for timeouts before the
//! answer, 5xx and 429 (honouring Retry-After). A body that is too slow is
//! not asked for again.
//!
//! Redirects are followed here, not by reqwest, so that every hop is
//! judged: http/https only, loops detected, at most a few, and each target
//! allowed by [`policy`] given the URL the caller named (no
//! other port of that host, no private or loopback address reached from a
//! public one). Names are resolved through the policy's pinned resolver,
//! which reqwest uses too. A [`Gate`] (robots.txt) can be asked before
//! every URL a request visits. It does not parse what it fetches.

use super::policy::{self, Place, Resolver};
use anyhow::{Context, Result, bail};
use std::io::Read;
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};
use url::Url;

/// Limits for a [`Client`].
#[derive(Debug, Clone)]
pub struct Settings {
    pub user_agent: String,
    pub connect_timeout: Duration,
    /// The deadline for one attempt: connect, headers and body.
    pub timeout: Duration,
    /// The slowest body accepted: at least this many bytes in every
    /// `rate_window` (0 turns the check off).
    pub min_rate_bytes: u64,
    pub rate_window: Duration,
    pub max_bytes: u64,
    pub max_redirects: usize,
    /// Extra attempts after a timeout, a 5xx or a 429.
    pub retries: u32,
    /// First backoff; doubles with each retry.
    pub backoff: Duration,
    /// The longest Retry-After we wait for.
    pub max_retry_after: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            user_agent: default_user_agent(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(20),
            min_rate_bytes: 1024,
            rate_window: Duration::from_secs(10),
            max_bytes: 5_000_000,
            max_redirects: 5,
            retries: 2,
            backoff: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl Settings {
    /// Limits from config.yaml's `fetch` settings.
    pub fn from_config(config: &crate::config::Config) -> Settings {
        Settings {
            user_agent: config
                .fetch
                .user_agent
                .clone()
                .unwrap_or_else(default_user_agent),
            timeout: Duration::from_secs(config.fetch.timeout_secs),
            max_bytes: config.fetch.max_page_bytes,
            ..Settings::default()
        }
    }
}

/// The User-Agent sent unless `fetch.user_agent` says otherwise.
pub fn default_user_agent() -> String {
    format!(
        "paperboy/{} (text-only news mirror)",
        env!("CARGO_PKG_VERSION")
    )
}

/// What a caller expects to receive; anything else is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// An article page: text/html or application/xhtml+xml.
    Html,
    /// A feed: XML or JSON.
    Feed,
    /// Plain text (robots.txt).
    Text,
    /// A picture: any image/* type.
    Image,
}

/// A successful response, body fully read (and within the size cap).
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL after redirects.
    pub url: String,
    pub status: u16,
    pub content_type: Option<String>,
    /// The `charset=` parameter of Content-Type, if any.
    pub charset: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// Headers for a conditional GET.
#[derive(Debug, Clone, Default)]
pub struct Conditional {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The outcome of a conditional GET.
#[derive(Debug)]
pub enum Fetched {
    Fresh(Response),
    /// 304: the copy the caller has is current.
    NotModified,
}

/// A check made before each URL a request visits, the first one and every
/// redirect target: robots.txt, for article pages.
pub trait Gate: Sync {
    /// Why `url` may not be visited, if it may not.
    fn refuse(&self, client: &Client, url: &Url) -> Option<String>;
}

/// A configured HTTP client; cheap to share between threads.
#[derive(Clone)]
pub struct Client {
    inner: reqwest::blocking::Client,
    settings: Settings,
    /// Every name the client connects to is resolved (and pinned) here.
    resolver: Arc<Resolver>,
}

impl Client {
    /// Builds a client with `settings`.
    pub fn new(settings: Settings) -> Result<Client> {
        static PROVIDER: Once = Once::new();
        PROVIDER.call_once(|| {
            // Fails only if another provider is already installed, which is fine.
            let _ = rustls::crypto::ring::default_provider().install_default();
        });
        let resolver = Arc::new(Resolver::default());
        // Redirects are followed by `attempt`, which judges every hop.
        let inner = reqwest::blocking::Client::builder()
            .user_agent(settings.user_agent.clone())
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(resolver.clone())
            .build()
            .context("cannot set up the HTTP client")?;
        Ok(Client {
            inner,
            settings,
            resolver,
        })
    }

    /// The limits this client was built with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// GETs `url`, checking status, content type and size. `url` is one the
    /// user named: it is trusted, and its redirects are judged against it.
    pub fn get(&self, url: &str, expect: Expect) -> Result<Response> {
        self.get_with(url, expect, &Conditional::default(), None)
            .and_then(|fetched| fresh(url, fetched))
    }

    /// [`Client::get`], with `gate` asked before the first URL and before
    /// every redirect target.
    pub fn get_gated(&self, url: &str, expect: Expect, gate: &dyn Gate) -> Result<Response> {
        self.get_with(url, expect, &Conditional::default(), Some(gate))
            .and_then(|fetched| fresh(url, fetched))
    }

    /// GETs `url` with If-None-Match / If-Modified-Since from `cond`.
    pub fn get_if_changed(&self, url: &str, expect: Expect, cond: &Conditional) -> Result<Fetched> {
        self.get_with(url, expect, cond, None)
    }

    /// Whether `link`, found in the feed at `feed` (a URL the user named),
    /// may be fetched: not another port of the feed's host, and not a
    /// narrower address than the feed's (see [`policy`]).
    /// A link that is not an http(s) URL, or whose host does not resolve,
    /// passes: fetching it fails on its own.
    pub fn check_link(&self, feed: &str, link: &str) -> Result<()> {
        let (Ok(named), Ok(target)) = (Url::parse(feed), Url::parse(link)) else {
            return Ok(());
        };
        if !matches!(target.scheme(), "http" | "https") {
            return Ok(());
        }
        let deadline = Instant::now() + self.settings.timeout;
        let from = self
            .place(&named, deadline, false)
            .unwrap_or_else(|_| Place::new(&named, vec![]));
        let Ok(to) = self.place(&target, deadline, true) else {
            return Ok(());
        };
        policy::judge(&from, &from, &to)
            .map_err(|why| anyhow::anyhow!("refused link {link} in {feed}: {why}"))
    }

    fn get_with(
        &self,
        url: &str,
        expect: Expect,
        cond: &Conditional,
        gate: Option<&dyn Gate>,
    ) -> Result<Fetched> {
        let parsed = Url::parse(url).with_context(|| format!("not a URL: {url}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            bail!("{url}: only http and https URLs can be fetched");
        }
        let mut attempt = 0;
        loop {
            match self.attempt(&parsed, expect, cond, gate) {
                Ok(fetched) => return Ok(fetched),
                Err(Failure::Retry { reason, wait, .. }) if attempt < self.settings.retries => {
                    let wait = wait.unwrap_or(self.settings.backoff * 2u32.pow(attempt));
                    log::debug!("{url}: {reason}; retrying in {} ms", wait.as_millis());
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                Err(failure) => {
                    let (status, reason) = match failure {
                        Failure::Retry { reason, status, .. } => (status, reason),
                        Failure::Refused(status, reason) => (Some(status), reason),
                        Failure::Fatal(reason) => (None, reason),
                    };
                    return Err(HttpError {
                        status,
                        message: format!("{url}: {reason}"),
                    }
                    .into());
                }
            }
        }
    }

    /// `url`'s host and port with its addresses, resolved within `deadline`.
    fn place(&self, url: &Url, deadline: Instant, judged: bool) -> Result<Place, String> {
        let wait = deadline.saturating_duration_since(Instant::now());
        let addrs = self.resolver.addresses(url, wait, judged)?;
        Ok(Place::new(url, addrs))
    }

    /// One attempt: the request and every redirect, all within one deadline.
    fn attempt(
        &self,
        named: &Url,
        expect: Expect,
        cond: &Conditional,
        gate: Option<&dyn Gate>,
    ) -> Result<Fetched, Failure> {
        let mut deadline = Instant::now() + self.settings.timeout;
        let timed_out = || Failure::Retry {
            reason: format!("timed out after {}", seconds(self.settings.timeout)),
            wait: None,
            status: None,
        };
        let named_place = self
            .place(named, deadline, false)
            .map_err(|reason| Failure::Retry {
                reason,
                wait: None,
                status: None,
            })?;
        let (mut url, mut place) = (named.clone(), named_place.clone());
        let mut visited: Vec<Url> = Vec::new();
        let response = loop {
            if let Some(gate) = gate {
                // robots.txt comes with its own deadline; the wait for it
                // is not this request's.
                let asked = Instant::now();
                let refusal = gate.refuse(self, &url);
                deadline += asked.elapsed();
                if let Some(why) = refusal {
                    return Err(Failure::Fatal(if visited.is_empty() {
                        why
                    } else {
                        format!("redirect to {url}: {why}")
                    }));
                }
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(timed_out());
            }
            // A timeout on the request (not only on the client) bounds the
            // body too: reqwest's blocking reads otherwise wait per read.
            let mut request = self
                .inner
                .get(url.clone())
                .timeout(remaining)
                .header(reqwest::header::ACCEPT, accept_header(expect));
            if let Some(etag) = &cond.etag {
                request = request.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &cond.last_modified {
                request = request.header(reqwest::header::IF_MODIFIED_SINCE, lm);
            }
            let response = request.send().map_err(|e| classify(&e))?;
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .map(|l| String::from_utf8_lossy(l.as_bytes()).into_owned());
            match (response.status().as_u16(), location) {
                (301 | 302 | 303 | 307 | 308, Some(location)) => {
                    let (next, next_place) =
                        self.redirect(&named_place, &url, &place, &location, &visited, deadline)?;
                    visited.push(std::mem::replace(&mut url, next));
                    place = next_place;
                }
                _ => break response,
            }
        };
        let status = response.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if status.as_u16() == 429 || status.is_server_error() {
            let wait = retry_after(&response).map(|w| w.min(self.settings.max_retry_after));
            return Err(Failure::Retry {
                reason: format!("HTTP {status}"),
                wait,
                status: Some(status.as_u16()),
            });
        }
        if !status.is_success() {
            return Err(Failure::Refused(status.as_u16(), format!("HTTP {status}")));
        }
        let header = |name: reqwest::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let mime = content_type.as_deref().map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        if let Some(mime) = &mime
            && !accepts(expect, mime)
        {
            return Err(Failure::Fatal(format!(
                "expected {} but the server sent {mime}",
                expect_name(expect)
            )));
        }
        let max = self.settings.max_bytes;
        if response.content_length().is_some_and(|n| n > max) {
            return Err(Failure::Fatal(format!("larger than the {max}-byte limit")));
        }
        let final_url = url.to_string();
        let charset = content_type.as_deref().and_then(charset_param);
        let (etag, last_modified) = (
            header(reqwest::header::ETAG),
            header(reqwest::header::LAST_MODIFIED),
        );
        let body = self.read_body(response, deadline)?;
        Ok(Fetched::Fresh(Response {
            url: final_url,
            status: status.as_u16(),
            content_type,
            charset,
            etag,
            last_modified,
            body,
        }))
    }
}

impl Client {
    /// Where a redirect from `url` to `location` leads, if it may be
    /// followed: http(s) only, no loop, not too many, and allowed by the
    /// policy given the place the request began at.
    fn redirect(
        &self,
        named: &Place,
        url: &Url,
        place: &Place,
        location: &str,
        visited: &[Url],
        deadline: Instant,
    ) -> Result<(Url, Place), Failure> {
        let max = self.settings.max_redirects;
        let next = url
            .join(location)
            .map_err(|e| Failure::Fatal(format!("redirect to an invalid URL {location:?}: {e}")))?;
        if !matches!(next.scheme(), "http" | "https") {
            return Err(Failure::Fatal(format!(
                "redirect to a non-http URL: {next}"
            )));
        }
        if next == *url || visited.contains(&next) {
            return Err(Failure::Fatal(format!("redirect loop at {next}")));
        }
        if visited.len() >= max {
            return Err(Failure::Fatal(format!("more than {max} redirects")));
        }
        let next_place = self
            .place(&next, deadline, true)
            .map_err(|why| Failure::Fatal(format!("redirect from {url} to {next}: {why}")))?;
        policy::judge(named, place, &next_place).map_err(|why| {
            Failure::Fatal(format!("refused redirect from {url} to {next}: {why}"))
        })?;
        Ok((next, next_place))
    }

    /// Reads a body within the size cap, the deadline and the minimum rate.
    /// A body that breaks the deadline or the rate is not retried: the
    /// server answered, and asking again would only wait as long again.
    fn read_body(
        &self,
        mut response: reqwest::blocking::Response,
        deadline: Instant,
    ) -> Result<Vec<u8>, Failure> {
        let Settings {
            max_bytes: max,
            min_rate_bytes,
            rate_window,
            timeout,
            ..
        } = self.settings;
        let late = |got: usize| {
            Failure::Fatal(format!(
                "not complete after {} (the deadline for the whole request), with {got} bytes of the body read",
                seconds(timeout)
            ))
        };
        let mut body = Vec::new();
        let mut chunk = vec![0u8; 16 * 1024];
        let (mut window_start, mut window_bytes) = (Instant::now(), 0u64);
        loop {
            let n = match response.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) if is_timeout(&e) || Instant::now() >= deadline => {
                    return Err(late(body.len()));
                }
                Err(e) => return Err(Failure::Fatal(format!("cannot read the body: {e}"))),
            };
            body.extend_from_slice(&chunk[..n]);
            // Reading one byte past the cap tells "exactly at the cap" from "over".
            if body.len() as u64 > max {
                return Err(Failure::Fatal(format!("larger than the {max}-byte limit")));
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(late(body.len()));
            }
            window_bytes += n as u64;
            let elapsed = now.duration_since(window_start);
            if elapsed >= rate_window {
                if window_bytes < min_rate_bytes {
                    return Err(Failure::Fatal(format!(
                        "too slow: {window_bytes} bytes in {}, under the minimum of {min_rate_bytes} bytes per {}",
                        seconds(elapsed),
                        seconds(rate_window)
                    )));
                }
                (window_start, window_bytes) = (now, 0);
            }
        }
        Ok(body)
    }
}

/// The response of a plain GET (a 304 answers only a conditional one).
fn fresh(url: &str, fetched: Fetched) -> Result<Response> {
    match fetched {
        Fetched::Fresh(r) => Ok(r),
        Fetched::NotModified => bail!("{url}: server answered 304 Not Modified to a plain GET"),
    }
}

/// Whether a read failed because reqwest's timeout ran out.
fn is_timeout(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::TimedOut
        || std::error::Error::source(e)
            .and_then(|s| s.downcast_ref::<reqwest::Error>())
            .is_some_and(|r| r.is_timeout())
        || e.to_string().contains("timed out")
}

/// A duration for messages: "2 s", "0.5 s".
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{:.1} s", s)
    }
}

/// A failed request, with the HTTP status when the server answered with one.
/// Callers that branch on the status (robots.txt: 4xx means "no rules")
/// downcast to it.
#[derive(Debug, Clone)]
pub struct HttpError {
    pub status: Option<u16>,
    pub message: String,
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for HttpError {}

/// Why an attempt failed, and whether another could succeed.
enum Failure {
    Retry {
        reason: String,
        wait: Option<Duration>,
        /// The HTTP status, when the server answered (5xx, 429).
        status: Option<u16>,
    },
    Fatal(String),
    /// The server answered with a status that no retry will change (4xx).
    Refused(u16, String),
}

fn classify(e: &reqwest::Error) -> Failure {
    // The innermost cause says most ("connection refused").
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    let detail = cause.to_string();
    if e.is_timeout() {
        Failure::Retry {
            reason: "timed out".into(),
            wait: None,
            status: None,
        }
    } else if e.is_connect() {
        Failure::Retry {
            reason: format!("cannot connect: {detail}"),
            wait: None,
            status: None,
        }
    } else {
        Failure::Fatal(format!("request failed: {detail}"))
    }
}

/// Retry-After in seconds (HTTP dates are rare; they fall back to backoff).
fn retry_after(response: &reqwest::blocking::Response) -> Option<Duration> {
    let value = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn accept_header(expect: Expect) -> &'static str {
    match expect {
        Expect::Html => "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        Expect::Feed => {
            "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1"
        }
        Expect::Text => "text/plain,*/*;q=0.1",
        Expect::Image => "image/gif,image/jpeg,image/png,image/webp,image/*;q=0.8",
    }
}

fn expect_name(expect: Expect) -> &'static str {
    match expect {
        Expect::Html => "an HTML page",
        Expect::Feed => "a feed (XML or JSON)",
        Expect::Text => "plain text",
        Expect::Image => "an image",
    }
}

/// Whether a MIME type is acceptable. Servers mislabel feeds often, so
/// feeds also accept text/html and text/plain (the parser decides).
fn accepts(expect: Expect, mime: &str) -> bool {
    match expect {
        Expect::Html => matches!(mime, "text/html" | "application/xhtml+xml" | ""),
        Expect::Feed => {
            mime.ends_with("xml")
                || mime.ends_with("json")
                || matches!(mime, "text/html" | "text/plain" | "")
        }
        Expect::Text => mime.starts_with("text/") || mime.is_empty(),
        Expect::Image => {
            mime.starts_with("image/") || mime == "application/octet-stream" || mime.is_empty()
        }
    }
}

/// The `charset` parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_charset_parameter() {
        assert_eq!(
            charset_param("text/html; charset=\"Shift_JIS\"").as_deref(),
            Some("Shift_JIS")
        );
        assert_eq!(
            charset_param("text/html;Charset=utf-8").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn content_types_per_expectation() {
        assert!(accepts(Expect::Html, "text/html"));
        assert!(!accepts(Expect::Html, "image/jpeg"));
        assert!(!accepts(Expect::Html, "application/pdf"));
        assert!(!accepts(Expect::Html, "text/plain"));
        assert!(accepts(Expect::Feed, "application/rss+xml"));
        assert!(accepts(Expect::Feed, "application/feed+json"));
        assert!(!accepts(Expect::Feed, "image/png"));
    }
}
