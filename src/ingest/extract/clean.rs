//! Shaping the DOM around and inside the article: what is page furniture
//! and goes, and what is kept in another form.
//!
//! Before Readability runs, [`strip_furniture`] removes hidden elements
//! (screen-reader-only text too) and whole boxes whose class, id or role
//! say they are share bars, newsletter and cookie boxes, related-link
//! lists, comment sections, video players, tables of contents, ads or
//! pop-ups (and every `<nav>`), and counts of views and comments beside
//! the byline; marks captions and credits by their class (Readability
//! drops class names), takes "header" out of headings' class names
//! (Readability would drop a subheading as the page's header) and makes a
//! heading that a theme names for the post's date a paragraph; [`remove_navigation_cells`] drops the menu column of a page
//! laid out with a table; [`mark_kickers`] marks a section label set
//! above the headline in the story's box; [`shield_subheadings`] hides
//! subheadings that share the title's words from Readability's test for
//! a repeated headline.
//! After it, [`tidy_article`] drops the kickers, takes the images out
//! (into `images`, a thumbnail at the full size its link opens, with
//! their captions: a `<figcaption>`, a caption by
//! class, also in another row of a one-picture table, a short paragraph
//! under a picture's own that is centred or credits a photographer, or
//! the short text alone beside an image in its box) and the
//! list items left empty without them, puts a `<pre>`'s text in `<code>`,
//! drops captions from the text (unless they are most of it, as in a
//! slideshow), takes date and update lines out (they are metadata), drops
//! hover cards, splits a link-preview card into a link on its title and
//! plain paragraphs, turns MathML formulas into their text, drops credits and
//! short notice blocks and share buttons (links to a network's share
//! form), turns layout tables into plain blocks and removes a heading
//! that repeats the title. Cutting what follows the story in the
//! finished Markdown is `tail`'s job, and sanitizing the markup is
//! `sanitize`'s.

use super::boilerplate::{
    SLIDE_COUNTER, is_appeal, is_boilerplate, is_credit, is_foot_block, is_related_heading,
    is_tool_label,
};
use super::dates::{DateLine, date_line, is_labelled, posted_line};
use super::metadata::{absolute, has_zone, normalise_date};
use crate::content::Image;
use crate::vocabulary::text::words;
use dom_query::{Document, NodeData, NodeId, NodeRef};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use url::Url;

/// class/id fragments that mark furniture wherever they appear in a name.
const FURNITURE_PARTS: &[&str] = &[
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "paywall",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "social-share",
    "share-bar",
    "sharebar",
    "share-buttons",
    "sharing",
    "shariff",
    "addtoany",
    "a2a_",
    "sociallinks",
    "social-links",
    "social-media",
    "related",
    "recommend",
    "read-more",
    "readmore",
    "more-articles",
    "outbrain",
    "taboola",
    "breadcrumb",
    "comment-list",
    "commentlist",
    "comments-area",
    "disqus",
    "author-box",
    "authorbox",
    "about-author",
    "author-bio",
    "advert",
    "sponsor",
    "promo",
    "popup",
    "modal",
    "overlay",
    "banner",
    "teaser-list",
    "newsticker",
    "print-only",
    "skip-link",
    "tag-list",
    "taglist",
    "post-tags",
    "article-tags",
    "navigation",
    // Video players (their titles, control labels and error text) and the
    // consent boxes that stand in for an embed until the reader agrees.
    "video-player",
    "videoplayer",
    "jwplayer",
    "jw-player",
    "vjs-",
    "video-js",
    "opt-in",
    "optin",
    // An author's biography card at the foot (`post-author__bio`); a
    // box named for a short bio at the top holds the byline.
    "author__bio",
    "author_bio",
    // Boxes inviting readers' photos and videos ("Add Videos or Photos",
    // "Be first to contribute"), and a video's keyword strip.
    "ugc-",
    "video-keywords",
    // Tables of contents: links to the page's own headings.
    "toc-container",
    "toc_container",
    "table-of-contents",
    "tableofcontents",
    // Readers' reactions (Le Monde's `article__reactions` "Contributions"
    // box, emoji bars); a story's own section may be classed `reactions`.
    "__reactions",
    "-reactions",
    "_reactions",
];

/// Matches wherever a name contains any of [`FURNITURE_PARTS`]: one
/// literal search instead of a substring scan per part and element.
static FURNITURE_PARTS_RE: LazyLock<Regex> = LazyLock::new(|| {
    let parts: Vec<String> = FURNITURE_PARTS.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&parts.join("|")).expect("literal alternation is a valid regex")
});

/// class/id names that mark furniture only as a whole word (`ad` but not `head`).
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "shares",
    "social",
    "ad",
    "ads",
    "adsense",
    "comments",
    "comment",
    "respond",
    "tags",
    "sidebar",
    "nav",
    "menu",
    "footer",
    "masthead",
    "toolbar",
    "rating",
    // A menu or an author's card that opens on hover.
    "dropdown",
    // Comment sections in other languages (the plural: "Kommentar" alone
    // is also an opinion column).
    "kommentare",
    "kommentarer",
    "commentaires",
    "commenti",
    "comentarios",
    "reacties",
    "komentarze",
    // Related stories, topic tags, share buttons and ads named in other
    // languages ("notas-relacionadas", "temas", "compartir", "anzeige").
    "relacionadas",
    "relacionados",
    "correlati",
    "gerelateerd",
    "temas",
    "etiquetas",
    "schlagworte",
    "stichworte",
    "compartir",
    "compartilhar",
    "partage",
    "condividi",
    "teilen",
    "publicidad",
    "publicite",
    "pubblicita",
    "anzeige",
    "werbung",
    "reklama",
    "reklame",
];

/// [`FURNITURE_WORDS`] to look up: every word of every box's name is.
static FURNITURE_WORD_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| FURNITURE_WORDS.iter().copied().collect());

/// Roles that never hold article text.
const FURNITURE_ROLES: &[&str] = &[
    "dialog",
    "alertdialog",
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "search",
];

/// Removes furniture boxes from a whole page. A box that holds a large
/// share of the page's paragraph text is kept whatever its name: some
/// sites call their article wrapper `share-enabled` or `render-target-modal`.
pub fn strip_furniture(doc: &Document) {
    // One walk finds hidden elements, furniture and captions. Hidden
    // elements go first, as Readability would drop them: they must not
    // count towards the page's text either.
    let (mut hidden, mut candidates) = (Vec::new(), Vec::new());
    let (mut captions, mut headings) = (Vec::new(), Vec::new());
    for node in doc.root().descendants_it() {
        if is_hidden(&node) || is_counter(&node) {
            hidden.push(node);
        } else if is_box(&node) && is_furniture(&node) {
            candidates.push(node);
        } else if let Some(kind) = caption_kind(&node) {
            captions.push((node, kind));
        } else if is_caption_paragraph(&node) {
            captions.push((node, BELOW));
        } else if is_picture_description(&node) {
            captions.push((node, "caption"));
        } else if is_heading(&node) || is_label_named_header(&node) {
            headings.push(node);
        }
    }
    hidden.iter().for_each(|n| n.remove_from_parent());
    // Dates first: a Blogger `date-header` is named for its date.
    headings.iter().for_each(unhead_date_heading);
    headings.iter().for_each(drop_header_names);
    // Readability drops class names: captions and credits are marked so
    // that `tidy_article` can still move them out of the body. It also
    // takes a box holding one paragraph, and nothing else, for the
    // paragraph: that is marked too. A credit beside the caption's own
    // words is only the credit.
    for (node, kind) in captions {
        let mut node = node;
        loop {
            node.set_attr(CAPTION_MARK, kind);
            match node.first_element_child() {
                Some(only)
                    if only.next_element_sibling().is_none()
                        && is_box(&only)
                        && text_chars(&only) == text_chars(&node) =>
                {
                    node = only
                }
                _ => break,
            }
        }
        // Readability puts a box of text and inline elements alone into
        // a new paragraph, which it sets in the box's place (when under a
        // quarter of its text is links): unmarked. A paragraph already,
        // it stays as it is.
        if node.has_name("div") && holds_only_phrasing(&node) && under_a_quarter_links(&node) {
            node.rename("p");
        }
    }
    let total: usize = doc.select("p").nodes().iter().map(text_chars).sum();
    let main_block = largest_paragraph_parent(doc, false);
    let sections: Vec<NodeRef> = candidates
        .iter()
        .filter(|n| is_comment_section(n))
        .cloned()
        .collect();
    let before = chars_before(doc, &sections);
    for node in candidates {
        if node.parent().is_none() {
            continue;
        }
        // Readers' comments go however long they run: under a short post
        // they hold most of the page's paragraphs (and quote the post).
        if is_comment_list(&node) {
            node.remove_from_parent();
            continue;
        }
        // A layout box named for what stands beside the story
        // (`content-sidebar-wrap`) holds the page's main part.
        if holds_main(&node) {
            continue;
        }
        // A section named for readers' comments after a story's worth of
        // paragraphs goes too, however its comments are set.
        if before
            .get(&node.id)
            .is_some_and(|&n| n >= STORY_BEFORE_COMMENTS_CHARS)
        {
            node.remove_from_parent();
            continue;
        }
        let own: usize = node
            .descendants_it()
            .filter(|d| d.has_name("p"))
            .map(|p| text_chars(&p))
            .sum();
        if own * 4 > total && own > 300 {
            continue;
        }
        // Paywalled sites wrap the story in `paywall-container` and the like:
        // the box holding the page's main run of paragraphs is the article.
        if own > 300
            && main_block
                .as_ref()
                .is_some_and(|(_, m)| is_within(m, &node))
        {
            continue;
        }
        node.remove_from_parent();
    }
}

/// Whether `node` holds the page's main part: a `<main>`, or an element
/// whose role is `main`.
fn holds_main(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        d.has_name("main")
            || d.attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
    })
}

/// Whether `node` is a list of readers' comments: an `<ol>` or `<ul>`
/// whose class or id names one (`commentlist`, `comment-list`), as blog
/// platforms write them. A story is never set in one.
fn is_comment_list(node: &NodeRef) -> bool {
    (node.has_name("ol") || node.has_name("ul"))
        && ["class", "id"].iter().any(|a| {
            node.attr(a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("commentlist")
                    || v.contains("comment-list")
                    || v.contains("comment_list")
            })
        })
}

/// Paragraph text that must stand before a comment section for it to go
/// whatever its length: a story's worth, so that a story's own wrapper
/// given a comment-ish name is never taken for one.
const STORY_BEFORE_COMMENTS_CHARS: usize = 500;

/// Whether `node` is a section of readers' comments: a class or id that
/// is one of the names platforms give it (`comments`, `comments-area`,
/// `disqus_thread`, `kommentare`).
fn is_comment_section(node: &NodeRef) -> bool {
    const NAMES: &[&str] = &[
        "comments",
        "comments-area",
        "comments-section",
        "comment-section",
        "comments-wrapper",
        "comments-container",
        "disqus_thread",
        "kommentare",
        "commentaires",
        "commenti",
        "comentarios",
        "reacties",
        "komentarze",
    ];
    ["class", "id"].iter().any(|a| {
        node.attr(a).is_some_and(|v| {
            v.split_whitespace()
                .any(|t| NAMES.iter().any(|n| t.eq_ignore_ascii_case(n)))
        })
    })
}

/// For each of `nodes`, the characters of `<p>` text in `doc` before it
/// in reading order: one walk of the page, however many there are.
pub(super) fn chars_before(
    doc: &Document,
    nodes: &[NodeRef],
) -> std::collections::HashMap<dom_query::NodeId, usize> {
    let mut before = std::collections::HashMap::new();
    if nodes.is_empty() {
        return before;
    }
    let wanted: std::collections::HashSet<_> = nodes.iter().map(|n| n.id).collect();
    let mut chars = 0;
    for d in doc.root().descendants_it() {
        if wanted.contains(&d.id) {
            before.insert(d.id, chars);
            if before.len() == wanted.len() {
                break;
            }
        }
        if d.has_name("p") {
            chars += text_chars(&d);
        }
    }
    before
}

/// Whether `node` is a count a page shows beside the byline: an inline
/// element named for views, comments or shares that holds only a number
/// (`<span class="views">1,209</span>`, `<a class="comment_count">5</a>`),
/// in a short line (a number in a sentence is the story's).
fn is_counter(node: &NodeRef) -> bool {
    let Some(el) = node.element_ref() else {
        return false;
    };
    if !matches!(
        &*el.name.local,
        "span" | "a" | "small" | "b" | "strong" | "em" | "i"
    ) {
        return false;
    }
    let named = el.attrs.iter().any(|a| {
        matches!(&*a.name.local, "class" | "id") && has_count_word(&a.value) && {
            // A count of what readers did, not a slide's number or a cart's.
            let v = a.value.to_ascii_lowercase();
            v.contains("count")
                && ["view", "comment", "share", "repl"]
                    .iter()
                    .any(|w| v.contains(w))
                || v.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| matches!(w, "views" | "hits" | "reads" | "pageviews"))
        }
    });
    named && {
        let text = node.text();
        let text = text.trim();
        !text.is_empty()
            && text.chars().count() <= 12
            && text.starts_with(|c: char| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | 'k' | 'K' | 'm' | 'M'))
            && node
                .parent()
                .is_none_or(|p| text_chars(&p) <= MAX_COUNTER_LINE_CHARS)
    }
}

/// Whether a class or id may name a count ("count", "views", "hits",
/// "reads", "Count"; class names are written in lower or camel case): a
/// test without allocating, as most inline elements have a class and few
/// name a count.
fn has_count_word(value: &str) -> bool {
    ["ount", "iews", "hits", "eads"]
        .iter()
        .any(|n| value.contains(n))
}

/// The longest line a count stands in: a byline's, not a sentence.
const MAX_COUNTER_LINE_CHARS: usize = 80;

/// Whether `node` is `ancestor` or stands inside it.
pub(super) fn is_within(node: &NodeRef, ancestor: &NodeRef) -> bool {
    node.id == ancestor.id || node.ancestors_it(None).any(|a| a.id == ancestor.id)
}

/// Whether `node` holds a link to another page (not an anchor on this one).
pub(super) fn links_elsewhere(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| is_link_elsewhere(&d))
}

/// The fewest characters of a paragraph of prose.
const PROSE_CHARS: usize = 100;

/// Whether `node` holds at most one paragraph of prose: a `<p>` of at
/// least [`PROSE_CHARS`] characters that neither holds a link to another
/// page nor stands in a link inside `node`. A teaser box or a card for another story
/// holds one at most; a story, more.
pub(super) fn at_most_one_prose_paragraph(node: &NodeRef) -> bool {
    node.descendants_it()
        .filter(|d| {
            d.has_name("p")
                && !links_elsewhere(d)
                && !d
                    .ancestors_it(None)
                    .take_while(|a| a.id != node.id)
                    .any(|a| a.has_name("a"))
                && text_chars(d) >= PROSE_CHARS
        })
        .nth(1)
        .is_none()
}

/// Whether `node` is a link to another page (not an anchor on this one).
pub(super) fn is_link_elsewhere(node: &NodeRef) -> bool {
    node.has_name("a") && node.attr("href").is_some_and(|h| !h.starts_with('#'))
}

/// Whether `node` is the page or its main part (`html`, `body`, `main`,
/// `article`, or the document itself): never a box of furniture.
pub(super) fn is_page_part(node: &NodeRef) -> bool {
    node.element_ref()
        .is_none_or(|el| matches!(&*el.name.local, "html" | "body" | "main" | "article"))
}

/// Whether `node` is an `<h1>` to `<h6>`.
pub(super) fn is_heading(node: &NodeRef) -> bool {
    node.element_ref()
        .is_some_and(|el| matches!(&*el.name.local, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// Whether `node` is a `<p>` or `<div>` named for a header that holds a
/// short label (`<p class="interestingHeader"><strong>Zobacz także:
/// </strong></p>`): a box's title set as a paragraph.
fn is_label_named_header(node: &NodeRef) -> bool {
    const MAX_LABEL_CHARS: usize = 60;
    // The name and attributes borrowed: this runs for most of a page's
    // elements.
    let named = node.element_ref().is_some_and(|el| {
        matches!(&*el.name.local, "p" | "div")
            && el.attrs.iter().any(|a| {
                matches!(&*a.name.local, "class" | "id")
                    && a.value
                        .as_bytes()
                        .windows(6)
                        .any(|w| w.eq_ignore_ascii_case(b"header"))
            })
    });
    named
        && node.element_children().iter().all(|c| !is_box(c))
        && text_chars(node) <= MAX_LABEL_CHARS
        && is_related_heading(&node.text())
}

/// Drops the class names and id of a heading that contain "header"
/// (`header-anchor-post`, `clay-subheader`), and of a `<div>` that holds
/// a related box's title alone (`modHeader`). Readability takes "header" in a name
/// for the page's header and drops the element, which loses a story's
/// subheadings, and a box's title without its box (the links of a "More
/// on this" box stayed in the story); on a heading the word says
/// nothing. Other names stay, so a `footer-column-header` is still
/// dropped as a footer.
fn drop_header_names(heading: &NodeRef) {
    let is_header = |name: &str| name.to_ascii_lowercase().contains("header");
    let drop = |node: &NodeRef| {
        if let Some(class) = node.attr("class")
            && class.split_whitespace().any(is_header)
        {
            let kept: Vec<&str> = class.split_whitespace().filter(|c| !is_header(c)).collect();
            node.set_attr("class", &kept.join(" "));
        }
        if node.attr("id").is_some_and(|id| is_header(&id)) {
            node.remove_attr("id");
        }
    };
    drop(heading);
    // A related box's title in a wrapper of its own (`<div
    // class="modHeader"><h3>More on this</h3></div>`): the wrapper is the
    // heading's, and the box goes whole once the title is seen. Another
    // box's title so wrapped (a section's name over the story) goes.
    if let Some(parent) = heading.parent().filter(|p| {
        p.has_name("div")
            && p.first_element_child().is_some_and(|f| f.id == heading.id)
            && heading.next_element_sibling().is_none()
            && is_related_heading(&heading.text())
    }) {
        drop(&parent);
    }
}

/// The attribute that marks a shielded subheading through Readability.
const HEADING_MARK: &str = "data-paperboy-heading";

/// Readability removes the first `<h1>` or `<h2>` it meets that reads
/// like the title, taking it for the headline repeated. When the page's
/// headline sits in a box Readability drops as a header, the first such
/// heading it meets is a subheading that shares the title's words ("Ab
/// wann legen Hühner Eier?" under "Ab wann und wie lange legen Hühner
/// Eier?"). Every later `<h1>`/`<h2>` like one of `titles` that is not
/// the headline itself (`headline`, the title the page shows) is renamed
/// `<h3>` for Readability; [`tidy_article`] makes it an `<h2>`, as
/// Readability makes the `<h1>`s it keeps.
pub fn shield_subheadings(doc: &Document, titles: &[&str], headline: &str) {
    let headline = normalise(headline);
    let mut seen_headline = false;
    for h in doc.select("h1, h2").nodes() {
        let text = h.text();
        if !titles.iter().any(|t| like_title(t, &text)) {
            continue;
        }
        if seen_headline && normalise(&text) != headline {
            h.set_attr(HEADING_MARK, "");
            h.rename("h3");
        }
        seen_headline = true;
    }
}

/// Readability's test of a heading against the title: the title holds
/// the heading, or three quarters of the heading's letters are in words
/// the title has.
pub(super) fn like_title(title: &str, heading: &str) -> bool {
    let (title, heading) = (title.to_lowercase(), heading.to_lowercase());
    if title.is_empty() || heading.trim().is_empty() {
        return false;
    }
    if title.contains(heading.as_str()) {
        return true;
    }
    let title_words: Vec<String> = words(&title).collect();
    let heading_words: Vec<String> = words(&heading).collect();
    let total: usize = heading_words.iter().map(|w| w.chars().count()).sum();
    let unique: usize = heading_words
        .iter()
        .filter(|w| !title_words.contains(w))
        .map(|w| w.chars().count())
        .sum();
    total > 0 && unique * 4 < total
}

/// The longest kicker: the section label or tag line ("Climate crisis",
/// "Analysis", "EXCLUSIVE") a page sets above its headline.
const KICKER_CHARS: usize = 60;

/// The attribute that marks a kicker through Readability, which keeps
/// the headline's box but may drop the headline.
const KICKER_MARK: &str = "data-paperboy-kicker";

/// The paragraph text (in characters) of the box that holds a story.
const STORY_BOX_CHARS: usize = 400;

/// Marks what stands above the page's first `<h1>` in the box that holds
/// the story when it is a kicker: a few words without digits, a label
/// and not a sentence. The story starts below its headline;
/// [`tidy_article`] removes what is marked.
pub fn mark_kickers(doc: &Document) {
    let Some(h) = doc.select("h1").nodes().first().copied() else {
        return;
    };
    let mut before = Vec::new();
    let mut node = h;
    while let Some(parent) = node.parent() {
        let mut sibling = node.prev_sibling();
        while let Some(s) = sibling {
            sibling = s.prev_sibling();
            before.push(s);
        }
        let story: usize = parent
            .descendants_it()
            .filter(|d| d.has_name("p"))
            .map(|p| text_chars(&p))
            .sum();
        if story >= STORY_BOX_CHARS || parent.has_name("body") {
            break;
        }
        node = parent;
    }
    let text: String = before
        .iter()
        .rev()
        .map(|n| n.text().to_string() + " ")
        .collect();
    let text = collapse(&text);
    let is_kicker = !text.is_empty()
        && text.chars().count() <= KICKER_CHARS
        && text.split_whitespace().count() <= 6
        && !text.contains(|c: char| c.is_ascii_digit() || ".!?。:".contains(c));
    if is_kicker {
        // Its elements too: Readability makes a paragraph of a box of
        // words alone, and the new paragraph keeps no attribute.
        for n in before.iter().filter(|n| n.is_element()) {
            n.set_attr(KICKER_MARK, "");
            let inside: Vec<NodeRef> = n.descendants_it().filter(|d| d.is_element()).collect();
            inside.iter().for_each(|d| d.set_attr(KICKER_MARK, ""));
        }
    }
}

/// The attribute that keeps what [`caption_kind`] read from an element's
/// class (`caption` or `credit`) through Readability, which drops class
/// names.
pub(super) const CAPTION_MARK: &str = "data-paperboy-caption";

/// What an element is by its class, or by the mark [`strip_furniture`]
/// left from its class: an image caption, a credit or copyright line, or
/// neither.
fn caption_kind(node: &NodeRef) -> Option<&'static str> {
    // One look at each attribute, borrowed: this runs for every element
    // of the page.
    let el = node.element_ref()?;
    let mut class = None;
    for a in &el.attrs {
        match &*a.name.local {
            CAPTION_MARK => {
                return Some(if &*a.value == "caption" || &*a.value == BELOW {
                    "caption"
                } else {
                    "credit"
                });
            }
            "class" => class = Some(&a.value),
            _ => {}
        }
    }
    class_caption_kind(class?)
}

/// `caption` or `credit` as the class names say: one pass over them for
/// the English names, which all start with a "c", and the words for a
/// caption in other languages (German `Bildunterschrift` and `Legende`,
/// French `legende` without its accent, Italian `didascalia`, Spanish
/// `pie de foto`, Dutch `bijschrift`, Swedish `bildtext`, Danish and
/// Norwegian `billedtekst`/`bildetekst`, Finnish `kuvateksti`); a bare
/// `legend` is a chart's or a form's, not a caption.
fn class_caption_kind(class: &str) -> Option<&'static str> {
    const CAPTION_WORDS: &[&str] = &[
        "bildunterschrift",
        "legende",
        "didascalia",
        "piefoto",
        "pie-foto",
        "pie_foto",
        "pie-de-foto",
        "bijschrift",
        "bildtext",
        "billedtekst",
        "bildetekst",
        "kuvateksti",
    ];
    let bytes = class.as_bytes();
    let at = |i: usize, needle: &str| {
        bytes
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    let mut kind = None;
    for (i, byte) in bytes.iter().enumerate() {
        match byte | 0x20 {
            b'c' => {
                // "no-caption", "has-caption": a box with or without one.
                let before = &bytes[..i];
                let negated = ["no", "no-", "no_", "has-", "has_", "with-", "without-"]
                    .iter()
                    .any(|p| {
                        before.len() >= p.len()
                            && before[before.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
                    });
                if at(i, "caption") && !negated {
                    return Some("caption");
                }
                if kind.is_none() && (at(i, "credit") || at(i, "copyright")) {
                    kind = Some("credit");
                }
            }
            first @ (b'b' | b'l' | b'd' | b'p' | b'k')
                if CAPTION_WORDS
                    .iter()
                    .any(|w| w.as_bytes()[0] == first && at(i, w)) =>
            {
                return Some("caption");
            }
            _ => {}
        }
    }
    kind
}

/// Whether `node` holds text and inline elements only (some of them),
/// as Readability tells phrasing content: text, inline elements, and
/// links holding only those.
fn holds_only_phrasing(node: &NodeRef) -> bool {
    const INLINE: &[&str] = &[
        "abbr", "b", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
        "samp", "small", "span", "strong", "sub", "sup", "time", "var", "wbr",
    ];
    fn phrasing(n: &NodeRef) -> bool {
        if n.is_text() {
            return true;
        }
        let Some(name) = n.node_name() else {
            return false;
        };
        if INLINE.contains(&&*name) {
            return true;
        }
        matches!(&*name, "a" | "del" | "ins") && holds_only_phrasing(n)
    }
    let children = node.children();
    !children.is_empty() && children.iter().all(phrasing)
}

/// Whether under a quarter of `node`'s text, spaces aside, is link text.
fn under_a_quarter_links(node: &NodeRef) -> bool {
    let shown = |n: &NodeRef| chars_where(n, |c| !c.is_whitespace());
    let links: usize = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| shown(&a))
        .sum();
    links * 4 < shown(node)
}

/// The mark of a caption set as a paragraph of its own under its picture.
const BELOW: &str = "below";

/// The longest caption set as a paragraph of its own under its picture.
const CAPTION_PARAGRAPH_CHARS: usize = 150;

/// The longest wire photo's caption ([`WIRE_CAPTION`]).
const WIRE_CAPTION_CHARS: usize = 500;

/// A wire photo's caption: "FILE - In this … file photo, …", or a credit
/// in brackets at the end that names a photo ("(AP Photo/Jo Roe, File)",
/// "(Photo by Jo Roe/Getty Images)", "(Reuters Photo/…)").
static WIRE_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^FILE\s*[-–—]\s|\(\s*(?:[\w.&'-]+\s+){1,3}Photos?\s*/[^()]{1,60}\)$|\(\s*(?:Photo|Foto)\s*(?:by|:)\s*[^()]{1,60}\)$")
        .expect("valid wire caption pattern")
});

/// The longest description of a picture ([`is_picture_description`]).
const PICTURE_DESCRIPTION_CHARS: usize = 300;

/// Whether `node` is a picture's caption set as its "description": a box
/// whose class names a description (`subbuzz__description`, `img_descr`,
/// `pic-desc`), right after the picture or a box holding it, in a box
/// whose class names a picture (`subbuzz-image`, `photo-block`). A product's description, in a box
/// named for the product, is not.
fn is_picture_description(node: &NodeRef) -> bool {
    // Cheap test first, on the borrowed class: this runs for most
    // elements of the page.
    let described = node.element_ref().is_some_and(|el| {
        el.attrs.iter().any(|a| {
            &*a.name.local == "class"
                && a.value
                    .as_bytes()
                    .windows(b"desc".len())
                    .any(|w| w.eq_ignore_ascii_case(b"desc"))
        })
    });
    if !described {
        return false;
    }
    let words = |n: &NodeRef, wanted: &[&str]| {
        n.attr("class").is_some_and(|c| {
            c.split(|ch: char| !ch.is_ascii_alphanumeric())
                .any(|w| wanted.iter().any(|x| w.eq_ignore_ascii_case(x)))
        })
    };
    words(node, &["description", "descr", "desc"])
        && node
            .prev_element_sibling()
            .is_some_and(|p| p.has_name("img") || p.descendants_it().any(|d| d.has_name("img")))
        && node
            .parent()
            .is_some_and(|p| words(&p, &["image", "img", "photo", "picture", "media", "figure"]))
        && (1..=PICTURE_DESCRIPTION_CHARS).contains(&text_chars(node))
}

/// A short paragraph right below a paragraph that holds only a picture,
/// centred as captions are or ending in a photographer's credit ("新华社
/// 记者 李伟 摄") or "file photo" ("（资料图）"): a caption, as Chinese news
/// sites and older editors set them. And a wire photo's caption of up to
/// 500 characters under a picture's paragraph or box, as sites running
/// agency copy set it.
fn is_caption_paragraph(node: &NodeRef) -> bool {
    if !node.has_name("p") {
        return false;
    }
    let Some(above) = node.prev_element_sibling() else {
        return false;
    };
    let picture_only =
        above.descendants_it().any(|d| d.has_name("img")) && visible_chars(&above) == 0;
    if !(picture_only && (above.has_name("p") || above.has_name("div"))) {
        return false;
    }
    let text = node.text();
    let text = text.trim();
    let chars = text.chars().count();
    // A wire photo's caption, up to 500 characters, under a picture in a
    // paragraph or a box of its own.
    if chars <= WIRE_CAPTION_CHARS && WIRE_CAPTION.is_match(text) {
        return true;
    }
    // Other captions: under a picture in a paragraph; in italics, also
    // in a box of its own.
    if !(above.has_name("p") || is_italic(node)) {
        return false;
    }
    if chars == 0 || chars > CAPTION_PARAGRAPH_CHARS {
        return false;
    }
    // Centred where the story's text below is not: on a photo blog every
    // paragraph is centred, and the text under each picture is the story.
    let centred_caption = is_centred(node)
        && node
            .next_element_sibling()
            .is_some_and(|n| n.has_name("p") && !is_centred(&n) && visible_chars(&n) > 0);
    // Set in italics where the story's text below is not, as blog
    // editors write a caption.
    let italic_caption = is_italic(node)
        && node
            .next_element_sibling()
            .is_some_and(|n| n.has_name("p") && !is_italic(&n) && visible_chars(&n) > 0);
    centred_caption
        || italic_caption
        || [
            "摄",
            "摄）",
            "摄)",
            "攝",
            "資料圖",
            "资料图）",
            "资料图)",
            "資料圖）",
        ]
        .iter()
        .any(|end| text.ends_with(end))
        || ["图注", "圖注", "图：", "圖：", "图为", "圖為"]
            .iter()
            .any(|start| text.starts_with(start))
}

/// Whether all of a block's text is in one `<em>` or `<i>`.
fn is_italic(node: &NodeRef) -> bool {
    let mut italic = node
        .element_children()
        .into_iter()
        .filter(|c| !c.has_name("br"));
    let (Some(only), None) = (italic.next(), italic.next()) else {
        return false;
    };
    (only.has_name("em") || only.has_name("i"))
        && visible_chars(&only) > 0
        && visible_chars(&only) == visible_chars(node)
}

/// Whether a block is centred by its `align` or inline style.
fn is_centred(node: &NodeRef) -> bool {
    node.attr("align")
        .is_some_and(|a| a.eq_ignore_ascii_case("center"))
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("text-align:center")
        })
}

/// An element the page does not show: `hidden`, `aria-hidden="true"`, a
/// hiding class (see [`is_hidden_class`]), or
/// an inline style with `display: none` or `visibility: hidden`. Body and
/// html are never hidden here (script-rendered pages unhide them later).
fn is_hidden(node: &NodeRef) -> bool {
    let Some(el) = node.element_ref() else {
        return false;
    };
    if matches!(&*el.name.local, "html" | "body" | "head") {
        return false;
    }
    el.attrs.iter().any(|a| match &*a.name.local {
        "hidden" => true,
        // Text for screen readers only ("Image caption", "Media playback
        // is unsupported on your device").
        "class" => {
            a.value.split_whitespace().any(|c| {
                SCREEN_READER_CLASSES
                    .iter()
                    .any(|s| c.eq_ignore_ascii_case(s))
            }) || ((a.value.contains("hid") || a.value.contains("d-none"))
                && is_hidden_class(&a.value))
        }
        "aria-hidden" => a.value.trim().eq_ignore_ascii_case("true"),
        "style" => {
            let style: String = a
                .value
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            style.contains("display:none") || style.contains("visibility:hidden")
        }
        _ => false,
    })
}

/// Whether a class list hides its element whatever the screen: a utility
/// class that hides (`hidden`, Bootstrap's `d-none`, Foundation's `hide`,
/// Bulma's `is-hidden`) with no variant beside it that shows it on some
/// screens (`hidden md:block`, `hidden-xs`, `d-none d-md-block`).
fn is_hidden_class(classes: &str) -> bool {
    const HIDING: &[&str] = &["hidden", "d-none", "is-hidden", "hide"];
    let mut tokens = classes.split_whitespace();
    tokens.clone().any(|c| HIDING.contains(&c))
        && !tokens.any(|c| {
            c.contains(':')
                || (c != "hidden" && c.starts_with("hidden-"))
                || (c != "d-none" && c.starts_with("d-") && c.matches('-').count() == 2)
        })
}

/// Classes that hide an element from sight and leave it to screen readers.
const SCREEN_READER_CLASSES: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "off-screen",
    "offscreen",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
];

/// The element whose `<p>`s hold the most text, and that text's length in
/// characters: its own `<p>` children and, `through_wrappers`, the `<p>`
/// of each child that wraps a single one (`<div class="paragraph"><p>…`,
/// a slide's text beside its picture), which a page may give every
/// paragraph (but so may a list of comments).
pub fn largest_paragraph_parent<'a>(
    doc: &'a Document,
    through_wrappers: bool,
) -> Option<(usize, NodeRef<'a>)> {
    let mut chars: std::collections::HashMap<_, (usize, NodeRef)> =
        std::collections::HashMap::new();
    for p in doc.select("p").nodes() {
        let Some(parent) = p.parent() else { continue };
        let n = text_chars(p);
        chars.entry(parent.id).or_insert((0, parent)).0 += n;
        let single = through_wrappers
            && parent
                .element_children()
                .iter()
                .filter(|c| c.has_name("p"))
                .count()
                == 1;
        if single && let Some(grand) = parent.parent() {
            chars.entry(grand.id).or_insert((0, grand)).0 += n;
        }
    }
    // The earliest of equals, as a walk in document order would keep.
    chars
        .into_values()
        .max_by(|(a, na), (b, nb)| a.cmp(b).then(nb.id.cmp(&na.id)))
}

/// The shortest paragraph that counts toward a story under its headline.
const STORY_PARAGRAPH_CHARS: usize = 80;

/// The `<article>` around the page's headline (the first `<h1>` that
/// reads like `title`, the title the page shows, or failing one the first
/// such `<h2>`), as its text and its HTML, when it holds a story of its
/// own: two paragraphs or more and
/// [`STORY_BOX_CHARS`] of paragraph text. A page that lists other stories
/// with long introductions below a short one may lead Readability to one
/// of those; this is the story the headline heads. `None` too when the
/// page's largest run of paragraphs (`block`) stands inside it: that is
/// where Readability's choice falls, so it is not read twice.
pub fn headline_article(
    doc: &Document,
    title: &str,
    block: Option<&NodeRef>,
) -> Option<(String, String)> {
    if title.trim().is_empty() {
        return None;
    }
    // Pages that run stories one after another (the next loads as the
    // reader scrolls) head each with an `<h2>`.
    let headline = ["h1", "h2"].iter().find_map(|tag| {
        doc.select(tag)
            .nodes()
            .iter()
            .find(|h| like_title(title, &h.text()))
            .copied()
    })?;
    let article = headline
        .ancestors_it(None)
        .find(|a| a.has_name("article"))?;
    if block.is_some_and(|b| is_within(b, &article)) {
        return None;
    }
    let paragraphs: Vec<usize> = article
        .descendants_it()
        .filter(|d| d.has_name("p"))
        .map(|p| text_chars(&p))
        .filter(|&n| n >= STORY_PARAGRAPH_CHARS)
        .collect();
    (paragraphs.len() >= 2 && paragraphs.iter().sum::<usize>() >= STORY_BOX_CHARS)
        .then(|| (article.text().to_string(), article.html().to_string()))
}

/// Tags that may be furniture boxes; any element with a `role` may be too.
const BOX_TAGS: &[&str] = &[
    "div", "section", "aside", "ul", "ol", "nav", "footer", "header", "form", "span", "p",
    "figure", "dialog",
];

/// Whether `node` matches `div, section, ..., dialog, [role]`, checked by
/// hand in one walk: the `[role]` term keeps dom_query off its fast
/// type-selector path, and matching the whole list per element cost more
/// than the furniture test itself. Like the selector, `[role]` means a
/// `role` attribute in no namespace.
fn is_box(node: &NodeRef) -> bool {
    node.element_ref().is_some_and(|el| {
        BOX_TAGS.contains(&&*el.name.local)
            || is_video_element(&el.name.local)
            || el
                .attrs
                .iter()
                .any(|a| a.name.ns.is_empty() && &*a.name.local == "role")
    })
}

/// Whether `tag` is a custom element named for video (`<ps-vid-player>`,
/// `<video-js>`): a part between its dashes is or holds "vid" or
/// "video" (not `<covid-counter>`, nor a sports `<player-stats>`).
fn is_video_element(tag: &str) -> bool {
    tag.contains('-')
        && tag
            .split('-')
            .any(|part| part == "vid" || part.contains("video"))
}

/// `node.text().chars().count()` without building the text.
pub(super) fn text_chars(node: &NodeRef) -> usize {
    chars_where(node, |_| true)
}

/// Whether `node`'s text has at most `most` characters; stops counting
/// past them, so a page's large boxes cost little.
pub(super) fn holds_at_most(node: &NodeRef, most: usize) -> bool {
    holds_at_most_where(node, most, |_| true)
}

/// [`holds_at_most`] counting only the characters that are not
/// whitespace, as [`visible_chars`] does.
pub(super) fn shows_at_most(node: &NodeRef, most: usize) -> bool {
    holds_at_most_where(node, most, |c| !c.is_whitespace())
}

fn holds_at_most_where(node: &NodeRef, most: usize, keep: impl Fn(char) -> bool) -> bool {
    let mut chars = 0;
    for descendant in node.descendants_it() {
        chars += own_chars(&descendant, &keep);
        if chars > most {
            return false;
        }
    }
    true
}

/// The characters of a node's text that are not whitespace.
pub(super) fn visible_chars(node: &NodeRef) -> usize {
    chars_where(node, |c| !c.is_whitespace())
}

/// How many characters of `node`'s text `keep` accepts, without building
/// the text.
fn chars_where(node: &NodeRef, keep: impl Fn(char) -> bool) -> usize {
    std::iter::once(*node)
        .chain(node.descendants_it())
        .map(|n| own_chars(&n, &keep))
        .sum()
}

/// How many characters of `node`'s text `keep` accepts when `node` is a
/// text node; 0 for any other node.
fn own_chars(node: &NodeRef, keep: impl Fn(char) -> bool) -> usize {
    node.query_or(0, |t| match &t.data {
        NodeData::Text { contents } => contents.chars().filter(|&c| keep(c)).count(),
        _ => 0,
    })
}

/// The most text, spaces aside, a video's box holds: its title, a description, a
/// credit and the player's labels.
const VIDEO_BOX_CHARS: usize = 300;

/// Whether `node`, a box named or labelled for video (`VideoLead`,
/// `video-embed`, `data-area="video_player"`, `aria-label="Video: …"`), is
/// a video's: it is or holds a player (`<video>`, an `<iframe>`, a custom
/// element named for one, `<ps-videoplayer>`, or the placeholder a
/// script's player fills: an element naming a video or player id
/// (`data-video-id`, `data-brightcove-video-id`, Schibsted's `data-svp-id`), or
/// classed as a player, `jwplayer`, `video-player__poster`, or a play
/// button, `aria-label="Play Video"`) and little
/// text, the video's title and description, not the story's.
fn is_video_box(node: &NodeRef) -> bool {
    let is_player = |d: &NodeRef| {
        d.element_ref().is_some_and(|el| {
            let tag = &*el.name.local;
            matches!(tag, "video" | "iframe")
                || tag.contains('-') && (tag.contains("video") || tag.contains("player"))
                || el.attrs.iter().any(|a| {
                    let name = &*a.name.local;
                    matches!(name, "data-player-id" | "data-media-id" | "data-svp-id")
                        || name.starts_with("data-") && name.ends_with("video-id")
                        || matches!(name, "class" | "data-component" | "data-testid" | "data-test-id")
                            && a.value.to_ascii_lowercase().contains("player")
                        // A video's play button ("Play Video"; not "Play
                        // trailer" beside a film's story, nor "Play audio").
                        || tag == "button"
                            && name == "aria-label"
                            && matches!(
                                a.value.trim().to_lowercase().as_str(),
                                "play" | "play video" | "play the video" | "watch video"
                                    | "lire la vidéo" | "video abspielen" | "reproducir vídeo"
                                    | "reproducir video"
                            )
                })
        })
    };
    // One walk that stops at the first text too many: boxes named for
    // video may wrap a whole page. Letters count, not the indentation.
    let (mut chars, mut player) = (0, is_player(node));
    for d in node.descendants_it() {
        chars += d.query_or(0, |t| match &t.data {
            NodeData::Text { contents } => contents.chars().filter(|c| !c.is_whitespace()).count(),
            _ => 0,
        });
        if chars > VIDEO_BOX_CHARS {
            return false;
        }
        player = player || is_player(&d);
    }
    player
}

/// The least text in paragraphs of prose (see [`prose_chars`]) a box
/// classed `paywall` holds when it is a part of the story rather than a
/// prompt to subscribe.
const PAYWALL_STORY_CHARS: usize = 300;

/// The text of the paragraphs in `node` long enough to be prose: a
/// story's, not an offer's or a button's.
fn prose_chars(node: &NodeRef) -> usize {
    node.descendants_it()
        .filter(|d| d.has_name("p"))
        .map(|p| text_chars(&p))
        .filter(|&n| n >= STORY_PARAGRAPH_CHARS)
        .sum()
}

fn is_furniture(node: &NodeRef) -> bool {
    let Some(el) = node.element_ref() else {
        return false;
    };
    match &*el.name.local {
        "body" | "html" | "main" | "article" => return false,
        // `<nav>` holds navigation by definition, whatever its class: a
        // table of contents, a series' other parts.
        "nav" => return true,
        _ => {}
    }
    // The attributes borrowed, as this runs for every box of the page.
    let (mut role, mut class, mut id, mut label) = ("", "", "", "");
    // Sites styled with utility classes name their components in data
    // attributes instead (`data-area="newsletter_box"`,
    // `data-component="VideoPlayer"`).
    let mut component = String::new();
    for a in &el.attrs {
        match &*a.name.local {
            "role" => role = &a.value,
            "class" => class = &a.value,
            "id" => id = &a.value,
            "aria-label" => label = &a.value,
            "data-component" | "data-area" | "data-testid" | "data-test-id" => {
                component.push_str(&a.value.to_ascii_lowercase());
                component.push(' ');
            }
            _ => {}
        }
    }
    if !role.is_empty() && FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
        return true;
    }
    // `paywall` alone marks the paywalled paragraphs or parts of the
    // story (Condé Nast, Fortune), and also prompts to subscribe, which
    // hold offers, buttons and forms but no paragraphs of prose.
    if class
        .split_whitespace()
        .any(|c| c.eq_ignore_ascii_case("paywall"))
    {
        return !el.name.local.eq_str_ignore_ascii_case("p")
            && prose_chars(node) < PAYWALL_STORY_CHARS;
    }
    // Fewer names count there than in a class: components are named for
    // their look as often as for what they hold (`HeroBanner`,
    // `ImageWithModal` hold the story's picture).
    const COMPONENT_PARTS: &[&str] = &[
        "newsletter",
        "related",
        "recommend",
        "share",
        "social",
        "comment",
        "outbrain",
        "taboola",
    ];
    if !component.is_empty()
        && (COMPONENT_PARTS.iter().any(|p| component.contains(p))
            || component.contains("video") && is_video_box(node))
    {
        return true;
    }
    // A player's own element (`<ps-vid-player>`) around its title and
    // description.
    if is_video_element(&el.name.local) && is_video_box(node) {
        return true;
    }
    // A player labelled for screen readers ("Video: Bluffs give way").
    if label
        .trim_start()
        .get(..6)
        .is_some_and(|l| l.eq_ignore_ascii_case("video:") || l.eq_ignore_ascii_case("video "))
        && is_video_box(node)
    {
        return true;
    }
    if class.trim().is_empty() && id.trim().is_empty() {
        return false;
    }
    // The class names that say what the box is, then the id, lower-cased
    // and separated by spaces.
    let class = class.to_ascii_lowercase();
    let mut names = String::with_capacity(class.len() + id.len() + 1);
    for c in class.split_whitespace().filter(|c| {
        !is_modifier_class(c)
            && (!is_variant_class(c, &class) || c.contains("newsletter") && is_sign_up(node))
    }) {
        if !names.is_empty() {
            names.push(' ');
        }
        names.push_str(c);
    }
    names.push(' ');
    names.push_str(id);
    names.make_ascii_lowercase();
    if names.trim().is_empty() {
        return false;
    }
    if FURNITURE_PARTS_RE.is_match(&names) {
        return true;
    }
    // A box named `bio` alone is an author's card; as a word in a longer
    // name it may be the byline's box (`author_short_bio`).
    if class.split_whitespace().any(|c| c == "bio") {
        return true;
    }
    if names.contains("video") && is_video_box(node) {
        return true;
    }
    names
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|word| FURNITURE_WORD_SET.contains(word))
}

/// Class names that say what a box has or allows, not what it is:
/// `has-sharing`, `with-comments`, `no-ads`, `share-enabled`. A story
/// wrapper carries them as often as a share bar does; so it does the
/// names of who may read it (`subscriber-preview` holds a paywalled
/// story's opening, `subscriber-only` the rest; `paywall` alone is judged
/// in [`is_furniture`] by how much the box holds).
fn is_modifier_class(class: &str) -> bool {
    if matches!(
        class,
        "subscriber-only" | "subscriber-preview" | "subscriber-content" | "subscribers-only"
    ) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "has-", "has_", "hasnt-", "with-", "with_", "no-", "no_", "enable-", "enabled-",
    ];
    const SUFFIXES: &[&str] = &["-enabled", "_enabled", "-disabled", "_disabled"];
    PREFIXES.iter().any(|p| class.starts_with(p))
        || SUFFIXES.iter().any(|s| class.ends_with(s))
        || class
            .split_once("--")
            .is_some_and(|(_, m)| PREFIXES.iter().any(|p| m.starts_with(p)))
}

/// Whether `node` holds a sign-up: a form, a field or a button.
fn is_sign_up(node: &NodeRef) -> bool {
    node.descendants_it()
        .any(|d| d.has_name("form") || d.has_name("input") || d.has_name("button"))
}

/// A BEM modifier written beside the class it modifies (`section
/// section--ads`, `card__body card__body--related`): it names a variant
/// of the box (here, one with ad slots between its paragraphs), and the
/// base class says what the box is. A `layout--footer` with no `layout`
/// beside it is a name of its own, and so is a newsletter's variant
/// (`element element--newsletter`) holding a sign-up ([`is_sign_up`]; a
/// newsletter's edition sets its sections so too, without one).
fn is_variant_class(class: &str, classes: &str) -> bool {
    class
        .split_once("--")
        .is_some_and(|(base, _)| !base.is_empty() && classes.split_whitespace().any(|c| c == base))
}

/// The article fragment after tidying, the images taken out of it and
/// what its date lines said.
pub struct Tidied {
    pub html: String,
    pub images: Vec<Image>,
    pub dates: DateLine,
    /// The name a posted-by line gave ("11.05.2012, 10:22 von jo").
    pub posted_by: Option<String>,
}

/// Readability's article alone, in the document it was found in: the page
/// around it is cut away and the article is the document's one child, as
/// if its HTML had been serialized and parsed again. `None` when the
/// document holds no article.
pub fn readability_article(doc: Document) -> Option<Document> {
    let article = doc
        .select_single("#readability-page-1")
        .nodes()
        .first()
        .copied()?;
    article.remove_from_parent();
    let root = doc.root();
    root.remove_children();
    root.append_child(&article.id);
    Some(doc)
}

/// Tidies an article: images out, captions and notices gone, layout
/// tables flattened, a repeated title heading dropped.
pub fn tidy_article(doc: &Document, title: &str, base: Option<&Url>) -> Tidied {
    doc.select(&format!("[{KICKER_MARK}]")).remove();
    for h in doc.select(&format!("[{HEADING_MARK}]")).nodes() {
        h.rename("h2");
        h.remove_attr(HEADING_MARK);
    }
    // Cards for other stories go before the images are taken: a card's
    // picture is the other story's.
    remove_story_cards(doc);
    super::pull_quote::remove_pull_quotes(doc);
    let images = take_images(doc, base);
    remove_share_links(doc);
    remove_emptied_blocks(doc);
    code_in_pre(doc);
    unstyle_blank_inlines(doc);
    let (dates, posted_by) = take_date_lines(doc);
    space_before_links(doc);
    super::mail_links::spell_out(doc);
    split_block_links(doc);
    math_to_text(doc);
    super::breadcrumb::remove_trails(doc, base);
    separators_to_rules(doc);
    remove_comment_counts(doc);
    remove_notices(doc, base);
    flatten_layout_tables(doc);
    remove_title_heading(doc, title);
    Tidied {
        html: doc.html().to_string(),
        images,
        dates,
        posted_by,
    }
}

/// Removes links to the page's comments that give their count ("23", "47
/// Postings") or only a comment label: beside a byline or between
/// paragraphs they say nothing once the page is saved.
fn remove_comment_counts(doc: &Document) {
    // Names of comment sections; "community" or "forum" alone may be a
    // part of the story (a wiki's "Community" and "Local_communities"
    // sections), so only a hyphenated compound ("story-community").
    const NAMES: &[&str] = &[
        "comment",
        "kommentar",
        "-communit",
        "-forum",
        "respond",
        "disqus",
        "posting",
        "reactions",
    ];
    for a in doc.select("a[href*='#']").nodes() {
        let Some(href) = a.attr("href") else { continue };
        let fragment = href
            .rsplit_once('#')
            .map(|(_, f)| f.to_ascii_lowercase())
            .unwrap_or_default();
        let text = a.text();
        if NAMES.iter().any(|n| fragment.contains(n))
            && text.chars().count() <= 30
            && (text.contains(|c: char| c.is_ascii_digit()) || is_boilerplate(&text))
        {
            let parent = a.parent();
            a.remove_from_parent();
            // The list item or paragraph it leaves empty goes too, and a
            // list left empty with it.
            let emptied = |n: &NodeRef| n.text().trim().is_empty();
            if let Some(parent) =
                parent.filter(|p| (p.has_name("li") || p.has_name("p")) && emptied(p))
            {
                let list = parent
                    .parent()
                    .filter(|l| l.has_name("ul") || l.has_name("ol"));
                parent.remove_from_parent();
                if let Some(list) = list.filter(emptied) {
                    list.remove_from_parent();
                }
            }
        }
    }
}

/// Makes a paragraph that is only a row of underscores or hyphens, or of
/// spaced asterisks (wire copy's "___" before its notes, a feature's "* *
/// *" between its parts), the rule it stands for: as text it would print
/// escaped. Asterisks set close ("****") are a review's stars, and a
/// paragraph holding a picture (an ornament) stays as it is.
fn separators_to_rules(doc: &Document) {
    for p in doc.select("p").nodes() {
        let text = p.text();
        let text = text.trim();
        if super::tail::is_rule(text)
            && (!text.starts_with('*') || text.contains(' '))
            && !p.descendants_it().any(|d| d.has_name("img"))
        {
            p.remove_children();
            p.rename("hr");
        }
    }
}

/// Inline elements that only style their text.
const STYLE_TAGS: &[&str] = &[
    "em", "i", "b", "strong", "u", "s", "strike", "small", "mark", "font", "cite", "sub", "sup",
];

/// Replaces an inline style element that holds only whitespace
/// ("misguided<em> </em>policy") by a space: the Markdown converter drops
/// such an element whole, which glues the words on either side. One walk,
/// names compared by hand: a selector list of thirteen tags tried on every
/// element costs more than the test.
fn unstyle_blank_inlines(doc: &Document) {
    let blank: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|n| {
            n.element_ref()
                .is_some_and(|el| STYLE_TAGS.contains(&&*el.name.local))
                && n.first_child().is_some()
                && n.children_it(false).all(|c| {
                    c.query_or(false, |t| match &t.data {
                        NodeData::Text { contents } => contents.trim().is_empty(),
                        _ => false,
                    })
                })
        })
        .collect();
    for el in blank {
        el.insert_before(&doc.tree.new_text(" "));
        el.remove_from_parent();
    }
}

/// Puts the text of a `<pre>` without `<code>` (as blog editors write
/// code) into one, with its `<br>`s as line breaks: Markdown then keeps
/// it as a code block, indentation and all.
fn code_in_pre(doc: &Document) {
    fn text_with_breaks(node: &NodeRef, out: &mut String) {
        for child in node.children_it(false) {
            if child.is_text() {
                out.push_str(&child.text());
            } else if child.has_name("br") {
                out.push('\n');
            } else {
                text_with_breaks(&child, out);
            }
        }
    }
    for pre in doc.select("pre").nodes() {
        if pre.descendants_it().any(|d| d.has_name("code")) {
            continue;
        }
        let mut text = String::new();
        text_with_breaks(pre, &mut text);
        pre.set_html(format!(
            "<code>{}</code>",
            crate::vocabulary::html::escape(&text)
        ));
    }
}

/// Removes list items left without text once their images went (an
/// author's avatar, a gallery's thumbnails), and lists left without items:
/// they would be empty bullets. So do headings that held only a picture:
/// they would be empty headings.
/// Removes share buttons: links to a network's share endpoint
/// ([`is_share_address`]), unless set in a paragraph with other words (a
/// sentence that links to one keeps them; a script that sets a row of
/// buttons as a paragraph does not).
fn remove_share_links(doc: &Document) {
    let is_button =
        |n: &NodeRef| n.has_name("a") && n.attr("href").is_some_and(|h| is_share_address(&h));
    // Letters and digits only: separators between buttons count not.
    let words = |n: &NodeRef| n.text().chars().filter(|c| c.is_alphanumeric()).count();
    let buttons: Vec<NodeRef> = doc
        .select("a[href]")
        .nodes()
        .iter()
        .filter(|a| is_button(a))
        .copied()
        .collect();
    for link in buttons {
        let in_sentence = link
            .ancestors_it(None)
            .find(|a| a.has_name("p"))
            .is_some_and(|p| {
                let shared: usize = p
                    .descendants_it()
                    .filter(is_button)
                    .map(|a| words(&a))
                    .sum();
                words(&p) > shared
            });
        if !in_sentence {
            link.remove_from_parent();
        }
    }
}

/// Whether `href` opens a network's form for sharing a page ("Share on
/// Facebook", "Tweet", an e-mail with no address): a button, never a
/// source.
fn is_share_address(href: &str) -> bool {
    // One pass over the address for all endpoints: every link of the
    // article is asked.
    static ENDPOINTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"facebook\.com/(?:sharer|share\.php|dialog/share|dialog/feed)",
            r"|twitter\.com/(?:intent/|share)|x\.com/intent/|linkedin\.com/(?:shareArticle|sharearticle|sharing/)",
            r"|pinterest\.com/pin/create|reddit\.com/submit|wa\.me/\?|api\.whatsapp\.com/send|whatsapp://send",
            r"|t\.me/share|telegram\.me/share|tumblr\.com/share|getpocket\.com/save|vk\.com/share\.php",
            r"|service\.weibo\.com/share|news\.ycombinator\.com/submitlink",
        ))
        .expect("valid share endpoint pattern")
    });
    let href = href.trim();
    href.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:?"))
        || ENDPOINTS.is_match(href)
}

fn remove_emptied_blocks(doc: &Document) {
    for item in doc.select("li, h1, h2, h3, h4, h5, h6").nodes() {
        if item.text().trim().is_empty() {
            item.remove_from_parent();
        }
    }
    for list in doc.select("ul, ol").nodes() {
        if list.text().trim().is_empty() {
            list.remove_from_parent();
        }
    }
}

/// Where a date is content: timelines, tables, code.
const DATE_LINE_EXCLUDED: &[&str] = &[
    "li",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "code",
    "blockquote",
];

/// Whether a date in `node` is content: a timeline's or a table's. A
/// short list (at most three items, as a page's date and comment count
/// are set) is no timeline.
fn is_date_content(node: &NodeRef) -> bool {
    let name = node.node_name().unwrap_or_default();
    if &*name == "li" {
        return node
            .parent()
            .is_none_or(|list| list.element_children().len() > MAX_META_LIST_ITEMS);
    }
    DATE_LINE_EXCLUDED.contains(&&*name)
}

/// Makes a heading that a theme uses for the post's date (`<h6
/// class="entry-date">June 8, 2012 6:14 AM</h6>`) a paragraph, before
/// Readability drops class names: a date in a heading is otherwise the
/// story's own (a timeline's), and stays.
fn unhead_date_heading(h: &NodeRef) {
    if h.has_name("h1") || !names_a_date(h) {
        return;
    }
    let text = h.text();
    if text.chars().count() <= 80 && text.contains(|c: char| c.is_ascii_digit()) {
        h.rename("p");
    }
}

/// Whether an element's class or id names it as a post's date or
/// metadata line ("entry-date", "post-meta", "published").
fn names_a_date(node: &NodeRef) -> bool {
    ["class", "id"].iter().any(|a| {
        node.attr(a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            ["date", "posted", "published", "meta"]
                .iter()
                .any(|w| v.contains(w))
        })
    })
}

/// The most items a list of metadata (date, comment count) has.
const MAX_META_LIST_ITEMS: usize = 3;

/// Removes date and update lines ("Updated 5:27 am CST, Wednesday,
/// November 20, 2019") from the article and returns what the first of
/// them said: they are metadata, not text. Headings, table cells and the
/// items of lists longer than three are left alone: there a date is a
/// timeline's or a table's (a heading a theme names for the post's date,
/// `<h6 class="entry-date">`, arrives as a paragraph: see
/// [`unhead_date_heading`]). A line that names who posted it as well
/// ("11.05.2012, 10:22 von jo", "By Jo Roe | November 19, 2019") goes
/// too; the first such name is returned beside the date.
fn take_date_lines(doc: &Document) -> (DateLine, Option<String>) {
    let mut found = DateLine::default();
    let mut posted_by = None;
    let blocks: Vec<NodeRef> = doc
        .select("p, div, section, span, time, amp-timeago, small, address, header, footer, em, strong, b, i, dd, li")
        .nodes()
        .to_vec();
    // The date lines, outermost first (a line's inner element, its
    // `<strong>`, is the same line), each read once: what it says and the
    // name it gives ("By Jo Roe | November 19, 2019", "… von jo").
    let mut lines: Vec<(NodeRef, String)> = Vec::new();
    let mut read: Vec<(DateLine, Option<String>)> = Vec::new();
    let mut line_ids: HashSet<NodeId> = HashSet::new();
    for block in blocks {
        if block.ancestors_it(None).any(|a| line_ids.contains(&a.id)) {
            continue;
        }
        // Cheap tests first: a date line is a small box of short text
        // with a digit in it.
        if block.parent().is_none() || block.descendants_it().nth(12).is_some() {
            continue;
        }
        let chars = text_chars(&block);
        if chars == 0 || chars > 160 {
            continue;
        }
        // A date in emphasis inside a sentence ("La loi du <em>18/09/19</em>
        // prévoit …") is the sentence's.
        if is_emphasis_in_sentence(&block) {
            continue;
        }
        // A date line's parts set side by side in spans ("November 20,
        // 2023", "11:27 AM GMT", "Updated 2 hours ago") read apart.
        let text = text_apart(&block, &|_| true, " ");
        if !text.contains(|c: char| c.is_ascii_digit())
            || std::iter::once(block)
                .chain(block.ancestors_it(None))
                .any(|a| is_date_content(&a))
        {
            continue;
        }
        let said = date_line(&text)
            .map(|line| (line, super::byline::opening_names(&text)))
            .or_else(|| posted_line(&text).map(|(line, name)| (line, Some(name))));
        if let Some(said) = said {
            line_ids.insert(block.id);
            lines.push((block, text));
            read.push(said);
        }
    }
    let timeline = timeline_steps(&lines);
    for ((block, text), (line, names)) in lines.iter().zip(read) {
        if timeline.contains(&block.id) || introduces_date(block) && !is_labelled(text) {
            continue;
        }
        if let Some(names) = names {
            posted_by.get_or_insert(names);
        }
        let line = with_machine_times(line, block);
        found.published = found.published.or(line.published);
        found.updated = found.updated.or(line.updated);
        found.update_time = found.update_time.or(line.update_time);
        block.remove_from_parent();
    }
    (found, posted_by)
}

/// The fewest times a timeline sets one above each of its steps.
const TIMELINE_STEPS: usize = 3;

/// The date lines among `lines` that are a timeline's: at least
/// [`TIMELINE_STEPS`] bare dates or times ("2:47 p.m. MT Aug. 19, 2019")
/// set alike (`<p><strong>`) in one box, one over each step of the story
/// (prose, not a link to a series' other part).
/// A line that names what it dates ("Posted …", "Updated …") is a stamp,
/// however many; the page's own date line above the story is set
/// otherwise.
fn timeline_steps(lines: &[(NodeRef, String)]) -> HashSet<NodeId> {
    // A step of the story, not another date or a link to another part
    // of a series.
    let step_after = |block: &NodeRef| {
        block.next_element_sibling().is_some_and(|next| {
            text_chars(&next) > 0
                && !lines.iter().any(|(l, _)| l.id == next.id)
                && !super::sections::mostly_links(&next)
        })
    };
    let set_as = |block: &NodeRef| -> Vec<String> {
        std::iter::once(*block)
            .chain(block.descendants_it())
            .filter_map(|n| n.node_name().map(|name| name.to_string()))
            .collect()
    };
    let mut alike: HashMap<(NodeId, Vec<String>), Vec<NodeId>> = HashMap::new();
    for (block, text) in lines {
        if let Some(parent) = block.parent()
            && !is_labelled(text)
            && step_after(block)
        {
            alike
                .entry((parent.id, set_as(block)))
                .or_default()
                .push(block.id);
        }
    }
    alike
        .into_values()
        .filter(|steps| steps.len() >= TIMELINE_STEPS)
        .flatten()
        .collect()
}

/// Whether the story introduces the date line `block`
/// ([`is_introduced`]) in a sentence ("The launch window opens at:"), not
/// with a label of the date ("Published:", "Zuletzt aktualisiert am:").
fn introduces_date(block: &NodeRef) -> bool {
    is_introduced(block)
        && block.prev_element_sibling().is_some_and(|prev| {
            let before = prev.text();
            let before = before.trim();
            before.split_whitespace().count() >= INTRODUCING_WORDS && !is_labelled(before)
        })
}

/// The fewest words of a sentence that introduces a date line.
const INTRODUCING_WORDS: usize = 3;

/// `line` with the instants of the zoned `<time datetime>`s in its
/// `block` when there are as many as the text gives dates, taken in
/// order: the text is a local time without its zone ("Updated Tue 21
/// Nov 2023 at 7:41am"), the attribute the instant it was.
fn with_machine_times(line: DateLine, block: &NodeRef) -> DateLine {
    let times: Vec<String> = std::iter::once(*block)
        .chain(block.descendants_it())
        .filter(|n| n.has_name("time"))
        .filter_map(|t| t.attr("datetime"))
        .filter(|d| has_zone(d))
        .filter_map(|d| normalise_date(&d))
        .collect();
    match (line.published.is_some(), line.updated.is_some(), &times[..]) {
        (true, true, [p, u]) => DateLine {
            published: Some(p.clone()),
            updated: Some(u.clone()),
            ..line
        },
        (true, false, [p]) => DateLine {
            published: Some(p.clone()),
            updated: None,
            ..line
        },
        (false, true, [u]) => DateLine {
            published: None,
            updated: Some(u.clone()),
            ..line
        },
        _ => line,
    }
}

/// Block elements: what a link card wraps, and what makes a table one
/// of layout when a cell holds it.
fn is_block(node: &NodeRef) -> bool {
    node.element_ref().is_some_and(|el| {
        matches!(
            &*el.name.local,
            "div"
                | "p"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "ul"
                | "ol"
                | "li"
                | "figure"
                | "section"
                | "blockquote"
                | "pre"
                | "table"
        )
    })
}

/// A link around blocks (a link-preview card: title, description, site)
/// becomes a link on its first block's text, followed by the other
/// blocks as plain paragraphs: Markdown has no link across paragraphs.
fn split_block_links(doc: &Document) {
    for link in doc.select("a[href]").nodes() {
        let blocks: Vec<NodeRef> = link
            .descendants_it()
            .filter(|d| is_block(d) && !d.descendants_it().any(|e| is_block(&e)))
            .collect();
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| collapse(&b.text()))
            .filter(|t| !t.is_empty())
            .collect();
        // Text outside the blocks (`<a><div>Title</div> more</a>`) would
        // be lost: such a link stays as it is.
        let in_blocks: usize = blocks.iter().map(visible_chars).sum();
        if texts.len() < 2 || in_blocks != visible_chars(link) {
            continue;
        }
        let href = link.attr("href").unwrap_or_default();
        let escape = crate::vocabulary::html::escape;
        let mut html = format!(
            "<p><a href=\"{}\">{}</a></p>",
            escape(&href),
            escape(&texts[0])
        );
        for t in &texts[1..] {
            html.push_str(&format!("<p>{}</p>", escape(t)));
        }
        link.replace_with_html(html);
    }
}

/// Sets the space a link's text opens with before the link, where what
/// comes before the link does not end in a space: `as he<a href=…> spent</a>` reads
/// "as he spent", but Markdown trims a link's text, so the two words
/// would be glued ("hespent").
fn space_before_links(doc: &Document) {
    for link in doc.select("a").nodes() {
        let opens_with_space = link
            .first_child()
            .is_some_and(|t| t.is_text() && t.text().starts_with(char::is_whitespace));
        let glued = opens_with_space
            && link
                .prev_sibling()
                .is_some_and(|p| !p.is_text() || !p.text().ends_with(char::is_whitespace));
        if glued {
            link.insert_before(&doc.tree.new_text(" "));
        }
    }
}

/// The most text a hover card holds.
const MAX_HOVER_CARD_CHARS: usize = 400;

/// Removes hover cards: a box right after a link that repeats the link's
/// text and adds a teaser ("Alexandria Ocasio-Cortez" then
/// "Alexandria Ocasio-CortezSanders doubles down…" in a hidden card), or a
/// box whose class says it is a card and that holds each of the name's
/// words (the name in full). Run on the page before Readability, which
/// drops class names; every body is cut from the page after it.
pub fn remove_hover_cards(doc: &Document) {
    for link in doc.select("a").nodes() {
        // Most links have nothing after them but text: test that first.
        if link.next_element_sibling().is_none()
            && link.parent().is_none_or(|w| {
                link.prev_element_sibling().is_some() || w.next_element_sibling().is_none()
            })
        {
            continue;
        }
        let name = collapse(&link.text());
        if name.chars().count() < 4 {
            continue;
        }
        // The link itself, or an inline wrapper holding only the link
        // (`<span class="person"><a>Name</a></span><span class="card">…`).
        let anchor = match link.parent() {
            Some(p)
                if link.next_element_sibling().is_none()
                    && matches!(
                        &*p.node_name().unwrap_or_default(),
                        "span" | "em" | "strong" | "b" | "i"
                    )
                    && collapse(&p.text()) == name =>
            {
                p
            }
            _ => *link,
        };
        let link = &anchor;
        let Some(next) = link.next_element_sibling() else {
            continue;
        };
        if !matches!(
            &*next.node_name().unwrap_or_default(),
            "span" | "div" | "aside" | "section"
        ) {
            continue;
        }
        // Only whitespace between the link and the card.
        let mut between = link.next_sibling();
        let mut adjacent = true;
        while let Some(n) = between {
            if n.id == next.id {
                break;
            }
            if !n.text().trim().is_empty() {
                adjacent = false;
                break;
            }
            between = n.next_sibling();
        }
        // A card repeats the name in its own element, so the teaser
        // follows it with no space; a sentence goes on with a space or an
        // apostrophe. A class that says "card" settles it either way.
        let card = collapse(&next.text());
        let glued = card
            .strip_prefix(name.as_str())
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric);
        let named = next.attr("class").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            ["card", "hover", "rollover", "tooltip", "popover", "preview"]
                .iter()
                .any(|k| c.contains(k))
        });
        // A card its class names may give the name in full ("Ada Maria
        // Ocasio" for "Ada Ocasio"): it holds each of the name's words.
        // The card's words, its texts apart ("Ada Maria Ocasio" then a
        // headline run together).
        let spaced: String = next
            .descendants_it()
            .filter(|d| d.is_text())
            .map(|d| d.text().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = spaced.split(|c: char| !c.is_alphanumeric()).collect();
        let repeats = card.starts_with(&name) && (glued || named)
            || named
                && name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .all(|w| words.contains(&w));
        // A card is small and holds no paragraph or heading: run on the
        // whole page, the rule must never take a story's box.
        let small = card.chars().count() <= MAX_HOVER_CARD_CHARS
            && !next.descendants_it().any(|d| {
                d.element_ref().is_some_and(|el| {
                    matches!(
                        &*el.name.local,
                        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "article"
                    )
                })
            });
        if adjacent && card.len() > name.len() && repeats && small {
            next.remove_from_parent();
        }
    }
}

/// Removes cards for other stories set inside the story: an `<article>`
/// (or a `<figure>`: a picture with the other story's headline under it)
/// holding under a third of the text whose heading links to another page
/// (or stands in such a link), with at most one paragraph of prose
/// outside links, as a "More on this" box holds a picture, a tag line,
/// the other story's headline and its teaser. Cards that together hold a
/// third of the text or more are the story itself (a live blog's posts),
/// and stay.
fn remove_story_cards(doc: &Document) {
    let total = text_chars(&doc.root());
    let cards: Vec<NodeRef> = doc
        .select("article, figure")
        .nodes()
        .iter()
        .filter(|a| {
            if text_chars(a) * 3 >= total {
                return false;
            }
            let Some(heading) = a.descendants_it().find(is_heading) else {
                return false;
            };
            let in_link = heading
                .ancestors_it(None)
                .take_while(|n| n.id != a.id)
                .any(|n| is_link_elsewhere(&n));
            (in_link || links_elsewhere(&heading)) && at_most_one_prose_paragraph(a)
        })
        .copied()
        .collect();
    let card_chars: usize = cards.iter().map(text_chars).sum();
    if cards.is_empty() || card_chars * 3 >= total {
        return;
    }
    for card in cards {
        card.remove_from_parent();
    }
}

/// Collects `<img>`s (absolute http(s) URL; alt text, or the figure's
/// caption when the alt is empty), then removes images, figure captions
/// and credit spans from the text.
fn take_images(doc: &Document, base: Option<&Url>) -> Vec<Image> {
    let mut images: Vec<Image> = Vec::new();
    let mut unmarked_captions = Vec::new();
    for img in doc.select("img").nodes() {
        let Some(url) = image_source(img).and_then(|s| absolute(&s, base)) else {
            continue;
        };
        let url = linked_full_size(img, base).unwrap_or(url);
        if is_tiny(img) || images.iter().any(|i| i.url == url) {
            continue;
        }
        let alt = collapse(&img.attr("alt").unwrap_or_default());
        let beside = text_beside(img);
        let caption = caption_of(img).or_else(|| {
            let texts: Vec<String> = beside.iter().map(|n| n.text().to_string()).collect();
            caption_text(&texts.join(" "))
        });
        unmarked_captions.extend(beside);
        let caption = caption.filter(|c| *c != alt);
        images.push(Image { url, alt, caption });
    }
    // A `<cite>` in a figure with a picture names the picture's source
    // ("Rosa Lindqvist/Vox"); in a quotation's `<blockquote>`, the person
    // quoted, who stays.
    let cited: HashSet<NodeId> = doc
        .select("figure cite")
        .nodes()
        .iter()
        .filter(|c| {
            !c.ancestors_it(None).any(|a| a.has_name("blockquote"))
                && c.ancestors_it(None)
                    .find(|a| a.has_name("figure"))
                    .is_some_and(|f| f.descendants_it().any(|d| d.has_name("img")))
        })
        .map(|c| c.id)
        .collect();
    doc.select("img, picture")
        .nodes()
        .iter()
        .for_each(|n| n.remove_from_parent());
    let is_caption = |n: &NodeRef| {
        n.has_name("figcaption") || cited.contains(&n.id) || caption_kind(n).is_some()
    };
    // The outermost of captions inside one another (a caption's box and
    // the paragraph it holds are both marked).
    let captions: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(is_caption)
        .filter(|n| text_chars(n) <= 400)
        .collect();
    let ids: std::collections::HashSet<dom_query::NodeId> = captions.iter().map(|c| c.id).collect();
    let captions: Vec<NodeRef> = captions
        .into_iter()
        .filter(|n| !n.ancestors_it(None).any(|a| ids.contains(&a.id)))
        .collect();
    // In a slideshow or photo story the captions are the text: keep them
    // when they hold a large share of it, each caption counted once (a
    // page may print one twice, for its enlarged picture). Text beside an
    // image counts only for itself: it goes when, with the named
    // captions, it is a small share.
    let caption_chars: usize = captions
        .iter()
        .map(|c| collapse(&c.text()))
        .collect::<std::collections::HashSet<_>>()
        .iter()
        .map(|t| t.chars().count())
        .sum();
    let total = text_chars(&doc.root());
    let beside_chars: usize = unmarked_captions.iter().map(text_chars).sum();
    if (caption_chars + beside_chars) * SLIDESHOW_CAPTION_SHARE < total {
        unmarked_captions
            .iter()
            .for_each(|n| n.remove_from_parent());
    }
    if caption_chars * SLIDESHOW_CAPTION_SHARE < total {
        captions.iter().for_each(|n| n.remove_from_parent());
    } else {
        // Slideshows repeat a caption once per slide: keep the first.
        let mut seen = std::collections::HashSet::new();
        for caption in &captions {
            if !seen.insert(collapse(&caption.text())) {
                caption.remove_from_parent();
            }
        }
    }
    images
}

/// The captions of the page's `<figure>`s by their image's file name
/// ([`image_file_key`]), read before anything leaves the page (a lead
/// photo's figure often stands outside the article's block, in a box
/// named like furniture), without text the page hides.
pub fn figure_captions(doc: &Document) -> Vec<(String, String)> {
    doc.select("figure")
        .nodes()
        .iter()
        .take(MAX_FIGURES)
        .filter_map(|figure| {
            let img = figure.descendants_it().find(|d| d.has_name("img"))?;
            let src = image_source(&img)?;
            let caption = figure.descendants_it().find(|d| d.has_name("figcaption"))?;
            Some((image_file_key(&src)?, caption_text(&shown_text(&caption))?))
        })
        .collect()
}

/// The text of `node` without what [`is_hidden`] hides, with a space
/// where a block, a line break or a credit starts: the parts of a caption
/// ("Lifeboat crew at the pier.", "Photo: J. Roe") do not run together.
fn shown_text(node: &NodeRef) -> String {
    text_apart(
        node,
        &|child| {
            let name = child.node_name().unwrap_or_default();
            matches!(
                &*name,
                "p" | "div" | "br" | "li" | "dd" | "dt" | "figcaption" | "small" | "cite"
            ) || caption_kind(child) == Some("credit")
        },
        " ",
    )
}

/// The text of `node` without what [`is_hidden`] hides, with `sep` (" "
/// or ", ") around each element `apart` names: never opening or closing
/// the text, and once where two such elements meet.
pub(super) fn text_apart(node: &NodeRef, apart: &dyn Fn(&NodeRef) -> bool, sep: &str) -> String {
    fn walk(node: &NodeRef, apart: &dyn Fn(&NodeRef) -> bool, sep: &str, out: &mut String) {
        let mark = sep.trim();
        let part = |out: &mut String| {
            let end = out.trim_end().len();
            if end > 0 && (mark.is_empty() || !out[..end].ends_with(mark)) {
                out.truncate(end);
                out.push_str(sep);
            }
        };
        for child in node.children_it(false) {
            if child.is_text() {
                out.push_str(&child.text());
            } else if child.is_element() && !is_hidden(&child) {
                let set_apart = apart(&child);
                if set_apart {
                    part(out);
                }
                walk(&child, apart, sep, out);
                if set_apart {
                    part(out);
                }
            }
        }
    }
    let mut out = String::new();
    walk(node, apart, sep, &mut out);
    let kept = out.trim_end().trim_end_matches(sep.trim()).trim_end().len();
    out.truncate(kept);
    out
}

/// How many figures [`figure_captions`] reads.
const MAX_FIGURES: usize = 20;

/// The picture file a link around `img` opens (within two levels), as
/// a theme links a thumbnail ("pier-300x200.jpg") to its full size
/// ("pier.jpg"): the article's image is the full one. A wiki's page
/// about the file ("/wiki/File:Pier.jpg") is a page, not the picture.
fn linked_full_size(img: &NodeRef, base: Option<&Url>) -> Option<String> {
    let link = img.ancestors_it(Some(2)).find(|a| a.has_name("a"))?;
    let href = image_address(&link.attr("href")?)?;
    is_picture_file(&href)
        .then(|| absolute(&href, base))
        .flatten()
}

/// Whether `url` names a picture file by its extension ("pier.jpg"); a
/// wiki's page about the file ("/wiki/File:Pier.jpg") does not.
pub(super) fn is_picture_file(url: &str) -> bool {
    const PICTURE_FILES: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"];
    file_name(url).is_some_and(|file| {
        !file.contains(':') && PICTURE_FILES.iter().any(|ext| file.ends_with(ext))
    })
}

/// The last segment of a URL's path, lower-cased, without its query or
/// fragment.
fn file_name(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    Some(path.rsplit('/').next()?.to_lowercase())
}

/// An image's file name, lower-cased, when it is distinctive enough to
/// tell two copies of one photo apart from two photos
/// (`…/1484x0/silverline.jpg` and `…/480x0/silverline.jpg`): a stem of at
/// least eight characters with a letter in it.
pub fn image_file_key(url: &str) -> Option<String> {
    static SIZE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:[-_]\d{2,5}x\d{2,5}|@[23]x|-scaled)+$").expect("valid size suffix")
    });
    let name = file_name(url)?;
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
    // The size a CMS writes into a rendition's name (`pier-1024x683.jpg`,
    // `pier@2x.jpg`) is no part of the photo's.
    let stem = SIZE.replace(stem, "");
    (stem.chars().count() >= 8 && stem.chars().any(char::is_alphabetic))
        .then(|| format!("{stem}.{ext}"))
}

/// Where an `<img>`'s picture is: its `src`, unless that is a lazy
/// loader's placeholder ("/img/blank.gif", "lazy.svg", "placeholder_3.jpg")
/// that a script would swap for a `data-src` or the like; else the first
/// of a `data-srcset` or `srcset`; else the placeholder, when nothing
/// else names a picture.
fn image_source(img: &NodeRef) -> Option<String> {
    let address = |a: &&str| img.attr(a).and_then(|v| image_address(&v));
    let first_of_set = |a: &&str| {
        img.attr(a)
            .and_then(|s| first_srcset(&s).and_then(image_address))
    };
    address(&"src")
        .filter(|s| !is_placeholder(s))
        .or_else(|| {
            ["data-src", "data-original", "data-lazy-src"]
                .iter()
                .find_map(address)
        })
        .or_else(|| {
            ["data-srcset", "data-lazy-srcset", "srcset"]
                .iter()
                .find_map(first_of_set)
        })
        .or_else(|| address(&"src"))
}

/// Whether an image address names a lazy loader's stand-in by its file
/// name: "placeholder", "lazy" or "spacer" in it, or a blank, pixel or
/// transparent file.
fn is_placeholder(url: &str) -> bool {
    file_name(url).is_some_and(|name| {
        let stem = name.split('.').next().unwrap_or_default();
        ["placeholder", "lazy", "spacer"]
            .iter()
            .any(|w| name.contains(w))
            || ["blank", "pixel", "transparent", "1x1", "empty"].contains(&stem)
    })
}

/// The image address an `src`-like attribute holds: the value itself when
/// it looks like an address, the `src` or `url` of a lazy loader's JSON
/// (`{"src":"https://…/a.jpg","width":1280}`), and nothing for inline
/// `data:` images or anything else (a video player's configuration).
fn image_address(value: &str) -> Option<String> {
    let v = value.trim();
    if v.starts_with('{') {
        let json: serde_json::Value = serde_json::from_str(v).ok()?;
        return ["src", "url"]
            .iter()
            .find_map(|k| json.get(k)?.as_str())
            .and_then(image_address);
    }
    let plausible = !v.is_empty()
        && !v.starts_with("data:")
        && !v.contains(|c: char| c.is_whitespace() || matches!(c, '"' | '{' | '}' | '<' | '>'));
    plausible.then(|| v.to_string())
}

/// The caption shown with an image: the `<figcaption>` of its figure, else
/// a caption-classed element in the same small box, with a trailing
/// "less"/"more" toggle taken off.
fn caption_of(img: &NodeRef) -> Option<String> {
    // A caption paragraph below the picture's own paragraph.
    let below = img
        .ancestors_it(Some(2))
        .find(|a| a.has_name("p") || a.has_name("div"))
        .and_then(|p| p.next_element_sibling())
        .filter(|n| n.has_name("p") && caption_kind(n) == Some("caption"));
    if let Some(below) = below {
        return caption_text(&shown_text(&below));
    }
    let boxed = img.ancestors_it(Some(4)).find_map(|a| {
        if a.has_name("figure") {
            a.descendants_it().find(|d| d.has_name("figcaption"))
        } else {
            None
        }
    });
    // A caption paragraph is its own picture's, not any in its box.
    let boxed = boxed.or_else(|| {
        img.ancestors_it(Some(3)).find_map(|a| {
            a.descendants_it().find(|d| {
                caption_kind(d) == Some("caption")
                    && d.attr(CAPTION_MARK).is_none_or(|m| &*m != BELOW)
            })
        })
    });
    // A table of one picture and a caption cell below it (Blogger's
    // `tr-caption-container`): the caption is in another row.
    let boxed = boxed.or_else(|| {
        img.ancestors_it(Some(6))
            .find(|a| a.has_name("table"))
            .filter(|t| t.descendants_it().filter(|d| d.has_name("img")).count() == 1)?
            .descendants_it()
            .find(|d| caption_kind(d) == Some("caption"))
    })?;
    caption_text(&shown_text(&boxed))
}

/// A caption's text on one line, with a trailing "less"/"more" toggle
/// taken off; `None` when nothing is left.
fn caption_text(text: &str) -> Option<String> {
    // A slideshow's counter before the caption ("1 of 12 The pier at
    // dawn."), or standing for it; not a count that opens a sentence
    // ("2 of 3 bridges closed").
    static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^((?i:{SLIDE_COUNTER})\s*[:.|·-]?\s*)(?:$|[\p{{Lu}}\x22“])"
        ))
        .expect("valid counter pattern")
    });
    let text = collapse(text);
    // The counter goes; the caption's first letter, looked at, stays.
    let text = match COUNTER.captures(&text).and_then(|c| c.get(1)) {
        Some(counter) => text[counter.end()..].to_string(),
        None => text,
    };
    let text = ["Enlarge /", "IMAGE:", "PHOTO:", "FOTO:"]
        .iter()
        .fold(text, |t, label| {
            t.strip_prefix(label)
                .map_or(t.clone(), |s| s.trim().to_string())
        });
    // A toggle is a word of its own, in any case ("HIDE CAPTION"), not
    // the end of one ("anymore").
    let text = [
        "view more",
        "less",
        "more",
        "hide caption",
        "toggle caption",
    ]
    .iter()
    .fold(text, |t, toggle| {
        let at = t.len().saturating_sub(toggle.len());
        let is_toggle = t.is_char_boundary(at)
            && t[at..].eq_ignore_ascii_case(toggle)
            && !t[..at].ends_with(char::is_alphanumeric);
        if is_toggle {
            t[..at].trim().to_string()
        } else {
            t
        }
    });
    let text = credit_label(&text);
    (!text.is_empty() && text.chars().count() <= 1000).then_some(text)
}

/// A credit label glued to the name after it, as when the label is
/// hidden by a style sheet ("CreditKevin Frayer/Getty Images" on the New
/// York Times, twice at times), set off with a colon as the page shows
/// it to screen readers ("Credit: Kevin Frayer/Getty Images"), and apart
/// from the caption before it.
fn credit_label(text: &str) -> String {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(^|[.!?)”\x22]\s*)(Credits?|Crédito|Foto|Photo|Bild)(?:Credits?)*(\p{Lu})")
            .expect("valid glued credit pattern")
    });
    GLUED
        .replace_all(text, |c: &regex::Captures| {
            let before = &c[1];
            let space = if before.is_empty() || before.ends_with(char::is_whitespace) {
                ""
            } else {
                " "
            };
            format!("{before}{space}{}: {}", &c[2], &c[3])
        })
        .into_owned()
}

/// Whether paragraph `p` holds a picture (its `branch`) and text only in
/// a caption's inline elements beside it: small print or italics
/// (`<p><img><small>The pier.</small></p>`), or a span on a line of its
/// own under the picture (`<p><img><br><span>…</span></p>`). A span
/// right beside a picture is a paragraph opening with an icon, and so
/// is text of the paragraph's own or in bold.
fn is_picture_and_caption(p: &NodeRef, branch: &NodeRef) -> bool {
    let below = p.children_it(false).any(|c| c.has_name("br"));
    let mut beside = p
        .children_it(false)
        .filter(|c| c.id != branch.id && visible_chars(c) > 0)
        .peekable();
    beside.peek().is_some()
        && beside.all(|child| {
            child.element_ref().is_some_and(|el| match &*el.name.local {
                "small" | "em" | "i" | "cite" => true,
                "span" | "font" => below,
                _ => false,
            })
        })
}

/// The text that shares a small box with an image and nothing else: a
/// slide's or a photo's caption that no class or `<figcaption>` names
/// (`<div><img><p>Cyclists on the greenway.</p></div>`). The box is the
/// image's nearest ancestor (within three levels) that holds any text
/// (a `<div>`, `<figure>`, `<section>` or table, or a `<p>` whose text is
/// the image's alt text); it must hold that one image only, little text,
/// and all of it in elements beside the image's own branch.
fn text_beside<'a>(img: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let mut branch = *img;
    for a in img.ancestors_it(Some(3)) {
        if visible_chars(&a) == 0 {
            branch = a;
            continue;
        }
        // Readability makes a `<div>` of an image and a caption span a
        // `<p>`: such a paragraph is a box when its text is the alt text.
        let is_box = match &*a.node_name().unwrap_or_default() {
            "div" | "figure" | "section" => true,
            // A table of a picture's row and a caption's row, not a form's.
            "tbody" | "table" => a.descendants_it().filter(|d| d.has_name("tr")).count() <= 2,
            "p" => {
                img.attr("alt")
                    .map(|alt| collapse(&alt))
                    .is_some_and(|alt| !alt.is_empty() && collapse(&a.text()) == alt)
                    || is_picture_and_caption(&a, &branch)
            }
            _ => false,
        };
        if !is_box
            || weighted_chars(&a) > MAX_BESIDE_CHARS
            || a.descendants_it().filter(|d| d.has_name("img")).count() != 1
        {
            return Vec::new();
        }
        let mut beside = Vec::new();
        for child in a.children_it(false) {
            if child.id == branch.id || visible_chars(&child) == 0 {
                continue;
            }
            // A heading or a list beside a picture is a feature's or a
            // step's text, not a caption.
            if !child.is_element()
                || std::iter::once(child)
                    .chain(child.descendants_it())
                    .any(|d| d.node_name().is_some_and(|n| is_heading_or_list(&n)))
            {
                return Vec::new();
            }
            beside.push(child);
        }
        return beside;
    }
    Vec::new()
}

fn is_heading_or_list(name: &str) -> bool {
    matches!(
        name,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl" | "table"
    )
}

/// A node's characters, those of Chinese, Japanese and Korean counted
/// twice: each says about as much as a word's two or three letters, so a
/// caption in those scripts is half as long.
fn weighted_chars(node: &NodeRef) -> usize {
    text_chars(node) + chars_where(node, crate::vocabulary::text::is_cjk)
}

/// The most text a box may hold beside its image for [`text_beside`], in
/// characters weighted by [`weighted_chars`].
const MAX_BESIDE_CHARS: usize = 300;

/// Captions are dropped unless they hold at least 1/this of the text.
const SLIDESHOW_CAPTION_SHARE: usize = 3;

fn first_srcset(srcset: &str) -> Option<&str> {
    srcset.split(',').next()?.split_whitespace().next()
}

/// Tracking pixels and icons declared as such by their size attributes.
fn is_tiny(img: &NodeRef) -> bool {
    ["width", "height"].iter().any(|a| {
        img.attr(a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|n| n < 40)
    })
}

/// Whether the block before `block` introduces it, ending in a colon
/// ("Write to this address:" over an address alone): the story's, not a
/// reporter's address at the foot.
fn is_introduced(block: &NodeRef) -> bool {
    block
        .prev_element_sibling()
        .is_some_and(|p| p.text().trim_end().ends_with([':', '：']))
}

/// Drops short blocks that are notices, prompts or credits, and the link
/// list after a "related" heading.
fn remove_notices(doc: &Document, base: Option<&Url>) {
    let blocks: Vec<NodeRef> = doc
        .select("p, li, h1, h2, h3, h4, h5, h6, div, span, section, aside, small, strong, b, em, dt, dd, blockquote")
        .nodes()
        .to_vec();
    // A block and the one element inside it (`<p><b>...</b></p>`) have
    // the same text: it is judged once.
    let mut last = None;
    let mut labelled = Vec::new();
    for block in blocks {
        if block.parent().is_none() {
            continue;
        }
        let text = block.text();
        let furniture = match &last {
            Some((t, verdict)) if *t == text => *verdict,
            // Set in a sentence, only a credit or a related label
            // ("<b>Related</b> <a>…</a>") is furniture: "her novel
            // <em>Continue Reading</em>" is a title.
            _ if in_running_text(&block) => is_credit(&text) || is_related_heading(&text),
            _ => is_boilerplate(&text) || !is_heading(&block) && is_tool_label(&text),
        } || (matches!(
            &*block.node_name().unwrap_or_default(),
            "p" | "div" | "li" | "dd"
        ) && is_foot_block(&text)
            && !is_introduced(&block))
            || is_linked_headline(&block, &text, base)
            || is_bracketed_link(&block, &text, base);
        let text = &last.insert((text, furniture)).0;
        if !furniture {
            if is_appeal_block(&block, text) {
                appeal_box(&block, text).remove_from_parent();
            } else if let Some(found) = labelled_headlines(&block, text, base) {
                labelled.push(found);
            }
            continue;
        }
        // "Caption text. <em>Image credit: …</em>": only the credit goes.
        if let Some(part) = furniture_part(&block, text) {
            part.remove_from_parent();
            continue;
        }
        if is_related_heading(text) {
            // A box the heading opens (`<div><h2>Related</h2><div>…links…
            // </div></div>`) goes whole.
            if let Some(parent) = block.parent().filter(|p| is_box_titled_by(p, &block)) {
                parent.remove_from_parent();
                continue;
            }
            // The lists after it, or the paragraphs that are each a link
            // alone to another page of the site (`<p><b>Read also:</b></p>
            // <p><a>…</a></p><p><a>…</a></p>`).
            let mut next = block.next_element_sibling();
            while let Some(list) = next.filter(|n| {
                n.has_name("ul")
                    || n.has_name("ol")
                    || n.has_name("dl")
                    || n.has_name("p") && links_alone_to_site_page(n, &n.text(), base)
            }) {
                next = list.next_element_sibling();
                list.remove_from_parent();
            }
            // A label opening a paragraph of links, one to a line
            // (`<p><b>Related</b><br><a>…</a><br><a>…</a></p>`).
            if let Some(paragraph) = links_after(&block) {
                paragraph.remove_from_parent();
                continue;
            }
        }
        block.remove_from_parent();
    }
    // The site's pointers to other stories repeat one label ("MIRA:");
    // headlines under different labels are a list the story gives (a
    // prize's winners, a timeline, a reading list). Labels known to call
    // other stories ("Lea más:") went above, as related headings.
    // "Read:", "See:" and "Also:" are one site's pointers.
    let family = |l: &str| {
        let l = l.to_lowercase();
        let word = l.trim_end_matches([':', '：']).trim();
        if matches!(word, "read" | "see" | "also") {
            "read:".to_string()
        } else {
            l
        }
    };
    let labels: HashSet<String> = labelled.iter().map(|(_, l)| family(l)).collect();
    if labels.len() == 1 {
        labelled.iter().for_each(|(p, _)| p.remove_from_parent());
    }
}

/// Whether `block` is an appeal for readers' money ([`is_appeal`]) set
/// as a block of its own: not a phrase in running text, and holding at
/// most [`APPEAL_BOX_EXTRA_CHARS`] of text besides its appealing
/// paragraphs (a box's title and button; a short story ending in an
/// appeal holds more).
fn is_appeal_block(block: &NodeRef, text: &str) -> bool {
    if !is_appeal(text) || in_running_text(block) {
        return false;
    }
    let total = text_chars(block);
    let appeals: usize = block
        .descendants_it()
        .filter(|d| d.has_name("p") && is_appeal(&d.text()))
        .map(|p| text_chars(&p))
        .sum();
    // A block with no paragraph inside is the appeal itself.
    appeals == 0 || total <= appeals + APPEAL_BOX_EXTRA_CHARS
}

/// Text (in characters) an appeal's box holds besides the appeal: its
/// title ("Quality journalism doesn't come free") and button.
const APPEAL_BOX_EXTRA_CHARS: usize = 120;

/// The box an appeal stands in: its largest ancestor, below the story's
/// own container, that holds little more than the appeal.
fn appeal_box<'a>(block: &NodeRef<'a>, text: &str) -> NodeRef<'a> {
    let most = text.chars().count() + APPEAL_BOX_EXTRA_CHARS;
    block
        .ancestors_it(None)
        .take_while(|a| {
            a.is_element()
                && !matches!(
                    &*a.node_name().unwrap_or_default(),
                    "article" | "main" | "body" | "html"
                )
                && holds_at_most(a, most)
        })
        .last()
        .unwrap_or(*block)
}

/// Whether `node` is an element that only styles its text (`<em>`, `<b>`)
/// standing in running text: a date in it is the sentence's.
pub(super) fn is_emphasis_in_sentence(node: &NodeRef) -> bool {
    node.node_name().is_some_and(|n| STYLE_TAGS.contains(&&*n)) && in_running_text(node)
}

/// Whether `block`, an inline element (`<em>`, `<b>`, a `<span>`), stands
/// in running text: a word or another inline element touches it (or
/// touches the inline element around it that it alone fills, as in
/// `<i><em>…</em></i>`). Alone in its box, or between line breaks, it is
/// a line of its own.
pub(super) fn in_running_text(block: &NodeRef) -> bool {
    let inline = |n: &NodeRef| {
        n.node_name().is_some_and(|name| {
            STYLE_TAGS.contains(&&*name) || matches!(&*name, "span" | "a" | "abbr" | "code")
        })
    };
    if !inline(block) {
        return false;
    }
    let blank = |n: &NodeRef| n.is_text() && n.text().trim().is_empty() || n.is_comment();
    let mut node = *block;
    loop {
        let touches = |mut sibling: Option<NodeRef>, next: bool| {
            while let Some(s) = sibling.filter(|s| blank(s)) {
                sibling = if next {
                    s.next_sibling()
                } else {
                    s.prev_sibling()
                };
            }
            sibling.is_some_and(|s| s.is_text() || inline(&s))
        };
        if touches(node.prev_sibling(), false) || touches(node.next_sibling(), true) {
            return true;
        }
        match node.parent().filter(inline) {
            Some(parent) => node = parent,
            None => return false,
        }
    }
}

/// File endings of documents: a link to one is a story's source, not
/// another story.
const DOCUMENTS: &[&str] = &[".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx"];

/// Whether `href` links to a document ([`DOCUMENTS`]).
pub(super) fn is_document(href: &str) -> bool {
    let path = href
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    DOCUMENTS.iter().any(|d| path.ends_with(d))
}

/// Whether `block` is a paragraph that only links to another page of the
/// site (`base`'s) by a headline in capitals ("COUNCIL SPLIT OVER PIER
/// LIGHTING COSTS"), as some sites set their other stories between a
/// story's paragraphs. A short link ("TIDE TABLES"), one to a part of
/// this page, to a document ("… REPORT (PDF)") or to another site (a
/// helpline's) is one the story gives.
fn is_linked_headline(block: &NodeRef, text: &str, base: Option<&Url>) -> bool {
    const MIN_WORDS: usize = 4;
    let text = text.trim();
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    block.has_name("p")
        && text.split_whitespace().count() >= MIN_WORDS
        && letters.peek().is_some()
        && letters.all(char::is_uppercase)
        && links_alone_to_site_page(block, text, base)
}

/// Whether `block` is a paragraph that is only a link to another page of
/// the site in square brackets ("[The ferry season is off to a slow
/// start.]"), as some papers set other stories between a story's
/// paragraphs. A bracketed note without a link, or a link to a document,
/// stays.
fn is_bracketed_link(block: &NodeRef, text: &str, base: Option<&Url>) -> bool {
    let Some(inner) = text
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
    else {
        return false;
    };
    block.has_name("p") && links_alone_to_site_page(block, inner, base)
}

/// Whether the first link in `block` has `text` for its whole text and
/// leads to another page of the site (`base`'s), not to a document.
fn links_alone_to_site_page(block: &NodeRef, text: &str, base: Option<&Url>) -> bool {
    block
        .descendants_it()
        .find(|d| d.has_name("a"))
        .filter(|a| collapse(&a.text()) == collapse(text))
        .and_then(|a| a.attr("href"))
        .is_some_and(|href| super::teasers::is_site_page(&href, base))
}

/// Whether `parent` is a box of links that `heading` titles: the heading
/// is its first element, a link to another page follows, and at most one
/// paragraph of prose without a link (a teaser box's texts are short or
/// end in a "more" link; a story's are neither). The story's own
/// container (`article`, `main`, `body`) never is.
fn is_box_titled_by(parent: &NodeRef, heading: &NodeRef) -> bool {
    !matches!(
        &*parent.node_name().unwrap_or_default(),
        "article" | "main" | "body" | "html" | "p"
    ) && parent
        .first_element_child()
        .is_some_and(|f| f.id == heading.id)
        && links_elsewhere(parent)
        && at_most_one_prose_paragraph(parent)
}

/// The paragraph that `label` opens and links fill: the nearest `<p>`,
/// `<div>` or `<li>` around the label (through inline wrappers, `<em>`),
/// holding after it nothing but links, line breaks, separators ("•",
/// "|") and tags in capitals after a link ("[INSIGHT]"), and before it
/// nothing but separators ("[").
fn links_after<'a>(label: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let block = label
        .ancestors_it(None)
        .find(|a| a.has_name("p") || a.has_name("div") || a.has_name("li"))?;
    let in_link = |d: &NodeRef| {
        d.ancestors_it(None)
            .take_while(|a| a.id != block.id)
            .any(|a| a.has_name("a"))
    };
    let (mut links, mut after_label) = (0, false);
    for d in block.descendants_it() {
        if d.id == label.id {
            after_label = true;
        } else if d.has_name("a") {
            if !after_label {
                return None;
            }
            links += 1;
        } else if d.is_text() && !is_within(&d, label) && !in_link(&d) {
            let text = d.text();
            let separator = !text.chars().any(char::is_alphanumeric);
            if !(separator || links > 0 && is_tag_in_capitals(&text)) {
                return None;
            }
        }
    }
    (links > 0).then_some(block)
}

/// The most words of a label in bold before links to other stories.
const LINK_LABEL_WORDS: usize = 4;

/// The paragraph that `label`, a short label in bold ending in a colon
/// ("**MIRA:**", "**CITEȘTE ȘI:**"), opens before links alone, each a
/// headline ([`teasers::is_headline_link`]) to another page of the site,
/// with the label's text: a pointer to other stories in any language,
/// where a page's labels are one ([`remove_notices`]). A label before a
/// link to another site (a source) or before a link that is no headline
/// stays.
fn labelled_headlines<'a>(
    bold: &NodeRef<'a>,
    text: &str,
    base: Option<&Url>,
) -> Option<(NodeRef<'a>, String)> {
    if !(bold.has_name("strong") || bold.has_name("b")) {
        return None;
    }
    // The bold may hold the links it labels ("<b>Read in the Courier:
    // <a>…</a></b>"): then its words before them are the label.
    let (label, text) = if bold.descendants_it().any(|d| d.has_name("a")) {
        let first = bold
            .children_it(false)
            .find(|c| !(c.is_text() && c.text().trim().is_empty()))
            .filter(NodeRef::is_text)?;
        let text = first.text().to_string();
        (first, text)
    } else {
        (*bold, text.to_string())
    };
    let text = text.trim();
    if !text.ends_with([':', '：']) || text.split_whitespace().count() > LINK_LABEL_WORDS {
        return None;
    }
    let paragraph = links_after(&label)?;
    paragraph
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .all(|a| super::teasers::is_headline_link(&a, base))
        .then(|| (paragraph, text.to_string()))
}

/// Whether `text` is a tag in capitals in brackets, as some sites set
/// after a related link ("[INSIGHT]", "[PICTURES]").
fn is_tag_in_capitals(text: &str) -> bool {
    let text = text.trim();
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or_default();
    (2..=20).contains(&inner.chars().count())
        && inner.chars().any(char::is_alphabetic)
        && !inner.chars().any(char::is_lowercase)
}

/// An inline element ending `block` that is furniture by itself (a
/// credit in `<em>` after the text it credits) when the text before it is
/// more than a label: then only that element goes. One that opens the
/// block ("<b>Read more:</b> …", "<b>Fotos:</b> …") labels all of it.
fn furniture_part<'a>(block: &NodeRef<'a>, text: &str) -> Option<NodeRef<'a>> {
    // Letters a reader sees: no spaces, no zero-width marks.
    let shown = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200d}' | '\u{feff}'))
            .collect()
    };
    let all = shown(text);
    block.descendants_it().find(|d| {
        d.node_name()
            .is_some_and(|n| matches!(&*n, "em" | "i" | "small" | "span" | "b" | "strong" | "cite"))
            && {
                let own = d.text();
                let part = shown(&own);
                !part.is_empty()
                    && all.chars().count() - part.chars().count() >= MIN_REST_CHARS
                    && all.ends_with(&part)
                    && is_boilerplate(&own)
            }
    })
}

/// Characters a block must keep outside its furniture part to stay.
const MIN_REST_CHARS: usize = 40;

/// Removes the navigation cell of a layout table: a cell of links and
/// little else ("News | Sport | What's On"), beside a cell in the same row
/// that holds more text. Old sites set their menu in a column of the
/// table that lays out the page; Readability then takes the whole table.
pub fn remove_navigation_cells(doc: &Document) {
    let tables: Vec<NodeRef> = doc.select("table").nodes().to_vec();
    for table in tables {
        if table.parent().is_none() || !is_layout_table(&table) {
            continue;
        }
        let rows: Vec<NodeRef> = table
            .descendants_it()
            .filter(|d| d.has_name("tr"))
            .collect();
        for row in rows {
            let cells: Vec<NodeRef> = row
                .element_children()
                .into_iter()
                .filter(|c| c.has_name("td") || c.has_name("th"))
                .collect();
            if cells.len() < 2 {
                continue;
            }
            let sizes: Vec<usize> = cells.iter().map(visible_chars).collect();
            let largest = sizes.iter().copied().max().unwrap_or(0);
            for (cell, &size) in cells.iter().zip(&sizes) {
                if size > 0 && size * 3 <= largest && is_link_menu(cell, size) {
                    cell.remove_from_parent();
                }
            }
        }
    }
}

/// Whether a box of `size` visible characters is a menu: at least
/// [`MIN_MENU_LINKS`] links holding nearly all of its text.
fn is_link_menu(node: &NodeRef, size: usize) -> bool {
    let links: Vec<usize> = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| visible_chars(&a))
        .filter(|&n| n > 0)
        .collect();
    let linked: usize = links.iter().sum();
    links.len() >= MIN_MENU_LINKS && linked * 10 >= size * 9
}

/// A menu has at least this many links with text.
const MIN_MENU_LINKS: usize = 3;

/// Replaces MathML formulas with their symbols as plain text ("a ≠ 0"),
/// which the markup allowlist would otherwise drop with their content.
/// TeX annotations kept beside a formula go: they repeat it as source.
fn math_to_text(doc: &Document) {
    let formulas: Vec<NodeRef> = doc.select("math").nodes().to_vec();
    for math in formulas {
        if math.parent().is_none() {
            continue;
        }
        let tokens: Vec<String> = math
            .descendants_it()
            .filter(|n| n.is_text())
            .filter(|n| {
                !n.ancestors_it(None)
                    .take_while(|a| a.id != math.id)
                    .any(|a| a.has_name("annotation") || a.has_name("annotation-xml"))
            })
            .map(|n| collapse(&n.text()))
            .filter(|t| !t.is_empty())
            .collect();
        math.replace_with_html(format!(
            "<span>{}</span>",
            crate::vocabulary::html::escape(&tokens.join(" "))
        ));
    }
}

/// Tables used for layout (nested tables, block content in cells, or a
/// single column) become plain blocks so their text reads as paragraphs;
/// data tables keep their row headers ([`row_headers_to_cells`]).
fn flatten_layout_tables(doc: &Document) {
    let tables: Vec<NodeRef> = doc.select("table").nodes().to_vec();
    for table in tables.iter().rev() {
        if !is_layout_table(table) {
            row_headers_to_cells(table);
            continue;
        }
        let mut nodes = table.descendants();
        nodes.push(*table);
        for node in nodes {
            let name = node.node_name().unwrap_or_default();
            match &*name {
                "table" | "tr" | "td" | "th" | "caption" => node.rename("div"),
                "tbody" | "thead" | "tfoot" | "colgroup" | "col" => node.unwrap_node(),
                _ => {}
            }
        }
    }
}

/// Sets a data table's row headers (a `<th>` in a row below the first)
/// as cells, which the Markdown converter would drop, moving the row's
/// values under the wrong columns.
fn row_headers_to_cells(table: &NodeRef) {
    let rows: Vec<NodeRef> = table
        .descendants_it()
        .filter(|n| {
            n.has_name("tr")
                && n.ancestors_it(None)
                    .find(|a| a.has_name("table"))
                    .is_some_and(|t| t.id == table.id)
        })
        .collect();
    for row in rows.iter().skip(1) {
        for cell in row.element_children() {
            if cell.has_name("th") {
                cell.rename("td");
            }
        }
    }
}

fn is_layout_table(table: &NodeRef) -> bool {
    let mut max_cells = 0;
    for node in table.descendants_it() {
        if is_block(&node) {
            return true;
        }
        if node.has_name("tr") {
            let cells = node
                .element_children()
                .iter()
                .filter(|c| c.has_name("td") || c.has_name("th"))
                .count();
            max_cells = max_cells.max(cells);
        }
    }
    max_cells <= 1
}

/// Removes the first heading when it repeats the title, alone or after a
/// kicker (at most [`KICKER_CHARS`], in an element of its own): the
/// title is a field of its own.
fn remove_title_heading(doc: &Document, title: &str) {
    let title = normalise(title);
    if title.is_empty() {
        return;
    }
    // A kicker in an element of its own may open the heading
    // (`<h2><span>Expedition in die Framstraße</span> Forscher finden
    // …</h2>`), as some sites set it inside.
    // Its parts may meet with no space between them (`<h1><span>Kicker
    // </span><span>Headline</span></h1>` for a title "Kicker: Headline").
    let repeats = |h: &NodeRef| {
        let heading = normalise(&h.text());
        let parts_apart = || {
            normalise(&text_apart(
                h,
                &|c: &NodeRef| c.parent().is_some_and(|p| p.id == h.id),
                " ",
            ))
        };
        heading == title
            || parts_apart() == title
            || heading.strip_suffix(title.as_str()).is_some_and(|kicker| {
                let kicker = kicker.trim_end();
                kicker.chars().count() <= KICKER_CHARS
                    && h.first_element_child()
                        .is_some_and(|first| normalise(&first.text()) == kicker)
            })
    };
    if let Some(h) = doc.select("h1, h2, h3").nodes().first()
        && repeats(h)
    {
        h.remove_from_parent();
    }
}

fn normalise(s: &str) -> String {
    words(s).collect::<Vec<_>>().join(" ")
}

fn collapse(s: &str) -> String {
    crate::vocabulary::text::one_line(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wrapper named for a header loses the name only around a related
    /// box's title: a section's name over the story still goes as a
    /// header.
    #[test]
    fn header_names_go_from_related_titles_only() {
        let doc = Document::from(
            r#"<div class="box"><div class="modHeader"><h3>Mehr zum Thema</h3></div></div>
<div class="post"><div class="section-header"><h2>Local news</h2></div></div>"#,
        );
        for h in doc.select("h2, h3").nodes() {
            drop_header_names(h);
        }
        assert_eq!(doc.select(".modHeader").length(), 0);
        assert_eq!(doc.select(".section-header").length(), 1);
    }

    #[test]
    fn counters_are_counts_of_what_readers_did() {
        let doc = Document::from(
            r#"<div><span class="views">1,209</span><a class="comment_count">5</a><span class="share-count">12K</span>
<span class="totalSlideshowCount">5</span><span class="counter">0</span><span class="views">many</span></div>"#,
        );
        let counted: Vec<String> = doc
            .select("span, a")
            .nodes()
            .iter()
            .filter(|n| is_counter(n))
            .map(|n| n.text().to_string())
            .collect();
        assert_eq!(counted, ["1,209", "5", "12K"]);
    }

    #[test]
    fn a_paragraph_of_prose_is_long_and_links_nowhere() {
        let prose = "The council voted on Tuesday to repair the old pier after a long campaign by the town's many residents.";
        let holds = |paragraphs: &str| {
            let doc = Document::fragment(format!("<div>{paragraphs}</div>"));
            at_most_one_prose_paragraph(&doc.select("div").nodes()[0])
        };
        assert!(holds(&format!("<p>{prose}</p>")));
        assert!(!holds(&format!("<p>{prose}</p><p>{prose}</p>")));
        for other in [
            // Short.
            "<p>Work begins in spring.</p>".to_string(),
            // Holds a link to another page.
            format!("<p>{prose} <a href=\"/more\">More</a></p>"),
            // Stands in a link.
            format!("<a href=\"/more\"><p>{prose}</p></a>"),
        ] {
            assert!(holds(&format!("<p>{prose}</p>{other}")), "{other}");
        }
        // An anchor on this page is no link elsewhere.
        assert!(!holds(&format!(
            "<p>{prose}</p><p>{prose} <a href=\"#note\">1</a></p>"
        )));
    }

    /// Tidies an article given as HTML.
    fn tidy(html: &str) -> Tidied {
        tidy_article(&Document::fragment(html), "", None)
    }

    #[test]
    fn a_first_heading_repeating_the_title_goes_with_its_kicker() {
        let story = paragraphs(2, "Part");
        let title = "Ice floes hold more plastic than expected";
        for heading in [
            "<h2>Ice floes hold more plastic than expected</h2>",
            "<h2><span>Arctic expedition</span> Ice floes hold more plastic than expected</h2>",
            "<h1><span>Ice floes</span><span>Hold more plastic than expected</span></h1>",
        ] {
            let t = tidy_article(
                &Document::fragment(format!("{heading}{story}")),
                title,
                None,
            );
            assert!(!t.html.contains("expected</"), "{heading}: {}", t.html);
        }
        // A first heading that only ends like the title is the story's
        // own: a long opening, or one that is no element of its own.
        for heading in [
            "<h2><span>What the crew of the research ship found on the third week of the long voyage when the</span> ice floes hold more plastic than expected</h2>",
            "<h2>Why ice floes hold more plastic than expected</h2>",
        ] {
            let t = tidy_article(
                &Document::fragment(format!("{heading}{story}")),
                "Ice floes hold more plastic than expected",
                None,
            );
            assert!(t.html.contains("expected</"), "{heading}: {}", t.html);
        }
    }

    #[test]
    fn image_addresses_come_from_urls_and_lazy_loader_json_only() {
        assert_eq!(image_address(" /a.jpg ").as_deref(), Some("/a.jpg"));
        assert_eq!(
            image_address(r#"{"src":"https://cdn.example/b.jpg","width":1280}"#).as_deref(),
            Some("https://cdn.example/b.jpg")
        );
        assert_eq!(
            image_address(r#"{"player":{"poster":"https://cdn.example/p.jpg"}}"#),
            None
        );
        assert_eq!(image_address("data:image/gif;base64,R0lGOD"), None);
        assert_eq!(image_address(r#"{"src": broken"#), None);
        assert_eq!(image_address("a.jpg 2x, b.jpg 3x"), None);
    }

    fn paragraphs(n: usize, what: &str) -> String {
        (1..=n)
            .map(|i| format!("<p>{what} {i}: the harbour board met on Tuesday and agreed, after a long debate, that the pier would be repaired.</p>"))
            .collect()
    }

    #[test]
    fn readability_article_is_cut_out_of_its_page() {
        let page = "<!DOCTYPE html><html><head><title>T</title></head><body><nav>Menu</nav>\
                    <div><div id=readability-page-1 class=page><p>Story <b>text</b>.</p></div></div>\
                    <footer>Foot</footer></body></html>";
        let doc = readability_article(Document::from(page)).expect("an article");
        assert_eq!(
            doc.html().as_ref(),
            r#"<div id="readability-page-1" class="page"><p>Story <b>text</b>.</p></div>"#
        );
        assert!(readability_article(Document::from("<p>No article</p>")).is_none());
    }

    #[test]
    fn class_names_tell_captions_from_credits() {
        for (class, kind) in [
            ("wp-caption-text", Some("caption")),
            ("para no-caption", None),
            ("figure has-caption", None),
            ("nocaption", None),
            ("Figure__Caption", Some("caption")),
            ("photo-credit", Some("credit")),
            ("imageCopyright small", Some("credit")),
            ("credit caption", Some("caption")),
            ("article-Bildunterschrift", Some("caption")),
            ("mad_image__legende", Some("caption")),
            ("pieFoto", Some("caption")),
            ("img-didascalia", Some("caption")),
            ("legend", None),
            ("fieldset-legend", None),
            ("block-list pie-chart", None),
            ("card cta", None),
            ("", None),
            ("c", None),
        ] {
            assert_eq!(class_caption_kind(class), kind, "{class}");
        }
    }

    #[test]
    fn a_glued_credit_label_is_set_off() {
        for (caption, want) in [
            (
                "CreditKevin Frayer/Getty Images",
                "Credit: Kevin Frayer/Getty Images",
            ),
            (
                "The pier at dawn.CreditJane Roe for the Courier",
                "The pier at dawn. Credit: Jane Roe for the Courier",
            ),
            ("Credit: Jane Roe", "Credit: Jane Roe"),
            (
                "Water mains at the pier.CreditCreditJane Roe",
                "Water mains at the pier. Credit: Jane Roe",
            ),
            ("Photographers at the pier", "Photographers at the pier"),
            ("A Creditor's meeting", "A Creditor's meeting"),
        ] {
            assert_eq!(caption_text(caption).as_deref(), Some(want));
        }
    }

    #[test]
    fn caption_toggles_are_taken_off() {
        for (caption, want) in [
            ("The pier at dawn. less", Some("The pier at dawn.")),
            ("The pier at dawn. Hide Caption", Some("The pier at dawn.")),
            ("HIDE CAPTION", None),
            // A word that ends like a toggle stays whole.
            (
                "Nobody fishes from the pier anymore",
                Some("Nobody fishes from the pier anymore"),
            ),
            ("The pier is spotless", Some("The pier is spotless")),
            // A slideshow's counter goes; a count in a sentence stays.
            ("1 of 12", None),
            ("Image 3/5: The pier at dawn.", Some("The pier at dawn.")),
            ("2 of 12 The pier at dawn.", Some("The pier at dawn.")),
            ("2 of 3 piers are closed.", Some("2 of 3 piers are closed.")),
        ] {
            assert_eq!(caption_text(caption).as_deref(), want, "{caption}");
        }
    }

    #[test]
    fn captions_go_unless_they_are_the_story() {
        let story = format!(
            r#"<figure><img src="a.jpg"><figcaption>The pier at dawn.</figcaption></figure>{}"#,
            paragraphs(4, "Story")
        );
        let t = tidy(&story);
        assert!(!t.html.contains("The pier at dawn"), "{}", t.html);
        assert!(t.html.contains("Story 4:"), "{}", t.html);

        let slides: String = (1..=5)
            .map(|i| format!(r#"<figure><img src="https://courier.example/{i}.jpg"><figcaption class="slide-caption">Look {i}: a bowler hat, false lashes and a painted-on moustache make this costume in ten minutes.</figcaption></figure>"#))
            .collect();
        let t = tidy(&format!("<p>Ten quick costumes.</p>{slides}"));
        assert!(t.html.contains("Look 5: a bowler hat"), "{}", t.html);
        assert_eq!(t.images.len(), 5);
    }

    /// A `<cite>` in a figure with a picture names the picture's source
    /// ("Rosa Lindqvist/Vox"), beside its caption or alone; a figure of a
    /// quotation keeps the name it cites.
    #[test]
    fn a_pictures_cited_source_goes_with_its_caption() {
        for figure in [
            r#"<figure><span><span><picture><img src="chart.png" alt="A chart"></picture></span></span><span class="meta"><figcaption>Net demand on a spring day.</figcaption><cite>Rosa Lindqvist/Vox</cite></span></figure>"#,
            r#"<figure><img src="chart.png" alt="A chart"><cite>Rosa Lindqvist/Vox</cite></figure>"#,
        ] {
            let t = tidy(&format!("{figure}{}", paragraphs(4, "Story")));
            assert!(!t.html.contains("Lindqvist"), "{}", t.html);
            assert!(t.html.contains("Story 4:"), "{}", t.html);
        }
        for quote in [
            r#"<figure><blockquote><p>The sea gives and the sea takes.</p></blockquote><p>— <cite>Rosa Lindqvist</cite></p></figure>"#,
            r#"<figure><img src="portrait.jpg" alt=""><blockquote><p>The sea gives and the sea takes.</p><p>— <cite>Rosa Lindqvist</cite></p></blockquote></figure>"#,
        ] {
            let t = tidy(&format!("{quote}{}", paragraphs(4, "Story")));
            assert!(t.html.contains("Rosa Lindqvist"), "{}", t.html);
        }
    }

    /// A slideshow whose every slide is a box with a picture, a heading and
    /// one paragraph: the slides' parent holds the page's run of
    /// paragraphs, and a credit ending a slide's paragraph goes alone.
    #[test]
    fn slides_of_one_paragraph_each_are_one_run() {
        let slides: String = (1..=5)
            .map(|i| format!(r#"<section class="slide"><img src="{i}.jpg"><h2>Slide {i}</h2><p>Point {i}: the new phone is smaller than the rest and cheaper too.<br><em>Image credit: maker.example</em></p></section>"#))
            .collect();
        let page = format!(
            r#"<div id="show">{slides}</div><div class="aside"><p>A longer paragraph beside the show, about something else entirely, that is longer than any one slide's text.</p></div>"#
        );
        let doc = Document::fragment(page.as_str());
        let (chars, node) = largest_paragraph_parent(&doc, true).unwrap();
        assert_eq!(node.attr("id").as_deref(), Some("show"));
        assert!(chars > 5 * 60, "{chars}");

        let t = tidy(&slides);
        assert!(t.html.contains("Point 5: the new phone"), "{}", t.html);
        assert!(!t.html.contains("Image credit"), "{}", t.html);
        // A credit label that opens its block credits all of it.
        let t = tidy(&format!(
            "{}<p><b>Fotos:</b> Jo Roe, Li Wei, Ada Byrne, Tom Ólafsson and Kim Reader</p>",
            paragraphs(3, "Story")
        ));
        assert!(!t.html.contains("Jo Roe"), "{}", t.html);
    }

    #[test]
    fn screen_reader_text_is_hidden_text() {
        let doc = Document::from(
            r#"<figure><img src="a.jpg"><figcaption><span class="off-screen">Image caption</span><span>Walkers on the pier</span></figcaption></figure><p><span class="sr-only">Advertisement</span>Story text.</p>"#,
        );
        assert_eq!(
            figure_captions(&doc),
            [] as [(String, String); 0],
            "a.jpg is too short a name to match"
        );
        let doc = Document::from(
            r#"<figure><img src="walkers-on-pier.jpg"><figcaption><span class="off-screen">Image caption</span><span>Walkers on the pier</span></figcaption></figure><p><span class="sr-only">Advertisement</span>Story text.</p>"#,
        );
        assert_eq!(
            figure_captions(&doc),
            [(
                "walkers-on-pier.jpg".to_string(),
                "Walkers on the pier".to_string()
            )]
        );
        strip_furniture(&doc);
        let text = doc.select("body").text();
        assert!(
            !text.contains("Image caption") && !text.contains("Advertisement"),
            "{text}"
        );
        assert!(text.contains("Story text."), "{text}");
    }

    /// A caption box of inline text becomes the marked paragraph
    /// Readability would make of it, unmarked; one that is mostly a link
    /// Readability leaves a box, and so does this.
    #[test]
    fn caption_boxes_of_inline_text_are_marked_paragraphs() {
        let doc = Document::from(
            r#"<div class="gallery-caption">The detour routes. <span>PHOTO: City hall</span></div>
            <div class="thumbcaption">
                <a href="/wiki/Jo_Roe">Jo Roe</a>, Prime Minister
            </div>
            <div class="caption"><p>Walkers on the pier.</p></div>"#,
        );
        strip_furniture(&doc);
        let marked = |tag: &str| {
            doc.select(tag)
                .nodes()
                .iter()
                .filter(|n| n.attr(CAPTION_MARK).is_some())
                .map(|n| collapse(&n.text()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            marked("p"),
            [
                "The detour routes. PHOTO: City hall",
                "Walkers on the pier."
            ]
        );
        assert_eq!(
            marked("div"),
            ["Jo Roe, Prime Minister", "Walkers on the pier."]
        );
    }

    /// `html` once its hover cards went.
    fn without_hover_cards(html: &str) -> String {
        let doc = Document::fragment(html);
        remove_hover_cards(&doc);
        doc.html().to_string()
    }

    #[test]
    fn hover_cards_after_links_are_removed() {
        let cases = [
            r#"<p>Rep. <a href="/p/aoc">Ada Ocasio</a><span class="card"><span>Ada Ocasio</span><span>Sanders doubles down…</span></span> said no.</p>"#,
            r#"<p>Rep. <span class="person"><a href="/p/aoc">Ada Ocasio</a></span> <span class="card"><span>Ada Ocasio</span><span>Sanders doubles down…</span></span> said no.</p>"#,
            // A card its class names, giving the name in full.
            r#"<p>Rep. <span class="rollover-people"><a href="/people/ada">Ada Ocasio</a><span class="rollover-people-block"><img src="/ada.jpg" alt="Ada Maria Ocasio"><span><a href="/people/ada">Ada Maria Ocasio</a></span><span><a href="/n/1">Sanders doubles down…</a></span><a href="/people/ada">MORE</a></span></span> said no.</p>"#,
        ];
        for html in cases {
            let t = without_hover_cards(html);
            assert!(!t.contains("Sanders"), "{t}");
            assert!(t.contains("said no."), "{t}");
        }
        let kept = r#"<p><a href="/p/aoc">Ada Ocasio</a> <span>Ada Ocasio's plan was approved.</span></p>"#;
        assert!(without_hover_cards(kept).contains("plan was approved"));
        let other = r#"<p><a href="/p/aoc">Ada Ocasio</a><span class="card">Li Wei: Sanders doubles down…</span> said no.</p>"#;
        assert!(without_hover_cards(other).contains("Sanders"));
    }

    /// A card for another story set as a `<figure>` (one link around its
    /// picture, headline and teaser) leaves the story with its picture; a
    /// figure of the story's own, with a caption and no link, keeps its
    /// picture.
    #[test]
    fn a_story_card_in_a_figure_goes_whole() {
        let card = r#"<figure class="teaser-layout"><a href="https://courier.example/news/bus-timetable-1.4435810" class="teaser"><img src="https://courier.example/image/bus.jpg" alt="Buses">
<div class="teaser__text"><p class="teaser__overline">New timetable</p><h3 class="teaser__title">Buses every half hour</h3><p class="teaser__summary">From next year the first routes will run every thirty minutes. By Li Wei</p></div></a></figure>"#;
        let own = r#"<figure><img src="https://courier.example/media/pier.jpeg" alt="The pier"><figcaption>The old pier at dawn.</figcaption></figure>"#;
        let t = tidy(&format!("<div>{}{own}{card}</div>", paragraphs(4, "Story")));
        assert!(t.html.contains("Story 4:"), "{}", t.html);
        for leaked in ["Buses every half hour", "first routes", "New timetable"] {
            assert!(!t.html.contains(leaked), "{leaked}: {}", t.html);
        }
        assert!(t.images.iter().any(|i| i.url.ends_with("/media/pier.jpeg")));
        assert!(!t.images.iter().any(|i| i.url.ends_with("/image/bus.jpg")));
    }

    #[test]
    fn paywall_wrapper_around_the_story_is_kept() {
        // The comments hold more text than the story, so only the
        // main-block rule can save the wrapper.
        let html = format!(
            r#"<html><body><div class="story steady-paywall-container">{}</div>
            <div class="paywall-box"><p>Subscribe to read on.</p></div>
            <section class="user-notes">{}</section></body></html>"#,
            paragraphs(3, "Story"),
            (1..=12)
                .map(|i| format!("<div><p>Reader note {i} on the pier, which I walk every morning with the dog and which is a disgrace.</p></div>"))
                .collect::<String>()
        );
        let doc = Document::from(html.as_str());
        strip_furniture(&doc);
        let text = doc.select("body").text();
        assert!(text.contains("Story 3:"), "{text}");
        assert!(!text.contains("Subscribe to read on"), "{text}");
    }

    #[test]
    fn modifier_classes_do_not_make_furniture() {
        let html = format!(
            r#"<html><body><header class="story-head has-sharing"><p>The lead: the pier reopens in May.</p></header>
            <div class="body body--with-comments">{}</div>
            <div class="share-bar"><p>Share on Facebook</p></div></body></html>"#,
            paragraphs(2, "Story")
        );
        let doc = Document::from(html.as_str());
        strip_furniture(&doc);
        let text = doc.select("body").text();
        assert!(text.contains("The lead: the pier reopens"), "{text}");
        assert!(text.contains("Story 2:"), "{text}");
        assert!(!text.contains("Share on Facebook"), "{text}");
        for (class, modifier) in [
            ("has-sharing", true),
            ("with-comments", true),
            ("teaser--no-ads", true),
            ("share-enabled", true),
            ("comments-enabled", true),
            ("hasnt-bio", true),
            ("share-bar", false),
            ("sharing", false),
        ] {
            assert_eq!(is_modifier_class(class), modifier, "{class}");
        }
        // A BEM variant beside its base class names what the box has; on
        // its own, `layout--footer` names what the box is.
        for (class, classes, variant) in [
            ("section--ads", "section section--ads", true),
            (
                "card__body--related",
                "card__body card__body--related",
                true,
            ),
            ("layout--footer", "layout--footer", false),
            ("layout--footer", "page layout--footer", false),
        ] {
            assert_eq!(is_variant_class(class, classes), variant, "{classes}");
        }
    }
}
