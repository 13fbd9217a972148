//! robots.txt, fetched once per host per run and honoured for every page
//! fetch visits (RFC 9309 through robotxt): a 4xx means no rules, a 5xx or
//! an unreachable server means stay away. As a [`Gate`] it is asked for
//! every host a page request ends up on, redirect targets included.

use super::http::{Client, Expect, Gate, HttpError};
use robotxt::{AccessResult, Robots};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use url::Url;

/// The product token matched against `User-agent:` lines.
const AGENT: &str = "paperboy";

/// Rules per host (scheme, host and port), each fetched at most once.
#[derive(Default)]
pub struct RobotsCache {
    hosts: Mutex<HashMap<String, Arc<OnceLock<Robots>>>>,
}

impl RobotsCache {
    /// Whether `url` may be fetched, reading the host's robots.txt on first use.
    pub fn allows(&self, client: &Client, url: &str) -> bool {
        let Ok(parsed) = Url::parse(url) else {
            return false;
        };
        let origin = parsed.origin().ascii_serialization();
        let cell = self
            .hosts
            .lock()
            .expect("robots cache lock")
            .entry(origin.clone())
            .or_default()
            .clone();
        let robots = cell.get_or_init(|| load(client, &origin));
        robots.is_url_allowed(&parsed)
    }
}

impl Gate for RobotsCache {
    fn refuse(&self, client: &Client, url: &Url) -> Option<String> {
        (!self.allows(client, url.as_str())).then(|| "robots.txt disallows it".to_string())
    }
}

fn load(client: &Client, origin: &str) -> Robots {
    let url = format!("{origin}/robots.txt");
    match client.get(&url, Expect::Text) {
        Ok(response) => Robots::from_access(AccessResult::Successful(&response.body), AGENT),
        Err(e) => {
            let status = e.downcast_ref::<HttpError>().and_then(|h| h.status);
            let access = match status {
                Some(400..=499) => AccessResult::Unavailable,
                _ => AccessResult::Unreachable,
            };
            log::debug!(
                "{url}: {e:#}; treating as {}",
                if status.is_some_and(|s| s < 500) {
                    "no rules"
                } else {
                    "disallow all"
                }
            );
            Robots::from_access(access, AGENT)
        }
    }
}
