//! AMP pages' pictures: `<amp-img>` and `<amp-anim>` stand where an
//! `<img>` would, with the same `src`, `srcset` and `alt`, and hold only
//! a placeholder or a `<noscript>` copy of themselves. Read as the
//! `<img>` they stand for, so that an AMP page's pictures are taken with
//! their captions, as any page's are.

use dom_query::Document;

/// Turns each `<amp-img>` and `<amp-anim>` with a `src` into an `<img>`,
/// dropping what it holds (a fallback copy would be a second picture),
/// on an AMP page (`<html amp>`, `<html ⚡>`): a page of another kind
/// that borrows the element sets it in its teasers, not its story.
pub fn plain_images(doc: &Document) {
    let amp_page = doc
        .select("html")
        .nodes()
        .first()
        .is_some_and(|h| h.has_attr("amp") || h.has_attr("⚡"));
    if !amp_page {
        return;
    }
    for amp in doc.select("amp-img, amp-anim").nodes() {
        if amp.has_attr("src") {
            amp.remove_children();
            amp.rename("img");
        }
    }
}
