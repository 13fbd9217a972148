//! Ingest: the bytes of one page plus where they came from in, an article
//! (front matter and Markdown body) out.
//!
//! Pure: no network and no file system. The caller reads a saved file or
//! fetches a URL (`cmd::ingest`, `fetch`) and hands over the bytes with an
//! [`Origin`]; a feed item comes with what the feed said about it
//! ([`FeedItem`]) and its page, if that could be fetched. Decoding bytes is
//! `decode`'s job and finding the article `extract`'s; `front_matter` is
//! the one place front matter for a new article is put together. A bug
//! that one page trips is that page's error, not the batch's end.

pub mod decode;
pub mod extract;

use crate::content::{Extraction, FrontMatter, Image};
use crate::vocabulary::html::without_credentials;
use crate::vocabulary::nesting::{MAX_HTML_DEPTH, flatten_deep, flatten_deep_without_code};
use crate::vocabulary::{Date, SectionId, names, text};
use anyhow::{Context, Result, bail};
use decode::decode_html;
use extract::Extracted;
use std::borrow::Cow;
use std::path::Path;

/// File types ingest reads, by extension.
pub const EXTENSIONS: &[&str] = &["html", "htm", "txt", "md"];

/// Pages with less article text than this (in characters) are not trusted
/// over a feed's own text: they are usually paywalls or teasers.
pub const MIN_PAGE_CHARS: usize = 250;

/// An article ready to store, with what extraction saw (for `extract`).
#[derive(Debug, Clone)]
pub struct Ingested {
    pub front: FrontMatter,
    pub body: String,
    pub extracted: Extracted,
    /// For a feed item stored from the feed's own text: why the page was not used.
    pub fallback: Option<String>,
}

/// Where the bytes came from.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A saved file; its extension says how to read it. `url` is the page's
    /// original address, when known, to resolve links and name the source.
    File {
        path: &'a Path,
        url: Option<&'a str>,
    },
    /// A page fetched from `url` (after redirects); `charset` is the one its
    /// HTTP header named.
    Page {
        url: &'a str,
        charset: Option<&'a str>,
    },
}

/// What a feed says about one item: fetch reads feeds, ingest takes their words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedItem {
    /// Absolute http(s) link to the article page.
    pub url: String,
    pub title: String,
    pub published: Option<Date>,
    pub author: Option<String>,
    /// The item's full content as HTML, when the feed carries it.
    pub content: Option<String>,
    /// The item's summary as HTML or text.
    pub summary: Option<String>,
    pub images: Vec<Image>,
}

/// A page fetched for a feed item: its bytes, address after redirects and
/// header charset.
pub struct FetchedPage<'a> {
    pub bytes: &'a [u8],
    pub url: &'a str,
    pub charset: Option<&'a str>,
}

/// Reads one page or file into an article for `section`.
pub fn ingest(bytes: &[u8], origin: Origin, section: &SectionId) -> Result<Ingested> {
    unless_panicked(|| read_origin(bytes, origin, section))
}

/// [`ingest`], unguarded.
fn read_origin(bytes: &[u8], origin: Origin, section: &SectionId) -> Result<Ingested> {
    match origin {
        Origin::Page { url, charset } => {
            let ex = extract_page(bytes, charset, Some(url))?;
            Ok(from_extracted(ex, Some(url), section, Extraction::Page))
        }
        Origin::File { path, url } => {
            if let Some(u) = url
                && !is_http(u)
            {
                bail!("--url must be an http or https address, not `{u}`");
            }
            match extension(path).as_deref() {
                Some("html" | "htm") => {
                    let ex = extract_page(bytes, None, url)?;
                    Ok(from_extracted(ex, url, section, Extraction::Page))
                }
                Some("txt") => {
                    let (text, _) = decode_html(bytes, None);
                    let ex = extract::extract_text_dump(&text)?;
                    Ok(from_extracted(ex, url, section, Extraction::Text))
                }
                Some("md") => {
                    let text = std::str::from_utf8(bytes)
                        .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", path.display()))?;
                    from_markdown(path, text, url, section)
                }
                _ => bail!(
                    "{}: not a page paperboy reads (use .html, .htm, .txt or .md)",
                    path.display()
                ),
            }
        }
    }
}

/// An article for a feed item: from its page when `page` could be fetched
/// and holds enough article text, else from the feed's own content or
/// summary (`extracted: feed`, with the reason in `fallback`). A headline
/// is never lost.
pub fn from_feed(
    item: &FeedItem,
    feed_title: Option<&str>,
    page: Result<FetchedPage>,
    section: &SectionId,
) -> Ingested {
    let extracted = page.and_then(|page| {
        let ex = unless_panicked(|| extract_page(page.bytes, page.charset, Some(page.url)))?;
        let chars = ex
            .text()
            .chars()
            .count()
            .saturating_sub(ex.title.chars().count());
        if chars < MIN_PAGE_CHARS {
            bail!("too little text on the page ({chars} characters)");
        }
        Ok(ex)
    });
    let host = host_of(&item.url);
    // Feed authors are as untidy as page bylines ("By Jo Roe, Staff").
    let author = item.author.as_deref().and_then(|a| {
        unless_panicked(|| Ok(extract::clean_byline(a, feed_title, host.as_deref())))
            .unwrap_or_else(|e| {
                log::warn!("{}: the feed's author was not read: {e:#}", item.url);
                None
            })
    });
    match extracted {
        Ok(ex) => {
            let facts = Facts {
                title: &item.title,
                date: item
                    .published
                    .or_else(|| ex.published.as_deref().and_then(Date::parse)),
                updated: ex.updated.as_deref().and_then(Date::parse),
                source_url: Some(&item.url),
                source_name: ex.site_name.as_deref().or(feed_title).or(host.as_deref()),
                byline: ex.byline.clone().or(author),
                images: merge_images(&ex.images, &item.images),
                language: ex.language.as_deref(),
                summary: ex.standfirst.as_deref(),
                extracted: Extraction::Page,
            };
            Ingested {
                front: front_matter(section, facts),
                body: ex.markdown.clone(),
                extracted: ex,
                fallback: None,
            }
        }
        Err(e) => {
            let base = url::Url::parse(&item.url).ok();
            let html = item
                .content
                .as_deref()
                .or(item.summary.as_deref())
                .unwrap_or("");
            let flat = flatten_deep(html, MAX_HTML_DEPTH);
            if matches!(flat, Cow::Owned(_)) {
                log::warn!(
                    "{}: the feed's text nests elements deeper than {MAX_HTML_DEPTH} levels; their tags are dropped, their text kept",
                    item.url
                );
            }
            // The headline stays even if the feed's text trips a bug.
            let body = unless_panicked(|| Ok(extract::fragment_to_markdown(&flat, base.as_ref())))
                .unwrap_or_else(|e| {
                    log::warn!("{}: the feed's text was not read: {e:#}", item.url);
                    String::new()
                });
            let facts = Facts {
                title: &item.title,
                date: item.published,
                updated: None,
                source_url: Some(&item.url),
                source_name: feed_title.or(host.as_deref()),
                byline: author,
                images: item.images.clone(),
                language: None,
                summary: None,
                extracted: Extraction::Feed,
            };
            Ingested {
                front: front_matter(section, facts),
                extracted: Extracted {
                    title: item.title.clone(),
                    markdown: body.clone(),
                    ..Extracted::default()
                },
                body,
                fallback: Some(format!("{e:#}")),
            }
        }
    }
}

/// Decodes a page and finds its article. Binary data is refused, and
/// nesting deeper than 256 elements is flattened first, so the work
/// grows with the page's size alone.
pub fn extract_page(bytes: &[u8], charset: Option<&str>, url: Option<&str>) -> Result<Extracted> {
    let utf16 = charset.is_some_and(|c| c.to_ascii_lowercase().starts_with("utf-16"));
    if !utf16 && looks_binary(bytes) {
        bail!("not an HTML page: it holds binary data");
    }
    let (html, _) = decode_html(bytes, charset);
    let (flat, deep) = flatten_deep_without_code(&html, MAX_HTML_DEPTH);
    if deep {
        log::warn!(
            "{}: elements nested deeper than {MAX_HTML_DEPTH} levels; their tags are dropped, their text kept",
            url.unwrap_or("page")
        );
    }
    let mut ex = extract::extract_html(&flat, url)?;
    extract::date_from_script(&mut ex, &html);
    Ok(ex)
}

/// Runs `work`, turning a panic into its error: a bug that one hostile
/// page trips fails that page, reported by name, while the rest of a fetch
/// or an ingest batch goes on (a feed item falls back to the feed's text).
fn unless_panicked<T>(work: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        bail!("paperboy hit a bug reading it ({why}); please report it with the page or feed")
    })
}

/// True when the start of `bytes` holds a NUL byte outside UTF-16 text:
/// an image, archive or executable, never an HTML page.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    !utf16 && head.contains(&0)
}

/// What is known about a new article, from wherever it came.
struct Facts<'a> {
    title: &'a str,
    date: Option<Date>,
    updated: Option<Date>,
    source_url: Option<&'a str>,
    source_name: Option<&'a str>,
    byline: Option<String>,
    images: Vec<Image>,
    language: Option<&'a str>,
    /// The page's standfirst, as the article's summary.
    summary: Option<&'a str>,
    extracted: Extraction,
}

/// Front matter for a new article: one line per text field, credentials
/// stripped from every URL, the time it was fetched.
fn front_matter(section: &SectionId, facts: Facts) -> FrontMatter {
    let images = facts
        .images
        .into_iter()
        .map(|i| Image {
            url: without_credentials(&i.url),
            alt: text::one_line(&i.alt),
            caption: i.caption.as_deref().map(text::one_line),
        })
        .collect();
    let fetched = Date::now();
    FrontMatter {
        title: Some(text::one_line(facts.title)),
        section: Some(section.clone()),
        // An article that gives only when it was last changed ran on that
        // day or before; an undated one is dated the day it was written.
        // Its file name takes the same date, so the two never disagree.
        date: facts
            .date
            .or(facts.updated)
            .or_else(|| Date::parse(&fetched.ymd())),
        updated: facts.updated,
        source_url: facts.source_url.map(without_credentials),
        source_name: facts.source_name.map(text::one_line),
        byline: facts.byline.as_deref().map(text::one_line),
        fetched: Some(fetched),
        images,
        extracted: Some(facts.extracted),
        language: facts.language.map(str::to_string),
        summary: facts.summary.map(text::one_line),
        ..FrontMatter::default()
    }
}

/// Front matter from an extraction: the page's canonical URL (else where it
/// came from) as `source_url`, its site name (else host) as `source_name`.
fn from_extracted(
    ex: Extracted,
    url: Option<&str>,
    section: &SectionId,
    how: Extraction,
) -> Ingested {
    let source_url = ex.canonical_url.as_deref().or(url);
    let host = source_url.and_then(host_of);
    let facts = Facts {
        title: &ex.title,
        date: ex.published.as_deref().and_then(Date::parse),
        updated: ex.updated.as_deref().and_then(Date::parse),
        source_url,
        source_name: ex.site_name.as_deref().or(host.as_deref()),
        byline: ex.byline.clone(),
        images: ex.images.clone(),
        language: ex.language.as_deref(),
        summary: ex.standfirst.as_deref(),
        extracted: how,
    };
    Ingested {
        front: front_matter(section, facts),
        body: ex.markdown.clone(),
        extracted: ex,
        fallback: None,
    }
}

/// A Markdown file is kept as written: its front matter (if any) is read
/// and completed, and a missing title comes from the first `# ` heading
/// (which then leaves the body) or the file name.
fn from_markdown(
    path: &Path,
    text: &str,
    page_url: Option<&str>,
    section: &SectionId,
) -> Result<Ingested> {
    let (mut front, body) = match crate::content::split(text) {
        Ok((yaml, body, _)) => {
            let front: FrontMatter = crate::yaml::parse(yaml, 2)
                .with_context(|| format!("invalid front matter in {}", path.display()))?;
            (front, body.to_string())
        }
        Err(_) => (FrontMatter::default(), text.to_string()),
    };
    let mut body = body;
    if front.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        let heading = body
            .lines()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| l.strip_prefix("# "))
            .map(str::to_string);
        let title = match heading {
            Some(h) => {
                body = body.replacen(&format!("# {h}"), "", 1);
                h.trim().to_string()
            }
            None => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                text::capitalise(&names::strip_date_prefix(&stem).replace(['-', '_'], " "))
            }
        };
        front.title = Some(title);
    }
    front.section.get_or_insert_with(|| section.clone());
    if front.date.is_none() {
        // A dated file name (2026-11-20-notes.md) dates the article.
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        front.date = name.get(..10).and_then(Date::parse);
    }
    if front.source_url.is_none() {
        front.source_url = page_url.map(without_credentials);
    }
    front.extracted.get_or_insert(Extraction::Markdown);
    let body = body.trim().to_string();
    let ex = Extracted {
        title: front.title.clone().unwrap_or_default(),
        markdown: body.clone(),
        ..Extracted::default()
    };
    Ok(Ingested {
        front,
        body,
        extracted: ex,
        fallback: None,
    })
}

/// Whether a path has an extension ingest reads.
pub fn has_known_extension(path: &Path) -> bool {
    extension(path).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Whether `s` is an http(s) URL (what `--url` and URL inputs must be).
pub fn is_http(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn host_of(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
}

fn merge_images(first: &[Image], then: &[Image]) -> Vec<Image> {
    let mut seen = std::collections::HashSet::new();
    first
        .iter()
        .chain(then)
        .filter(|i| seen.insert(i.url.clone()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world() -> SectionId {
        SectionId::parse("world").unwrap()
    }

    #[test]
    fn a_panic_becomes_the_pages_error() {
        let got: Result<()> = unless_panicked(|| panic!("byte index 3 is not a char boundary"));
        let err = got.unwrap_err().to_string();
        assert!(err.contains("byte index 3 is not a char boundary"), "{err}");
        assert!(err.contains("hit a bug reading it"), "{err}");
        let n = 7;
        let got: Result<()> = unless_panicked(|| panic!("index {n} out of range"));
        assert!(
            got.unwrap_err()
                .to_string()
                .contains("index 7 out of range")
        );
        // No panic: the work's own result, error or not.
        assert_eq!(unless_panicked(|| Ok(5)).unwrap(), 5);
        let got: Result<()> = unless_panicked(|| bail!("not an HTML page"));
        assert_eq!(got.unwrap_err().to_string(), "not an HTML page");
    }

    #[test]
    fn page_url_must_be_http() {
        let origin = Origin::File {
            path: Path::new("x.html"),
            url: Some("javascript:alert(1)"),
        };
        let err = ingest(b"<p>x</p>", origin, &world()).unwrap_err();
        assert!(
            err.to_string()
                .contains("--url must be an http or https address"),
            "{err}"
        );
    }

    #[test]
    fn markdown_without_front_matter_gets_title_and_section() {
        let got = from_markdown(
            Path::new("2026-11-01-my-note.md"),
            "# A Note\n\nBody text.\n",
            None,
            &world(),
        )
        .unwrap();
        assert_eq!(got.front.title.as_deref(), Some("A Note"));
        assert_eq!(got.front.section, Some(world()));
        assert_eq!(got.front.date, Date::parse("2026-11-01"));
        assert_eq!(got.body, "Body text.");
        let got = from_markdown(
            Path::new("2026-11-01-my-note.md"),
            "Just text.\n",
            None,
            &world(),
        )
        .unwrap();
        assert_eq!(got.front.title.as_deref(), Some("My note"));
    }

    #[test]
    fn markdown_front_matter_is_kept_and_completed() {
        let text = "---\ntitle: Kept\nbyline: Me\n---\nBody *as written*.\n";
        let got =
            from_markdown(Path::new("x.md"), text, Some("https://e.org/x"), &world()).unwrap();
        assert_eq!(got.front.title.as_deref(), Some("Kept"));
        assert_eq!(got.front.byline.as_deref(), Some("Me"));
        assert_eq!(got.front.source_url.as_deref(), Some("https://e.org/x"));
        assert_eq!(got.front.extracted, Some(Extraction::Markdown));
        assert_eq!(got.body, "Body *as written*.");
        assert!(from_markdown(Path::new("x.md"), "---\ntitel: X\n---\n", None, &world()).is_err());
    }

    #[test]
    fn feed_items_fall_back_to_their_own_text_without_credentials() {
        let item = FeedItem {
            url: "https://user:secret@e.org/story".into(),
            title: "A  story\nheadline".into(),
            published: Date::parse("2026-11-27T09:00:00Z"),
            summary: Some("<p>The feed's summary.</p>".into()),
            ..FeedItem::default()
        };
        let got = from_feed(
            &item,
            Some("Wire"),
            Err(anyhow::anyhow!("HTTP 404")),
            &world(),
        );
        assert_eq!(got.front.extracted, Some(Extraction::Feed));
        assert_eq!(got.front.title.as_deref(), Some("A story headline"));
        assert_eq!(got.front.source_url.as_deref(), Some("https://e.org/story"));
        assert_eq!(got.front.source_name.as_deref(), Some("Wire"));
        assert_eq!(got.body, "The feed's summary.");
        assert!(got.fallback.unwrap().contains("404"));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<div>".to_string()),
            Just("</div>".to_string()),
            Just("<p>".to_string()),
            Just("<b>".to_string()),
            Just("</b>".to_string()),
            Just("<a href=\"/x\">".to_string()),
            Just("<a href=\"javascript:x\">".to_string()),
            Just("</a>".to_string()),
            Just("<ul><li>".to_string()),
            Just("<table><tr><td>".to_string()),
            Just("<h1>".to_string()),
            Just("<img src=\"/i.png\" alt=\"i\">".to_string()),
            Just("<script type=\"application/ld+json\">{\"headline\":\"H\"}</script>".to_string()),
            Just("<pre>".to_string()),
            Just("<svg><g>".to_string()),
            Just("<title>T</title>".to_string()),
            Just("<!--".to_string()),
            any::<String>(),
            "[a-zA-Z .,]{0,40}",
        ];
        proptest::collection::vec(piece, 0..80).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_page_ingests_or_fails_cleanly(html in soup()) {
            let section = SectionId::parse("world").unwrap();
            let origin = Origin::Page { url: "https://e.org/a", charset: None };
            if let Ok(got) = ingest(html.as_bytes(), origin, &section) {
                // A page without a title is refused when stored, never a panic.
                if let Err(e) = crate::content::front_matter::render(&got.front, &got.body) {
                    prop_assert!(e.to_string().contains("missing `title`"), "{}", e);
                }
            }
        }

        #[test]
        fn any_feed_text_becomes_markdown(html in soup()) {
            let item = FeedItem {
                url: "https://e.org/a".into(),
                title: "T".into(),
                content: Some(html),
                ..FeedItem::default()
            };
            let section = SectionId::parse("world").unwrap();
            let got = from_feed(&item, None, Err(anyhow::anyhow!("404")), &section);
            prop_assert!(crate::content::front_matter::render(&got.front, &got.body).is_ok());
        }
    }
}
