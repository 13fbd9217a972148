//! The data templates receive, as serializable structs, and the small
//! functions that make it from the library. Documented for theme authors
//! in themes/README.md; a field added here belongs there too.

use super::super::images::ImageSet;
use super::super::strings::Strings;
use crate::library::{Article, Edition, Library};
use crate::vocabulary::html::url_to_ascii;
use crate::vocabulary::names::{paged_path, root_for};
use serde::Serialize;

/// What every page of one edition sees as `site`.
#[derive(Serialize, Clone)]
pub struct SiteData<'a> {
    pub title: &'a str,
    pub tagline: &'a str,
    /// The edition's language (the site's without editions).
    pub language: &'a str,
    /// Absolute base URL with a trailing slash, or empty.
    pub base_url: String,
    /// Charset label declared in the meta tag.
    pub charset: &'static str,
    pub profile: &'static str,
    /// The edition's sections.
    pub sections: Vec<SectionLink>,
    /// The edition's front page from the site root.
    pub front_url: String,
    /// What back-links call the front page: the site's title, with the
    /// edition's name when there are editions ("Paperboy News US").
    pub front_name: String,
    /// The edition's archive from the site root (empty on the root pages
    /// of a site with editions, which have none).
    pub archive_url: String,
    /// The edition this page belongs to, when the site has editions.
    pub edition: Option<EditionLink>,
    /// Every edition (empty without editions).
    pub editions: Vec<EditionLink>,
    /// The page that lets a reader choose an edition, when there are editions.
    pub chooser_url: Option<&'static str>,
    /// The edition's RSS feed from the site root, when the site has a base URL.
    pub feed_url: Option<String>,
    /// The list of the feeds the site reads (OPML), when it reads any.
    pub opml_url: Option<&'static str>,
    /// Set on front pages only: a new article would otherwise change every
    /// page of the site.
    pub updated: Option<String>,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
}

/// An edition as pages link to it.
#[derive(Serialize, Clone)]
pub struct EditionLink {
    pub id: String,
    pub name: String,
    pub language: String,
    pub url: String,
}

impl EditionLink {
    pub fn of(e: &Edition) -> EditionLink {
        EditionLink {
            id: e.id.as_ref().map(ToString::to_string).unwrap_or_default(),
            name: e.name.clone(),
            language: e.language.clone(),
            url: e.url(),
        }
    }
}

/// A section as every page may link to it.
#[derive(Serialize, Clone)]
pub struct SectionLink {
    pub id: String,
    pub name: String,
    pub url: String,
    /// Its RSS feed from the site root, when the site has a base URL.
    pub feed_url: Option<String>,
}

/// A section with its number of articles, on front pages and its own pages.
#[derive(Serialize, Clone)]
pub struct SectionInfo {
    #[serde(flatten)]
    pub link: SectionLink,
    pub count: usize,
}

/// Another version of a story, on the front page.
#[derive(Serialize, Clone)]
pub struct AlsoLink<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub source_name: Option<&'a str>,
}

/// An article as listed on front, section and archive pages.
#[derive(Serialize, Clone)]
pub struct Summary<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub source_name: Option<&'a str>,
    pub section: SectionLink,
    pub date: Option<String>,
    pub date_short: Option<String>,
    pub date_display: Option<String>,
    pub date_rfc2822: Option<String>,
    pub summary: &'a str,
    /// Other versions of the same story (front pages only).
    pub also: Vec<AlsoLink<'a>>,
}

#[derive(Serialize)]
pub struct ArticleData<'a> {
    #[serde(flatten)]
    pub summary: Summary<'a>,
    /// The summary front matter gave (a page's standfirst), shown under
    /// the headline; `None` when the summary is the first paragraph.
    pub standfirst: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub source_url: Option<String>,
    pub images: Vec<ImageLink>,
    pub content: &'a str,
    /// The article's language, when front matter names one.
    pub language: Option<&'a str>,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    /// For an article in parts: which part this page is.
    pub part: Option<Pagination>,
    /// Its plain-text version from the site root, with `text` in `outputs`.
    pub text_url: Option<String>,
    /// In text and Gopher articles: the numbered links to list at the end.
    pub references: Vec<super::super::outputs::Reference>,
}

/// The theme as templates see it: its name and options.
#[derive(Serialize)]
pub struct ThemeData<'a> {
    pub name: &'a str,
    pub options: &'a serde_json::Map<String, serde_json::Value>,
}

/// An article image. With `images: link`, `url` is the original; with
/// `images: local`, a converted image's `url` is its viewer page (already
/// prefixed with `root`) and the size fields are set.
#[derive(Serialize, Clone)]
pub struct ImageLink {
    pub number: usize,
    pub url: String,
    pub alt: String,
    /// The caption the source page showed with it, when it said more than `alt`.
    pub caption: Option<String>,
    /// The image's address on the source site.
    pub original: String,
    /// Local only: the image file from the site root, its size and pixels.
    pub src: Option<String>,
    pub size_kb: Option<u64>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Local only: the viewer page's path from the site root.
    #[serde(skip)]
    pub view: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
}

#[derive(Serialize)]
pub struct PageData<'a> {
    pub kind: &'static str,
    pub url: &'a str,
}

/// A page of the archive or another dated list, as others link to it.
#[derive(Serialize, Clone)]
pub struct DateLink {
    pub label: String,
    pub url: String,
    pub count: usize,
}

pub fn section_link(lib: &Library, i: usize, feeds: bool) -> SectionLink {
    let s = &lib.sections[i];
    SectionLink {
        id: s.id.to_string(),
        name: s.name.clone(),
        url: s.url(),
        feed_url: feeds.then(|| format!("{}/feed.xml", s.dir)),
    }
}

pub fn section_info(lib: &Library, i: usize, feeds: bool, count: usize) -> SectionInfo {
    SectionInfo {
        link: section_link(lib, i, feeds),
        count,
    }
}

pub fn summary<'a>(lib: &'a Library, s: &Strings, a: &'a Article, feeds: bool) -> Summary<'a> {
    Summary {
        title: &a.title,
        url: &a.url,
        source_name: a.source_name.as_deref(),
        section: section_link(lib, a.section, feeds),
        date: a.date.map(|d| d.time().to_rfc3339()),
        date_short: a.date.map(|d| s.date_short(d)),
        date_display: a.date.map(|d| s.date_display(d)),
        date_rfc2822: a.date.map(|d| d.time().to_rfc2822()),
        summary: &a.summary,
        also: Vec::new(),
    }
}

pub fn pagination(first: &str, current: usize, total: usize) -> Pagination {
    Pagination {
        current,
        total,
        prev_url: (current > 1).then(|| paged_path(first, current - 1)),
        next_url: (current < total).then(|| paged_path(first, current + 1)),
    }
}

pub fn article_data<'a>(
    lib: &'a Library,
    s: &Strings,
    a: &'a Article,
    images: Vec<ImageLink>,
    content: &'a str,
    feeds: bool,
) -> ArticleData<'a> {
    ArticleData {
        summary: summary(lib, s, a, feeds),
        standfirst: a.summary_given.then_some(a.summary.as_str()),
        byline: a.byline.as_deref(),
        source_url: a.source_url.as_deref().map(url_to_ascii),
        images,
        content,
        language: a.language.as_deref(),
        extra: &a.extra,
        part: None,
        text_url: None,
        references: Vec::new(),
    }
}

/// The article's images as its page links them, numbered in order. With
/// local images, those that converted get a viewer page at
/// `images/<hash>.html`; the others link to the original.
pub fn image_links(a: &Article, images: Option<&ImageSet>) -> Vec<ImageLink> {
    let root = root_for(&a.url);
    let mut links = Vec::new();
    for img in &a.images {
        let original = url_to_ascii(&img.url);
        let number = links.len() + 1;
        let mut link = ImageLink {
            number,
            url: original.clone(),
            alt: img.alt.clone(),
            caption: img.caption.clone().filter(|c| *c != img.alt),
            original,
            src: None,
            size_kb: None,
            width: None,
            height: None,
            view: None,
        };
        if let Some(local) = images.and_then(|set| set.get(&img.url)) {
            let view = format!(
                "images/{}.html",
                crate::image_cache::short_hash(format!("{}#{number}", a.url).as_bytes())
            );
            link.url = format!("{root}{view}");
            link.src = Some(local.path.clone());
            link.size_kb = Some((local.bytes.len() as u64).div_ceil(1024));
            link.width = Some(local.width);
            link.height = Some(local.height);
            link.view = Some(view);
        }
        links.push(link);
    }
    links
}
