//! Offers set among a story's paragraphs: a small box around a link
//! styled as a button ("Become an Insider", "Je m'abonne", "Lataa
//! sovellus") with a title or a line of pitch. The button's look says
//! what the box is, in any language.

use super::clean::{holds_at_most, in_running_text, is_document, is_picture_file, text_chars};
use dom_query::{Document, NodeRef};

/// The most text (in characters) a box around a button holds as an
/// offer: a title, a line or two of pitch and the button.
const OFFER_CHARS: usize = 300;

/// The most words on a button.
const BUTTON_WORDS: usize = 4;

/// Removes every offer box: the nearest `<div>`, `<aside>` or
/// `<section>` around a button link ([`is_button`]) that holds more text
/// than the button, at most [`OFFER_CHARS`] of it, and no picture,
/// video or form. A button set in a sentence, one that opens a picture
/// or a document, and one in a box of more than a pitch stay.
pub fn remove_offer_boxes(doc: &Document) {
    let buttons: Vec<NodeRef> = doc
        .select("a[class], a[role]")
        .nodes()
        .iter()
        .filter(|a| is_button(a))
        .copied()
        .collect();
    for button in buttons {
        if button.parent().is_none() || in_running_text(&button) {
            continue;
        }
        let href = button.attr("href").unwrap_or_default();
        let href = href.trim();
        let words = button.text().split_whitespace().count();
        if href.is_empty()
            || href.starts_with('#')
            || href.to_ascii_lowercase().starts_with("javascript:")
            || is_document(href)
            || is_picture_file(href)
            || !(1..=BUTTON_WORDS).contains(&words)
        {
            continue;
        }
        let own = text_chars(&button);
        let Some(offer) = button
            .ancestors_it(None)
            .take_while(|a| {
                !a.node_name()
                    .is_some_and(|n| matches!(&*n, "body" | "html" | "article" | "main"))
            })
            .find(|a| text_chars(a) > own)
        else {
            continue;
        };
        let is_box = offer
            .node_name()
            .is_some_and(|n| matches!(&*n, "div" | "aside" | "section"));
        if is_box
            && holds_at_most(&offer, OFFER_CHARS)
            && !offer.descendants_it().any(|d| {
                d.node_name().is_some_and(|n| {
                    matches!(
                        &*n,
                        "figure" | "figcaption" | "picture" | "video" | "iframe" | "form"
                    )
                })
            })
        {
            offer.remove_from_parent();
        }
    }
}

/// Whether link `a` is styled as a button: `role="button"`, or a class
/// whose parts between dashes and underscores name one (`btn`,
/// `btn-insider`, `push-abo__btn`, `button`, `cta`).
fn is_button(a: &NodeRef) -> bool {
    a.attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("button"))
        || a.attr("class").is_some_and(|class| {
            class
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|part| {
                    ["btn", "button", "cta"]
                        .iter()
                        .any(|b| part.eq_ignore_ascii_case(b))
                })
        })
}
