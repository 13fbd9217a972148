//! A dateline set apart from the story's first paragraph.
//!
//! Some sites print the dateline ("New York (CNN) —") in its own box that
//! CSS floats into the first paragraph. Without the style sheet it is a
//! paragraph of its own, a stray line above the story; this puts it back
//! at the head of the paragraph it opens.

use regex::Regex;
use std::sync::LazyLock;

/// Place and source, ending in a dash: "CNN —", "New York CNN —",
/// "PARIS (Reuters) -". Eight words at most, no sentence end (the
/// length is checked apart: a bounded repeat of a Unicode class makes a
/// large automaton).
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{L}[\p{L}\p{N}\s,.()'’/-]*?\s(?:—|–|--|-)$").expect("valid dateline pattern")
});

/// The longest dateline, in characters.
const MAX_DATELINE_CHARS: usize = 60;

/// A full stop ending a sentence, not an abbreviation ("Aug. 20").
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?]\s+\p{Lu}").expect("valid sentence end pattern"));

/// The Markdown with a lone dateline at its head joined to the paragraph
/// after it.
pub fn join_dateline(markdown: &str) -> String {
    let Some((first, rest)) = markdown.split_once("\n\n") else {
        return markdown.to_string();
    };
    let dateline = first.trim();
    let opens_story = rest
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_numeric() || "\"“‘'«„".contains(c));
    if !opens_story
        || dateline.split_whitespace().count() > 8
        || dateline.chars().count() > MAX_DATELINE_CHARS
        || SENTENCE_END.is_match(dateline)
        || !DATELINE.is_match(dateline)
    {
        return markdown.to_string();
    }
    let dateline = crate::vocabulary::text::one_line(dateline);
    format!("{dateline} {}", rest.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_dateline_opens_the_first_paragraph() {
        let story = "Donald Trump took the stand on Monday.\n\nHe spoke for hours.";
        for (dateline, joined) in [
            ("New York CNN\u{a0}—\u{a0}", "New York CNN —"),
            ("CNN —", "CNN —"),
            ("PARIS (Reuters) -", "PARIS (Reuters) -"),
            ("SEOUL, Aug. 20 (Yonhap) --", "SEOUL, Aug. 20 (Yonhap) --"),
        ] {
            assert_eq!(
                join_dateline(&format!("{dateline}\n\n{story}")),
                format!("{joined} {story}")
            );
        }
    }

    #[test]
    fn other_first_blocks_stay_apart() {
        for md in [
            // A sentence, a heading, a list: not a dateline.
            "The council met. Then it voted -\n\nTrump took the stand.",
            "## Harbour -\n\nTrump took the stand.",
            "- one -\n\nTrump took the stand.",
            // A dateline before a list is no paragraph's opening.
            "CNN —\n\n- Trump took the stand.",
            "Only one block —",
        ] {
            assert_eq!(join_dateline(md), md);
        }
    }
}
