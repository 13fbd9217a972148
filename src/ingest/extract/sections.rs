//! Bodies built from sibling sections of one kind: a blog platform's
//! text, picture and quote blocks (`ob-section`, `sqs-block`,
//! `elementor-element`), each under its own subheading. Readability scores
//! paragraphs into their parent and takes the best parent, so on such a
//! page it keeps the longest section's text alone; [`section_run`] finds
//! the run of sections the story is told in.

use super::clean::{is_heading, shows_at_most, text_chars, visible_chars};
use dom_query::NodeRef;

/// How many levels above the block of paragraphs its section may stand.
const MAX_CLIMB: usize = 3;

/// Text (in characters besides spaces) a section may hold besides its
/// block of paragraphs, however short the block: a subheading, a caption.
const SECTION_EXTRA_CHARS: usize = 200;

/// The characters of text a section beside the block needs to add prose.
const MIN_PROSE_CHARS: usize = 50;

/// A box whose text is more than this many tenths link text lists other
/// pages (headlines, a menu) rather than telling the story.
const MAX_LINK_TENTHS: usize = 3;

/// The story's run of sections, as the length of its text (in
/// characters) and one `<div>` of their HTML, when `block` (the element
/// holding the page's largest run of paragraphs) or one of its ancestors
/// up to [`MAX_CLIMB`] levels stands among sibling boxes named like it
/// (the same first class name), at least one of them adds prose, and
/// together they hold a quarter more text than the block (a run that
/// adds less is not worth a second reading). Boxes of the run that are
/// mostly links (headline lists) or list other stories (teasers) are
/// left out; the climb stops at an `<article>` or `<main>`, whose
/// siblings are other stories, and at a box holding a quarter more text
/// than the block and more than [`SECTION_EXTRA_CHARS`] besides it (a
/// column of the page, the site's lists beside the story).
pub fn section_run(block: &NodeRef) -> Option<(usize, String)> {
    let own = visible_chars(block);
    let mut node = *block;
    for _ in 0..=MAX_CLIMB {
        // A box that holds much more than the block is a column of the
        // page (the story and the site's lists beside it), not the
        // block's section.
        if node.has_name("article")
            || node.has_name("main")
            || node.has_name("body")
            || !shows_at_most(&node, own + (own / 4).max(SECTION_EXTRA_CHARS))
        {
            return None;
        }
        let parent = node.parent()?;
        if let Some(kind) = first_class(&node) {
            let run: Vec<(NodeRef, usize)> = run_of(&node, &parent, &kind)
                .into_iter()
                .map(|s| (s, visible_chars(&s)))
                .collect();
            let adds_prose = run
                .iter()
                .any(|(s, n)| s.id != node.id && *n >= MIN_PROSE_CHARS);
            if adds_prose {
                let chars: usize = run.iter().map(|(_, n)| n).sum();
                return (chars * 4 > own * 5).then(|| {
                    let html: String = run.iter().map(|(s, _)| s.html().to_string()).collect();
                    (chars, format!("<div>{html}</div>"))
                });
            }
        }
        node = parent;
    }
    None
}

/// The first name in an element's class attribute.
pub(super) fn first_class(node: &NodeRef) -> Option<String> {
    node.attr("class")?
        .split_whitespace()
        .next()
        .map(str::to_string)
}

/// Whether `kind` is the first name in an element's class attribute.
fn is_kind(node: &NodeRef, kind: &str) -> bool {
    node.attr("class")
        .is_some_and(|c| c.split_whitespace().next() == Some(kind))
}

/// The unbroken run of `parent`'s children around `node` whose first
/// class name is `kind`, without those that are mostly links or list
/// teasers; empty when `node` is the only one of its kind there.
/// Scripts, style sheets and empty boxes between sections do not break
/// the run.
fn run_of<'a>(node: &NodeRef<'a>, parent: &NodeRef<'a>, kind: &str) -> Vec<NodeRef<'a>> {
    let children = parent.element_children();
    let Some(at) = children.iter().position(|c| c.id == node.id) else {
        return Vec::new();
    };
    let same = |c: &NodeRef| is_kind(c, kind);
    let filler = |c: &NodeRef| {
        matches!(
            c.node_name().as_deref(),
            Some("script" | "style" | "noscript" | "template" | "link" | "meta")
        ) || (visible_chars(c) == 0 && !c.descendants_it().any(|d| d.has_name("img")))
    };
    let ends = |range: &mut dyn Iterator<Item = usize>| {
        range
            .take_while(|&i| same(&children[i]) || filler(&children[i]))
            .last()
    };
    let first = ends(&mut (0..at).rev()).unwrap_or(at);
    let last = ends(&mut (at + 1..children.len())).unwrap_or(at);
    let run = &children[first..=last];
    if run.iter().filter(|c| same(c)).count() < 2 {
        return Vec::new();
    }
    run.iter()
        .filter(|c| same(c) && !mostly_links(c) && !holds_teasers(c))
        .copied()
        .collect()
}

/// Whether a box lists other stories: it holds an `<article>` or a
/// heading that is a link (a teaser's title), which a story's own
/// subheadings are not.
fn holds_teasers(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        d.has_name("article")
            || is_heading(&d) && {
                let text = visible_chars(&d);
                let linked: usize = d
                    .descendants_it()
                    .filter(|a| a.has_name("a"))
                    .map(|a| visible_chars(&a))
                    .sum();
                text > 0 && linked * 2 > text
            }
    })
}

/// Whether more than [`MAX_LINK_TENTHS`] of a box's text is link text.
pub(super) fn mostly_links(node: &NodeRef) -> bool {
    let links: usize = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| text_chars(&a))
        .sum();
    links * 10 > text_chars(node) * MAX_LINK_TENTHS
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    const PROSE: &str = "<p>The orchard gave more apples than ever this autumn, and the cellar shelves filled up again.</p>";

    /// The run of sections for the page's `#block`, as text.
    fn run_text(sections: &str) -> Option<String> {
        let page =
            format!(r#"<body><article><div class="parts">{sections}</div></article></body>"#);
        let doc = Document::from(page.as_str());
        let block = doc.select("#block").nodes().first().copied()?;
        section_run(&block)
            .map(|(_, html)| Document::fragment(html.as_str()).root().text().to_string())
    }

    #[test]
    fn sections_of_one_kind_are_one_run() {
        let text = run_text(&format!(
            r#"<div class="part text"><div id="block">{PROSE}{PROSE}</div></div><script></script>
            <div class="part quote"><blockquote>{PROSE}</blockquote></div><div class="other">Elsewhere</div>"#
        ))
        .expect("a run");
        assert_eq!(text.matches("orchard").count(), 3, "{text}");
        assert!(!text.contains("Elsewhere"));
        // A section's subheading and caption beside a short block.
        let text = run_text(&format!(
            r#"<div class="part text"><h2>What the long summer did to the old apple trees</h2><figure><figcaption>The oldest tree, planted in 1911.</figcaption></figure><div id="block">{PROSE}</div></div>
            <div class="part text"><div>{PROSE}</div></div>"#
        ))
        .expect("a run");
        assert_eq!(text.matches("orchard").count(), 2, "{text}");
    }

    #[test]
    fn teasers_and_link_lists_are_not_sections() {
        let teasers = r#"<div class="part posts"><article><h3><a href="/figs">Fig jam</a></h3><p>A teaser for another post, long enough to outweigh its link by far.</p></article></div>"#;
        let links = r#"<div class="part links"><ul><li><a href="/a">Another post with a long enough title</a></li><li><a href="/b">And yet another post with a title</a></li></ul></div>"#;
        let block = format!(r#"<div class="part text"><div id="block">{PROSE}{PROSE}</div></div>"#);
        assert_eq!(run_text(&format!("{block}{teasers}{links}")), None);
        // A box of the same kind with no text adds nothing either.
        assert_eq!(
            run_text(&format!(
                r#"{block}<div class="part"><img src="/a.jpg"></div>"#
            )),
            None
        );
    }

    #[test]
    fn the_climb_stops_at_a_box_that_holds_more_than_the_block() {
        // The story's column beside the headline's box, both named by a
        // layout class ("clearfix"), with the site's lists in the column:
        // a column is no section of the story.
        let lists = r#"<div class="latest"><h2>Latest</h2><ul><li>The harbour board met on Monday to talk about the lamp and the roof of the lighthouse.</li><li>Ferry timetables change for the winter from next week, the operator said on Friday.</li><li>The lifeboat crew will hold an open day at the station on the first Sunday of next month.</li><li>Roadworks on the coast road will close one lane until the end of the month, the county said.</li></ul><p>Comments are closed for this story, which was published more than a week ago.</p></div>"#;
        let page = format!(
            r#"<body><div class="clearfix title"><h1>Orchard</h1><p>Published on Monday by the Courier, in the section Country.</p></div>
            <div class="clearfix content"><div class="column"><div id="block">{PROSE}{PROSE}</div>{lists}</div></div></body>"#
        );
        let doc = Document::from(page.as_str());
        let block = doc.select("#block").nodes().first().copied().unwrap();
        assert_eq!(section_run(&block), None);
    }

    #[test]
    fn the_climb_stops_at_the_article() {
        let page = format!(
            r#"<body><main><article class="post"><div id="block">{PROSE}{PROSE}</div></article><article class="post">{PROSE}</article></main></body>"#
        );
        let doc = Document::from(page.as_str());
        let block = doc.select("#block").nodes().first().copied().unwrap();
        assert_eq!(section_run(&block), None);
    }
}
