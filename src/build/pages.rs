//! Pages: which files the site has, what each depends on, and the data
//! each template receives.
//!
//! [`Pages::plan`] lists every output file (front page, section pages,
//! archive, articles, image viewers, 404, robots.txt, feeds, sitemaps,
//! server hints, static files and published images) from the library, the
//! config and the theme. [`Pages::fingerprint`] hashes exactly what a page
//! is made from (the articles it shows, by content hash; the site-wide
//! data; the theme; the config; this build of paperboy), so that a page
//! whose fingerprint did not change need not be rendered again.
//! [`Pages::render`] makes its bytes. Owns the variables templates see
//! (documented for theme authors in themes/README.md); knows nothing about
//! writing files.

use super::images::{ImageSet, LocalImage};
use super::markdown;
use super::output::OutputFile;
use super::parts;
use super::strings::Strings;
use super::theme::Theme;
use crate::config::Config;
use crate::library::{Article, Library};
use crate::vocabulary::charset::encode_page;
use crate::vocabulary::html::url_to_ascii;
use crate::vocabulary::names::{paged_path, root_for};
use anyhow::{Context, Result};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Newest articles in feed.xml.
const FEED_ITEMS: usize = 50;

/// URLs in one sitemap file (the sitemaps.org limit); more make a sitemap index.
pub const SITEMAP_URLS: usize = 50_000;

#[derive(Serialize)]
struct SiteData<'a> {
    title: &'a str,
    tagline: &'a str,
    language: &'a str,
    /// Absolute base URL with a trailing slash, or empty.
    base_url: String,
    /// Charset label declared in the meta tag.
    charset: &'static str,
    profile: &'static str,
    sections: Vec<SectionLink>,
    archive_url: &'static str,
    /// Set on the front page only (see [`FrontData`]): a new article would
    /// otherwise change every page of the site.
    updated: Option<String>,
    extra: &'a serde_json::Map<String, serde_json::Value>,
}

/// A section as every page may link to it.
#[derive(Serialize, Clone, Hash)]
struct SectionLink {
    id: String,
    name: String,
    url: String,
}

/// A section with its number of articles, on the front page and its own pages.
#[derive(Serialize, Clone)]
struct SectionInfo {
    #[serde(flatten)]
    link: SectionLink,
    count: usize,
}

/// An article as listed on index, section and archive pages.
#[derive(Serialize, Clone)]
struct Summary<'a> {
    title: &'a str,
    url: &'a str,
    source_name: Option<&'a str>,
    section: SectionLink,
    date: Option<String>,
    date_short: Option<String>,
    date_display: Option<String>,
    date_rfc2822: Option<String>,
    summary: &'a str,
}

#[derive(Serialize)]
struct ArticleData<'a> {
    #[serde(flatten)]
    summary: Summary<'a>,
    byline: Option<&'a str>,
    source_url: Option<String>,
    images: Vec<ImageLink>,
    content: &'a str,
    /// The article's language, when front matter names one.
    language: Option<&'a str>,
    extra: &'a serde_json::Map<String, serde_json::Value>,
    /// For an article in parts: which part this page is.
    part: Option<Pagination>,
}

/// The theme as templates see it: its name and options.
#[derive(Serialize)]
struct ThemeData<'a> {
    name: &'a str,
    options: &'a serde_json::Map<String, serde_json::Value>,
}

/// An article image. With `images: link`, `url` is the original; with
/// `images: local`, a converted image's `url` is its viewer page (already
/// prefixed with `root`) and the size fields are set.
#[derive(Serialize, Clone, Hash)]
struct ImageLink {
    number: usize,
    url: String,
    alt: String,
    /// The image's address on the source site.
    original: String,
    /// Local only: the image file from the site root, its size and pixels.
    src: Option<String>,
    size_kb: Option<u64>,
    width: Option<u32>,
    height: Option<u32>,
    /// Local only: the viewer page's path from the site root.
    #[serde(skip)]
    view: Option<String>,
}

#[derive(Serialize)]
struct FrontSection<'a> {
    #[serde(flatten)]
    info: SectionInfo,
    articles: Vec<Summary<'a>>,
    /// Whether the section has more articles than the front page shows.
    more: bool,
}

#[derive(Serialize, Clone)]
struct Pagination {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
}

#[derive(Serialize)]
struct Day<'a> {
    label: String,
    articles: Vec<Summary<'a>>,
}

#[derive(Serialize)]
struct PageData<'a> {
    kind: &'static str,
    url: &'a str,
}

#[derive(Serialize)]
struct SitemapUrl {
    url: String,
    lastmod: Option<String>,
}

/// What one output file is.
#[derive(Debug, Clone)]
pub enum Kind {
    Front,
    /// Page `number` of `total` of a section's list.
    Section {
        section: usize,
        number: usize,
        total: usize,
    },
    /// Page `number` of `total` of the archive.
    Archive {
        number: usize,
        total: usize,
    },
    Article {
        article: usize,
    },
    /// The viewer page of an article's `image`-th converted image.
    Image {
        article: usize,
        image: usize,
    },
    NotFound,
    Robots,
    Feed,
    /// One sitemap file: URLs `from..to` of all pages.
    Sitemap {
        from: usize,
        to: usize,
    },
    /// The sitemap index, when there are more URLs than one sitemap holds.
    SitemapIndex {
        parts: usize,
    },
    /// A file whose bytes are known up front: static files, server hints,
    /// published images.
    Bytes(Vec<u8>),
}

/// One output file to make.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path from the output root, with `/` separators. An article in parts
    /// makes more files than this one.
    pub path: String,
    pub kind: Kind,
}

/// Everything pages are made from, and the site-wide data every page sees.
pub struct Pages<'a> {
    lib: &'a Library,
    config: &'a Config,
    theme: &'a Theme,
    strings: &'a Strings,
    content_dir: &'a Path,
    site: SiteData<'a>,
    base: tera::Context,
    /// Each article's image links, in library order.
    images: Vec<Vec<ImageLink>>,
    published: BTreeMap<String, &'a LocalImage>,
    /// What every page depends on: the paperboy build, the config, the
    /// theme and the site-wide data.
    global: blake3::Hash,
}

impl<'a> Pages<'a> {
    /// Prepares the pages of `lib`. `config_bytes` is config.yaml as read;
    /// `images` holds the converted local images with `images: local`.
    pub fn new(
        lib: &'a Library,
        config: &'a Config,
        config_bytes: &[u8],
        theme: &'a Theme,
        strings: &'a Strings,
        content_dir: &'a Path,
        images: Option<&'a ImageSet>,
    ) -> Pages<'a> {
        let site = SiteData {
            title: &config.title,
            tagline: &config.tagline,
            language: &config.language,
            base_url: config.base_url_dir(),
            charset: config.charset().label(),
            profile: config.profile.name(),
            sections: (0..lib.sections.len())
                .map(|i| section_link(lib, i))
                .collect(),
            archive_url: "archive.html",
            updated: None,
            extra: &config.extra,
        };
        let mut base = tera::Context::new();
        base.insert("site", &site);
        base.insert(
            "theme",
            &ThemeData {
                name: &theme.info.name,
                options: &theme.options,
            },
        );
        let mut global = blake3::Hasher::new();
        global.update(crate::BUILD_ID.as_bytes());
        global.update(config_bytes);
        global.update(theme.fingerprint.as_bytes());
        global.update(&serde_json::to_vec(&site).unwrap_or_default());
        let published = images
            .into_iter()
            .flat_map(|set| set.values())
            .map(|i| (i.path.clone(), i))
            .collect();
        Pages {
            lib,
            config,
            theme,
            strings,
            content_dir,
            images: lib
                .articles
                .iter()
                .map(|a| image_links(a, images))
                .collect(),
            site,
            base,
            published,
            global: global.finalize(),
        }
    }

    /// Every file of the site, in a stable order.
    pub fn plan(&self) -> Vec<Page> {
        let lib = self.lib;
        let config = self.config;
        let mut pages = vec![Page {
            path: "index.html".into(),
            kind: Kind::Front,
        }];
        for (i, section) in lib.sections.iter().enumerate() {
            let total = section
                .articles
                .len()
                .div_ceil(config.pagination.section)
                .max(1);
            for number in 1..=total {
                pages.push(Page {
                    path: paged_path(&section_url(lib, i), number),
                    kind: Kind::Section {
                        section: i,
                        number,
                        total,
                    },
                });
            }
        }
        let total = lib
            .articles
            .len()
            .div_ceil(config.pagination.archive)
            .max(1);
        for number in 1..=total {
            pages.push(Page {
                path: paged_path("archive.html", number),
                kind: Kind::Archive { number, total },
            });
        }
        for (i, a) in lib.articles.iter().enumerate() {
            for (n, link) in self.images[i].iter().enumerate() {
                if let Some(view) = &link.view {
                    pages.push(Page {
                        path: view.clone(),
                        kind: Kind::Image {
                            article: i,
                            image: n,
                        },
                    });
                }
            }
            pages.push(Page {
                path: a.url.clone(),
                kind: Kind::Article { article: i },
            });
        }
        pages.push(Page {
            path: "404.html".into(),
            kind: Kind::NotFound,
        });
        pages.push(Page {
            path: "robots.txt".into(),
            kind: Kind::Robots,
        });
        if !self.site.base_url.is_empty() {
            pages.push(Page {
                path: "feed.xml".into(),
                kind: Kind::Feed,
            });
            let urls = sitemap_paths(&pages).len();
            if urls <= SITEMAP_URLS {
                pages.push(Page {
                    path: "sitemap.xml".into(),
                    kind: Kind::Sitemap { from: 0, to: urls },
                });
            } else {
                let parts = urls.div_ceil(SITEMAP_URLS);
                for n in 1..=parts {
                    pages.push(Page {
                        path: format!("sitemap-{n}.xml"),
                        kind: Kind::Sitemap {
                            from: (n - 1) * SITEMAP_URLS,
                            to: (n * SITEMAP_URLS).min(urls),
                        },
                    });
                }
                pages.push(Page {
                    path: "sitemap.xml".into(),
                    kind: Kind::SitemapIndex { parts },
                });
            }
        }
        let hints = server_hints(&pages, config.charset().label(), &config.language);
        pages.extend(hints);
        for (path, image) in &self.published {
            pages.push(Page {
                path: path.clone(),
                kind: Kind::Bytes(image.bytes.clone()),
            });
        }
        // Static files first in the theme's order; a generated file of the
        // same name wins.
        let generated: BTreeSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        let statics: Vec<Page> = self
            .theme
            .static_files()
            .filter(|(rel, _)| !generated.contains(rel))
            .map(|(rel, bytes)| Page {
                path: rel.to_string(),
                kind: Kind::Bytes(bytes.to_vec()),
            })
            .collect();
        pages.extend(statics);
        pages
    }

    /// 32 hex digits that change whenever anything the page is made from does.
    pub fn fingerprint(&self, page: &Page, plan: &[Page]) -> String {
        let mut h = blake3::Hasher::new();
        h.update(self.global.as_bytes());
        h.update(page.path.as_bytes());
        let lib = self.lib;
        let articles = |h: &mut blake3::Hasher, list: &mut dyn Iterator<Item = usize>| {
            for i in list {
                let a = &lib.articles[i];
                h.update(a.url.as_bytes());
                h.update(a.hash.as_bytes());
            }
        };
        match &page.kind {
            Kind::Front => {
                h.update(b"front");
                for (i, s) in lib.sections.iter().enumerate() {
                    h.update(&i.to_le_bytes());
                    h.update(&s.articles.len().to_le_bytes());
                    let shown = s.articles.iter().take(self.config.front_page.per_section);
                    articles(&mut h, &mut shown.copied());
                }
                articles(
                    &mut h,
                    &mut (0..lib.articles.len()).take(self.config.front_page.latest),
                );
                h.update(self.updated().unwrap_or_default().as_bytes());
            }
            Kind::Section {
                section,
                number,
                total,
            } => {
                h.update(b"section");
                h.update(
                    &[*number, *total, lib.sections[*section].articles.len()]
                        .map(|n| n as u64)
                        .map(u64::to_le_bytes)
                        .concat(),
                );
                articles(
                    &mut h,
                    &mut self.section_articles(*section, *number).iter().copied(),
                );
            }
            Kind::Archive { number, total } => {
                h.update(b"archive");
                h.update(
                    &[*number as u64, *total as u64]
                        .map(u64::to_le_bytes)
                        .concat(),
                );
                articles(&mut h, &mut self.archive_articles(*number));
            }
            Kind::Article { article } => {
                h.update(b"article");
                articles(&mut h, &mut std::iter::once(*article));
                h.update(&serde_json::to_vec(&self.images[*article]).unwrap_or_default());
            }
            Kind::Image { article, image } => {
                h.update(b"image");
                articles(&mut h, &mut std::iter::once(*article));
                h.update(&serde_json::to_vec(&self.images[*article]).unwrap_or_default());
                h.update(&image.to_le_bytes());
            }
            Kind::NotFound | Kind::Robots => {}
            Kind::Feed => {
                h.update(b"feed");
                articles(&mut h, &mut (0..lib.articles.len()).take(FEED_ITEMS));
            }
            Kind::Sitemap { from, to } => {
                h.update(b"sitemap");
                for u in &sitemap_urls(plan, lib)[*from..*to] {
                    h.update(u.url.as_bytes());
                    h.update(u.lastmod.as_deref().unwrap_or("").as_bytes());
                }
            }
            Kind::SitemapIndex { parts } => {
                h.update(b"sitemap-index");
                h.update(&parts.to_le_bytes());
            }
            Kind::Bytes(bytes) => {
                h.update(b"bytes");
                h.update(bytes);
            }
        }
        h.finalize().to_hex()[..32].to_string()
    }

    /// The files of one page: one, or more for an article in parts.
    pub fn render(&self, page: &Page, plan: &[Page]) -> Result<Vec<OutputFile>> {
        let lib = self.lib;
        let s = self.strings;
        let one = |template: &str, kind: &'static str, root: &str, ctx: tera::Context| {
            self.render_one(template, &page.path, kind, root, ctx)
                .map(|bytes| {
                    vec![OutputFile {
                        path: page.path.clone(),
                        bytes,
                    }]
                })
        };
        match &page.kind {
            Kind::Front => {
                let mut ctx = tera::Context::new();
                let per_section = self.config.front_page.per_section;
                let sections: Vec<FrontSection> = lib
                    .sections
                    .iter()
                    .enumerate()
                    .filter(|(_, sec)| !sec.articles.is_empty())
                    .map(|(i, sec)| FrontSection {
                        info: section_info(lib, i),
                        articles: sec
                            .articles
                            .iter()
                            .take(per_section)
                            .map(|&a| summary(lib, s, &lib.articles[a]))
                            .collect(),
                        more: sec.articles.len() > per_section,
                    })
                    .collect();
                let latest: Vec<Summary> = lib
                    .articles
                    .iter()
                    .take(self.config.front_page.latest)
                    .map(|a| summary(lib, s, a))
                    .collect();
                ctx.insert("sections", &sections);
                ctx.insert("latest", &latest);
                // The front page says when the site was last updated.
                let mut site = serde_json::to_value(&self.site)?;
                site["updated"] = serde_json::to_value(self.updated())?;
                ctx.insert("site", &site);
                one("index.html", "index", "", ctx)
            }
            Kind::Section {
                section,
                number,
                total,
            } => {
                let first = section_url(lib, *section);
                let articles: Vec<Summary> = self
                    .section_articles(*section, *number)
                    .iter()
                    .map(|&a| summary(lib, s, &lib.articles[a]))
                    .collect();
                let mut ctx = tera::Context::new();
                ctx.insert("section", &section_info(lib, *section));
                ctx.insert("articles", &articles);
                ctx.insert("pagination", &pagination(&first, *number, *total));
                one("section.html", "section", &root_for(&page.path), ctx)
            }
            Kind::Archive { number, total } => {
                let mut days: Vec<Day> = Vec::new();
                for i in self.archive_articles(*number) {
                    let a = &lib.articles[i];
                    // An undated day's label is empty: templates write their own word.
                    let label = a.date.map(|d| s.date_long(d)).unwrap_or_default();
                    match days.last_mut() {
                        Some(day) if day.label == label => day.articles.push(summary(lib, s, a)),
                        _ => days.push(Day {
                            label,
                            articles: vec![summary(lib, s, a)],
                        }),
                    }
                }
                let mut ctx = tera::Context::new();
                ctx.insert("days", &days);
                ctx.insert("pagination", &pagination("archive.html", *number, *total));
                one("archive.html", "archive", "", ctx)
            }
            Kind::Article { article } => self.render_article(*article),
            Kind::Image { article, image } => {
                let a = &lib.articles[*article];
                let links = &self.images[*article];
                let root = root_for(&page.path);
                let mut ctx = tera::Context::new();
                ctx.insert("article", &summary(lib, s, a));
                ctx.insert("image", &links[*image]);
                ctx.insert("image_count", &links.len());
                one("image.html", "image", &root, ctx)
            }
            Kind::NotFound => {
                // A 404 page is served from any path: with a base URL its links are absolute.
                one(
                    "404.html",
                    "404",
                    &self.site.base_url.clone(),
                    tera::Context::new(),
                )
            }
            Kind::Robots => one("robots.txt", "robots", "", tera::Context::new()),
            Kind::Feed => {
                let feed: Vec<Summary> = lib
                    .articles
                    .iter()
                    .take(FEED_ITEMS)
                    .map(|a| summary(lib, s, a))
                    .collect();
                let mut ctx = tera::Context::new();
                ctx.insert("articles", &feed);
                one("feed.xml", "feed", "", ctx)
            }
            Kind::Sitemap { from, to } => {
                let mut ctx = tera::Context::new();
                ctx.insert("urls", &sitemap_urls(plan, lib)[*from..*to]);
                one("sitemap.xml", "sitemap", "", ctx)
            }
            Kind::SitemapIndex { parts } => {
                let files: Vec<String> = (1..=*parts).map(|n| format!("sitemap-{n}.xml")).collect();
                let mut ctx = tera::Context::new();
                ctx.insert("sitemaps", &files);
                one("sitemap_index.xml", "sitemap", "", ctx)
            }
            Kind::Bytes(bytes) => Ok(vec![OutputFile {
                path: page.path.clone(),
                bytes: bytes.clone(),
            }]),
        }
    }

    /// Renders one template for the page at `path`; HTML is encoded for
    /// the site's charset, anything else stays UTF-8.
    fn render_one(
        &self,
        template: &str,
        path: &str,
        kind: &'static str,
        root: &str,
        extra: tera::Context,
    ) -> Result<Vec<u8>> {
        let mut ctx = self.base.clone();
        ctx.insert("root", root);
        ctx.insert("page", &PageData { kind, url: path });
        ctx.extend(extra);
        let text = self
            .theme
            .render(template, &ctx)
            .with_context(|| format!("while making {path}"))?;
        Ok(if path.ends_with(".html") {
            encode_page(&text, self.config.charset())
        } else {
            text.into_bytes()
        })
    }

    /// The article's page; in the period profiles, a page over the budget
    /// becomes parts.
    fn render_article(&self, i: usize) -> Result<Vec<OutputFile>> {
        let a = &self.lib.articles[i];
        let config = self.config;
        let charset = config.charset();
        let markdown =
            crate::content::read_body(self.content_dir, &a.rel_path, config.limits.content_bytes)?;
        let body = markdown::render(&markdown, config.profile, config.images.mode);
        let whole = self.article_page(i, &body, None, &a.url)?;
        let budget = config.page_budget_bytes();
        if config.profile.is_period() && whole.len() > budget {
            // Room for the body: the budget less the page around it, less
            // the line that links the parts.
            let around = whole
                .len()
                .saturating_sub(encode_page(&body, charset).len());
            let room = budget.saturating_sub(around + 400);
            let chunks = parts::split(&body, room.max(1024), charset);
            if chunks.len() > 1 {
                let total = chunks.len();
                let mut files = Vec::with_capacity(total);
                for (k, content) in chunks.iter().enumerate() {
                    let n = k + 1;
                    let path = parts::part_path(&a.url, n);
                    let part = Pagination {
                        current: n,
                        total,
                        prev_url: (n > 1).then(|| parts::part_path(&a.url, n - 1)),
                        next_url: (n < total).then(|| parts::part_path(&a.url, n + 1)),
                    };
                    let bytes = self.article_page(i, content, Some(part), &path)?;
                    files.push(OutputFile { path, bytes });
                }
                return Ok(files);
            }
        }
        Ok(vec![OutputFile {
            path: a.url.clone(),
            bytes: whole,
        }])
    }

    /// One page of article `i` at `path`, holding `content`.
    fn article_page(
        &self,
        i: usize,
        content: &str,
        part: Option<Pagination>,
        path: &str,
    ) -> Result<Vec<u8>> {
        let a = &self.lib.articles[i];
        let root = root_for(path);
        let images = self.images[i]
            .iter()
            .map(|l| match &l.view {
                Some(view) => ImageLink {
                    url: format!("{root}{view}"),
                    ..l.clone()
                },
                None => l.clone(),
            })
            .collect();
        let mut data = article_data(self.lib, self.strings, a, images, content);
        data.part = part;
        let mut ctx = tera::Context::new();
        ctx.insert("section", &section_link(self.lib, a.section));
        ctx.insert("article", &data);
        self.render_one("article.html", path, "article", &root, ctx)
            .with_context(|| format!("from content/{}", a.rel_path))
    }

    /// The date of the newest article, written out.
    fn updated(&self) -> Option<String> {
        self.lib
            .articles
            .iter()
            .filter_map(|a| a.date)
            .max()
            .map(|d| self.strings.date_long(d))
    }

    fn section_articles(&self, section: usize, number: usize) -> &[usize] {
        let all = &self.lib.sections[section].articles;
        let per = self.config.pagination.section;
        let from = ((number - 1) * per).min(all.len());
        &all[from..(from + per).min(all.len())]
    }

    fn archive_articles(&self, number: usize) -> impl Iterator<Item = usize> + use<> {
        let per = self.config.pagination.archive;
        let len = self.lib.articles.len();
        let from = ((number - 1) * per).min(len);
        from..(from + per).min(len)
    }
}

/// Files that tell web servers the charset, for hosts that send a
/// Content-Type header (which old browsers trust over the meta tag):
/// `.htaccess` for Apache, `_headers` for Netlify and Cloudflare Pages.
/// `_headers` names every top-level page and each folder that holds
/// pages, so feeds and robots.txt keep their own types, and says the
/// pages' language.
fn server_hints(pages: &[Page], charset: &str, language: &str) -> Vec<Page> {
    let htaccess =
        format!("# Written by paperboy: the charset of every page.\nAddDefaultCharset {charset}\n");
    let content_type =
        format!("  Content-Type: text/html; charset={charset}\n  Content-Language: {language}\n");
    let mut headers =
        format!("# Written by paperboy: the charset of every page.\n/\n{content_type}");
    let mut folders = BTreeSet::new();
    for p in pages.iter().filter(|p| p.path.ends_with(".html")) {
        match p.path.split_once('/') {
            Some((dir, _)) => {
                folders.insert(dir);
            }
            None => headers.push_str(&format!("/{}\n{content_type}", p.path)),
        }
    }
    for dir in folders {
        headers.push_str(&format!("/{dir}/*\n{content_type}"));
    }
    vec![
        Page {
            path: ".htaccess".into(),
            kind: Kind::Bytes(htaccess.into_bytes()),
        },
        Page {
            path: "_headers".into(),
            kind: Kind::Bytes(headers.into_bytes()),
        },
    ]
}

fn section_url(lib: &Library, i: usize) -> String {
    lib.sections[i].url()
}

fn section_link(lib: &Library, i: usize) -> SectionLink {
    let s = &lib.sections[i];
    SectionLink {
        id: s.id.to_string(),
        name: s.name.clone(),
        url: s.url(),
    }
}

fn section_info(lib: &Library, i: usize) -> SectionInfo {
    SectionInfo {
        link: section_link(lib, i),
        count: lib.sections[i].articles.len(),
    }
}

fn summary<'a>(lib: &Library, s: &Strings, a: &'a Article) -> Summary<'a> {
    Summary {
        title: &a.title,
        url: &a.url,
        source_name: a.source_name.as_deref(),
        section: section_link(lib, a.section),
        date: a.date.map(|d| d.time().to_rfc3339()),
        date_short: a.date.map(|d| s.date_short(d)),
        date_display: a.date.map(|d| s.date_display(d)),
        date_rfc2822: a.date.map(|d| d.time().to_rfc2822()),
        summary: &a.summary,
    }
}

fn pagination(first: &str, current: usize, total: usize) -> Pagination {
    Pagination {
        current,
        total,
        prev_url: (current > 1).then(|| paged_path(first, current - 1)),
        next_url: (current < total).then(|| paged_path(first, current + 1)),
    }
}

fn article_data<'a>(
    lib: &Library,
    s: &Strings,
    a: &'a Article,
    images: Vec<ImageLink>,
    content: &'a str,
) -> ArticleData<'a> {
    ArticleData {
        summary: summary(lib, s, a),
        byline: a.byline.as_deref(),
        source_url: a.source_url.as_deref().map(url_to_ascii),
        images,
        content,
        language: a.language.as_deref(),
        extra: &a.extra,
        part: None,
    }
}

/// The article's images as its page links them, numbered in order. With
/// local images, those that converted get a viewer page at
/// `images/<hash>.html`; the others link to the original.
fn image_links(a: &Article, images: Option<&ImageSet>) -> Vec<ImageLink> {
    let root = root_for(&a.url);
    let mut links = Vec::new();
    for img in &a.images {
        let original = url_to_ascii(&img.url);
        let number = links.len() + 1;
        let mut link = ImageLink {
            number,
            url: original.clone(),
            alt: img.alt.clone(),
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

/// The pages a sitemap lists: every HTML page but 404.html, sorted.
fn sitemap_paths(plan: &[Page]) -> Vec<&str> {
    let mut paths: Vec<&str> = plan
        .iter()
        .map(|p| p.path.as_str())
        .filter(|p| p.ends_with(".html") && *p != "404.html")
        .collect();
    paths.sort_unstable();
    paths
}

/// Every sitemap URL with the date of the article it is, if any.
fn sitemap_urls(plan: &[Page], lib: &Library) -> Vec<SitemapUrl> {
    let lastmod: std::collections::HashMap<&str, String> = lib
        .articles
        .iter()
        .filter_map(|a| Some((a.url.as_str(), a.date?.ymd())))
        .collect();
    sitemap_paths(plan)
        .into_iter()
        .map(|p| SitemapUrl {
            url: p.to_string(),
            lastmod: lastmod.get(p).cloned(),
        })
        .collect()
}
