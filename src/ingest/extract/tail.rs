//! The run after the story at the end of a Markdown body: the section's
//! other headlines, comment prompts, error reports, newsletter boxes, the
//! publisher's small print, a box's title with nothing under it, and a
//! closing rule (an opening one goes too).
//!
//! Owns where the story ends: after its last long paragraph (or, in a
//! story told in short paragraphs, its last sentence of some length).
//! Which lines open the run is `boilerplate`'s to say.

use super::boilerplate::{is_related_heading, is_small_print, is_tail_opener};
use super::to_markdown::plain_text;
use regex::Regex;
use std::sync::LazyLock;

/// Blocks at least this long (in characters) are story paragraphs: the
/// teaser run starts after the last of them.
const STORY_PARAGRAPH_CHARS: usize = 200;

/// Cuts what follows the story at the end of a Markdown body. After the
/// last long paragraph (small print is none), a block that opens the
/// page's tail ("More News from …", "Join the conversation", "Report
/// Error", a copyright line or paragraph) goes with everything after
/// it; then trailing blocks that are a bare link (a headline pointing at
/// another story) or a short line ending in an ellipsis (a cut-off
/// teaser) go. A single bare link is kept. A rule opening or closing
/// what is left goes.
pub fn trim_tail(markdown: &str) -> String {
    let blocks = blocks_of(markdown);
    let blocks = before_end_mark(&blocks);
    // A long list of links is no story paragraph.
    let small_print = |b: &str| is_small_print(&plain_text(b));
    let story_paragraph = |b: &str, chars: usize| {
        b.chars().count() >= chars && teaser_links(b) == 0 && !small_print(b)
    };
    // A story told in short paragraphs (a sentence or two each, as wire
    // copy and broadcasters write it) ends at its last sentence of some
    // length.
    let Some(last_long) = blocks
        .iter()
        .rposition(|b| story_paragraph(b, STORY_PARAGRAPH_CHARS))
        .or_else(|| {
            blocks
                .iter()
                .rposition(|b| story_paragraph(b, SHORT_PARAGRAPH_CHARS) && is_sentence(b))
        })
    else {
        return markdown.to_string();
    };
    let opener = blocks[last_long + 1..].iter().position(|b| {
        let text = plain_text(b);
        is_related_heading(&text) || is_tail_opener(&text)
    });
    let blocks = match opener {
        Some(at) => &blocks[..last_long + 1 + at],
        None => blocks,
    };
    // Never at or before `last_long`: a heading there has that long
    // paragraph after it, so it titles no box.
    let blocks = &blocks[..without_box_title(blocks)];
    let mut keep = blocks.len();
    let mut links = 0;
    while keep > last_long + 1 && teaser_links(blocks[keep - 1]) > 0 {
        links += teaser_links(blocks[keep - 1]);
        keep -= 1;
    }
    // One link alone after the story is as often the story's own pointer
    // ("Continue reading", a source) as a teaser; a run of them is a list.
    if links == 1 && !ends_in_ellipsis(blocks[keep]) {
        keep = blocks.len();
    }
    // Nothing left under a heading at the end ("Trending in U.S." over
    // the links just cut), no label with nothing under it, and no rule
    // closing the body, nor opening it.
    while keep > last_long + 1 && {
        let last = blocks[keep - 1].trim();
        (links > 0 && last.starts_with('#'))
            || is_rule(last)
            || is_dangling_label(last)
            || is_signature(last) && keep >= 2 && is_sentence(blocks[keep - 2])
    } {
        keep -= 1;
    }
    let start = blocks[..keep].iter().take_while(|b| is_rule(b)).count();
    blocks[start..keep].join("\n\n")
}

/// `blocks` up to a press release's end mark ("###", "-30-"), if one
/// stands alone after at least half the text and a few blocks at most
/// follow it, one of them the sender's own (media contacts, "About the
/// Harbour Board"). A mark before the half, or with the story going on
/// after it, is a break in the story.
fn before_end_mark<'a, 'b>(blocks: &'b [&'a str]) -> &'b [&'a str] {
    const END_MARKS: &[&str] = &["###", "-30-", "–30–", "—30—"];
    const MOST_AFTER: usize = 4;
    const SENDERS: &[&str] = &[
        "about ",
        "media contact",
        "press contact",
        "contact:",
        "contacts:",
        "media inquiries",
        "for more information",
    ];
    let senders = |after: &[&str]| {
        after.len() <= MOST_AFTER
            && after.iter().any(|b| {
                let text = plain_text(b).to_lowercase();
                SENDERS.iter().any(|s| text.trim_start().starts_with(s))
            })
    };
    // Tried on every block: the longest mark, spaced, is a few bytes.
    const MARK_BYTES: usize = 16;
    let is_mark = |b: &str| {
        if b.len() > MARK_BYTES {
            return false;
        }
        let marks: String = b
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\\')
            .collect();
        END_MARKS.contains(&marks.as_str())
    };
    let total: usize = blocks.iter().map(|b| b.len()).sum();
    let mut before = 0;
    for (at, block) in blocks.iter().enumerate() {
        if at > 0 && before * 2 >= total && is_mark(block) && senders(&blocks[at + 1..]) {
            return &blocks[..at];
        }
        before += block.len();
    }
    blocks
}

/// The blocks of a Markdown body, split at blank lines, with a loose
/// list item's indented paragraphs (a teaser's headline and time under
/// its link) kept with the item.
fn blocks_of(markdown: &str) -> Vec<&str> {
    let mut blocks: Vec<&str> = Vec::new();
    let mut item_start: Option<usize> = None;
    let mut at = 0;
    for part in markdown.split("\n\n") {
        let end = at + part.len();
        match item_start {
            Some(start) if part.starts_with("  ") && !part.trim().is_empty() => {
                if let Some(last) = blocks.last_mut() {
                    *last = &markdown[start..end];
                }
            }
            _ => {
                blocks.push(part);
                item_start = is_list_item(part).then_some(at);
            }
        }
        at = end + 2;
    }
    blocks
}

/// Whether a Markdown block opens a list item ("- ", "* ", "1. ").
fn is_list_item(block: &str) -> bool {
    block.starts_with("- ") || block.starts_with("* ") || is_numbered_item(block)
}

/// Whether a Markdown block opens a numbered list item ("1. ", "2) ").
fn is_numbered_item(block: &str) -> bool {
    block.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
    })
}

/// Paragraphs of a story told in short ones are at least this long.
const SHORT_PARAGRAPH_CHARS: usize = 100;

/// Whether a Markdown block is a paragraph of prose: no heading, list,
/// quote or table, and it ends a sentence.
fn is_sentence(block: &str) -> bool {
    let block = block.trim();
    !block.starts_with(['#', '-', '*', '+', '>', '|'])
        && !is_numbered_item(block)
        && block.ends_with(['.', '!', '?', '"', '”', '’', ')'])
}

/// A short label ending in a colon ("More on this story:", "***Mehr zu
/// Konny Reimann:***"): at the end of the body, what it introduced has
/// been cut.
fn is_dangling_label(block: &str) -> bool {
    let text = plain_text(block);
    let text = text.trim();
    text.ends_with([':', '：'])
        && text.chars().count() <= DANGLING_LABEL_CHARS
        && !block.trim_start().starts_with(['-', '>', '|'])
}

/// An editor's or an agency's initials set alone after the story
/// ("(hsch)", "(APA/red)", "DM/MC", "ahc/rcr", "(TASR, SME)"): groups of
/// two to five letters, each all in small letters or all in capitals, in
/// brackets or joined by slashes, or capitals listed in brackets (a word
/// alone is a word: "amen", "no"). Not a
/// quotation's or a list's last line; [`trim_tail`] takes it only after
/// a sentence.
fn is_signature(block: &str) -> bool {
    static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
        let group = r"(?:\p{Ll}{2,5}|\p{Lu}{2,5})";
        // Agencies in capitals, in brackets, may be listed ("(TASR, SME)").
        let capitals = r"\p{Lu}{2,5}(?:,\s*\p{Lu}{2,5}){1,2}";
        Regex::new(&format!(
            r"^(?:\({group}(?:\s*/\s*{group}){{0,2}}\)|\({capitals}\)|{group}(?:\s*/\s*{group}){{1,2}})$"
        ))
        .expect("valid signature pattern")
    });
    let block = block.trim_start();
    !block.starts_with(['>', '|'])
        && !is_list_item(block)
        && SIGNATURE.is_match(plain_text(block).trim())
}

/// The longest label [`is_dangling_label`] takes.
const DANGLING_LABEL_CHARS: usize = 80;

/// A horizontal rule in Markdown ("* * *", "---"), or a paragraph
/// typed as one ("___").
pub(super) fn is_rule(block: &str) -> bool {
    let marks: String = block.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ["*", "-", "_"]
            .iter()
            .any(|m| marks.chars().all(|c| c.to_string() == *m))
}

/// A heading among the last few blocks with less than this much text
/// (in characters) after it titles a box, not a part of the story.
const BOX_TITLE_TEXT_CHARS: usize = 80;

/// How many of `blocks` to keep so that the body does not end in a box
/// title: a heading among the last three blocks followed by less than
/// [`BOX_TITLE_TEXT_CHARS`] of text ("Fotos …" and an ad label, "Buy the
/// game" and a shop link, the publisher's name and address). A part of a
/// story has more to say under its heading, or says it in a sentence
/// ("What happens next" over "Work starts in March.").
fn without_box_title(blocks: &[&str]) -> usize {
    let n = blocks.len();
    if n <= 3 {
        return n;
    }
    let text_after = |i: usize| -> usize {
        blocks[i + 1..]
            .iter()
            .map(|b| plain_text(b).chars().count())
            .sum()
    };
    let says_something = |i: usize| blocks[i + 1..].iter().any(|b| holds_a_sentence(b));
    // A heading written as a sentence ("Relotius legt ein Fake-Profil
    // an. Es stützt seine Version.") is a pull quote or a part's summary:
    // a box's title ends in no full stop.
    let written_as_sentence = |b: &str| {
        let text = plain_text(b);
        text.trim_end().ends_with('.') && text.split_whitespace().count() >= SENTENCE_WORDS
    };
    (n - 3..n)
        .find(|&i| {
            blocks[i].starts_with('#')
                && !written_as_sentence(blocks[i])
                && text_after(i) < BOX_TITLE_TEXT_CHARS
                && !says_something(i)
        })
        .unwrap_or(n)
}

/// Whether a Markdown block, or an item of its list, is a sentence of a
/// few words ("Work starts in March."): what a part of the story says
/// under its heading, where a box has a label, an address or a link.
fn holds_a_sentence(block: &str) -> bool {
    plain_text(block).lines().any(|line| {
        let line = line.trim();
        line.ends_with(['.', '!', '?']) && line.split_whitespace().count() >= SENTENCE_WORDS
    })
}

/// The fewest words [`holds_a_sentence`] takes for a sentence.
const SENTENCE_WORDS: usize = 3;

/// How many teasers a Markdown block is: one for a block that is one link
/// and nothing else, or a short line ending in "..." or "…"; one per item
/// for a list of such links; none for anything else.
fn teaser_links(block: &str) -> usize {
    // A link may carry a rank before it ("1. 1[…](…)") and a short
    // emphasised date after it ("[…](…)*11月28日*").
    static LINK_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(- |\d+\. )?(\d{1,2} ?)?(\*\*|\*|#+ )?\[[^\]]+\]\([^)\s]+(\s+\x22[^\x22]*\x22)?\)(\*\*|\*)?(\s*[*_]{1,2}[^*_\[\]]{1,30}[*_]{1,2})?$",
        )
        .expect("valid link pattern")
    });
    let block = block.trim();
    if LINK_ONLY.is_match(block)
        || (block.chars().count() < STORY_PARAGRAPH_CHARS && ends_in_ellipsis(block))
    {
        return 1;
    }
    // A loose list's item: its link to a story (an address with a number
    // in it: an id or a date), then short lines that say nothing in a
    // sentence (a headline, a time).
    static STORY_LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\]\([^)\s]*\d{3}").expect("valid story link pattern"));
    let mut paragraphs = block.split("\n\n").map(str::trim);
    if paragraphs.next().is_some_and(|first| {
        is_list_item(first)
            && LINK_ONLY.is_match(&first.replacen("* ", "- ", 1))
            && STORY_LINK.is_match(first)
    }) && block.contains("\n\n")
        && paragraphs.all(|p| {
            p.chars().count() <= LOOSE_ITEM_LINE_CHARS && !p.contains('\n') && !holds_a_sentence(p)
        })
    {
        return 1;
    }
    // A list of headlines, not of sources given by their addresses.
    let items: Vec<&str> = block.lines().map(str::trim).collect();
    let list = items.len() > 1
        && items.iter().all(|i| {
            is_list_item(i)
                && LINK_ONLY.is_match(&i.replacen("* ", "- ", 1))
                && !i.contains("[http")
                && !i.contains("[www.")
        });
    if list { items.len() } else { 0 }
}

/// The longest line under a loose list item's link that
/// [`teaser_links`] takes for a teaser's headline or time.
const LOOSE_ITEM_LINE_CHARS: usize = 100;

fn ends_in_ellipsis(block: &str) -> bool {
    let block = block.trim_end();
    block.ends_with("...") || block.ends_with('…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers_after_the_story_are_cut() {
        let long = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive, whatever the cost of the timber and the steel turns out to be.";
        let md = format!(
            "{long}\n\nShort closing line.\n\n{long}\n\n[Ferry fares rise again](https://courier.example/fares)\n\n- [Storm closes pier](https://courier.example/storm)\n\nGulls return to the old harbour as the fish..."
        );
        assert_eq!(
            trim_tail(&md),
            format!("{long}\n\nShort closing line.\n\n{long}")
        );
        // A short last line that is text, not a link, stays; so do links
        // before the last long paragraph.
        let md = format!(
            "[Map](https://courier.example/map)\n\n{long}\n\nAda Byrne is our harbour reporter."
        );
        assert_eq!(trim_tail(&md), md);
        let md = format!("{long}\n\n[Continue reading](https://courier.example/next)");
        assert_eq!(trim_tail(&md), md);
        // A list of links, however long, goes with the heading over it,
        // and a rule closing the body goes.
        let md = format!(
            "{long}\n\n### Trending now\n\n- [Storm closes pier](https://courier.example/storm)\n- [Gulls return](https://courier.example/gulls)\n- [Council backs the night ferry after a long debate on the harbour budget](https://courier.example/ferry)\n- [Lighthouse keeper retires](https://courier.example/keeper)"
        );
        assert_eq!(trim_tail(&md), long);
        assert_eq!(trim_tail(&format!("{long}\n\n* * *")), long);
        // A list of sources by their addresses, of one link, or of text,
        // stays.
        let md = format!(
            "{long}\n\n## Sources\n\n- [https://a.example/x](https://a.example/x)\n- [https://b.example/y](https://b.example/y)"
        );
        assert_eq!(trim_tail(&md), md);
        let md = format!("{long}\n\n- [The council's report](https://courier.example/report.pdf)");
        assert_eq!(trim_tail(&md), md);
        let md = format!("{long}\n\n- Ferries: twice daily\n- Buses: hourly");
        assert_eq!(trim_tail(&md), md);
    }

    /// A press release ends at its end mark ("###", "-30-"): the media
    /// contacts and the "About …" paragraph after it go, however long.
    /// A mark early in the text (a scene break) cuts nothing.
    #[test]
    fn a_release_ends_at_its_end_mark() {
        let long = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive, whatever the cost of the timber and the steel turns out to be.";
        let about = "**About the Harbour Board:** The Harbour Board maintains the city's piers, slipways and ferry landings, serving more than 62,000 residents and 400 fishing boats. Learn more at [harbour.example](https://harbour.example/).";
        for mark in ["\\#\\#\\#", "-30-", "\\- 30 -", "\\# # #"] {
            let md = format!(
                "{long}\n\n{long}\n\n{mark}\n\n**Media Contact:**  \nDana Poe, Communications Manager\n\n{about}"
            );
            assert_eq!(trim_tail(&md), format!("{long}\n\n{long}"), "{mark}");
        }
        let md = format!("{long}\n\n\\#\\#\\#\n\n{long}\n\n{long}");
        assert_eq!(trim_tail(&md), md);
        // A scene break after the half, the story going on after it, and
        // an end mark over an editor's note.
        let md = format!(
            "{long}\n\n{long}\n\n{long}\n\n\\#\\#\\#\n\n{long}\n\nShe never went back to the pier."
        );
        assert_eq!(trim_tail(&md), md);
        let md = format!(
            "{long}\n\n{long}\n\n—30—\n\n*A reception for Jo Roe will be held at the Harbour Club on Friday at 5 p.m.*"
        );
        assert_eq!(trim_tail(&md), md);
    }

    #[test]
    fn loose_and_dated_lists_of_links_after_the_story_are_cut() {
        let long = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive, whatever the cost of the timber and the steel turns out to be.";
        let story = format!(
            "{long}

{long}"
        );
        for tail in [
            // A loose list: each item's link, then its headline and time
            // as paragraphs of the item.
            "## [Sport](https://courier.example/sport/)\n\n- [Football](https://courier.example/a/2302108-football.html)\n\n  Harbour FC without two starters\n\n- [Sailing](https://courier.example/2019/09/18/regatta)\n\n  Portby crew wins the regatta\n\n  18 Sep 11:00",
            // Links with their dates, and links ranked by number.
            "## Latest\n\n- [Ferry fares rise](https://courier.example/a/3)*11月28日*\n- [Gulls return](https://courier.example/a/4)*11月27日*",
            "1. 1[Ferry fares rise](https://courier.example/a/3)\n2. 2[Gulls return](https://courier.example/a/4)",
        ] {
            assert_eq!(trim_tail(&format!("{story}\n\n{tail}")), story, "{tail}");
        }
        // A story's own guide (links to places, not stories) stays.
        let md = format!(
            "{story}\n\nWhere to eat on the pier:\n\n- [Luigi's](https://luigis.example/)\n\n  12 Pier Road, open daily\n\n- [The Crab Shack](https://crab.example/)\n\n  Pier Road, from noon"
        );
        assert_eq!(trim_tail(&md), md);
        // A loose list whose items say something in sentences stays.
        let md = format!(
            "{story}\n\n- [The report](https://courier.example/report)\n\n  It found the piles sound and the deck rotten.\n\n- [The minutes](https://courier.example/minutes)\n\n  They record the vote."
        );
        assert_eq!(trim_tail(&md), md);
    }

    #[test]
    fn a_box_title_at_the_end_is_cut() {
        let long = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive, whatever the cost of the timber and the steel turns out to be.";
        let story = format!("{long}\n\n{long}\n\n{long}");
        for tail in [
            "## Photos of the pier\n\nAdvertisement",
            "### Harbour Courier Ltd\n\n12 Quay Street, 4010 Portby",
            // The teaser links before a box title go with it.
            "[Ferry fares rise again](https://courier.example/fares)\n\n[Storm closes pier](https://courier.example/storm)\n\n## Buy the map",
        ] {
            assert_eq!(trim_tail(&format!("{story}\n\n{tail}")), story, "{tail}");
        }
        // A publisher's small print, however long, is no story paragraph.
        let small_print = "© 2026, HarbourCourier.example. This article is the copyrighted property of the Harbour Courier. Written permission must be obtained before reprint in online or print media. Reprinting content without permission is theft.";
        let md = format!(
            "{story}\n\n{small_print}\n\n[Ferry fares rise again](https://courier.example/fares)"
        );
        assert_eq!(trim_tail(&md), story);
        // A story told in short paragraphs ends at its last sentence.
        let short = "Construction is expected to begin early next year, with services due to start in 2026, the minister said.";
        let story = format!("{short}\n\n{short}\n\nIt is a big day.");
        let md = format!(
            "{story}\n\n## Top Stories\n\n- [Reserve Bank minutes show board considered pause](https://courier.example/rba)"
        );
        assert_eq!(trim_tail(&md), story);
        assert_eq!(trim_tail(&story), story);
        let listed =
            format!("{short}\n\n1. {short}\n\n## More from the council\n\nFerry fares rise.");
        assert_eq!(trim_tail(&listed), format!("{short}\n\n1. {short}"));
        // A last part of the story says more under its heading.
        let md = format!(
            "{story}\n\n## Police ask for witnesses\n\nAnyone who saw the gates being chained on Sunday night is asked to call the station on 0631 555 010."
        );
        assert_eq!(trim_tail(&md), md);
        // So does a short last part told in sentences, as a paragraph or
        // as a list.
        for part in [
            "## What happens next\n\nWork starts in March.",
            "### Key facts\n\n- The pier was built in 1901.\n- It is 300 metres long.",
            // A heading that is itself a sentence.
            "#### The pier is the heart of this town, the mayor said.",
        ] {
            let md = format!("{story}\n\n{part}");
            assert_eq!(trim_tail(&md), md, "{part}");
        }
    }

    #[test]
    fn a_label_with_nothing_under_it_is_cut() {
        let long = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive, whatever the cost of the timber and the steel turns out to be.";
        let story = format!("{long}\n\n{long}");
        for label in ["***More on the harbour and its ferries:***", "Read more:"] {
            assert_eq!(trim_tail(&format!("{story}\n\n{label}")), story, "{label}");
        }
        // A label with what it introduces stays, and so does a list item.
        let md = format!("{story}\n\nThe board's members:\n\nJo Roe, Li Wei and Ada Byrne.");
        assert_eq!(trim_tail(&md), md);
        let md = format!("{story}\n\n- Ferries:");
        assert_eq!(trim_tail(&md), md);
    }

    #[test]
    fn editors_initials_closing_the_body_are_cut() {
        let long = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive, whatever the cost of the timber and the steel turns out to be.";
        let story = format!("{long}\n\n{long}");
        for initials in [
            "(hsch)",
            "*(APA/red)*",
            "**DM/MC**",
            "ahc/rcr",
            "(dpa/lnw)",
            "(AP)",
            "(TASR, SME)",
            "(ČTK, ROL)",
        ] {
            assert_eq!(
                trim_tail(&format!("{story}\n\n{initials}")),
                story,
                "{initials}"
            );
        }
        // A word alone is a word (a reply, a poem's last line), whatever
        // its case; other short closing lines, a quotation's or a list's
        // last line, stay.
        for last in [
            "NASA",
            "amen",
            "*olé*",
            "Ends.",
            "(Video)",
            "Jo Roe",
            "(1/2)",
            "(yes, no)",
            "(tasr, no)",
            "TASR, SME",
            "(hsch) Jo Roe",
            "> (lol)",
            "- (AP)",
        ] {
            let md = format!("{story}\n\n{last}");
            assert_eq!(trim_tail(&md), md, "{last}");
        }
        // Initials' shape after a line that ends no sentence is a list's
        // or a verse's last line ("AC/DC" after the other bands).
        let md = format!("{story}\n\nThe line-up, in order:\n\nThe Darkness\n\nAC/DC");
        assert_eq!(trim_tail(&md), md);
    }

    #[test]
    fn rules_opening_or_closing_the_body_are_cut() {
        let long = "The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate, that the old pier would be repaired before the winter storms arrive, whatever the cost of the timber and the steel turns out to be.";
        let story = format!("{long}\n\n* * *\n\n{long}");
        assert_eq!(trim_tail(&format!("* * *\n\n{story}\n\n---")), story);
        assert_eq!(trim_tail(&story), story);
    }
}
