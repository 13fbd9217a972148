//! The standfirst: the sentence or two a page prints under its headline
//! to sum up the story (a dek, a chapô, a teaser). Readability leaves it
//! out, as it stands apart from the story's paragraphs; paperboy keeps it
//! as the article's summary.
//!
//! Found where the metadata scan reads the texts after the headline: the
//! first box marked as a standfirst by its class or id, or the first
//! `<h2>` or `<p>` there that prints the page's description, or a
//! paragraph of whole sentences right after the headline.

use super::clean::visible_chars;
use dom_query::NodeRef;

/// Words of a class or id that mark a standfirst.
const MARKS: &[&str] = &[
    "standfirst",
    "dek",
    "deck",
    "subtitle",
    "subheadline",
    "subhead",
    "summary",
    "lede",
    "lead",
    "intro",
    "teaser",
    "excerpt",
    "chapo",
    "chapeau",
    "sapo",
    "strapline",
    "abstract",
    "description",
];

/// Words of a class or id that mark another kind of box, whatever else
/// it says: a picture's caption ("lede-image-wrapper",
/// "image-description"), the site's tagline ("site-description"), the
/// byline or date line ("entry-meta"), a list of other stories.
const OTHER_MARKS: &[&str] = &[
    "image", "img", "photo", "picture", "media", "caption", "credit", "figure", "video", "gallery",
    "site", "author", "byline", "meta", "date", "time", "list", "nav", "menu", "related",
    "comment", "flyout", "share",
];

/// Elements a standfirst is set in.
const BOXES: &[&str] = &["p", "h2", "h3", "div", "span", "section"];

/// Elements no standfirst holds: a picture, a list, a table, the headline.
const NOT_INSIDE: &[&str] = &[
    "img", "picture", "figure", "svg", "video", "iframe", "ul", "ol", "table", "h1", "form",
];

/// The shortest and longest standfirst, in characters.
const MIN_CHARS: usize = 40;
const MAX_CHARS: usize = 500;

/// Words of an enclosing box's class or id that mark what it holds as
/// something else: an author's biography in a hover box, a share
/// button's "posted" message in a pop-up, a sidebar's teasers.
const OTHER_BOXES: &[&str] = &[
    "author", "bio", "dropdown", "flyout", "modal", "popup", "overlay", "sidebar", "footer",
    "comment", "comments", "related", "share", "social", "caption", "figure", "gallery", "nav",
    "menu",
];

/// Whether `node` is a box whose class or id marks it as a standfirst.
pub fn is_marked(node: &NodeRef) -> bool {
    if !BOXES.iter().any(|b| node.has_name(b)) {
        return false;
    }
    let (marked, other) = marks(node, OTHER_MARKS);
    marked
        && !other
        && !node.ancestors_it(Some(4)).any(|a| {
            // A story's header is where standfirsts are, whatever a share
            // plugin named it.
            !["header", "article", "main"].iter().any(|n| a.has_name(n)) && marks(&a, OTHER_BOXES).1
        })
        && is_text_box(node)
}

/// Whether the words of `node`'s class and id ("ArticlePage-lead" has
/// "ArticlePage" and "lead") mark a standfirst, and whether any is one
/// of `other`. Case is ignored.
fn marks(node: &NodeRef, other: &[&str]) -> (bool, bool) {
    let (mut marked, mut is_other) = (false, false);
    for value in ["class", "id"].iter().filter_map(|a| node.attr(a)) {
        let mut after_sub = false;
        for w in value.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            let any = |list: &[&str]| list.iter().any(|m| w.eq_ignore_ascii_case(m));
            // "sub-title", "news-sub-headline".
            marked |= any(MARKS) || after_sub && any(&["title", "headline", "head"]);
            is_other |= any(other);
            after_sub = w.eq_ignore_ascii_case("sub");
        }
    }
    (marked, is_other)
}

/// Whether `node` may hold a standfirst at all: text, not a picture, a
/// list or a link to another page.
pub fn is_text_box(node: &NodeRef) -> bool {
    let inside = node
        .descendants_it()
        .filter(|n| n.is_element())
        .take(30)
        .collect::<Vec<_>>();
    if inside.len() == 30
        || inside
            .iter()
            .any(|n| NOT_INSIDE.iter().any(|name| n.has_name(name)))
        || node
            .ancestors_it(Some(6))
            .any(|a| a.has_name("figure") || a.has_name("figcaption") || a.has_name("a"))
    {
        return false;
    }
    let linked: usize = inside
        .iter()
        .filter(|n| n.has_name("a"))
        .map(visible_chars)
        .sum();
    linked * 2 < visible_chars(node)
}

/// `text` (collapsed) as a standfirst under a headline reading `headline`,
/// or `None` when it is too short or long, repeats the headline, or is a
/// byline or date line ("von Nadja Demel 13.12.2022").
pub fn accept(text: &str, headline: &str) -> Option<String> {
    if !(MIN_CHARS..=MAX_CHARS).contains(&text.chars().count())
        || super::clean::like_title(headline, text)
        || super::opens_as_byline(text)
        || super::dates::date_line(text).is_some()
    {
        return None;
    }
    // A date run into the text ("19.10.2019, 15:30 UhrAm 8. Spieltag")
    // is a teaser's date line, not a summary.
    let opening: String = text.chars().take(24).collect();
    if super::dates::parse_text_date(&opening).is_some() {
        return None;
    }
    Some(text.to_string())
}

/// Whether an unmarked paragraph's `text` reads as a summary: whole
/// sentences, no notice or credit.
pub fn reads_as_summary(text: &str) -> bool {
    const MIN_WORDS: usize = 8;
    text.split_whitespace().count() >= MIN_WORDS
        && text
            .trim_end()
            .ends_with(['.', '!', '?', '…', '"', '»', '”', '。'])
        && !super::boilerplate::is_boilerplate(text)
}

/// Whether a heading or paragraph's `text` prints the page's
/// `description` (the one cut short, or the two equal once spacing and
/// punctuation are set aside).
pub fn prints_description(text: &str, description: &str) -> bool {
    let (t, d) = (super::squash(text), super::squash(description));
    let shorter = t.chars().count().min(d.chars().count());
    shorter * 2 >= MIN_CHARS && (t.starts_with(&d) || d.starts_with(&t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn first(html: &str, sel: &str, test: fn(&NodeRef) -> bool) -> bool {
        let doc = Document::from(html);
        let node = doc.select(sel).nodes()[0];
        test(&node)
    }

    #[test]
    fn marked_boxes_are_found_by_their_class_words() {
        for html in [
            r#"<p class="article-dek">A summary.</p>"#,
            r#"<h2 class="news-sub-title">A summary.</h2>"#,
            r#"<div class="inner__subheadline">A summary.</div>"#,
            r#"<div class="entry-content chapo">A summary.</div>"#,
            r#"<p id="standfirst">A summary.</p>"#,
        ] {
            assert!(first(html, "body > *", is_marked), "{html}");
        }
        for html in [
            // Not a standfirst's class, or another box's.
            r#"<p class="leader">Text.</p>"#,
            r#"<div class="lede-image-wrapper">A caption.</div>"#,
            r#"<h2 class="site-description">The blog for us.</h2>"#,
            r#"<p class="flyoutDescription">Areas of work.</p>"#,
            r#"<div class="entry-subhead entry-meta">by Jo</div>"#,
            // A picture inside, or a link to another story.
            r#"<div class="ArticlePage-lead"><img src="a.jpg">A caption.</div>"#,
            r#"<div class="teaser"><a href="/other">Another story's teaser text</a></div>"#,
            // Not a text box.
            r#"<ul class="summary"><li>A point.</li></ul>"#,
        ] {
            assert!(!first(html, "body > *", is_marked), "{html}");
        }
        let in_link = r#"<a href="/x"><span class="teaser">Another story</span></a>"#;
        assert!(!first(in_link, "span", is_marked));
        // Inside another kind of box: an author's biography in a hover box.
        let bio = r#"<div class="author-dropdown"><div class="description">Jo writes.</div></div>"#;
        assert!(!first(bio, ".description", is_marked));
        assert!(first(
            bio.replace("author-dropdown", "header").as_str(),
            ".description",
            is_marked
        ));
    }

    #[test]
    fn bylines_dates_and_headlines_are_not_standfirsts() {
        let headline = "Council votes to keep the harbour ferry running";
        assert!(
            accept(
                "The vote ends a year of doubt for the ferry's 300 daily riders.",
                headline
            )
            .is_some()
        );
        for text in [
            "Too short.",
            "Council votes to keep the harbour ferry running, for now",
            "von Nadja Demel 13.12.2022 - 08:13 Uhr",
            "19.10.2019, 15:30 UhrAm 8. Spieltag der Bundesliga treffen Dortmund und Gladbach",
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
        ] {
            assert_eq!(accept(text, headline), None, "{text}");
        }
    }

    #[test]
    fn a_description_is_printed_whole_or_cut_short() {
        let d = "The vote ends a year of doubt for the ferry's 300 daily riders.";
        assert!(prints_description(d, d));
        assert!(prints_description(
            "The vote ends a year of doubt for the ferry’s 300 daily riders",
            d
        ));
        assert!(prints_description(
            d,
            "The vote ends a year of doubt for the…"
        ));
        assert!(!prints_description("The vote", d));
        assert!(!prints_description(
            "Another sentence entirely, of some length.",
            d
        ));
    }
}
