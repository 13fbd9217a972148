//! A story set in parts: the page closes the story's box for an
//! advertisement or a newsletter box and opens another box of the same
//! kind for the rest (`<div class="body-text">…</div><div class="ad">…
//! </div><div class="body-text">…the last paragraphs…</div>`).
//! Readability takes the box with the most prose and its siblings, so
//! when the parts are cousins rather than siblings the story comes out
//! without its end. [`join_parts`] moves the later parts' contents into
//! the first before Readability reads the page.

use super::clean::{text_chars, visible_chars};
use dom_query::NodeRef;

/// How many levels above the story's box the later parts may branch off.
const MAX_CLIMB: usize = 3;

/// The most boxes of a kind a story is set in.
const MAX_PARTS: usize = 3;

/// The prose (in characters) a later part holds to be the story's.
const MIN_PART_CHARS: usize = 80;

/// A later part whose text is more than this many tenths link text lists
/// other pages rather than telling the story.
const MAX_LINK_TENTHS: usize = 3;

/// Moves into `block` (the element holding the page's largest run of
/// paragraphs), in page order, the contents of the other elements of the
/// same name and class that are its cousins (not its siblings, which
/// Readability takes itself) under a box at most [`MAX_CLIMB`] levels
/// above it, in the same `<article>`, and hold prose of their own. Boxes
/// of one kind nested in each other (a manual's sections) are not parts
/// of one story. Returns whether any moved.
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
    let mut joined = false;
    for part in &parts[1..] {
        if part.parent().map(|n| n.id) == block.parent().map(|n| n.id)
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
    let links: usize = part
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| visible_chars(&a))
        .sum();
    prose >= MIN_PART_CHARS && links * 10 <= visible_chars(part) * MAX_LINK_TENTHS
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
            r#"<body><div class="story"><div class="a"><div class="size">A- A+</div><div class="text">{PROSE}{PROSE}</div></div><div class="ad">Advert</div><div class="b"><div class="text"><p>The last part: the press is mended.</p>{PROSE}</div></div></div></body>"#
        );
        let (joined, text) = join(&page);
        assert!(joined);
        // The last part now stands in the first, before the advert.
        assert!(text.find("mended") < text.find("Advert"), "{text}");
    }

    #[test]
    fn many_boxes_of_a_kind_or_boxes_in_boxes_stay_apart() {
        // A page built of sections under their headings.
        let section =
            format!(r#"<div class="w"><h2>Part</h2><div class="text">{PROSE}</div></div>"#);
        let many = format!(
            r#"<body><div class="story">{}</div></body>"#,
            section.repeat(4)
        );
        assert!(!join(&many).0);
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
            r#"<body><div class="story"><div class="a"><div class="text">{PROSE}{PROSE}</div></div><div class="b"><div class="text"><p><a href="/1">One other story of the site</a> <a href="/2">And another story of the site</a> more</p></div></div></div></body>"#
        );
        assert!(!join(&links).0);
    }
}
