//! One fetch run: read every configured feed, find the items not yet in
//! content/, fetch their pages, hand them to ingest, and store the
//! articles, politely and losing nothing.
//!
//! Feeds and pages are fetched on a pool of `fetch.concurrency` threads,
//! at most `fetch.per_host` at a time per host (`limiter`), honouring
//! robots.txt. An article whose page cannot be fetched or extracted is
//! still stored from the feed's own text (ingest decides). Files are
//! written on one thread as results arrive, each atomically. A feed's
//! validators are saved as soon as all its items are stored, so a run that
//! dies part-way fetches only the unfinished feeds' items again. With
//! `images.mode: local`, the images of the new articles are downloaded
//! into the image cache at the end.

use super::feed;
use super::http::{Client, Conditional, Expect, Fetched, Settings};
use super::limiter::HostLimiter;
use super::robots::RobotsCache;
use super::state::{FeedState, State};
use crate::config::{Config, ImageMode};
use crate::content::store::{Store, Stored};
use crate::image_cache::ImageCache;
use crate::ingest::{self, FeedItem, FetchedPage, Ingested};
use crate::layout::Layout;
use crate::vocabulary::SectionId;
use anyhow::{Context, Result, bail};
use std::collections::HashSet;
use std::sync::mpsc;

/// What to fetch.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this edition's feeds.
    pub edition: Option<String>,
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
    /// Items past `fetch.max_items`, not read.
    pub over_limit: usize,
    /// Items dated before `fetch.keep_days`, not fetched: retention would
    /// remove them at once, and they would come back on every run.
    pub too_old: usize,
    /// With `--dry-run`: the new items, as (title, link).
    pub would_add: Vec<(String, String)>,
}

/// The whole run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub feeds: Vec<FeedReport>,
    /// Files removed by `fetch.keep_days`.
    pub removed: Vec<String>,
    /// Images downloaded into the cache (`images.mode: local`).
    pub images: usize,
    /// Images that could not be downloaded, with the reason.
    pub images_failed: Vec<String>,
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

/// One new item to turn into an article.
struct Job {
    edition: Option<SectionId>,
    feed: usize,
    section: SectionId,
    feed_title: Option<String>,
    item: FeedItem,
}

/// Runs a fetch for the site laid out as `layout`.
pub fn run(
    layout: &Layout,
    config: &Config,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Report> {
    if let Some(only) = &opts.edition
        && !config.editions.iter().any(|e| e.id.as_str() == only)
    {
        bail!("no edition `{only}` in config.yaml");
    }
    if let Some(only) = &opts.section
        && !config.all_sections().any(|(_, s)| s.id.as_str() == only)
    {
        bail!("no section `{only}` in config.yaml");
    }
    let wanted = |edition: Option<&SectionId>, section: &SectionId| {
        opts.edition
            .as_deref()
            .is_none_or(|only| edition.is_some_and(|e| e.as_str() == only))
            && opts
                .section
                .as_deref()
                .is_none_or(|only| only == section.as_str())
    };
    let feeds: Vec<(Option<SectionId>, SectionId, String)> = config
        .all_sections()
        .filter(|(e, s)| wanted(*e, &s.id))
        .flat_map(|(e, s)| {
            s.feeds
                .iter()
                .map(move |f| (e.cloned(), s.id.clone(), f.clone()))
        })
        .collect();
    if feeds.is_empty() {
        bail!("nothing to fetch: add `feeds:` to a section in config.yaml");
    }
    let _lock = if opts.dry_run {
        None
    } else {
        Some(crate::fs::lock(&layout.lock_file("fetch"), "fetch")?)
    };
    let state_path = layout.fetch_state();
    let mut state = State::load(&state_path);
    let client = Client::new(Settings::from_config(config))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.fetch.concurrency.max(1))
        .build()
        .context("cannot start fetch threads")?;
    let hosts = HostLimiter::new(config.fetch.per_host);
    let robots = RobotsCache::default();
    let mut store = Store::open(
        &layout.content,
        config.limits.content_bytes,
        !config.editions.is_empty(),
    )?;

    // 1. Every feed, in parallel.
    let fetched: Vec<Result<Option<(feed::Feed, FeedState)>>> = pool.install(|| {
        use rayon::prelude::*;
        feeds
            .par_iter()
            .map(|(_, _, url)| read_feed(&client, &hosts, url, state.feeds.get(url)))
            .collect()
    });

    // 2. The new items of each feed.
    let mut reports = Vec::new();
    let mut jobs: Vec<Job> = Vec::new();
    // Per feed: its validators, and how many of its items are still to store.
    let mut pending: Vec<(Option<FeedState>, usize)> = Vec::new();
    let mut queued: HashSet<(Option<SectionId>, String)> = HashSet::new();
    let keep_from = config
        .fetch
        .keep_days
        .map(|days| chrono::Utc::now() - chrono::Duration::days(i64::from(days)));
    for ((edition, section, url), result) in feeds.iter().zip(fetched) {
        let mut report = FeedReport {
            url: url.clone(),
            section: match edition {
                Some(e) => format!("{e}/{section}"),
                None => section.to_string(),
            },
            ..FeedReport::default()
        };
        let mut validators = None;
        let before = jobs.len();
        match result {
            Err(e) => report.error = Some(format!("{e:#}")),
            Ok(None) => report.unchanged = true,
            Ok(Some((parsed, feed_state))) => {
                validators = Some(feed_state);
                let mut chosen = 0;
                let max_items = config.fetch.max_items;
                // Feeds list newest first: the oldest items are left out.
                report.over_limit = parsed.items.len().saturating_sub(max_items);
                for item in parsed.items.into_iter().take(max_items) {
                    if item
                        .published
                        .zip(keep_from)
                        .is_some_and(|(d, from)| d.time() < from)
                    {
                        report.too_old += 1;
                    } else if store.find(edition.as_ref(), &item.url).is_some()
                        || queued.contains(&(edition.clone(), item.url.clone()))
                    {
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
                            queued.insert((edition.clone(), item.url.clone()));
                            jobs.push(Job {
                                edition: edition.clone(),
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
        pending.push((validators, jobs.len() - before));
        reports.push(report);
    }
    if opts.dry_run {
        return Ok(Report {
            feeds: reports,
            ..Report::default()
        });
    }
    // Feeds with nothing new are done already.
    for (i, (validators, left)) in pending.iter_mut().enumerate() {
        if *left == 0
            && let Some(v) = validators.take()
        {
            state.feeds.insert(feeds[i].2.clone(), v);
        }
    }
    state.save(&state_path)?;

    // 3. Article pages, in parallel; files written here as results arrive.
    progress.start(jobs.len());
    let (tx, rx) = mpsc::channel();
    let job_refs = &jobs;
    let mut new_images: Vec<super::images::Wanted> = Vec::new();
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
            let outcome =
                match store.add(job.edition.as_ref(), &article.front, &article.body, false) {
                    Ok(Stored::Added(path)) => {
                        let rel = path
                            .strip_prefix("content")
                            .unwrap_or(&path)
                            .to_string_lossy()
                            .replace('\\', "/");
                        if let Ok(bytes) = std::fs::read(layout.root.join(&path)) {
                            state.record(&rel, &bytes);
                        }
                        new_images.extend(article.front.images.iter().map(|i| {
                            super::images::Wanted {
                                url: i.url.clone(),
                                found_on: Some(job.item.url.clone()),
                            }
                        }));
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
            // The feed is done when its last item is stored: keep its
            // validators (and the hashes of what was written so far).
            let (validators, left) = &mut pending[job.feed];
            *left -= 1;
            if *left == 0
                && let Some(v) = validators.take()
            {
                state.feeds.insert(feeds[job.feed].2.clone(), v);
                state.save(&state_path)?;
            }
        }
        Ok(())
    })?;

    // 4. Retention, then the new articles' images.
    let removed = match config.fetch.keep_days {
        Some(days) => super::retention::retire(&layout.content, &mut state, days)?,
        None => Vec::new(),
    };
    state.save(&state_path)?;
    let mut report = Report {
        feeds: reports,
        removed,
        ..Report::default()
    };
    if config.images.mode == ImageMode::Local && !new_images.is_empty() {
        let cache = ImageCache::new(layout);
        let client = super::images::client(config)?;
        let done = super::images::download(
            &client,
            &cache,
            &new_images,
            config.fetch.concurrency,
            &|_, _| {},
        )?;
        report.images = done.fetched;
        report.images_failed = done.failed;
    }
    Ok(report)
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

/// Fetches an item's page (when robots.txt allows) and hands it to ingest,
/// which falls back to the feed's text when the page is of no use.
fn build_article(
    client: &Client,
    hosts: &HostLimiter,
    robots: &RobotsCache,
    job: &Job,
) -> Ingested {
    let item = &job.item;
    let response = if robots.allows(client, &item.url) {
        // The host slot covers the request only, not the extraction after it.
        let _slot = hosts.acquire(&item.url);
        client.get_gated(&item.url, Expect::Html, robots)
    } else {
        Err(anyhow::anyhow!("robots.txt disallows the page"))
    };
    let page = response.as_ref().map(|r| FetchedPage {
        bytes: &r.body,
        url: &r.url,
        charset: r.charset.as_deref(),
    });
    let page = page.map_err(|e| anyhow::anyhow!("{e:#}"));
    ingest::from_feed(item, job.feed_title.as_deref(), page, &job.section)
}
