//! `paperboy images`: download every article image the image cache lacks
//! (for `images.mode: local`), with progress, so that the build, which
//! never goes online, can convert them. Fetch and ingest already download
//! the images of the articles they add; this fills the cache for articles
//! written by hand or added before local images were switched on.

use crate::build::Site;
use crate::fetch::images;
use crate::image_cache::ImageCache;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::Path;

/// Downloads the missing images; returns false (exit status 1) when any failed.
pub fn run(root: &Path) -> Result<bool> {
    let site = Site::load(root)?;
    // Images are judged against their article's source page, where there is one.
    let wanted: Vec<images::Wanted> = site
        .library
        .articles
        .iter()
        .flat_map(|a| {
            a.images.iter().map(|i| images::Wanted {
                url: i.url.clone(),
                found_on: a.source_url.clone(),
            })
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let cache = ImageCache::new(&site.layout);
    let client = images::client(&site.config)?;
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} images")
            .expect("valid template")
            .progress_chars("=> "),
    );
    let report = images::download(
        &client,
        &cache,
        &wanted,
        site.config.fetch.concurrency,
        &|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if bar.is_hidden() {
                log::info!("[{done}/{total}] images");
            }
        },
    )?;
    bar.finish_and_clear();
    for failure in &report.failed {
        println!("failed: {failure}");
    }
    println!(
        "{} downloaded, {} already in the cache, {} failed",
        report.fetched,
        report.cached,
        report.failed.len()
    );
    if site.config.images.mode != crate::config::ImageMode::Local {
        println!("note: images.mode is not `local`, so the build does not use the cache");
    }
    Ok(report.failed.is_empty())
}
