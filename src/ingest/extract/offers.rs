//! Offers set among a story's paragraphs: a small box around a link
//! styled as a button ("Become an Insider", "Je m'abonne", "Lataa
//! sovellus") with a title or a line of pitch, leading where the site's
//! header or menu leads too. The button's look and its repeated target
//! say what the box is, in any language.

use super::clean::{holds_at_most, in_running_text, is_document, is_picture_file, text_chars};
use super::teasers::{is_site_host, site_host};
use dom_query::{Document, NodeRef};
use std::collections::HashMap;
use url::Url;

/// The most text (in characters) a box around a button holds as an
/// offer: a title, a line or two of pitch and the button.
const OFFER_CHARS: usize = 300;

/// The most words on a button.
const BUTTON_WORDS: usize = 4;

/// The page's button links ([`is_button`]) that lead where another link
/// on the page leads too (the header's "Subscribe", the menu's app
/// link): the site's own offers, repeated. Read before the page's
/// furniture goes, as that is where the other links stand; `base` is
/// the page's address.
pub fn repeated_buttons<'a>(doc: &'a Document, base: Option<&Url>) -> Vec<NodeRef<'a>> {
    // The page's links, walked by name: cheaper than a selector's match.
    let links: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|n| n.has_name("a"))
        .collect();
    let buttons: Vec<(NodeRef, String)> = links
        .iter()
        .filter(|a| is_button(a))
        .filter_map(|a| Some((*a, target(&a.attr("href")?, base)?)))
        .collect();
    if buttons.is_empty() {
        return Vec::new();
    }
    let mut counts: HashMap<&str, usize> = buttons.iter().map(|(_, t)| (t.as_str(), 0)).collect();
    // A link's address holds its target's last part, if it leads there:
    // most links are passed over without reading their target.
    let last_parts: Vec<String> = buttons
        .iter()
        .map(|(_, t)| t.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    for a in &links {
        let Some(href) = a.attr("href") else { continue };
        if !last_parts.iter().any(|p| href.contains(p.as_str())) {
            continue;
        }
        if let Some(t) = target(&href, base)
            && let Some(n) = counts.get_mut(t.as_str())
        {
            *n += 1;
        }
    }
    buttons
        .iter()
        .filter(|(_, t)| counts.get(t.as_str()).is_some_and(|&n| n >= 2))
        .map(|(a, _)| *a)
        .collect()
}

/// Where `href` leads, as a key two links to one page share: resolved
/// against `base`, the path without query, fragment or closing slash,
/// after the host (without "www.") unless that is the site's
/// ([`is_site_host`]). With no `base`, the address as written, so
/// trimmed. `None` for an anchor or an address that is no web page's.
fn target(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let Some(base) = base.filter(|b| b.host_str().is_some()) else {
        let address = href.split(['?', '#']).next().unwrap_or_default();
        let web = !address.contains(':') || address.starts_with("http");
        return web.then(|| address.trim_matches('/').to_string());
    };
    let url = base
        .join(href)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))?;
    let host = url.host_str()?;
    let path = url.path().trim_matches('/');
    Some(if is_site_host(host, base) {
        path.to_string()
    } else {
        format!("{}/{path}", site_host(host))
    })
}

/// Removes the offer box around each of `buttons` ([`repeated_buttons`])
/// still on the page: its nearest `<div>`, `<aside>` or `<section>` that
/// holds more text than the button, at most [`OFFER_CHARS`] of it, and
/// no picture, video or form. A button set in a sentence, one that opens
/// a picture or a document, and one in a box of more than a pitch stay.
pub fn remove_offer_boxes(buttons: &[NodeRef]) {
    for button in buttons {
        if button.parent().is_none() || in_running_text(button) {
            continue;
        }
        let href = button.attr("href").unwrap_or_default();
        let href = href.trim();
        let words = button.text().split_whitespace().count();
        if is_document(href) || is_picture_file(href) || !(1..=BUTTON_WORDS).contains(&words) {
            continue;
        }
        let own = text_chars(button);
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
