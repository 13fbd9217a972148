//! Polls and quizzes set in a page: a question over radio buttons or
//! check boxes and a "Vote" button. A text mirror cannot send a vote, and
//! Readability drops the inputs but keeps their labels, which leaves
//! "Should the pier be repaired? Yes No" in the story.
//!
//! Found by their inputs, not their class names ("poll" also names a
//! story's opinion-poll figures): the smallest box around two or more
//! choice inputs, widened to the largest box around it that still holds
//! no more than a poll's text.

use super::clean::{holds_at_most, is_page_part, is_within};
use dom_query::{Document, NodeId, NodeRef};
use std::collections::{HashMap, HashSet};

/// The most text (in characters) a poll's box holds: its question, a
/// few answers, a button and a line of results.
const POLL_CHARS: usize = 400;

/// Removes from `doc` each box holding two or more radio buttons or check
/// boxes, with its question and button.
pub fn remove_polls(doc: &Document) {
    let choices: Vec<NodeRef> = doc
        .select(r#"input[type="radio" i], input[type="checkbox" i]"#)
        .nodes()
        .to_vec();
    if choices.len() < 2 {
        return;
    }
    // How many choices each box holds: the smallest box around a choice
    // that holds another is the first of its boxes holding two.
    let mut held: HashMap<NodeId, usize> = HashMap::new();
    for choice in &choices {
        for a in choice.ancestors_it(None) {
            *held.entry(a.id).or_default() += 1;
        }
    }
    let mut polls: Vec<NodeRef> = Vec::new();
    let mut seen: HashSet<NodeId> = HashSet::new();
    for choice in &choices {
        let Some(poll) = choice.ancestors_it(None).find(|a| held[&a.id] >= 2) else {
            continue;
        };
        if !seen.insert(poll.id) || is_page_part(&poll) || !holds_at_most(&poll, POLL_CHARS) {
            continue;
        }
        // The largest box around it that is still a poll's size.
        let widest = poll
            .ancestors_it(None)
            .take_while(|a| !is_page_part(a) && holds_at_most(a, POLL_CHARS))
            .last()
            .unwrap_or(poll);
        if !polls.iter().any(|p| is_within(&widest, p)) {
            polls.retain(|p| !is_within(p, &widest));
            polls.push(widest);
        }
    }
    for poll in polls {
        poll.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "<p>The council voted on Tuesday to repair the old pier at Brightsea after a long campaign by residents.</p>";

    fn after(html: &str) -> String {
        let doc =
            Document::from(format!("<html><body><article>{html}</article></body></html>").as_str());
        remove_polls(&doc);
        doc.select("article").text().to_string()
    }

    #[test]
    fn a_poll_leaves_with_its_question_and_button() {
        for poll in [
            r#"<div class="widget"><p>Should the pier be repaired?</p><label><input type="radio" name="q"> Yes</label> <label><input type="radio" name="q"> No</label><button>Vote</button></div>"#,
            r#"<div><h3>Should the pier be repaired?</h3><ul><li><input type="RADIO" name="q" id="a"><label for="a">Yes</label></li><li><input type="radio" name="q" id="b"><label for="b">No</label></li></ul><p><a href="/results">See results</a></p></div>"#,
            r#"<section><p>Which have you visited?</p><p><input type="checkbox"> The pier</p><p><input type="checkbox"> The lighthouse</p></section>"#,
        ] {
            let text = after(&format!("{STORY}{poll}{STORY}"));
            assert!(!text.contains("pier be repaired"), "{poll}");
            assert!(!text.contains("visited"), "{poll}");
            assert!(
                !text.contains("Yes") && !text.contains("lighthouse"),
                "{poll}"
            );
            assert_eq!(text.matches("The council voted").count(), 2, "{poll}");
        }
    }

    #[test]
    fn a_lone_box_and_the_story_around_a_poll_stay() {
        // One check box is a form's consent, not a poll.
        let one = r#"<p><label><input type="checkbox"> Send me the newsletter</label></p>"#;
        assert!(after(&format!("{STORY}{one}")).contains("newsletter"));
        // Two choices with the story's paragraphs in the same box: only
        // the choices' own box goes.
        let inline = format!(
            "<div>{STORY}{STORY}{STORY}{STORY}{STORY}<p><input type=\"radio\" name=\"q\"> Yes <input type=\"radio\" name=\"q\"> No</p></div>"
        );
        let text = after(&inline);
        assert_eq!(text.matches("The council voted").count(), 5, "{text}");
        assert!(!text.contains("Yes"), "{text}");
    }
}
