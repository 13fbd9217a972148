//! One fetch run: read every configured feed, find the items not yet in
//! content/, fetch and extract their pages, and store them, politely and
//! losing nothing.
//!
//! Feeds and pages are fetched on a pool of `fetch.concurrency` threads,
//! at most `fetch.per_host` at a time per host, honouring robots.txt. An
//! article whose page cannot be fetched or extracted (404, paywall, not
//! HTML, too little text, disallowed) is still stored from the feed's own
//! content or summary, marked `extracted: feed`. Files are written on one
//! thread as results arrive, each atomically; feed validators are saved only
//! at the end, so an interrupted run fetches the same items again.

use super::feed::{self, Item};
use super::http::{Client, Conditional, Expect, Fetched, Settings};
use super::robots::RobotsCache;
use super::state::{FeedState, State};
use crate::config::Config;
use crate::content::{self, FrontMatter, Image};
use crate::ingest::decode::decode_html;
use crate::ingest::extract;
use crate::content::store::{Store, Stored};
use anyhow::{Context, Result, bail};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Condvar, Mutex, mpsc};

/// Pages with less article text than this (in characters) are not trusted
/// over the feed's own text: they are usually paywalls or teasers.
const MIN_PAGE_CHARS: usize = 250;

/// What to fetch.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this section's feeds.
    pub section: Option<String>,
    /// At most this many new articles per feed.
    pub limit: Option<usize>,
    /// Read the feeds and list what is new; fetch no page and write nothing.
    pub dry_run: bool,
}

/// What happened to one feed.
#[derive(Debug, Clone, Default)]
pub struct FeedReport {
    pub url: String,
    pub section: String,
    /// The feed could not be read: why.
    pub error: Option<String>,
    /// The server said 304 Not Modified.
    pub unchanged: bool,
    /// New articles stored (from their page or from the feed).
    pub new: usize,
    /// Of `new`, those stored from the feed's text because the page failed.
    pub feed_only: usize,
    /// Items already in content/.
    pub present: usize,
    /// Items that could not be stored, with the reason.
    pub failed: Vec<String>,
    /// With `--dry-run`: the new items, as (title, link).
    pub would_add: Vec<(String, String)>,
}

/// The whole run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub feeds: Vec<FeedReport>,
    /// Files removed by `fetch.keep_days`.
    pub removed: Vec<String>,
}

impl Report {
    /// True when there were feeds and every one of them failed.
    pub fn all_failed(&self) -> bool {
        !self.feeds.is_empty() && self.feeds.iter().all(|f| f.error.is_some())
    }
}

/// Progress callbacks, so the command can draw a bar or print lines.
pub trait Progress: Sync {
    /// `total` article pages are about to be fetched.
    fn start(&self, total: usize);
    /// One article is done.
    fn done(&self, title: &str, outcome: &str);
}

/// Runs a fetch for the site at `root`.
pub fn run(
    root: &Path,
    config: &Config,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Report> {
    let feeds: Vec<(String, String)> = config
        .sections
        .iter()
        .filter(|s| opts.section.as_deref().is_none_or(|only| only == s.id))
        .flat_map(|s| s.feeds.iter().map(move |f| (s.id.clone(), f.clone())))
        .collect();
    if let Some(only) = &opts.section
        && !config.sections.iter().any(|s| &s.id == only)
    {
        bail!("no section `{only}` in config.yaml");
    }
    if feeds.is_empty() {
        bail!("nothing to fetch: add `feeds:` to a section in config.yaml");
    }
    let _lock = if opts.dry_run {
        None
    } else {
        Some(lock(root)?)
    };
    let mut state = State::load(root);
    let client = Client::new(Settings::from_config(config))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.fetch.concurrency.max(1))
        .build()
        .context("cannot start fetch threads")?;
    let hosts = HostLimiter::new(config.fetch.per_host.max(1));
    let robots = RobotsCache::default();
    let mut store = Store::open(&root.join("content"))?;

    // 1. Every feed, in parallel.
    let fetched: Vec<Result<Option<(feed::Feed, FeedState)>>> = pool.install(|| {
        use rayon::prelude::*;
        feeds
            .par_iter()
            .map(|(_, url)| read_feed(&client, &hosts, url, state.feeds.get(url)))
            .collect()
    });

    // 2. The new items of each feed.
    let mut reports = Vec::new();
    let mut jobs: Vec<Job> = Vec::new();
    let mut new_validators = Vec::new();
    let mut queued: HashSet<String> = HashSet::new();
    for ((section, url), result) in feeds.iter().zip(fetched) {
        let mut report = FeedReport {
            url: url.clone(),
            section: section.clone(),
            ..FeedReport::default()
        };
        match result {
            Err(e) => report.error = Some(format!("{e:#}")),
            Ok(None) => report.unchanged = true,
            Ok(Some((parsed, validators))) => {
                new_validators.push((url.clone(), validators));
                let mut chosen = 0;
                for item in parsed.items {
                    if store.find(&item.url).is_some() || queued.contains(&item.url) {
                        report.present += 1;
                    } else if let Err(e) = client.check_link(url, &item.url) {
                        report.failed.push(format!("{e:#}"));
                    } else if opts.limit.is_none_or(|n| chosen < n) {
                        chosen += 1;
                        if opts.dry_run {
                            report
                                .would_add
                                .push((item.title.clone(), item.url.clone()));
                        } else {
                            queued.insert(item.url.clone());
                            jobs.push(Job {
                                feed: reports.len(),
                                section: section.clone(),
                                feed_title: parsed.title.clone(),
                                item,
                            });
                        }
                    }
                }
            }
        }
        reports.push(report);
    }
    if opts.dry_run {
        return Ok(Report {
            feeds: reports,
            removed: Vec::new(),
        });
    }

    // 3. Article pages, in parallel; files written here as results arrive.
    progress.start(jobs.len());
    let (tx, rx) = mpsc::channel();
    let job_refs = &jobs;
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(|| {
            pool.install(|| {
                use rayon::prelude::*;
                job_refs
                    .par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, job)| {
                        let article = build_article(&client, &hosts, &robots, job);
                        let _ = tx.send((i, article));
                    });
            });
        });
        for (i, article) in rx {
            let job = &jobs[i];
            let report = &mut reports[job.feed];
            let outcome = match store.add(&article.front, &article.body, false) {
                Ok(Stored::Added(path)) => {
                    let rel = path
                        .strip_prefix("content")
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .replace('\\', "/");
                    if let Ok(bytes) = std::fs::read(root.join(&path)) {
                        state.record(&rel, &bytes);
                    }
                    report.new += 1;
                    if let Some(reason) = &article.fallback {
                        report.feed_only += 1;
                        log::info!("{}: stored from the feed ({reason})", job.item.url);
                        "from the feed"
                    } else {
                        "added"
                    }
                }
                Ok(Stored::Duplicate(_) | Stored::Replaced(_)) => {
                    report.present += 1;
                    "already present"
                }
                Err(e) => {
                    report.failed.push(format!("{}: {e:#}", job.item.url));
                    "failed"
                }
            };
            progress.done(&job.item.title, outcome);
        }
        Ok(())
    })?;

    // 4. Validators for the feeds whose items are all handled, then retention.
    state.feeds.extend(new_validators);
    let removed = match config.fetch.keep_days {
        Some(days) => retire(root, &mut state, days)?,
        None => Vec::new(),
    };
    state.save(root)?;
    Ok(Report {
        feeds: reports,
        removed,
    })
}

/// One new item to turn into an article.
struct Job {
    feed: usize,
    section: String,
    feed_title: Option<String>,
    item: Item,
}

/// An article ready to store; `fallback` says why the feed's text was used.
struct Article {
    front: FrontMatter,
    body: String,
    fallback: Option<String>,
}

/// Reads one feed, with its new ETag and Last-Modified; `None` when the
/// server says it has not changed.
fn read_feed(
    client: &Client,
    hosts: &HostLimiter,
    url: &str,
    known: Option<&FeedState>,
) -> Result<Option<(feed::Feed, FeedState)>> {
    let cond = Conditional {
        etag: known.and_then(|k| k.etag.clone()),
        last_modified: known.and_then(|k| k.last_modified.clone()),
    };
    let _slot = hosts.acquire(url);
    match client.get_if_changed(url, Expect::Feed, &cond)? {
        Fetched::NotModified => Ok(None),
        Fetched::Fresh(response) => {
            let parsed = feed::parse(&response.body, &response.url)?;
            Ok(Some((
                parsed,
                FeedState {
                    etag: response.etag,
                    last_modified: response.last_modified,
                },
            )))
        }
    }
}

/// Fetches and extracts an item's page, falling back to the feed's text.
fn build_article(client: &Client, hosts: &HostLimiter, robots: &RobotsCache, job: &Job) -> Article {
    let item = &job.item;
    let page = if robots.allows(client, &item.url) {
        // The host slot covers the request only, not the extraction after it.
        let response = {
            let _slot = hosts.acquire(&item.url);
            client.get_gated(&item.url, Expect::Html, robots)
        };
        response
            .and_then(|r| {
                let (html, _) = decode_html(&r.body, r.charset.as_deref());
                extract::extract_html(&html, Some(&r.url))
            })
            .and_then(|ex| {
                let chars = ex
                    .text()
                    .chars()
                    .count()
                    .saturating_sub(ex.title.chars().count());
                if chars < MIN_PAGE_CHARS {
                    bail!("too little text on the page ({chars} characters)");
                }
                Ok(ex)
            })
    } else {
        Err(anyhow::anyhow!("robots.txt disallows the page"))
    };
    let host = url::Url::parse(&item.url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    let mut front = FrontMatter {
        title: Some(item.title.clone()),
        section: Some(job.section.clone()),
        date: item.published.clone(),
        source_url: Some(item.url.clone()),
        source_name: job.feed_title.clone().or(host),
        byline: item.author.clone(),
        fetched: Some(crate::ingest::now()),
        images: item.images.clone(),
        ..FrontMatter::default()
    };
    match page {
        Ok(ex) => {
            front.date = front.date.or(ex.published.clone());
            front.source_name = ex.site_name.clone().or(front.source_name);
            front.byline = ex.byline.clone().or(front.byline);
            front.language = ex.language.clone();
            front.images = merge_images(&ex.images, &item.images);
            front.extracted = Some("page".into());
            Article {
                front,
                body: ex.markdown,
                fallback: None,
            }
        }
        Err(e) => {
            let base = url::Url::parse(&item.url).ok();
            let html = item
                .content
                .as_deref()
                .or(item.summary.as_deref())
                .unwrap_or("");
            let body = extract::fragment_to_markdown(html, base.as_ref());
            front.extracted = Some("feed".into());
            Article {
                front,
                body,
                fallback: Some(format!("{e:#}")),
            }
        }
    }
}

fn merge_images(first: &[Image], then: &[Image]) -> Vec<Image> {
    let mut seen = HashSet::new();
    first
        .iter()
        .chain(then)
        .filter(|i| seen.insert(i.url.clone()))
        .cloned()
        .collect()
}

/// Deletes fetched articles older than `days`, unless edited by hand
/// (their bytes differ from what fetch wrote) or made by hand (fetch never
/// wrote them). Returns the removed files, relative to the site root.
fn retire(root: &Path, state: &mut State, days: u32) -> Result<Vec<String>> {
    let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(days));
    let content_dir = root.join("content");
    let mut removed = Vec::new();
    for rel in content::list(&content_dir)? {
        let path = content_dir.join(&rel);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if !state.is_untouched(&rel, &bytes) {
            continue;
        }
        let Ok(source) = content::parse(&rel, &String::from_utf8_lossy(&bytes)) else {
            continue;
        };
        let when = source.date.or_else(|| {
            source
                .front
                .fetched
                .as_deref()
                .and_then(content::parse_date)
                .map(|(d, _)| d)
        });
        if source.front.extracted.is_some() && when.is_some_and(|d| d < cutoff) {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
            state.written.remove(&rel);
            removed.push(format!("content/{rel}"));
        }
    }
    Ok(removed)
}

/// Takes `.paperboy/fetch.lock`, so two fetches (say, overlapping cron jobs)
/// never write the same files.
fn lock(root: &Path) -> Result<std::fs::File> {
    let dir = root.join(".paperboy");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("fetch.lock");
    let file = std::fs::File::create(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another fetch is running in this site ({} is locked)",
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// At most `max` requests at a time to one host.
struct HostLimiter {
    max: usize,
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

struct Slot<'a> {
    limiter: &'a HostLimiter,
    host: String,
}

impl HostLimiter {
    fn new(max: usize) -> HostLimiter {
        HostLimiter {
            max,
            busy: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
        }
    }

    fn acquire(&self, url: &str) -> Slot<'_> {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let mut busy = self.busy.lock().expect("host limiter lock");
        while busy.get(&host).copied().unwrap_or(0) >= self.max {
            busy = self.freed.wait(busy).expect("host limiter lock");
        }
        *busy.entry(host.clone()).or_default() += 1;
        Slot {
            limiter: self,
            host,
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut busy = self.limiter.busy.lock().expect("host limiter lock");
        if let Some(n) = busy.get_mut(&self.host) {
            *n -= 1;
        }
        self.limiter.freed.notify_all();
    }
}
