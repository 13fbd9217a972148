//! What a page says about its article outside the article text: JSON-LD,
//! OpenGraph and other `<meta>` tags, the canonical link, `<html lang>`,
//! `<time datetime>`, the short texts just before and after the headline
//! and in the footer of the article that holds it, and the elements
//! marked as bylines.
//!
//! Owns reading and normalising those (absolute URLs, RFC 3339 dates,
//! bylines that are names rather than profile links). Where sources
//! disagree, JSON-LD wins over OpenGraph, which wins over plain `<meta>`
//! and markup, but a date that gives its zone beats an earlier source
//! giving the same day without one; a time without a zone takes the zone
//! the page's language implies (`dates::language_zone`), else UTC.
//! Finding the article body is not done here; the JSON-LD `articleBody`
//! is only handed on as a fallback.

use super::clean::{is_within, largest_paragraph_parent};
use super::{byline, dates, standfirst};
use crate::content::Image;
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
use dom_query::{Document, Matcher, NodeId, NodeRef};
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;
use url::Url;

/// schema.org types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "Review",
];

/// Article metadata gathered from the whole page. Each `*_source` names
/// where the field came from, for `extract --format json`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Title candidates from the markup, best first, with their sources.
    pub titles: Vec<(&'static str, String)>,
    /// The page's visible headlines (`<h1>`, `itemprop=headline`), in order.
    pub headlines: Vec<String>,
    /// The page's first `<h2>` texts, in order.
    pub subheads: Vec<String>,
    pub byline: Option<String>,
    pub byline_source: Option<&'static str>,
    /// RFC 3339.
    pub published: Option<String>,
    pub published_source: Option<&'static str>,
    /// RFC 3339, when the page says when it was last changed.
    pub updated: Option<String>,
    pub updated_source: Option<&'static str>,
    /// Short texts of elements marked as dates (class or id with `date`,
    /// `time`, `publish`...), for when no machine-readable date exists.
    pub date_texts: Vec<String>,
    /// Short texts just after the headline (the first `<h1>`, or on a page
    /// without one the `<h2>`–`<h4>` that opens `<title>`), where pages
    /// print the date without marking it. Those of boxes marked as the
    /// update come last: a page's date is the one beside them, if any.
    pub near_headline: Vec<String>,
    /// Short texts just before the first headline (a date printed above
    /// it), nearest first.
    pub before_headline: Vec<String>,
    /// Short texts in the `<footer>` of the `<article>` that holds the
    /// headline, where some themes print the date after the story
    /// ("发布日期：… 所属分类：…").
    pub article_footer: Vec<String>,
    pub site_name: Option<String>,
    /// Absolute.
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub excerpt: Option<String>,
    /// The page's lead image (JSON-LD `image`, then `og:image`).
    pub lead_image: Option<Image>,
    /// JSON-LD `articleBody`, plain text.
    pub article_body: Option<String>,
    /// The text of a plain `<p>` that the page's description opens: the
    /// story's first paragraph, which a CMS copies into the description.
    pub lead_paragraph: Option<String>,
    /// The text of the first link to an author's page (`/author/jo-roe`,
    /// `/staff/…/jo-roe/`) just under the headline, after that of the
    /// line it shares with other authors' links: the byline of a page that
    /// marks none.
    pub author_links: Vec<String>,
    /// The summary printed under the headline, and where it was found.
    pub standfirst: Option<(String, &'static str)>,
}

/// Reads the metadata of a parsed page. `base` resolves relative URLs.
pub fn read(doc: &Document, base: Option<&Url>) -> Metadata {
    let found = Found::scan(doc);
    let ld = json_ld(&found.ld_scripts);
    let meta = meta_tags(&found.metas);
    let get = |keys: &[&str]| keys.iter().find_map(|k| meta.get(*k).cloned());

    let mut titles: Vec<(&'static str, String)> = Vec::new();
    if let Some(ld) = &ld {
        titles.extend(text_field(ld, &["headline"]).map(|t| ("json-ld headline", t)));
        titles.extend(text_field(ld, &["name"]).map(|t| ("json-ld name", t)));
    }
    for (key, source) in [
        ("og:title", "og:title"),
        ("twitter:title", "twitter:title"),
        ("dc.title", "meta dc.title"),
        ("title", "meta title"),
    ] {
        titles.extend(meta.get(key).map(|t| (source, t.clone())));
    }
    titles.extend(found.title.clone().map(|t| ("<title>", t)));
    titles.retain(|(_, t)| !t.trim().is_empty() && !t.contains("://"));
    let site_name = get(&["og:site_name", "application-name"]).or_else(|| {
        ld.as_ref()
            .and_then(|a| a.get("publisher"))
            .and_then(|p| text_field(p, &["name"]))
    });
    let canonical_url = found
        .canonical
        .and_then(|n| n.attr("href"))
        .map(|h| h.to_string())
        .or_else(|| get(&["og:url"]))
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| text_field(a, &["url", "mainEntityOfPage"]))
        })
        .and_then(|u| absolute(&u, base));
    // The site a page belongs to is the one its canonical address is on,
    // wherever it was read (a mirror, an AMP copy, a saved file).
    let canonical_host = canonical_url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string));
    let host = canonical_host
        .as_deref()
        .or(base.and_then(|b| b.host_str()));
    // An author the page types as a `Person` is one even when the site
    // bears their name (a personal blog; one word that is the short name
    // in the site's address is still the site's account: "Solarserver"
    // on solarserver.de); any other byline that is only the
    // site's name is the publication standing in for an author.
    // The site's name after a `Person`'s ("Jo Roe, USA TODAY") still goes.
    // An author typed as anything else (an `Organization`: the paper a
    // portal copied the story from) is named apart, as a person the page
    // names beats it.
    let ld_author = ld.as_ref().and_then(|a| a.get("author")).and_then(|a| {
        let person = is_person(a);
        let source = if is_organization(a) {
            ORGANIZATION_AUTHOR
        } else {
            "json-ld author"
        };
        names(a).map(|b| {
            let bare = person.then(|| (source, b.clone(), None));
            [Some((source, b, site_name.as_deref())), bare]
        })
    });
    let (byline, byline_source) = ld_author
        .into_iter()
        .flatten()
        .flatten()
        .chain(
            [
                ("author", "meta author"),
                ("article:author", "article:author"),
                ("dc.creator", "meta dc.creator"),
                ("byl", "meta byl"),
                ("sailthru.author", "meta sailthru.author"),
                ("parsely-author", "meta parsely-author"),
            ]
            .into_iter()
            .filter_map(|(k, source)| {
                meta.get(k)
                    .map(|b| (source, b.clone(), site_name.as_deref()))
            }),
        )
        .find_map(|(source, b, site)| {
            byline::clean(&b, site, host).map(|b| (Some(b), Some(source)))
        })
        .unwrap_or_default();
    let language = found
        .html
        .and_then(|n| n.attr("lang"))
        .map(|l| l.to_string())
        .or_else(|| get(&["content-language", "dc.language", "language"]))
        .or_else(|| ld.as_ref().and_then(|a| text_field(a, &["inLanguage"])))
        .or_else(|| get(&["og:locale"]).map(|l| l.replace('_', "-")))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && l.len() <= 35);
    // A time written without its zone is the page's local time where
    // the language implies one zone.
    let zone = language.as_deref().and_then(dates::language_zone);
    let normalise = |raw: &str| {
        normalise_date(raw).map(|d| {
            if has_zone(raw) {
                d
            } else {
                dates::in_zone(&d, zone)
            }
        })
    };
    let machine_date = |ld_keys: &[&str], meta_keys: &[(&str, &'static str)]| {
        ld.as_ref()
            .and_then(|a| text_field(a, ld_keys))
            .map(|d| ("json-ld", d))
            .into_iter()
            .chain(
                meta_keys
                    .iter()
                    .filter_map(|(k, source)| meta.get(*k).map(|d| (*source, d.clone()))),
            )
            .filter_map(|(source, d)| normalise(&d).map(|n| (source, d, n)))
            .fold(
                None,
                |best: Option<(&'static str, String, String)>, c| match best {
                    // A later source that writes the same day with its zone
                    // beats one that leaves the zone out (read as UTC).
                    Some(b)
                        if !has_zone(&b.1) && has_zone(&c.1) && b.1.get(..10) == c.1.get(..10) =>
                    {
                        Some(c)
                    }
                    Some(b) => Some(b),
                    None => Some(c),
                },
            )
            .map(|(source, _, d)| (Some(d), Some(source)))
    };
    let (mut published, mut published_source) = machine_date(
        &["datePublished", "dateCreated"],
        &[
            ("article:published_time", "article:published_time"),
            ("og:published_time", "og:published_time"),
            ("og:article:published_time", "og:article:published_time"),
            ("datepublished", "meta datePublished"),
            ("date", "meta date"),
            ("dc.date", "meta dc.date"),
            ("dc.date.issued", "meta dc.date.issued"),
            ("dcterms.issued", "meta dcterms.issued"),
            ("dcterms.created", "meta dcterms.created"),
            ("pubdate", "meta pubdate"),
            ("publishdate", "meta publishdate"),
            ("publish-date", "meta publish-date"),
            ("sailthru.date", "meta sailthru.date"),
            ("parsely-pub-date", "meta parsely-pub-date"),
        ],
    )
    .unwrap_or_default();
    // A `<time>` that gives the hour of the day a `<meta>` gives alone.
    if let Some(d) = found.time_datetime().and_then(|d| normalise(&d))
        && published.as_deref().is_none_or(|p| {
            p.ends_with("T00:00:00Z") && p.get(..10) == d.get(..10) && !d.ends_with("T00:00:00Z")
        })
    {
        (published, published_source) = (Some(d), Some("<time datetime>"));
    }
    let (updated, updated_source) = machine_date(
        &["dateModified"],
        &[
            ("article:modified_time", "article:modified_time"),
            ("og:updated_time", "og:updated_time"),
            ("og:article:modified_time", "og:article:modified_time"),
            ("datemodified", "meta dateModified"),
            // Baidu's Baijiahao pages: `<meta itemprop="dateUpdate">`.
            ("dateupdate", "meta dateUpdate"),
            ("dcterms.modified", "meta dcterms.modified"),
            ("modified-date", "meta modified-date"),
            ("last-modified", "meta last-modified"),
        ],
    )
    .or_else(|| {
        found
            .time_modified
            .and_then(|n| n.attr("datetime"))
            .and_then(|d| normalise(&d))
            .map(|d| (Some(d), Some("<time> dateModified")))
    })
    .unwrap_or_default();
    let updated_source = updated_source.filter(|_| updated != published);
    let updated = updated.filter(|_| updated_source.is_some());
    let excerpt = get(&["description", "og:description", "twitter:description"])
        .or_else(|| ld.as_ref().and_then(|a| text_field(a, &["description"])));
    let lead_image = ld
        .as_ref()
        .and_then(|a| a.get("image").and_then(image_url))
        .or_else(|| {
            get(&[
                "og:image",
                "og:image:url",
                "og:image:secure_url",
                "twitter:image",
            ])
        })
        .and_then(|u| absolute(&u, base))
        .map(|url| Image {
            url,
            alt: get(&["og:image:alt", "twitter:image:alt"]).unwrap_or_default(),
            caption: None,
        });
    let article_body = ld
        .as_ref()
        .and_then(|a| text_field(a, &["articleBody", "text"]));
    let excerpt = excerpt.map(|e| collapse(&e));
    let lead_paragraph = excerpt
        .as_deref()
        .and_then(|e| lead_paragraph(&found.paragraphs, e));
    let standfirst = found.standfirst(excerpt.as_deref());
    Metadata {
        lead_paragraph,
        author_links: found.author_links,
        standfirst,
        titles: titles.into_iter().map(|(s, t)| (s, collapse(&t))).collect(),
        headlines: found.headlines,
        subheads: found.subheads,
        byline,
        byline_source,
        published,
        published_source,
        updated,
        updated_source,
        date_texts: found.date_texts,
        near_headline: found
            .near_headline
            .into_iter()
            .chain(found.near_update)
            .collect(),
        before_headline: found.before_headline,
        article_footer: found.footer.map(|f| footer_texts(&f)).unwrap_or_default(),
        site_name: site_name.map(|s| collapse(&s)),
        canonical_url,
        language,
        excerpt,
        lead_image,
        article_body,
    }
}

fn matcher(selector: &str) -> Matcher {
    Matcher::new(selector).expect("valid selector")
}

static CANONICAL: LazyLock<Matcher> = LazyLock::new(|| matcher("link[rel~=canonical]"));
static LD_SCRIPT: LazyLock<Matcher> =
    LazyLock::new(|| matcher(r#"script[type="application/ld+json"]"#));
static META: LazyLock<Matcher> = LazyLock::new(|| matcher("meta[content]"));
static TIME_MARKED: LazyLock<Matcher> = LazyLock::new(|| {
    matcher(r#"time[pubdate][datetime], time[itemprop="datePublished"][datetime]"#)
});
static TIME_ANY: LazyLock<Matcher> =
    LazyLock::new(|| matcher(r#"time[datetime]:not([itemprop="dateModified"])"#));
static TIME_MODIFIED: LazyLock<Matcher> =
    LazyLock::new(|| matcher(r#"time[itemprop="dateModified"][datetime]"#));

/// The elements metadata is read from, in document order, found in one
/// walk over the page rather than one selector query each. Each element
/// is tested with the same selector the query used, so what is found is
/// what `doc.select` would return.
#[derive(Default)]
struct Found<'a> {
    /// The first `link[rel~=canonical]`.
    canonical: Option<NodeRef<'a>>,
    /// The first `html` element.
    html: Option<NodeRef<'a>>,
    ld_scripts: Vec<NodeRef<'a>>,
    metas: Vec<NodeRef<'a>>,
    /// The first `<time>` marked as the publication date.
    time_marked: Option<NodeRef<'a>>,
    /// The first `time[datetime]` not marked as the date of an update.
    time_any: Option<NodeRef<'a>>,
    /// The first `<time>` marked as the date of an update.
    time_modified: Option<NodeRef<'a>>,
    /// The text of `<title>`.
    title: Option<String>,
    /// Texts of the first few `<h1>` and `itemprop=headline` elements.
    headlines: Vec<String>,
    /// Texts of the first few `<h2>` elements.
    subheads: Vec<String>,
    /// The different days (`YYYY-MM-DD`) marked `<time>`s give.
    marked_days: Vec<String>,
    /// Texts of the first few short elements marked as dates.
    date_texts: Vec<String>,
    /// Every `<p>`, for finding the story's first paragraph.
    paragraphs: Vec<NodeRef<'a>>,
    /// Texts of short elements just after the headline.
    near_headline: Vec<String>,
    /// Those of them marked as the update ([`is_update_box`]).
    near_update: Vec<String>,
    /// Elements read after the headline: the first
    /// `NEAR_HEADLINE_ELEMENTS` for date lines, more for the standfirst.
    after_headline: usize,
    /// The text of the first box after the headline marked as a
    /// standfirst that reads as one.
    standfirst: Option<String>,
    /// The first `<h2>` or `<p>` after the headline, which may print the
    /// page's description as a standfirst.
    under_headline: Option<NodeRef<'a>>,
    /// See [`Metadata::author_links`].
    author_links: Vec<String>,
    /// Whether a long paragraph after the headline has opened the story,
    /// after which no standfirst is looked for.
    story_began: bool,
    /// The first `<h1>`, or a lesser heading (`<h2>`–`<h4>`) before any
    /// `<h1>` that opens the `<title>`: the headline of a page without one.
    /// A later `<h1>` that reads like the title takes over from one that
    /// does not, or that holds less of it (a site's name set as `<h1>`,
    /// for its logo or for screen readers).
    headline: Option<NodeRef<'a>>,
    /// How many characters of the title the headline holds: its length
    /// when it reads like the title, else 0.
    headline_fit: usize,
    /// The headline's text.
    headline_text: String,
    /// The last few elements read before the headline.
    before: Vec<NodeRef<'a>>,
    /// Their texts, once the headline is found.
    before_headline: Vec<String>,
    /// The first `<footer>` of the `<article>` that holds the headline.
    footer: Option<NodeRef<'a>>,
}

/// How many different days marked dates give when they date a list of
/// stories rather than the page.
const MANY_DAYS: usize = 3;

/// How many visible headlines and date elements are read.
const MAX_HEADLINES: usize = 6;
const MAX_DATE_TEXTS: usize = 12;

/// How many elements after the headline count as beside it.
const NEAR_HEADLINE_ELEMENTS: usize = 40;
/// The longest text beside the headline read as a possible date line.
const NEAR_HEADLINE_CHARS: usize = 80;
/// How many elements before the first headline are read (those that are
/// short boxes among them).
const BEFORE_HEADLINE_ELEMENTS: usize = 4;

impl<'a> Found<'a> {
    fn scan(doc: &'a Document) -> Self {
        let mut found = Found::default();
        for node in doc.root().descendants_it() {
            let Some(name) = node.qual_name_ref().map(|q| q.local.clone()) else {
                continue;
            };
            let had_headline = !found.headlines.is_empty();
            // How much of the title this element holds, if it is an `<h1>`.
            let mut h1_fit = None;
            match &*name {
                "link" if found.canonical.is_none() && CANONICAL.match_element(&node) => {
                    found.canonical = Some(node);
                }
                "html" if found.html.is_none() => found.html = Some(node),
                "script" if LD_SCRIPT.match_element(&node) => found.ld_scripts.push(node),
                "meta" if META.match_element(&node) => found.metas.push(node),
                "time" if is_other_story(&node, found.headline.as_ref()) => {}
                "time" => {
                    if TIME_MARKED.match_element(&node) {
                        found.time_marked.get_or_insert(node);
                        if let Some(d) = node.attr("datetime")
                            && let Some(day) = d.get(..10)
                            && !found.marked_days.iter().any(|m| m == day)
                        {
                            found.marked_days.push(day.to_string());
                        }
                    }
                    if found.time_any.is_none() && TIME_ANY.match_element(&node) {
                        found.time_any = Some(node);
                    }
                    if found.time_modified.is_none() && TIME_MODIFIED.match_element(&node) {
                        found.time_modified = Some(node);
                    }
                }
                "p" => found.paragraphs.push(node),
                // The story's article holds the headline; a comment's
                // does not.
                "footer"
                    if found.footer.is_none()
                        && node
                            .ancestors_it(None)
                            .find(|a| a.has_name("article"))
                            .is_some_and(|article| {
                                found
                                    .headline
                                    .is_some_and(|h| super::clean::is_within(&h, &article))
                            }) =>
                {
                    found.footer = Some(node);
                }
                "title" if found.title.is_none() => {
                    found.title = Some(collapse(&node.text())).filter(|t| !t.is_empty());
                }
                "h2" if found.subheads.len() < MAX_HEADLINES => {
                    let text = collapse(&node.text());
                    if !text.is_empty() && text.chars().count() <= 300 {
                        found.subheads.push(text);
                    }
                }
                // A site's logo in the footer is no headline (one in a
                // breadcrumb trail may be: some sites set it there).
                "h1" if found.headlines.len() < MAX_HEADLINES
                    && !node.ancestors_it(None).any(|a| a.has_name("footer")) =>
                {
                    let text = collapse(&node.text());
                    if !text.is_empty() {
                        h1_fit = Some(found.title.as_deref().map_or(0, |t| {
                            if super::clean::like_title(t, &text) {
                                text.chars().count()
                            } else {
                                0
                            }
                        }));
                        found.headlines.push(text);
                    }
                }
                _ => {}
            }
            if &*name != "h1"
                && found.headlines.len() < MAX_HEADLINES
                && node.attr("itemprop").is_some_and(|p| &*p == "headline")
                && &*name != "meta"
            {
                let text = collapse(&node.text());
                if !text.is_empty() && text.chars().count() <= 300 {
                    found.headlines.push(text);
                }
            }
            // A later `<h1>` holding more of the title takes over: the
            // texts beside the headline are read again from here.
            let new_headline = found.headline.is_some_and(|h| h.has_name("h1"))
                && h1_fit.is_some_and(|fit| fit > found.headline_fit);
            if new_headline {
                found.near_headline.clear();
                found.near_update.clear();
                found.after_headline = 0;
                found.footer = None;
                found.standfirst = None;
                found.under_headline = None;
                found.story_began = false;
            }
            if new_headline
                || found.headline.is_none()
                    && (&*name == "h1"
                        || matches!(&*name, "h2" | "h3" | "h4")
                            && found
                                .title
                                .as_deref()
                                .is_some_and(|t| opens_title(&collapse(&node.text()), t)))
            {
                found.headline = Some(node);
                found.headline_fit = h1_fit.unwrap_or(0);
                found.headline_text = collapse(&node.text());
                if &*name != "h1" {
                    continue;
                }
            }
            if found.headline.is_some() && &*name != "h1" {
                found.look_for_standfirst(node, &name);
            }
            let after = found.headline.is_some() || !found.headlines.is_empty();
            if after {
                found.after_headline += 1;
            }
            // Not a link in the story's text ("said <a>Jo Roe</a>, a
            // professor at …"): the story has not begun, and the link's
            // box is a short line.
            if after
                && found.author_links.is_empty()
                && !found.story_began
                && found.after_headline <= NEAR_HEADLINE_ELEMENTS
                && &*name == "a"
                && node.attr("href").is_some_and(|h| is_author_page(&h))
                && node
                    .parent()
                    .is_some_and(|p| p.text().chars().count() < MAX_BYLINE_CHARS)
                && !is_other_story(&node, found.headline.as_ref())
                && !node.ancestors_it(None).any(|a| is_aside(&a))
            {
                // Several authors' links in one short line are read as it.
                let line = node.parent().filter(|p| {
                    p.children_it(false)
                        .filter(|c| c.attr("href").is_some_and(|h| is_author_page(&h)))
                        .count()
                        > 1
                        && p.text().chars().count() < MAX_BYLINE_CHARS
                });
                found.author_links = line
                    .iter()
                    .chain(std::iter::once(&node))
                    .map(|n| collapse(&lines_apart(n)))
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            if after
                && found.after_headline <= NEAR_HEADLINE_ELEMENTS
                && &*name != "h1"
                && !matches!(&*name, "script" | "style")
                && is_small_box(&node)
                && !is_other_story(&node, found.headline.as_ref())
                && !in_labelled_row(&node)
                && !super::clean::is_emphasis_in_sentence(&node)
            {
                let text = collapse(&node.text());
                if !text.is_empty()
                    && text.chars().count() <= NEAR_HEADLINE_CHARS
                    && !is_script_data(&text)
                {
                    if is_update_box(&node) {
                        found.near_update.push(text);
                    } else {
                        found.near_headline.push(text);
                    }
                }
            }
            if new_headline || !had_headline && !found.headlines.is_empty() {
                found.before_headline = found
                    .before
                    .iter()
                    .rev()
                    .filter(|n| {
                        !n.qual_name_ref().is_some_and(|q| {
                            matches!(&*q.local, "script" | "style" | "title" | "meta" | "link")
                        }) && is_small_box(n)
                    })
                    .map(|n| collapse(&n.text()))
                    .filter(|t| !t.is_empty() && t.chars().count() <= NEAR_HEADLINE_CHARS)
                    .collect();
            }
            // Kept all along, as a later headline may take over; whether
            // each is a short box is asked once a headline is found.
            if found.before.len() == BEFORE_HEADLINE_ELEMENTS {
                found.before.remove(0);
            }
            found.before.push(node);
            // A box with many elements inside is a layout wrapper that
            // happens to have "date" in a class name.
            if found.date_texts.len() < MAX_DATE_TEXTS
                && is_date_box(&node)
                && node.descendants_it().take(12).count() <= 10
                && !is_other_story(&node, found.headline.as_ref())
            {
                let text = collapse(&node.text());
                if !text.is_empty() && text.chars().count() <= 200 && !is_script_data(&text) {
                    found.date_texts.push(text);
                }
            }
        }
        found
    }

    /// Notes `node` (named `name`), read soon after the headline, when it
    /// may be the standfirst, until a long paragraph opens the story.
    fn look_for_standfirst(&mut self, node: NodeRef<'a>, name: &str) {
        /// A paragraph this long (in characters) is the story's.
        const STORY_PARAGRAPH_CHARS: usize = 150;
        /// How many elements after the headline are read: a video or
        /// a picture with its credits may stand between the two.
        const STANDFIRST_ELEMENTS: usize = 80;
        if self.story_began
            || self.standfirst.is_some()
            || self.after_headline >= STANDFIRST_ELEMENTS
        {
            return;
        }
        if standfirst::is_marked(&node) {
            // A marked box that does not read as one (a kicker's
            // "teaser-cat", a byline in an "intro" box) is passed over.
            self.standfirst = standfirst::accept(&collapse(&node.text()), &self.headline_text);
        } else if matches!(name, "h2" | "p") && self.under_headline.is_none() {
            self.under_headline = Some(node);
        }
        if name == "p" && super::clean::text_chars(&node) >= STORY_PARAGRAPH_CHARS {
            self.story_began = true;
        }
    }

    /// The standfirst's text: the marked box's, else the first heading or
    /// paragraph under the headline when it prints the `description`, or
    /// when it is a paragraph of whole sentences right after a headline
    /// that reads like the title.
    fn standfirst(&self, description: Option<&str>) -> Option<(String, &'static str)> {
        self.headline?;
        let marked = self.standfirst.clone().map(|t| (t, "marked standfirst"));
        marked.or_else(|| {
            let node = self.under_headline.filter(standfirst::is_text_box)?;
            let text = collapse(&node.text());
            let accept = || standfirst::accept(&text, &self.headline_text);
            if description.is_some_and(|d| standfirst::prints_description(&text, d)) {
                return accept().map(|t| (t, "description under the headline"));
            }
            // A paragraph set right after the headline, in its box, when
            // that is the story's (it reads like the title), not a
            // sidebar's.
            let next_to_headline = self.headline_fit > 0
                && node.has_name("p")
                && node
                    .prev_element_sibling()
                    .is_some_and(|p| self.headline.is_some_and(|h| p.id == h.id));
            (next_to_headline && standfirst::reads_as_summary(&text))
                .then(accept)
                .flatten()
                .map(|t| (t, "paragraph under the headline"))
        })
    }

    /// `datetime` of the `<time>` marked as the publication date, else the
    /// first one. Times marked with many different days mark a list of
    /// other stories, not this one.
    fn time_datetime(&self) -> Option<String> {
        self.time_marked
            .filter(|_| self.marked_days.len() < MANY_DAYS)
            .or(self.time_any)
            .and_then(|n| n.attr("datetime"))
            .map(|d| d.to_string())
    }
}

/// Words in a class or id that mark a summary written apart from the
/// story (a standfirst or dek), not its first paragraph.
const SUMMARY_MARKS: &[&str] = &[
    "summary",
    "dek",
    "deck",
    "standfirst",
    "subtitle",
    "subheadline",
    "sub-headline",
    "description",
    "excerpt",
    "header",
    "hero",
    "kicker",
    "abstract",
    "teaser",
];

/// The text of the first plain `<p>` that `excerpt` opens (at least 80
/// characters of it), outside headers and summary boxes.
fn lead_paragraph(paragraphs: &[NodeRef], excerpt: &str) -> Option<String> {
    let probe: String = excerpt
        .trim_end_matches(['.', '…'])
        .chars()
        .take(80)
        .collect();
    if probe.chars().count() < 80 {
        return None;
    }
    let first_word = probe.split_whitespace().next()?;
    for p in paragraphs {
        // The paragraph's first text must open with the description's
        // first word; only then is its whole text built.
        let first_text = p.descendants_it().find_map(|n| {
            n.query_or(None, |t| match &t.data {
                dom_query::NodeData::Text { contents } if !contents.trim().is_empty() => {
                    Some(contents.trim_start().starts_with(first_word))
                }
                _ => None,
            })
        });
        if first_text != Some(true) {
            continue;
        }
        let text = p.text();
        let text = collapse(&text);
        if !text.starts_with(&probe) {
            continue;
        }
        let marked = std::iter::once(*p).chain(p.ancestors_it(Some(3))).any(|n| {
            n.has_name("header")
                || ["class", "id"].iter().any(|a| {
                    n.attr(a).is_some_and(|v| {
                        let v = v.to_ascii_lowercase();
                        SUMMARY_MARKS.iter().any(|m| v.contains(m))
                    })
                })
        });
        return (!marked).then_some(text);
    }
    None
}

/// Texts of the footer and the first few short elements in it.
fn footer_texts(footer: &NodeRef) -> Vec<String> {
    const FOOTER_ELEMENTS: usize = 20;
    std::iter::once(*footer)
        .chain(footer.descendants_it())
        .filter(|n| n.is_element() && !n.has_name("script") && !n.has_name("style"))
        .take(FOOTER_ELEMENTS)
        .filter(is_small_box)
        .map(|n| collapse(&n.text()))
        .filter(|t| !t.is_empty() && t.chars().count() <= NEAR_HEADLINE_CHARS)
        .collect()
}

/// An element with few nodes inside, not counting the whitespace between
/// tags: a leaf such as a date or a name, or a line of a few spans ("date
/// <span>source</span> <span>author</span>"), not a box of links.
fn is_small_box(node: &NodeRef) -> bool {
    const MAX_NODES: usize = 6;
    node.descendants_it()
        .filter(|n| !(n.is_text() && n.text().trim().is_empty()))
        .take(MAX_NODES + 1)
        .count()
        <= MAX_NODES
}

/// Whether a heading's `text` opens the page's `title` (the headline
/// before " - Site"), long enough not to be a section name.
fn opens_title(text: &str, title: &str) -> bool {
    const MIN_CHARS: usize = 8;
    text.chars().count() >= MIN_CHARS && title.starts_with(text)
}

/// An element whose class, id or `itemprop` says it holds a date, or a
/// `<time>`.
fn is_date_box(node: &NodeRef) -> bool {
    if node.has_name("time") {
        return true;
    }
    if node.has_name("script") || node.has_name("style") || node.has_name("meta") {
        return false;
    }
    // One literal search per attribute: this runs on every element.
    static DATE_MARK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)date|time|publish|posted").expect("valid date mark pattern")
    });
    static NOT_DATE_MARK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)update|timeline").expect("valid date mark pattern")
    });
    let marked = |attr: &str| {
        node.attr(attr)
            .is_some_and(|v| DATE_MARK.is_match(&v) && !NOT_DATE_MARK.is_match(&v))
    };
    marked("class") || marked("id") || marked("itemprop")
}

/// Whether a box's `text` is a script's data (`{"publishedDate": …}`), a
/// widget's rather than a date the page prints.
fn is_script_data(text: &str) -> bool {
    text.starts_with('{') || text.starts_with("[{") || text.starts_with("[\"")
}

/// Whether `node`'s class, id or `itemprop` says it holds the date of an
/// update ("updated", "dateModified").
fn is_update_box(node: &NodeRef) -> bool {
    static UPDATE_MARK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)update|modified").expect("valid update mark pattern")
    });
    ["class", "id", "itemprop"]
        .iter()
        .any(|a| node.attr(a).is_some_and(|v| UPDATE_MARK.is_match(&v)))
}

/// Whether `href` is an author's page: a folder of the path names
/// authors, staff or editors (`/author/jo-roe`, `/staff/2648812001/jo-roe/`,
/// `/about/editors/jo-roe/`). Not `/people/`, where sites file the people
/// their stories are about.
fn is_author_page(href: &str) -> bool {
    const FOLDERS: &[&str] = &[
        "author",
        "authors",
        "by",
        "staff",
        "editor",
        "editors",
        "reporter",
        "reporters",
        "journalist",
        "journalists",
        "contributor",
        "contributors",
        "writer",
        "writers",
        "columnist",
        "columnists",
        "autor",
        "autoren",
        "auteur",
        "redaktion",
    ];
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.split_once('/').map_or("", |(_, p)| p),
        None => href,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let folders: Vec<&str> = path.split('/').filter(|f| !f.is_empty()).collect();
    // The folder, then the author's own page in it.
    folders.len() >= 2
        && folders[..folders.len() - 1]
            .iter()
            .any(|f| FOLDERS.iter().any(|x| f.eq_ignore_ascii_case(x)))
}

/// Whether `node` is in a table row a header cell labels ("Founded",
/// then a date): a fact box's date, not the page's.
fn in_labelled_row(node: &NodeRef) -> bool {
    node.ancestors_it(Some(4))
        .find(|a| a.has_name("tr"))
        .is_some_and(|tr| tr.children_it(false).any(|c| c.has_name("th")))
}

/// Whether a date element belongs to another story: a quoted post (an
/// embedded tweet or Instagram post), or a list item that links
/// elsewhere (a "Recent posts" list) and does not hold the page's
/// `headline` (some layouts set the whole story in a list item).
fn is_other_story(node: &NodeRef, headline: Option<&NodeRef>) -> bool {
    node.ancestors_it(None).any(|a| a.has_name("blockquote"))
        || node
            .ancestors_it(Some(4))
            .find(|a| a.has_name("li"))
            .is_some_and(|li| {
                !headline.is_some_and(|h| super::clean::is_within(h, &li))
                    && super::clean::links_elsewhere(&li)
            })
}

/// Texts of the first few short elements marked as bylines, as
/// Readability marks them. Readability looks for them only when no
/// `<meta>` names an author, and a CMS user name ("jdadmin") may be all
/// that one named. Comment sections, forms and sidebars are passed over
/// (unless they hold the story), and so are cards for other stories (one
/// link around a headline, a teaser and its authors): their authors are
/// the readers', or another story's.
/// A quotation's author (in a `<blockquote>`) is not the story's.
/// Several authors marked one by one in a short line ("di <span
/// itemprop=author>Jo Roe</span> e <span itemprop=author>Li Wei</span>")
/// are read as that whole line.
/// `regions` are the page's [`byline_regions`]: their authors come first.
pub fn byline_texts(doc: &Document, regions: &[(NodeRef, NodeRef)]) -> Vec<String> {
    let mut texts: Vec<String> = regions
        .iter()
        .filter_map(|(region, _)| region_author(region))
        .collect();
    let labels: Vec<NodeId> = regions.iter().map(|(_, label)| label.id).collect();
    // A box named like a sidebar's that holds the story is the page's main
    // column (Blogger builds the page from widgets, the post in one).
    let story = std::cell::OnceCell::new();
    let holds_story = |a: &NodeRef| {
        story
            .get_or_init(|| largest_paragraph_parent(doc, false).map(|(_, n)| n))
            .is_some_and(|s: NodeRef| is_within(&s, a))
    };
    for node in doc
        .root()
        .descendants_it()
        .filter(|n| is_byline_box(n) && !labels.contains(&n.id))
        .filter(|n| {
            !n.ancestors_it(None).any(|a| {
                is_story_card(&a) || a.has_name("blockquote") || is_aside(&a) && !holds_story(&a)
            })
        })
    {
        let line = node.parent().filter(|p| {
            p.element_children()
                .iter()
                .filter(|c| is_byline_box(c))
                .count()
                > 1
                && p.text().chars().count() < MAX_BYLINE_CHARS
        });
        let text = collapse(&lines_apart(&line.unwrap_or(node)));
        if !text.is_empty() && text.chars().count() < MAX_BYLINE_CHARS && !texts.contains(&text) {
            texts.push(text);
            if texts.len() == MAX_BYLINE_TEXTS {
                break;
            }
        }
    }
    texts
}

/// Byline boxes set as regions for screen readers, each with the element
/// that labels it (`<section aria-labelledby="article-byline"><h2
/// id="article-byline">Article information</h2><ul>…`, as the BBC's
/// language services print them): the label is no name, and the box's
/// lines ("Author, Jo Roe", "Role, BBC News") are no part of the story.
pub fn byline_regions<'a>(doc: &'a Document) -> Vec<(NodeRef<'a>, NodeRef<'a>)> {
    doc.select("[aria-labelledby]")
        .nodes()
        .iter()
        .filter_map(|region| {
            let id = region.attr("aria-labelledby")?;
            let label = region
                .descendants_it()
                .find(|d| d.attr("id").is_some_and(|i| *i == *id))?;
            is_byline_box(&label).then_some((*region, label))
        })
        .collect()
}

/// The author a byline region names: its first item's text, less the
/// label read out before it ("Author, " in `<li><span>Author,
/// </span>Jo Roe</li>`).
fn region_author(region: &NodeRef) -> Option<String> {
    let item = region.descendants_it().find(|d| d.has_name("li"))?;
    let text = collapse(&item.text());
    let label = item
        .descendants_it()
        .filter(|d| d.is_element())
        .map(|d| collapse(&d.text()))
        .find(|t| t.ends_with([',', '،']) && text.starts_with(t.as_str()));
    let name = label.map_or(text.as_str(), |l| &text[l.len()..]).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The text of `node` with a comma where a line break or a block parts
/// it ("By Jo Roe<br>Staff writer" reads "By Jo Roe, Staff writer"), or
/// where an element's text meets the text beside it with no space
/// ("Jo Roe<span>2 hours ago</span>", which a style sets apart): the
/// parts of a byline box are apart, as the reader sees them.
fn lines_apart(node: &NodeRef) -> String {
    let is_line = |n: &NodeRef| {
        n.element_ref().is_some_and(|el| {
            matches!(
                &*el.name.local,
                "br" | "p" | "div" | "li" | "dd" | "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            )
        }) || is_glued(n)
    };
    super::clean::text_apart(node, &is_line, ", ")
}

/// Whether the element `node`'s text starts right after a letter or digit
/// of the text before it, or ends right before one of the text after it,
/// itself starting or ending with one: two words run together on the page.
/// Not in scripts written without spaces (Chinese, Japanese, Korean),
/// where letters side by side are how words are written.
fn is_glued(node: &NodeRef) -> bool {
    let text = node.text();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && c < '\u{2e80}');
    let before = node.prev_sibling().map(|s| s.text());
    let after = node.next_sibling().map(|s| s.text());
    word(text.chars().next()) && word(before.and_then(|b| b.chars().next_back()))
        || word(text.chars().next_back()) && word(after.and_then(|a| a.chars().next()))
}

/// Whether `node` is a link around a heading: a card for another story.
/// (An author's name linked to the author's page holds no heading.)
fn is_story_card(node: &NodeRef) -> bool {
    node.has_name("a") && node.descendants_it().any(|d| super::clean::is_heading(&d))
}

const MAX_BYLINE_TEXTS: usize = 4;
/// Readability's longest byline.
const MAX_BYLINE_CHARS: usize = 100;

/// A form, an `<aside>`, or a box whose role or class or id says it holds
/// comments, replies or a sidebar's widgets.
fn is_aside(node: &NodeRef) -> bool {
    static ASIDE_MARK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)comment|respond|repl(?:y|ies)|discussion|forum|sidebar|widget")
            .expect("valid aside mark pattern")
    });
    node.has_name("form")
        || node.has_name("aside")
        || node.attr("role").is_some_and(|r| &*r == "complementary")
        || ["class", "id"]
            .iter()
            .any(|a| node.attr(a).is_some_and(|v| ASIDE_MARK.is_match(&v)))
}

/// An element Readability would take for a byline: `rel=author`, an
/// `itemprop` with `author`, or a class or id with `byline`, `author`,
/// `dateline`, `writtenby` or `p-author`.
fn is_byline_box(node: &NodeRef) -> bool {
    static BYLINE_MARK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)byline|author|dateline|writtenby|p-author|submitted")
            .expect("valid byline mark pattern")
    });
    // The author of a customer's testimonial, a reader's comment or a
    // quotation.
    static OTHER_AUTHOR: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)testimonial|comment|quote").expect("valid other author pattern")
    });
    // One pass over the attributes: this runs on every element.
    node.element_ref().is_some_and(|el| {
        !matches!(&*el.name.local, "script" | "style" | "meta" | "label")
            && el.attrs.iter().any(|a| match &*a.name.local {
                "rel" => &*a.value == "author",
                "itemprop" | "property" => a.value.contains("author"),
                "class" | "id" | "data-testid" => {
                    BYLINE_MARK.is_match(&a.value) && !OTHER_AUTHOR.is_match(&a.value)
                }
                _ => false,
            })
    })
}

/// The first JSON-LD object of an article type, looking inside arrays
/// and `@graph`, with an author or publisher given only by reference to
/// another node of the same script (`{"@id": "…#/schema/person/1f2e"}`,
/// as WordPress's Yoast plugin writes them) replaced by that node.
fn json_ld(scripts: &[NodeRef]) -> Option<Value> {
    scripts
        .iter()
        .filter_map(|node| {
            let text = node.text();
            let text = text
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>")
                .trim();
            serde_json::from_str::<Value>(text).ok()
        })
        .find_map(|v| {
            let mut article = find_article(&v)?.clone();
            for key in ["author", "publisher"] {
                if let Some(field) = article.get_mut(key) {
                    resolve_references(field, &v);
                }
            }
            Some(article)
        })
}

/// Replaces each object in `field` (one, or a list) that holds only an
/// `@id` with the node of `doc` that has that `@id`, when there is one.
fn resolve_references(field: &mut Value, doc: &Value) {
    match field {
        Value::Array(items) => items.iter_mut().for_each(|i| resolve_references(i, doc)),
        Value::Object(o) if o.len() == 1 => {
            if let Some(node) = o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| node_with_id(doc, id))
            {
                *field = node.clone();
            }
        }
        _ => {}
    }
}

/// The object in `v` (looking inside arrays and `@graph`) whose `@id` is
/// `id` and that says more than its `@id`.
fn node_with_id<'a>(v: &'a Value, id: &str) -> Option<&'a Value> {
    match v {
        Value::Array(items) => items.iter().find_map(|i| node_with_id(i, id)),
        Value::Object(map) => {
            if map.len() > 1 && map.get("@id").and_then(Value::as_str) == Some(id) {
                return Some(v);
            }
            map.get("@graph").and_then(|g| node_with_id(g, id))
        }
        _ => None,
    }
}

fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                return Some(v);
            }
            map.get("@graph")
                .or_else(|| map.get("mainEntity"))
                .and_then(find_article)
        }
        _ => None,
    }
}

fn is_article_type(t: &Value) -> bool {
    match t {
        Value::String(s) => ARTICLE_TYPES.contains(&s.trim_start_matches("schema:")),
        Value::Array(types) => types.iter().any(is_article_type),
        _ => false,
    }
}

/// A JSON-LD string as text: a script's text is not decoded by the
/// parser, and sites write character references into their JSON-LD as
/// into HTML ("Lindsey O&#039;Donnell", "Rock &amp; Roll").
fn ld_text(s: &str) -> String {
    html_escape::decode_html_entities(s.trim())
        .trim()
        .to_string()
}

/// The first of `keys` that holds a non-empty string (or an object with
/// one under `@id`/`url`), its character references decoded.
fn text_field(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match v.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(ld_text(s)),
        Value::Object(o) => o
            .get("@id")
            .or_else(|| o.get("url"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    })
}

/// Author names from a string, a Person, or a list of either.
fn names(v: &Value) -> Option<String> {
    let list: Vec<String> = match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().filter_map(names).collect(),
        _ => Vec::new(),
    };
    let list: Vec<String> = list
        .into_iter()
        .map(|n| ld_text(&n))
        .filter(|n| !n.is_empty())
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// The source of a byline JSON-LD gives as an author typed other than as
/// a `Person` ([`is_organization`]).
pub const ORGANIZATION_AUTHOR: &str = "json-ld organization";

/// Whether a JSON-LD `author` is one or more objects all typed, none as
/// a `Person` (an `Organization`, a `NewsMediaOrganization`).
fn is_organization(v: &Value) -> bool {
    match v {
        Value::Object(o) => match o.get("@type") {
            Some(Value::String(t)) => t != "Person",
            Some(Value::Array(types)) => !types.is_empty() && !types.iter().any(|t| t == "Person"),
            _ => false,
        },
        Value::Array(items) => !items.is_empty() && items.iter().all(is_organization),
        _ => false,
    }
}

/// Whether a JSON-LD `author` is one or more objects typed `Person`.
fn is_person(v: &Value) -> bool {
    match v {
        Value::Object(o) => match o.get("@type") {
            Some(Value::String(t)) => t == "Person",
            Some(Value::Array(types)) => types.iter().any(|t| t == "Person"),
            _ => false,
        },
        Value::Array(items) => !items.is_empty() && items.iter().all(is_person),
        _ => false,
    }
}

/// An image URL from a string, an ImageObject, or a list of either.
fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("contentUrl"))
            .and_then(Value::as_str)
            .map(str::to_string),
        Value::Array(items) => items.iter().find_map(image_url),
        _ => None,
    }
}

/// `<meta>` values keyed by lower-cased `property`, `name`, `itemprop` or
/// `http-equiv`; the first occurrence of a key wins.
fn meta_tags(metas: &[NodeRef]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for node in metas {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = node.attr(attr) {
                // `property` may hold several space-separated names.
                for key in key.split_whitespace() {
                    out.entry(key.to_ascii_lowercase())
                        .or_insert_with(|| content.to_string());
                }
            }
        }
    }
    out
}

/// Whether a machine-readable date gives its zone (`Z`, `+09:00`,
/// `-0500`) after a time.
pub(super) fn has_zone(raw: &str) -> bool {
    static ZONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\d:\d{2}(?::\d{2}(?:\.\d+)?)?|T\d{4}(?:\d{2})?)\s*(?:[zZ]|[+-]\d{2}:?\d{2}|GMT|UTC)$")
            .expect("valid zone pattern")
    });
    ZONE.is_match(raw.trim())
}

/// A date as RFC 3339. Times without an offset are taken as UTC, dates
/// without a time as midnight UTC.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        // ISO 8601's basic format, without separators (Nikkei's JSON-LD).
        "%Y%m%dT%H%M%S%z",
        "%Y%m%dT%H%M%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, format) {
            return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, format) {
            return Some(d.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    let date = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// `u` made absolute against `base`; only http(s) URLs are kept.
pub fn absolute(u: &str, base: Option<&Url>) -> Option<String> {
    let u = u.trim();
    let url = match base {
        Some(base) => base.join(u).ok()?,
        None => Url::parse(u).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

fn collapse(s: &str) -> String {
    crate::vocabulary::text::one_line(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_rfc3339() {
        let cases = [
            (
                "2026-11-27T18:30:00+01:00",
                Some("2026-11-27T18:30:00+01:00"),
            ),
            ("2026-11-27T18:30:00.123Z", Some("2026-11-27T18:30:00Z")),
            (
                "2026-11-27T18:30:00+0100",
                Some("2026-11-27T18:30:00+01:00"),
            ),
            ("2026-11-27 18:30:00", Some("2026-11-27T18:30:00Z")),
            ("20261127T183000+0900", Some("2026-11-27T18:30:00+09:00")),
            ("20261127T1830+0900", Some("2026-11-27T18:30:00+09:00")),
            ("2026-11-27", Some("2026-11-27T00:00:00Z")),
            (
                "Fri, 27 Nov 2026 18:30:00 GMT",
                Some("2026-11-27T18:30:00Z"),
            ),
            ("last Tuesday", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalise_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn zones_are_seen_in_both_iso_formats() {
        for (raw, zoned) in [
            ("2026-11-27T18:30:00+09:00", true),
            ("2026-11-27T18:30Z", true),
            ("20261127T183000+0900", true),
            ("2026-11-27T18:30:00", false),
            ("2026-11-27", false),
        ] {
            assert_eq!(has_zone(raw), zoned, "{raw}");
        }
    }

    #[test]
    fn meta_tags_fill_in_without_json_ld() {
        let doc = Document::from(
            r#"<html lang="de"><head>
            <meta property="og:title" content="Fähre &amp; Hafen">
            <meta name="author" content="https://example.com/staff/jo">
            <meta property="og:image" content="img/lead.jpg">
            <meta property="og:url" content="https://hafen.example/faehre">
            </head><body><time datetime="2026-01-02T03:04:05+01:00">2. Januar</time></body></html>"#,
        );
        let base = Url::parse("https://hafen.example/news/faehre.html").unwrap();
        let m = read(&doc, Some(&base));
        assert_eq!(m.titles[0], ("og:title", "Fähre & Hafen".to_string()));
        assert_eq!(m.byline, None, "profile URLs are not bylines");
        assert_eq!(m.published.as_deref(), Some("2026-01-02T03:04:05+01:00"));
        assert_eq!(m.language.as_deref(), Some("de"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://hafen.example/faehre")
        );
        assert_eq!(
            m.lead_image.unwrap().url,
            "https://hafen.example/news/img/lead.jpg"
        );
    }

    #[test]
    fn json_ld_is_found_in_arrays_and_graphs() {
        for ld in [
            r#"[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"A","author":"Jo Roe"}]"#,
            r#"{"@graph":[{"@type":"WebPage"},{"@type":"BlogPosting","headline":"A","author":{"name":"Jo Roe"}}]}"#,
            // An author named only by reference to another node of the
            // graph, as WordPress's Yoast plugin writes it.
            r#"{"@context":"https://schema.org","@graph":[{"@type":"Organization","@id":"https://courier.example/#organization","name":"Courier"},{"@type":"WebPage","@id":"https://courier.example/pier/#webpage"},{"@type":"Article","@id":"https://courier.example/pier/#article","headline":"A","author":{"@id":"https://courier.example/#/schema/person/1f2e"},"publisher":{"@id":"https://courier.example/#organization"}},{"@type":["Person"],"@id":"https://courier.example/#/schema/person/1f2e","name":"Jo Roe"}]}"#,
        ] {
            let doc = Document::from(format!(
                r#"<script type="application/ld+json">{ld}</script>"#
            ));
            let m = read(&doc, None);
            assert_eq!(m.titles[0], ("json-ld headline", "A".to_string()), "{ld}");
            assert_eq!(m.byline.as_deref(), Some("Jo Roe"), "{ld}");
        }
        // The publisher so named gives the site's name; a reference to no
        // node gives no byline.
        let doc = Document::from(
            r##"<script type="application/ld+json">{"@graph":[{"@type":"Organization","@id":"#org","name":"Courier"},{"@type":"NewsArticle","headline":"A","author":{"@id":"#nobody"},"publisher":{"@id":"#org"}}]}</script>"##,
        );
        let m = read(&doc, None);
        assert_eq!(m.site_name.as_deref(), Some("Courier"));
        assert_eq!(m.byline, None);
    }

    /// The authors of a card for another story (one link around its
    /// headline, teaser and byline) are not the page's; an author's name
    /// linked to the author's page is.
    #[test]
    fn a_story_cards_byline_is_not_the_pages() {
        let card = r#"<a href="/news/buses"><h3>Buses every half hour</h3><p>From next year. <span class="author">Von Li Wei, Berlin, und Jo Roe</span></p></a>"#;
        let doc = Document::from(format!("<article><p>Text.</p>{card}</article>"));
        assert!(
            byline_texts(&doc, &byline_regions(&doc)).is_empty(),
            "{:?}",
            byline_texts(&doc, &byline_regions(&doc))
        );
        let doc = Document::from(format!(
            r#"<article><p class="byline">Von <a href="/autor/jo-roe"><span class="author">Jo Roe</span></a></p><p>Text.</p>{card}</article>"#
        ));
        assert_eq!(byline_texts(&doc, &byline_regions(&doc))[0], "Von Jo Roe");
        assert!(
            !byline_texts(&doc, &byline_regions(&doc))
                .iter()
                .any(|t| t.contains("Li Wei"))
        );
    }

    /// The person a quotation is from is not the story's author: a box
    /// named for a quote's author, or a name inside a `<blockquote>`.
    #[test]
    fn a_quotations_author_is_not_the_pages() {
        for quote in [
            r#"<div class="article__quote"><div class="article__quote-text">It is a relic.</div><div class="article__quote-author">Pavel Gordeev</div></div>"#,
            r#"<blockquote><p>It is a relic.</p><footer><cite class="author">Pavel Gordeev</cite></footer></blockquote>"#,
        ] {
            let doc = Document::from(format!(
                "<article><p>Text.</p>{quote}<p>More.</p></article>"
            ));
            assert!(
                byline_texts(&doc, &byline_regions(&doc)).is_empty(),
                "{quote}: {:?}",
                byline_texts(&doc, &byline_regions(&doc))
            );
        }
    }

    /// A byline box's parts are apart when the page sets them in elements
    /// of their own with no space between ("Jo Roe<span>Updated 2 hours
    /// ago</span>"), as a reader sees them; a name in a link stays whole.
    #[test]
    fn byline_parts_in_elements_of_their_own_are_apart() {
        for (html, text) in [
            (
                "Jo Roe<span>Updated 2 hours ago</span>",
                "Jo Roe, Updated 2 hours ago",
            ),
            (
                "<span>Jo Roe</span><span>Staff Writer</span>",
                "Jo Roe, Staff Writer",
            ),
            (
                "By Jo Roe<time>Nov 19, 2019</time>",
                "By Jo Roe, Nov 19, 2019",
            ),
            (
                "By <a href=\"/jo\">Jo Roe</a>, Staff Writer",
                "By Jo Roe, Staff Writer",
            ),
            ("<span>Jo</span> <span>Roe</span>", "Jo Roe"),
            ("记者<span>张三</span>", "记者张三"),
            ("By <b>Jo</b>&nbsp;<b>Roe</b>", "By Jo Roe"),
        ] {
            let doc = Document::from(format!("<div class=\"byline\">{html}</div>"));
            assert_eq!(byline_texts(&doc, &byline_regions(&doc)), [text], "{html}");
        }
    }

    /// Sites write character references into JSON-LD strings, which the
    /// parser leaves as they are in a script: they are decoded, so an
    /// apostrophe does not cut a name in two.
    #[test]
    fn json_ld_strings_are_decoded() {
        let doc = Document::from(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rock &amp; Roll at O&#039;Neill&#8217;s","author":{"@type":"Person","name":"Lindsey O&#039;Donnell"}}</script>"#,
        );
        let m = read(&doc, None);
        assert_eq!(
            m.titles[0],
            (
                "json-ld headline",
                "Rock & Roll at O'Neill\u{2019}s".to_string()
            )
        );
        assert_eq!(m.byline.as_deref(), Some("Lindsey O'Donnell"));
    }

    #[test]
    fn zoned_dates_and_update_marks_win() {
        // JSON-LD leaves the zone out; the same day in `<meta>` gives it.
        let doc = Document::from(
            r#"<meta property="article:published_time" content="2019-06-19T10:30:00+09:00">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"A",
            "datePublished":"2019-06-19T10:30"}</script>"#,
        );
        let m = read(&doc, None);
        assert_eq!(m.published.as_deref(), Some("2019-06-19T10:30:00+09:00"));
        assert_eq!(m.published_source, Some("article:published_time"));

        // A `<time>` marked as the update dates the update, not the story.
        let doc = Document::from(
            r#"<meta name="dcterms.created" content="2024-04-19">
            <meta name="dcterms.issued" content="2024-04-22">
            <p><time itemprop="dateModified" datetime="2024-04-23T09:00:00-04:00">April 23</time></p>"#,
        );
        let m = read(&doc, None);
        assert_eq!(m.published.as_deref(), Some("2024-04-22T00:00:00Z"));
        assert_eq!(m.updated.as_deref(), Some("2024-04-23T09:00:00-04:00"));
        assert_eq!(m.updated_source, Some("<time> dateModified"));

        let doc = Document::from(
            r#"<meta name="modified-date" content="2024-04-23T09:00:00+05:30">
            <meta name="publish-date" content="2024-04-22T08:00:00+05:30">"#,
        );
        assert_eq!(
            read(&doc, None).updated.as_deref(),
            Some("2024-04-23T09:00:00+05:30")
        );
    }

    #[test]
    fn a_person_keeps_the_name_the_site_bears() {
        let page = |author_type: &str| {
            Document::from(format!(
                r#"<meta property="og:site_name" content="Jo Roe">
                <script type="application/ld+json">{{"@type":"BlogPosting","headline":"A",
                "author":{{"@type":"{author_type}","name":"Jo Roe"}},
                "publisher":{{"@type":"Organization","name":"Jo Roe"}}}}</script>"#
            ))
        };
        let m = read(&page("Person"), None);
        assert_eq!(m.byline.as_deref(), Some("Jo Roe"), "a personal blog");
        assert_eq!(m.byline_source, Some("json-ld author"));
        let m = read(&page("Organization"), None);
        assert_eq!(m.byline, None, "the site standing in for an author");

        // A person's name followed by the site's is the person's.
        let doc = Document::from(
            r#"<meta property="og:site_name" content="USA TODAY">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"A",
            "author":{"@type":"Person","name":"Elena Vasquez, USA TODAY"}}</script>"#,
        );
        assert_eq!(read(&doc, None).byline.as_deref(), Some("Elena Vasquez"));

        // A saved page's canonical address names its site: the site's
        // short name standing in for an author is no byline.
        let doc = |canonical: &str| {
            Document::from(format!(
                r#"<link rel="canonical" href="{canonical}">
                <meta property="og:site_name" content="NHKニュース">
                <script type="application/ld+json">{{"@type":"NewsArticle","headline":"A",
                "author":{{"@type":"Organization","name":"NHK"}}}}</script>"#
            ))
        };
        assert_eq!(
            read(&doc("https://www3.nhk.or.jp/news/a.html"), None).byline,
            None
        );
        assert_eq!(
            read(&doc("https://news.example/a.html"), None)
                .byline
                .as_deref(),
            Some("NHK")
        );
        // A WordPress account named after the site, typed as a person.
        let doc = Document::from(
            r#"<link rel="canonical" href="https://www.solarserver.example/a.html">
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"A",
            "author":{"@type":"Person","name":"Solarserver"}}</script>"#,
        );
        assert_eq!(read(&doc, None).byline, None);
    }

    #[test]
    fn dates_take_the_most_precise_source() {
        // `og:article:*` names, as some sites write them.
        let doc = Document::from(
            r#"<meta property="og:article:published_time" content="2019-03-12T21:04:12+0000">
            <meta property="og:article:modified_time" content="2019-03-12T23:15:40+0000">"#,
        );
        let m = read(&doc, None);
        assert_eq!(m.published.as_deref(), Some("2019-03-12T21:04:12Z"));
        assert_eq!(m.updated.as_deref(), Some("2019-03-12T23:15:40Z"));
        // A `<meta>` with the day only gives way to a `<time>` with the hour.
        let doc = Document::from(
            r#"<meta name="date" content="2019-03-12"><p><time datetime="2019-03-12T17:30:00Z">March 12</time></p>"#,
        );
        let m = read(&doc, None);
        assert_eq!(m.published.as_deref(), Some("2019-03-12T17:30:00Z"));
        assert_eq!(m.published_source, Some("<time datetime>"));
        // But not a `<time>` of another day, perhaps another story's.
        let doc = Document::from(
            r#"<meta name="date" content="2019-03-12"><p><time datetime="2019-03-01T17:30:00Z">March 1</time></p>"#,
        );
        assert_eq!(
            read(&doc, None).published.as_deref(),
            Some("2019-03-12T00:00:00Z")
        );
    }
}
