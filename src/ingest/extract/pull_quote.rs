//! Pull quotes: a line of the story set again in large type beside it
//! (`<aside>`, `<blockquote class="pull-quote">`), which a text mirror
//! would print twice.
//!
//! Found by what they repeat, not by their class names (Readability drops
//! those): a quote or aside whose sentences all stand, in order, elsewhere
//! in the story (a credit in its `<cite>` aside). A quotation the story
//! makes once stays.

use crate::vocabulary::text::words;
use dom_query::{Document, NodeId, NodeRef};
use std::ops::Range;

/// The fewest words a pull quote's longest sentence has: a shorter line
/// ("Yes.") repeats by chance.
const MOST_COMMON_WORDS: usize = 5;

/// Removes from `doc` (a story's box) each `<blockquote>` and `<aside>`
/// whose words the rest of the story holds in the same order.
pub fn remove_pull_quotes(doc: &Document) {
    let quotes: Vec<NodeRef> = doc.select("blockquote, aside").nodes().to_vec();
    if quotes.is_empty() {
        return;
    }
    // The story's text nodes in document order: an element's are a run
    // of them.
    let texts: Vec<(NodeId, String)> = doc
        .root()
        .descendants_it()
        .filter(|n| n.is_text())
        .map(|n| (n.id, word_line(&n.text())))
        .collect();
    let mut gone: Vec<Range<usize>> = Vec::new();
    for quote in quotes {
        let Some(first) = quote.descendants_it().find(|n| n.is_text()) else {
            continue;
        };
        let Some(start) = texts.iter().position(|(id, _)| *id == first.id) else {
            continue;
        };
        let own = start..start + quote.descendants_it().filter(|n| n.is_text()).count();
        // The quote's sentences, without the credit under it.
        let said: String = quote
            .descendants_it()
            .filter(|n| n.is_text() && !n.ancestors_it(None).any(|a| a.has_name("cite")))
            .map(|n| n.text().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let sentences: Vec<String> = said
            .split_inclusive(['.', '!', '?', '…'])
            .map(word_line)
            .filter(|s| !s.is_empty())
            .collect();
        // One sentence at least long enough not to repeat by chance.
        if !sentences
            .iter()
            .any(|s| s.split_whitespace().count() >= MOST_COMMON_WORDS)
        {
            continue;
        }
        let rest: String = texts
            .iter()
            .enumerate()
            .filter(|(i, _)| !own.contains(i) && !gone.iter().any(|g| g.contains(i)))
            .map(|(_, (_, w))| w.as_str())
            .collect();
        if in_order(&rest, &sentences) {
            quote.remove_from_parent();
            gone.push(own);
        }
    }
}

/// Whether `rest` holds each of `sentences` (word lines), one after the
/// other: a pull quote may join sentences the story parts with "she said".
fn in_order(rest: &str, sentences: &[String]) -> bool {
    let mut from = 0;
    sentences
        .iter()
        .all(|s| match rest[from..].find(s.as_str()) {
            Some(at) => {
                from += at + s.len();
                true
            }
            None => false,
        })
}

/// A text's words, lower-cased, each with one space before and after, so
/// that joined lines match on whole words and text nodes do not run
/// together (`town</p><p>Work`).
fn word_line(text: &str) -> String {
    let mut line = String::new();
    for w in words(text) {
        line.push(' ');
        line.push_str(&w);
        line.push(' ');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words left in `html` once its pull quotes went.
    fn after(html: &str) -> String {
        let doc = Document::fragment(html);
        remove_pull_quotes(&doc);
        crate::vocabulary::text::one_line(&word_line(&doc.root().text()))
    }

    const STORY: &str =
        "<p>The mayor spoke first. “The pier is the heart of this town,” she said.</p>";

    #[test]
    fn a_line_set_again_beside_the_story_goes() {
        for quote in [
            "<blockquote class=\"pull-quote\">The pier is the heart of this town</blockquote>",
            "<aside><p>“The pier is the <em>heart</em> of this town.”</p></aside>",
        ] {
            assert_eq!(
                after(&format!("{STORY}{quote}<p>Work starts in March.</p>")),
                "the mayor spoke first the pier is the heart of this town she said work starts in march",
                "{quote}"
            );
        }
    }

    /// A pull quote may join sentences the story parts with "she said",
    /// and name the speaker in a `<cite>` under it.
    #[test]
    fn sentences_the_story_holds_in_order_go_with_their_credit() {
        let story = "<p>“Every morning it is like a parking lot at the mall,” said Gordie Roe, who chairs the harbour authority. “Somebody is going to get hurt. It is only a matter of time.”</p>";
        let quote = "<blockquote class=pullquote><p>Every morning it is like a parking lot at the mall. Somebody is going to get hurt.</p><cite>- Gordie Roe, harbour authority</cite></blockquote>";
        assert!(!after(&format!("{story}{quote}")).ends_with("harbour authority"));
        // Sentences in another order, or one the story does not hold, stay.
        for (other, end) in [
            (
                "<blockquote><p>Somebody is going to get hurt. Every morning it is like a parking lot at the mall.</p></blockquote>",
                "hurt every morning it is like a parking lot at the mall",
            ),
            (
                "<blockquote><p>Every morning it is like a parking lot at the mall. The council has ignored us for years.</p></blockquote>",
                "the council has ignored us for years",
            ),
        ] {
            assert!(after(&format!("{story}{other}")).ends_with(end), "{other}");
        }
    }

    #[test]
    fn quotations_made_once_stay() {
        for (quote, words) in [
            // Words the story does not hold, or not in this order.
            (
                "<blockquote>The harbour is the heart of this town.</blockquote>",
                "the harbour is the heart of this town",
            ),
            (
                "<blockquote>The heart of this town is the pier.</blockquote>",
                "the heart of this town is the pier",
            ),
            // Too short to tell.
            ("<blockquote>The pier.</blockquote>", "the pier"),
        ] {
            assert!(
                after(&format!("{STORY}{quote}")).ends_with(words),
                "{quote}"
            );
        }
        // A quotation set twice, the story not holding it: one copy stays.
        let twice = "<aside>The harbour is the heart of this town.</aside><blockquote>The harbour is the heart of this town.</blockquote>";
        assert_eq!(
            after(&format!("{STORY}{twice}"))
                .matches("the harbour is the heart of this town")
                .count(),
            1
        );
    }
}
