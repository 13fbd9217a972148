//! What the site publishes for machines: an RSS 2.0 feed for every
//! edition and section (with a base URL), an OPML list of the feeds the
//! site reads, the sitemap (split into files of 50,000 URLs with an index
//! beyond that), and the server hints that give pages their charset and
//! language (`.htaccess`, `_headers`).

use super::data::*;
use super::{EditionView, Kind, Page, Pages};
use crate::library::Library;
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeSet;

/// URLs in one sitemap file (the sitemaps.org limit); more make a sitemap index.
pub const SITEMAP_URLS: usize = 50_000;

#[derive(Serialize)]
struct FeedInfo {
    title: String,
    /// The page the feed follows, from the site root.
    url: String,
    /// The feed itself, from the site root.
    self_url: String,
}

#[derive(Serialize)]
struct FeedItem<'a> {
    #[serde(flatten)]
    summary: Summary<'a>,
    /// The whole article as HTML, with `feeds.full_text`.
    content: Option<String>,
}

/// The variables of one feed: `feed` and its `articles`.
pub fn feed_context(
    pages: &Pages,
    view: &EditionView,
    edition: usize,
    section: Option<usize>,
) -> Result<tera::Context> {
    let lib = pages.lib;
    let e = &lib.editions[edition];
    let name = view.site.front_name.clone();
    let info = match section {
        Some(i) => FeedInfo {
            title: format!("{name} - {}", lib.sections[i].name),
            url: lib.sections[i].url(),
            self_url: format!("{}/feed.xml", lib.sections[i].dir),
        },
        None => FeedInfo {
            title: name,
            url: e.url(),
            self_url: format!("{}feed.xml", e.prefix()),
        },
    };
    let items = pages
        .feed_articles(edition, section)
        .into_iter()
        .map(|a| {
            let content = if pages.config.feeds.full_text {
                Some(pages.body(a)?)
            } else {
                None
            };
            Ok(FeedItem {
                summary: summary(lib, &view.strings, &lib.articles[a], pages.feeds),
                content,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut ctx = tera::Context::new();
    ctx.insert("feed", &info);
    ctx.insert("articles", &items);
    Ok(ctx)
}

#[derive(Serialize)]
struct Outline {
    title: String,
    feeds: Vec<String>,
}

/// The variables of the OPML list: `outlines`, one per section that reads feeds.
pub fn opml_context(pages: &Pages) -> tera::Context {
    let lib = pages.lib;
    let outlines: Vec<Outline> = lib
        .sections
        .iter()
        .filter(|s| !s.feeds.is_empty())
        .map(|s| Outline {
            title: match &lib.editions[s.edition].id {
                Some(_) => format!("{} - {}", lib.editions[s.edition].name, s.name),
                None => s.name.clone(),
            },
            feeds: s
                .feeds
                .iter()
                .map(|f| crate::vocabulary::html::without_credentials(f))
                .collect(),
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("outlines", &outlines);
    ctx
}

#[derive(Serialize, Debug, Clone)]
pub struct SitemapUrl {
    pub url: String,
    pub lastmod: Option<String>,
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

/// The sitemap files for `plan`: one, or an index and its parts.
pub fn sitemap_plan(plan: &[Page]) -> Vec<Page> {
    let urls = sitemap_paths(plan).len();
    if urls <= SITEMAP_URLS {
        return vec![Page {
            path: "sitemap.xml".into(),
            kind: Kind::Sitemap { from: 0, to: urls },
        }];
    }
    let parts = urls.div_ceil(SITEMAP_URLS);
    let mut pages: Vec<Page> = (1..=parts)
        .map(|n| Page {
            path: format!("sitemap-{n}.xml"),
            kind: Kind::Sitemap {
                from: (n - 1) * SITEMAP_URLS,
                to: (n * SITEMAP_URLS).min(urls),
            },
        })
        .collect();
    pages.push(Page {
        path: "sitemap.xml".into(),
        kind: Kind::SitemapIndex { parts },
    });
    pages
}

/// Every sitemap URL with the date of the article it is, if any.
pub fn sitemap_urls(plan: &[Page], lib: &Library) -> Vec<SitemapUrl> {
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

/// Files that tell web servers the charset, for hosts that send a
/// Content-Type header (which old browsers trust over the meta tag):
/// `.htaccess` for Apache, `_headers` for Netlify and Cloudflare Pages.
/// `_headers` names every top-level page and each folder that holds
/// pages, so feeds and robots.txt keep their own types, and says the
/// pages' language. With `mixed` (the folders also hold text articles or
/// e-books), a folder's rule names its `.html` files only.
pub fn server_hints(
    pages: &[Page],
    charset: &str,
    language: &str,
    folder_languages: &std::collections::BTreeMap<String, String>,
    mixed: bool,
) -> Vec<Page> {
    // Folders that also hold text articles or e-books name their pages
    // alone, so those files keep their own types.
    let pattern = if mixed { "*.html" } else { "*" };
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
        let lang = folder_languages.get(dir).map_or(language, String::as_str);
        headers.push_str(&format!(
            "/{dir}/{pattern}\n  Content-Type: text/html; charset={charset}\n  Content-Language: {lang}\n"
        ));
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
