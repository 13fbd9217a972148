//! The site model: every published article with its section and output
//! URL, and the sections in front-page order, loaded once into owned data.
//!
//! Owns which articles exist (drafts left out), their order (newest
//! first), sections (configured ones first) and URL assignment (`urls`).
//! Knows nothing of templates, markup or the output folder: the build
//! renders pages from a `&Library`.

mod urls;

use crate::config::{Config, ImageMode, SectionConfig};
use crate::content::{self, Image, Source};
use crate::vocabulary::{Date, SectionId, html, text};
use anyhow::Result;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

/// One article, ready to render.
#[derive(Debug, Clone)]
pub struct Article {
    pub title: String,
    /// Index into [`Library::sections`].
    pub section: usize,
    /// Output path from the site root, e.g. `world/harbour-ferry.html`.
    pub url: String,
    pub date: Option<Date>,
    pub source_url: Option<String>,
    pub source_name: Option<String>,
    pub byline: Option<String>,
    pub images: Vec<Image>,
    /// The body, in Markdown; the build renders it for the profile.
    pub body: String,
    /// Front matter summary, or the first paragraph.
    pub summary: String,
    /// The content file, relative to content/.
    pub rel_path: String,
}

/// A section and its articles (indices into [`Library::articles`], newest first).
#[derive(Debug, Clone)]
pub struct Section {
    pub id: SectionId,
    pub name: String,
    pub articles: Vec<usize>,
}

impl Section {
    /// The section's first page, e.g. `world/index.html`.
    pub fn url(&self) -> String {
        format!("{}/index.html", self.id)
    }
}

/// Everything the pages are made from. Articles are sorted newest first.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub sections: Vec<Section>,
    pub articles: Vec<Article>,
}

impl Library {
    /// Loads every content file, renders its Markdown, and assigns sections
    /// and URLs. Reports every bad file at once.
    pub fn load(content_dir: &Path, config: &Config) -> Result<Library> {
        let sources = content::load(content_dir, config.limits.content_bytes)?;
        Library::from_sources(sources, config)
    }

    /// Builds the library from parsed sources (drafts are left out).
    pub fn from_sources(sources: Vec<Source>, config: &Config) -> Result<Library> {
        let mut sources: Vec<Source> = sources.into_iter().filter(|s| !s.front.draft).collect();
        // Newest first; undated last; ties broken by title then path so the
        // order never depends on the file system.
        sources.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.rel_path.cmp(&b.rel_path))
        });
        let mut sections = assemble_sections(&sources, &config.sections);
        let index: BTreeMap<SectionId, usize> = sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let urls = urls::assign(&sources);
        let articles: Vec<Article> = sources
            .into_par_iter()
            .zip(urls.into_par_iter())
            .map(|(s, url)| {
                let summary = match &s.front.summary {
                    Some(summary) => summary.clone(),
                    None => shorten(&content::first_paragraph(&s.body), 300),
                };
                let source_url = safe_url(&s, "source_url", s.front.source_url.as_deref());
                let images = match config.images.mode {
                    ImageMode::None => Vec::new(),
                    _ => (s.front.images.iter())
                        .filter(|img| safe_url(&s, "images", Some(&img.url)).is_some())
                        .cloned()
                        .collect(),
                };
                Article {
                    section: index[&s.section],
                    url,
                    date: s.date,
                    source_url,
                    images,
                    summary,
                    source_name: s.front.source_name,
                    byline: s.front.byline,
                    title: s.title,
                    body: s.body,
                    rel_path: s.rel_path,
                }
            })
            .collect();
        for (i, a) in articles.iter().enumerate() {
            sections[a.section].articles.push(i);
        }
        Ok(Library { sections, articles })
    }
}

/// Configured sections in config order, then any section that only content
/// names, sorted by id (with a warning: it probably wants a config entry).
fn assemble_sections(sources: &[Source], configured: &[SectionConfig]) -> Vec<Section> {
    let mut sections: Vec<Section> = configured
        .iter()
        .map(|c| Section {
            id: c.id.clone(),
            name: c.display_name(),
            articles: Vec::new(),
        })
        .collect();
    let known: HashSet<&SectionId> = configured.iter().map(|c| &c.id).collect();
    let extra: BTreeSet<&SectionId> = sources
        .iter()
        .map(|s| &s.section)
        .filter(|id| !known.contains(id))
        .collect();
    for id in extra {
        log::warn!(
            "section `{id}` is used in content/ but not listed in config.yaml; adding it at the end"
        );
        sections.push(Section {
            id: id.clone(),
            name: text::capitalise(id.as_str()),
            articles: Vec::new(),
        });
    }
    sections
}

/// A URL from front matter, if it is safe to link to; an unsafe one (such as
/// `javascript:`) is dropped with a warning naming the file.
fn safe_url(s: &Source, key: &str, url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    if url.is_empty() {
        return None;
    }
    if html::is_safe_url(url) {
        return Some(url.to_string());
    }
    log::warn!(
        "content/{}: ignoring unsafe URL in `{key}`: {url}",
        s.rel_path
    );
    None
}

/// Cuts text to at most `max` characters at a word boundary, adding `...`.
fn shorten(text: &str, max: usize) -> String {
    let text = text::one_line(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}...")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, title: &str, date: &str) -> Source {
        let text = format!("---\ntitle: {title}\ndate: {date}\n---\nBody of {title}.\n");
        content::parse(path, &text).unwrap()
    }

    #[test]
    fn sorts_newest_first_and_adds_unknown_sections() {
        let config = Config::from_yaml("sections:\n  - id: world\n").unwrap();
        let sources = vec![
            source("world/a.md", "Old", "2026-11-01"),
            source("world/b.md", "New", "2026-11-27"),
            source("zeta/c.md", "Z", "2026-11-02"),
        ];
        let lib = Library::from_sources(sources, &config).unwrap();
        let titles: Vec<_> = lib.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["New", "Z", "Old"]);
        assert_eq!(
            lib.sections
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["world", "zeta"]
        );
        assert_eq!(lib.sections[0].articles, [0, 2]);
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("one two three", 9), "one two...");
        assert_eq!(shorten("short", 9), "short");
    }
}
