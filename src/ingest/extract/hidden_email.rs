//! E-mail addresses that Cloudflare's e-mail obfuscation hid from the page.
//!
//! Sites behind Cloudflare have every address in their HTML replaced by a
//! placeholder, `[email protected]`, inside a link to
//! `/cdn-cgi/l/email-protection#…` or an element with a `data-cfemail`
//! attribute; a script puts the address back in the reader's browser. The
//! address is in the page all along, as hex digits: the first byte is a
//! key, and each byte after it, XORed with the key, is a byte of the
//! address (UTF-8). [`reveal`] puts the addresses back as text, so "write
//! to [email protected]" reads as the page's readers see it; the link's
//! target (a script page, not an address) goes with it.

use dom_query::{Document, NodeRef};

/// The link target Cloudflare gives a hidden address; the hex follows `#`.
const PROTECTION_PATH: &str = "/cdn-cgi/l/email-protection";

/// The attribute holding the hex on the element that stands for an address.
const CFEMAIL: &str = "data-cfemail";

/// Whether `html` may hold an address Cloudflare hid: a cheap test on the
/// page's text before its tree is searched.
pub fn may_hide(html: &str) -> bool {
    html.contains(CFEMAIL) || html.contains(PROTECTION_PATH)
}

/// Replaces each element that stands for a hidden address with the
/// address as text: an element with `data-cfemail`, and a link to the
/// protection page whose text is the placeholder (or empty). A link with
/// words of its own ("E-mail the author") keeps them. Hex that does not
/// decode to an address is left alone.
pub fn reveal(doc: &Document) {
    for el in doc.select("[data-cfemail]").nodes() {
        if let Some(address) = el.attr(CFEMAIL).and_then(|hex| decode(&hex)) {
            replace_with_text(doc, el, &address);
        }
    }
    for link in doc
        .select(&format!("a[href*='{PROTECTION_PATH}#']"))
        .nodes()
    {
        let Some(href) = link.attr("href") else {
            continue;
        };
        let Some((_, hex)) = href.split_once('#') else {
            continue;
        };
        if !is_placeholder(&link.text()) {
            continue;
        }
        if let Some(address) = decode(hex) {
            replace_with_text(doc, link, &address);
        }
    }
}

/// The placeholder Cloudflare writes for an address, whatever the spaces.
fn is_placeholder(text: &str) -> bool {
    let text = crate::vocabulary::text::one_line(text);
    text.is_empty() || text.eq_ignore_ascii_case("[email protected]")
}

fn replace_with_text(doc: &Document, el: &NodeRef, text: &str) {
    el.insert_before(&doc.tree.new_text(text));
    el.remove_from_parent();
}

/// The address that `hex` encodes, if it is one: a key byte, then the
/// address's bytes XORed with it.
fn decode(hex: &str) -> Option<String> {
    let hex = hex.trim();
    if hex.len() < 4 || !hex.len().is_multiple_of(2) {
        return None;
    }
    let mut bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok());
    let key = bytes.next()??;
    let decoded = bytes
        .map(|b| b.map(|b| b ^ key))
        .collect::<Option<Vec<u8>>>()?;
    let address = String::from_utf8(decoded).ok()?;
    looks_like_address(&address).then_some(address)
}

/// One `@` between a non-empty local part and a domain with a dot, no
/// spaces or control characters, no longer than an address may be.
fn looks_like_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= 254
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tickets@ferry.example` under the key 0x42, as Cloudflare writes it.
    const TICKETS: &str = "42362b212927363102242730303b6c273a232f322e27";

    fn revealed(body: &str) -> String {
        let doc = Document::from(format!("<p>{body}</p>"));
        reveal(&doc);
        doc.select("p").html().to_string()
    }

    #[test]
    fn decodes_the_hex_under_its_key() {
        assert_eq!(decode(TICKETS).as_deref(), Some("tickets@ferry.example"));
        // An address in another script, UTF-8 under the key.
        let hex: String = std::iter::once(0x17u8)
            .chain("zoë@café.example".bytes().map(|b| b ^ 0x17))
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(decode(&hex).as_deref(), Some("zoë@café.example"));
    }

    #[test]
    fn hex_that_is_no_address_is_refused() {
        for hex in ["", "42", "4", "zz36", "423", "42362b21", "4262"] {
            assert_eq!(decode(hex), None, "{hex:?}");
        }
    }

    #[test]
    fn the_placeholder_link_becomes_the_address() {
        let p = revealed(&format!(
            "Write to <a href=\"/cdn-cgi/l/email-protection#{TICKETS}\">[email&#160;protected]</a> today."
        ));
        assert_eq!(p, "<p>Write to tickets@ferry.example today.</p>");
    }

    #[test]
    fn the_marked_element_becomes_the_address_inside_its_link() {
        let p = revealed(&format!(
            "Write to <a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\"><span data-cfemail=\"{TICKETS}\">[email protected]</span></a>."
        ));
        assert!(p.contains(">tickets@ferry.example</a>."), "{p}");
        assert!(!p.contains("protected]"), "{p}");
    }

    #[test]
    fn a_link_with_words_of_its_own_keeps_them() {
        let p = revealed(&format!(
            "<a href=\"/cdn-cgi/l/email-protection#{TICKETS}\">E-mail the desk</a>"
        ));
        assert!(p.contains(">E-mail the desk</a>"), "{p}");
    }

    #[test]
    fn only_pages_that_name_the_protection_are_searched() {
        assert!(may_hide("<a href=\"/cdn-cgi/l/email-protection#00\">"));
        assert!(may_hide("<span data-cfemail=\"00\">"));
        assert!(!may_hide("<p>Write to desk@courier.example</p>"));
    }
}
