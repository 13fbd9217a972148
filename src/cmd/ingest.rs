//! `paperboy ingest`: add saved pages, folders of them, or URLs to
//! content/, one line per input and a summary. One failure never stops the
//! batch. Reading files and fetching URLs happen here; turning their bytes
//! into articles is `ingest`'s.

use crate::config::{Config, ImageMode};
use crate::content::store::{Store, Stored};
use crate::fetch::http::{Client, Expect, Settings};
use crate::fetch::images::Wanted;
use crate::image_cache::ImageCache;
use crate::ingest::{self, Ingested, Origin};
use crate::layout::Layout;
use crate::vocabulary::SectionId;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// Options for one ingest run.
pub struct Options<'a> {
    pub inputs: &'a [String],
    pub edition: Option<&'a str>,
    pub section: Option<&'a str>,
    pub page_url: Option<&'a str>,
    pub force: bool,
}

/// One thing to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Url(String),
}

impl Input {
    /// An argument as given: a URL if it has an http(s) scheme, else a path.
    pub fn parse(arg: &str) -> Input {
        if ingest::is_http(arg) {
            Input::Url(arg.to_string())
        } else {
            Input::File(PathBuf::from(arg))
        }
    }

    /// How the input is named in messages.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Url(u) => u.clone(),
        }
    }
}

/// Expands folders into the files below them that ingest reads, sorted;
/// files and URLs pass through.
pub fn expand(inputs: &[Input]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::File(dir) if dir.is_dir() => {
                for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                    let entry = entry.with_context(|| format!("cannot walk {}", dir.display()))?;
                    let hidden = entry.file_name().to_string_lossy().starts_with('.');
                    if entry.file_type().is_file()
                        && !hidden
                        && ingest::has_known_extension(entry.path())
                    {
                        out.push(Input::File(entry.into_path()));
                    }
                }
            }
            other => out.push(other.clone()),
        }
    }
    Ok(out)
}

/// Reads (a file, at most `max_bytes`) or fetches (a URL) one input and
/// ingests it.
pub fn read(
    input: &Input,
    page_url: Option<&str>,
    section: &SectionId,
    client: Option<&Client>,
    max_bytes: u64,
) -> Result<Ingested> {
    match input {
        Input::Url(url) => {
            let client = client.context("fetching URLs needs an HTTP client")?;
            let response = client.get(url, Expect::Html)?;
            let origin = Origin::Page {
                url: &response.url,
                charset: response.charset.as_deref(),
            };
            ingest::ingest(&response.body, origin, section)
        }
        Input::File(path) => {
            let bytes = read_capped(path, max_bytes)?;
            let origin = Origin::File {
                path,
                url: page_url,
            };
            ingest::ingest(&bytes, origin, section)
        }
    }
}

/// Reads a file of at most `max` bytes (`fetch.max_page_bytes`), refusing
/// larger ones before reading them.
fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>> {
    let len = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if len > max {
        bail!(
            "{} is {len} bytes, over the {max}-byte limit for a page (fetch.max_page_bytes)",
            path.display()
        );
    }
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The edition and section to file articles in: `--edition` (else the
/// first edition, on a site with editions) and `--section` (else that
/// edition's first section).
pub fn place(
    config: &Config,
    edition: Option<&str>,
    section: Option<&str>,
) -> Result<(Option<SectionId>, SectionId)> {
    let editions = config.editions();
    let chosen = match edition {
        Some(e) => match editions
            .iter()
            .find(|x| x.id.is_some_and(|id| id.as_str() == e))
        {
            Some(x) => x,
            None if config.editions.is_empty() => {
                bail!("--edition {e}: this site has no editions (add `editions:` to config.yaml)")
            }
            None => bail!("no edition `{e}` in config.yaml"),
        },
        None => &editions[0],
    };
    let id = match section {
        Some(s) => SectionId::parse(s).map_err(|e| anyhow::anyhow!("{e}"))?,
        None => match chosen.sections.first() {
            Some(s) => s.id.clone(),
            None => {
                bail!("no section to ingest into: pass --section or list sections in config.yaml")
            }
        },
    };
    if !chosen.sections.iter().any(|s| s.id == id) {
        log::warn!("section `{id}` is not listed in config.yaml; build will add it at the end");
    }
    Ok((chosen.id.cloned(), id))
}

/// Ingests every input; returns whether all succeeded.
pub fn run(root: &Path, opts: &Options) -> Result<bool> {
    let layout = Layout::new(root);
    let config = Config::load(root)?;
    let (edition, section) = place(&config, opts.edition, opts.section)?;
    let inputs: Vec<Input> = opts.inputs.iter().map(|a| Input::parse(a)).collect();
    let inputs = expand(&inputs)?;
    if inputs.len() > 1 && opts.page_url.is_some() {
        bail!("--url names one page's address; give it with a single input");
    }
    let client = if inputs.iter().any(|i| matches!(i, Input::Url(_))) {
        Some(Client::new(Settings::from_config(&config))?)
    } else {
        None
    };
    let mut store = Store::open(
        &layout.content,
        config.limits.content_bytes,
        !config.editions.is_empty(),
    )?;
    let (mut added, mut skipped, mut failed) = (0, 0, 0);
    let mut images = Vec::new();
    for input in &inputs {
        let result = read(
            input,
            opts.page_url,
            &section,
            client.as_ref(),
            config.fetch.max_page_bytes,
        )
        .and_then(|article| {
            let stored = store.add(edition.as_ref(), &article.front, &article.body, opts.force)?;
            if !matches!(stored, Stored::Duplicate(_)) {
                // Images of a page are judged against the page's address.
                let found_on = article.front.source_url.clone();
                images.extend(article.front.images.iter().map(|i| Wanted {
                    url: i.url.clone(),
                    found_on: found_on.clone(),
                }));
            }
            Ok(stored)
        });
        match result {
            Ok(Stored::Added(path)) => {
                added += 1;
                println!("added: {} ({})", path.display(), input.name());
            }
            Ok(Stored::Replaced(path)) => {
                added += 1;
                println!("replaced: {} ({})", path.display(), input.name());
            }
            Ok(Stored::Duplicate(path)) => {
                skipped += 1;
                println!(
                    "skipped: duplicate of {} ({})",
                    path.display(),
                    input.name()
                );
            }
            Err(e) => {
                failed += 1;
                println!("failed: {}: {e:#}", input.name());
            }
        }
    }
    println!("{added} added, {skipped} skipped, {failed} failed");
    if config.images.mode == ImageMode::Local && !images.is_empty() {
        let cache = ImageCache::new(&layout);
        let client = crate::fetch::images::client(&config)?;
        let done = crate::fetch::images::download(
            &client,
            &cache,
            &images,
            config.fetch.concurrency,
            &|_, _| {},
        )?;
        for failure in &done.failed {
            log::warn!("image not downloaded: {failure}");
        }
        if done.fetched > 0 {
            println!("{} images downloaded into the image cache", done.fetched);
        }
    }
    Ok(failed == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_urls_or_paths() {
        assert_eq!(
            Input::parse("https://e.org/a"),
            Input::Url("https://e.org/a".into())
        );
        assert_eq!(
            Input::parse("HTTP://e.org/a"),
            Input::Url("HTTP://e.org/a".into())
        );
        assert_eq!(
            Input::parse("saved/a.html"),
            Input::File("saved/a.html".into())
        );
    }
}
