//! Downloading article images into the image cache, for `images.mode:
//! local`: fetch and ingest download the images of the articles they add,
//! and `paperboy images` fills the cache for every article (hand-written
//! ones too). The build then converts from the cache and never goes online.

use super::http::{self, Client, Expect, Settings};
use crate::config::Config;
use crate::image_cache::ImageCache;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a download run did.
#[derive(Debug, Default)]
pub struct Downloaded {
    /// Images fetched now.
    pub fetched: usize,
    /// Images that were in the cache already.
    pub cached: usize,
    /// Images that could not be fetched, with the reason.
    pub failed: Vec<String>,
}

/// The HTTP settings for images: fetch's, with `images.max_bytes` as the cap.
pub fn settings(config: &Config) -> Settings {
    Settings {
        max_bytes: config.images.max_bytes,
        ..Settings::from_config(config)
    }
}

/// An image to download: its URL, and the page it was found on, if any.
/// An image found on a page is judged like a link in a feed (see
/// `policy`): it may not lead from a public page to a private address or
/// to another port of the page's host.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Wanted {
    pub url: String,
    pub found_on: Option<String>,
}

/// Downloads every image in `wanted` that the cache lacks, `concurrency`
/// at a time; `progress` is told each one done (done, total).
pub fn download(
    client: &Client,
    cache: &ImageCache,
    wanted: &[Wanted],
    concurrency: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Downloaded> {
    let mut seen = std::collections::HashSet::new();
    let (cached, missing): (Vec<&Wanted>, Vec<&Wanted>) = wanted
        .iter()
        .filter(|w| seen.insert(&w.url))
        .partition(|w| cache.has(&w.url));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(concurrency.max(1))
        .build()
        .context("cannot start image download threads")?;
    let done = AtomicUsize::new(0);
    let total = missing.len();
    let results: Vec<Result<()>> = pool.install(|| {
        missing
            .par_iter()
            .map(|w| {
                let url = &w.url;
                let allowed = match &w.found_on {
                    Some(page) => client.check_link(page, url),
                    None => Ok(()),
                };
                let result = allowed
                    .and_then(|()| client.get(url, Expect::Image))
                    .and_then(|response| cache.store(url, &response.body));
                progress(done.fetch_add(1, Ordering::SeqCst) + 1, total);
                result
            })
            .collect()
    });
    let mut report = Downloaded {
        cached: cached.len(),
        ..Downloaded::default()
    };
    for (w, result) in missing.iter().zip(results) {
        match result {
            Ok(()) => report.fetched += 1,
            Err(e) => report.failed.push(format!("{}: {e:#}", w.url)),
        }
    }
    Ok(report)
}

/// A client for image downloads.
pub fn client(config: &Config) -> Result<Client> {
    http::Client::new(settings(config))
}
