//! Pages: which files the site has, what each depends on, and the data
//! each template receives.
//!
//! [`Pages::plan`] lists every output file from the library, the config
//! and the theme: for each edition a front page, section pages, a dated
//! archive (`archive.rs`) and feeds (`feeds.rs`); every article and image
//! viewer; and at the root the edition chooser (with editions), 404.html,
//! robots.txt, the sitemap, the OPML list of sources, server hints,
//! static files and published images. [`Pages::fingerprint`] hashes
//! exactly what a page is made from (the articles it shows, by content
//! hash; its edition's site-wide data; the theme; the config; this build
//! of paperboy), so a page whose fingerprint did not change need not be
//! rendered again. [`Pages::render`] makes its bytes. `data.rs` holds the
//! variables templates see (documented in themes/README.md); `front.rs`
//! the front pages and the chooser. Knows nothing about writing files.

mod archive;
mod data;
mod feeds;
mod front;

use super::images::{ImageSet, LocalImage};
use super::markdown;
use super::output::OutputFile;
use super::outputs::{self, Target};
use super::parts;
use super::strings::{StringTables, Strings};
use super::theme::Theme;
use crate::config::{Config, OutputKind};
use crate::library::Library;
use crate::vocabulary::Date;
use crate::vocabulary::charset::{encode_page, encode_text};
use crate::vocabulary::names::{paged_path, root_for};
use anyhow::{Context, Result};
use data::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// What one output file is.
#[derive(Debug, Clone)]
pub enum Kind {
    /// The root page that lets a reader choose an edition.
    Chooser,
    Front {
        edition: usize,
    },
    /// Page `number` of `total` of a section's list.
    Section {
        section: usize,
        number: usize,
        total: usize,
    },
    /// An edition's archive: its months, newest first.
    ArchiveIndex {
        edition: usize,
    },
    /// The days of one month that have articles.
    ArchiveMonth {
        edition: usize,
        year: i32,
        month: u32,
    },
    /// One day's articles by section (`None`: the undated ones).
    ArchiveDay {
        edition: usize,
        day: Option<chrono::NaiveDate>,
    },
    Article {
        article: usize,
    },
    /// The plain-text version of an article (`text` in `outputs`).
    ArticleText {
        article: usize,
    },
    /// The e-book of one day of an edition (`epub` in `outputs`).
    Epub {
        edition: usize,
        day: chrono::NaiveDate,
    },
    /// The viewer page of an article's `image`-th converted image.
    Image {
        article: usize,
        image: usize,
    },
    NotFound,
    Robots,
    /// An edition's feed, or one section's.
    Feed {
        edition: usize,
        section: Option<usize>,
    },
    /// The feeds the site reads, as OPML.
    Opml,
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

/// The e-book of one day of an edition.
pub struct Ebook {
    /// The edition's id (none for a site without editions).
    pub edition: Option<String>,
    pub day: chrono::NaiveDate,
    pub bytes: Vec<u8>,
}

/// One output file to make.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path from the output root, with `/` separators. An article in parts
    /// makes more files than this one.
    pub path: String,
    pub kind: Kind,
}

/// One edition's share of the site: its `site` data, words and dates.
struct EditionView<'a> {
    site: SiteData<'a>,
    base: tera::Context,
    strings: Arc<Strings>,
    /// What every page of the edition depends on.
    global: blake3::Hash,
    /// Articles of each of its sections still on the section's pages
    /// (`days`), by index into the library's sections.
    visible: BTreeMap<usize, Vec<usize>>,
    /// Front pages show articles from this date on (`front_page.days`).
    front_from: Option<Date>,
    archive: archive::Archive,
}

/// Everything pages are made from.
pub struct Pages<'a> {
    lib: &'a Library,
    config: &'a Config,
    theme: &'a Theme,
    content_dir: &'a Path,
    editions: Vec<EditionView<'a>>,
    /// The root pages (chooser, 404, robots): the site's own language.
    root: EditionView<'a>,
    /// Each article's image links, in library order.
    images: Vec<Vec<ImageLink>>,
    published: BTreeMap<String, &'a LocalImage>,
    /// Whether the site publishes feeds (it has a base URL).
    feeds: bool,
    sitemap: OnceLock<Vec<feeds::SitemapUrl>>,
    /// The folder these pages are for.
    target: Target,
}

impl<'a> Pages<'a> {
    /// Prepares the pages of `lib`. `config_bytes` is config.yaml as read;
    /// `strings` holds the words of every language the site's editions
    /// speak; `images` the converted local images with `images: local`;
    /// `target` the folder the pages are for.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        lib: &'a Library,
        config: &'a Config,
        config_bytes: &[u8],
        theme: &'a Theme,
        strings: &StringTables,
        content_dir: &'a Path,
        images: Option<&'a ImageSet>,
        target: Target,
    ) -> Pages<'a> {
        let feeds = !config.base_url.is_empty();
        let reads_feeds = config.all_sections().any(|(_, s)| !s.feeds.is_empty());
        let editions_links: Vec<EditionLink> = if lib.has_editions() {
            lib.editions.iter().map(EditionLink::of).collect()
        } else {
            Vec::new()
        };
        let view = |e: Option<usize>, strings: Arc<Strings>| -> EditionView<'a> {
            let edition = e.map(|e| &lib.editions[e]);
            let prefix = edition.map(|e| e.prefix()).unwrap_or_default();
            let site = SiteData {
                title: &config.title,
                tagline: &config.tagline,
                language: edition.map_or(config.language.as_str(), |e| e.language.as_str()),
                base_url: config.base_url_dir(),
                charset: config.charset().label(),
                profile: config.profile.name(),
                sections: edition
                    .map(|e| {
                        e.sections
                            .iter()
                            .map(|&i| section_link(lib, i, feeds))
                            .collect()
                    })
                    .unwrap_or_default(),
                front_url: edition.map_or_else(|| "index.html".to_string(), |e| e.url()),
                front_name: match edition {
                    Some(ed) if lib.has_editions() => format!("{} {}", config.title, ed.name),
                    _ => config.title.clone(),
                },
                // The root pages of a site with editions have no archive or feed of their own.
                archive_url: if e.is_none() && lib.has_editions() {
                    String::new()
                } else {
                    format!("{prefix}archive/index.html")
                },
                edition: edition.filter(|_| lib.has_editions()).map(EditionLink::of),
                editions: editions_links.clone(),
                chooser_url: lib.has_editions().then_some("index.html"),
                feed_url: (feeds && !(e.is_none() && lib.has_editions()))
                    .then(|| format!("{prefix}feed.xml")),
                opml_url: (reads_feeds).then_some("feeds.opml"),
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
            base.insert("lang", &strings.code);
            let mut global = blake3::Hasher::new();
            global.update(crate::BUILD_ID.as_bytes());
            global.update(target.name().as_bytes());
            global.update(config_bytes);
            global.update(theme.fingerprint.as_bytes());
            global.update(&serde_json::to_vec(&site).unwrap_or_default());
            let (visible, front_from, archive) = match e {
                Some(e) => {
                    let newest = lib.editions[e]
                        .articles
                        .iter()
                        .filter_map(|&a| lib.articles[a].date)
                        .max();
                    let since = |days: Option<u32>| {
                        let (n, d) = (newest?, days?);
                        Some(Date::from(n.time() - chrono::Duration::days(i64::from(d))))
                    };
                    let visible = lib.editions[e]
                        .sections
                        .iter()
                        .map(|&i| {
                            let from = since(lib.sections[i].days);
                            let list = lib.sections[i]
                                .articles
                                .iter()
                                .copied()
                                .filter(|&a| {
                                    from.is_none_or(|f| {
                                        lib.articles[a].date.is_some_and(|d| d >= f)
                                    })
                                })
                                .collect();
                            (i, list)
                        })
                        .collect();
                    (
                        visible,
                        since(config.front_page.days),
                        archive::Archive::of(lib, e),
                    )
                }
                None => (BTreeMap::new(), None, archive::Archive::default()),
            };
            EditionView {
                site,
                base,
                strings,
                global: global.finalize(),
                visible,
                front_from,
                archive,
            }
        };
        let editions = (0..lib.editions.len())
            .map(|e| view(Some(e), strings.of(&lib.editions[e].language)))
            .collect();
        let root = view(None, strings.site.clone());
        let published = images
            .into_iter()
            .flat_map(|set| set.values())
            .map(|i| (i.path.clone(), i))
            .collect();
        Pages {
            lib,
            config,
            theme,
            content_dir,
            editions,
            root,
            images: lib
                .articles
                .iter()
                .map(|a| image_links(a, images))
                .collect(),
            published,
            feeds,
            sitemap: OnceLock::new(),
            target,
        }
    }

    /// Every file of the site, in a stable order.
    pub fn plan(&self) -> Vec<Page> {
        if self.target != Target::Html {
            return self.plan_text_site();
        }
        let lib = self.lib;
        let config = self.config;
        let text = config.writes(OutputKind::Text);
        let mut pages = Vec::new();
        if lib.has_editions() {
            pages.push(Page {
                path: "index.html".into(),
                kind: Kind::Chooser,
            });
        }
        for (e, edition) in lib.editions.iter().enumerate() {
            let view = &self.editions[e];
            pages.push(Page {
                path: edition.url(),
                kind: Kind::Front { edition: e },
            });
            for (&i, visible) in &view.visible {
                let total = visible.len().div_ceil(config.pagination.section).max(1);
                for number in 1..=total {
                    pages.push(Page {
                        path: paged_path(&lib.sections[i].url(), number),
                        kind: Kind::Section {
                            section: i,
                            number,
                            total,
                        },
                    });
                }
            }
            pages.extend(view.archive.plan(e, &edition.prefix()));
            if config.writes(OutputKind::Epub) {
                for day in view.archive.days() {
                    pages.push(Page {
                        path: archive::epub_path(&edition.prefix(), day),
                        kind: Kind::Epub { edition: e, day },
                    });
                }
            }
            if self.feeds {
                pages.push(Page {
                    path: format!("{}feed.xml", edition.prefix()),
                    kind: Kind::Feed {
                        edition: e,
                        section: None,
                    },
                });
                for &i in &edition.sections {
                    pages.push(Page {
                        path: format!("{}/feed.xml", lib.sections[i].dir),
                        kind: Kind::Feed {
                            edition: e,
                            section: Some(i),
                        },
                    });
                }
            }
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
            if text {
                pages.push(Page {
                    path: outputs::text_path(&a.url),
                    kind: Kind::ArticleText { article: i },
                });
            }
        }
        pages.push(Page {
            path: "404.html".into(),
            kind: Kind::NotFound,
        });
        pages.push(Page {
            path: "robots.txt".into(),
            kind: Kind::Robots,
        });
        if self.root.site.opml_url.is_some() {
            pages.push(Page {
                path: "feeds.opml".into(),
                kind: Kind::Opml,
            });
        }
        if self.feeds {
            pages.extend(feeds::sitemap_plan(&pages));
        }
        let languages = lib
            .editions
            .iter()
            .filter_map(|e| Some((e.id.as_ref()?.to_string(), e.language.clone())))
            .collect();
        let hints = feeds::server_hints(
            &pages,
            config.charset().label(),
            &config.language,
            &languages,
            text || config.writes(OutputKind::Epub),
        );
        pages.extend(hints);
        for (path, image) in &self.published {
            pages.push(Page {
                path: path.clone(),
                kind: Kind::Bytes(image.bytes.clone()),
            });
        }
        // Static files of the theme and the site; a generated file of the
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

    /// The pages of a Gemini capsule or a Gopher hole: the HTML site's
    /// lists and articles under the target's names (one page per section),
    /// and for Gemini a `.meta` file per folder that gives its language.
    fn plan_text_site(&self) -> Vec<Page> {
        let lib = self.lib;
        let target = self.target;
        let mut pages = Vec::new();
        if lib.has_editions() {
            pages.push(Page {
                path: target.path("index.html"),
                kind: Kind::Chooser,
            });
        }
        for (e, edition) in lib.editions.iter().enumerate() {
            let view = &self.editions[e];
            pages.push(Page {
                path: target.path(&edition.url()),
                kind: Kind::Front { edition: e },
            });
            for &i in view.visible.keys() {
                pages.push(Page {
                    path: target.path(&lib.sections[i].url()),
                    kind: Kind::Section {
                        section: i,
                        number: 1,
                        total: 1,
                    },
                });
            }
            for page in view.archive.plan(e, &edition.prefix()) {
                pages.push(Page {
                    path: target.path(&page.path),
                    kind: page.kind,
                });
            }
        }
        for (i, a) in lib.articles.iter().enumerate() {
            pages.push(Page {
                path: target.path(&a.url),
                kind: Kind::Article { article: i },
            });
        }
        if target == Target::Gemini {
            pages.extend(self.gemini_meta(&pages));
        }
        pages
    }

    /// The `.meta` files of a capsule: in each folder, `*.gmi: ;lang=xx`
    /// with its edition's language, and a line for each article in
    /// another language. Gemini servers that read them (Agate) send the
    /// language with the page.
    fn gemini_meta(&self, pages: &[Page]) -> Vec<Page> {
        let lib = self.lib;
        let mut folders: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
        for page in pages {
            let (dir, file) = page.path.rsplit_once('/').unwrap_or(("", &page.path));
            let language = self.view(&page.kind).site.language.to_string();
            let entry = folders
                .entry(dir.to_string())
                .or_insert_with(|| (language.clone(), Vec::new()));
            if let Kind::Article { article } = page.kind
                && let Some(own) = &lib.articles[article].language
                && *own != entry.0
            {
                entry.1.push(format!("{file}: ;lang={own}\n"));
            }
        }
        folders
            .into_iter()
            .map(|(dir, (language, lines))| {
                let text = format!("*.gmi: ;lang={language}\n{}", lines.concat());
                Page {
                    path: if dir.is_empty() {
                        ".meta".to_string()
                    } else {
                        format!("{dir}/.meta")
                    },
                    kind: Kind::Bytes(text.into_bytes()),
                }
            })
            .collect()
    }

    /// The view of the edition a page belongs to; the root pages' for the rest.
    fn view(&self, kind: &Kind) -> &EditionView<'a> {
        let e = match kind {
            Kind::Front { edition }
            | Kind::ArchiveIndex { edition }
            | Kind::ArchiveMonth { edition, .. }
            | Kind::ArchiveDay { edition, .. }
            | Kind::Feed { edition, .. }
            | Kind::Epub { edition, .. } => Some(*edition),
            Kind::Section { section, .. } => Some(self.lib.sections[*section].edition),
            Kind::Article { article }
            | Kind::ArticleText { article }
            | Kind::Image { article, .. } => Some(self.lib.articles[*article].edition),
            _ => None,
        };
        e.map_or(&self.root, |e| &self.editions[e])
    }

    /// 32 hex digits that change whenever anything the page is made from does.
    pub fn fingerprint(&self, page: &Page, plan: &[Page]) -> String {
        let lib = self.lib;
        let view = self.view(&page.kind);
        let mut h = blake3::Hasher::new();
        h.update(view.global.as_bytes());
        h.update(page.path.as_bytes());
        let mut articles = |h: &mut blake3::Hasher, list: &[usize]| {
            h.update(&(list.len() as u64).to_le_bytes());
            for &i in list {
                let a = &lib.articles[i];
                h.update(a.url.as_bytes());
                h.update(a.hash.as_bytes());
            }
        };
        match &page.kind {
            Kind::Chooser => {
                h.update(b"chooser");
                for e in &lib.editions {
                    articles(&mut h, &e.articles[..e.articles.len().min(1)]);
                    h.update(&(e.articles.len() as u64).to_le_bytes());
                }
            }
            Kind::Front { edition } => {
                h.update(b"front");
                front::Front::of(self, *edition).hash(view, &mut h, &mut articles);
            }
            Kind::Section {
                section,
                number,
                total,
            } => {
                h.update(b"section");
                h.update(
                    &[*number as u64, *total as u64]
                        .map(u64::to_le_bytes)
                        .concat(),
                );
                let all = &view.visible[section];
                h.update(&(all.len() as u64).to_le_bytes());
                articles(&mut h, self.section_articles(*section, *number));
            }
            Kind::ArchiveIndex { .. } | Kind::ArchiveMonth { .. } | Kind::ArchiveDay { .. } => {
                view.archive.fingerprint(&page.kind, &mut h, &mut articles);
            }
            Kind::Article { article }
            | Kind::ArticleText { article }
            | Kind::Image { article, .. } => {
                h.update(b"article");
                articles(&mut h, &[*article]);
                // Straight into the hash (blake3's hasher is a writer).
                let _ = serde_json::to_writer(&mut h, &self.images[*article]);
                if let Kind::Image { image, .. } = &page.kind {
                    h.update(&image.to_le_bytes());
                }
            }
            Kind::Epub { day, .. } => {
                h.update(b"epub");
                let list = view.archive.day(*day);
                articles(&mut h, list);
                for &a in list {
                    h.update(&serde_json::to_vec(&self.images[a]).unwrap_or_default());
                }
            }
            Kind::NotFound | Kind::Robots => {}
            Kind::Feed { edition, section } => {
                h.update(b"feed");
                articles(&mut h, &self.feed_articles(*edition, *section));
            }
            Kind::Opml => {
                h.update(b"opml");
            }
            Kind::Sitemap { from, to } => {
                h.update(b"sitemap");
                for u in &self.sitemap(plan)[*from..*to] {
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
        let view = self.view(&page.kind);
        let s = &*view.strings;
        let feeds = self.feeds;
        let one = |template: &str, kind: &'static str, root: &str, ctx: tera::Context| {
            let template = self.target.template(template);
            self.render_one(view, &template, &page.path, kind, root, ctx)
                .map(|bytes| {
                    vec![OutputFile {
                        path: page.path.clone(),
                        bytes,
                    }]
                })
        };
        let root = root_for(&page.path);
        match &page.kind {
            Kind::Chooser => one("editions.html", "editions", "", front::chooser(self, None)),
            Kind::Front { edition } => {
                let front = front::Front::of(self, *edition);
                one("index.html", "index", &root, front.context(self, view))
            }
            Kind::Section {
                section,
                number,
                total,
            } => {
                let first = lib.sections[*section].url();
                let articles: Vec<Summary> = self
                    .section_articles(*section, *number)
                    .iter()
                    .map(|&a| summary(lib, s, &lib.articles[a], feeds))
                    .collect();
                let count = view.visible[section].len();
                let mut ctx = tera::Context::new();
                ctx.insert("section", &section_info(lib, *section, feeds, count));
                ctx.insert("articles", &articles);
                ctx.insert("pagination", &pagination(&first, *number, *total));
                one("section.html", "section", &root, ctx)
            }
            Kind::ArchiveIndex { .. } | Kind::ArchiveMonth { .. } | Kind::ArchiveDay { .. } => {
                let (template, ctx) = view.archive.context(self, view, &page.kind);
                one(template, "archive", &root, ctx)
            }
            Kind::Article { article } if self.target != Target::Html => {
                let bytes = self.render_text_article(*article, &page.path)?;
                Ok(vec![OutputFile {
                    path: page.path.clone(),
                    bytes,
                }])
            }
            Kind::Article { article } => self.render_article(*article),
            Kind::ArticleText { article } => {
                let bytes = self.render_text_article(*article, &page.path)?;
                Ok(vec![OutputFile {
                    path: page.path.clone(),
                    bytes,
                }])
            }
            Kind::Epub { edition, day } => Ok(vec![OutputFile {
                path: page.path.clone(),
                bytes: self.render_epub(*edition, *day)?,
            }]),
            Kind::Image { article, image } => {
                let a = &lib.articles[*article];
                let links = &self.images[*article];
                let mut ctx = tera::Context::new();
                ctx.insert("article", &summary(lib, s, a, feeds));
                ctx.insert("image", &links[*image]);
                ctx.insert("image_count", &links.len());
                one("image.html", "image", &root, ctx)
            }
            Kind::NotFound => {
                // A 404 page is served from any path: with a base URL its links are absolute.
                let root = view.site.base_url.clone();
                one("404.html", "404", &root, tera::Context::new())
            }
            Kind::Robots => one("robots.txt", "robots", "", tera::Context::new()),
            Kind::Feed { edition, section } => {
                let ctx = feeds::feed_context(self, view, *edition, *section)?;
                one("feed.xml", "feed", "", ctx)
            }
            Kind::Opml => one("feeds.opml", "opml", "", feeds::opml_context(self)),
            Kind::Sitemap { from, to } => {
                let mut ctx = tera::Context::new();
                ctx.insert("urls", &self.sitemap(plan)[*from..*to]);
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
        view: &EditionView,
        template: &str,
        path: &str,
        kind: &'static str,
        root: &str,
        extra: tera::Context,
    ) -> Result<Vec<u8>> {
        let mut ctx = view.base.clone();
        ctx.insert("root", root);
        ctx.insert("page", &PageData { kind, url: path });
        ctx.extend(extra);
        let text = self
            .theme
            .render(template, &ctx)
            .with_context(|| format!("while making {path}"))?;
        let charset = self.config.charset();
        Ok(match self.target {
            Target::Html if path.ends_with(".html") => encode_page(&text, charset),
            Target::Html if template.starts_with("text/") => encode_text(&text, charset),
            Target::Gopher if path.ends_with("gophermap") => {
                let gopher = &self.config.gopher;
                let menu = outputs::finish_gophermap(&text, &gopher.host, gopher.port);
                encode_text(&menu, charset)
            }
            Target::Gopher => encode_text(&text, charset),
            _ => text.into_bytes(),
        })
    }

    /// Whether the theme shows an article's given summary under its
    /// headline (option `show_standfirst`); the e-books follow it too.
    fn show_standfirst(&self) -> bool {
        self.theme
            .options
            .get("show_standfirst")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(true)
    }

    /// An article as text: the capsule's gemtext page, the hole's text
    /// item (70 columns) or the site's `.txt` version (72 columns), at
    /// `path`.
    fn render_text_article(&self, i: usize, path: &str) -> Result<Vec<u8>> {
        let a = &self.lib.articles[i];
        let config = self.config;
        let view = &self.editions[a.edition];
        let s = &*view.strings;
        let markdown =
            crate::content::read_body(self.content_dir, &a.rel_path, config.limits.content_bytes)?;
        let charset = config.charset();
        let (content, links, template, width) = match self.target {
            Target::Gemini => (
                outputs::gemtext::render(&markdown, config.images.mode),
                Vec::new(),
                "gemini/article.gmi",
                0,
            ),
            target => {
                let width = if target == Target::Gopher {
                    outputs::GOPHER_WIDTH
                } else {
                    outputs::TEXT_WIDTH
                };
                let template = if target == Target::Gopher {
                    "gopher/article.txt"
                } else {
                    "text/article.txt"
                };
                let plain = outputs::plain::render(&markdown, width, charset, config.images.mode);
                (plain.text, plain.links, template, width)
            }
        };
        let images: Vec<ImageLink> = self.images[i]
            .iter()
            .map(|l| ImageLink {
                url: l.original.clone(),
                ..l.clone()
            })
            .collect();
        let mut extra = Vec::new();
        if let Some(url) = &a.source_url {
            extra.push((
                s.format("original_source", &[])?,
                crate::vocabulary::html::url_to_ascii(url),
            ));
        }
        for l in &images {
            let title = l.caption.clone().unwrap_or_else(|| l.alt.clone());
            extra.push((
                s.format(
                    "image_title",
                    &[("number", l.number.to_string()), ("title", title)],
                )?,
                l.original.clone(),
            ));
        }
        let references = outputs::references(&links, extra);
        let mut data = article_data(self.lib, s, a, images, &content, self.feeds);
        data.references = references;
        let root = root_for(path);
        let mut ctx = tera::Context::new();
        ctx.insert("section", &section_link(self.lib, a.section, self.feeds));
        ctx.insert("article", &data);
        ctx.insert("width", &width);
        self.render_one(view, template, path, "article", &root, ctx)
            .with_context(|| format!("from content/{}", a.rel_path))
    }

    /// The e-book of edition `e`'s articles of `day`.
    fn render_epub(&self, e: usize, day: chrono::NaiveDate) -> Result<Vec<u8>> {
        use outputs::epub;
        let lib = self.lib;
        let config = self.config;
        let view = &self.editions[e];
        let s = &*view.strings;
        let list = view.archive.day(day);
        let mut parts = Vec::new();
        let mut images: Vec<epub::Image> = Vec::new();
        for &sec in &lib.editions[e].sections {
            let mut chapters = Vec::new();
            for &i in list.iter().filter(|&&a| lib.articles[a].section == sec) {
                let a = &lib.articles[i];
                let markdown = crate::content::read_body(
                    self.content_dir,
                    &a.rel_path,
                    config.limits.content_bytes,
                )?;
                let mut body = epub::to_xhtml(&markdown::render(
                    &markdown,
                    crate::vocabulary::Profile::Modern,
                    config.images.mode,
                ));
                for l in &self.images[i] {
                    let Some(local) = l.src.as_ref().and_then(|src| self.published.get(src)) else {
                        continue;
                    };
                    let href = local.path.clone();
                    if !images.iter().any(|im| im.href == href) {
                        images.push(epub::Image {
                            href: href.clone(),
                            bytes: local.bytes.clone(),
                        });
                    }
                    let words = l.caption.as_deref().unwrap_or(&l.alt);
                    body.push_str(&format!(
                        "<p><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"/></p>\n",
                        crate::vocabulary::html::escape(&href),
                        crate::vocabulary::html::escape(&l.alt),
                        local.width,
                        local.height
                    ));
                    if !words.is_empty() {
                        body.push_str(&format!(
                            "<p>{}</p>\n",
                            crate::vocabulary::html::escape(words)
                        ));
                    }
                }
                let mut meta: Vec<String> = Vec::new();
                meta.extend(a.source_name.clone());
                meta.extend(a.date.map(|d| s.date_display(d)));
                if let Some(b) = &a.byline {
                    meta.push(s.format("by", &[("byline", b.clone())])?);
                }
                chapters.push(epub::Chapter {
                    title: a.title.clone(),
                    standfirst: (a.summary_given && self.show_standfirst())
                        .then(|| a.summary.clone()),
                    meta: meta.join(" | "),
                    body,
                    source: match &a.source_url {
                        Some(url) => Some((
                            s.format("original_source", &[])?,
                            crate::vocabulary::html::url_to_ascii(url),
                        )),
                        None => None,
                    },
                });
            }
            if !chapters.is_empty() {
                parts.push(epub::Part {
                    name: lib.sections[sec].name.clone(),
                    chapters,
                });
            }
        }
        let modified = list
            .iter()
            .filter_map(|&a| lib.articles[a].date)
            .max()
            .map(|d| {
                d.time()
                    .with_timezone(&chrono::Utc)
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            })
            .unwrap_or_else(|| format!("{day}T00:00:00Z"));
        let edition = lib.editions[e]
            .id
            .as_ref()
            .map_or_else(|| "site".to_string(), ToString::to_string);
        let book = epub::Book {
            id: format!(
                "urn:paperboy:{}:{edition}:{day}",
                crate::vocabulary::names::slugify(&config.title, 64)
            ),
            title: format!("{}, {}", view.site.front_name, s.date_long(Date::day(day))),
            publisher: config.title.clone(),
            language: view.site.language.to_string(),
            date_label: s.date_long(Date::day(day)),
            date: day.to_string(),
            modified,
            contents: s.format("contents", &[])?,
            sections: parts,
            images,
        };
        book.write()
            .with_context(|| format!("while making the e-book of {day}"))
    }

    /// The e-books of `day` (the newest day with articles when none is
    /// given), one per edition, or of the edition `only`. An edition with
    /// no article that day has none.
    pub fn epubs(&self, only: Option<&str>, day: Option<chrono::NaiveDate>) -> Result<Vec<Ebook>> {
        let lib = self.lib;
        let mut books = Vec::new();
        for (e, edition) in lib.editions.iter().enumerate() {
            let id = edition.id.as_ref().map(ToString::to_string);
            if only.is_some_and(|o| id.as_deref() != Some(o)) {
                continue;
            }
            let archive = &self.editions[e].archive;
            let Some(d) = day.or_else(|| archive.days().next()) else {
                continue;
            };
            if archive.day(d).is_empty() {
                continue;
            }
            books.push(Ebook {
                edition: id,
                day: d,
                bytes: self.render_epub(e, d)?,
            });
        }
        Ok(books)
    }

    /// The chooser page of the site cut down to edition `id` alone (what a
    /// bundle of that edition holds at its root, so that it links nowhere
    /// outside the bundle).
    pub fn chooser_of(&self, id: &str) -> Result<Vec<u8>> {
        let kind = Kind::Chooser;
        let template = self.target.template("editions.html");
        let ctx = front::chooser(self, Some(id));
        self.render_one(
            self.view(&kind),
            &template,
            "index.html",
            "editions",
            "",
            ctx,
        )
    }

    /// Whether the site writes `.txt` versions of its articles.
    fn writes_text(&self) -> bool {
        self.target == Target::Html && self.config.writes(OutputKind::Text)
    }

    /// The body of article `i` rendered for the profile.
    fn body(&self, i: usize) -> Result<String> {
        let config = self.config;
        Ok(markdown::render(
            &self.markdown(i)?,
            config.profile,
            config.images.mode,
        ))
    }

    /// The Markdown body of article `i`, read from its file.
    fn markdown(&self, i: usize) -> Result<String> {
        let a = &self.lib.articles[i];
        crate::content::read_body(
            self.content_dir,
            &a.rel_path,
            self.config.limits.content_bytes,
        )
    }

    /// The article's page; in the period profiles, a page over the budget
    /// becomes parts.
    fn render_article(&self, i: usize) -> Result<Vec<OutputFile>> {
        let a = &self.lib.articles[i];
        let config = self.config;
        let charset = config.charset();
        let rendered =
            markdown::render_reporting(&self.markdown(i)?, config.profile, config.images.mode);
        // A link the page cannot carry keeps its text; say which, once,
        // when the page is made.
        for (_, message) in rendered.dropped_messages(&a.url) {
            log::warn!("content/{}: {message}", a.rel_path);
        }
        let body = rendered.html;
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
        let view = &self.editions[a.edition];
        let root = root_for(path);
        let images = self.images[i]
            .iter()
            .map(|l| match &l.view {
                Some(v) => ImageLink {
                    url: format!("{root}{v}"),
                    ..l.clone()
                },
                None => l.clone(),
            })
            .collect();
        let mut data = article_data(self.lib, &view.strings, a, images, content, self.feeds);
        data.part = part;
        data.text_url = self.writes_text().then(|| outputs::text_path(&a.url));
        let mut ctx = tera::Context::new();
        ctx.insert("section", &section_link(self.lib, a.section, self.feeds));
        ctx.insert("article", &data);
        self.render_one(view, "article.html", path, "article", &root, ctx)
            .with_context(|| format!("from content/{}", a.rel_path))
    }

    /// The articles on page `number` of a section's list.
    fn section_articles(&self, section: usize, number: usize) -> &[usize] {
        let view = &self.editions[self.lib.sections[section].edition];
        let all = &view.visible[&section];
        if self.target != Target::Html {
            // One page per section: a menu or a gemtext page holds them all.
            return all;
        }
        let per = self.config.pagination.section;
        let from = ((number - 1) * per).min(all.len());
        &all[from..(from + per).min(all.len())]
    }

    /// The newest articles of an edition, or of one of its sections, for a feed.
    fn feed_articles(&self, edition: usize, section: Option<usize>) -> Vec<usize> {
        let list = match section {
            Some(s) => &self.lib.sections[s].articles,
            None => &self.lib.editions[edition].articles,
        };
        list.iter().take(self.config.feeds.items).copied().collect()
    }

    fn sitemap(&self, plan: &[Page]) -> &[feeds::SitemapUrl] {
        self.sitemap
            .get_or_init(|| feeds::sitemap_urls(plan, self.lib))
    }
}
