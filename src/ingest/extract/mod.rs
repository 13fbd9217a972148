//! Article extraction: a saved or fetched news page to a title, metadata,
//! images and a Markdown body.
//!
//! Owns the recipe (which source wins for each field, when a longer body
//! replaces Readability's, what leaves the body once the byline is known)
//! and records where each field was found ([`Sources`]). The steps live in
//! submodules named for what they own: `metadata` (JSON-LD, OpenGraph,
//! `<meta>`), `title` (choosing and trimming the title), `byline` (names
//! only), `dates` (dates written for people and in URLs), `dateline` (a
//! dateline set apart from its paragraph), `standfirst` (the summary
//! under the headline), `clean` (what is furniture),
//! `boilerplate` (notice and credit lines), `slideshow` (a slideshow's
//! titles and pager), `tail` (the run after the story), `teasers` (lists
//! of the site's other stories), `breadcrumb` (trails named for nothing),
//! `polls` (questions over radio buttons), `pull_quote` (lines set
//! twice), `mail_links` (recipients' addresses written out), `noscript`
//! (images given only to readers without scripts), `sections` (a
//! story told in sibling sections), `hidden_email` (addresses a CDN's
//! obfuscation hid), `sanitize` (the markup allowlist),
//! `to_markdown` (htmd and plain text) and `text_dump` (saved `.txt`
//! pages). Decoding bytes is `decode`'s job and fetching is not done
//! here: everything in this module is a pure function of its input and
//! the clock (dates ahead of it are refused).

mod amp;
mod boilerplate;
mod breadcrumb;
mod byline;
mod clean;
mod dateline;
mod dates;
mod embeds;
mod fragment;
mod galleries;
mod hidden_email;
mod mail_links;
mod metadata;
mod noscript;
mod offers;
mod parts;
mod polls;
mod pull_quote;
mod sanitize;
mod sections;
mod slideshow;
mod standfirst;
mod tail;
mod taxonomy;
mod teasers;
mod text_dump;
mod title;
mod to_markdown;

pub use byline::clean as clean_byline;
pub use fragment::fragment_to_markdown;
pub use text_dump::extract_text_dump;

use crate::content::Image;
use anyhow::{Context, Result, bail};
use dom_query::Document;
use dom_smoothie::Readability;
use serde::Serialize;
use url::Url;

/// What extraction recovered from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: String,
    pub byline: Option<String>,
    /// RFC 3339 when the page's date could be parsed, else `None`.
    pub published: Option<String>,
    /// RFC 3339 when the page says it was updated after `published`.
    pub updated: Option<String>,
    pub site_name: Option<String>,
    /// Absolute URL.
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub excerpt: Option<String>,
    /// The summary the page prints under its headline (a dek), when the
    /// body does not hold it.
    pub standfirst: Option<String>,
    /// Absolute URLs with alt text; the lead image first.
    pub images: Vec<Image>,
    /// The article body as Markdown, without the title heading or images.
    pub markdown: String,
    /// Where each field was found, so a user can see why a page came out
    /// as it did.
    pub sources: Sources,
}

/// Where extraction found a field: a short name of the markup or rule
/// ("json-ld headline", "`<h1>`", "date line in article", "URL path").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sources {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<&'static str>,
}

impl Extracted {
    /// The title, a blank line, then the body's paragraphs as plain text
    /// separated by blank lines.
    pub fn text(&self) -> String {
        let body = to_markdown::plain_text(&self.markdown);
        let title = crate::vocabulary::text::one_line(&self.title);
        if body.is_empty() {
            title
        } else {
            format!("{title}\n\n{body}")
        }
    }
}

/// The shortest description that stands in for a page's missing story.
const MIN_DESCRIPTION_BODY_CHARS: usize = 120;

/// Where a body taken from JSON-LD `articleBody` came from.
const LD_BODY_SOURCE: &str = "json-ld articleBody";

/// Readability results shorter than this (in characters) send us looking
/// for a better body: JSON-LD `articleBody`, else the largest text block.
const MIN_BODY_CHARS: usize = 400;

/// Readability's first pass, which drops boxes whose class names look
/// like furniture, is accepted only when it keeps at least this many
/// characters; a shorter article is read again with those rules relaxed,
/// one at a time, and the longest reading wins. Readability.js uses 500;
/// a short news story (three paragraphs, about 150 words) often has its
/// lead or last paragraph in such a box.
const RETRY_BELOW_CHARS: usize = 1000;

/// A candidate body this many times longer than Readability's means
/// Readability chose a fragment of the story (a lead box, one section).
const LOST_BODY_RATIO: usize = 3;

/// A candidate this many times longer wins even when it does not hold
/// Readability's text: Readability then chose a box beside the story.
const FAR_LOST_BODY_RATIO: usize = 8;

/// The same for the body the page's JSON-LD declares (`articleBody`) when
/// it speaks of what the title does: the publisher's own word for what the
/// story is, so a smaller margin does (a page that renders its story by
/// script leaves Readability the captions and the author's card).
const FAR_LOST_LD_BODY_RATIO: usize = 4;

/// The body source named for a story read from its run of sections.
const SECTIONS_SOURCE: &str = "sibling sections";

/// The body source named for the story in the `<article>` around the
/// headline, taken when the body chosen stood elsewhere.
const HEADLINE_ARTICLE_SOURCE: &str = "article holding the headline";

/// Extracts the article from an HTML page. `url` is where the page came
/// from; relative links and image URLs are resolved against it, else
/// against the page's canonical URL. Numeric dates are read in the order
/// the page's language writes them ("05/06/2019" is 5 June on a French
/// page, 6 May on an American one).
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Extracted> {
    let page_url = url
        .map(|u| Url::parse(u).with_context(|| format!("page URL `{u}` is not absolute")))
        .transpose()?;
    let doc = Document::from(without_soft_hyphens(html).as_ref());
    if hidden_email::may_hide(html) {
        hidden_email::reveal(&doc);
    }
    if html.contains("<amp-") {
        amp::plain_images(&doc);
    }
    let mut meta = metadata::read(&doc, page_url.as_ref());
    let _reading =
        dates::read_day_first(meta.language.as_deref().is_some_and(dates::reads_day_first));
    // The page's canonical address, where it is a web page's.
    let canonical = meta
        .canonical_url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    let base = page_url.clone().or_else(|| canonical.clone());
    // The site's own address names it (its short name after a reporter's,
    // its title suffix, its other pages): a page read at a mirror or an
    // AMP address still belongs to the site its canonical address is on.
    let host = canonical
        .as_ref()
        .or(base.as_ref())
        .and_then(|u| u.host_str().map(str::to_string));
    let _site = teasers::on_site_too(canonical.as_ref().and_then(Url::host_str));
    let site = meta.site_name.clone();
    noscript::unwrap_lone_images(&doc);
    let figures = clean::figure_captions(&doc);
    // An organisation named as the author gives way to a person the page
    // names.
    let organization = meta.byline_source == Some(metadata::ORGANIZATION_AUTHOR);
    // Looked for only where the page labels a region at all: selecting
    // by an attribute's presence walks every element.
    let regions = if html.contains("aria-labelledby") {
        metadata::byline_regions(&doc)
    } else {
        Vec::new()
    };
    let byline_texts = if meta.byline.is_none() || organization {
        metadata::byline_texts(&doc, &regions)
    } else {
        Vec::new()
    };
    for (region, _) in &regions {
        region.remove_from_parent();
    }
    let offers = offers::repeated_buttons(&doc, base.as_ref());
    clean::strip_furniture(&doc);
    offers::remove_offer_boxes(&offers);
    galleries::remove_gallery_words(&doc);
    galleries::remove_count_labels(&doc);
    embeds::remove_embed_calls(&doc);
    embeds::remove_skip_lines(&doc);
    clean::remove_navigation_cells(&doc);
    clean::remove_hover_cards(&doc);
    let shown = title::choose(
        &meta.titles,
        &meta.headlines,
        &meta.subheads,
        site.as_deref(),
        host.as_deref(),
        meta.byline.as_deref(),
    );
    teasers::remove_teaser_lists(&doc, base.as_ref(), shown.as_ref().map(|(t, _)| t.as_str()));
    teasers::remove_link_lists(&doc, base.as_ref());
    polls::remove_polls(&doc);
    clean::mark_kickers(&doc);
    let titles: Vec<&str> = meta.titles.iter().map(|(_, t)| t.as_str()).collect();
    clean::shield_subheadings(&doc, &titles, shown.as_ref().map_or("", |(t, _)| t));
    let mut block = clean::largest_paragraph_parent(&doc, true);
    if block.as_ref().is_some_and(|(_, b)| parts::join_parts(b)) {
        block = clean::largest_paragraph_parent(&doc, true);
    }
    // Wanted only where the largest run of paragraphs stands outside it.
    let headline_article = shown
        .as_ref()
        .and_then(|(t, _)| clean::headline_article(&doc, t, block.as_ref().map(|(_, b)| b)));
    let sections = block
        .as_ref()
        .and_then(|(_, node)| sections::section_run(node));
    let fallback = block.map(|(n, node)| (n, node.html().to_string()));
    let config = dom_smoothie::Config {
        char_threshold: RETRY_BELOW_CHARS,
        ..Default::default()
    };
    let mut readability =
        Readability::with_document(doc, base.as_ref().map(Url::as_str), Some(config.clone()))
            .context("page URL is not absolute")?;
    let article = readability.parse().ok();
    // The article's tree is tidied where Readability left it.
    let article_doc = article
        .as_ref()
        .and_then(|_| clean::readability_article(readability.doc));
    let mut sources = Sources::default();

    let mut candidates = meta.titles.clone();
    if let Some(a) = article.as_ref().filter(|a| !a.title.trim().is_empty()) {
        // Readability's reading of `<title>` goes before the raw one.
        let at = candidates
            .iter()
            .position(|(s, _)| *s == "<title>")
            .unwrap_or(candidates.len());
        candidates.insert(at, ("<title>", a.title.trim().to_string()));
    }
    let (title, title_source) = title::choose(
        &candidates,
        &meta.headlines,
        &meta.subheads,
        site.as_deref(),
        host.as_deref(),
        meta.byline.as_deref(),
    )
    .map_or((String::new(), None), |(t, s)| (t, Some(s)));
    sources.title = title_source;

    let to_body = |doc: Document| {
        let t = clean::tidy_article(&doc, &title, base.as_ref());
        let md = to_markdown::to_markdown(&sanitize::sanitize(&t.html, base.as_ref()));
        (t, md)
    };
    let (mut tidied, mut markdown) = to_body(article_doc.unwrap_or_else(|| Document::fragment("")));
    sources.body = Some("readability");
    let body_chars = |md: &str| to_markdown::plain_text(md).chars().count();
    let chosen = to_markdown::plain_text(&markdown);
    let chars = chosen.chars().count();
    let ld_chars = meta
        .article_body
        .as_deref()
        .map_or(0, |b| b.chars().count());
    let block_chars = fallback.as_ref().map_or(0, |(n, _)| *n);
    let short = chars < MIN_BODY_CHARS;
    let lost = short || ld_chars.max(block_chars) > chars * LOST_BODY_RATIO;
    if lost || sections.is_some() {
        let from_ld = meta
            .article_body
            .as_deref()
            .filter(|_| lost)
            .map(|b| (LD_BODY_SOURCE, text_dump::paragraphs_to_markdown(b), None));
        let from_html = |source, html: &str| {
            let (t, md) = to_body(Document::fragment(html));
            (source, md, Some(t))
        };
        let from_block = fallback
            .as_ref()
            .filter(|_| lost)
            .map(|(_, html)| from_html("largest block", html));
        // A run of sections wins when it holds a quarter more text than
        // Readability's choice. Its text bounds its body, so most runs
        // need no converting.
        let a_quarter_longer = |n: usize| n * 4 > chars * 5;
        let from_sections = sections
            .as_ref()
            .filter(|(n, _)| a_quarter_longer(*n))
            .map(|(_, html)| from_html(SECTIONS_SOURCE, html));
        // A long body replaces Readability's only when it holds what
        // Readability found: else it is another part of the page. The
        // story's run of sections holds it by construction, and needs
        // only to be longer.
        let better = from_ld
            .into_iter()
            .chain(from_block)
            .chain(from_sections)
            .map(|(source, md, t)| (body_chars(&md), source, md, t))
            .filter(|(n, source, md, _)| {
                *n > chars
                    && if *source == SECTIONS_SOURCE {
                        a_quarter_longer(*n) && contains_most_of(md, &chosen)
                    } else {
                        let far = if *source == LD_BODY_SOURCE && names_the_title(md, &title) {
                            FAR_LOST_LD_BODY_RATIO
                        } else {
                            FAR_LOST_BODY_RATIO
                        };
                        short
                            || *n > chars * far
                            || *n > chars * LOST_BODY_RATIO && contains_most_of(md, &chosen)
                    }
            })
            .max_by_key(|(n, ..)| *n);
        if let Some((_, source, better, t)) = better {
            markdown = better;
            sources.body = Some(source);
            if let Some(mut t) = t {
                tidied.dates = t.dates;
                tidied.posted_by = t.posted_by;
                tidied.images.append(&mut t.images);
            }
        }
    }
    // A body that stands outside the `<article>` around the headline,
    // while that article holds a story of its own at least half as long,
    // is another story's (a long teaser in a list below a short story).
    if let Some((article_text, article_html)) = &headline_article
        && !holds_most_of(&squash(article_text), &to_markdown::plain_text(&markdown))
    {
        // Readability reads the article alone, so its header and share
        // bars go as they would have.
        let article = Readability::new(
            article_html.as_str(),
            base.as_ref().map(Url::as_str),
            Some(config),
        )
        .ok()
        .and_then(|mut r| {
            r.parse()
                .ok()
                .and_then(|_| clean::readability_article(r.doc))
        });
        let (t, md) = to_body(article.unwrap_or_else(|| Document::fragment(article_html.as_str())));
        let n = body_chars(&md);
        if n >= MIN_BODY_CHARS && n * 2 >= body_chars(&markdown) {
            markdown = md;
            tidied = t;
            sources.body = Some(HEADLINE_ARTICLE_SOURCE);
        }
    }
    let markdown = slideshow::drop_slideshow_runs(&markdown);
    let markdown = taxonomy::drop_taxonomy_lines(&markdown, base.as_ref());
    let mut markdown = dateline::join_dateline(&tail::trim_tail(&markdown));
    // A page whose markup holds no story (its script renders it, and no
    // JSON-LD body was given) keeps its description rather than the
    // buttons and links left.
    let kept_chars = body_chars(&markdown);
    if let Some(description) = meta.excerpt.as_deref()
        && description.chars().count() >= MIN_DESCRIPTION_BODY_CHARS
        && kept_chars < MIN_BODY_CHARS
        && kept_chars * 4 < description.chars().count()
    {
        markdown = text_dump::paragraphs_to_markdown(description);
        sources.body = Some("description");
    }
    if let Some(lead) = meta.lead_paragraph.as_deref()
        && !markdown.is_empty()
        && !holds(&markdown, lead)
    {
        // The story's first paragraph sat outside the block Readability
        // chose (a lead above a picture, in its own box).
        markdown = format!("{}\n\n{markdown}", text_dump::paragraphs_to_markdown(lead));
    }
    if title.is_empty() && markdown.is_empty() {
        bail!("found no title and no article text in the page");
    }
    // The summary under the headline, unless the body holds it already.
    let standfirst = meta
        .standfirst
        .take()
        .filter(|(s, _)| !holds(&markdown, s) && !clean::like_title(&title, s));
    sources.standfirst = standfirst.as_ref().map(|(_, source)| *source);

    let mut images = Vec::new();
    images.extend(meta.lead_image.clone());
    images.append(&mut tidied.images);
    let images = merge_copies(images, &figures);

    // Raw bylines as the page prints them, names and all: Readability's
    // (it looks only when no `<meta>` names an author) and the elements
    // marked as bylines. Readability runs an element's lines together
    // ("Jo RoeStaff writer"); the same element read line by line stands
    // in for it.
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != ',')
            .collect()
    };
    let printed: Vec<&str> = article
        .as_ref()
        .and_then(|a| a.byline.as_deref())
        .map(|b| {
            byline_texts
                .iter()
                .find(|t| letters(t) == letters(b))
                .map_or(b, String::as_str)
        })
        .into_iter()
        .chain(byline_texts.iter().map(String::as_str))
        .chain(meta.author_links.iter().map(String::as_str))
        .collect();
    let (byline, byline_source) = match &meta.byline {
        Some(b) if !organization => (Some(b.clone()), meta.byline_source),
        _ => {
            let clean = |b: &&str| byline::clean(b, site.as_deref(), host.as_deref());
            // The organisation printed again names no person: a name
            // printed after it may.
            let person = |b: &String| {
                !organization
                    || meta
                        .byline
                        .as_deref()
                        .is_none_or(|o| !byline::same_names(b, o))
            };
            let first = printed.iter().filter_map(clean).find(person);
            // Readability takes the first of several authors marked one by
            // one; their line names them all.
            let b = first.map(|first| {
                byline_texts
                    .iter()
                    .map(String::as_str)
                    .filter_map(|t| clean(&t))
                    .find(|all| {
                        all.strip_prefix(first.as_str())
                            .is_some_and(|rest| rest.starts_with(", ") || rest.starts_with(" and "))
                    })
                    .unwrap_or(first)
            });
            let b = b.filter(person);
            let source = b.as_ref().map(|_| "byline in page");
            (b, source)
        }
    };
    let (byline, byline_source) = match byline {
        None => {
            // A name a posted-by line gave, capitalised as a person's
            // ("von Jo Roe", not a user name such as "admin" or "jo").
            let posted = || {
                tidied.posted_by.as_deref().and_then(|p| {
                    byline::clean(p, site.as_deref(), host.as_deref())
                        .filter(|names| byline::is_capitalised(names))
                })
            };
            let line = byline_line(&markdown, site.as_deref(), host.as_deref())
                .or_else(posted)
                .map(|b| (Some(b), Some("byline line in article")));
            // A dateline's reporters ("新京报讯（记者 王佳慧）", "МОСКВА, 12 мар —
            // РИА Новости, Алексей Крылов.").
            let dateline = || {
                markdown
                    .split("\n\n")
                    .take(2)
                    .find_map(|b| byline::dateline_reporters(&to_markdown::plain_text(b)))
                    .map(|b| (Some(b), Some("reporter in dateline")))
            };
            // A Japanese story's reporters in brackets at its end
            // ("（大阪社会部　森川健太）").
            let closing = || {
                markdown
                    .rsplit("\n\n")
                    .take(2)
                    .find_map(|b| byline::closing_reporters(&to_markdown::plain_text(b)))
                    .map(|b| (Some(b), Some("reporter closing the story")))
            };
            line.or_else(dateline)
                .or_else(closing)
                .or_else(|| organization.then(|| (meta.byline.clone(), meta.byline_source)))
                .unwrap_or_default()
        }
        b => (b, byline_source),
    };
    sources.byline = byline_source;
    let (markdown, dropped) = match &byline {
        Some(b) => {
            let (kept, dropped) = drop_byline_lines(&markdown, b, site.as_deref(), host.as_deref());
            (drop_contact_lines(&drop_author_box(&kept, b), b), dropped)
        }
        None => (markdown, Vec::new()),
    };
    // A date printed after the names of the article's own byline, when
    // nothing better dates the page.
    let byline_date = byline
        .as_deref()
        .and_then(|names| {
            printed
                .iter()
                .copied()
                .chain(dropped.iter().map(String::as_str))
                .filter(|raw| {
                    byline::clean(raw, site.as_deref(), host.as_deref())
                        .is_some_and(|b| byline::same_names(&b, names))
                })
                .find_map(byline::trailing_date)
        })
        .unwrap_or_default();

    let (published, updated) = find_dates(
        &meta,
        &tidied.dates,
        &byline_date,
        &markdown,
        base.as_ref(),
        html,
        &mut sources,
    );

    let article_lang = article.as_ref().and_then(|a| a.lang.clone());
    // The text a reader gets is composed (NFC); composing it here, not the
    // whole page, leaves the markup alone and costs a fraction.
    let nfc = |s: String| match crate::vocabulary::text::nfc(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(composed) => composed,
    };
    let images = images
        .into_iter()
        .map(|i| Image {
            alt: nfc(i.alt),
            caption: i.caption.map(nfc),
            ..i
        })
        .collect();
    Ok(Extracted {
        title: nfc(title),
        byline: byline.map(nfc),
        published,
        updated,
        site_name: meta.site_name.map(nfc),
        canonical_url: meta.canonical_url,
        language: meta.language.or(article_lang),
        // Readability's excerpt is the first paragraph it saw, which may be
        // a date line or a notice that has since left the body.
        excerpt: meta
            .excerpt
            .or_else(|| {
                article
                    .as_ref()
                    .and_then(|a| a.excerpt.clone())
                    .filter(|e| dates::date_line(e).is_none() && !boilerplate::is_boilerplate(e))
            })
            .map(nfc),
        standfirst: standfirst.map(|(s, _)| nfc(s)),
        images,
        markdown: nfc(markdown),
        sources,
    })
}

/// The images with each photo once: a later copy of the same file at
/// another address or size (the lead image from `<meta>`, then the one in
/// the article) gives the first its alt text and caption and goes. An
/// image still without a caption takes its figure's, wherever on the
/// page that stood.
fn merge_copies(images: Vec<Image>, figures: &[(String, String)]) -> Vec<Image> {
    let mut merged: Vec<(Option<String>, Image)> = Vec::new();
    for image in images {
        let key = clean::image_file_key(&image.url);
        let copy = merged
            .iter_mut()
            .find(|(k, i)| i.url == image.url || (key.is_some() && *k == key));
        match copy {
            Some((_, first)) => {
                if first.alt.is_empty() {
                    first.alt = image.alt;
                }
                if first.caption.is_none() {
                    first.caption = image.caption;
                }
            }
            None => merged.push((key, image)),
        }
    }
    merged
        .into_iter()
        .map(|(key, mut image)| {
            if image.caption.is_none()
                && let Some((_, caption)) = figures.iter().find(|(k, _)| key.as_ref() == Some(k))
                && *caption != image.alt
            {
                image.caption = Some(caption.clone());
            }
            image
        })
        .collect()
}

/// The names of a byline line opening the body ("By Jo Roe", "Von Jo
/// Roe und Li Wei"), for a page whose markup names no author: a short
/// block among the first three that starts with a byline word and holds
/// only capitalised names once that word is gone.
fn byline_line(markdown: &str, site: Option<&str>, host: Option<&str>) -> Option<String> {
    markdown.split("\n\n").take(3).find_map(|block| {
        if block.len() > 200 {
            return None;
        }
        let text = to_markdown::plain_text(block);
        if !opens_as_byline(&text) {
            return None;
        }
        byline::clean(&text, site, host).filter(|names| byline::is_capitalised(names))
    })
}

/// Whether a block's plain `text` reads as a byline line: short, and
/// opening with a byline word before a capital ("By Jo Roe", "Von …").
fn opens_as_byline(text: &str) -> bool {
    static OPENER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?i:by|von|par|por|di|door|written by|text:|texte?:)\s+\p{Lu}")
            .expect("valid byline opener")
    });
    text.chars().count() <= BYLINE_LINE_CHARS && OPENER.is_match(text)
}

/// The longest byline line read as one.
const BYLINE_LINE_CHARS: usize = 80;

/// The body without short blocks near its start or end that only repeat
/// the byline ("By Jo Roe", "BY JO ROE - 11/20/19"), and the plain text
/// of those blocks: the byline is metadata and shown as such.
fn drop_byline_lines(
    markdown: &str,
    byline: &str,
    site: Option<&str>,
    host: Option<&str>,
) -> (String, Vec<String>) {
    let blocks: Vec<&str> = markdown.split("\n\n").collect();
    let n = blocks.len();
    let byline_text = |i: usize| {
        // Position and length first: the Markdown of a byline line is short.
        if !(i < 3 || i + 2 >= n) || n < 2 || blocks[i].len() > 300 {
            return None;
        }
        let text = to_markdown::plain_text(blocks[i]);
        // Names side by side as printed, or once titles and addresses
        // are cut ("박지현 기자 jh@… 이소연 기자 so@…").
        (text.chars().count() <= 100
            && (byline::clean(&text, site, host)
                .into_iter()
                .chain(byline::closing_reporters(&text))
                .any(|b| byline::same_names(&b, byline) || names_side_by_side(&b, byline))
                || names_side_by_side(&text, byline)))
        .then_some(text)
    };
    let mut dropped = Vec::new();
    let mut kept = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        match byline_text(i) {
            Some(text) => dropped.push(text),
            None => kept.push(*block),
        }
    }
    if dropped.is_empty() {
        return (markdown.to_string(), dropped);
    }
    (kept.join("\n\n"), dropped)
}

/// Whether `text` is the names of a byline of several authors side by
/// side with nothing between them ("Jo Roe Li Wei" for "Jo Roe and Li
/// Wei"), as author cards set in a row read.
fn names_side_by_side(text: &str, byline: &str) -> bool {
    let names = byline::names(byline);
    names.len() > 1
        && text
            .to_lowercase()
            .split_whitespace()
            .eq(names.iter().flat_map(|n| n.split_whitespace()))
}

/// The body without an author box at its end: a heading "About Jo Roe"
/// ("Über Jo Roe", "À propos de Jo Roe") naming the byline's author, or
/// the author's name linked alone on its line, and the short bio and
/// links after it.
fn drop_author_box(markdown: &str, byline: &str) -> String {
    static ABOUT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:about|über|ueber|à propos de|a propos de|sobre|o autorze|over)\s+(?:the author\s*:?\s*|den autor\s*:?\s*|die autorin\s*:?\s*)?(.+?)\s*:?$")
            .expect("valid author box pattern")
    });
    let blocks: Vec<&str> = markdown.split("\n\n").collect();
    let names = byline::names(byline);
    let start = blocks.len().saturating_sub(5).max(1);
    // The box's label may have gone as furniture ("Sobre la firma"),
    // leaving the author's name linked alone on its line, with a short
    // biography after it.
    let linked_name = |i: usize| {
        let block = blocks[i].trim();
        i + 1 < blocks.len()
            && block.starts_with('[')
            && block.ends_with(')')
            && names.contains(&to_markdown::plain_text(block).trim().to_lowercase())
    };
    let at = (start..blocks.len()).find(|&i| {
        let text = to_markdown::plain_text(blocks[i]);
        text.chars().count() <= 80
            && (ABOUT
                .captures(&text)
                .is_some_and(|c| names.contains(&c[1].trim().to_lowercase()))
                || linked_name(i))
    });
    match at {
        Some(at) if blocks[at + 1..].iter().all(|b| b.chars().count() < 600) => {
            blocks[..at].join("\n\n")
        }
        _ => markdown.to_string(),
    }
}

/// The body without the lines near its end that give the address or
/// number of one of the byline's reporters ("Jo Roe can be reached at
/// jo@courier.example.", "Contact Jo Roe at (309) 820-3241. Follow her on
/// Twitter: @joroe", "Write to Jo Roe at …", "Contact Courier reporter Jo
/// Roe at …"), or say who the reporter is
/// ("Jo Roe is a reporter for the Courier.", "Jo Roe covers agriculture
/// for the Courier. Reach her at …", "Jo Roe: jroe@…"): they tell a
/// reader about the paper, not the news. The line must name the reporter,
/// and hold an address, a number or an account that ends its sentence
/// (but for three words; a call to readers goes on), or open by calling them
/// a writer or giving their post ("JO ROE / Corresponsal de …"), or call
/// them "this reporter" ("Contact this reporter at …"); or be
/// contact details alone whose address or account is the reporter's
/// ("jroe@courier.example or 555-0134", [`is_details_alone`]).
fn drop_contact_lines(markdown: &str, byline: &str) -> String {
    const LAST_BLOCKS: usize = 4;
    let names = byline::names(byline);
    let blocks: Vec<&str> = markdown.split("\n\n").collect();
    let start = blocks.len().saturating_sub(LAST_BLOCKS).max(1);
    let kept: Vec<&str> = blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            // Details a sentence introduces ("Roe posts his dates at:")
            // are the story's.
            let introduced = || blocks[i - 1].trim_end().ends_with(':');
            *i < start || introduced() || !is_contact_line(&to_markdown::plain_text(b), &names)
        })
        .map(|(_, b)| *b)
        .collect();
    if kept.len() == blocks.len() {
        return markdown.to_string();
    }
    kept.join("\n\n")
}

/// Whether `text` (a block's plain text) gives the address or number of
/// one of `names` (lower case), or says who that reporter is: see
/// [`drop_contact_lines`].
fn is_contact_line(text: &str, names: &[String]) -> bool {
    const MAX_CHARS: usize = 300;
    static DETAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"(?i:(?:https?://)?(?:www\.)?(?:twitter|x|instagram)\.com/)\w{{2,}}|(?i:twitter|instagram)\s*:\s*@?\w{{2,}}|{}|@\w{{2,}}|\(?\b\d{{3}}\)?[ .-]?\d{{3}}[ .-]\d{{4}}\b|\b\d{{3}}-\d{{4}}\b",
            boilerplate::EMAIL_ADDRESS
        ))
        .expect("valid contact detail pattern")
    });
    // "Jo Roe is a reporter for the Courier.", "JO ROE (@joroe) is a
    // writer based in Bergen."
    static WHO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:\(@\w+\)\s*)?,?\s*is an? (?:[\w-]+ ){0,5}(?:writer|reporter|journalist|correspondent|editor|producer|columnist|contributor|photographer)\b")
            .expect("valid reporter description pattern")
    });
    // A sign-off: the name, then the post ("JO ROE / Corresponsal de EL
    // COURIER / Bergen").
    static POST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*[,/–-]?\s*(?:corresponsal|correspondent|correspondant|correspondente|corrispondente|korrespondent|enviad[oa] especial|envoyée? spéciale?|special correspondent|staff writer)\b")
            .expect("valid post pattern")
    });
    const VERBS: &[&str] = &[
        "contact ",
        "write to ",
        "reach ",
        "email ",
        "e-mail ",
        "you can reach ",
        "you can contact ",
        "you can email ",
    ];
    // "Reach reporter Jo Roe at …".
    const ROLES: &[&str] = &[
        "reporter ",
        "writer ",
        "columnist ",
        "correspondent ",
        "editor ",
    ];
    // "Jo Roe covers agriculture for the Courier. Reach her at …".
    const BEATS: &[&str] = &["covers ", "writes about ", "reports on "];
    const REACHED: &[&str] = &[
        "can be reached",
        "may be reached",
        "can be contacted",
        "may be contacted",
        "is reachable",
    ];
    let line = text
        .trim()
        .trim_start_matches(['—', '–', '-', ' '])
        .to_lowercase();
    if line.chars().count() > MAX_CHARS {
        return false;
    }
    // What follows a name, the name whole: "Dan Marshall" is not "Dan Marsh".
    let after_name = |s: &'_ str, name: &str| -> Option<String> {
        s.strip_prefix(name)
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', ',', '\'', '’', '(', ':']))
            .map(str::to_string)
    };
    // What follows the role that opens `s`, after at most two words
    // naming the paper ("indystar reporter jo roe"); `s` if none does.
    fn after_role(s: &str) -> &str {
        let mut rest = s;
        for _ in 0..3 {
            if let Some(r) = ROLES.iter().find_map(|role| rest.strip_prefix(role)) {
                return r;
            }
            match rest.split_once(' ') {
                Some((_, r)) => rest = r,
                None => break,
            }
        }
        s
    }
    // A detail that ends its sentence, but for a few words ("… at jo@…
    // or 555-0134. Follow her."): a call to readers goes on ("… with
    // your questions about the repairs; we will answer them on Sunday").
    const MAX_WORDS_AFTER: usize = 3;
    let ends_on_detail = DETAIL.find_iter(&line).last().is_some_and(|d| {
        let rest = &line[d.end()..];
        let sentence = rest.split(['.', '!', '?']).next().unwrap_or_default();
        sentence.split_whitespace().count() <= MAX_WORDS_AFTER
    });
    // Read as written: an account's capitals part its words.
    if ends_on_detail && is_details_alone(text.trim(), &DETAIL, names) {
        return true;
    }
    // The reporter called so by a sentence of its own ("Got a tip? Email
    // the reporter at …"; not "… contact the author of the study at …").
    const REPORTER: &[&str] = &["this reporter ", "the reporter ", "this writer "];
    let opens_sentence = |at: usize| {
        let before = line[..at].trim_end();
        before.is_empty() || before.ends_with(['.', '?', '!', ':'])
    };
    if ends_on_detail
        && VERBS.iter().any(|v| {
            REPORTER.iter().any(|r| {
                let call = format!("{v}{r}");
                line.match_indices(&call).any(|(at, _)| opens_sentence(at))
            })
        })
    {
        return true;
    }
    names.iter().any(|name| {
        let rest = after_name(&line, name);
        rest.as_deref()
            .is_some_and(|r| WHO.is_match(r) || POST.is_match(r))
            || ends_on_detail
                && (VERBS.iter().any(|v| {
                    line.strip_prefix(v)
                        .is_some_and(|r| after_name(after_role(r), name).is_some())
                }) || rest.as_deref().is_some_and(|r| {
                    let r = r.trim_start();
                    r.starts_with(':') || REACHED.iter().chain(BEATS).any(|v| r.starts_with(v))
                }))
    })
}

/// Whether `text` is contact details alone, with only their labels
/// between them ("jroe@courier.example or 555-0134; Twitter @JoRoeCourier",
/// "E-Mails an: jo.roe@…", "Email: jroe@… | Twitter: JoRoeCourier"), and
/// an address's or account's name is a
/// reporter's ([`names_reporter`]): a reader's service line ("Tickets:
/// 555-0134", "Contact: hello@greenwoodfarm.example") gives another's.
fn is_details_alone(text: &str, detail: &regex::Regex, names: &[String]) -> bool {
    const LABELS: &[&str] = &[
        "e",
        "mail",
        "mails",
        "email",
        "emails",
        "an",
        "to",
        "at",
        "or",
        "and",
        "ou",
        "o",
        "y",
        "oder",
        "of",
        "en",
        "on",
        "op",
        "auf",
        "sur",
        "su",
        "em",
        "na",
        "twitter",
        "x",
        "instagram",
        "facebook",
        "phone",
        "tel",
        "telefon",
        "teléfono",
        "telefone",
        "contact",
        "kontakt",
        "contacto",
        "follow",
        "mailto",
    ];
    let labels_only = detail
        .replace_all(text, " ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| LABELS.contains(&w.to_lowercase().as_str()));
    labels_only
        && detail.find_iter(text).any(|d| {
            // An address's name is what stands before its `@`; an
            // account's, what follows it or its label.
            let d = d.as_str();
            let name = match (d.split_once(':'), d.split_once('@')) {
                // "twitter.com/joroe".
                _ if d.contains(".com/") => d.rsplit_once('/').map_or(d, |(_, account)| account),
                (Some((_, account)), _) => account.trim().trim_start_matches('@'),
                (None, Some(("", account))) => account,
                (None, Some((user, _))) => user,
                (None, None) => return false,
            };
            names_reporter(name, names)
        })
}

/// Whether `name`, an address's or account's ("judith.lechner",
/// "gwhitfield", "MauroRestrepoET"), is a reporter's of `names` (lower
/// case): split at dots, dashes, underscores and where a capital follows
/// a small letter, one part is a surname, or a surname after at most two
/// initials; the parts before it are the reporter's other names (or
/// begin as one does, "Mauro" for "Mauricio") or initials, and at most
/// one part after it is not a name of theirs (the paper's, "ET"). Any
/// name after the first counts as a surname: many write two ("Mauricio
/// Restrepo Gil"). "CllrJoyKim" is not Min-ji Kim's, nor
/// "GarciaFamilyFarm" Maria Garcia's.
fn names_reporter(name: &str, names: &[String]) -> bool {
    let mut parts: Vec<String> = Vec::new();
    let mut part = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() || c.is_uppercase() && prev_lower {
            parts.extend((!part.is_empty()).then(|| std::mem::take(&mut part)));
        }
        if c.is_alphanumeric() {
            part.push(c);
        }
        prev_lower = c.is_lowercase();
    }
    parts.extend((!part.is_empty()).then_some(part));
    let parts: Vec<String> = parts
        .iter()
        .map(|p| deunicode::deunicode(p).to_ascii_lowercase())
        .collect();
    let ascii = |s: &str| deunicode::deunicode(s).replace(|c: char| !c.is_ascii_alphanumeric(), "");
    names.iter().any(|n| {
        let words: Vec<String> = n.split(' ').map(ascii).filter(|w| !w.is_empty()).collect();
        let is_name = |p: &str| {
            p.len() <= 2
                || words
                    .iter()
                    .any(|w| w == p || w.len() >= 3 && p.len() >= 3 && w.get(..3) == p.get(..3))
        };
        words
            .iter()
            .skip(1)
            .filter(|s| s.len() >= 3)
            .any(|surname| {
                parts.iter().enumerate().any(|(at, p)| {
                    p.strip_suffix(surname.as_str()).is_some_and(|initials| {
                        initials.len() <= 2 || words.iter().any(|w| w == initials)
                    }) && parts[..at].iter().all(|b| is_name(b))
                        && parts[at + 1..]
                            .iter()
                            .filter(|a| !words.contains(a))
                            .count()
                            <= 1
                })
            })
    })
}

/// `html` without soft hyphens (U+00AD, as a character or a reference):
/// they show nothing where a word does not break, but old browsers print
/// every one as a hyphen, and they part a heading's words from the title's
/// ("Mes&shy;sen&shy;ger" is not "Messenger").
fn without_soft_hyphens(html: &str) -> std::borrow::Cow<'_, str> {
    static SOFT_HYPHEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\u{ad}|&shy;|&#0*173;|&#[xX]0*[aA][dD];")
            .expect("valid soft hyphen pattern")
    });
    // Most pages have none: a few fast substring searches tell.
    let has = |needle: &str| html.contains(needle);
    if !(has("\u{ad}") || has("&shy;") || has("173;") || has("&#xad") || has("&#xAD")) {
        return std::borrow::Cow::Borrowed(html);
    }
    SOFT_HYPHEN.replace_all(html, "")
}

/// Whether the Markdown body holds the opening of `paragraph`.
fn holds(markdown: &str, paragraph: &str) -> bool {
    let probe: String = squash(paragraph).chars().take(60).collect();
    squash(&to_markdown::plain_text(markdown)).contains(&probe)
}

/// Whether at least half of the title's words of four letters or more
/// appear in the Markdown body `md`: the body tells the title's story.
fn names_the_title(md: &str, title: &str) -> bool {
    let words = |s| crate::vocabulary::text::words(s).filter(|w| w.chars().count() >= 4);
    let title_words: Vec<String> = words(title).collect();
    if title_words.is_empty() {
        return false;
    }
    let body: std::collections::HashSet<String> = words(md).collect();
    let found = title_words.iter().filter(|w| body.contains(*w)).count();
    found * 2 >= title_words.len()
}

/// Whether most of the paragraphs of `chosen` (plain text) appear in the
/// Markdown body `candidate`, compared without whitespace and markup.
fn contains_most_of(candidate: &str, chosen: &str) -> bool {
    holds_most_of(&squash(&to_markdown::plain_text(candidate)), chosen)
}

/// `s` without whitespace, punctuation and markup: its letters and digits.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether most of the paragraphs of `chosen` (plain text) appear in
/// `haystack`, a text already [`squash`]ed.
fn holds_most_of(haystack: &str, chosen: &str) -> bool {
    let paragraphs: Vec<String> = chosen
        .split("\n\n")
        .map(squash)
        .filter(|p| p.chars().count() >= 20)
        .collect();
    let found = paragraphs
        .iter()
        .filter(|p| haystack.contains(p.as_str()))
        .count();
    !paragraphs.is_empty() && found * 2 >= paragraphs.len()
}

/// The publishing and update dates, from the first source that has one:
/// machine-readable markup, then a date line in the article, then an
/// element marked as a date, then the URL path, then a dateline opening
/// the first paragraph of the body (`markdown`), then a date line just
/// after the headline, then one just above it, then one in the article's
/// footer, then the date printed after the byline's names, then a CJK
/// date anywhere in the page.
fn find_dates(
    meta: &metadata::Metadata,
    lines: &dates::DateLine,
    byline_date: &dates::DateLine,
    markdown: &str,
    base: Option<&Url>,
    html: &str,
    sources: &mut Sources,
) -> (Option<String>, Option<String>) {
    let (mut published, mut source) = (meta.published.clone(), meta.published_source);
    if published.is_none() && lines.published.is_some() {
        (published, source) = (lines.published.clone(), Some("date line in article"));
    }
    let from_url = || {
        meta.canonical_url
            .as_deref()
            .and_then(dates::date_from_url)
            .or_else(|| base.and_then(|b| dates::date_from_url(b.as_str())))
    };
    // The update a marked date element shows after the publishing date
    // ("Posted …, 5:27 am ET | Updated …, 7:41 am ET"), when that element
    // dates the page.
    let mut marked_update = None;
    if published.is_none() {
        // An element that gives only an update ("最后更新: …") does not
        // date the story.
        let marked_line = meta
            .date_texts
            .iter()
            .find_map(|t| match dates::date_line(t) {
                Some(l) if l.published.is_some() => Some(l),
                Some(_) => None,
                None => dates::parse_text_date(t).map(|p| dates::DateLine {
                    published: Some(p),
                    ..Default::default()
                }),
            });
        let marked;
        (marked, marked_update) = marked_line.map_or((None, None), |l| (l.published, l.updated));
        let url_date = from_url();
        (published, source) = match (marked, url_date) {
            // The URL's day outranks a marked element that disagrees with
            // it: the element may belong to another story on the page.
            (Some(m), Some(u)) if m.get(..10) != u.get(..10) => (Some(u), Some("URL path")),
            // The element shows the update the markup dates exactly.
            (Some(m), _) if meta.updated.as_ref().and_then(|u| u.get(..10)) == m.get(..10) => {
                (meta.updated.clone(), meta.updated_source)
            }
            (Some(m), _) => (Some(m), Some("date element in page")),
            (None, Some(u)) => (Some(u), Some("URL path")),
            (None, None) => (None, None),
        };
    }
    // The first paragraph opens with it, or the second after a lead or
    // a byline alone ("Von Claudia Lindner", then "27.1.2022 - Bei der …").
    if published.is_none()
        && let Some(d) = markdown
            .split("\n\n")
            .map(to_markdown::plain_text)
            .filter(|p| !opens_as_byline(p))
            .take(2)
            .find_map(|p| dates::dateline(&p))
    {
        (published, source) = (Some(d), Some("dateline"));
    }
    // A date another label names in the element before ("Release:",
    // then "14.11.2019") is not the article's; `date_line` refuses one
    // labelled so in its own text.
    let near = &meta.near_headline;
    if published.is_none()
        && let Some(d) = near.iter().enumerate().find_map(|(i, t)| {
            let labelled_before = i.checked_sub(1).is_some_and(|p| {
                near[p].trim_end().ends_with(':') && dates::other_date_label(&near[p])
            });
            // A line naming who posted it counts too ("06.11.2023 13:30
            // von Olga").
            let line = (!labelled_before)
                .then(|| dates::date_line(t).or_else(|| dates::posted_line(t).map(|(l, _)| l)))
                .flatten();
            line.and_then(|l| l.published)
        })
    {
        (published, source) = (Some(d), Some("date beside headline"));
    }
    // A date printed alone just above the headline, then a date line in
    // the article's footer, after the story.
    let first_date_line = |texts: &[String]| {
        texts
            .iter()
            .find_map(|t| dates::date_line(t).and_then(|l| l.published))
    };
    for (texts, name) in [
        (&meta.before_headline, "date above headline"),
        (&meta.article_footer, "date in article footer"),
    ] {
        if published.is_none()
            && let Some(d) = first_date_line(texts)
        {
            (published, source) = (Some(d), Some(name));
        }
    }
    if published.is_none() && byline_date.published.is_some() {
        (published, source) = (byline_date.published.clone(), Some("date in byline"));
    }
    if published.is_none() {
        static CJK_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}[:：]\d{2})?")
                .expect("valid CJK date pattern")
        });
        if let Some(m) = CJK_DATE.find(html) {
            (published, source) = (
                dates::parse_text_date(&m.as_str().replace('：', ":")),
                Some("date in page text"),
            );
        }
    }
    // A page that dates only its update is dated by it (the update then
    // says nothing more).
    if published.is_none() && meta.updated.is_some() {
        (published, source) = (meta.updated.clone(), meta.updated_source);
    }
    // Dates read from text (any source but the markup's, which
    // `metadata::read` has placed in the page's zone) were read as UTC
    // unless the text named a zone; on a page whose language implies one
    // zone they are its local time.
    let zone = meta.language.as_deref().and_then(dates::language_zone);
    let from_text = |s: Option<&'static str>| {
        s.is_some() && s != meta.published_source && s != meta.updated_source
    };
    if from_text(source) {
        published = published.map(|d| dates::in_zone(&d, zone));
    }
    // A date more than two days ahead is an event's, not the article's.
    let soon = chrono::Utc::now() + chrono::Duration::days(2);
    let future = |d: &str| chrono::DateTime::parse_from_rfc3339(d).is_ok_and(|d| d > soon);
    if published.as_deref().is_some_and(future) {
        published = None;
    }
    sources.published = source.filter(|_| published.is_some());
    let (mut updated, mut updated_source) = (meta.updated.clone(), meta.updated_source);
    if updated.is_none() && lines.updated.is_some() {
        (updated, updated_source) = (lines.updated.clone(), Some("date line in article"));
    }
    if updated.is_none() && marked_update.is_some() && source == Some("date element in page") {
        (updated, updated_source) = (marked_update, Some("date element in page"));
    }
    if updated.is_none() && byline_date.updated.is_some() {
        (updated, updated_source) = (byline_date.updated.clone(), Some("date in byline"));
    }
    if from_text(updated_source) {
        updated = updated.map(|d| dates::in_zone(&d, zone));
    }
    // An update line that gave only its time ("Updated at 1:23 p.m.") is
    // on the day the article is dated.
    if updated.is_none()
        && let Some(u) = lines
            .update_time
            .as_deref()
            .zip(published.as_deref())
            .and_then(|(time, day)| dates::update_on_day(time, day))
    {
        (updated, updated_source) = (Some(u), Some("update time in article"));
    }
    // An update before the publishing date, or the same, says nothing.
    if updated.as_deref().is_some_and(future)
        || updated
            .as_ref()
            .zip(published.as_ref())
            .is_some_and(|(u, p)| {
                match (
                    chrono::DateTime::parse_from_rfc3339(u),
                    chrono::DateTime::parse_from_rfc3339(p),
                ) {
                    (Ok(u), Ok(p)) => u <= p,
                    _ => u == p,
                }
            })
    {
        (updated, updated_source) = (None, None);
    }
    sources.updated = updated_source;
    (published, updated)
}

/// Dates an undated extraction `ex` of the page `html` (as fetched, its
/// scripts still in it) by the time a WeChat article's script gives for
/// its posting: the page prints its day relative to when it was read
/// ("昨天").
pub fn date_from_script(ex: &mut Extracted, html: &str) {
    if ex.published.is_none()
        && html.contains("rich_media")
        && let Some(d) = wechat_time(html)
    {
        ex.published = Some(d);
        ex.sources.published = Some("WeChat post time");
    }
}

/// The time a WeChat article's script gives for its posting (`var ct =
/// "1581517074"`), as RFC 3339 at China's offset (UTC+8), where the
/// platform's readers see it.
fn wechat_time(html: &str) -> Option<String> {
    static CT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"\bvar ct\s*=\s*"(\d{10})""#).expect("valid WeChat time pattern")
    });
    let seconds: i64 = CT.captures(html)?[1].parse().ok()?;
    let china = chrono::FixedOffset::east_opt(8 * 3600)?;
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| {
        t.with_timezone(&china)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    })
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

    /// A short story followed by a list of the site's other stories, each
    /// a linked headline and a teaser long enough to score as prose:
    /// Readability takes the list with the story, and the list goes.
    #[test]
    fn a_list_of_teasers_after_a_short_story_leaves() {
        let teasers: String = (1..=8)
            .map(|i| format!(r#"<div class="teaser"><h3><a href="/news/other-{i}">Other story {i}</a></h3><p>Teaser {i}: the lighthouse keepers said on Monday, after a long and bitter winter, that the lamp would need replacing before the summer season.</p></div>"#))
            .collect();
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>{}</article>
<section>{teasers}</section></body></html>"#,
            story(2)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("Paragraph 2 of the report"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("Other story"), "{}", e.markdown);
        assert!(!e.markdown.contains("lighthouse"), "{}", e.markdown);
    }

    /// Subheadings named with "header" (`header-anchor-post` on Substack,
    /// `clay-subheader` on New York Magazine) are the story's own; a
    /// heading in a footer box still goes.
    #[test]
    fn subheadings_named_header_stay_in_the_story() {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article class="post"><h1>Pier reopens</h1>
{}<h2 class="header-anchor-post">Repairs before winter</h2>{}<h2 id="section-header-2" class="clay-subheader">Who pays</h2>{}</article>
<div class="footer-links"><h3 class="footer-column-header">About us</h3><p>Courier Media Group, 1 Harbour Row.</p></div></body></html>"#,
            story(3),
            story(3),
            story(3)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("## Repairs before winter"),
            "{}",
            e.markdown
        );
        assert!(e.markdown.contains("## Who pays"), "{}", e.markdown);
        assert!(!e.markdown.contains("About us"), "{}", e.markdown);
    }

    /// Readability drops the first heading like the title; when the
    /// headline's box went as a header, that was a subheading sharing the
    /// title's words. A comments heading that quotes the title still goes.
    #[test]
    fn subheadings_like_the_title_stay() {
        let page = format!(
            r#"<!doctype html><html><head><title>When and how long do hens lay eggs? - Smallholder</title></head><body>
<article class="post"><div class="entry-header"><h1 class="entry-title">When and how long do hens lay eggs?</h1></div>
<div class="entry-content">{}<h2>When do hens lay eggs?</h2>{}<h2>How long do hens lay eggs?</h2>{}</div></article>
<h2>3 thoughts on “When and how long do hens lay eggs?”</h2></body></html>"#,
            story(3),
            story(3),
            story(3)
        );
        let e = extract_html(&page, Some("https://smallholder.example/hens")).unwrap();
        assert_eq!(e.title, "When and how long do hens lay eggs?");
        assert!(
            e.markdown.contains("## When do hens lay eggs?"),
            "{}",
            e.markdown
        );
        assert!(
            e.markdown.contains("## How long do hens lay eggs?"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("thoughts on"), "{}", e.markdown);
        assert!(!e.markdown.contains("When and how long"), "{}", e.markdown);
    }

    /// A table of contents (a plugin's box of links to the story's own
    /// headings, with its title) and a reading time are not the story.
    #[test]
    fn a_table_of_contents_and_reading_time_leave() {
        let page = format!(
            r##"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
<span class="read-time">6 min read</span>{}
<div id="ez-toc-container" class="ez-toc-v2_0_48 counter-hierarchy"><div class="ez-toc-title-container"><p class="ez-toc-title">Table of Contents</p></div>
<nav><ul><li><a href="#repairs">Repairs before winter</a></li><li><a href="#costs">Who pays</a></li></ul></nav></div>
<h2 id="repairs">Repairs before winter</h2>{}<h2 id="costs">Who pays</h2>{}</article></body></html>"##,
            story(2),
            story(2),
            story(2)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(!e.markdown.contains("Table of Contents"), "{}", e.markdown);
        assert!(!e.markdown.contains("min read"), "{}", e.markdown);
        assert!(e.markdown.contains("## Who pays"), "{}", e.markdown);
        assert_eq!(e.markdown.matches("Who pays").count(), 1, "{}", e.markdown);
    }

    /// A short story whose lead sits in a box named like furniture: the
    /// first pass drops the box, the relaxed pass keeps it.
    #[test]
    fn short_story_keeps_its_part_in_a_box_named_like_furniture() {
        let page = r#"<!doctype html><html><head><title>Gates locked on forest tracks</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Gates locked on forest tracks</h1>
<div class="story-extra"><p>For the third time this winter someone has chained shut the gates on the forest tracks above Otterby, and the police now want to hear from anyone who saw it done.</p></div>
<div class="story-text">
<p>Foresters found the chains on Monday morning, when a timber lorry could not reach the clearing where felled spruce has been stacked since the autumn storms.</p>
<p>The tracks are public rights of way, and blocking them is an offence, said a spokesman for the district, who added that the locks had been cut within the hour.</p>
<p>It is the third such case since November; each time the chains were new and the padlocks of a make sold in every hardware shop in the valley.</p>
<p>Walkers who use the tracks at dawn are asked to note any vehicle parked by the gates and to call the station on 0631 555 010 with what they saw.</p>
</div></article></main>
<footer><p>Forest News</p></footer></body></html>"#;
        let e = extract_html(page, Some("https://forest.example/news/gates")).unwrap();
        assert!(e.markdown.contains("For the third time"), "{}", e.markdown);
        assert!(e.markdown.contains("call the station"), "{}", e.markdown);
    }

    /// A section label set above the headline inside the article is a
    /// kicker, not the story's first line; a sentence there is kept.
    #[test]
    fn a_kicker_above_the_headline_leaves_with_it() {
        let page = |above: &str| {
            format!(
                r#"<!doctype html><html><head><title>Pier reopens</title></head><body>
<article><div class="story"><div class="labels"><a href="/climate">Climate crisis</a> <span>Analysis</span></div>
<header><h1>Pier reopens</h1></header>{above}{}</div></article></body></html>"#,
                story(5)
            )
        };
        let e = extract_html(&page(""), Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.starts_with("Paragraph 1 of the report"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("Climate crisis"), "{}", e.markdown);

        // A label box of words alone, which Readability makes a paragraph
        // of its own, in the headline's header.
        let topline = page("").replace(
            r#"<div class="labels"><a href="/climate">Climate crisis</a> <span>Analysis</span></div>
<header>"#,
            r#"<header><div class="topline"><span class="kicker">Harbour</span> <span class="status">Update</span></div>"#,
        );
        let e = extract_html(&topline, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.starts_with("Paragraph 1 of the report"),
            "{}",
            e.markdown
        );

        let lead = page("").replace(
            "<span>Analysis</span>",
            "<span>The pier had been closed since the spring.</span>",
        );
        let e = extract_html(&lead, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("closed since the spring"),
            "{}",
            e.markdown
        );
    }

    /// A story whose box the page closes for an advertisement and a
    /// newsletter box and opens again, with the same class, for its last
    /// paragraphs: the last part is the story's too. A box of the same
    /// class in another `<article>` (the next story) is not.
    #[test]
    fn a_story_continued_in_a_second_box_of_its_kind_is_whole() {
        let page = |between: &str| {
            format!(
                r##"<!doctype html><html><head><title>Pier reopens</title></head><body><main>
<article><h1>Pier reopens</h1><div class="story-wrap"><div class="story-part"><div class="text-size"><a href="#">A-</a> <a href="#">A+</a></div><div class="body-text">{}</div></div>
<div class="mid"><div class="ad">ADVERTISEMENT</div><div class="newsletter"><p>Get the morning newsletter</p><form><input type="email"></form></div></div>
{between}<div class="story-part story-part-cont"><div class="body-text"><p>The last part of the report: the repairs will be paid for from the harbour fund, which the board topped up in the spring.</p><p>Work starts on Monday.</p></div></div></div></article>
</main></body></html>"##,
                story(12)
            )
        };
        let e = extract_html(&page(""), Some("https://courier.example/news/pier")).unwrap();
        for kept in [
            "Paragraph 12 of the report",
            "The last part of the report",
            "Work starts on Monday.",
        ] {
            assert!(e.markdown.contains(kept), "{kept}: {}", e.markdown);
        }
        assert!(!e.markdown.contains("newsletter"), "{}", e.markdown);

        // The same box in the next story on the page stays out, and so
        // does one in a next story set in an `<article>` below one that
        // is not.
        let next_in_article = page("").replace(
            r#"<div class="story-part story-part-cont">"#,
            r#"</div></article><article><h2>Ferry fares rise</h2><div class="story-part story-part-cont">"#,
        );
        let next_below_div = page("")
            .replace("<article><h1>", "<div><h1>")
            .replace("</div></article>", "</div></div>")
            .replace(
                r#"<div class="story-part story-part-cont">"#,
                r#"<article><a href="/news/ferry">Ferry fares rise</a><div class="story-part story-part-cont">"#,
            )
            .replace(
                "Monday.</p></div></div>",
                "Monday.</p></div></div></article>",
            );
        for next in [next_in_article, next_below_div] {
            let e = extract_html(&next, Some("https://courier.example/news/pier")).unwrap();
            assert!(
                e.markdown.contains("Paragraph 12 of the report"),
                "{}",
                e.markdown
            );
            assert!(
                !e.markdown.contains("The last part of the report"),
                "{}",
                e.markdown
            );
        }
    }

    /// A paywalled story's opening sits in a box named for who may read
    /// it, beside the box with the rest: both are the story.
    #[test]
    fn a_subscriber_preview_is_the_story_opening() {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body>
<div class="subscribe"><p>Subscribe today for unlimited access.</p></div>
<article><h1>Pier reopens</h1><div itemprop="articleBody">
<div class="subscriber-preview"><p>The pier reopened on Sunday after two years of repairs, and the first walkers were on it before the ribbon was cut at nine.</p></div>
<div class="subscriber-only">{}</div></div></article></body></html>"#,
            story(5)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.starts_with("The pier reopened on Sunday"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("unlimited access"), "{}", e.markdown);
    }

    /// Sites mark the paywalled part of a story with the class `paywall`
    /// alone: on every paragraph (Condé Nast), or on each part of a
    /// story split by ads (Fortune). That is the story; a box whose name
    /// only contains the word (`paywall-box`), or a short box classed
    /// `paywall`, is a subscription prompt.
    #[test]
    fn a_story_marked_paywall_is_the_story() {
        let paragraphs = story(5).replace("<p>", r#"<p class="paywall">"#);
        let parts = format!(
            r#"<div class="paywall">{}</div><div class="ad"><span>Advertisement</span></div><div class="paywall">{}</div>"#,
            story(2),
            story(5).replace("Paragraph ", "Part ")
        );
        // A prompt of many offers but no prose, however long.
        let offers: String = (1..=12)
            .map(|i| {
                format!(
                    "<li>Offer {i}: all the Courier's stories, its app and its newsletters</li>"
                )
            })
            .collect();
        for (body, last) in [(paragraphs, "Paragraph 5 of"), (parts, "Part 5 of")] {
            let page = format!(
                r#"<!doctype html><html><head><title>Pier reopens</title></head><body>
<article><h1>Pier reopens</h1><section class="row paywall"><h3>Read this story now!</h3><ul>{offers}</ul><form><input name="email"><button>Register for free</button></form></section>
<div class="article-body">{body}</div>
<div class="paywall-box"><p>Subscribe today for unlimited access to every story.</p></div>
<div class="paywall"><p>Read on with Courier Plus: one euro for the first month.</p><a href="/plus">Try it now</a></div></article>
<aside><ul><li><a href="/news/a">A fair comes to town</a></li><li><a href="/news/b">Ferry times change</a></li></ul></aside></body></html>"#
            );
            let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
            assert!(
                e.markdown.contains("Paragraph 1 of") && e.markdown.contains(last),
                "{}",
                e.markdown
            );
            assert!(!e.markdown.contains("unlimited access"), "{}", e.markdown);
            assert!(!e.markdown.contains("Courier Plus"), "{}", e.markdown);
            assert!(!e.markdown.contains("Offer 1:"), "{}", e.markdown);
        }
    }

    /// A link whose text opens with a space keeps the words apart
    /// (`as he<a> spent his time</a>`, CNN): Markdown trims link text.
    #[test]
    fn space_opening_a_link_stays_between_words() {
        let e = story_after(
            r#"<p>Trump came to the stand on Monday, and as he<a href="/live/1"> spent his time</a> attacking the judge, the court listened for over two hours without a break.</p>"#,
        );
        assert!(
            e.text().contains("as he spent his time attacking"),
            "{}",
            e.text()
        );
        assert!(
            e.markdown.contains("as he [spent his time]("),
            "{}",
            e.markdown
        );
    }

    /// E-mail addresses the story gives stay readable: one alone under
    /// the line that introduces it, and one behind a link's words. A
    /// reporter's address alone at the foot goes.
    #[test]
    fn addresses_the_story_gives_stay() {
        let e = story_after(
            r#"<p>The board has set up a mailbox for residents' views:</p><p><a href="mailto:pier@courier.example">pier@courier.example</a></p><p>Letters go to <a href="mailto:letters@courier.example">the editor</a>.</p>"#,
        );
        assert!(
            e.markdown.contains("\n\npier@courier.example\n\n"),
            "{}",
            e.markdown
        );
        assert!(
            e.markdown
                .contains("Letters go to the editor (letters@courier.example)."),
            "{}",
            e.markdown
        );
        let e = story_after(r#"<p>jo@courier.example</p>"#);
        assert!(!e.markdown.contains("jo@courier.example"), "{}", e.markdown);
    }

    /// A dateline in its own box, floated into the first paragraph by
    /// CSS (CNN's "New York (CNN) —"), opens that paragraph.
    #[test]
    fn a_dateline_box_opens_the_first_paragraph() {
        let e = story_after(
            r#"<div class="source"><cite class="source__cite"><span class="source__location">New York</span> <span class="source__text">Courier</span>&nbsp;&mdash;&nbsp;</cite></div>"#,
        );
        assert!(
            e.markdown
                .starts_with("New York Courier — Paragraph 1 of the report"),
            "{}",
            e.markdown
        );
    }

    /// A slideshow above the story: its title once per slide, a pager of
    /// numbers and arrows, and a "HIDE CAPTION" toggle beside the picture
    /// (CNN, 2013) leave no trace in the text or the captions.
    #[test]
    fn a_slideshow_leaves_no_titles_pager_or_toggle() {
        let slides: String = (1..=4)
            .map(|i| format!(r#"<figure class="slide"><img src="/media/storm-{i}.jpg" alt="Waves at the pier, picture {i}"><figcaption>Waves break over the pier on night {i}.</figcaption></figure>"#))
            .collect();
        let titles = r#"<div class="slide-title">Storm over the pier</div>"#.repeat(4);
        let pager: String = ["&lt;&lt;", "&lt;", "1", "2", "3", "4", "&gt;", "&gt;&gt;"]
            .iter()
            .map(|b| format!(r#"<div class="pager"><a href="javascript:void(0)">{b}</a></div>"#))
            .collect();
        let e = story_after(&format!(
            r#"<div class="gallery">{slides}<div class="caption-control">HIDE CAPTION</div>{titles}{pager}</div>"#
        ));
        assert!(
            e.markdown.starts_with("Paragraph 1 of the report"),
            "{}",
            e.markdown
        );
        assert!(
            e.images
                .iter()
                .all(|i| i.caption.as_deref() != Some("HIDE CAPTION")),
            "{:?}",
            e.images
        );
    }

    /// A related-stories label opening a paragraph of links, one to a
    /// line, goes with its links (Prachatai's "เรื่องที่เกี่ยวข้อง"), also
    /// with separators around them ("[Most read] … • … •"), a tag in
    /// capitals after each ("[INSIGHT]") or an inline wrapper around the
    /// paragraph ("<em><strong>Mehr:</strong> <a>…</a></em>").
    #[test]
    fn a_paragraph_of_related_links_goes_with_its_label() {
        let extract = |paragraph: &str| {
            let page = format!(
                r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
{}{paragraph}{}</article></body></html>"#,
                story(2),
                story(2)
            );
            extract_html(&page, Some("https://courier.example/news/pier")).unwrap()
        };
        let links = r#"<a href="/news/1">Ferry timetable changes for the winter</a><br><a href="/news/2">Harbour board elects a new chair</a>"#;
        for paragraph in [
            format!("<p><strong>Related</strong><br>{links}</p>"),
            format!("<p><strong>เรื่องที่เกี่ยวข้อง</strong><br>{links}</p>"),
            r#"<p>[<strong>Most read</strong>] <a href="/news/1">Ferry timetable changes for the winter</a> &bull; <a href="/news/2">Harbour board elects a new chair</a> &bull;</p>"#.to_string(),
            r#"<p><strong>DON'T MISS</strong><br><a href="/news/1">Ferry timetable changes for the winter</a> [INSIGHT]<br><a href="/news/2">Harbour board elects a new chair</a> [ANALYSIS]</p>"#.to_string(),
            r#"<p><em><strong>Mehr:</strong> <a href="/news/1">Ferry timetable changes for the winter – and who elects the harbour board's chair.</a></em></p>"#.to_string(),
            // Any short label in bold before a headline linked alone.
            r#"<p><strong>MIRA:</strong> <a href="/news/1">Ferry timetable changes for the winter</a></p>"#.to_string(),
            // The label's bold may hold its link.
            r#"<p><strong>Read in Courier: <a href="/news/1">&ldquo;Ferry timetable changes for the winter&rdquo;</a></strong></p>"#.to_string(),
            // One label, twice.
            r#"<p><strong>MIRA:</strong> <a href="/news/1">Ferry timetable changes for the winter</a></p><p>The ferry runs twice a day.</p><p><strong>Mira:</strong> <a href="/news/2">Harbour board elects a new chair</a></p>"#.to_string(),
        ] {
            let e = extract(&paragraph);
            assert!(!e.markdown.contains("timetable"), "{}", e.markdown);
            assert!(!e.markdown.contains("elects"), "{}", e.markdown);
            assert_eq!(
                e.markdown.matches("of the report").count(),
                4,
                "{}",
                e.markdown
            );
        }
        // A label before a link to another site (the story's source), or
        // before a link that is no headline, stays.
        for paragraph in [
            r#"<p><strong>Full report:</strong> <a href="https://harbour.example/report">The harbour board's full report for 2019</a></p>"#,
            r#"<p><strong>Timetable:</strong> <a href="/ferry">here</a></p>"#,
            r#"<p><strong>Full report: <a href="https://harbour.example/report">The harbour board's full report for 2019</a></strong></p>"#,
        ] {
            let e = extract(paragraph);
            assert!(
                e.markdown.contains("full report for") || e.markdown.contains("here"),
                "{paragraph}: {}",
                e.markdown
            );
        }
        // Headlines under different labels are a list the story gives (a
        // prize's winners, a timeline).
        let e = extract(
            r#"<p><strong>Feature of the year:</strong> <a href="/news/1">The last shift at the old jute mill</a></p><p><strong>Investigation of the year:</strong> <a href="/news/2">Inside the care homes that failed residents</a></p>"#,
        );
        assert!(e.markdown.contains("jute mill"), "{}", e.markdown);
        assert!(e.markdown.contains("care homes"), "{}", e.markdown);
        // Labels known to call other stories go however many differ.
        for labels in [
            ["Lea más:", "Nota relacionada:"],
            ["Read:", "See:"],
            ["Also:", "Read:"],
        ] {
            let e = extract(&format!(
                r#"<p><strong>{}</strong> <a href="/news/1">The last shift at the old jute mill</a></p><p><strong>{}</strong> <a href="/news/2">Care homes failed residents. Here's why it matters</a></p>"#,
                labels[0], labels[1]
            ));
            assert!(!e.markdown.contains("jute mill"), "{}", e.markdown);
            assert!(!e.markdown.contains("Care homes"), "{}", e.markdown);
        }
        // A pointer's label before a sentence of the story's stays.
        let e = extract(
            r#"<p><strong>Also:</strong> The county's new recycling contract takes effect <a href="/news/1">on Monday, the county said</a>.</p>"#,
        );
        assert!(e.markdown.contains("Also:"), "{}", e.markdown);
        // Words between the links make it a sentence of the story's.
        let e = extract(
            r#"<p><strong>Most read</strong> was <a href="/news/1">the ferry timetable</a>, the editor said.</p>"#,
        );
        assert!(e.markdown.contains("ferry timetable"), "{}", e.markdown);
    }

    /// A small box among the story's paragraphs around a link styled as a
    /// button to a page the site links elsewhere too (its header's
    /// "Become an Insider", "S'abonner", app) is an offer, whatever its
    /// words: it goes whole. A button to a page linked nowhere else (the
    /// story's report, a fundraiser's page), one in a sentence, a
    /// picture's button, a document's, and a box of more than a short
    /// pitch stay.
    #[test]
    fn a_box_around_a_button_goes() {
        let extract = |box_html: &str| {
            let page = format!(
                r#"<!doctype html><html><head><title>Pier reopens</title></head><body><header><a href="https://www.courier.example/insider/">Insider</a> <a href="https://abonnement.courier.example/?utm_source=header">S'abonner</a> <a href="https://apps.example/courier/">App</a> <a href="/report">Report</a> <a href="/decision.pdf">Decision</a> <a href="/pier-history">History</a> <a href="/gallery/pier">Gallery</a></header><article><h1>Pier reopens</h1>
{}{box_html}{}</article></body></html>"#,
                story(2),
                story(2)
            );
            extract_html(&page, Some("https://courier.example/news/pier")).unwrap()
        };
        for offer in [
            r#"<div class="insider-inline"><h5>Courier Insider</h5><p>Independent journalism costs money. If you value stories like this one, become an Insider.</p><a class="btn btn-insider" href="/insider/">Become an Insider</a></div>"#,
            r#"<div class="push-abo"><img src="/logo-premium.svg" alt="Premium"><p class="push-abo__text">Toute l’actualité de la ville, en illimité. <strong>1 € le premier mois</strong>.</p><a class="push-abo__btn" href="https://abonnement.courier.example/">Je m’abonne</a></div>"#,
            r#"<aside><p>Kaikki uutiset sovelluksessa.</p><a role="button" href="https://apps.example/courier">Lataa sovellus</a></aside>"#,
        ] {
            let e = extract(offer);
            for gone in ["Insider", "abonne", "illimité", "sovellus"] {
                assert!(!e.markdown.contains(gone), "{offer}: {}", e.markdown);
            }
            assert_eq!(
                e.markdown.matches("of the report").count(),
                4,
                "{}",
                e.markdown
            );
        }
        for kept in [
            // A button in the story's sentence.
            (
                r#"<div class="note">The board's <a class="btn" href="/report">full report</a> runs to ninety pages.</div>"#,
                "ninety pages",
            ),
            // A document's.
            (
                r#"<div class="factbox"><p>The board's decision in full.</p><a class="btn" href="/decision.pdf">Download</a></div>"#,
                "decision in full",
            ),
            // A box of the story's: its button leads to a page linked
            // nowhere else.
            (
                r#"<div class="text-block"><p>The petition had 84,312 signatures by Tuesday evening.</p><p><a class="btn" href="/petitions/save-the-pier">Sign the petition</a></p></div>"#,
                "84,312 signatures",
            ),
            // More than a pitch.
            (
                &format!(
                    r#"<div class="factbox"><h5>The pier in numbers</h5>{}<a class="btn" href="/pier-history">History</a></div>"#,
                    story(2)
                ),
                "The pier in numbers",
            ),
        ] {
            let e = extract(kept.0);
            assert!(e.markdown.contains(kept.1), "{}: {}", kept.0, e.markdown);
        }
        // A picture's button: the picture and its caption stay.
        let e = extract(
            r#"<div class="photo"><figure><img src="/pier.jpg" alt="The pier"><figcaption>The pier at low tide on Monday.</figcaption></figure><a class="btn" href="/gallery/pier">Enlarge</a></div>"#,
        );
        assert!(
            e.images.iter().any(|i| i.url.ends_with("/pier.jpg")
                && i.caption.as_deref().is_some_and(|c| c.contains("low tide"))),
            "{:?}",
            e.images
        );
    }

    /// An embedded Instagram post keeps its words and attribution, and
    /// loses its call to open the post, in any language.
    #[test]
    fn an_embedded_posts_call_goes() {
        let page = format!(
            r#"<!doctype html><html><head><title>Surf</title></head><body><article><h1>Surf</h1>
{}<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/B1D/"><div><a href="https://www.instagram.com/p/B1D/"><div>Katso tämä julkaisu Instagramissa</div></a><p><a href="https://www.instagram.com/p/B1D/">Big surf at the point today.</a></p><p>A post shared by Ocean Safety (@oceansafety) on <time>Aug 12, 2019</time></p></div></blockquote>{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&page, Some("https://courier.example/news/surf")).unwrap();
        assert!(!e.markdown.contains("Katso"), "{}", e.markdown);
        assert!(
            e.markdown.contains("Big surf at the point"),
            "{}",
            e.markdown
        );
        assert!(e.markdown.contains("A post shared by"), "{}", e.markdown);
    }

    /// An AMP page's pictures (`<amp-img>`, with a `<noscript>` copy or
    /// not) are its images, and their captions go with them.
    #[test]
    fn an_amp_pages_pictures_take_their_captions() {
        let page = format!(
            r#"<!doctype html><html amp><head><title>Ice storm</title></head><body><article><h1>Ice storm</h1>
{}<div class="el__embedded"><div class="media"><amp-img src="https://cdn.courier.example/crew.jpg" width="780" height="438" layout="responsive" alt="A crew at work"><noscript><img src="https://cdn.courier.example/crew.jpg" alt="A crew at work"></noscript></amp-img></div><div class="media__caption">A utility crew works to restore power in Norman on Sunday.</div></div>{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&page, Some("https://courier.example/news/ice")).unwrap();
        assert!(!e.markdown.contains("utility crew"), "{}", e.markdown);
        assert_eq!(e.images.len(), 1, "{:?}", e.images);
        assert_eq!(e.images[0].url, "https://cdn.courier.example/crew.jpg");
        assert!(
            e.images[0]
                .caption
                .as_deref()
                .is_some_and(|c| c.contains("utility crew")),
            "{:?}",
            e.images
        );
    }

    /// An embed set between a link that skips it and the line it skips to
    /// (the BBC's "Skip twitter post by …" … "End of twitter post by …",
    /// in every language it writes): both lines go, and so does the box
    /// asking leave to load the post (it holds the button); the post
    /// stays, as an embedded post does. An in-page link in the story's
    /// text stays.
    #[test]
    fn an_embeds_skip_links_and_consent_box_go() {
        for (skip, consent, end) in [
            (
                "Skip twitter post by Harbour Police",
                "This article contains content provided by Twitter. We ask for your permission before anything is loaded, as they may be using cookies and other technologies.",
                "End of twitter post by Harbour Police",
            ),
            (
                "رد شدن از پست توییتر, 1",
                "این مطلب حاوی محتوایی از توییتر است. پیش از بارگذاری آن، اجازه شما را می‌خواهیم.",
                "پایان پست توییتر, 1",
            ),
        ] {
            let page = format!(
                r##"<!doctype html><html><head><title>Surf</title></head><body><article><h1>Surf</h1>
{}<p>The <a href="#timeline">timeline below</a> shows the closures.</p><div><a href="#tides">Tides</a><p>Read on for the tide tables, set out by day for the whole week ahead.</p><h3 id="tides">Tides</h3><p>High water at the pier is at 6:10 on Monday and later each day through the week.</p></div><div class="bbc-1nmd3q8"><a href="#end-of-twitter-content-1">{skip}</a><div><p>Allow Twitter content?</p><p>{consent}</p><button type="button">Accept and continue</button></div><blockquote class="twitter-tweet"><p>Big surf at the point today, stay off the pier.</p>&mdash; Harbour Police <a href="https://twitter.com/hp/status/1">July 21, 2020</a></blockquote><p id="end-of-twitter-content-1">{end}</p></div>{}<h2 id="timeline">Timeline</h2><p>Monday: the pier closed to walkers after the first storm of the winter season.</p></article></body></html>"##,
                story(2),
                story(2)
            );
            let e = extract_html(&page, Some("https://www.bbc.com/news/surf")).unwrap();
            for gone in [skip, consent, end, "Allow Twitter content?"] {
                assert!(!e.markdown.contains(gone), "{gone}: {}", e.markdown);
            }
            for kept in [
                "Big surf at the point",
                "timeline below",
                "Paragraph 2 of",
                "### Tides",
            ] {
                assert!(e.markdown.contains(kept), "{kept}: {}", e.markdown);
            }
        }
    }

    /// A gallery's own words (its count, its link to the gallery page,
    /// its arrows) go, in any language, while its pictures keep their
    /// captions: a box of two figures or more whose text outside the
    /// captions is a short line (a title, a count, a link, arrows). A
    /// sentence of the story's beside them stays.
    #[test]
    fn a_gallerys_own_words_go() {
        let extract = |gallery: &str| {
            let page = format!(
                r#"<!doctype html><html><head><title>Avalanche</title></head><body><article><h1>Avalanche</h1>
{}{gallery}{}</article></body></html>"#,
                story(2),
                story(2)
            );
            extract_html(&page, Some("https://courier.example/news/avalanche")).unwrap()
        };
        let slides = r#"<figure><img src="/a.jpg" alt="Slope"><figcaption>The slope above the village.</figcaption></figure><figure><img src="/b.jpg" alt="Rescue"><figcaption>Rescuers at work on Wednesday.</figcaption></figure>"#;
        let e = extract(&format!(
            r#"<div class="gallery"><div class="title">Avalanche on the Hochschwab</div><div class="slides">{slides}</div><button>‹</button><button>›</button><span class="count">1 of 2 Photos</span><a href="/gallery/avalanche">Zur Bildergalerie</a></div>"#
        ));
        for gone in ["Bildergalerie", "1 of 2", "‹"] {
            assert!(!e.markdown.contains(gone), "{gone}: {}", e.markdown);
        }
        assert_eq!(e.markdown.matches("of the report").count(), 4);
        for (file, caption) in [("/a.jpg", "slope above"), ("/b.jpg", "Rescuers")] {
            assert!(
                e.images.iter().any(|i| i.url.ends_with(file)
                    && i.caption.as_deref().is_some_and(|c| c.contains(caption))),
                "{:?}",
                e.images
            );
        }
        let e = extract(&format!(
            r#"<div class="story-part">{slides}<p>Rescuers said the slope had been closed since Monday.</p></div>"#
        ));
        assert!(e.markdown.contains("closed since Monday"), "{}", e.markdown);
    }

    /// The site's short name after the reporter's ("Laura Mäkinen HS" on
    /// hs.fi) is known by the page's canonical address when the page was
    /// read at another (a mirror, an AMP copy): the byline line goes.
    #[test]
    fn the_canonical_address_names_the_sites_short_name() {
        let page = |canonical: &str| {
            format!(
                r#"<!doctype html><html><head><title>Sauna saved</title><meta name="author" content="Laura Mäkinen"><link rel="canonical" href="{canonical}"></head><body><article><h1>Sauna saved</h1>
<p>Laura Mäkinen HS</p>{}</article></body></html>"#,
                story(3)
            )
        };
        let e = extract_html(
            &page("https://www.hs.fi/kaupunki/art-2000006226012.html"),
            Some("https://amp.mirror.example/sauna"),
        )
        .unwrap();
        assert_eq!(e.byline.as_deref(), Some("Laura Mäkinen"));
        assert!(!e.markdown.contains("Mäkinen"), "{}", e.markdown);
        // On another site "HS" may be a name's part.
        let e = extract_html(
            &page("https://www.courier.example/news/sauna"),
            Some("https://amp.mirror.example/sauna"),
        )
        .unwrap();
        assert!(e.markdown.contains("Laura Mäkinen HS"), "{}", e.markdown);
    }

    /// A page read at another address than its site's (a mirror, an AMP
    /// copy) knows the site by its canonical address: a labelled headline
    /// linked to the site's host, with or without "www.", goes.
    #[test]
    fn the_canonical_address_names_the_site() {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title><link rel="canonical" href="https://www.courier.example/news/pier"></head><body><article><h1>Pier reopens</h1>
{}<p><strong>MIRA:</strong> <a href="https://courier.example/news/1">Ferry timetable changes for the winter</a></p>{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&page, Some("https://amp.mirror.example/pier")).unwrap();
        assert!(!e.markdown.contains("timetable"), "{}", e.markdown);
        assert_eq!(e.markdown.matches("of the report").count(), 4);
        // Another host is another site.
        let page = page.replace(
            "https://courier.example/news/1",
            "https://gazette.example/news/1",
        );
        let e = extract_html(&page, Some("https://amp.mirror.example/pier")).unwrap();
        assert!(e.markdown.contains("timetable"), "{}", e.markdown);
    }

    /// A related-stories label in a paragraph of its own goes with the
    /// paragraphs after it that are each a link alone to another page of
    /// the site (Yle's "Lue myös:"); a paragraph of the story after them,
    /// and a link alone to another site, stay.
    #[test]
    fn link_paragraphs_after_a_related_label_go_with_it() {
        for label in ["Lue myös:", "Czytaj więcej:", "Leia também"] {
            let page = format!(
                r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
{}<p><strong>{label}</strong></p><p><a href="/news/1">Ferry timetable changes for the winter</a></p><p><a href="/news/2">Harbour board elects a new chair</a></p>{}<p><a href="https://gazette.example/report">The county's full report on the pier</a></p></article></body></html>"#,
                story(2),
                story(2)
            );
            let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
            assert!(
                !e.markdown.contains(label.trim_end_matches(':')),
                "{}",
                e.markdown
            );
            assert!(!e.markdown.contains("timetable"), "{}", e.markdown);
            assert!(!e.markdown.contains("elects"), "{}", e.markdown);
            assert!(
                e.markdown.contains("full report on the pier"),
                "{}",
                e.markdown
            );
            assert_eq!(
                e.markdown.matches("of the report").count(),
                4,
                "{}",
                e.markdown
            );
        }
    }

    /// Another story's headline in capitals, a link alone in its
    /// paragraph between the story's, goes; a subheading in capitals
    /// without a link, a short link in capitals, a sentence that links,
    /// links to a part of the page, to another site or to a document, and
    /// a headline in a script without capitals stay.
    #[test]
    fn a_linked_headline_in_capitals_between_paragraphs_leaves() {
        let page = format!(
            r##"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
{}<p><a href="/politics/lights"><strong>COUNCIL SPLIT OVER PIER LIGHTING COSTS</strong></a></p>{}
<p><strong>WHAT HAPPENS NEXT FOR THE PIER</strong></p>{}<p><a href="/tide">TIDE TABLES</a></p>
<p><a href="/report">THE COUNCIL'S REPORT</a> ran to three hundred pages and set out three options for the piers.</p>
<p><a href="#part-two">PART TWO: THE NIGHT OF THE STORM</a></p><p><a href="https://helpline.example/">THE HARBOUR HELPLINE FOR SAILORS</a></p>
<p><a href="/docs/pier-report.pdf">READ THE FULL ENGINEERS REPORT</a></p><p><a href="/ko/1">해양수산부 장관 부두 연설 전문</a></p>{}</article></body></html>"##,
            story(2),
            story(2),
            story(1),
            story(1)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(!e.markdown.contains("SPLIT OVER"), "{}", e.markdown);
        for kept in [
            "WHAT HAPPENS NEXT",
            "TIDE TABLES",
            "ran to three hundred pages",
            "PART TWO",
            "HARBOUR HELPLINE",
            "ENGINEERS REPORT",
            "해양수산부",
        ] {
            assert!(e.markdown.contains(kept), "{kept}: {}", e.markdown);
        }
        assert_eq!(
            e.markdown.matches("of the report").count(),
            6,
            "{}",
            e.markdown
        );
    }

    /// A site's name in an `<h1>` in the footer (its logo) is no
    /// headline: the page is titled by its `<title>`.
    #[test]
    fn a_logo_in_the_footer_is_no_headline() {
        let page = format!(
            r#"<!doctype html><html><head><title>Briefs - The Courier</title></head><body><main><h2>Briefs</h2>{}</main><footer><h1 class="logo"><a href="/">The Courier</a></h1><p>The Courier is the town's daily newspaper, founded in 1851.</p></footer></body></html>"#,
            story(3)
        );
        let e = extract_html(&page, Some("https://courier.example/news/briefs")).unwrap();
        assert!(e.title.starts_with("Briefs"), "{}", e.title);
    }

    /// A label that is furniture alone on its line ("Replay", "Continue
    /// Reading", a follow prompt) is a title or a lead-in when a sentence
    /// runs around it, and stays; alone in its box it goes.
    #[test]
    fn labels_inside_sentences_stay() {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
{}<p>The band closed the night with <em>Replay</em>, a song about the pier.</p>
<p>Her debut novel, <em>Continue Reading</em>, was set on the pier.</p>
<p><strong>Follow recruiters on LinkedIn.</strong> Many of the harbour firms post their jobs there first.</p>
<p><em>Replay</em></p>{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        for kept in [
            "with *Replay*, a song",
            "novel, *Continue Reading*, was",
            "**Follow recruiters on LinkedIn.** Many",
        ] {
            assert!(e.markdown.contains(kept), "{kept}: {}", e.markdown);
        }
        assert_eq!(e.markdown.matches("Replay").count(), 1, "{}", e.markdown);
    }

    /// A paragraph that is a row of underscores or asterisks (wire copy's
    /// "___" before its notes, a feature's "* * *" between its parts) is
    /// a rule between the story's parts, not text.
    #[test]
    fn separator_paragraphs_become_rules() {
        for separator in ["___", "* * *", "---", "_____"] {
            let page = format!(
                r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
{}<p>{separator}</p>{}<p>Associated Press writer Al Poe contributed to this report.</p></article></body></html>"#,
                story(2),
                story(2)
            );
            let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
            let lines: Vec<&str> = e.markdown.lines().collect();
            assert!(lines.contains(&"* * *"), "{separator}: {}", e.markdown);
            assert!(!e.markdown.contains('\\'), "{separator}: {}", e.markdown);
            assert!(e.markdown.contains("contributed"), "{}", e.markdown);
        }
        // A review's stars stay.
        let page = format!(
            r#"<!doctype html><html><head><title>Pier cafe</title></head><body><article><h1>Pier cafe</h1>
{}<p>****</p>{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(e.markdown.contains(r"\*\*\*\*"), "{}", e.markdown);
    }

    /// A title that ends with its several authors, longer than the
    /// headline itself, and a byline that ends with a job title.
    #[test]
    fn authors_leave_the_title_and_job_titles_the_byline() {
        let page = |meta: &str, byline: &str| {
            format!(
                r#"<html><head><meta property="og:title" content="Pier map takes shape - Mara Lindqvist, Owen Price and Ines Alder">{meta}</head><body><h1>Pier map takes shape</h1><article><p class="byline">{byline}</p>{}</article></body></html>"#,
                story(4)
            )
        };
        let e = extract_html(
            &page(
                r#"<meta name="author" content="Mara Lindqvist, Owen Price and Ines Alder">"#,
                "",
            ),
            None,
        )
        .unwrap();
        assert_eq!(e.title, "Pier map takes shape");
        assert_eq!(e.sources.title, Some("<h1>"));
        let e = extract_html(
            &page("", "By Mara Lindqvist Senior Washington Correspondent"),
            None,
        )
        .unwrap();
        assert_eq!(e.byline.as_deref(), Some("Mara Lindqvist"));
        assert!(!e.markdown.contains("Correspondent"), "{}", e.markdown);
    }

    /// A line that dates the post and names who posted it is metadata:
    /// its date dates the page, a person's name is the byline, a user
    /// name is dropped with the line.
    #[test]
    fn posted_by_lines_date_the_page_and_name_the_author() {
        let page = |line: &str, at_end: bool| {
            let (top, end) = if at_end { ("", line) } else { (line, "") };
            format!(
                "<html><head><title>Pier report</title></head><body><h1>Pier report</h1><article><p>{top}</p>{}<p>{end}</p></article></body></html>",
                story(4)
            )
        };
        let e = extract_html(&page("11.05.2012, 10:22 von Jo Roe", false), None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2012-05-11T10:22:00Z"));
        assert_eq!(e.byline.as_deref(), Some("Jo Roe"));
        assert!(!e.markdown.contains("von Jo Roe"), "{}", e.markdown);
        let e = extract_html(
            &page("Gespeichert von rasos am 24. Juli 2017 - 18:55", true),
            None,
        )
        .unwrap();
        assert_eq!(e.published.as_deref(), Some("2017-07-24T18:55:00Z"));
        assert_eq!(e.byline, None);
        assert!(!e.markdown.contains("rasos"), "{}", e.markdown);
        // A byline and a date set off by a bar, in one line.
        for line in ["By Jo Roe | November 19, 2019", "Von Jo Roe · 19.11.2019"] {
            let e = extract_html(&page(line, false), None).unwrap();
            assert_eq!(
                e.published.as_deref(),
                Some("2019-11-19T00:00:00Z"),
                "{line}"
            );
            assert_eq!(e.byline.as_deref(), Some("Jo Roe"), "{line}");
            assert!(!e.markdown.contains("Jo Roe"), "{}", e.markdown);
        }
        // A place before the date is no author.
        let e = extract_html(&page("Palma de Mallorca | 08/01/2014", false), None).unwrap();
        assert_eq!(e.byline, None);
    }

    /// A heading a blog theme uses for the post's date is a date line
    /// (`<h6 class="entry-date">`, Blogger's `<h2 class="date-header">`);
    /// a dated heading of the story's own stays.
    #[test]
    fn a_heading_named_for_the_date_is_a_date_line() {
        let e = story_after(r#"<h6 class="entry-date">June 8, 2012 6:14 AM</h6>"#);
        assert_eq!(e.published.as_deref(), Some("2012-06-08T06:14:00Z"));
        assert!(e.markdown.starts_with("Paragraph 1"), "{}", e.markdown);
        let e =
            story_after(r#"<h2 class="date-header"><span>Friday, December 23, 2016</span></h2>"#);
        assert_eq!(e.published.as_deref(), Some("2016-12-23T00:00:00Z"));
        assert!(e.markdown.starts_with("Paragraph 1"), "{}", e.markdown);
        let e = story_after(r#"<h3>June 8, 2012</h3>"#);
        assert!(e.markdown.contains("June 8, 2012"), "{}", e.markdown);
    }

    /// Counts beside the byline (views, comments) leave no numbers above
    /// the story; a number in the story's own words stays.
    #[test]
    fn view_and_comment_counts_go() {
        let e = story_after(
            r##"<div class="post-stats"><span class="red views" title="views">1,209</span> <a class="comment_count" href="#comments">5</a></div><p>The board counted <span class="count">1,209</span> letters from residents before it voted on the future of the pier.</p>"##,
        );
        assert!(
            e.markdown.starts_with("The board counted 1,209 letters"),
            "{}",
            e.markdown
        );
    }

    /// A standfirst stands apart from the story, so Readability leaves it
    /// out; it becomes the article's summary, found by its class or as
    /// the page's description printed under the headline. A short marked
    /// label (a kicker) or a byline in a marked box does not stop the
    /// search.
    #[test]
    fn the_standfirst_under_the_headline_is_kept_apart_from_the_body() {
        let dek = "The board agreed to repair the old pier before the winter storms, ending a year of doubt.";
        let page = |header: &str, meta: &str| {
            format!(
                r#"<!doctype html><html><head><title>Pier reopens</title>{meta}</head><body><article><header><h1>Pier reopens</h1>{header}</header>
<div class="story-body">{}</div></article></body></html>"#,
                story(4)
            )
        };
        let url = Some("https://courier.example/news/pier");
        let kicker_and_byline = r#"<span class="teaser-label">Harbour</span><div class="intro">By Jo Roe, harbour reporter, with pictures by Ann Lee</div>"#;
        let marked = extract_html(
            &page(
                &format!(r#"{kicker_and_byline}<p class="article-dek">{dek}</p>"#),
                "",
            ),
            url,
        )
        .unwrap();
        assert_eq!(marked.standfirst.as_deref(), Some(dek));
        assert_eq!(marked.sources.standfirst, Some("marked standfirst"));
        assert!(
            !marked.markdown.contains("ending a year of doubt"),
            "{}",
            marked.markdown
        );
        assert!(marked.markdown.contains("Paragraph 1 of the report"));

        let description = format!(r#"<meta name="description" content="{dek}">"#);
        let printed = extract_html(&page(&format!("<h2>{dek}</h2>"), &description), url).unwrap();
        assert_eq!(printed.standfirst.as_deref(), Some(dek));
        assert_eq!(
            printed.sources.standfirst,
            Some("description under the headline")
        );
        // Unmarked and not the description: a subheading, not a summary.
        let other = extract_html(&page(&format!("<h2>{dek}</h2>"), ""), url).unwrap();
        assert_eq!(other.standfirst, None);
        // A paragraph of whole sentences set right after the headline.
        let next = extract_html(&page(&format!("<p>{dek}</p>"), ""), url).unwrap();
        assert_eq!(next.standfirst.as_deref(), Some(dek));
        assert_eq!(
            next.sources.standfirst,
            Some("paragraph under the headline")
        );
        // Not when that heading is not the story's (a sidebar's motto).
        let sidebar = page(&format!("<p>{dek}</p>"), "")
            .replace("<h1>Pier reopens</h1>", "<h1>Why not now?</h1>");
        assert_eq!(extract_html(&sidebar, url).unwrap().standfirst, None);
        // A box that only looks like one: the picture's caption.
        let caption = format!(r#"<div class="lead-media"><img src="/pier.jpg" alt="">{dek}</div>"#);
        assert_eq!(
            extract_html(&page(&caption, ""), url).unwrap().standfirst,
            None
        );
    }

    /// A summary the body opens with is the body's first paragraph, not
    /// a standfirst shown twice.
    #[test]
    fn a_standfirst_the_body_holds_is_not_repeated() {
        let e = story_after(
            r#"<p class="intro">Paragraph 0 of the report: the harbour board met on Tuesday and agreed that the pier would be repaired.</p>"#,
        );
        assert!(
            e.markdown.contains("Paragraph 0 of the report"),
            "{}",
            e.markdown
        );
        assert_eq!(e.standfirst, None);
    }

    /// A WeChat article prints "昨天" ("yesterday") for its day; the time
    /// it was posted is in its script, which only the page as fetched
    /// still holds. Baijiahao pages give theirs in `<meta
    /// itemprop="dateUpdate">`.
    #[test]
    fn chinese_platform_pages_are_dated_from_their_script_or_meta() {
        let body = "<p>三星今天在旧金山发布了新一代旗舰手机，三款机型均支持5G网络，售价从人民币六千元起，下月起在国内陆续上市销售。</p>".repeat(5);
        let wechat = format!(
            r#"<html><head><title>三星发布新手机</title><script>var appmsg_type = "9"; var ct = "1581517074";</script></head><body><div class="rich_media_content"><h1 class="rich_media_title">三星发布新手机</h1><em id="publish_time">昨天</em>{body}</div></body></html>"#
        );
        let e = crate::ingest::extract_page(wechat.as_bytes(), Some("utf-8"), None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2020-02-12T22:17:54+08:00"));
        assert_eq!(e.sources.published, Some("WeChat post time"));
        // The same script on another kind of page dates nothing.
        let other = wechat.replace("rich_media", "story");
        let e = crate::ingest::extract_page(other.as_bytes(), Some("utf-8"), None).unwrap();
        assert_eq!(e.published, None);

        let baijiahao = format!(
            r#"<html lang="zh-CN"><head><title>三星发布新手机</title><meta itemprop="dateUpdate" content="2019-10-08 12:00:57"></head><body><h1>三星发布新手机</h1>{body}</body></html>"#
        );
        let e = extract_html(&baijiahao, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-10-08T12:00:57+08:00"));
        assert_eq!(e.sources.published, Some("meta dateUpdate"));
    }

    /// Extracts a story of four paragraphs with `before` between its
    /// headline and its first paragraph, and checks the story is whole.
    fn story_after(before: &str) -> Extracted {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
{before}
{}</article></body></html>"#,
            story(4)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("Paragraph 1 of the report")
                && e.markdown.contains("Paragraph 4 of the report"),
            "{}",
            e.markdown
        );
        e
    }

    /// Appeals for readers' money, in a box between the story's paragraphs
    /// (its title, the appeal, a button) and after it, go whole; the
    /// story's own sentence about a relief fund stays.
    #[test]
    fn appeals_for_readers_money_go_with_their_box() {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
{}<div class="ask ask--inline"><p class="ask__hed">Fact:</p><p class="ask__text">The Courier is a nonprofit newsroom, and reader support makes up the biggest share of our budget. That support is what lets us spend months on stories like this one and keep them free for everyone on the coast. If you value what you get from us, please help us keep going.</p><p class="ask__cta"><a href="/give">Give</a></p></div>
{}<p>Officials asked residents to consider donating to the relief fund set up after the storm damaged the pier.</p>
<div class="story-footer-box"><h3>Quality journalism doesn’t come free</h3><p>Perhaps it goes without saying, but producing quality journalism isn’t cheap. At a time when newsroom budgets are falling, please consider making a contribution to keep our reporting free for all.</p><a class="button" href="/give">Yes, I’ll give</a></div>
</article></body></html>"#,
            story(3),
            story(3).replace("Paragraph", "Section")
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        for gone in [
            "Fact:",
            "reader support",
            "Give",
            "Quality journalism",
            "contribution",
            "give",
        ] {
            assert!(!e.markdown.contains(gone), "{gone}: {}", e.markdown);
        }
        assert!(e.markdown.contains("relief fund"), "{}", e.markdown);
        assert_eq!(
            e.markdown.matches("of the report").count(),
            6,
            "{}",
            e.markdown
        );
    }

    /// A date line in a `<section>` of its own (La Nación's "fecha") dates
    /// the page and leaves the body.
    #[test]
    fn a_date_line_in_a_section_leaves_the_body() {
        let e = story_after(r#"<section class="fecha">23 de junio de 2019 &bull; 00:05</section>"#);
        assert!(!e.markdown.contains("junio"), "{}", e.markdown);
        assert_eq!(e.published.as_deref(), Some("2019-06-23T00:05:00Z"));
    }

    /// An image given only in `<noscript>` (a script would build it into
    /// an empty box) is the article's, its caption with it; beside a
    /// loader's placeholder or a lazy image it is one image, not two.
    #[test]
    fn an_image_only_in_noscript_is_the_articles() {
        let e = story_after(
            r#"<figure><div class="js-lazy"></div><noscript><img src="/img/pier.jpg" alt="The pier"></noscript><figcaption>The pier in 1950.</figcaption></figure>"#,
        );
        let urls: Vec<&str> = e.images.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(urls, ["https://courier.example/img/pier.jpg"]);
        assert_eq!(e.images[0].caption.as_deref(), Some("The pier in 1950."));
        assert!(!e.markdown.contains("1950"), "{}", e.markdown);
        let e =
            story_after(r#"<p><noscript><img src="/img/pier.jpg" alt="The pier"></noscript></p>"#);
        assert_eq!(e.images.len(), 1, "{:?}", e.images);
        for copy in [
            r#"<figure><img src="/img/spacer.gif" class="lazyload" alt="The pier"><noscript><img src="/img/pier.jpg" alt="The pier"></noscript></figure>"#,
            r#"<figure><img data-src="/img/pier-640.jpg" alt="The pier"><noscript><img src="/img/pier-1280.jpg" alt="The pier"></noscript></figure>"#,
        ] {
            assert_eq!(story_after(copy).images.len(), 1, "{copy}");
        }
    }

    /// Captions and credits marked only by their class (no `<figure>`)
    /// leave the body and the caption goes with its image, though
    /// Readability drops class names.
    #[test]
    fn class_marked_captions_go_with_their_image() {
        let e = story_after(
            r#"<div class="media-box"><img src="/img/pier.jpg" alt="The pier"><p class="media-caption">Walkers on the rebuilt pier on Sunday morning, the first day it was open again.</p><span class="media-credit">Jo Roe / Harbour Courier</span></div>"#,
        );
        for gone in ["Walkers on the rebuilt pier", "Jo Roe"] {
            assert!(!e.markdown.contains(gone), "kept {gone:?}:\n{}", e.markdown);
        }
        assert_eq!(e.images.len(), 1);
        assert_eq!(e.images[0].url, "https://courier.example/img/pier.jpg");
        assert_eq!(
            e.images[0].caption.as_deref(),
            Some("Walkers on the rebuilt pier on Sunday morning, the first day it was open again.")
        );
    }

    /// A caption box holding only text and inline elements is one that
    /// Readability rewrites as a paragraph: its mark must survive that,
    /// though the picture sits in a link to its gallery.
    #[test]
    fn a_caption_box_of_inline_text_goes_with_its_linked_picture() {
        let e = story_after(
            r#"<div class="article-gallery-box"><a href="/galleries/7895432" class="gallery-link"><img src="/img/detour.jpg" alt=""><span class="gallery-label">See the gallery</span></a><div class="gallery-caption">The detour routes during the works. <span class="image-author">PHOTO: City hall</span></div></div>"#,
        );
        for gone in ["The detour routes", "City hall"] {
            assert!(!e.markdown.contains(gone), "kept {gone:?}:\n{}", e.markdown);
        }
        assert_eq!(e.images.len(), 1);
        assert_eq!(
            e.images[0].caption.as_deref(),
            Some("The detour routes during the works.")
        );
    }

    /// A picture in a link to its gallery, labelled with the gallery's
    /// count in any language ("Виж галерията (14 снимки)"): the label
    /// goes, the picture stays listed. A picture's link with other words
    /// keeps them.
    #[test]
    fn a_gallery_links_count_label_goes() {
        for label in [
            "Виж галерията (14 снимки)",
            "Nuotraukų galerija (18)",
            "Galerie (9 Bilder)",
        ] {
            let e = story_after(&format!(
                r#"<p><a href="/galleries/7895432"><img src="/img/detour.jpg" alt=""><span>{label}</span></a></p>"#
            ));
            assert!(!e.markdown.contains(label), "{label}:\n{}", e.markdown);
            assert_eq!(e.images.len(), 1, "{label}");
        }
        for kept in [
            r#"<a href="/galleries/pier"><img src="/img/report.jpg" alt=""><span>Read the harbour board's report (2019)</span></a>"#,
            r#"<a href="/recipes/bread/step-2"><img src="/img/bowl.jpg" alt=""><span>Mix everything in a big bowl (2 minutes)</span></a>"#,
        ] {
            let e = story_after(&format!("<p>{kept}</p>"));
            assert!(e.markdown.contains("(2"), "{kept}:\n{}", e.markdown);
        }
    }

    /// Pages in other languages name the caption's box in their own
    /// words (German "Bildunterschrift", Spanish "pie de foto").
    #[test]
    fn captions_named_in_other_languages_go_with_their_image() {
        for class in ["artikel-bildunterschrift", "pieFoto", "img__legende"] {
            let e = story_after(&format!(
                r#"<div class="bild"><img src="/img/rad.jpg" alt=""><span class="{class}">Radfahrer auf der Hauptstraße am Montag. Foto: Max Muster</span></div>"#
            ));
            assert!(
                !e.markdown.contains("Radfahrer"),
                "{class}: caption kept:\n{}",
                e.markdown
            );
            assert_eq!(
                e.images[0].caption.as_deref(),
                Some("Radfahrer auf der Hauptstraße am Montag. Foto: Max Muster"),
                "{class}"
            );
        }
    }

    /// A picture's box may hold its caption in a box named for its
    /// "description", after the picture and its credit, its text in one
    /// paragraph (which Readability takes for the box).
    #[test]
    fn a_described_picture_keeps_its_description_as_the_caption() {
        let e = story_after(
            r#"<div class="subbuzz subbuzz-image"><div class="subbuzz__media"><img src="/img/flood.jpg" alt=""><span class="subbuzz__attribution">Jo Roe / AP</span></div><div class="subbuzz__description"><p>Floodwaters cover a street near the pier on May 27.</p></div></div>"#,
        );
        assert!(!e.markdown.contains("Floodwaters"), "{}", e.markdown);
        assert_eq!(
            e.images[0].caption.as_deref(),
            Some("Floodwaters cover a street near the pier on May 27.")
        );
        // The short name too (`img_descr`, `pic-desc`), right after the
        // picture itself; and a description with its credit inside keeps
        // its words (the credit alone is no caption).
        let bus = |class: &str| {
            format!(
                r#"<div class="img_wrapper"><img src="/img/bus.jpg" alt=""><span class="{class}">3月11日，一辆公交车驶过广渠路公交专用道。新京报记者 浦峰 摄</span></div>"#
            )
        };
        for (described, words) in [
            (bus("img_descr"), "公交车"),
            (bus("pic-desc"), "公交车"),
            (
                r#"<div class="art_image"><a href="/gallery"><img src="/img/bridge.jpg" alt=""></a><div class="art_image__desc">Piers of the old bridge by the east bank <span class="art_image__author">Fot. Jo Roe / Courier</span></div><a class="art_image__gallery" href="/gallery">SEE THE PHOTOS (22)</a></div>"#.to_string(),
                "Piers of",
            ),
        ] {
            let e = story_after(&described);
            assert!(!e.markdown.contains(words), "{described}: {}", e.markdown);
            let caption = e.images[0].caption.as_deref();
            assert!(caption.is_some_and(|c| c.contains(words)), "{described}: {caption:?}");
        }
        // A box that describes something else stays.
        let e = story_after(
            r#"<div class="img_wrapper"><img src="/img/bus.jpg" alt=""><span class="descending">The line runs downhill from the depot to the pier every ten minutes.</span></div>"#,
        );
        assert!(e.markdown.contains("downhill"), "{}", e.markdown);
    }

    /// A caption printed twice (once for the enlarged picture), in a
    /// marked box holding one paragraph, with its credit and toggles,
    /// leaves the body: each caption counts once towards the share that
    /// makes a page a photo story.
    #[test]
    fn a_caption_printed_twice_leaves_with_its_toggles() {
        let e = story_after(
            r#"<div class="bucketwrap image"><div class="imagewrap"><img src="/img/bees.jpg" alt="Bees"><div class="enlarge_measure"><div class="enlarge_html"><div class="image_data"><p class="caption">An entomologist nets bumblebees on a slope that burned in the fire last summer, where wildflowers have flourished since.</p></div></div></div></div><div class="credit-caption"><div class="caption-wrap"><div class="caption"><p>An entomologist nets bumblebees on a slope that burned in the fire last summer, where wildflowers have flourished since.</p></div></div><span class="credit">Jo Roe/Courier</span><b class="hide-caption"><b>hide caption</b></b><b class="toggle-caption"><b>toggle caption</b></b></div></div>"#,
        );
        for gone in ["entomologist nets", "Jo Roe/Courier", "toggle caption"] {
            assert!(!e.markdown.contains(gone), "{gone}: {}", e.markdown);
        }
    }

    /// A thumbnail linked to its full size is the full-size picture; a
    /// link to a wiki's page about the file, or to a page, is no picture.
    #[test]
    fn a_thumbnail_linked_to_its_full_size_gives_the_full_size() {
        for (link, want) in [
            (
                "/uploads/pier.jpg?v=2",
                "https://courier.example/uploads/pier.jpg?v=2",
            ),
            (
                "/wiki/File:Pier.jpg",
                "https://courier.example/uploads/pier-300x200.jpg",
            ),
            (
                "/news/pier-gallery",
                "https://courier.example/uploads/pier-300x200.jpg",
            ),
        ] {
            let e = story_after(&format!(
                r#"<figure><a href="{link}"><img src="/uploads/pier-300x200.jpg" alt="The pier"></a><figcaption>The rebuilt pier on Sunday.</figcaption></figure>"#
            ));
            assert_eq!(e.images.len(), 1, "{link}");
            assert_eq!(e.images[0].url, want, "{link}");
            assert_eq!(
                e.images[0].caption.as_deref(),
                Some("The rebuilt pier on Sunday."),
                "{link}"
            );
        }
    }

    /// Blogger sets a picture and its caption in two rows of a table.
    #[test]
    fn a_caption_in_the_row_below_its_picture_goes_with_it() {
        let e = story_after(
            r#"<table class="tr-caption-container"><tbody><tr><td><a href="/img/ledger.jpg"><img src="/img/s320/ledger.jpg"></a></td></tr><tr><td class="tr-caption">The ledger, with entries from 1923 to 1931</td></tr></tbody></table>"#,
        );
        assert!(!e.markdown.contains("The ledger"), "{}", e.markdown);
        assert_eq!(e.images.len(), 1);
        assert_eq!(
            e.images[0].caption.as_deref(),
            Some("The ledger, with entries from 1923 to 1931")
        );
    }

    /// Chinese news sites set a caption as a paragraph of its own under
    /// the picture's paragraph, centred or ending in the photographer's
    /// credit. On a photo blog where every paragraph is centred, the text
    /// under each picture is the story and stays.
    #[test]
    fn a_caption_paragraph_under_its_picture_goes_with_it() {
        let e = story_after(
            r#"<p align="center"><img src="/img/patrol.jpg"></p><p style="text-align: center; color: navy;">6月18日，渔政执法人员在湖北省宜昌市江段开展巡查。新华社记者 李伟 摄</p>"#,
        );
        assert!(!e.markdown.contains("渔政执法人员"), "{}", e.markdown);
        assert_eq!(
            e.images[0].caption.as_deref(),
            Some("6月18日，渔政执法人员在湖北省宜昌市江段开展巡查。新华社记者 李伟 摄")
        );
        let centred = |n: usize| -> String {
            (1..=n)
                .map(|i| format!(r#"<p align="center"><img src="/img/maple-{i}.jpg"></p><p align="center">Maple leaves turned red along the valley trail on day {i} of the walk, and we stopped often.</p>"#))
                .collect()
        };
        let page = format!(
            r#"<!doctype html><html><head><title>Maples</title></head><body><article><h1>Maples</h1>{}</article></body></html>"#,
            centred(6)
        );
        let e = extract_html(&page, Some("https://blog.example/maples")).unwrap();
        assert!(
            e.markdown.contains("on day 3 of the walk"),
            "{}",
            e.markdown
        );
        assert!(e.images.iter().all(|i| i.caption.is_none()));
        // In italics under a picture in a box of its own, where the story
        // is not in italics; a "PHOTO:" label goes.
        for (under, caption) in [
            (
                "<div><img src=\"/img/pier.jpg\"></div><p><em>The old pier at dawn. Photo: Jo Roe</em></p>",
                "The old pier at dawn. Photo: Jo Roe",
            ),
            (
                "<figure><img src=\"/img/pier.jpg\"><figcaption>PHOTO: The old pier at dawn.</figcaption></figure>",
                "The old pier at dawn.",
            ),
            // In small print beside the picture, or a span under it, in
            // a box Readability makes a paragraph.
            (
                "<div class=\"image\"><img src=\"/img/pier.jpg\"><small>The old pier at dawn. (Photo: Jo Roe)</small></div>",
                "The old pier at dawn. (Photo: Jo Roe)",
            ),
            (
                "<p><img src=\"/img/pier.jpg\"><br><span>The old pier at dawn.</span></p>",
                "The old pier at dawn.",
            ),
            // In the row under the picture's in a table of their own.
            (
                "<table class=\"photo\"><tr><td><img src=\"/img/pier.jpg\"></td></tr><tr><td>The old pier at dawn.</td></tr></table>",
                "The old pier at dawn.",
            ),
            // A wire photo's caption under the picture's box, long as
            // they run, ending in the agency's credit or opening with
            // "FILE -".
            (
                "<div class=\"img\"><img src=\"/img/pier.jpg\"></div><p>FILE - In this Nov. 19, 2019, file photo, passengers wait for the first crossing at the old pier at dawn, as the council's transport committee meets across the harbour to discuss the timetable. (AP Photo/Jo Roe, File)</p>",
                "FILE - In this Nov. 19, 2019, file photo, passengers wait for the first crossing at the old pier at dawn, as the council's transport committee meets across the harbour to discuss the timetable. (AP Photo/Jo Roe, File)",
            ),
            (
                "<p><img src=\"/img/pier.jpg\"></p><p>Passengers wait at the old pier at dawn on Tuesday. (Photo by Jo Roe/Getty Images)</p>",
                "Passengers wait at the old pier at dawn on Tuesday. (Photo by Jo Roe/Getty Images)",
            ),
        ] {
            let e = story_after(under);
            assert!(!e.markdown.contains("old pier at dawn"), "{}", e.markdown);
            assert_eq!(e.images[0].caption.as_deref(), Some(caption), "{under}");
        }
    }

    /// A paragraph that opens with a picture and says the rest in bold
    /// is the story's.
    #[test]
    fn a_bold_paragraph_beside_a_picture_stays() {
        let e = story_after(
            r#"<p><img src="/img/pier.jpg"><strong>The board will meet again in March to choose a builder.</strong></p>"#,
        );
        assert!(e.markdown.contains("choose a builder"), "{}", e.markdown);
    }

    /// An author's biography card at the foot of the story, named `bio`,
    /// leaves with its name, portrait and text; a byline box that says it
    /// `hasnt-bio` keeps the byline.
    #[test]
    fn a_bio_card_leaves_the_body() {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
<div class="sig-line hasnt-bio"><span class="author">By Jo Roe</span></div>{}
<div class="bio"><img src="/img/ann.jpg"><h4>Ann Lee</h4><p>Ann Lee covers the harbour and the council for the Courier and has done so since 2009.</p></div></article></body></html>"#,
            story(4)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("Paragraph 4 of the report"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("Ann Lee"), "{}", e.markdown);
        assert!(e.images.is_empty());
        assert_eq!(e.byline.as_deref(), Some("Jo Roe"));
    }

    /// A byline box set as a region its heading labels for screen readers
    /// ("Article information", as the BBC's language services print it),
    /// each item a label and its value ("Author, Jo Roe", "Role, BBC
    /// News"): the author is the first item's value, the heading no
    /// name, and the box leaves the body.
    #[test]
    fn a_labelled_byline_region_names_its_author() {
        for (label, author, role) in [
            ("Article information", "Author, ", "Role, "),
            ("اطلاعات مقاله", "نویسنده, ", "نقش, "),
        ] {
            let page = format!(
                r#"<!doctype html><html><head><title>Pier reopens - BBC News</title><script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Pier reopens","author":{{"@type":"Organization","name":"BBC News"}},"datePublished":"2020-07-22T07:18:41Z"}}</script></head><body><main><h1>Pier reopens</h1><section role="region" aria-labelledby="article-byline"><h2 id="article-byline" class="bbc-1a3w4ok">{label}</h2><ul role="list"><li><span><span class="bbc-1a3w4ok">{author}</span>Jo Roe</span></li><li><span><span class="bbc-1a3w4ok">{role}</span>BBC News</span></li><li><time datetime="2020-07-22">22 July 2020</time></li></ul></section>{}</main></body></html>"#,
                story(4)
            );
            let e = extract_html(&page, Some("https://www.bbc.com/news/pier")).unwrap();
            assert_eq!(e.byline.as_deref(), Some("Jo Roe"), "{label}");
            for gone in [label, author.trim(), role.trim()] {
                assert!(!e.markdown.contains(gone), "{gone}: {}", e.markdown);
            }
            assert!(e.markdown.contains("Paragraph 1 of"), "{}", e.markdown);
        }
    }

    /// A link-preview card (one link around a title, a description and a
    /// site name) becomes a link on its title and plain paragraphs: a
    /// Markdown link cannot span paragraphs.
    #[test]
    fn a_link_card_becomes_a_titled_link() {
        let e = story_after(
            r#"<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://ferries.example/timetable"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Winter timetable</div><div class="kg-bookmark-description">All sailings from the pier until March, with the night ferry.</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">Harbour Ferries</span></div></div></a></figure>"#,
        );
        assert!(
            e.markdown
                .contains("[Winter timetable](https://ferries.example/timetable)\n\nAll sailings from the pier"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("Ferries]("), "{}", e.markdown);
    }

    /// A slideshow whose captions no class names: the short text that
    /// shares a box with an image and nothing else is that image's
    /// caption, toggle and all. Text beside an image that is a heading, a
    /// list step or most of the page stays in the body.
    #[test]
    fn unmarked_slide_captions_go_with_their_image() {
        let e = story_after(
            r#"<div class="gallery">
<div class="slide"><img src="/img/pier-1.jpg" alt="Pier"><div class="slide-text"><p>Walkers on the rebuilt pier on Sunday.</p><span>less</span></div></div>
<div class="slide"><img src="/img/pier-2.jpg" alt="Crane"><div class="slide-text"><p>The crane that lifted the new deck.</p><span>more</span></div></div>
</div>"#,
        );
        for gone in [
            "Walkers on the rebuilt pier",
            "The crane that lifted",
            "less",
            "more",
        ] {
            assert!(!e.markdown.contains(gone), "kept {gone:?}:\n{}", e.markdown);
        }
        let captions: Vec<_> = e.images.iter().map(|i| i.caption.as_deref()).collect();
        assert_eq!(
            captions,
            [
                Some("Walkers on the rebuilt pier on Sunday."),
                Some("The crane that lifted the new deck.")
            ]
        );

        // A feature's heading and a how-to step beside their pictures;
        // a part of a Japanese story under its picture (156 characters
        // say as much as 300 of English: no caption).
        const JA_PART: &str = "雪不足の影響はスキー場の周辺にも広がっています。湯沢町の旅館では、今月予定していた団体客の予約のうち、およそ三割がキャンセルされました。旅館のおかみは、毎年来てくれるお客さんからも問い合わせが相次いでいると話しています。近くの土産物店でも客足が落ち、店主は少しでも早く雪が降ることを祈るばかりだと話していました。";
        let e = story_after(
            r#"<div class="feature"><img src="/img/deck.jpg" alt="Deck"><h3>The new deck</h3><p>Oak boards laid on steel.</p></div>
<ol><li><img src="/img/step.jpg" alt="Step"><p>Loosen the four bolts on the old rail.</p></li></ol>
<div class="content-body"><figure><img src="/img/inn.jpg" alt=""></figure><div class="body-title">地元の宿泊施設にも影響</div><div class="body-text"><p>{JA_PART}</p></div></div>"#
                .replace("{JA_PART}", JA_PART)
                .as_str(),
        );
        for kept in [
            "The new deck",
            "Oak boards laid on steel",
            "Loosen the four bolts",
            "地元の宿泊施設にも影響",
            "近くの土産物店",
        ] {
            assert!(e.markdown.contains(kept), "lost {kept:?}:\n{}", e.markdown);
        }

        // A photo brief: the text beside the picture is the story.
        let page = r#"<html><head><title>First swans</title></head><body><article><h1>First swans</h1>
<div class="brief"><img src="/img/swans.jpg" alt="Swans"><p>The first swans of the winter landed on the harbour on Monday, a week earlier than last year.</p></div>
</article></body></html>"#;
        let e = extract_html(page, Some("https://courier.example/news/swans")).unwrap();
        assert!(e.markdown.contains("The first swans"), "{}", e.markdown);
    }

    /// The lead photo from `<meta>` and its copy in the article at another
    /// size are one image, with the article's alt text; a lead photo whose
    /// figure stands outside the article still gets that figure's caption.
    #[test]
    fn copies_of_one_photo_are_one_image_with_its_caption() {
        let page = |head: &str, before: &str, inside: &str| {
            format!(
                r#"<html><head><title>Pier reopens</title>{head}</head><body><h1>Pier reopens</h1>{before}
<article>{inside}{}</article></body></html>"#,
                story(4)
            )
        };
        let html = page(
            r#"<meta property="og:image" content="https://cdn.courier.example/1200x0/pier-reopens.jpg">"#,
            "",
            r#"<p><img src="https://cdn.courier.example/480x0/pier-reopens.jpg" alt="The rebuilt pier"></p>"#,
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert_eq!(e.images.len(), 1, "{:?}", e.images);
        assert_eq!(
            e.images[0].url,
            "https://cdn.courier.example/1200x0/pier-reopens.jpg"
        );
        assert_eq!(e.images[0].alt, "The rebuilt pier");

        let html = page(
            r#"<meta property="og:image" content="https://cdn.courier.example/1200x0/pier-reopens.jpg">"#,
            r#"<figure class="lead"><img src="https://cdn.courier.example/960x0/pier-reopens.jpg" alt=""><figcaption>Walkers on the rebuilt pier on Sunday.</figcaption></figure>"#,
            "",
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert_eq!(e.images.len(), 1, "{:?}", e.images);
        assert_eq!(
            e.images[0].caption.as_deref(),
            Some("Walkers on the rebuilt pier on Sunday.")
        );
        // Short, common file names say nothing about the photo.
        assert_eq!(clean::image_file_key("https://a.example/x/image.jpg"), None);

        // A CMS's renditions differ by the size in the name; an empty alt
        // leaves the caption a caption, and its parts stay apart.
        let html = page(
            r#"<meta property="og:image" content="https://courier.example/uploads/pier-reopens-1024x683.jpg">"#,
            r#"<figure><img src="https://courier.example/uploads/pier-reopens-1568x1045.jpg" alt=""><figcaption><p>Walkers on the rebuilt pier.</p><p>Sunday, 10 a.m.</p><span class="credit">Photo: Jo Roe</span></figcaption></figure>"#,
            "",
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert_eq!(e.images.len(), 1, "{:?}", e.images);
        assert_eq!(e.images[0].alt, "");
        assert_eq!(
            e.images[0].caption.as_deref(),
            Some("Walkers on the rebuilt pier. Sunday, 10 a.m. Photo: Jo Roe")
        );
    }

    /// Navigation inside the article (a table of contents, a series'
    /// other parts) is marked as such by `<nav>`, whatever its class.
    #[test]
    fn navigation_in_the_article_leaves() {
        let e = story_after(
            r#"<nav><p>In this series: <a href="/series/1">The storm</a>, <a href="/series/2">The repairs</a>, <a href="/series/3">The reopening</a></p></nav>"#,
        );
        assert!(!e.markdown.contains("In this series"), "{}", e.markdown);
    }

    /// A video player's title and control labels, and the consent box
    /// that stands in for an embed, are no part of the text.
    #[test]
    fn video_players_and_consent_boxes_leave() {
        let e = story_after(
            r#"<div class="video-player"><div class="video-title">Crews rebuild the pier</div><span class="vjs-control-text">Play</span> <span class="vjs-control-text">Current Time 0:00</span></div>
<div class="opt-in__content"><p>With your consent an external video is loaded here.</p><button>I agree</button></div>"#,
        );
        for gone in ["Crews rebuild", "Current Time", "external video"] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
    }

    /// A box inviting readers' photos and videos (its prompts, thanks and
    /// error messages) and a video's keyword strip are no part of the text.
    #[test]
    fn upload_prompts_and_video_keywords_leave() {
        let e = story_after(
            r#"<div class="ugc-util-bar"><span class="ui-chunky-btn ugc-util-bar-flyout-add-media-tease-btn">Add Videos or Photos</span><span class="ugc-be-first">Be first to contribute</span><p class="ugc-thanks">Thanks! Check out your photo or video now, and look for it in our online, mobile, and print editions.</p><p class="ugc-error">Uh oh! We're experiencing a few technical issues.</p></div>
<div class="video-transcript-keywords"><span class="video-keywords-display">Video Keywords</span><span class="video-keywords-result">harbour board pier repairs</span></div>"#,
        );
        for gone in [
            "Add Videos",
            "Be first",
            "Check out your photo",
            "technical issues",
            "Video Keywords",
            "pier repairs",
        ] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
    }

    /// A caption that repeats its image's alt text beside it goes with
    /// the image, though Readability has made its box a paragraph; a
    /// paragraph beside an icon stays.
    #[test]
    fn a_caption_repeating_the_alt_text_goes_with_its_image() {
        let e = story_after(
            r#"<div class="img_wrapper"><img src="https://courier.example/hall.jpg" alt="The civic centre (file photo)"><span class="img_descr">The civic centre (file photo)</span></div>
<p><img src="https://courier.example/icon.png" alt="Ferry"><span>The night ferry runs twice an hour.</span></p>"#,
        );
        assert!(!e.markdown.contains("civic centre"), "{}", e.markdown);
        assert!(e.markdown.contains("twice an hour"), "{}", e.markdown);
        assert!(
            e.images
                .iter()
                .any(|i| i.alt == "The civic centre (file photo)")
        );
    }

    /// Share buttons, links to a network's share endpoint, go however
    /// they are set (a list, a row of links in a `<div>`); a sentence
    /// holding such a link keeps its words.
    #[test]
    fn share_links_go() {
        let e = story_after(
            r#"<div class="sm"><ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=https://courier.example/news/pier">Facebook</a></li><li><a href="https://twitter.com/intent/tweet?url=https://courier.example/news/pier">Twitter</a></li><li><a href="mailto:?subject=Pier%20reopens">Email</a></li></ul></div>
<div class="tools"><a href="https://www.linkedin.com/shareArticle?url=x">LinkedIn</a> <a href="https://api.whatsapp.com/send?text=x">WhatsApp</a></div>
<p>Readers passed the notice around, and the council asked them to <a href="https://twitter.com/intent/tweet?text=pier">share it on Twitter</a> before the vote on Friday evening.</p>"#,
        );
        for gone in ["Facebook", "[Twitter]", "Email", "LinkedIn", "WhatsApp"] {
            assert!(!e.markdown.contains(gone), "{gone}: {}", e.markdown);
        }
        assert!(e.markdown.contains("share it on Twitter"), "{}", e.markdown);
    }

    /// A video's box (its player, title, description and slide controls)
    /// leaves whole, however its player is marked up (a `<video>`, an
    /// `<iframe>`, a custom element, a script player's placeholder
    /// `<div>`); a story told in a box named for video stays.
    #[test]
    fn a_video_box_leaves_with_its_title_and_description() {
        let e = story_after(
            r#"<div class="VideoLead"><ps-videoplayer class="VideoPlayer" data-video-title="Crews rebuild the pier"></ps-videoplayer><div class="VideoLead-title">Crews rebuild the pier</div><div class="VideoLead-description">Divers inspected the pilings for six hours.</div></div>
<figure class="video-embed"><iframe src="https://player.example/v/1"></iframe><figcaption>The harbour master explains the repairs.</figcaption></figure>
<section class="inline-video">
          <div class="inline-video__player videoPlayer" data-video-id="mmvo7341">
            <div class="video-player__poster"><img data-src="/v/poster.jpg" alt=""></div>
            <button class="video-player__play-button" aria-label="Play video"></button>
          </div>
          <div class="inline-video__info">
            <span class="inline-video__duration">02:14</span>
            <h3 class="inline-video__title">Harbour official accused of stealing from the pier fund</h3>
            <p class="inline-video__description">A former finance director is accused of using pier money to buy a lake house, boats and a racehorse. A local station reports.</p>
            <span class="inline-video__source">Dec. 3, 2019</span>
          </div>
        </section>
<div class="component video-component inline-video" data-video-id="jw-W2b7"><div class="video-label">Courier Video</div><div class="jwplayer-wrapper"><div id="jwplayer-W2b7" class="jwplayer jw-reset" data-player-id="W2b7"></div></div></div>
<div class="c-video-element" data-video-id="2035"><div class="c-video-element__poster"><img data-src="/v/gulls.jpg" alt=""><button class="c-video-element__play" aria-label="Play"></button><span class="c-video-element__duration">01:42</span></div><div class="c-video-element__meta"><h4>Gulls return to the harbour</h4><p>Thousands of birds nest under the boardwalk again.</p></div></div>
<div class="mb-32" data-area="video_player"><div class="relative" data-component="VideoPlayer"><img data-src="/v/tide.jpg" alt=""><span class="absolute">02:47</span></div><h4 class="font-bold">Video: How the tide moves sand</h4><div class="text-s"><p>An animation shows the currents along the coast.</p></div></div>
<div class="enhancement"><ps-vid-player class="vid-player" data-player="default"><div class="vid-player-media"><video-js class="video-js" controls></video-js></div><div class="vid-player-info"><p class="vid-player-title">Anglers weigh in on the pier plan</p><p class="vid-player-description">Residents describe how the pier has changed their mornings. (Video by Li Wei)</p></div></ps-vid-player></div>
<div class="_1Gp9t" data-testid="video-player"><div class="_1pn8O"><div data-testid="video-loading"><span>Loading</span></div></div><div class="_1aZ6S"><h4>How the new pier lights will work</h4><p>Engineers explain the timing of the lamps.</p></div></div>
<div class="_2ZN_r" data-test-id="video-embed"><div class="_3UJrE" data-svp-id="tv/2020-02-09/pier"><img data-src="/v/pier.jpg" alt=""></div><div class="_3jVpe"><span>Courier TV</span><h3>See: the roof lifts off the pier café</h3><p>A reader filmed the storm at the pier. 0:48</p></div></div>
<div class="_1VJq3 video-component" data-svp-provider="tv" data-svp-id="201455"><div class="_3rPq1"><img data-src="/v/hut.jpg" alt=""><span>02:07</span></div><div class="_1fC9m"><p>WATCH: the hut by the pier</p><p>The Courier visited the huts along the pier. Video: Courier</p></div></div>
<div class="em em_vp" aria-label="Video: Bluffs give way along the shore"><div class="em_vp_w"><img src="/v/bluff.jpg" alt=""><button class="em_vp_pb" aria-label="Play Video"></button><span class="em_vp_du">2:14</span></div><div class="em_vp_mt"><div class="em_vp_tl">Bluffs give way along the shore</div><div class="em_vp_ds">Homeowners watch their back yards disappear as high water eats at the bluffs.</div><div class="em_vp_cr">Jo Roe, Courier</div></div></div>"#,
        );
        for gone in [
            "2:14",
            "Bluffs give way",
            "back yards",
            "01:42",
            "Gulls return",
            "birds nest",
            "02:47",
            "tide moves sand",
            "currents along",
            "Crews rebuild",
            "Divers inspected",
            "harbour master explains",
            "stealing from the pier fund",
            "lake house",
            "Courier Video",
            "Anglers weigh in",
            "Video by Li Wei",
            "pier lights will work",
            "timing of the lamps",
            "Courier TV",
            "roof lifts off",
            "reader filmed",
            "02:07",
            "hut by the pier",
            "huts along",
        ] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
        // A section labelled for games, and a film's box with its
        // trailer's button, keep their story.
        let e = story_after(
            r#"<section aria-label="Videojuegos"><button aria-label="Play audio"></button><p>More than 120,000 people came to the games fair at the harbour.</p></section>
<div class="video-story-intro"><button aria-label="Play trailer"></button><p>The twelve-minute film, shot by pupils, opens the festival.</p></div>
<covid-case-counter><p>Harbour county totals as of May 3: 1,204 confirmed cases.</p></covid-case-counter>
<ps-player-profile><p>Li Wei has scored 14 goals for the harbour club this season.</p></ps-player-profile>"#,
        );
        for kept in [
            "120,000 people",
            "twelve-minute film",
            "1,204 confirmed",
            "14 goals",
        ] {
            assert!(e.markdown.contains(kept), "{kept}: {}", e.markdown);
        }
        let page = format!(
            r#"<html><head><title>Pier report</title></head><body><h1>Pier report</h1><div class="video-story"><video src="https://player.example/v/2.mp4"></video>{}</div></body></html>"#,
            story(3)
        );
        let e = extract_html(&page, None).unwrap();
        assert!(
            e.markdown.contains("Paragraph 3 of the report"),
            "{}",
            e.markdown
        );
    }

    /// A list of pictures only (authors' portraits, a gallery's
    /// thumbnails) leaves no empty bullets behind its images.
    /// A lazy loader's picture is the image, not the placeholder in its
    /// `src` a script would swap.
    #[test]
    fn lazy_pictures_are_listed_not_their_placeholders() {
        for img in [
            r#"<img src="/img/blank.gif" data-src="/img/pier.jpg">"#,
            r#"<img src="/img/lazy.svg" data-srcset="/img/pier.jpg 800w, /img/pier-400.jpg 400w">"#,
        ] {
            let e = story_after(&format!(
                "<figure>{img}<figcaption>The pier.</figcaption></figure>"
            ));
            assert_eq!(
                e.images.first().map(|i| i.url.as_str()),
                Some("https://courier.example/img/pier.jpg"),
                "{img}"
            );
        }
    }

    #[test]
    fn lists_of_pictures_leave_no_empty_bullets() {
        let e = story_after(
            r#"<ul class="people"><li><a href="/jo"><img src="/jo-roe-portrait.jpg" alt=""></a></li><li><img src="/li-wei-portrait.jpg" alt=""></li></ul>
<ul><li>Pier length: 400 metres</li><li></li></ul>"#,
        );
        assert!(
            !e.markdown
                .lines()
                .any(|l| l.trim() == "-" || l.trim() == "*"),
            "{}",
            e.markdown
        );
        assert!(
            e.markdown.contains("Pier length: 400 metres"),
            "{}",
            e.markdown
        );
    }

    /// Code set in `<pre>` alone, its lines broken by `<br>` or by
    /// newlines, stays a code block with its indentation.
    #[test]
    fn preformatted_text_stays_a_code_block() {
        let e = story_after("<pre>if tide &gt; 2:<br>    close(gate)</pre>");
        assert!(
            e.markdown
                .contains("```\nif tide > 2:\n    close(gate)\n```"),
            "{}",
            e.markdown
        );
    }

    #[test]
    fn news_page_keeps_the_story_and_its_metadata() {
        let e = extract_html(FERRY, Some(FERRY_URL)).unwrap();
        assert_eq!(e.title, "Council backs night ferry after long debate");
        assert_eq!(e.byline.as_deref(), Some("Ada Byrne and Tom Ólafsson"));
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
    fn mathml_formulas_are_kept_as_text() {
        let html = format!(
            r#"<html><head><title>Quadratics</title></head><body><article>
            <p>When <math><semantics><mrow><mi>a</mi><mo>≠</mo><mn>0</mn></mrow><annotation encoding="application/x-tex">a \ne 0</annotation></semantics></math>, there are two solutions.</p>
            {}</article></body></html>"#,
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert!(
            e.markdown.contains("When a ≠ 0, there are two"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("ne 0"), "{}", e.markdown);
    }

    #[test]
    fn the_menu_cell_of_a_table_layout_is_dropped() {
        // A page laid out as in 1999: a menu column beside the story,
        // which is text and line breaks in one cell.
        let story = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive.<BR><BR>\n".repeat(5);
        let html = format!(
            r#"<HTML><HEAD><TITLE>Pier to be repaired</TITLE></HEAD><BODY>
            <TABLE WIDTH="100%" BORDER=0><TR>
            <TD WIDTH=150 VALIGN=TOP><FONT SIZE=2>
            <A HREF="/news.htm">News</A><BR>
            <A HREF="/sport.htm">Sport</A><BR>
            <A HREF="/classified.htm">Classified</A><BR>
            </FONT></TD>
            <TD VALIGN=TOP><FONT>
            <H2>Pier to be repaired</H2>
            <I>By Ada Byrne</I><BR><BR>
            {story}
            See <A HREF="/minutes.htm">the minutes</A>, <A HREF="/plan.htm">the plan</A> and <A HREF="/budget.htm">the budget</A>.
            </FONT></TD>
            </TR></TABLE></BODY></HTML>"#
        );
        let e = extract_html(&html, Some("https://gazette.example/pier.htm")).unwrap();
        let md = &e.markdown;
        assert!(!md.contains("Classified"), "menu kept:\n{md}");
        assert!(md.contains("The harbour board met"), "{md}");
        assert!(
            md.contains("[the budget]"),
            "links in the story lost:\n{md}"
        );
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

    /// A table's row headers (`<th>` opening a row below the first) keep
    /// their place, beside a header spanning both columns too: each row
    /// reads as the page shows it, its label beside its value.
    #[test]
    fn row_headers_keep_their_columns() {
        let html = format!(
            r#"<html><head><title>Lake Bresno</title></head><body><article><h1>Lake Bresno</h1>{}
            <table><tr><th colspan="2">Lake Bresno</th></tr><tr><th>Location</th><td>Carpathia</td></tr><tr><th>Max. depth</th><td>38 m</td></tr></table>
            <table><tr><th>Name</th><th>Depth</th></tr><tr><th>Bresno</th><td>38 m</td></tr><tr><th>Kalna</th><td>12 m</td></tr></table>
            </article></body></html>"#,
            story(4)
        );
        let md = extract_html(&html, None).unwrap().markdown;
        let row = |a: &str, b: &str| {
            md.lines().any(|l| {
                let cells: Vec<&str> = l
                    .split('|')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .collect();
                cells == [a, b]
            })
        };
        for (a, b) in [
            ("Location", "Carpathia"),
            ("Max. depth", "38 m"),
            ("Name", "Depth"),
            ("Bresno", "38 m"),
            ("Kalna", "12 m"),
        ] {
            assert!(row(a, b), "no row {a} | {b}:\n{md}");
        }
        assert!(
            md.lines()
                .any(|l| l.starts_with("| Lake Bresno") && l.matches('|').count() == 3),
            "{md}"
        );
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

    const STORM: &str = include_str!("../../../tests/fixtures/pages/storm-ferry.html");

    /// An update line with a time and no day is on the day the markup
    /// dates the story, and a line saying when the story first ran is a
    /// date line too: both leave the text.
    #[test]
    fn an_update_time_alone_dates_the_update_on_the_publishing_day() {
        let page = format!(
            r#"<html><head><meta property="article:published_time" content="2021-01-12T07:30:00-08:00"></head><body><article><h1>Storm knocks out power across the valley</h1><p>Updated at 1:23 p.m.</p>{}<p>This story was originally published January 12, 2021 7:30 AM.</p></article></body></html>"#,
            story(4)
        );
        let e = extract_html(&page, Some("https://valley.example/news/storm")).unwrap();
        assert_eq!(e.published.as_deref(), Some("2021-01-12T07:30:00-08:00"));
        assert_eq!(e.updated.as_deref(), Some("2021-01-12T13:23:00-08:00"));
        assert_eq!(e.sources.updated, Some("update time in article"));
        for gone in ["1:23", "originally published"] {
            assert!(!e.markdown.contains(gone), "kept {gone:?}:\n{}", e.markdown);
        }
        assert!(
            e.markdown.contains("Paragraph 4 of the report"),
            "{}",
            e.markdown
        );
    }

    /// An editor's note giving the update as a sentence, at the story's
    /// foot, dates the update and leaves the text.
    #[test]
    fn an_update_note_at_the_foot_dates_the_update() {
        for note in [
            "Note: This article was last updated on January 13, 2021.",
            "Hinweis: Dieser Artikel wurde zuletzt am 13.01.2021 aktualisiert.",
        ] {
            let page = format!(
                r#"<html><head><meta property="article:published_time" content="2021-01-12T07:30:00-08:00"></head><body><article><h1>Storm knocks out power across the valley</h1>{}<p>{note}</p></article></body></html>"#,
                story(4)
            );
            let e = extract_html(&page, Some("https://valley.example/news/storm")).unwrap();
            assert_eq!(e.updated.as_deref(), Some("2021-01-13T00:00:00Z"), "{note}");
            assert_eq!(e.sources.updated, Some("date line in article"), "{note}");
            assert!(!e.markdown.contains("2021"), "{}", e.markdown);
        }
    }

    /// A date line that names the newsroom after slashes, and one in an
    /// AMP date element, date the page and leave the body.
    #[test]
    fn date_lines_with_their_newsroom_or_in_amp_elements_date_the_page() {
        for (line, published) in [
            (
                "<p class=\"content__meta\"><time>November 19, 2019 / 8:22 AM / CBS News</time></p>",
                "2019-11-19T08:22:00Z",
            ),
            (
                "<amp-timeago datetime=\"2019-11-19T08:22:00+00:00\">Tuesday 19 November 2019 08:22</amp-timeago>",
                "2019-11-19T08:22:00Z",
            ),
        ] {
            let page = format!(
                r#"<html><head><title>Storm knocks out power</title></head><body><article><h1>Storm knocks out power</h1>{line}{}</article></body></html>"#,
                story(4)
            );
            let e = extract_html(&page, Some("https://valley.example/news/storm")).unwrap();
            assert_eq!(e.published.as_deref(), Some(published), "{line}");
            assert!(!e.markdown.contains("2019"), "{}", e.markdown);
        }
    }

    /// Date lines that are the story's stay in it and date nothing: a
    /// time a sentence introduces ("The launch window opens at:"), and a
    /// timeline's times set one above each step.
    #[test]
    fn date_lines_the_story_gives_stay() {
        let byline = r#"<p class="byline">By Marcus Dean | Sept. 22, 2022</p>"#;
        let introduced = format!(
            r#"<html><head><title>Artemis launch set</title></head><body><article><h1>Artemis launch set</h1>{byline}{}<p>The two-hour launch window opens at:</p><p>11:24 a.m. ET Sept. 27, 2022</p>{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&introduced, Some("https://coast.example/space/artemis")).unwrap();
        assert!(
            e.markdown.contains("11:24 a.m. ET Sept. 27, 2022"),
            "{}",
            e.markdown
        );
        assert_eq!(e.published.as_deref(), Some("2022-09-22T00:00:00Z"));
        // A label naming the date the line gives is no sentence.
        let labelled =
            introduced.replace("The two-hour launch window opens at:", "Last updated on:");
        let e = extract_html(&labelled, Some("https://coast.example/space/artemis")).unwrap();
        assert!(!e.markdown.contains("11:24"), "{}", e.markdown);
        // A line that names what it dates is the page's, whatever the
        // sentence before it.
        let stamped = introduced.replace(
            "11:24 a.m. ET Sept. 27, 2022",
            "Updated 9:41 a.m. ET, Sept. 23, 2022",
        );
        let e = extract_html(&stamped, Some("https://coast.example/space/artemis")).unwrap();
        assert!(!e.markdown.contains("9:41"), "{}", e.markdown);
        // So is a word alone ("Date:"): a sentence has a few.
        let labelled = introduced.replace("The two-hour launch window opens at:", "Date:");
        let e = extract_html(&labelled, Some("https://coast.example/space/artemis")).unwrap();
        assert!(!e.markdown.contains("11:24"), "{}", e.markdown);

        let steps: String = [
            (
                "2:47 p.m. MT Aug. 19, 2019",
                "A driver on the interstate calls 911 to report smoke in a field.",
            ),
            (
                "2:58 p.m. MT Aug. 19, 2019",
                "The call reaches county fire dispatch and the first engine is sent.",
            ),
            (
                "3:40 p.m. MT Aug. 19, 2019",
                "Wind gusts push the fire across the frontage road into the subdivision.",
            ),
        ]
        .iter()
        .map(|(time, step)| format!("<p><strong>{time}</strong></p><p>{step}</p>"))
        .collect();
        let timeline = format!(
            r#"<html><head><title>Fire report</title></head><body><article><h1>Fire report</h1><p class="date">Sept. 2, 2019</p>{}<p>Here is what the report found</p>{steps}{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&timeline, Some("https://range.example/news/fire")).unwrap();
        for time in ["2:47 p.m.", "2:58 p.m.", "3:40 p.m."] {
            assert!(e.markdown.contains(time), "{time}: {}", e.markdown);
        }
        assert!(!e.markdown.contains("Sept. 2, 2019"), "{}", e.markdown);
        assert_eq!(e.published.as_deref(), Some("2019-09-02T00:00:00Z"));
        // Dates over links to a series' other parts are no timeline.
        let parts: String = (1..=3)
            .map(|i| format!(r#"<p><strong>Aug. {i}, 2019</strong></p><p><a href="/news/part-{i}">Part {i}: the night the river rose over the levee</a></p>"#))
            .collect();
        let e = extract_html(
            &timeline.replace(&steps, &parts),
            Some("https://range.example/news/fire"),
        )
        .unwrap();
        assert!(!e.markdown.contains("Aug. 2, 2019"), "{}", e.markdown);
        // Stamps that name what they date ("Posted …") are the page's,
        // however many.
        let stamped = timeline.replace("<strong>", "<strong>Posted ");
        let e = extract_html(&stamped, Some("https://range.example/news/fire")).unwrap();
        assert!(!e.markdown.contains("2:58 p.m."), "{}", e.markdown);
    }

    #[test]
    fn wire_story_metadata_is_clean_and_explained() {
        // No page URL: links resolve against the canonical URL.
        let e = extract_html(STORM, None).unwrap();
        assert_eq!(e.title, "Ferry service resumes after three-day storm");
        assert_eq!(e.byline.as_deref(), Some("Mara Lindqvist and Owen Price"));
        assert_eq!(e.published.as_deref(), Some("2019-11-18T08:22:00-05:00"));
        assert_eq!(e.updated.as_deref(), Some("2019-11-20T05:27:00-06:00"));
        assert_eq!(e.excerpt, None, "a date line is no excerpt");
        assert_eq!(
            e.sources,
            Sources {
                title: Some("<h1>"),
                byline: Some("meta author"),
                published: Some("date line in article"),
                updated: Some("date line in article"),
                body: Some("readability"),
                standfirst: None,
            }
        );
        let image = &e.images[0];
        assert_eq!(image.url, "https://courier.example/media/ferry-pier.jpg");
        assert_eq!(image.alt, "Ferry at the east pier");
        assert_eq!(
            image.caption.as_deref(),
            Some("The first crossing leaves the east pier on Monday morning.")
        );
        let md = &e.markdown;
        assert!(
            md.contains("[new timetable](https://courier.example/news/ferry-timetable)"),
            "{md}"
        );
        assert!(
            md.contains(
                "Harbour master [Ines Alder](https://courier.example/people/ines-alder) said"
            ),
            "hover card kept:\n{md}"
        );
        // The address Cloudflare hid is back, as text.
        assert!(
            md.contains("write to tickets@ferry.example or read"),
            "{md}"
        );
        assert!(md.ends_with("as expected."), "tail kept:\n{md}");
        for gone in [
            "Updated",
            "Published",
            "8:22",
            "first crossing leaves",
            "less",
            "deputy",
            "cdn-cgi",
            "protected]",
            "Navigate to",
            "](/",
        ] {
            assert!(!md.contains(gone), "kept {gone:?}:\n{md}");
        }
    }

    /// Text arrives composed whatever form the page wrote it in, so an
    /// accent fits a legacy charset as one character.
    #[test]
    fn text_is_composed() {
        let html = format!(
            "<html><head><title>Cafe\u{301} reopens</title></head><body><article><p>The cafe\u{301} on the quay reopens.</p>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.title, "Café reopens");
        assert!(
            e.markdown.contains("The café on the quay"),
            "{}",
            e.markdown
        );
    }

    /// A page that renders its story by script, with no JSON-LD body,
    /// leaves only buttons in its markup: its description stands in.
    #[test]
    fn a_page_without_its_story_keeps_its_description() {
        let description = "Whatever its size, a round table softens a room; here is how to sew a round tablecloth for it in seven steps, with a drawing pin, a string and a pencil.";
        let html = format!(
            r#"<html><head><title>Sew a round tablecloth</title><meta name="description" content="{description}"></head><body><div id="app"><a href="/signup">Become an expert</a> <a href="/admin/seo">Edit SEO element</a></div><script>window.state = {{"body": "…"}}</script></body></html>"#
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.markdown, description);
        assert_eq!(e.sources.body, Some("description"));
        // A story of its own keeps its place, short or not.
        let html = html.replace(r#"<a href="/signup">Become an expert</a>"#, &story(3));
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.sources.body, Some("readability"));
    }

    #[test]
    fn a_fragment_gives_way_to_the_whole_story() {
        let paragraphs: Vec<String> = (1..=12)
            .map(|i| format!("Paragraph {i} of the report: the harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired."))
            .collect();
        let ld_body = paragraphs.join("\n\n");
        // The page shows the first three paragraphs; the rest is only in
        // JSON-LD, as on sites that render the story with script.
        let html = format!(
            r#"<html><head><title>Pier to be repaired</title>
            <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Pier to be repaired","articleBody":{}}}</script>
            </head><body><article><p>{}</p><p>{}</p><p>{}</p></article></body></html>"#,
            serde_json::to_string(&ld_body).unwrap(),
            paragraphs[0],
            paragraphs[1],
            paragraphs[2]
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.sources.body, Some("json-ld articleBody"));
        assert!(e.markdown.contains("Paragraph 12 of"), "{}", e.markdown);
        // A long JSON-LD body about something else does not replace the page.
        let other = "An unrelated text about the weather in the hills. ".repeat(60);
        let html = html.replace(
            &serde_json::to_string(&ld_body).unwrap(),
            &serde_json::to_string(&other).unwrap(),
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.sources.body, Some("readability"));
        // A JSON-LD body that tells the title's story wins at a smaller
        // margin over a pick of captions and the author's card, as on a
        // page that renders its story by script.
        let told = "The pier will be repaired before winter, the harbour board decided after a long debate about timber and steel. ".repeat(20);
        let card = r#"<p>The old pier at dusk, seen from the harbour wall. Photo: Courier</p><p>Jo Roe</p><p>Jo Roe has written about the harbour, its ferries and its people for the Courier since 2008, and walks the pier most mornings. Before that she covered the courts and the council for two small weeklies up the coast, and she still keeps a notebook of every ferry timetable the town has printed since the war, which readers are welcome to consult on request.</p>"#;
        let scripted = format!(
            r#"<html><head><title>Pier to be repaired</title>
            <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Pier to be repaired","articleBody":{}}}</script>
            </head><body><article>{card}</article></body></html>"#,
            serde_json::to_string(&told).unwrap(),
        );
        let e = extract_html(&scripted, None).unwrap();
        assert_eq!(e.sources.body, Some("json-ld articleBody"));
        // Unless it is so much longer that Readability must have chosen a
        // box beside the story.
        let story = "The full story of the pier, told at last in every detail. ".repeat(200);
        let html = html.replace(
            &serde_json::to_string(&other).unwrap(),
            &serde_json::to_string(&story).unwrap(),
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.sources.body, Some("json-ld articleBody"));
    }

    /// A post built from sections of one kind (a blog platform's text,
    /// picture and quote blocks), each under its own subheading: Readability
    /// takes the longest section's text alone.
    #[test]
    fn a_story_in_sibling_sections_is_read_whole() {
        let para = |s: &str| {
            format!(
                "<p>{s} The orchard gave more apples than ever this autumn, and the cellar shelves filled up again.</p>"
            )
        };
        let section = |heading: &str, body: String| {
            format!(
                r#"<div class="post-section post-section-text">{heading}<div class="post-text">{body}</div></div>"#
            )
        };
        let page = format!(
            r#"<!doctype html><html><head><title>Apple tart</title></head><body>
<article class="post"><h1>Apple tart</h1><div class="post-sections">
{}
<div class="post-section post-section-images"><img src="/tart.jpg" alt="The tart"><p class="post-caption">The tart fresh from the oven.</p></div>
{}
{}
<div class="post-section post-section-quote"><blockquote><p>A good tart starts with thin pastry.</p></blockquote></div>
</div></article>
<div class="related"><h3>More posts</h3><ul><li><a href="/fig-jam">Fig jam with rosemary</a></li><li><a href="/bulbs">Planting spring bulbs</a></li></ul></div>
</body></html>"#,
            section("", para("Opening words.") + &para("Second thought.")),
            section(
                "<h3>Ingredients</h3>",
                "<ul><li>1 sheet of puff pastry</li><li>5 apples</li><li>30 g salted butter</li></ul>".into()
            ),
            section(
                "<h3>Method</h3>",
                para("Heat the oven.") + &para("Slice the apples.") + &para("Bake the tart.") + &para("Pour the honey.")
            ),
        );
        let e = extract_html(&page, Some("https://carnets.example/2019/10/tart.html")).unwrap();
        for kept in [
            "Opening words.",
            "Second thought.",
            "### Ingredients",
            "5 apples",
            "### Method",
            "Pour the honey.",
            "A good tart starts",
        ] {
            assert!(e.markdown.contains(kept), "lost {kept:?}:\n{}", e.markdown);
        }
        assert!(!e.markdown.contains("Fig jam"), "{}", e.markdown);
        assert_eq!(e.sources.body, Some("sibling sections"));
        let tart = e.images.iter().find(|i| i.url.ends_with("/tart.jpg"));
        assert_eq!(
            tart.and_then(|i| i.caption.as_deref()),
            Some("The tart fresh from the oven.")
        );
    }

    /// Boxes of the story's own kind beside it that list other stories'
    /// headlines are not more sections of it.
    #[test]
    fn headline_boxes_of_the_storys_kind_are_not_its_sections() {
        let headlines = |box_title: &str| {
            let items: String = (1..=12)
                .map(|i| format!(r#"<li><a href="/news/{i}">{box_title} headline number {i} about the town</a></li>"#))
                .collect();
            format!(r#"<div class="block block-links"><h3>{box_title}</h3><ul>{items}</ul></div>"#)
        };
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><div class="layout">
<div class="block block-text"><h1>Pier reopens</h1>{}</div>
{}{}</div></body></html>"#,
            story(5),
            headlines("Most read"),
            headlines("Latest")
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("Paragraph 5 of the report"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("headline number"), "{}", e.markdown);
        assert_eq!(e.sources.body, Some("readability"));
    }

    /// A short story in the `<article>` that holds its headline is the
    /// body, though a teaser of another story further down the page
    /// (a list of "more stories", each with a long introduction) holds
    /// more text.
    #[test]
    fn the_story_under_the_headline_beats_a_longer_teaser() {
        let teaser = |i: usize| {
            let text: String = (1..=4)
                .map(|k| format!("<p>Teaser {i}, part {k}: the council spent the whole evening on the bus timetable, and nobody on the benches could agree on what the new winter routes should look like.</p>"))
                .collect();
            format!(
                r#"<li class="item"><article class="entry"><a href="/news/other-{i}"><strong>Other story {i}</strong></a><div class="introduction">{text}</div></article></li>"#
            )
        };
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens | Courier</title></head><body>
<div id="content"><article><header><h1>Pier reopens</h1><p class="date">28 June 2019</p></header>
<div class="text">{}</div></article>
<h2>More stories</h2><ul class="list">{}{}</ul></div></body></html>"#,
            story(3),
            teaser(1),
            teaser(2)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("Paragraph 1 of the report")
                && e.markdown.contains("Paragraph 3 of the report"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("Teaser"), "{}", e.markdown);
        assert_eq!(e.sources.body, Some("article holding the headline"));
    }

    /// A page that runs the next stories below its own as the reader
    /// scrolls, each a whole `<article>` headed by an `<h2>`: the body is
    /// the story whose heading reads like the page's title, though a later
    /// one is longer.
    #[test]
    fn the_story_under_an_h2_headline_beats_the_next_story_on_the_page() {
        let next = story(6).replace("Paragraph ", "Next story, paragraph ");
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><main>
<article id="pier-reopens" class="list__item"><div class="container"><h2>Pier reopens</h2><div class="detail">{}<p><em>The full report is on tonight's harbour programme at nine.</em></p></div></div></article>
<article id="bus-timetable" class="list__item"><div class="container"><h2>Council argues over buses</h2><div class="detail">{next}</div></div></article></main></body></html>"#,
            story(4)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier-reopens")).unwrap();
        assert!(
            e.markdown.contains("Paragraph 4 of the report")
                && e.markdown.contains("harbour programme at nine"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("Next story"), "{}", e.markdown);
        assert_eq!(e.sources.body, Some("article holding the headline"));
    }

    /// A story told in sections of one kind, each marked as a variant
    /// that has ad slots between its paragraphs (`section section--ads`,
    /// BEM style): the variant's name does not make the sections
    /// furniture, and the body keeps every one; a box that is an ad by
    /// its own name still goes.
    #[test]
    fn sections_marked_as_holding_ads_stay_in_the_story() {
        let part = |i: usize| {
            format!(
                r#"<section class="Report__Section Report__Section--Ads" id="part-{i}"><h2>Part {i}</h2>{}</section>"#,
                story(2).replace("Paragraph ", &format!("Part {i}, paragraph "))
            )
        };
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article class="Report"><h1>Pier reopens</h1>
{}{}<div class="ad-slot"><p>Advertisement: buy a boat today.</p></div>{}{}</article></body></html>"#,
            part(1),
            part(2),
            part(3),
            part(4)
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        for i in 1..=4 {
            assert!(
                e.markdown.contains(&format!("Part {i}, paragraph 2")),
                "part {i}: {}",
                e.markdown
            );
        }
        assert!(!e.markdown.contains("buy a boat"), "{}", e.markdown);
    }

    /// A short post under a long list of comments (pingbacks quoting the
    /// post): the comments hold most of the page's paragraphs, but the
    /// body is the post.
    #[test]
    fn a_short_post_beats_its_long_comment_list() {
        let comment = |i: usize| {
            format!(
                r##"<li id="comment-{i}"><cite>Pingback from <a href="https://links.example/{i}">Links of the day</a></cite> | <small>11.09.2011</small><p>[…] Sometimes the everyday surprises you with small pleasures: a basket on a long string came down from a fourth-floor balcony onto the pavement in front of me […] and a note asked for twenty cents.</p></li>"##
            )
        };
        let comments: String = (1..=4).map(comment).collect();
        let page = format!(
            r#"<!doctype html><html><head><title>Twenty cents</title></head><body><div id="content">
<div class="post"><h1>Twenty cents</h1><small>11.09.2011 by jo</small><div class="entry">
<p>Sometimes the everyday surprises you with small pleasures: a basket on a long string came down from a fourth-floor balcony onto the pavement in front of me.</p>
<p>Twenty cents well spent, even if the drawing was no masterpiece!</p></div></div>
<h3 id="comments">4 comments</h3><ol class="commentlist">{comments}</ol></div></body></html>"#
        );
        let e = extract_html(&page, Some("https://jo.example/2011/09/twenty-cents")).unwrap();
        assert!(e.markdown.contains("no masterpiece"), "{}", e.markdown);
        assert!(!e.markdown.contains("Pingback"), "{}", e.markdown);
    }

    /// Boxes named in the site's language for related stories, topics,
    /// share buttons and ads go like their English namesakes; so does a
    /// box for readers' reactions.
    #[test]
    fn furniture_named_in_other_languages_goes() {
        let e = story_after(
            r#"<section class="notas-relacionadas"><h4>Más notas de la ciudad</h4><ul><li><a href="/sociedad/los-afiladores-nid2201544">Los últimos afiladores</a></li></ul></section>
<section class="temas"><span>Temas</span><ul><li><a href="/tema/oficios">Oficios</a></li></ul></section>
<div class="compartir"><span>Compartí esta nota</span></div>
<div class="anzeige"><span>Werbeplatz der Stadtwerke</span></div>
<section class="article__reactions"><h3>Contributions</h3><p>Bienvenue dans l’espace des contributions.</p></section>"#,
        );
        for gone in [
            "Contributions",
            "Bienvenue",
            "Más notas",
            "afiladores",
            "Temas",
            "Oficios",
            "Compartí",
            "Werbeplatz",
        ] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
    }

    /// A tool button's label alone in a list item goes ("印刷"); a guide's
    /// heading reading the same stays.
    #[test]
    fn tool_labels_go_but_headings_stay() {
        let e = story_after(
            r#"<ul class="tools"><li><a href="javascript:void(0)">印刷</a></li><li><span>文字サイズ</span></li></ul>
<h2>印刷</h2><p>スマートフォンの画面は、設定から簡単に印刷できる。</p>"#,
        );
        assert!(e.markdown.contains("## 印刷"), "{}", e.markdown);
        assert_eq!(e.markdown.matches("印刷").count(), 2, "{}", e.markdown);
        assert!(!e.markdown.contains("文字サイズ"), "{}", e.markdown);
    }

    /// A related box whose title sits in a wrapper named for a header
    /// (`<div class="modHeader"><h3>More on this</h3></div>`) goes whole
    /// between the story's paragraphs, its links with its title.
    #[test]
    fn a_related_box_titled_in_a_header_wrapper_goes() {
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
<div class="story">{}<div class="infobox"><div class="modHeader"><h3 class="headline">More on this</h3></div><div class="modParagraph"><ul class="list"><li><a href="/news/pier-history-101.html">The pier through the years, 02.06.2020</a></li><li><a href="/news/ferry-105.html">Ferry timetable changes, 14.01.2020</a></li></ul></div></div>{}</div></article></body></html>"#,
            story(3),
            story(3).replace("Paragraph ", "Part ")
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(e.markdown.contains("Part 3 of"), "{}", e.markdown);
        for gone in ["More on this", "through the years", "Ferry timetable"] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
        // The title set as a paragraph so named.
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
<div class="story">{}<div class="interesting"><p class="interestingHeader"><strong>See also:</strong></p><ul><li><a href="/news/pier-history-101.html">The pier through the years</a></li><li><a href="/news/ferry-105.html">Ferry timetable changes</a></li></ul></div>{}</div></article></body></html>"#,
            story(3),
            story(3).replace("Paragraph ", "Part ")
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(e.markdown.contains("Part 3 of"), "{}", e.markdown);
        for gone in ["See also", "through the years", "Ferry timetable"] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
        // A story's own part classed `reactions` stays.
        let e = story_after(
            r#"<div class="reactions"><h2>Reactions</h2><p>“This is a great day for the town and for everyone who walks on the pier,” said the mayor, who cut the ribbon.</p></div>"#,
        );
        assert!(
            e.markdown.contains("a great day for the town"),
            "{}",
            e.markdown
        );
    }

    /// A numeric date line is read in the order the page's language
    /// writes dates: day first on a French page, month first on an
    /// American one; the language named in `<html lang>`, else in the
    /// page's `<meta>` tags.
    #[test]
    fn numeric_date_lines_follow_the_pages_language() {
        for (lang, want) in [
            (r#"<html lang="fr"><head>"#, "2019-06-05T10:00:00Z"),
            (r#"<html lang="en-US"><head>"#, "2019-05-06T10:00:00Z"),
            (
                r#"<html><head><meta property="og:locale" content="fr_FR">"#,
                "2019-06-05T10:00:00Z",
            ),
            (
                r#"<html><head><meta http-equiv="content-language" content="es">"#,
                "2019-06-05T10:00:00Z",
            ),
            (
                r#"<html><head><meta property="og:locale" content="en_US">"#,
                "2019-05-06T10:00:00Z",
            ),
        ] {
            let page = format!(
                r#"<!doctype html>{lang}<title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
<p class="date">Publié le 05/06/2019 à 10:00</p>{}</article></body></html>"#,
                story(4)
            );
            let e = extract_html(&page, None).unwrap();
            assert_eq!(e.published.as_deref(), Some(want), "{lang}");
        }
    }

    /// A date set in emphasis inside a sentence is the sentence's, not a
    /// date line: it stays, and does not date the page.
    #[test]
    fn an_emphasised_date_in_a_sentence_stays() {
        let e = story_after(
            r#"<p>La loi du <em>18/09/19</em> prévoit que les communes financent la digue, et le conseil a voté la dépense mardi soir.</p>
<p>The harbour team won the replay <b>3/4/21</b> from two sets down, and the crowd stayed on the pier until well after dark.</p>"#,
        );
        assert!(
            e.markdown.contains("La loi du *18/09/19* prévoit"),
            "{}",
            e.markdown
        );
        assert!(
            e.markdown.contains("replay **3/4/21** from"),
            "{}",
            e.markdown
        );
        assert_eq!(e.published, None, "{:?}", e.sources);
    }

    /// A link to the page's comments that gives their count goes, beside
    /// a byline or alone between paragraphs; a sentence's link to them
    /// stays.
    #[test]
    fn comment_counts_go() {
        let e = story_after(
            r##"<p><a href="#story-community">47 Postings</a></p>
<p>Reported by the harbour desk <a href="#comments">23</a></p>
<ul class="tools"><li><a href="#commentsContainer">412</a></li></ul>
<p>Readers argued about the ferry in <a href="#comments">the comments under last week's story</a>, and the council took note of what they said.</p>
<p>See <a href="#Community">5 Community</a> and <a href="#Local_communities">5.1 Local communities</a> below for the harbour's clubs, which meet in the old pier hall on Fridays.</p>"##,
        );
        assert!(e.markdown.contains("[5 Community]"), "{}", e.markdown);
        assert!(
            e.markdown.contains("[5.1 Local communities]"),
            "{}",
            e.markdown
        );
        assert!(!e.markdown.contains("47 Postings"), "{}", e.markdown);
        assert!(!e.markdown.contains("desk [23]"), "{}", e.markdown);
        assert!(!e.markdown.contains("412"), "{}", e.markdown);
        assert!(!e.markdown.contains("\n- \n"), "{}", e.markdown);
        assert!(e.markdown.contains("harbour desk"), "{}", e.markdown);
        assert!(
            e.markdown.contains("the comments under last week"),
            "{}",
            e.markdown
        );
    }

    /// Sites styled with utility classes name their boxes in data
    /// attributes: a newsletter box so named goes like one classed so.
    #[test]
    fn furniture_named_in_data_attributes_goes() {
        let e = story_after(
            r#"<section class="mb-32 p-24 border-4" data-area="newsletter_box"><h3 class="font-bold text-xl">The harbour week</h3><p class="text-s">Every Friday: the best of our harbour reporting, picked by the editors.</p></section>
<div class="flex mt-8" data-component="ShareBar"><span>Post to your feed</span></div>
<figure data-component="HeroBanner"><img src="/pier-at-dawn.jpg" alt=""><figcaption>The pier at dawn.</figcaption></figure>"#,
        );
        assert!(
            e.images.iter().any(|i| i.url.ends_with("pier-at-dawn.jpg")),
            "{:?}",
            e.images
        );
        for gone in ["harbour week", "Every Friday", "Post to your feed"] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
    }

    /// A box whose variant name says it is a newsletter's (`element
    /// element--newsletter`) goes with its title, though a variant
    /// otherwise names a look (`section section--ads` holds the story).
    #[test]
    fn a_newsletter_variant_box_goes_with_its_title() {
        let e = story_after(
            r#"<div class="element element--newsletter" data-newsletter="need-to-know"><h4 class="element__title">Need to Know</h4><p class="element__description">Get the best of the Courier's harbour coverage before the first ferry.</p><form><input type="email"><button>Sign Up</button></form></div>"#,
        );
        for gone in ["Need to Know", "first ferry"] {
            assert!(!e.markdown.contains(gone), "{gone} kept:\n{}", e.markdown);
        }
        // A newsletter's edition sets its sections so: they hold prose.
        let e = story_after(
            r#"<section class="nl-section nl-section--newsletter"><h3>Energy prices</h3><p>European gas prices fell 8 percent on Monday as storage sites filled ahead of the winter and demand from industry stayed weak across the region.</p><p>Traders said the fall could reverse quickly if the weather turns cold early, as forecasters expect it to do in the north by the end of the month.</p></section>"#,
        );
        assert!(e.markdown.contains("Energy prices"), "{}", e.markdown);
        assert!(e.markdown.contains("gas prices fell"), "{}", e.markdown);
    }

    /// A story followed by its readers' comments set as paragraphs in a
    /// section named for them (not a list, no box per comment), which run
    /// longer than the story: the section goes, the story stays whole.
    #[test]
    fn a_comment_section_longer_than_the_story_goes() {
        let story: String = (1..=5)
            .map(|i| format!("<p>Paragraph {i} of the story: the harbour council discussed the night ferry again, and residents of the east pier asked about the noise of the engines after dark.</p>"))
            .collect();
        let comments: String = (1..=24)
            .map(|i| format!(r#"<h4>Reader {i}</h4><p>Comment {i}: I have lived by the pier for forty years and I think this ferry is a terrible idea, because nobody asked us and the council never listens to anyone who lives here.</p>"#))
            .collect();
        for (tag, name) in [
            ("section", r#"id="comments""#),
            ("div", r#"class="comments-area""#),
            ("div", r#"id="kommentare""#),
        ] {
            let page = format!(
                r#"<!doctype html><html><head><title>Council backs ferry plan</title></head><body><main>
<article><h1>Council backs ferry plan</h1><div itemprop="articleBody">{story}</div></article>
<{tag} {name}><h2>24 comments</h2>{comments}</{tag}></main></body></html>"#
            );
            let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
            assert!(
                e.markdown.contains("Paragraph 1 of") && e.markdown.contains("Paragraph 5 of"),
                "{name}: {}",
                e.markdown
            );
            assert!(!e.markdown.contains("Comment 1:"), "{name}: {}", e.markdown);
        }
        // A story's own box so named, with no story before it, stays.
        let page = format!(
            r#"<!doctype html><html><head><title>Council backs ferry plan</title></head><body><main>
<h1>Council backs ferry plan</h1><div id="comments">{story}</div></main></body></html>"#
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(e.markdown.contains("Paragraph 5 of"), "{}", e.markdown);
    }

    /// A layout box named for what stands beside the story
    /// (`content-sidebar-wrap`) around the page's main part, whose text
    /// is set in `<div>`s rather than paragraphs: the box is not a
    /// sidebar, and the story stays.
    #[test]
    fn a_wrapper_named_for_its_sidebar_keeps_the_main_part() {
        let lines: String = (1..=8)
            .map(|i| format!(r#"<div style="text-align: justify;">Line {i} of the seminar notes: the course begins with a slide talk on the old shrines, then moves on to practice in the garden and the woods.</div>"#))
            .collect();
        let page = format!(
            r#"<!doctype html><html><head><title>Shrines and gardens</title></head><body>
<div class="content-sidebar-wrap"><div id="primary"><div id="content" role="main"><article class="post"><h1>Shrines and gardens</h1>
<div class="entry-content">{lines}</div></article></div></div>
<div id="secondary" class="widget-area"><ul><li><a href="/a">Archive</a></li><li><a href="/b">Contact</a></li></ul></div></div></body></html>"#
        );
        let e = extract_html(&page, Some("https://seminar.example/shrines")).unwrap();
        assert!(
            e.markdown.contains("Line 1 of the seminar notes")
                && e.markdown.contains("Line 8 of the seminar notes"),
            "{}",
            e.markdown
        );
        assert_eq!(e.sources.body, Some("readability"));
    }

    /// Text in an element of a utility class that hides it (`hidden`,
    /// `d-none`, `hide`: a theme's copy of the metadata, a slider's hidden
    /// slides, a lightbox's icon) is not shown, so it is not read; `hidden
    /// md:block` and `d-none d-md-block` show on wide screens and are. A
    /// heading left with no text (it held a picture) goes.
    #[test]
    fn text_of_hiding_classes_is_not_read() {
        let e = story_after(
            r#"<p class="hidden">Cornelius Karow https://courier.example/logo.png 2022-11-25 08:52:49</p>
<div class="hidden md:block"><p>A paragraph shown on wide screens: the harbour master said the crane would be back on the quay within the week.</p></div>
<div class="d-none d-md-block"><p>Another paragraph for wide screens: the divers found the old piles sound below the waterline.</p></div>
<h3 class="has-media"><img src="/pier.jpg" alt="The pier"><span class="magnifier lightBox hide"><span class="icon">S</span></span></h3>
<div class="d-none">Kein Suchergebnis gefunden!</div>"#,
        );
        for hidden in ["Cornelius", "Suchergebnis", "S\n"] {
            assert!(!e.markdown.contains(hidden), "{hidden}: {}", e.markdown);
        }
        assert!(
            e.markdown.contains("shown on wide screens"),
            "{}",
            e.markdown
        );
        assert!(e.markdown.contains("the divers found"), "{}", e.markdown);
        assert!(
            !e.markdown.lines().any(|l| l.trim_end() == "###"),
            "{}",
            e.markdown
        );
    }

    /// A box that opens on hover (`author-dropdown`: the author's links
    /// and biography under the byline) is not the story.
    #[test]
    fn a_dropdown_box_is_not_the_story() {
        let e = story_after(
            r#"<div class="author-dropdown"><div class="authorlinks"><a href="/author/jo-roe/">View Author Page</a></div><div class="description"><p>Jo Roe currently works for the Courier as a writer. She studied writing and art and moved to the coast after four years in the city, where she covered the council.</p></div></div>"#,
        );
        assert!(!e.markdown.contains("currently works"), "{}", e.markdown);
    }

    /// A styled space between two words ("misguided<em> </em>policy", as
    /// editors leave them) still parts them.
    #[test]
    fn a_styled_space_still_parts_words() {
        let e = story_after(
            "<p>The minister called it “misguided<em> </em>policy advocacy” and a<b> </b>bad<strong>\n</strong>idea, twice.</p>",
        );
        assert!(
            e.markdown
                .contains("“misguided policy advocacy” and a bad idea, twice."),
            "{}",
            e.markdown
        );
    }

    /// A card for another story set between the story's paragraphs (a
    /// picture, a "More on this" label, then one link around a tag line,
    /// the other story's headline and its teaser) goes whole: its headline
    /// is not a subheading of this story.
    #[test]
    fn a_related_story_card_inside_the_story_goes_whole() {
        let card = r#"<article class="ArticleRelated"><div class="image-container"><div class="image"><img src="/media/frost.jpeg" alt="Frost"></div><div class="caption">&copy; Jo Frost</div></div>
<div class="ArticleRelated_scope">Mehr zum Thema</div>
<a href="/news/other-ruling-172472" class="ArticleRelated_link"><div class="Tagline">Reasons for the ruling</div><h4 class="ArticleRelated_headline">Why tagged posts are not always adverts</h4><p class="ArticleRelated_copy">It is now clear that the court takes the same view that influencers and the regulators have long held: not every post is an advert.</p></a></article>"#;
        let page = format!(
            r#"<!doctype html><html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>
<div class="ArticleCopy">{}{card}{}</div></article></body></html>"#,
            story(2),
            story(4).replace("Paragraph ", "Section ")
        );
        let e = extract_html(&page, Some("https://courier.example/news/pier")).unwrap();
        assert!(
            e.markdown.contains("Paragraph 2 of the report")
                && e.markdown.contains("Section 4 of the report"),
            "{}",
            e.markdown
        );
        for leaked in [
            "Why tagged posts",
            "It is now clear",
            "Mehr zum Thema",
            "Reasons for",
        ] {
            assert!(!e.markdown.contains(leaked), "{leaked}: {}", e.markdown);
        }
    }

    /// Posts of a live blog are articles with linked headings too, but
    /// they are the story: all of them stay.
    #[test]
    fn a_live_blogs_linked_posts_stay() {
        let posts: String = (1..=5)
            .map(|i| format!(r##"<article class="post"><h3><a href="/live/pier#post-{i}">Update {i} from the harbour</a></h3><p>Update {i}: the divers are back on the quay and the crane has lifted another section of the old pier onto the barge.</p></article>"##))
            .collect();
        let page = format!(
            r#"<!doctype html><html><head><title>Pier works: live</title></head><body><main><h1>Pier works: live</h1><div class="live">{posts}</div></main></body></html>"#
        );
        let e = extract_html(&page, Some("https://courier.example/live/pier")).unwrap();
        for i in 1..=5 {
            assert!(
                e.markdown.contains(&format!("Update {i}: the divers")),
                "{i}: {}",
                e.markdown
            );
        }
    }

    #[test]
    fn a_first_paragraph_outside_the_story_block_is_kept() {
        let lead = "Tras una semana de presión sobre la prensa, el presidente de la Asamblea pidió a los periodistas que se fueran del país, en una sesión que duró hasta la madrugada.";
        let rest: String = (1..=6)
            .map(|i| format!("<p>Párrafo {i} de la crónica: la sesión plenaria empezó tarde, los diputados discutieron durante horas y al final se aprobó la reforma sin cambios.</p>"))
            .collect();
        let html = format!(
            r#"<html><head><title>La Asamblea y la prensa</title><meta name="description" content="{lead}"></head>
            <body><div class="top"><h1>La Asamblea y la prensa</h1></div>
            <div class="row"><div class="col"><div class="lead-box"><p dir="ltr">{lead}</p></div></div></div>
            <div class="row"><figure><img src="https://e.org/a.jpg" alt="Sesión"></figure></div>
            <div class="row"><div class="col"><div class="story-body">{rest}</div></div></div>
            <footer><p>Contacto</p></footer></body></html>"#
        );
        let e = extract_html(&html, None).unwrap();
        assert!(e.markdown.starts_with("Tras una semana"), "{}", e.markdown);
        assert_eq!(e.markdown.matches("Tras una semana").count(), 1);
        assert!(e.markdown.contains("Párrafo 6"), "{}", e.markdown);
    }

    #[test]
    fn undated_pages_are_dated_from_the_url_or_cjk_text() {
        let body = story(4);
        let html = format!(
            "<html><head><title>Pier report</title></head><body><article>{body}</article></body></html>"
        );
        let e = extract_html(
            &html,
            Some("https://courier.example/world/2019/nov/19/pier"),
        )
        .unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-11-19T00:00:00Z"));
        assert_eq!(e.sources.published, Some("URL path"));
        let html = format!(
            "<html><head><title>港口夜间渡轮获批-新华网</title><meta property=og:site_name content=新华网></head><body><div class=info><span>2018年6月19日 10:20</span><span>来源：新华网</span></div><article>{body}</article></body></html>"
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.title, "港口夜间渡轮获批");
        assert_eq!(e.published.as_deref(), Some("2018-06-19T10:20:00Z"));
    }

    /// A time written without its zone on a Japanese, Korean or Chinese
    /// page is local time there; one the markup writes in UTC stays.
    #[test]
    fn zone_less_times_are_the_page_languages_local_time() {
        let page = |lang: &str, head: &str, info: &str| {
            format!(
                r#"<html lang="{lang}"><head><title>Pier report</title>{head}</head><body><h1>Pier report</h1><div class=info><span>{info}</span></div><article>{}</article></body></html>"#,
                story(4)
            )
        };
        let published = |html: String| extract_html(&html, None).unwrap().published;
        let ld = |date: &str| {
            format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Pier report","datePublished":"{date}"}}</script>"#
            )
        };
        assert_eq!(
            published(page("ja", &ld("2019-06-19T10:30"), "")).as_deref(),
            Some("2019-06-19T10:30:00+09:00")
        );
        assert_eq!(
            published(page("ja", &ld("2019-06-19T01:30:00Z"), "")).as_deref(),
            Some("2019-06-19T01:30:00Z")
        );
        assert_eq!(
            published(page("zh-CN", "", "2021-06-19 10:30:12")).as_deref(),
            Some("2021-06-19T10:30:12+08:00")
        );
        assert_eq!(
            published(page("en", "", "2021-06-19 10:30:12")).as_deref(),
            Some("2021-06-19T10:30:12Z")
        );
    }

    /// A date line whose times are `<time datetime>` elements gives their
    /// instants: the text is local time ("7:41am" in Sydney), the
    /// attribute says which instant that was.
    #[test]
    fn a_date_lines_machine_times_give_its_instants() {
        let page = |line: &str| {
            format!(
                r#"<html lang="en-AU"><head><title>Pier report</title></head><body><h1>Pier report</h1><article><div class=stamps>{line}</div>{}</article></body></html>"#,
                story(4)
            )
        };
        let both = page(
            r#"<div><span>Posted </span><time datetime="2023-11-20T18:27:00.000Z">Tue 21 Nov 2023 at 5:27am</time></div><div><span>Updated </span><time datetime="2023-11-20T20:41:00.000Z">Tue 21 Nov 2023 at 7:41am</time></div>"#,
        );
        let e = extract_html(&both, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2023-11-20T18:27:00Z"));
        assert_eq!(e.updated.as_deref(), Some("2023-11-20T20:41:00Z"));
        assert!(!e.markdown.contains("7:41am"), "{}", e.markdown);
        // Parts set side by side in spans do not run together.
        let spans = page(
            r#"<time datetime="2023-11-20T11:27:21Z"><span>November 20, 2023</span><span>11:27 AM GMT</span><span>Updated 2 hours ago</span></time>"#,
        );
        let e = extract_html(&spans, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2023-11-20T11:27:21Z"));
        assert!(!e.markdown.contains("hours ago"), "{}", e.markdown);
        // Without a zone, the attribute says no more than the text.
        let zoneless = both.replace(":00.000Z", ":00");
        let e = extract_html(&zoneless, None).unwrap();
        assert_eq!(e.updated.as_deref(), Some("2023-11-21T07:41:00Z"));
    }

    /// A timestamp printed as text dates the page; one in a box marked as
    /// the update (a blog theme's hidden `<span class="updated">`) does
    /// not, although it stands first.
    #[test]
    fn a_timestamp_beside_the_headline_dates_the_page_unless_marked_as_the_update() {
        let page = |meta: &str| {
            format!(
                "<html><head><title>Pier report</title></head><body><h1>Pier report</h1><div class=meta>{meta}</div><article>{}</article></body></html>",
                story(4)
            )
        };
        let e = extract_html(&page("<span>2019-11-20T09:01:00+02:00</span>"), None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-11-20T09:01:00+02:00"));
        let e = extract_html(
            &page(r#"<span class="author"><a href="/author/jo">Jo Roe</a></span><span class="updated rich-snippet-hidden">2019-01-07T17:27:31+02:00</span><span>June 19th, 2018</span><span class=sep>|</span><a href="/harbour">Harbour news</a>"#),
            None,
        )
        .unwrap();
        assert_eq!(e.published.as_deref(), Some("2018-06-19T00:00:00Z"));
        // Alone, the update's box dates the page.
        let e = extract_html(
            &page(r#"By <span class="author vcard"><a href="/user/jo">Jo Roe</a></span> <span class=paper>The Courier</span><br>on Dec. 27, 2014, updated <span class="updated">December 27, 2014 at 12:10 PM</span>"#),
            None,
        )
        .unwrap();
        assert_eq!(
            e.published.as_deref(),
            Some("2014-12-27T12:10:00Z"),
            "{:?}",
            e.sources
        );
        // A widget's data in a box marked as dates is no printed date.
        let e = extract_html(
            &page(r#"<div class="review-dates"><script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z"}</script></div>"#),
            None,
        )
        .unwrap();
        assert_eq!(e.published, None, "{:?}", e.sources);
    }

    #[test]
    fn undated_pages_are_dated_from_a_date_beside_the_headline() {
        let html = format!(
            "<html><head><title>Pier report</title></head><body><h1>Pier report</h1><div class=info><span>Harbour desk</span><span>Erstellt am: 24.01.2022 11:38</span></div><article>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2022-01-24T11:38:00Z"));
        assert_eq!(e.sources.published, Some("date beside headline"));
        // With the category after it, or the name of who posted it.
        for line in [
            "24.01.2022 11:38<br>Kategorie: <a href=/news>News</a>",
            "24.01.2022 11:38 von Olga",
        ] {
            let html = html.replace("Erstellt am: 24.01.2022 11:38", line);
            let e = extract_html(&html, None).unwrap();
            assert_eq!(
                e.published.as_deref(),
                Some("2022-01-24T11:38:00Z"),
                "{line}"
            );
        }
        // A date in a sentence beside the headline is the story's, not the
        // page's, and so is a date another label names.
        for other in [
            "The pier opened on 24.01.2022.",
            "Reopening: 24.01.2022",
            "Reopening:</span><span>24.01.2022",
            // A fact box's row.
            "</span></div><table><tr><th>Founded</th><td>24.01.2022</td></tr></table><div><span>",
        ] {
            let html = html.replace("Erstellt am: 24.01.2022 11:38", other);
            assert_eq!(
                extract_html(&html, None).unwrap().published,
                None,
                "{other}"
            );
        }
    }

    /// Soft hyphens go: old browsers print each as a hyphen, and a headline
    /// hyphenated with them is still the title (not repeated in the body).
    #[test]
    fn soft_hyphens_go() {
        let html = format!(
            "<html><head><title>Messenger services are no lawless space</title></head><body><article><h1>Mes&shy;sen&shy;ger ser&#173;vices are no law\u{ad}less space</h1><p>The har&shy;bour board met on Tues&#xAD;day.</p>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.title, "Messenger services are no lawless space");
        assert!(!e.markdown.contains("Messenger"), "{}", e.markdown);
        assert!(
            e.markdown.contains("The harbour board met on Tuesday."),
            "{}",
            e.markdown
        );
    }

    /// A page whose first `<h1>` is the site's name (its logo, or a heading
    /// for screen readers) has the story's headline in a later `<h1>` that
    /// reads like the title: the date beside that one dates the page.
    #[test]
    fn the_date_beside_the_headline_not_beside_the_sites_name() {
        let nav: String = (1..=30)
            .map(|i| format!(r#"<li><a href="/section-{i}">Section {i}</a></li>"#))
            .collect();
        let html = format!(
            r#"<html><head><title>Pier report - Press releases</title></head><body><h1 class="aural">Federal Harbour Office (FHO)</h1><ul class="nav">{nav}</ul>
<div class="header"><h1>Pier report</h1><ul class="info"><li><span>Datum:</span>26. Januar 2022</li><li><span>Ausgabejahr:</span>2022</li></ul></div><article>{}</article></body></html>"#,
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2022-01-26T00:00:00Z"));
        assert_eq!(e.sources.published, Some("date beside headline"));
    }

    /// A box a "related" heading opens goes whole, whatever holds its
    /// links (a definition list of headlines and teasers here); a story
    /// container that happens to open with such a heading stays.
    #[test]
    fn a_box_titled_related_goes_whole() {
        let page = format!(
            "<html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>{}<div class=recommended><h2>Recommended for you</h2><div class=list><dl><dt><a href=/one>Ferry fares rise</a></dt><dd>Tickets cost more from May.</dd></dl><dl><dt><a href=/two>Harbour wall mended</a></dt><dd>Work ended on Friday.</dd></dl></div></div></article></body></html>",
            story(4)
        );
        let e = extract_html(&page, None).unwrap();
        assert!(e.markdown.contains("Paragraph 4"), "{}", e.markdown);
        assert!(!e.markdown.contains("Tickets cost more"), "{}", e.markdown);
        assert!(!e.markdown.contains("Ferry fares rise"), "{}", e.markdown);
        // One teaser under the heading is a box too.
        let one = format!(
            "<html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>{}<div class=tag><div class=ttl>延伸 · 推荐</div><div class=cnt><p><a href=/one>Ferry fares rise</a></p><p>Tickets for the night ferry will cost more from May, the operator said on Friday after a long meeting with the council.</p></div></div></article></body></html>",
            story(4)
        );
        let e = extract_html(&one, None).unwrap();
        assert!(e.markdown.contains("Paragraph 4"), "{}", e.markdown);
        assert!(
            !e.markdown.contains("Tickets for the night"),
            "{}",
            e.markdown
        );
        let opening = format!(
            "<html><head><title>Pier reopens</title></head><body><h1>Pier reopens</h1><div class=content><h2>Related</h2><p><a href=/one>Ferry fares rise</a> and <a href=/two>Harbour wall mended</a></p>{}</div></body></html>",
            story(4)
        );
        let e = extract_html(&opening, None).unwrap();
        assert!(e.markdown.contains("Paragraph 4"), "{}", e.markdown);
    }

    /// Chinese news layouts: no `<h1>` (the headline is an `<h3>` that
    /// repeats the `<title>`), the story set inside a list item of the
    /// page's columns, a date line that names the source, and a marked
    /// box that gives only the last update.
    #[test]
    fn chinese_layouts_are_dated_from_the_line_beside_the_headline() {
        let html = format!(
            "<html lang=zh-CN><head><title>港口重新开放：渡轮恢复夜间航班</title></head><body><ul class=columns><li class=main><h3>港口重新开放：渡轮恢复夜间航班</h3><div class=share><a href=/share>分享</a></div><p>2019-08-13 14:07<span>来源：澎湃新闻·澎湃号·政务</span> </p><div class=time><span>最后更新: 2019-08-14 09:30:00</span></div><div class=content>{}</div></li><li class=side><a href=/other>其他新闻</a></li></ul></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-08-13T14:07:00+08:00"));
        assert_eq!(e.sources.published, Some("date beside headline"));
        // A heading that is not the page's headline dates nothing.
        let other = html.replace(
            "<h3>港口重新开放：渡轮恢复夜间航班</h3>",
            "<h3>今日要闻</h3>",
        );
        assert_eq!(extract_html(&other, None).unwrap().published, None);
    }

    /// The label of the source, the author or the view count beside a
    /// date leaves the whole line out of the story.
    #[test]
    fn chinese_date_lines_with_their_fields_leave_the_story() {
        let e =
            story_after("<p>来源：本站原创 作者：编辑部 时间：2019年10月31日 23:00 浏览： 33</p>");
        assert!(e.markdown.starts_with("Paragraph 1"), "{}", e.markdown);
        assert_eq!(e.published.as_deref(), Some("2019-10-31T23:00:00Z"));
    }

    /// A date line in the footer of the article that holds the headline
    /// (beyond the elements read as beside the headline) dates the page;
    /// one in a comment's footer does not.
    #[test]
    fn undated_pages_are_dated_from_the_article_footer() {
        let html = format!(
            "<html><head><title>Pier report</title></head><body><article><header><h1>Pier report</h1></header>{}<footer><div class=cat>发布日期：2019-09-23 14:34:05&nbsp;&nbsp;所属分类：<a href=/news>头条</a></div></footer></article></body></html>",
            story(45)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-09-23T14:34:05Z"));
        assert_eq!(e.sources.published, Some("date in article footer"));
        // The footer's own text, with no element around the line.
        let bare = html
            .replace("<div class=cat>", "")
            .replace("</a></div>", "</a>");
        let e = extract_html(&bare, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-09-23T14:34:05Z"));
        let comment = format!(
            "<html><head><title>Pier report</title></head><body><article><h1>Pier report</h1>{}</article><section class=comments><article class=comment><footer><h6>Jo Roe | Di, 21. April 2020 - 16:40</h6></footer><p>Good news.</p></article></section></body></html>",
            story(45)
        );
        assert_eq!(extract_html(&comment, None).unwrap().published, None);
    }

    #[test]
    fn undated_pages_are_dated_from_a_date_above_the_headline() {
        let html = format!(
            "<html><head><title>Pier report</title></head><body><nav><a href=/>Home</a></nav><div class=meta>30.07.2019</div><h1>Pier report</h1><article>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-07-30T00:00:00Z"));
        assert_eq!(e.sources.published, Some("date above headline"));
        // Far above the headline, the date is the site's, not the story's.
        let far = html.replace(
            "<div class=meta>30.07.2019</div>",
            "<div class=meta>30.07.2019</div><ul><li>News</li><li>Sport</li><li>Weather</li></ul>",
        );
        assert_eq!(extract_html(&far, None).unwrap().published, None);
    }

    /// Dates of other stories: a quoted post's `<time>`, a "Recent posts"
    /// list's dates, and `<time pubdate>` on every teaser of a list.
    #[test]
    fn other_stories_dates_do_not_date_the_page() {
        let page = |extra: &str| {
            format!(
                "<html><head><title>Pier report</title></head><body><h1>Pier report</h1><article>{}</article><aside>{extra}</aside></body></html>",
                story(4)
            )
        };
        let quoted = page(
            r#"<blockquote class="instagram-media"><p>A post shared by the harbour (@harbour) on <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p></blockquote>"#,
        );
        let e = extract_html(&quoted, None).unwrap();
        assert_eq!((e.published, e.sources.published), (None, None));
        let recent = page(
            r#"<ul class="recent"><li><a href="/other">Another story</a><span class="post-date">09/09/2019</span></li></ul>"#,
        );
        let e = extract_html(&recent, None).unwrap();
        assert_eq!((e.published, e.sources.published), (None, None));
        // The page's own date element, in a list item with no link, counts.
        let own = page(r#"<ul class="meta"><li class="post-date">09/09/2019</li></ul>"#);
        assert_eq!(
            extract_html(&own, None).unwrap().published.as_deref(),
            Some("2019-09-09T00:00:00Z")
        );
        let teasers: String = (20..=24)
            .map(|d| format!(r#"<div><a href="/s{d}">Story {d}</a> <time datetime="2019-09-{d}T07:30:29Z" pubdate>{d} septembre</time></div>"#))
            .collect();
        let listed = page(&teasers).replace(
            "<h1>Pier report</h1>",
            r#"<h1>Pier report</h1><p class="publication"><time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p>"#,
        );
        assert_eq!(
            extract_html(&listed, None).unwrap().published.as_deref(),
            Some("2019-06-28T13:49:45Z")
        );
        // One marked time still wins over an earlier unmarked one.
        let marked = listed.replace(
            &teasers,
            r#"<time datetime="2019-06-29T08:00:00Z" pubdate>29 juin</time>"#,
        );
        assert_eq!(
            extract_html(&marked, None).unwrap().published.as_deref(),
            Some("2019-06-29T08:00:00Z")
        );
    }

    #[test]
    fn a_date_element_dates_the_update_it_shows() {
        let html = format!(
            r#"<html><head><title>Pier report</title></head><body><h1>Pier report</h1><div class="byline-date"><span>Posted Wed, Nov 20, 2019 at 5:27 am ET</span><span>|</span><span>Updated Wed, Nov 20, 2019 at 7:41 am ET</span></div><article>{}</article></body></html>"#,
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-11-20T05:27:00-05:00"));
        assert_eq!(e.sources.published, Some("date element in page"));
        assert_eq!(e.updated.as_deref(), Some("2019-11-20T07:41:00-05:00"));
        assert_eq!(e.sources.updated, Some("date element in page"));
    }

    #[test]
    fn undated_pages_are_dated_from_a_dateline() {
        let html = format!(
            "<html><head><title>Pier report</title></head><body><article><p>Nov. 19, 2019 -- The harbour board reopened the old pier this morning after two years of repairs to its timber deck.</p>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-11-19T00:00:00Z"));
        assert_eq!(e.sources.published, Some("dateline"));
        assert!(
            e.markdown.starts_with("Nov. 19, 2019 -- The harbour"),
            "{}",
            e.markdown
        );
        // After a lead and a byline alone in its paragraph.
        let html = format!(
            "<html><head><title>Pier report</title></head><body><article><p>Zum Tag des Gedenkens erinnern die Wirtschaftsweiber an verfolgte Frauen und setzen einen Stein.</p><p>Von Claudia Lindner</p><p>27.1.2022 - Bei der Erinnerung an die Verfolgten wurde am Hafen ein neuer Stein gesetzt, den viele Menschen besuchten.</p>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2022-01-27T00:00:00Z"));
        assert_eq!(e.sources.published, Some("dateline"));
    }

    #[test]
    fn a_byline_line_names_the_author_when_the_markup_does_not() {
        let page = |line: &str| {
            format!(
                "<html><head><title>Pier report</title></head><body><article><p>{line}</p>{}</article></body></html>",
                story(4)
            )
        };
        let e = extract_html(&page("Von Jo Roe und Li Wei"), None).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Jo Roe and Li Wei"));
        let e = extract_html(&page("By Ada van der Berg"), None).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Ada van der Berg"));
        assert_eq!(e.sources.byline, Some("byline line in article"));
        assert!(e.markdown.starts_with("Paragraph 1"), "{}", e.markdown);
        // A sentence that opens with "By" is the story's.
        for line in [
            "By the harbour wall, Ferries Wait",
            "By Tuesday the pier was shut",
        ] {
            let e = extract_html(&page(line), None).unwrap();
            assert_eq!(e.byline, None, "{line}");
            assert!(e.markdown.starts_with(line), "{}", e.markdown);
        }
    }

    /// An organisation JSON-LD gives as the author (the paper a portal
    /// copied the story from) gives way to a person the page names: in a
    /// byline element, or as the reporter in a Chinese dateline
    /// ("新京报讯（记者 王佳慧）"); alone, it stays the byline.
    #[test]
    fn a_person_in_the_page_beats_an_organisation_as_author() {
        let page = |byline: &str, first: &str| {
            format!(
                r#"<html><head><title>Pier report</title><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Pier report","author":{{"@type":"Organization","name":"Harbour Gazette"}}}}</script></head><body><h1>Pier report</h1><article>{byline}<p>{first}</p>{}</article></body></html>"#,
                story(4)
            )
        };
        let e = extract_html(
            &page(r#"<p class="byline">By Jo Roe</p>"#, "The pier opened."),
            None,
        )
        .unwrap();
        assert_eq!(e.byline.as_deref(), Some("Jo Roe"));
        assert_eq!(e.sources.byline, Some("byline in page"));
        let e = extract_html(
            &page(
                "",
                "新京报讯（记者 王佳慧）3月11日，记者从北京市交通委获悉，今年将新施划公交专用道。",
            ),
            None,
        )
        .unwrap();
        assert_eq!(e.byline.as_deref(), Some("王佳慧"));
        assert_eq!(e.sources.byline, Some("reporter in dateline"));
        assert!(
            e.markdown.contains("新京报讯（记者 王佳慧）3月11日"),
            "{}",
            e.markdown
        );
        let e = extract_html(&page("", "The pier opened."), None).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Harbour Gazette"));
        assert_eq!(e.sources.byline, Some("json-ld organization"));
        // The organisation printed as the byline names no person: the
        // dateline's reporter does.
        let e = extract_html(
            &page(
                r#"<p class="byline">Harbour Gazette</p>"#,
                "新京报讯（记者 王佳慧）3月11日，记者从北京市交通委获悉，今年将新施划公交专用道。",
            ),
            None,
        )
        .unwrap();
        assert_eq!(e.byline.as_deref(), Some("王佳慧"));
        // With no author in the markup at all, the dateline's reporter.
        let bare = format!(
            "<html><head><title>A</title></head><body><article><p>新华社北京3月11日电（记者陈思远、张晗）今年前10个月，全国快递业务量突破500亿件。</p>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&bare, None).unwrap();
        assert_eq!(e.byline.as_deref(), Some("陈思远, 张晗"));
        let russian = bare.replace(
            "新华社北京3月11日电（记者陈思远、张晗）今年前10个月，全国快递业务量突破500亿件。",
            "МОСКВА, 12 мар — РИА Новости, Алексей Крылов. Российские океанологи впервые составили карту.",
        );
        let e = extract_html(&russian, None).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Алексей Крылов"));
        assert!(e.markdown.contains("Алексей Крылов. Российские"));
        // A Japanese story's reporter in brackets on its last line names
        // the author, and the line leaves the body.
        let closing = format!(
            "<html><head><title>A</title><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"author\":{{\"@type\":\"Organization\",\"name\":\"産経新聞\"}}}}</script></head><body><article>{}<p>（大阪社会部\u{3000}森川健太）</p></article></body></html>",
            story(4)
        );
        let e = extract_html(&closing, None).unwrap();
        assert_eq!(e.byline.as_deref(), Some("森川健太"));
        assert_eq!(e.sources.byline, Some("reporter closing the story"));
        assert!(!e.markdown.contains("森川"), "{}", e.markdown);
    }

    /// Readability reads the page's byline element only when no `<meta>`
    /// names an author: when the one that does is a CMS user, the element
    /// still names the author, and the date printed after the names dates
    /// an otherwise undated page. A reader's name in the comments is not a
    /// byline.
    #[test]
    fn a_byline_element_stands_in_for_a_cms_user_name() {
        let page = |meta: &str, byline: &str| {
            format!(
                r#"<html><head><title>Pier reopens</title>{meta}</head><body>
<article><header><h1>Pier reopens</h1><div class="entry-meta">{byline}</div></header>
<div class="entry-content">{}</div></article>
<div id="comments"><div class="comment"><span class="comment-author">Kim Reader</span><p>Great news.</p></div></div>
</body></html>"#,
                story(4)
            )
        };
        let html = page(
            r#"<meta name="author" content="jdadmin">"#,
            r#"<span class="byline">by Jeff Foust — November 18, 2019</span>"#,
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Jeff Foust"));
        assert_eq!(e.sources.byline, Some("byline in page"));
        assert_eq!(e.published.as_deref(), Some("2019-11-18T00:00:00Z"));
        assert_eq!(e.sources.published, Some("date in byline"));

        // Several authors marked one by one are read as their line.
        let html = page(
            "",
            r#"<p class="writer">di <span itemprop="author">Ada Byrne</span> e <span itemprop="author">Li Wei</span></p>"#,
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Ada Byrne and Li Wei"));

        // The comments' author is passed over.
        let html = page("", "");
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert_eq!(e.byline, None);

        // A line break parts the name from the job title or the
        // publisher under it.
        for byline in [
            r#"<div class="byline">By Jo Roe<br>Staff writer</div>"#,
            r#"<div class="byline"><p>By Jo Roe</p><p>BBC News</p></div>"#,
        ] {
            let e =
                extract_html(&page("", byline), Some("https://courier.example/news/pier")).unwrap();
            assert_eq!(e.byline.as_deref(), Some("Jo Roe"), "{byline}");
        }

        // A blog platform that builds the page from widgets wraps the post
        // in one (Blogger's `widget Blog`): its byline is the post's, and a
        // sidebar widget's author profile is still passed over.
        let html = format!(
            r#"<html><head><title>Pier reopens</title></head><body>
<div class="sidebar"><div class="widget Profile"><a class="profile-name" rel="author" href="/p">Kim Blogger</a></div></div>
<div class="widget Blog"><div class="post"><h3 class="post-title">Pier reopens</h3><div class="post-body">{}</div>
<div class="post-footer"><span class="post-author vcard">Posted by <span class="fn" itemprop="author">Eleanor Hart</span></span></div></div></div>
</body></html>"#,
            story(4)
        );
        let e = extract_html(&html, Some("https://courier.example/2019/02/pier.html")).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Eleanor Hart"));

        // The meta tag names the author; the body's byline line in capitals
        // repeats it and leaves, and its date is the page's.
        let html = format!(
            r#"<html><head><title>Pier reopens</title><meta name="author" content="John Doe"></head>
<body><article><h1>Pier reopens</h1><p>BY JOHN DOE - 11/20/19 06:00 AM EST</p>{}</article></body></html>"#,
            story(4)
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert_eq!(e.byline.as_deref(), Some("John Doe"));
        assert!(e.markdown.starts_with("Paragraph 1"), "{}", e.markdown);
        assert_eq!(e.published.as_deref(), Some("2019-11-20T06:00:00-05:00"));
    }

    #[test]
    fn byline_lines_leave_the_body() {
        let story = "The council met on Tuesday and voted for the ferry.";
        let cases = [
            (
                format!("By Jo Roe\n\n{story}"),
                story.to_string(),
                vec!["By Jo Roe"],
            ),
            (
                format!("{story}\n\n**Jo Roe**"),
                story.to_string(),
                vec!["Jo Roe"],
            ),
            // In capitals, with the date after the names.
            (
                format!("BY JO ROE - 11/20/19 06:00 AM EST\n\n{story}"),
                story.to_string(),
                vec!["BY JO ROE - 11/20/19 06:00 AM EST"],
            ),
            (
                format!("{story}\n\nJo Roe said the vote was close.\n\nMore text."),
                format!("{story}\n\nJo Roe said the vote was close.\n\nMore text."),
                vec![],
            ),
        ];
        for (md, want, dropped) in cases {
            assert_eq!(
                drop_byline_lines(&md, "Jo Roe", None, None),
                (want, dropped.into_iter().map(String::from).collect())
            );
        }
        // Several authors' names side by side, with nothing between them.
        assert_eq!(
            drop_byline_lines(
                &format!("Jo Roe Li Wei\n\n{story}\n\nMore text."),
                "Jo Roe and Li Wei",
                None,
                None
            ),
            (
                format!("{story}\n\nMore text."),
                vec!["Jo Roe Li Wei".to_string()]
            )
        );
        // A sign-off with the reporters' e-mail addresses: "By Jo Roe
        // (jo@…)", each Korean reporter's name, title and address.
        for (md, byline, line) in [
            (
                format!("{story}\n\nBy Jo Roe (jroe@courier.example)"),
                "Jo Roe",
                "By Jo Roe (jroe@courier.example)",
            ),
            (
                format!("{story}\n\n박지현 기자 jhpark@donga.com 이소연 기자 soyeon@donga.com"),
                "박지현 and 이소연",
                "박지현 기자 jhpark@donga.com 이소연 기자 soyeon@donga.com",
            ),
            (
                format!("{story}\n\n（大阪社会部\u{3000}森川健太）"),
                "森川健太",
                "（大阪社会部 森川健太）",
            ),
        ] {
            assert_eq!(
                drop_byline_lines(&md, byline, None, None),
                (story.to_string(), vec![line.to_string()])
            );
        }
        let two = format!("Jo Roe Li\n\n{story}\n\nMore text.");
        assert_eq!(
            drop_byline_lines(&two, "Jo Roe and Li Wei", None, None).0,
            two
        );
    }

    #[test]
    fn author_boxes_leave_the_body() {
        let story = "The council met on Tuesday and voted for the ferry.";
        let md = format!(
            "{story}\n\nMore text.\n\n## Über Jo Roe\n\nJo Roe writes about harbours.\n\n[Alle Beiträge von Jo Roe](https://e.org/jo)"
        );
        assert_eq!(
            drop_author_box(&md, "Jo Roe and Li Wei"),
            format!("{story}\n\nMore text.")
        );
        let md = format!("{story}\n\nAbout Li Wei's ferry: it sails at noon.");
        assert_eq!(drop_author_box(&md, "Jo Roe"), md);
        // A box whose label went as furniture ("Sobre la firma"): the
        // author's name linked alone, then a short biography.
        let md = format!(
            "{story}\n\nMore text.\n\n[Jo Roe](https://e.org/autor/jo-roe.html)\n\nPeriodista de la sección Deportes. Cubre el puerto desde 2011.\n\n[@joroe](https://twitter.com/joroe)"
        );
        assert_eq!(
            drop_author_box(&md, "Jo Roe"),
            format!("{story}\n\nMore text.")
        );
        // The name alone, not linked, or with nothing after it, stays.
        for tail in ["Jo Roe\n\nA reporter.", "[Jo Roe](https://e.org/jo)"] {
            let md = format!("{story}\n\n{tail}");
            assert_eq!(drop_author_box(&md, "Jo Roe"), md);
        }
    }

    /// A page naming no author in its metadata gives the byline in a box
    /// marked by a test id, an RDFa property or Drupal's "submitted" class,
    /// or, failing those, in a link to the author's page just under the
    /// headline; a link to another story's author in a list of teasers,
    /// or to a person the story is about, is none.
    #[test]
    fn bylines_are_found_in_marked_boxes_and_author_links() {
        let page = |meta: &str, after: &str| {
            format!(
                r#"<html><head><title>Pier report</title></head><body><article><h1>Pier report</h1><div class="meta-row">{meta}</div>{}{after}</article></body></html>"#,
                story(4)
            )
        };
        for meta in [
            r#"<span data-testid="byline">By <a href="/news/jo">Jo Roe</a></span>"#,
            r#"<span class="submitted-by">By <a class="username" href="/u/jo">Jo Roe</a> - </span>"#,
            r#"<div class="names"><span property="author">Jo Roe</span></div>"#,
            r#"<img alt="Jo Roe" src="/jo.jpg"><a class="th-meta" href="/about/editors/jo-roe/">Jo Roe</a>, <a href="https://twitter.com/joroe">@joroe</a>"#,
            r#"<a class="gnt_ar_by_a" href="/staff/2648812001/jo-roe/">Jo Roe</a><div>Courier</div>"#,
        ] {
            let e = extract_html(&page(meta, ""), None).unwrap();
            assert_eq!(e.byline.as_deref(), Some("Jo Roe"), "{meta}");
        }
        // Several authors linked in one line.
        let two = r#"<div class="names"><a href="/ueber-uns/autoren/jo-roe">Jo Roe</a>, <a href="/ueber-uns/autoren/li-wei">Li Wei</a></div>"#;
        let e = extract_html(&page(two, ""), None).unwrap();
        assert_eq!(e.byline.as_deref(), Some("Jo Roe and Li Wei"));
        for meta in [
            r#"<span>Sen. <a href="/people/ada-poe">Ada Poe</a> spoke first.</span>"#,
            r#"<ul class="river"><li><h2><a href="/news/other">Other story</a></h2><a href="/author/li-wei/">Li Wei</a></li></ul>"#,
            r#"<p>The repairs will take a year, said <a href="/staff/ada-poe">Ada Poe</a>, a professor of engineering who has studied the pier's pilings for a decade.</p>"#,
        ] {
            let e = extract_html(&page(meta, ""), None).unwrap();
            assert_eq!(e.byline, None, "{meta}");
        }
    }

    /// A hover card set inside a sentence, which only its class names as
    /// one (the name in full, a picture and headlines), leaves the page
    /// whole: Readability drops class names, so it is found before.
    #[test]
    fn a_hover_card_named_by_its_class_leaves_the_sentence() {
        let card = r#"<span class="rollover-people"><a href="/people/ada-roe">Ada Roe</a><span class="rollover-people-block"><span class="rollover-people-block-image"><img src="/img/roe.jpg" alt="Ada Maria Roe"></span><span class="rollover-people-block-title"><a href="/people/ada-roe">Ada Maria Roe</a></span><span class="rollover-people-block-list"><span><a href="/news/1-roe-presses-board">Roe presses board on pier repairs</a></span></span><a class="rollover-people-block-more" href="/people/ada-roe">MORE</a></span></span>"#;
        let html = format!(
            "<html><head><title>Pier report</title></head><body><article><h1>Pier report</h1><p>The measure, led by Sen. {card} (R-Harbour), passed the committee by voice vote on Tuesday and now heads to the floor.</p>{}</article></body></html>",
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        let text = e.text();
        assert!(text.contains("Ada Roe (R-Harbour), passed"), "{text}");
        // A layout's card holding the story, after a section link whose
        // word it holds, is no hover card.
        let layout = format!(
            r#"<html><head><title>Pier report</title></head><body><div class="card"><a class="badge" href="/news/harbour">Harbour</a><div class="card-body"><h1>Pier report</h1><p>The Harbour authority voted on Tuesday.</p>{}</div></div></body></html>"#,
            story(4)
        );
        let e = extract_html(&layout, None).unwrap();
        assert!(
            e.markdown.contains("Paragraph 4 of the report"),
            "{}",
            e.markdown
        );
        for leaked in ["Ada Maria Roe", "presses board", "MORE"] {
            assert!(!text.contains(leaked), "{leaked}: {text}");
        }
    }

    /// A paragraph that is only a link to another story in square
    /// brackets, as some papers set them between a story's paragraphs,
    /// leaves; a bracketed note of the story's own stays.
    #[test]
    fn a_bracketed_link_to_another_story_leaves() {
        let html = format!(
            r#"<html><head><title>Pier report</title></head><body><article><h1>Pier report</h1>{}<p><i>[<a href="/news/2019/07/18/ferry-season">The ferry season is off to a slow start. Forecasters say that won’t last.</a>]</i></p><p>[Editor's note: the council meets again on Friday.]</p>{}</article></body></html>"#,
            story(2),
            story(2)
        );
        let e = extract_html(&html, Some("https://courier.example/news/pier")).unwrap();
        assert!(!e.markdown.contains("ferry season"), "{}", e.markdown);
        assert!(e.markdown.contains("Editor's note"), "{}", e.markdown);
    }

    /// A line after the story giving the reporter's address or number
    /// ("Jo Roe can be reached at …", "Contact Jo Roe at (309) 820-3241",
    /// "Write to Jo Roe at …") leaves the body; a sentence naming the
    /// reporter without one, or another person's address, stays.
    #[test]
    fn the_reporters_contact_line_leaves_the_body() {
        let page = |tail: &str| {
            format!(
                r#"<html><head><title>Pier report</title><meta name="author" content="Jo Roe"></head><body><h1>Pier report</h1><article>{}{tail}</article></body></html>"#,
                story(4)
            )
        };
        for line in [
            "<p><em>Jo Roe can be reached at jo.roe@courier.example. Follow her on Twitter <a href=\"https://twitter.com/joroe\">@joroe</a>.</em></p>",
            "<p><i>Contact Jo Roe at (309) 820-3241. Follow her on Twitter: @joroe</i></p>",
            "<p>Write to Jo Roe at jo.roe@courier.example</p>",
            "<p>— Jo Roe may be contacted at 555-0142 or jroe@courier.example.</p>",
            // A line saying who the reporter is.
            "<p><em>Jo Roe is a reporter for the Courier. Follow her on Twitter <a href=\"https://twitter.com/joroe\">@joroe</a>.</em></p>",
            "<p><em>JO ROE (<a href=\"https://twitter.com/joroe\">@joroe</a>) is a writer based in Bergen, Norway. She last wrote for the Courier about the night ferry.</em></p>",
            "<p><em>Jo Roe is a San Francisco Courier staff writer. Email: jroe@courier.example Twitter: @joroe</em></p>",
            // A role before the name, the beat before the address, and
            // the name as a label.
            "<p><em>Reach reporter Jo Roe at jo.roe@courier.example or 602-444-8219. Follow her on Twitter @joroe.</em></p>",
            "<p><em>Jo Roe covers agriculture and rural Iowa for the Courier. Reach her at jroe@courier.example or 515-284-8104.</em></p>",
            "<p><em>Jo Roe: jroe@courier.example, 412-263-1937 and on Twitter @joroe.</em></p>",
            // The paper's name before the role.
            "<p><em>Contact Courier reporter Jo Roe at jo.roe@courier.example or 317-555-0123.</em></p>",
            "<p><em>Reach Bergen Courier columnist Jo Roe at 317-555-0123.</em></p>",
            // Addressing the reader.
            "<p><em>You can reach Jo Roe at jroe@courier.example. -- Follow Jo on Twitter: @joroe</em></p>",
        ] {
            let e = extract_html(&page(line), None).unwrap();
            assert_eq!(e.byline.as_deref(), Some("Jo Roe"));
            assert!(
                !e.markdown.to_lowercase().contains("jo roe"),
                "{line}: {}",
                e.markdown
            );
            assert!(e.markdown.contains("Paragraph 4"), "{}", e.markdown);
        }
        for line in [
            "<p>Contact Jo Roe at the harbour office if the pier lights fail again, the notice said.</p>",
            "<p>Sam Poe can be reached at sam.poe@council.example for questions about the repairs.</p>",
            "<p>Jo Roe is a harbour pilot's daughter, she wrote in her first column, and the pier was her playground.</p>",
            "<p>Contact Jo Roebuck at the community centre on 555-0142 to book tickets for the reopening gala.</p>",
            "<p>Jo Roe covers the cost of the ferry herself, she said, and has done since 2009.</p>",
            // A call to readers that goes on after the address.
            "<p>Email Courier reporter Jo Roe at jo.roe@courier.example with your questions about the repairs; we will answer them in Sunday's paper.</p>",
        ] {
            let e = extract_html(&page(line), None).unwrap();
            let kept = line
                .trim_start_matches("<p>")
                .split([',', '@'])
                .next()
                .unwrap();
            let kept = kept.split(" at ").next().unwrap();
            assert!(e.markdown.contains(kept), "{line}: {}", e.markdown);
        }
        // The reporter as "this reporter" in a tip line; a call to readers
        // that goes on after the number stays.
        let tip = "<p><em>Do you work at the harbour board? Contact this reporter at jroe@courier.example or via Signal at (646) 555-0147. You can also send a secure message.</em></p>";
        let e = extract_html(&page(tip), None).unwrap();
        assert!(!e.markdown.contains("harbour board?"), "{}", e.markdown);
        for call in [
            "<p>Readers can contact the reporter at 555-0147 with their memories of the pier, and the best will run in the spring issue.</p>",
            // The words inside a sentence of the story.
            "<p>The emails carry a signature from a refunds officer and invite readers to contact the reporter at refunds-desk@irs-verify.example.</p>",
            "<p>Residents with questions can write to the author of the study, planner Mei Tanaka, at mtanaka@courier.example.</p>",
        ] {
            let e = extract_html(&page(call), None).unwrap();
            let kept = &call[3..40];
            assert!(e.markdown.contains(kept), "{call}: {}", e.markdown);
        }
        // Details alone whose address or account bears the reporter's
        // name, and a sign-off giving the name and the post.
        for line in [
            "<p><em>jroe@courier.example or 407-420-5131; Twitter @JoRoeCourier</em></p>",
            "<p><em>E-Mails an:</em> jo.roe@courier.example</p>",
            "<p>En Twitter: <a href=\"https://twitter.com/JoRoeET\">@JoRoeET</a></p>",
            "<p><strong>JO ROE<br>Corresponsal de EL COURIER<br>Bergen</strong></p>",
            // An account named after its label, without its "@".
            "<p><em>• Email: jroe@courier.example | Twitter: <a href=\"https://twitter.com/JoRoeCourier\">JoRoeCourier</a></em></p>",
            // The account as its address.
            "<p>jroe@courier.example <a href=\"https://twitter.com/joroe\">twitter.com/joroe</a></p>",
        ] {
            let e = extract_html(&page(line), None).unwrap();
            assert!(
                !e.markdown.to_lowercase().contains("roe"),
                "{line}: {}",
                e.markdown
            );
            assert!(e.markdown.contains("Paragraph 4"), "{}", e.markdown);
        }
        // Two surnames, the account bearing the first; an address or
        // account that only holds a surname's letters is another's.
        let names = |n: &str| vec![n.to_string()];
        assert!(is_contact_line(
            "En Twitter: @MauroRestrepoET",
            &names("mauricio restrepo gil")
        ));
        // An account that writes the first name whole before the surname.
        assert!(is_contact_line(
            "kmarchand@postmedia.com twitter.com/kelseymarchand",
            &names("kelsey marchand")
        ));
        assert!(is_contact_line(
            "twitter.com/kelseymarchand",
            &names("kelsey marchand")
        ));
        assert!(!is_contact_line(
            "info@postmedia.com twitter.com/kelseymarchandfarm",
            &names("kelsey marchand")
        ));
        for (line, reporter) in [
            ("Contact: hello@greenwoodfarm.example", "sam wood"),
            ("Contacto: info@costabrava.example", "ana costa"),
            ("E-Mail: ausbildung@bergwacht.example", "lena berg"),
            ("En Instagram: @gilbertoescultor", "maría restrepo gil"),
            ("Twitter: GilbertoEscultor", "maría restrepo gil"),
            // Another's name before the surname, or a business after it.
            (
                "Email: joy.kim@harborcity.example | Twitter: CllrJoyKim",
                "min-ji kim",
            ),
            (
                "Email: orders@garciafamilyfarm.example | Instagram: GarciaFamilyFarm",
                "maria garcia",
            ),
        ] {
            assert!(!is_contact_line(line, &names(reporter)), "{line}");
        }
        // Another's details alone stay: the story's, for its readers.
        for line in [
            "<p>Information: info@harbour.example or 555-0134</p>",
            "<p>Tickets: 555-0134 or <a href=\"mailto:tickets@pier.example\">tickets@pier.example</a></p>",
        ] {
            let e = extract_html(&page(line), None).unwrap();
            assert!(e.markdown.contains("555-0134"), "{line}: {}", e.markdown);
        }
        // Details a sentence of the story introduces.
        let e = extract_html(
            &page("<p>Roe posts his tour dates at:</p><p>https://x.com/jroe</p>"),
            None,
        )
        .unwrap();
        assert!(e.markdown.contains("x.com/jroe"), "{}", e.markdown);
    }

    #[test]
    fn future_dates_and_early_updates_are_dropped() {
        let html = format!(
            r#"<html><head><title>Harbour festival</title>
            <meta property="article:published_time" content="2019-11-18T08:00:00Z">
            <meta property="article:modified_time" content="2019-11-17T08:00:00Z">
            </head><body><article>{}</article></body></html>"#,
            story(4)
        );
        let e = extract_html(&html, None).unwrap();
        assert_eq!(e.published.as_deref(), Some("2019-11-18T08:00:00Z"));
        assert_eq!((e.updated, e.sources.updated), (None, None));
        let html = html.replace("2019-11-18T08:00:00Z", "2999-07-01T10:00:00Z");
        let e = extract_html(&html, None).unwrap();
        assert_eq!((e.published, e.sources.published), (None, None));
    }

    #[test]
    fn relative_page_urls_are_refused() {
        let err = extract_html("<p>x</p>", Some("/news/a.html")).unwrap_err();
        assert!(format!("{err:#}").contains("not absolute"), "{err:#}");
    }
}
