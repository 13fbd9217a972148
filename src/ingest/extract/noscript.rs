//! Images a page gives only to readers without scripts: `<noscript><img
//! src=…></noscript>` where a script builds the picture into an empty box.
//! Readability drops `<noscript>` (it keeps the copy only when a
//! placeholder `<img>` stands just before it), so the article lost its
//! image. A `<noscript>` that holds an image and no text or link, in a box
//! with no image of its own, gives its image to the page, unless the image
//! is a counter's pixel or the box is a teaser for another page (an ad's
//! fallback links to the advertiser; a teaser's picture sits beside its
//! headline's link).

use super::clean::{holds_at_most, is_link_elsewhere, is_page_part, is_picture_file};
use super::teasers::TEASER_CHARS;
use dom_query::{Document, NodeId, NodeRef};
use std::collections::HashSet;

/// The most nodes a teaser's box holds: a larger box is a page's part,
/// and is not searched (a gallery of thousands costs a look each).
const TEASER_NODES: usize = 200;

/// Unwraps each `<noscript>` that holds an image and no text or link,
/// where its parent holds no image outside `<noscript>` (a lazy image's
/// copy stays a copy), unless the image is a counter's ([`is_counter`])
/// or its box a teaser ([`in_teaser`]).
pub fn unwrap_lone_images(doc: &Document) {
    // The boxes that show an image of their own, found once.
    let showing: HashSet<NodeId> = doc
        .select("img")
        .nodes()
        .iter()
        .filter(|i| !i.ancestors_it(None).any(|a| a.has_name("noscript")))
        .flat_map(|i| i.ancestors_it(None).map(|a| a.id))
        .collect();
    let lone: Vec<NodeRef> = doc
        .select("noscript")
        .nodes()
        .iter()
        .filter(|n| {
            let Some(img) = n.descendants_it().find(|d| d.has_name("img")) else {
                return false;
            };
            n.text().trim().is_empty()
                && !n.descendants_it().any(|d| d.has_name("a"))
                && !is_counter(&img)
                && n.parent().is_some_and(|p| !showing.contains(&p.id))
                && !in_teaser(n)
        })
        .copied()
        .collect();
    for noscript in lone {
        if let Some(first) = noscript.first_child() {
            first.unwrap_node();
        }
    }
}

/// Whether `img` is a counter's pixel: its address asks with a query and
/// names no picture file ("piwik.php?idsite=1", "…/p?c1=2&c2=…").
fn is_counter(img: &NodeRef) -> bool {
    img.attr("src")
        .is_some_and(|src| src.contains('?') && !is_picture_file(&src))
}

/// Whether `noscript` stands in a teaser: the largest box around it, within
/// the story's container, that holds at most [`TEASER_CHARS`] of text (and
/// [`TEASER_NODES`] nodes) holds
/// a link to another page outside a caption (a credit's link is the
/// picture's; a link to the picture's full size is no other page). A
/// story's figure stands in the story, which holds more.
fn in_teaser(noscript: &NodeRef) -> bool {
    let Some(teaser) = noscript
        .ancestors_it(None)
        .take_while(|a| {
            !is_page_part(a)
                && a.descendants_it().nth(TEASER_NODES).is_none()
                && holds_at_most(a, TEASER_CHARS)
        })
        .last()
    else {
        return false;
    };
    teaser.descendants_it().any(|d| {
        is_link_elsewhere(&d)
            && !d.attr("href").is_some_and(|h| is_picture_file(&h))
            && !d
                .ancestors_it(None)
                .take_while(|a| a.id != teaser.id)
                .any(|a| a.has_name("figcaption") || a.has_name("caption"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A story's paragraph, long enough that the story's box holds more
    /// than a teaser's, with a link of its own.
    const STORY: &str = "<p>The council voted on Tuesday to repair the old pier at Brightsea after a long campaign by residents, who gathered more than four thousand signatures. Work will begin in the spring and is expected to take eighteen months, according to the <a href=\"/council\">council's</a> estimates. The pier, built in 1891, has been closed to the public since a section of its decking collapsed in a storm; engineers say the iron piles are sound, but much of the timber above them will have to be replaced before it can open again. Residents had gathered more than four thousand signatures on a petition calling for the pier to be saved.</p>";

    fn images_after(html: &str) -> usize {
        let doc = Document::from(format!("<body><div>{STORY}{html}</div></body>"));
        unwrap_lone_images(&doc);
        doc.select("img")
            .nodes()
            .iter()
            .filter(|i| !i.ancestors_it(None).any(|a| a.has_name("noscript")))
            .count()
    }

    #[test]
    fn an_image_only_for_readers_without_scripts_joins_the_page() {
        for html in [
            r#"<figure><div class="lazy"></div><noscript><img src="/a.jpg"></noscript></figure>"#,
            // A credit's link in the caption, a link to the full size.
            r#"<figure><div></div><noscript><img src="/a.jpg"></noscript><figcaption>The pier. Photo: <a href="https://flickr.example/jo">Jo Roe</a></figcaption></figure>"#,
            r#"<figure><a href="/a-big.jpg"><noscript><img src="/a.jpg"></noscript></a><figcaption>The pier.</figcaption></figure>"#,
            // An address with no extension and no query.
            r#"<figure><div></div><noscript><img src="https://img.example/pier/wide__822x462"></noscript></figure>"#,
        ] {
            assert_eq!(images_after(html), 1, "{html}");
        }
        // Two in one box are both the page's.
        assert_eq!(
            images_after(
                r#"<figure><noscript><img src="/a.jpg"></noscript><noscript><img src="/b.jpg"></noscript></figure>"#
            ),
            2
        );
    }

    #[test]
    fn copies_ads_counters_and_teasers_stay_hidden() {
        for (html, shown) in [
            // A lazy image's copy, and a placeholder's: the image is shown once.
            (
                r#"<figure><img data-src="/a.jpg"><noscript><img src="/a.jpg"></noscript></figure>"#,
                1,
            ),
            (
                r#"<figure><img src="/spacer.gif"><noscript><img src="/a.jpg"></noscript></figure>"#,
                1,
            ),
            // A message for readers without scripts.
            (
                r#"<div><noscript><img src="/a.jpg">Turn on scripts to see the map.</noscript></div>"#,
                0,
            ),
            // An ad's fallback, a counter's pixel and a teaser's picture.
            (
                r#"<div><script>ad()</script><noscript><a href="https://ads.example/ck"><img src="https://ads.example/avw.jpg"></a></noscript></div>"#,
                0,
            ),
            (
                r#"<div><noscript><img src="https://count.example/piwik.php?idsite=1"></noscript></div>"#,
                0,
            ),
            (
                r#"<div class="box"><div><noscript><img src="/b.jpg"></noscript><span>12 KB</span></div><h3><a href="/news/other">Other story</a></h3><p>Its teaser.</p></div>"#,
                0,
            ),
        ] {
            assert_eq!(images_after(html), shown, "{html}");
        }
    }
}
