//! The content store: writing new content files for ingest and fetch.
//!
//! Owns file naming (`content/<section>/<date>-<slug>.md`, or
//! `content/<edition>/<section>/...` on a site with editions), finding
//! duplicates by canonical source URL across the whole content tree (or
//! the whole edition), and atomic writes (a temporary file renamed into
//! place), so an interrupted run never leaves a partial file. Never writes
//! outside content/.

use super::front_matter::{FrontMatter, render};
use crate::fs::write_atomic;
use crate::vocabulary::{Date, SectionId, names as slug};
use anyhow::{Context, Result};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What happened to one article offered to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Written as a new file (path relative to the site root).
    Added(PathBuf),
    /// Already in content/ under this file; nothing written.
    Duplicate(PathBuf),
    /// An existing file was replaced (only with `force`).
    Replaced(PathBuf),
}

/// The content tree, indexed for naming and dedupe.
pub struct Store {
    content_dir: PathBuf,
    /// Whether the first folder of a content file names its edition.
    editions: bool,
    /// (Edition, canonical source URL) → file, relative to content/.
    by_url: HashMap<(String, String), String>,
    /// (Edition, fingerprint of title and body) → file, for articles with no URL.
    by_text: HashMap<(String, String), String>,
    /// `folder/slug` of every published name, so new files never collide.
    names: HashSet<String>,
    /// The largest content file, in bytes (`limits.content_bytes`).
    max_bytes: u64,
}

impl Store {
    /// Scans `content_dir`. Files that cannot be parsed, or are larger than
    /// `max_bytes`, are skipped with a warning: they do not stop new
    /// articles from being added. No file over `max_bytes` is written.
    /// With `editions`, duplicates are looked for within an edition.
    pub fn open(content_dir: &Path, max_bytes: u64, editions: bool) -> Result<Store> {
        let mut store = Store {
            content_dir: content_dir.to_path_buf(),
            editions,
            by_url: HashMap::new(),
            by_text: HashMap::new(),
            names: HashSet::new(),
            max_bytes,
        };
        crate::fs::remove_stale_temporaries(content_dir);
        for rel in super::list(content_dir)? {
            let text = match super::read_text(content_dir, &rel, max_bytes) {
                Ok(text) => text,
                Err(e) => {
                    log::warn!("content/{e}; not checked for duplicates");
                    continue;
                }
            };
            match super::parse(&rel, &text) {
                Ok(source) => {
                    let print = fingerprint(&source.title, &source.body);
                    store.index(&rel, source.front.source_url.as_deref(), print)
                }
                Err(e) => log::warn!("content/{e}; not checked for duplicates"),
            }
        }
        Ok(store)
    }

    /// The edition a content file belongs to (empty without editions).
    fn edition_of<'r>(&self, rel: &'r str) -> &'r str {
        if self.editions {
            rel.split('/').next().unwrap_or("")
        } else {
            ""
        }
    }

    fn index(&mut self, rel: &str, source_url: Option<&str>, print: String) {
        let edition = self.edition_of(rel).to_string();
        if let Some(url) = source_url.and_then(canonical_url) {
            self.by_url
                .entry((edition.clone(), url))
                .or_insert_with(|| rel.to_string());
        }
        self.by_text
            .entry((edition, print))
            .or_insert_with(|| rel.to_string());
        let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel));
        let stem = file.trim_end_matches(".md");
        self.names
            .insert(format!("{dir}/{}", slug::strip_date_prefix(stem)));
    }

    /// The file (relative to content/) that already holds `url` in
    /// `edition` (or anywhere, without editions), if any.
    pub fn find(&self, edition: Option<&SectionId>, url: &str) -> Option<&str> {
        let edition = edition.map_or("", SectionId::as_str).to_string();
        self.by_url
            .get(&(edition, canonical_url(url)?))
            .map(String::as_str)
    }

    /// Writes an article into `edition` unless its source URL is already
    /// stored there; with `force`, replaces the stored file instead.
    pub fn add(
        &mut self,
        edition: Option<&SectionId>,
        front: &FrontMatter,
        body: &str,
        force: bool,
    ) -> Result<Stored> {
        let section = front
            .section
            .as_ref()
            .context("an article to store names its section")?
            .as_str();
        let dir = match edition {
            Some(e) => format!("{e}/{section}"),
            None => section.to_string(),
        };
        let text = render(front, body)?;
        if text.len() as u64 > self.max_bytes {
            anyhow::bail!(
                "the article is {} bytes as a content file, over the {}-byte limit (limits.content_bytes)",
                text.len(),
                self.max_bytes
            );
        }
        let shown = |rel: &str| Path::new("content").join(rel);
        let title = front.title.as_deref().unwrap_or_default();
        let print = fingerprint(title, body);
        let key = edition.map_or("", SectionId::as_str).to_string();
        let existing = (front
            .source_url
            .as_deref()
            .and_then(|u| self.find(edition, u)))
        .or_else(|| self.by_text.get(&(key, print.clone())).map(String::as_str))
        .map(str::to_string);
        if let Some(existing) = existing {
            if !force {
                return Ok(Stored::Duplicate(shown(&existing)));
            }
            write_atomic(&self.content_dir.join(&existing), text.as_bytes(), true)?;
            return Ok(Stored::Replaced(shown(&existing)));
        }
        let date = front.date.or(front.fetched).unwrap_or_else(Date::now).ymd();
        let base = slug::slugify(title, slug::MAX_SLUG);
        let name = slug::unique(&base, |c| {
            self.names.contains(&format!("{dir}/{c}"))
                || slug::is_list_page_name(c)
                || self
                    .content_dir
                    .join(&dir)
                    .join(format!("{date}-{c}.md"))
                    .exists()
        });
        let rel = format!("{dir}/{date}-{name}.md");
        write_atomic(&self.content_dir.join(&rel), text.as_bytes(), false)?;
        self.index(&rel, front.source_url.as_deref(), print);
        Ok(Stored::Added(shown(&rel)))
    }
}

/// What makes two articles without a source URL the same: their title
/// and body, whitespace aside.
fn fingerprint(title: &str, body: &str) -> String {
    let words: Vec<&str> = title
        .split_whitespace()
        .chain(body.split_whitespace())
        .collect();
    blake3::hash(words.join(" ").as_bytes())
        .to_hex()
        .to_string()
}

/// A URL reduced to what identifies the article: lowercase scheme and host,
/// no default port, no fragment, no tracking parameters (`utm_*`, `fbclid`,
/// `gclid`), no trailing slash. `None` for anything but http(s).
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut url = url::Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| {
            !(k.starts_with("utm_")
                || k == "fbclid"
                || k == "gclid"
                || k == "mc_cid"
                || k == "mc_eid")
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    // http and https name the same article on news sites.
    let mut s = url.to_string();
    if let Some(rest) = s.strip_prefix("http://") {
        s = format!("https://{rest}");
    }
    Some(s.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls_ignore_tracking_and_fragments() {
        let cases = [
            (
                "https://News.Example.org:443/a/b.html#top",
                "https://news.example.org/a/b.html",
            ),
            (
                "http://news.example.org/a/?utm_source=x&id=3&fbclid=y",
                "https://news.example.org/a/?id=3",
            ),
            ("https://news.example.org/a/", "https://news.example.org/a"),
        ];
        for (raw, want) in cases {
            assert_eq!(canonical_url(raw).as_deref(), Some(want), "{raw}");
        }
        assert_eq!(canonical_url("javascript:alert(1)"), None);
        assert_eq!(canonical_url("not a url"), None);
    }

    fn front(title: &str, url: &str) -> FrontMatter {
        FrontMatter {
            title: Some(title.into()),
            section: Some(crate::vocabulary::SectionId::parse("world").unwrap()),
            date: Date::parse("2026-11-27T09:00:00Z"),
            source_url: Some(url.into()),
            ..FrontMatter::default()
        }
    }

    #[test]
    fn adds_names_and_dedupes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), u64::MAX, false).unwrap();
        let a = front("Ferry Plan: “Yes”", "https://e.org/ferry");
        assert_eq!(
            store.add(None, &a, "Body.", false).unwrap(),
            Stored::Added("content/world/2026-11-27-ferry-plan-yes.md".into())
        );
        let again = front("Another title", "https://e.org/ferry#x");
        assert_eq!(
            store.add(None, &again, "Body.", false).unwrap(),
            Stored::Duplicate("content/world/2026-11-27-ferry-plan-yes.md".into())
        );
        let b = front("Ferry Plan: Yes!", "https://e.org/other");
        assert_eq!(
            store.add(None, &b, "Body.", false).unwrap(),
            Stored::Added("content/world/2026-11-27-ferry-plan-yes-2.md".into())
        );
        // A fresh scan finds what was written.
        let store = Store::open(dir.path(), u64::MAX, false).unwrap();
        assert_eq!(
            store.find(None, "http://e.org/ferry/"),
            Some("world/2026-11-27-ferry-plan-yes.md")
        );
    }

    #[test]
    fn hostile_titles_and_sections_stay_inside_content() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let mut store = Store::open(&content, u64::MAX, false).unwrap();
        let f = front("../../etc/passwd", "https://e.org/x");
        assert_eq!(
            store.add(None, &f, "", false).unwrap(),
            Stored::Added("content/world/2026-11-27-etc-passwd.md".into())
        );
        // A section id cannot hold a path: it is checked where it enters.
        assert!(crate::vocabulary::SectionId::parse("../outside").is_err());
        let written: Vec<_> = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .collect();
        assert!(
            written
                .iter()
                .all(|p| p.starts_with(&content) || p == dir.path()),
            "{written:?}"
        );
    }
}
