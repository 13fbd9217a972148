//! A story set in parts: the page closes the story's box for an
//! advertisement or a newsletter box and opens another box of the same
//! kind for the rest (`<div class="body-text">…</div><div class="ad">…
//! </div><div class="body-text">…the last paragraphs…</div>`).
//! Readability takes the box with the most prose and its siblings, so
//! when the parts are cousins rather than siblings the story comes out
//! without its end. [`join_parts`] moves the later parts' contents into
//! the first before Readability reads the page.

use super::clean::{is_heading, text_chars};
use super::sections::{first_class, mostly_links};
use dom_query::NodeRef;

/// How many levels above the story's box the later parts may branch off.
const MAX_CLIMB: usize = 3;

/// The most boxes of a kind a story is set in.
const MAX_PARTS: usize = 3;

/// The prose (in characters) a later part holds to be the story's.
const MIN_PART_CHARS: usize = 80;

/// Moves into `block` (the element holding the page's largest run of
/// paragraphs) the contents of the later elements of its name and class
/// (two or three in all, `block` the first, none nested in another)
/// under a box at most [`MAX_CLIMB`] levels above it: each in a box named
/// like `block`'s box but not that box (a cousin: siblings are
/// Readability's to take), in the same `<article>`, holding prose and no
/// heading, with no heading between it and `block`. Returns whether any
/// moved.
pub fn join_parts(block: &NodeRef) -> bool {
    let Some(class) = block.attr("class").filter(|c| !c.trim().is_empty()) else {
        return false;
    };
    let Some(name) = block.node_name() else {
        return false;
    };
    let mut scope = None;
    for a in block.ancestors_it(Some(MAX_CLIMB)) {
        if a.has_name("body") || a.has_name("html") {
            break;
        }
        scope = Some(a);
        if a.has_name("article") || a.has_name("main") {
            break;
        }
    }
    let Some(scope) = scope else {
        return false;
    };
    let of_kind = |d: &NodeRef| d.has_name(&name) && d.attr("class").is_some_and(|c| c == class);
    let parts: Vec<NodeRef> = scope.descendants_it().filter(of_kind).collect();
    let nested = |p: &NodeRef| {
        p.ancestors_it(None)
            .take_while(|a| a.id != scope.id)
            .any(|a| of_kind(&a))
    };
    if parts.len() < 2 || parts.iter().any(nested) {
        return false;
    }
    // The story's opening part is the longest; a page built of many
    // boxes of a kind (a feature's columns, a site builder's sections)
    // interleaves them with headings and pictures, which moving would
    // reorder.
    if parts.len() > MAX_PARTS || parts[0].id != block.id {
        return false;
    }
    let article = nearest_article(block);
    let Some(box_kind) = block.parent().map(|b| kind_of(&b)) else {
        return false;
    };
    // The page in order, for what stands between the block and a part.
    let order: Vec<NodeRef> = scope.descendants_it().filter(|d| d.is_element()).collect();
    let at = |node: &NodeRef| order.iter().position(|d| d.id == node.id);
    let Some(from) = at(block) else {
        return false;
    };
    let mut joined = false;
    for part in &parts[1..] {
        // A part stands in a box named like the block's (a second
        // `story-bodycontent`), not in an author's card, a figure or a
        // fact box, and holds no heading of its own (a teaser's).
        let boxed_alike = part
            .parent()
            .is_some_and(|b| Some(b.id) != block.parent().map(|n| n.id) && kind_of(&b) == box_kind);
        let heading_inside = part.descendants_it().any(|d| is_heading(&d));
        // A heading between them opens another section or entry (a live
        // blog's, a Q&A's), which joining would leave behind.
        let heading_between = at(part).is_some_and(|to| {
            order[from + 1..to]
                .iter()
                .any(|d| is_heading(d) && !d.ancestors_it(None).any(|a| a.id == block.id))
        });
        if !boxed_alike
            || heading_inside
            || heading_between
            || nearest_article(part) != article
            || !tells_story(part)
        {
            continue;
        }
        for child in part.children() {
            child.remove_from_parent();
            block.append_child(&child);
        }
        part.remove_from_parent();
        joined = true;
    }
    joined
}

/// An element's name and the first name in its class attribute.
fn kind_of(node: &NodeRef) -> (String, String) {
    (
        node.node_name().unwrap_or_default().to_string(),
        first_class(node).unwrap_or_default(),
    )
}

/// The id of the nearest `<article>` around `node`, if any.
fn nearest_article(node: &NodeRef) -> Option<dom_query::NodeId> {
    node.ancestors_it(None)
        .find(|a| a.has_name("article"))
        .map(|a| a.id)
}

/// Whether `part` holds a paragraph of prose and is not mostly links.
fn tells_story(part: &NodeRef) -> bool {
    let prose: usize = part
        .descendants_it()
        .filter(|d| d.has_name("p"))
        .map(|p| text_chars(&p))
        .sum();
    prose >= MIN_PART_CHARS && !mostly_links(part)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    const PROSE: &str = "<p>The orchard gave more apples than ever this autumn, and the cellar shelves filled up again.</p>";

    /// Joins on `html` from its first `div.text`, and the page's text
    /// blocks in order afterwards.
    fn join(html: &str) -> (bool, String) {
        let doc = Document::from(html);
        let block = doc.select("div.text").nodes()[0];
        let joined = join_parts(&block);
        (
            joined,
            doc.select("body")
                .text()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    #[test]
    fn a_later_part_beyond_an_advert_joins_the_first() {
        let page = format!(
            r#"<body><div class="story"><div class="part"><div class="size">A- A+</div><div class="text">{PROSE}{PROSE}</div></div><div class="ad">Advert</div><div class="part part-cont"><div class="text"><p>The last part: the press is mended.</p>{PROSE}</div></div></div></body>"#
        );
        let (joined, text) = join(&page);
        assert!(joined);
        // The last part now stands in the first, before the advert.
        assert!(text.find("mended") < text.find("Advert"), "{text}");
    }

    #[test]
    fn many_boxes_of_a_kind_or_boxes_in_boxes_stay_apart() {
        // A page built of four boxes of a kind or more: sections.
        let section =
            format!(r#"<div class="w"><div class="text">{PROSE}</div></div><div>Advert</div>"#);
        let many = format!(
            r#"<body><div class="story">{}</div></body>"#,
            section.repeat(4)
        );
        assert!(!join(&many).0);
        assert!(join(&many.replacen(&section, "", 1)).0, "three parts join");
        // A manual's sections nested in sections.
        let nested = format!(
            r#"<body><div class="story"><div class="w"><div class="text">{PROSE}{PROSE}<div class="x"><div class="text">{PROSE}</div></div></div></div><div class="w"><div class="text">{PROSE}</div></div></div></body>"#
        );
        assert!(!join(&nested).0);
        // Siblings are Readability's to take.
        let siblings = format!(
            r#"<body><div class="story"><div class="text">{PROSE}{PROSE}</div><div class="ad">Advert</div><div class="text">{PROSE}</div></div></body>"#
        );
        assert!(!join(&siblings).0);
        // A later box of links is a list, not the story's end.
        let links = format!(
            r#"<body><div class="story"><div class="a"><div class="text">{PROSE}{PROSE}</div></div><div class="a b"><div class="text"><p><a href="/1">One other story of the site, on the harbour board</a> <a href="/2">And another story of the site, on the ferry</a> more</p></div></div></div></body>"#
        );
        assert!(!join(&links).0);
        let two_parts = |between: &str, second: &str| {
            format!(
                r#"<body><div class="story"><div class="part"><div class="text">{PROSE}{PROSE}</div></div>{between}{second}</div></body>"#
            )
        };
        let second = format!(r#"<div class="part"><div class="text">{PROSE}</div></div>"#);
        assert!(join(&two_parts("<div>Advert</div>", &second)).0);
        // A heading between the two: another section, or a live blog's
        // next entry.
        assert!(!join(&two_parts("<h2>Not everyone agrees</h2>", &second)).0);
        // A teaser under its heading, and an author's card beside a
        // photo, in boxes of the story's kind.
        let teaser = format!(
            r#"<div class="part"><div class="text"><h3>Other story</h3>{PROSE}</div></div>"#
        );
        assert!(!join(&two_parts("", &teaser)).0);
        let card = format!(
            r#"<div class="author-card"><img src="a.jpg"><div class="text">{PROSE}</div></div>"#
        );
        assert!(!join(&two_parts("", &card)).0);
    }
}
