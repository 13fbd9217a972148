//! Article extraction: a saved or fetched news page to a title, metadata,
//! images and a Markdown body.
//!
//! Owns the recipe; the steps live in submodules named for what they own:
//! `metadata` (JSON-LD, OpenGraph, `<meta>`), `clean` (what is furniture),
//! `boilerplate` (notice and credit lines), `sanitize` (the markup
//! allowlist), `to_markdown` (htmd and plain text) and `text_dump` (saved
//! `.txt` pages). Decoding bytes is `decode`'s job and fetching is not done
//! here: everything in this module is a pure function of its input.

mod boilerplate;
mod clean;
mod fragment;
mod metadata;
mod sanitize;
mod text_dump;
mod to_markdown;

pub use fragment::fragment_to_markdown;
pub use text_dump::extract_text_dump;

use crate::content::Image;
use anyhow::{Context, Result, bail};
use dom_query::Document;
use dom_smoothie::Readability;
use url::Url;

/// What extraction recovered from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: String,
    pub byline: Option<String>,
    /// RFC 3339 when the page's date could be parsed, else `None`.
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// Absolute URL.
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub excerpt: Option<String>,
    /// Absolute URLs with alt text; the lead image first.
    pub images: Vec<Image>,
    /// The article body as Markdown, without the title heading or images.
    pub markdown: String,
}

impl Extracted {
    /// The title, a blank line, then the body's paragraphs as plain text
    /// separated by blank lines.
    pub fn text(&self) -> String {
        let body = to_markdown::plain_text(&self.markdown);
        let title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if body.is_empty() {
            title
        } else {
            format!("{title}\n\n{body}")
        }
    }
}

/// Readability results shorter than this (in characters) send us looking
/// for a better body: JSON-LD `articleBody`, else the largest text block.
const MIN_BODY_CHARS: usize = 400;

/// Extracts the article from an HTML page. `url` is where the page came
/// from; relative links and image URLs are resolved against it.
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Extracted> {
    let base = url
        .map(|u| Url::parse(u).with_context(|| format!("page URL `{u}` is not absolute")))
        .transpose()?;
    let doc = Document::from(html);
    let meta = metadata::read(&doc, base.as_ref());
    clean::strip_furniture(&doc);
    let fallback = largest_block(&doc);
    let article = Readability::with_document(doc, base.as_ref().map(Url::as_str), None)
        .context("page URL is not absolute")?
        .parse()
        .ok();

    let title = meta
        .title
        .clone()
        .or_else(|| article.as_ref().map(|a| a.title.clone()))
        .unwrap_or_default();
    let title = strip_site_name(&title, meta.site_name.as_deref());
    let content = article
        .as_ref()
        .map(|a| a.content.to_string())
        .unwrap_or_default();
    let mut tidied = clean::tidy_article(&content, &title, base.as_ref());
    let mut markdown = to_markdown::to_markdown(&sanitize::sanitize(&tidied.html, base.as_ref()));
    let body_chars = |md: &str| to_markdown::plain_text(md).chars().count();
    let chars = body_chars(&markdown);
    if chars < MIN_BODY_CHARS {
        let better = meta
            .article_body
            .as_deref()
            .map(text_dump::paragraphs_to_markdown)
            .into_iter()
            .chain(fallback.map(|html| {
                let t = clean::tidy_article(&html, &title, base.as_ref());
                to_markdown::to_markdown(&sanitize::sanitize(&t.html, base.as_ref()))
            }))
            .map(|md| (body_chars(&md), md))
            .max_by_key(|(n, _)| *n);
        if let Some((_, better)) = better.filter(|(n, _)| *n > chars) {
            markdown = better;
        }
    }
    let markdown = clean::trim_trailing_teasers(&markdown);
    if title.is_empty() && markdown.is_empty() {
        bail!("found no title and no article text in the page");
    }

    let mut images = Vec::new();
    images.extend(meta.lead_image);
    images.append(&mut tidied.images);
    let mut seen = std::collections::HashSet::new();
    images.retain(|i| seen.insert(i.url.clone()));

    let article_lang = article.as_ref().and_then(|a| a.lang.clone());
    Ok(Extracted {
        title,
        byline: meta.byline.or_else(|| {
            article
                .as_ref()
                .and_then(|a| a.byline.clone())
                .filter(|b| b.split_whitespace().count() >= 2 && !b.ends_with(" by"))
        }),
        published: meta.published,
        site_name: meta.site_name,
        canonical_url: meta.canonical_url,
        language: meta.language.or(article_lang),
        excerpt: meta
            .excerpt
            .or_else(|| article.as_ref().and_then(|a| a.excerpt.clone())),
        images,
        markdown,
    })
}

/// The HTML of the element whose own paragraphs hold the most text, for
/// pages Readability cannot read.
fn largest_block(doc: &Document) -> Option<String> {
    clean::largest_paragraph_parent(doc).map(|(_, node)| node.html().to_string())
}

/// "Headline | Site" or "Headline - Site" to "Headline" when the tail is
/// the site's name.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::decode::decode_html;

    const FERRY: &str = include_str!("../../../tests/fixtures/pages/harbour-ferry.html");
    const FERRY_URL: &str = "https://courier.example/news/2026/11/night-ferry";

    /// Paragraphs long enough that Readability takes them for an article.
    fn story(n: usize) -> String {
        (1..=n)
            .map(|i| format!("<p>Paragraph {i} of the report: the harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive.</p>"))
            .collect()
    }

    #[test]
    fn news_page_keeps_the_story_and_its_metadata() {
        let e = extract_html(FERRY, Some(FERRY_URL)).unwrap();
        assert_eq!(e.title, "Council backs night ferry after long debate");
        assert_eq!(e.byline.as_deref(), Some("Ada Byrne, Tom Ólafsson"));
        assert_eq!(e.published.as_deref(), Some("2026-11-27T18:30:00+01:00"));
        assert_eq!(e.site_name.as_deref(), Some("Harbour Courier"));
        assert_eq!(e.canonical_url.as_deref(), Some(FERRY_URL));
        assert_eq!(e.language.as_deref(), Some("en-GB"));
        assert!(e.excerpt.unwrap().starts_with("Councillors voted 7-2"));
        let images: Vec<(&str, &str)> = e
            .images
            .iter()
            .map(|i| (i.url.as_str(), i.alt.as_str()))
            .collect();
        assert_eq!(
            images,
            [
                (
                    "https://courier.example/media/ferry-lead.jpg",
                    "The night ferry at the pier"
                ),
                (
                    "https://cdn.courier.example/img/pier-map.png",
                    "Map of the new route"
                ),
            ]
        );
        let md = &e.markdown;
        for kept in [
            "[night ferry](https://courier.example/topics/ferry)",
            "*fairness*",
            "## Cost and objections",
            "- First sailing: 2 March",
            "> We will review the numbers",
            "The harbour master said",
        ] {
            assert!(md.contains(kept), "lost {kept:?}:\n{md}");
        }
        for gone in [
            "cookies",
            "Share on",
            "newsletter",
            "Sign up",
            "Photo:",
            "Credit:",
            "Read more",
            "Already a subscriber",
            "ADVERTISEMENT",
            "Harbour dredging",
            "About time",
            "Most read",
            "All rights reserved",
            "Weather",
            "![",
            "dataLayer",
            "cookie-banner",
        ] {
            assert!(!md.contains(gone), "kept {gone:?}:\n{md}");
        }
        assert!(
            !md.starts_with('#'),
            "title heading left in the body:\n{md}"
        );
    }

    #[test]
    fn text_is_title_then_plain_paragraphs() {
        let e = extract_html(FERRY, Some(FERRY_URL)).unwrap();
        let text = e.text();
        let blocks: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(blocks[0], "Council backs night ferry after long debate");
        assert!(blocks[1].starts_with(
            "Councillors voted seven to two on Tuesday night to fund a night ferry across"
        ));
        assert!(blocks.contains(&"Cost and objections"));
        assert!(blocks.contains(&"Fares: £2.50 a crossing, £1 for students"));
        assert!(
            !text.contains(['*', '[', '#', '>']),
            "markup in text:\n{text}"
        );
        assert!(!text.contains("\n\n\n"));
    }

    #[test]
    fn hostile_markup_never_reaches_the_markdown() {
        let html = format!(
            r#"<html><head><title>Pier report</title></head><body><article>
            <h1>Pier report</h1>
            <p onclick="steal()">Intro with <a href="javascript:alert(1)">a js link</a> and <a href="/safe?a=1&amp;b=2">a relative link</a>.</p>
            <script>document.write("injected script text")</script>
            <style>p {{ color: red }}</style>
            <iframe src="https://evil.example/frame">iframe fallback text</iframe>
            <object data="movie.swf">object fallback text</object><embed src="movie.swf">
            <form action="https://evil.example/phish"><input name="password" value="form value text"><button>Send form</button></form>
            <img src="data:image/png;base64,AAAA" alt="data image"><img src="javascript:alert(2)" alt="js image">
            <img src="pixel.gif" width="1" height="1" alt="tracker">
            <a href="data:text/html;base64,PHNjcmlwdD4=">a data link</a>
            {}</article></body></html>"#,
            story(4)
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier.html")).unwrap();
        let md = &e.markdown;
        for gone in [
            "injected script text",
            "color: red",
            "iframe fallback",
            "object fallback",
            "form value text",
            "Send form",
            "javascript:",
            "data:",
            "onclick",
            "<",
            "evil.example",
        ] {
            assert!(!md.contains(gone), "kept {gone:?}:\n{md}");
        }
        assert!(
            md.contains("[a relative link](https://courier.example/safe?a=1&b=2)"),
            "{md}"
        );
        assert!(
            md.contains("a js link") && md.contains("a data link"),
            "{md}"
        );
        assert!(e.images.is_empty(), "{:?}", e.images);
    }

    #[test]
    fn malformed_html_still_yields_the_story() {
        let html = format!(
            "<html><head><title>Storm closes pier</title><body><div class=main><p>Unclosed <b>bold <i>italic</p>{}<p>Last & final paragraph &copy; &nbsp;with stray </span></div></td> tags<div><p>",
            story(3)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.title, "Storm closes pier");
        assert!(
            e.markdown.contains("Paragraph 3 of the report"),
            "{}",
            e.markdown
        );
        assert!(
            e.text().contains("Last & final paragraph ©"),
            "{}",
            e.text()
        );
    }

    #[test]
    fn json_ld_body_stands_in_for_a_script_rendered_page() {
        let html = r#"<html><head><title>App shell</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"ReportageNewsArticle",
            "headline":"Lighthouse keeper retires after forty years",
            "articleBody":"Eamon Walsh climbed the 112 steps for the last time on Friday.\n\nHe first lit the lamp in 1986, when the light still ran on paraffin and the keeper lived on the rock with his family for weeks at a time.\n\nThe lighthouse will now be run remotely from the port office, like every other light on this stretch of coast.",
            "author":"Niamh Doyle","datePublished":"2026-11-20"}</script></head>
            <body><div id="app">Loading…</div><script>render()</script></body></html>"#;
        let e = extract_html(html, None).unwrap();
        assert_eq!(e.title, "Lighthouse keeper retires after forty years");
        assert_eq!(e.byline.as_deref(), Some("Niamh Doyle"));
        assert_eq!(e.published.as_deref(), Some("2026-11-20T00:00:00Z"));
        let paragraphs: Vec<&str> = e.markdown.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 3, "{}", e.markdown);
        assert!(paragraphs[1].starts_with("He first lit the lamp in 1986"));
    }

    #[test]
    fn layout_tables_become_text_and_data_tables_stay() {
        let html = format!(
            r#"<html><head><title>Tide tables</title></head><body>
            <table width="100%"><tr><td><div class="content">{}
            <table><tr><th>Day</th><th>High water</th></tr><tr><td>Monday</td><td>06:12</td></tr><tr><td>Tuesday</td><td>06:58</td></tr></table>
            </div></td></tr></table></body></html>"#,
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        let md = &e.markdown;
        let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(rows.len(), 4, "data table lost or layout table kept:\n{md}");
        assert!(rows[0].contains("Day") && rows[2].contains("Monday") && rows[2].contains("06:12"));
        assert!(md.starts_with("Paragraph 1 of the report"), "{md}");
    }

    #[test]
    fn legacy_charsets_decode_before_extraction() {
        let cases: [(&str, &str, &'static encoding_rs::Encoding); 3] = [
            (
                "windows-1252",
                "Le café de Zoë rouvrira l’été prochain à Orléans",
                encoding_rs::WINDOWS_1252,
            ),
            (
                "koi8-r",
                "Паром через гавань начнёт работать в марте",
                encoding_rs::KOI8_R,
            ),
            (
                "shift_jis",
                "港の夜間フェリーが三月に運航を始める",
                encoding_rs::SHIFT_JIS,
            ),
        ];
        for (label, headline, encoding) in cases {
            let body = format!(
                "<p>{headline}. {}</p>",
                "Der Hafen bleibt offen. ".repeat(30)
            );
            let html = format!(
                r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"><title>{headline}</title></head><body><article>{body}{body}</article></body></html>"#
            );
            let (bytes, _, bad) = encoding.encode(&html);
            assert!(!bad);
            let (decoded, used) = decode_html(&bytes, None);
            assert_eq!(used, encoding);
            let e = extract_html(&decoded, None).unwrap();
            assert_eq!(e.title, headline);
            assert!(e.markdown.contains(headline), "{label}: {}", e.markdown);
        }
    }

    #[test]
    fn relative_page_urls_are_refused() {
        let err = extract_html("<p>x</p>", Some("/news/a.html")).unwrap_err();
        assert!(format!("{err:#}").contains("not absolute"), "{err:#}");
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let cases = [
            (
                "Ferry approved | Harbour Courier",
                Some("Harbour Courier"),
                "Ferry approved",
            ),
            (
                "Ferry approved - Harbour Courier",
                Some("Harbour Courier"),
                "Ferry approved",
            ),
            (
                "Ferry approved - and about time",
                Some("Harbour Courier"),
                "Ferry approved - and about time",
            ),
            ("Ferry approved", None, "Ferry approved"),
        ];
        for (title, site, want) in cases {
            assert_eq!(strip_site_name(title, site), want);
        }
    }
}
