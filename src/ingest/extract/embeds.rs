//! Embedded social posts (Instagram's, TikTok's): the post's words and
//! its attribution stay, as a quotation does; the embed's own call to
//! open the post ("View this post on Instagram", in the reader's
//! language) goes. Known by the embed code's markup, not its words.

use dom_query::Document;

/// The embed codes' quotation boxes.
const EMBEDS: &str =
    "blockquote.instagram-media, blockquote[data-instgrm-permalink], blockquote.tiktok-embed";

/// Removes from each embedded post the links set outside its paragraphs:
/// the call to open the post and the profile's picture link. The
/// post's text and its "A post shared by …" line are paragraphs.
pub fn remove_embed_calls(doc: &Document) {
    for embed in doc.select(EMBEDS).nodes() {
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
