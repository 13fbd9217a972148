//! The site: configuration, theme and every article, loaded once into owned
//! data ([`Library`]), then built as a recipe of timed steps.
//!
//! Owns the site model (sections in order, articles newest first, each with
//! its output URL) and the order of the build. Page markup is `pages`';
//! writing to disk is `output`'s.

use crate::config::{Config, ImageMode, SectionConfig};
use crate::content::{self, ContentError, ContentErrors, Image, Source};
use crate::build::markdown;
use crate::vocabulary::names as slug;
use crate::build::theme::Theme;
use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One article, ready to render.
#[derive(Debug, Clone)]
pub struct Article {
    pub title: String,
    /// Index into [`Library::sections`].
    pub section: usize,
    /// Output path from the site root, e.g. `world/harbour-ferry.html`.
    pub url: String,
    pub date: Option<DateTime<FixedOffset>>,
    pub date_only: bool,
    pub source_url: Option<String>,
    pub source_name: Option<String>,
    pub byline: Option<String>,
    pub images: Vec<Image>,
    /// Rendered body, an HTML fragment.
    pub content: String,
    /// Front matter summary, or the first paragraph.
    pub summary: String,
    /// The content file, relative to content/.
    pub rel_path: String,
}

/// A section and its articles (indices into [`Library::articles`], newest first).
#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
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

/// A loaded site, ready to build.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub theme: Theme,
    pub library: Library,
}

/// What a build did, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub sections: usize,
    pub files: usize,
    pub output: PathBuf,
}

/// Logs how long a step took, at debug level.
fn timed<T>(step: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let start = Instant::now();
    let result = f();
    log::debug!("{step}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    result
}

impl Site {
    /// Loads config, theme and content from `root`.
    pub fn load(root: &Path) -> Result<Site> {
        let config = timed("read config", || Config::load(root))?;
        let theme = timed("load theme", || Theme::load(root, &config))?;
        let library = timed("load content", || {
            Library::load(&root.join("content"), &config)
        })?;
        Ok(Site {
            root: root.to_path_buf(),
            config,
            theme,
            library,
        })
    }

    /// Renders every page and replaces `output` with the result. Stops at the
    /// first error; the previous output stays whole.
    pub fn build(&self, output: &Path) -> Result<BuildReport> {
        let images = match self.config.images.mode {
            ImageMode::Local => Some(timed("prepare images", || {
                let urls = self
                    .library
                    .articles
                    .iter()
                    .flat_map(|a| a.images.iter().map(|i| i.url.clone()))
                    .collect();
                crate::build::images::prepare(&self.root, &self.config, &urls)
            })?),
            _ => None,
        };
        let staging = timed("prepare output", || {
            crate::build::output::Staging::create(&self.root, output, &self.theme.static_dirs)
        })?;
        let count = timed("render and write pages", || {
            crate::build::pages::render_all(self, images.as_ref(), &|file| staging.write(&file))
        })?;
        timed("replace output", || staging.commit())?;
        Ok(BuildReport {
            articles: self.library.articles.len(),
            sections: self.library.sections.len(),
            files: count,
            output: output.to_path_buf(),
        })
    }
}

impl Library {
    /// Loads every content file, renders its Markdown, and assigns sections
    /// and URLs. Reports every bad file at once.
    pub fn load(content_dir: &Path, config: &Config) -> Result<Library> {
        let sources = content::load(content_dir)?;
        Library::from_sources(sources, config)
    }

    /// Builds the library from parsed sources (drafts are left out).
    pub fn from_sources(sources: Vec<Source>, config: &Config) -> Result<Library> {
        let mut sources: Vec<Source> = sources.into_iter().filter(|s| !s.front.draft).collect();
        let mut errors = Vec::new();
        for s in &sources {
            if !crate::config::is_valid_id(&s.section) {
                errors.push(ContentError {
                    path: Path::new("content").join(&s.rel_path),
                    line: None,
                    message: format!("section `{}` is not a valid id: use lowercase ASCII letters, digits, `-` or `_`", s.section),
                });
            }
        }
        if !errors.is_empty() {
            return Err(ContentErrors(errors).into());
        }
        // Newest first; undated last; ties broken by title then path so the
        // order never depends on the file system.
        sources.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.rel_path.cmp(&b.rel_path))
        });
        let sections = assemble_sections(&sources, &config.sections);
        let index: BTreeMap<&str, usize> = sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let urls = assign_urls(&sources);
        let articles: Vec<Article> = sources
            .par_iter()
            .zip(urls.par_iter())
            .map(|(s, url)| {
                let body = markdown::render(&s.body, config.profile, config.images.mode);
                let summary = s
                    .front
                    .summary
                    .clone()
                    .unwrap_or_else(|| shorten(&body.first_paragraph, 300));
                Article {
                    title: s.title.clone(),
                    section: index[s.section.as_str()],
                    url: url.clone(),
                    date: s.date,
                    date_only: s.date_only,
                    source_url: safe_url(s, "source_url", s.front.source_url.as_deref()),
                    source_name: s.front.source_name.clone(),
                    byline: s.front.byline.clone(),
                    images: match config.images.mode {
                        ImageMode::None => Vec::new(),
                        _ => (s.front.images.iter())
                            .filter(|img| safe_url(s, "images", Some(&img.url)).is_some())
                            .cloned()
                            .collect(),
                    },
                    content: body.html,
                    summary,
                    rel_path: s.rel_path.clone(),
                }
            })
            .collect();
        let mut sections = sections;
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
    let known: HashSet<&str> = configured.iter().map(|c| c.id.as_str()).collect();
    let extra: std::collections::BTreeSet<&str> = sources
        .iter()
        .map(|s| s.section.as_str())
        .filter(|id| !known.contains(id))
        .collect();
    for id in extra {
        log::warn!(
            "section `{id}` is used in content/ but not listed in config.yaml; adding it at the end"
        );
        sections.push(Section {
            id: id.to_string(),
            name: crate::config::capitalise(id),
            articles: Vec::new(),
        });
    }
    sections
}

/// Output URLs: `<section>/<slug>.html`, the slug from front matter or the
/// file name without its date, unique within the section and never a name
/// that section pages use (`index`, `pageN`). Assigned in path order so a
/// new article never renames an old one.
fn assign_urls(sources: &[Source]) -> Vec<String> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| sources[a].rel_path.cmp(&sources[b].rel_path));
    let mut taken: HashSet<String> = HashSet::new();
    let mut urls = vec![String::new(); sources.len()];
    for i in order {
        let s = &sources[i];
        let stem = s
            .rel_path
            .rsplit('/')
            .next()
            .unwrap_or(&s.rel_path)
            .trim_end_matches(".md");
        let wanted = s
            .front
            .slug
            .as_deref()
            .unwrap_or_else(|| slug::strip_date_prefix(stem));
        let base = slug::slugify(wanted, slug::MAX_SLUG);
        let is_reserved = |name: &str| {
            name == "index"
                || name
                    .strip_prefix("page")
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        let name = slug::unique(&base, |c| {
            is_reserved(c) || taken.contains(&format!("{}/{c}", s.section))
        });
        let url = format!("{}/{name}.html", s.section);
        taken.insert(format!("{}/{name}", s.section));
        urls[i] = url;
    }
    urls
}

/// A URL from front matter, if it is safe to link to; an unsafe one (such as
/// `javascript:`) is dropped with a warning naming the file.
fn safe_url(s: &Source, key: &str, url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    if url.is_empty() {
        return None;
    }
    if markdown::is_safe_url(url) {
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
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
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
    fn urls_are_unique_and_short() {
        let sources = vec![
            source("world/2026-11-27-ferry.md", "A", "2026-11-27"),
            source("world/2026-11-28-ferry.md", "B", "2026-11-28"),
            source("world/index.md", "C", "2026-11-28"),
            source("sports/2026-11-28-ferry.md", "D", "2026-11-28"),
        ];
        let urls = assign_urls(&sources);
        assert_eq!(
            urls,
            [
                "world/ferry.html",
                "world/ferry-2.html",
                "world/index-2.html",
                "sports/ferry.html"
            ]
        );
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
