//! Links that write an e-mail (`mailto:`). The mirror keeps only web
//! links, so a link whose words do not show its address ("Send letters to
//! the editor") would lose it: the address is written after the words
//! ("the editor (letters@courier.example)").

use dom_query::{Document, NodeRef};
use percent_encoding::percent_decode_str;

/// Writes the address of each `mailto:` link in `doc` after the link,
/// in brackets, unless the link's text shows it already.
pub fn spell_out(doc: &Document) {
    let links: Vec<NodeRef> = doc.select("a[href^='mailto:' i]").nodes().to_vec();
    for link in links {
        let Some(address) = link.attr("href").and_then(|h| address(&h)) else {
            continue;
        };
        if !names_a_recipient(&link.text()) {
            continue;
        }
        link.insert_after(&doc.tree.new_text(format!(" ({address})")));
    }
}

/// Whether a mail link's words name whom it writes to, so that its
/// address adds to them: two words or more ("the editor", "Jo Roe") or
/// a word for e-mail, and no address of their own. A signature's
/// initials linked to the writer's address ("(bsc)") say enough.
fn names_a_recipient(text: &str) -> bool {
    let text = text.trim();
    !text.contains('@')
        && (text.split_whitespace().count() >= 2
            || ["email", "e-mail", "mail", "courriel"].contains(&text.to_lowercase().as_str()))
}

/// The address of a `mailto:` link: the first one, without the subject
/// or body a link may carry, percent-decoded; `None` unless it looks like
/// an address.
fn address(href: &str) -> Option<String> {
    let rest = href.get("mailto:".len()..)?;
    let first = rest.split(['?', ',']).next()?.trim();
    let address = percent_decode_str(first)
        .decode_utf8()
        .ok()?
        .trim()
        .to_string();
    let (user, domain) = address.split_once('@')?;
    (!user.is_empty()
        && domain.contains('.')
        && !address.contains(char::is_whitespace)
        && !address.contains(['<', '>', '"', '(', ')']))
    .then_some(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(html: &str) -> String {
        let doc = Document::fragment(html);
        spell_out(&doc);
        doc.root().text().to_string()
    }

    #[test]
    fn an_address_the_words_hide_is_written_out() {
        assert_eq!(
            after(
                r#"<p>Send letters to <a href="mailto:letters@courier.example?subject=Pier">the editor</a>.</p>"#
            ),
            "Send letters to the editor (letters@courier.example)."
        );
        assert_eq!(
            after(r#"<p><a href="MAILTO:jo%20roe@courier.example">Jo</a></p>"#),
            "Jo",
            "no address"
        );
        // Words that are an address, or a signature's initials.
        for (html, text) in [
            (
                r#"<p><a href="mailto:jo.roe@courier.example">Jo.Roe@courier.example</a></p>"#,
                "Jo.Roe@courier.example",
            ),
            (
                r#"<p><a href="mailto:jo@courier.example">jo@elsewhere.example</a></p>"#,
                "jo@elsewhere.example",
            ),
            (
                r#"<p>(<a href="mailto:jr@courier.example">jr</a>)</p>"#,
                "(jr)",
            ),
        ] {
            assert_eq!(after(html), text);
        }
    }
}
