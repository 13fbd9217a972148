//! `paperboy fetch`: pull new articles from the configured feeds, with a
//! progress bar on a terminal (plain log lines otherwise) and a summary per
//! feed at the end.

use crate::config::Config;
use crate::fetch::run::{self, Options, Progress};
use crate::layout::Layout;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs a fetch; returns false (exit status 1) when every feed failed.
pub fn run(root: &Path, opts: &Options) -> Result<bool> {
    let config = Config::load(root)?;
    let progress = Reporter::new();
    let report = run::run(&Layout::new(root), &config, opts, &progress)?;
    progress.bar.finish_and_clear();
    for feed in &report.feeds {
        let head = format!("{} ({})", feed.url, feed.section);
        // Items past fetch.max_items are noted on the feed's line.
        let mut over = match feed.over_limit {
            0 => String::new(),
            n => format!(", {n} skipped over fetch.max_items"),
        };
        if feed.too_old > 0 {
            over.push_str(&format!(", {} older than fetch.keep_days", feed.too_old));
        }
        if let Some(error) = &feed.error {
            println!("{head}: failed: {error}");
        } else if feed.unchanged {
            println!("{head}: not modified since the last fetch");
        } else if opts.dry_run {
            println!(
                "{head}: {} new, {} already present{over}",
                feed.would_add.len(),
                feed.present
            );
            for (title, url) in &feed.would_add {
                println!("  would add: {title} <{url}>");
            }
        } else {
            println!(
                "{head}: {} new ({} from the feed only), {} already present, {} failed{over}",
                feed.new,
                feed.feed_only,
                feed.present,
                feed.failed.len()
            );
            for failure in &feed.failed {
                println!("  failed: {failure}");
            }
        }
    }
    if !report.removed.is_empty() {
        println!(
            "removed {} articles older than fetch.keep_days:",
            report.removed.len()
        );
        for path in &report.removed {
            println!("  {path}");
        }
    }
    if report.images > 0 {
        println!("{} images downloaded into the image cache", report.images);
    }
    for failure in &report.images_failed {
        println!("  image not downloaded: {failure}");
    }
    Ok(!report.all_failed())
}

/// A bar on a terminal; otherwise one log line per article.
struct Reporter {
    bar: ProgressBar,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Reporter {
    fn new() -> Reporter {
        let bar = if std::io::stderr().is_terminal() {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        Reporter {
            bar,
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
        }
    }
}

impl Progress for Reporter {
    fn start(&self, total: usize) {
        self.total.store(total, Ordering::SeqCst);
        self.bar.set_length(total as u64);
        if self.bar.is_hidden() {
            log::info!("fetching {total} new articles");
        }
    }

    fn done(&self, title: &str, outcome: &str) {
        let n = self.done.fetch_add(1, Ordering::SeqCst) + 1;
        if self.bar.is_hidden() {
            log::info!(
                "[{n}/{}] {outcome}: {title}",
                self.total.load(Ordering::SeqCst)
            );
        } else {
            self.bar.set_message(title.to_string());
            self.bar.inc(1);
        }
    }
}
