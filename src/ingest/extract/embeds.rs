//! Embedded social posts (Instagram's, TikTok's): the post's words and
//! its attribution stay, as a quotation does; the embed's own call to
//! open the post ("View this post on Instagram", in the reader's
//! language) goes. Known by the embed code's markup, not its words.

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
