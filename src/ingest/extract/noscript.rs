//! Images a page gives only to readers without scripts: `<noscript><img
//! src=…></noscript>` where a script builds the picture into an empty box.
//! Readability drops `<noscript>` (it keeps the copy only when a
//! placeholder `<img>` stands just before it), so the article lost its
//! image. A `<noscript>` that holds an image and no text or link, in a box
//! with no image of its own, gives its image to the page, unless the box
//! is a teaser for another page (an ad's fallback links to the advertiser;
//! a teaser's picture sits beside its headline's link).

use super::clean::holds_at_most;
use dom_query::{Document, NodeRef};

/// The most text (in characters) a teaser's box holds.
const TEASER_CHARS: usize = 500;

/// Unwraps each `<noscript>` that holds an image and no text or link,
/// where its parent holds no other image (a lazy image's copy stays a
/// copy) and its box is no teaser ([`in_teaser`]).
pub fn unwrap_lone_images(doc: &Document) {
    let lone: Vec<NodeRef> = doc
        .select("noscript")
        .nodes()
        .iter()
        .filter(|n| {
            n.text().trim().is_empty()
                && n.descendants_it().any(|d| d.has_name("img"))
                && !n.descendants_it().any(|d| d.has_name("a"))
                && n.parent().is_some_and(|p| {
                    !p.descendants_it()
                        .any(|d| d.has_name("img") && !d.ancestors_it(None).any(|a| a.id == n.id))
                })
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

/// Whether `noscript` stands in a teaser: the largest box around it that
/// holds at most [`TEASER_CHARS`] of text holds a link to another page
/// (not to an image, as a full-size link is). A story's figure stands in
/// the story, which holds more.
fn in_teaser(noscript: &NodeRef) -> bool {
    let Some(teaser) = noscript
        .ancestors_it(None)
        .take_while(|a| holds_at_most(a, TEASER_CHARS))
        .last()
    else {
        return false;
    };
    teaser.descendants_it().any(|d| {
        d.has_name("a")
            && d.attr("href").is_some_and(|h| {
                let path = h
                    .split(['?', '#'])
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                !h.starts_with('#')
                    && ![".jpg", ".jpeg", ".png", ".gif", ".webp"]
                        .iter()
                        .any(|e| path.ends_with(e))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn images_after(html: &str) -> usize {
        let doc = Document::from(html);
        unwrap_lone_images(&doc);
        doc.select("img")
            .nodes()
            .iter()
            .filter(|i| !i.ancestors_it(None).any(|a| a.has_name("noscript")))
            .count()
    }

    #[test]
    fn an_image_only_for_readers_without_scripts_joins_the_page() {
        assert_eq!(
            images_after(
                r#"<figure><div class="lazy"></div><noscript><img src="/a.jpg"></noscript></figure>"#
            ),
            1
        );
        // A lazy image's copy, a placeholder's and a message stay where they are.
        for html in [
            r#"<figure><img data-src="/a.jpg"><noscript><img src="/a.jpg"></noscript></figure>"#,
            r#"<figure><img src="/spacer.gif"><noscript><img src="/a.jpg"></noscript></figure>"#,
        ] {
            assert_eq!(images_after(html), 1, "{html}");
        }
        for html in [
            r#"<div><noscript><img src="/a.jpg">Turn on scripts to see the map.</noscript></div>"#,
            // An ad's fallback, and a teaser's picture.
            r#"<div><script>ad()</script><noscript><a href="https://ads.example/ck"><img src="https://ads.example/avw"></a></noscript></div>"#,
            r#"<div class="box"><div><noscript><img src="/b.jpg"></noscript><span>12 KB</span></div><h3><a href="/news/other">Other story</a></h3><p>Its teaser.</p></div>"#,
        ] {
            assert_eq!(images_after(html), 0, "{html}");
        }
        // A link to the image's full size is no teaser's.
        assert_eq!(
            images_after(
                r#"<figure><a href="/a-big.jpg"><noscript><img src="/a.jpg"></noscript></a><figcaption>The pier.</figcaption></figure>"#
            ),
            1
        );
    }
}
