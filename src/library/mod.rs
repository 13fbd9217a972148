//! The site model: its editions, their sections in front-page order, and
//! every published article with its section and output URL, loaded once
//! into owned data.
//!
//! Owns which articles exist (drafts left out), their order (newest
//! first), editions and sections (configured ones first), URL assignment
//! (`urls`) and which articles tell one story (`stories`). Knows nothing
//! of templates, markup or the output folder: the build renders pages
//! from a `&Library`.

pub mod stories;
mod urls;

use crate::config::{Config, ImageMode, SectionConfig};
use crate::content::{ContentError, ContentErrors, Image, Meta};
use crate::vocabulary::{Date, SectionId, html, text};
use anyhow::Result;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

/// One article, ready to render.
#[derive(Debug, Clone)]
pub struct Article {
    pub title: String,
    /// Index into [`Library::sections`].
    pub section: usize,
    /// Index into [`Library::editions`].
    pub edition: usize,
    /// Output path from the site root, e.g. `world/harbour-ferry.html`
    /// (`us/world/harbour-ferry.html` in an edition).
    pub url: String,
    pub date: Option<Date>,
    pub source_url: Option<String>,
    pub source_name: Option<String>,
    pub byline: Option<String>,
    pub images: Vec<Image>,
    /// Front matter summary, or the first paragraph.
    pub summary: String,
    /// Whether front matter gave the summary (ingest writes a page's
    /// standfirst there), so the article page may show it.
    pub summary_given: bool,
    /// The content file, relative to content/; the build reads the body
    /// from it when it renders the article, so bodies are never all held.
    pub rel_path: String,
    /// The hash of the content file's bytes: what changes when it does.
    pub hash: String,
    /// The article's language, when front matter names one.
    pub language: Option<String>,
    /// Front matter `extra`, for templates.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A section and its articles (indices into [`Library::articles`], newest first).
#[derive(Debug, Clone)]
pub struct Section {
    pub id: SectionId,
    pub name: String,
    /// Index into [`Library::editions`].
    pub edition: usize,
    /// Its folder from the site root: `world`, or `us/world` in an edition.
    pub dir: String,
    /// `days` from config.yaml: how long an article stays on its pages.
    pub days: Option<u32>,
    /// The feeds `fetch` reads for it.
    pub feeds: Vec<String>,
    pub articles: Vec<usize>,
}

impl Section {
    /// The section's first page, e.g. `world/index.html`.
    pub fn url(&self) -> String {
        format!("{}/index.html", self.dir)
    }
}

/// An edition: its front page, sections and language. A site without
/// `editions:` has one, with no id, at the root.
#[derive(Debug, Clone)]
pub struct Edition {
    pub id: Option<SectionId>,
    pub name: String,
    pub language: String,
    /// Indices into [`Library::sections`], in front-page order.
    pub sections: Vec<usize>,
    /// Indices into [`Library::articles`], newest first.
    pub articles: Vec<usize>,
}

impl Edition {
    /// Its folder from the site root, with a trailing `/`: `us/`, or `""`.
    pub fn prefix(&self) -> String {
        self.id
            .as_ref()
            .map_or_else(String::new, |id| format!("{id}/"))
    }

    /// Its front page from the site root: `us/index.html` or `index.html`.
    pub fn url(&self) -> String {
        format!("{}index.html", self.prefix())
    }
}

/// Everything the pages are made from. Articles are sorted newest first.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub editions: Vec<Edition>,
    pub sections: Vec<Section>,
    pub articles: Vec<Article>,
}

impl Library {
    /// Whether the site has configured editions (and a chooser at the root).
    pub fn has_editions(&self) -> bool {
        self.editions.first().is_some_and(|e| e.id.is_some())
    }
}

impl Library {
    /// Builds the library from content metadata (drafts are left out).
    pub fn from_metas(sources: Vec<Meta>, config: &Config) -> Result<Library> {
        let mut slots: Vec<Option<Meta>> = sources
            .into_iter()
            .filter(|s| !s.front.draft)
            .map(Some)
            .collect();
        // Newest first; undated last; ties broken by title then path so the
        // order never depends on the file system. Sorted by index, so each
        // (large) Meta moves once.
        let mut order: Vec<usize> = (0..slots.len()).collect();
        order.par_sort_unstable_by(|&i, &j| {
            let (a, b) = (slots[i].as_ref(), slots[j].as_ref());
            let (a, b) = (a.expect("present"), b.expect("present"));
            b.date
                .cmp(&a.date)
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.rel_path.cmp(&b.rel_path))
        });
        let sources: Vec<Meta> = order
            .iter()
            .map(|&i| slots[i].take().expect("each index once"))
            .collect();
        let placed = place(&sources, config)?;
        let (mut editions, mut sections) = assemble(&placed, config);
        let index: BTreeMap<(usize, &SectionId), usize> = sections
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.edition, &s.id), i))
            .collect();
        let places: Vec<usize> = placed.iter().map(|(e, id)| index[&(*e, id)]).collect();
        let dirs: Vec<&str> = places.iter().map(|&i| sections[i].dir.as_str()).collect();
        let urls = urls::assign(&sources, &dirs);
        let articles: Vec<Article> = sources
            .into_par_iter()
            .zip(urls.into_par_iter())
            .zip(places.into_par_iter())
            .map(|((mut s, url), section)| {
                let summary_given = s
                    .front
                    .summary
                    .as_deref()
                    .is_some_and(|t| !t.trim().is_empty());
                let summary = match s.front.summary.take() {
                    Some(summary) => summary,
                    None => std::mem::take(&mut s.lead),
                };
                let max = config.profile.max_attribute_len();
                let source_url = linkable_url(&s, "source_url", s.front.source_url.as_deref(), max);
                let images = match config.images.mode {
                    ImageMode::None => Vec::new(),
                    _ => (s.front.images.iter())
                        .filter(|img| linkable_url(&s, "images", Some(&img.url), max).is_some())
                        .cloned()
                        .collect(),
                };
                Article {
                    section,
                    edition: 0,
                    url,
                    date: s.date,
                    source_url,
                    images,
                    summary,
                    summary_given,
                    source_name: s.front.source_name,
                    byline: s.front.byline,
                    title: s.title,
                    rel_path: s.rel_path,
                    hash: s.hash,
                    language: s.front.language,
                    extra: s.front.extra,
                }
            })
            .collect();
        let mut articles = articles;
        for (i, a) in articles.iter_mut().enumerate() {
            let section = &mut sections[a.section];
            a.edition = section.edition;
            section.articles.push(i);
            editions[section.edition].articles.push(i);
        }
        Ok(Library {
            editions,
            sections,
            articles,
        })
    }
}

/// The edition (by index into `config.editions()`) and section id of each
/// source. Without editions, the section is the first folder (or
/// `section:`); with editions, the first folder names the edition and the
/// second the section (or `section:`).
fn place(sources: &[Meta], config: &Config) -> Result<Vec<(usize, SectionId)>> {
    let editions = config.editions();
    if editions[0].id.is_none() {
        return Ok(sources.iter().map(|s| (0, s.section.clone())).collect());
    }
    let mut errors = Vec::new();
    let mut placed = Vec::with_capacity(sources.len());
    for s in sources {
        let parts: Vec<&str> = s.rel_path.split('/').collect();
        let error = |message: String| ContentError {
            path: PathBuf::from("content").join(&s.rel_path),
            line: None,
            message,
        };
        let Some(e) = editions
            .iter()
            .position(|e| e.id.is_some_and(|id| id.as_str() == parts[0]))
        else {
            errors.push(error(format!(
                "`{}` is not an edition in config.yaml: with editions, files go in content/<edition>/<section>/",
                parts[0]
            )));
            continue;
        };
        match (&s.front.section, parts.len()) {
            (Some(id), _) => placed.push((e, id.clone())),
            (None, n) if n >= 3 => match SectionId::parse(parts[1]) {
                Ok(id) => placed.push((e, id)),
                Err(msg) => errors.push(error(msg)),
            },
            (None, _) => errors.push(error(format!(
                "no section: put the file in content/{}/<section>/ or add `section:`",
                parts[0]
            ))),
        }
    }
    if !errors.is_empty() {
        return Err(ContentErrors(errors).into());
    }
    Ok(placed)
}

/// The editions, and their sections: configured ones in config order, then
/// any that only content names, sorted by id (with a warning: it probably
/// wants a config entry).
fn assemble(placed: &[(usize, SectionId)], config: &Config) -> (Vec<Edition>, Vec<Section>) {
    let mut editions = Vec::new();
    let mut sections = Vec::new();
    for (e, edition) in config.editions().iter().enumerate() {
        let prefix = edition.id.map_or_else(String::new, |id| format!("{id}/"));
        let mut own = Vec::new();
        let section = |id: &SectionId, c: Option<&SectionConfig>| Section {
            id: id.clone(),
            name: c.map_or_else(
                || text::capitalise(id.as_str()),
                SectionConfig::display_name,
            ),
            edition: e,
            dir: format!("{prefix}{id}"),
            days: c.and_then(|c| c.days),
            feeds: c.map(|c| c.feeds.clone()).unwrap_or_default(),
            articles: Vec::new(),
        };
        for c in edition.sections {
            own.push(sections.len());
            sections.push(section(&c.id, Some(c)));
        }
        let known: HashSet<&SectionId> = edition.sections.iter().map(|c| &c.id).collect();
        let extra: BTreeSet<&SectionId> = placed
            .iter()
            .filter(|(pe, id)| *pe == e && !known.contains(id))
            .map(|(_, id)| id)
            .collect();
        for id in extra {
            log::warn!(
                "section `{prefix}{id}` is used in content/ but not listed in config.yaml; adding it at the end"
            );
            own.push(sections.len());
            sections.push(section(id, None));
        }
        editions.push(Edition {
            id: edition.id.cloned(),
            name: edition.name.to_string(),
            language: edition.language.to_string(),
            sections: own,
            articles: Vec::new(),
        });
    }
    (editions, sections)
}

/// A URL from front matter, if it is safe to link to and, as the page
/// writes it, no longer than `max_len` bytes (the profile's attribute
/// limit). Any other is dropped with a warning naming the file: an unsafe
/// one (such as `javascript:`), or one a period page cannot carry (such as
/// a source URL with kilobytes of tracking parameters).
fn linkable_url(s: &Meta, key: &str, url: Option<&str>, max_len: usize) -> Option<String> {
    let url = url?.trim();
    if url.is_empty() {
        return None;
    }
    if !html::is_safe_url(url) {
        log::warn!(
            "content/{}: ignoring unsafe URL in `{key}`: {url}",
            s.rel_path
        );
        return None;
    }
    let len = html::url_to_ascii(url).len();
    if len > max_len {
        log::warn!(
            "content/{}: leaving out the link in `{key}`: its URL is {len} bytes, over the {max_len} the profile allows",
            s.rel_path
        );
        return None;
    }
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metadata of a content file at `path` with a title and a date.
    pub(super) fn source(path: &str, title: &str, date: &str) -> Meta {
        let text = format!("---\ntitle: {title}\ndate: {date}\n---\nBody of {title}.\n");
        crate::content::parse(path, &text)
            .unwrap()
            .meta(String::new())
    }

    #[test]
    fn sorts_newest_first_and_adds_unknown_sections() {
        let config = Config::from_yaml("sections:\n  - id: world\n").unwrap();
        let sources = vec![
            source("world/a.md", "Old", "2026-11-01"),
            source("world/b.md", "New", "2026-11-27"),
            source("zeta/c.md", "Z", "2026-11-02"),
        ];
        let lib = Library::from_metas(sources, &config).unwrap();
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
    fn links_longer_than_the_profile_allows_are_left_out() {
        let long = format!("https://e.org/story?utm_source={}", "x".repeat(1000));
        let text = format!(
            "---\ntitle: T\ndate: 2026-11-27\nsource_url: {long}\nimages:\n- url: {long}.jpg\n- url: https://e.org/a.jpg\n---\nBody.\n"
        );
        for (profile, kept) in [("html2", false), ("html32", false), ("modern", true)] {
            let config = Config::from_yaml(&format!("profile: {profile}\n")).unwrap();
            let source = crate::content::parse("world/a.md", &text)
                .unwrap()
                .meta(String::new());
            let lib = Library::from_metas(vec![source], &config).unwrap();
            let a = &lib.articles[0];
            assert_eq!(a.source_url.is_some(), kept, "{profile}");
            assert_eq!(a.images.len(), if kept { 2 } else { 1 }, "{profile}");
        }
    }
}
