//! Embedded social posts (Instagram's, TikTok's): the post's words and
//! its attribution stay, as a quotation does; the embed's own call to
//! open the post ("View this post on Instagram", in the reader's
//! language) goes, and so do the lines a page sets around an embed for
//! screen readers to skip it, with the box asking leave to load it.
//! Known by the markup, not the words.

use dom_query::{Document, NodeRef};

/// Whether `node` is an embed code's quotation box: Instagram's
/// (`instagram-media`, `data-instgrm-permalink`) or TikTok's
/// (`tiktok-embed`).
fn is_embed(node: &NodeRef) -> bool {
    node.has_name("blockquote")
        && (node.has_attr("data-instgrm-permalink")
            || node.attr("class").is_some_and(|c| {
                c.split_whitespace()
                    .any(|c| c == "instagram-media" || c == "tiktok-embed")
            }))
}

/// Removes from each embedded post the links set outside its paragraphs:
/// the call to open the post and the profile's picture link. The
/// post's text and its "A post shared by …" line are paragraphs.
pub fn remove_embed_calls(doc: &Document) {
    let embeds: Vec<NodeRef> = doc.root().descendants_it().filter(is_embed).collect();
    for embed in embeds {
        let calls: Vec<_> = embed
            .descendants_it()
            .filter(|d| {
                d.has_name("a")
                    && !d
                        .ancestors_it(None)
                        .take_while(|a| a.id != embed.id)
                        .any(|a| a.has_name("p"))
            })
            .collect();
        calls.iter().for_each(|a| a.remove_from_parent());
    }
}

/// The most text (in characters) a skip link or the line it skips to
/// holds ("Skip twitter post by Harbour Police", "End of twitter post
/// by Harbour Police").
const MAX_SKIP_LINE_CHARS: usize = 100;

/// Removes the lines a page sets around an embed so that a screen reader
/// can skip it: a link to an element further down the same box ("Skip
/// twitter post by …", `href="#end-of-twitter-content-1"`) and that
/// element ("End of twitter post by …"), in whatever language; and,
/// between them, the box that asks leave to load the post (the one that
/// holds a button: "Allow Twitter content? … Accept and continue"). The
/// post between them stays, as an embedded post does.
pub fn remove_skip_lines(doc: &Document) {
    let short = |n: &NodeRef| n.text().chars().count() <= MAX_SKIP_LINE_CHARS;
    // By tag, then by address: a selector on the address's first
    // character is matched by the slow engine on every element.
    let links: Vec<NodeRef> = doc
        .select("a")
        .nodes()
        .iter()
        .filter(|a| a.attr("href").is_some_and(|h| h.starts_with('#')) && short(a))
        .copied()
        .collect();
    for link in links {
        let Some(href) = link.attr("href") else {
            continue;
        };
        let id = &href[1..];
        if id.is_empty() {
            continue;
        }
        let holds = |n: &NodeRef| n.attr("id").is_some_and(|i| *i == *id);
        // The element skipped to, later in the same box.
        let siblings: Vec<NodeRef> =
            std::iter::successors(link.next_element_sibling(), NodeRef::next_element_sibling)
                .collect();
        let Some((at, target)) = siblings.iter().enumerate().find_map(|(at, s)| {
            if holds(s) {
                Some((at, *s))
            } else {
                s.descendants_it().find(holds).map(|t| (at, t))
            }
        }) else {
            continue;
        };
        // Something is skipped, and not to a heading: a contents link
        // set just before the section it opens is no skip line.
        if at == 0 || !short(&target) || super::clean::is_heading(&target) {
            continue;
        }
        for between in &siblings[..at] {
            if between.has_name("button") || between.descendants_it().any(|d| d.has_name("button"))
            {
                between.remove_from_parent();
            }
        }
        target.remove_from_parent();
        link.remove_from_parent();
    }
}
