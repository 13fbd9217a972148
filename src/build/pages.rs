//! Pages: turns the [`Library`] into the data each template receives and
//! renders every output file in parallel, from the library, the config
//! and the theme.
//!
//! Owns the output contract: which pages exist (front page, section pages,
//! archive, articles, image viewers, 404, robots.txt, feed.xml,
//! sitemap.xml), their paths, and the variables templates see (documented
//! for theme authors in themes/README.md). Knows nothing about writing
//! files: each finished file goes to a callback.

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
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Newest articles in feed.xml.
const FEED_ITEMS: usize = 50;

#[derive(Serialize)]
struct SiteData<'a> {
    title: &'a str,
    tagline: &'a str,
    language: &'a str,
    /// The date of the newest article, written out ("Friday, 27 November
    /// 2026"): when the site was last updated, stable across rebuilds.
    updated: Option<String>,
    extra: &'a serde_json::Map<String, serde_json::Value>,
    /// Absolute base URL with a trailing slash, or empty.
    base_url: String,
    /// Charset label declared in the meta tag.
    charset: &'static str,
    profile: &'static str,
    sections: Vec<SectionLink>,
    archive_url: &'static str,
}

#[derive(Serialize, Clone)]
struct SectionLink {
    id: String,
    name: String,
    url: String,
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
/// `images: local`, `url` is the image's viewer page (already prefixed
/// with `root`) and the size fields are set.
#[derive(Serialize, Clone)]
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
    link: SectionLink,
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
struct PageData {
    kind: &'static str,
    url: String,
}

#[derive(Serialize)]
struct SitemapUrl {
    url: String,
    lastmod: Option<String>,
}

/// A page to render: template, output path, and its own variables.
struct Job<'a> {
    template: &'static str,
    path: String,
    context: tera::Context,
    /// An article page's variables, added only when it renders: building
    /// all of them up front would hold every body twice.
    article: Option<(&'a Article, Vec<ImageLink>)>,
}

/// Renders every file of the site in parallel, handing each to `write` as
/// soon as it is ready (so the site is never held in memory whole), and
/// returns how many there were. `images` holds the converted local images
/// with `images: local`, and is `None` otherwise.
pub fn render_all(
    lib: &Library,
    config: &Config,
    theme: &Theme,
    strings: &Strings,
    images: Option<&ImageSet>,
    write: &(dyn Fn(OutputFile) -> Result<()> + Sync),
) -> Result<usize> {
    let s = strings;
    let site_data = SiteData {
        title: &config.title,
        tagline: &config.tagline,
        language: &config.language,
        updated: lib
            .articles
            .iter()
            .filter_map(|a| a.date)
            .max()
            .map(|d| s.date_long(d)),
        extra: &config.extra,
        base_url: config.base_url_dir(),
        charset: config.charset().label(),
        profile: config.profile.name(),
        sections: lib
            .sections
            .iter()
            .enumerate()
            .map(|(i, _)| section_link(lib, i))
            .collect(),
        archive_url: "archive.html",
    };
    let mut base = tera::Context::new();
    base.insert("site", &site_data);
    base.insert(
        "theme",
        &ThemeData {
            name: &theme.info.name,
            options: &theme.options,
        },
    );

    let mut jobs = Vec::new();
    jobs.push(front_page(lib, s, &config.front_page));
    for i in 0..lib.sections.len() {
        jobs.extend(section_pages(lib, s, i, config.pagination.section));
    }
    jobs.extend(archive_pages(lib, s, config.pagination.archive));
    for a in &lib.articles {
        let links = image_links(a, images);
        jobs.extend(
            links
                .iter()
                .filter(|l| l.view.is_some())
                .map(|l| image_page(lib, s, a, l, links.len())),
        );
        jobs.push(article_page(lib, a, links));
    }
    let not_found_root = if site_data.base_url.is_empty() {
        String::new()
    } else {
        site_data.base_url.clone()
    };
    jobs.push(job(
        "404.html",
        "404.html",
        "404",
        &not_found_root,
        tera::Context::new(),
    ));
    jobs.push(job(
        "robots.txt",
        "robots.txt",
        "robots",
        "",
        tera::Context::new(),
    ));
    if !site_data.base_url.is_empty() {
        let feed: Vec<Summary> = lib
            .articles
            .iter()
            .take(FEED_ITEMS)
            .map(|a| summary(lib, s, a))
            .collect();
        let mut ctx = tera::Context::new();
        ctx.insert("articles", &feed);
        jobs.push(job("feed.xml", "feed.xml", "feed", "", ctx));
        let mut ctx = tera::Context::new();
        ctx.insert("urls", &sitemap_urls(&jobs, lib));
        jobs.push(job("sitemap.xml", "sitemap.xml", "sitemap", "", ctx));
    }

    let hints = server_hints(&jobs, config.charset().label(), &config.language);
    let count = jobs.len() + hints.len();
    let extra_parts = AtomicUsize::new(0);
    jobs.into_par_iter().try_for_each(|mut j| {
        let mut ctx = base.clone();
        ctx.extend(std::mem::take(&mut j.context));
        if let Some((a, images)) = j.article.take() {
            let out = ArticleOut {
                lib,
                config,
                theme,
                strings: s,
                write,
            };
            let parts = out.render(a, images, ctx)?;
            extra_parts.fetch_add(parts - 1, Ordering::Relaxed);
            return Ok(());
        }
        let text = theme
            .render(j.template, &ctx)
            .with_context(|| format!("while making {}", j.path))?;
        let bytes = if j.path.ends_with(".html") {
            encode_page(&text, config.charset())
        } else {
            text.into_bytes()
        };
        write(OutputFile {
            path: j.path,
            bytes,
        })
    })?;
    hints.into_iter().try_for_each(write)?;
    let count = count + extra_parts.into_inner();
    let published: BTreeMap<&str, &LocalImage> = images
        .into_iter()
        .flat_map(|set| set.values())
        .map(|i| (i.path.as_str(), i))
        .collect();
    let count = count + published.len();
    for image in published.into_values() {
        write(OutputFile {
            path: image.path.clone(),
            bytes: image.bytes.clone(),
        })?;
    }
    Ok(count)
}

/// Files that tell web servers the charset, for hosts that send a
/// Content-Type header (which old browsers trust over the meta tag):
/// `.htaccess` for Apache, `_headers` for Netlify and Cloudflare Pages.
/// `_headers` names every top-level page and each section folder (which
/// holds only pages), so feeds and robots.txt keep their own types, and
/// says the pages' language.
fn server_hints(jobs: &[Job], charset: &str, language: &str) -> Vec<OutputFile> {
    let htaccess =
        format!("# Written by paperboy: the charset of every page.\nAddDefaultCharset {charset}\n");
    let content_type =
        format!("  Content-Type: text/html; charset={charset}\n  Content-Language: {language}\n");
    let mut headers =
        format!("# Written by paperboy: the charset of every page.\n/\n{content_type}");
    let mut folders = std::collections::BTreeSet::new();
    for j in jobs.iter().filter(|j| j.path.ends_with(".html")) {
        match j.path.split_once('/') {
            Some((dir, _)) => {
                folders.insert(dir);
            }
            None => headers.push_str(&format!("/{}\n{content_type}", j.path)),
        }
    }
    for dir in folders {
        headers.push_str(&format!("/{dir}/*\n{content_type}"));
    }
    vec![
        OutputFile {
            path: ".htaccess".into(),
            bytes: htaccess.into_bytes(),
        },
        OutputFile {
            path: "_headers".into(),
            bytes: headers.into_bytes(),
        },
    ]
}

fn job(
    template: &'static str,
    path: &str,
    kind: &'static str,
    root: &str,
    mut context: tera::Context,
) -> Job<'static> {
    context.insert("root", root);
    context.insert(
        "page",
        &PageData {
            kind,
            url: path.to_string(),
        },
    );
    Job {
        template,
        path: path.to_string(),
        context,
        article: None,
    }
}

fn section_link(lib: &Library, i: usize) -> SectionLink {
    let s = &lib.sections[i];
    SectionLink {
        id: s.id.to_string(),
        name: s.name.clone(),
        url: s.url(),
        count: s.articles.len(),
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

fn front_page(lib: &Library, s: &Strings, settings: &crate::config::FrontPage) -> Job<'static> {
    let per_section = settings.per_section;
    let sections: Vec<FrontSection> = lib
        .sections
        .iter()
        .enumerate()
        .filter(|(_, sec)| !sec.articles.is_empty())
        .map(|(i, sec)| FrontSection {
            link: section_link(lib, i),
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
        .take(settings.latest)
        .map(|a| summary(lib, s, a))
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("sections", &sections);
    ctx.insert("latest", &latest);
    job("index.html", "index.html", "index", "", ctx)
}

fn pagination(first: &str, current: usize, total: usize) -> Pagination {
    Pagination {
        current,
        total,
        prev_url: (current > 1).then(|| paged_path(first, current - 1)),
        next_url: (current < total).then(|| paged_path(first, current + 1)),
    }
}

fn section_pages(lib: &Library, s: &Strings, i: usize, per_page: usize) -> Vec<Job<'static>> {
    let section = &lib.sections[i];
    let first = section.url();
    let chunks: Vec<&[usize]> = if section.articles.is_empty() {
        vec![&[]]
    } else {
        section.articles.chunks(per_page).collect()
    };
    let total = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(n, chunk)| {
            let path = paged_path(&first, n + 1);
            let articles: Vec<Summary> = chunk
                .iter()
                .map(|&a| summary(lib, s, &lib.articles[a]))
                .collect();
            let mut ctx = tera::Context::new();
            ctx.insert("section", &section_link(lib, i));
            ctx.insert("articles", &articles);
            ctx.insert("pagination", &pagination(&first, n + 1, total));
            let root = root_for(&path);
            job("section.html", &path, "section", &root, ctx)
        })
        .collect()
}

fn archive_pages(lib: &Library, s: &Strings, per_page: usize) -> Vec<Job<'static>> {
    let first = "archive.html";
    let all: Vec<&Article> = lib.articles.iter().collect();
    let chunks: Vec<&[&Article]> = if all.is_empty() {
        vec![&[]]
    } else {
        all.chunks(per_page).collect()
    };
    let total = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(n, chunk)| {
            let mut days: Vec<Day> = Vec::new();
            for a in chunk {
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
            let path = paged_path(first, n + 1);
            let mut ctx = tera::Context::new();
            ctx.insert("days", &days);
            ctx.insert("pagination", &pagination(first, n + 1, total));
            job("archive.html", &path, "archive", "", ctx)
        })
        .collect()
}

fn article_page<'a>(lib: &Library, a: &'a Article, images: Vec<ImageLink>) -> Job<'a> {
    let mut ctx = tera::Context::new();
    ctx.insert("section", &section_link(lib, a.section));
    let root = root_for(&a.url);
    Job {
        article: Some((a, images)),
        ..job("article.html", &a.url, "article", &root, ctx)
    }
}

/// What renders one article page (or its parts) and where it goes.
struct ArticleOut<'a> {
    lib: &'a Library,
    config: &'a Config,
    theme: &'a Theme,
    strings: &'a Strings,
    write: &'a (dyn Fn(OutputFile) -> Result<()> + Sync),
}

impl ArticleOut<'_> {
    /// Renders and writes the article's page; in the period profiles, a
    /// page over the budget becomes parts. Returns the number of pages.
    fn render(&self, a: &Article, images: Vec<ImageLink>, ctx: tera::Context) -> Result<usize> {
        let config = self.config;
        let charset = config.charset();
        let body = markdown::render(&a.body, config.profile, config.images.mode);
        let whole = self.page(a, &images, &ctx, &body, None, &a.url)?;
        let budget = config.page_budget_bytes();
        if config.profile.is_period() && whole.len() > budget {
            // Room for the body: the budget less the page around it, less
            // the line that links the parts.
            let around = whole
                .len()
                .saturating_sub(encode_page(&body, charset).len());
            let room = budget.saturating_sub(around + 400);
            let parts = parts::split(&body, room.max(1024), charset);
            if parts.len() > 1 {
                let total = parts.len();
                for (i, content) in parts.iter().enumerate() {
                    let n = i + 1;
                    let path = parts::part_path(&a.url, n);
                    let part = Pagination {
                        current: n,
                        total,
                        prev_url: (n > 1).then(|| parts::part_path(&a.url, n - 1)),
                        next_url: (n < total).then(|| parts::part_path(&a.url, n + 1)),
                    };
                    let bytes = self.page(a, &images, &ctx, content, Some(part), &path)?;
                    (self.write)(OutputFile { path, bytes })?;
                }
                return Ok(total);
            }
        }
        (self.write)(OutputFile {
            path: a.url.clone(),
            bytes: whole,
        })?;
        Ok(1)
    }

    /// One page of the article at `path`, holding `content`.
    fn page(
        &self,
        a: &Article,
        images: &[ImageLink],
        ctx: &tera::Context,
        content: &str,
        part: Option<Pagination>,
        path: &str,
    ) -> Result<Vec<u8>> {
        let root = root_for(path);
        let mut ctx = ctx.clone();
        ctx.insert("root", &root);
        ctx.insert(
            "page",
            &PageData {
                kind: "article",
                url: path.to_string(),
            },
        );
        let images = images
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
        ctx.insert("article", &data);
        let text = self
            .theme
            .render("article.html", &ctx)
            .with_context(|| format!("while making {path} from content/{}", a.rel_path))?;
        Ok(encode_page(&text, self.config.charset()))
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

/// The viewer page of one local image: the picture at its size, its
/// caption, and links back to its article and the front page.
fn image_page(
    lib: &Library,
    s: &Strings,
    a: &Article,
    link: &ImageLink,
    count: usize,
) -> Job<'static> {
    let path = link.view.clone().expect("local images have a viewer page");
    let mut ctx = tera::Context::new();
    ctx.insert("article", &summary(lib, s, a));
    ctx.insert("image", link);
    ctx.insert("image_count", &count);
    let root = root_for(&path);
    job("image.html", &path, "image", &root, ctx)
}

/// Every HTML page but 404.html, with the newest article date it shows.
fn sitemap_urls(jobs: &[Job], lib: &Library) -> Vec<SitemapUrl> {
    let lastmod: std::collections::HashMap<&str, String> = lib
        .articles
        .iter()
        .filter_map(|a| Some((a.url.as_str(), a.date?.ymd())))
        .collect();
    let mut urls: Vec<SitemapUrl> = jobs
        .iter()
        .filter(|j| j.path.ends_with(".html") && j.path != "404.html")
        .map(|j| SitemapUrl {
            url: j.path.clone(),
            lastmod: lastmod.get(j.path.as_str()).cloned(),
        })
        .collect();
    urls.sort_by(|a, b| a.url.cmp(&b.url));
    urls
}
