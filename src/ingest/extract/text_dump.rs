//! Saved text dumps (`.txt`): a page as a browser's "Save as text" or a
//! text-only mirror writes it, one block per line or per blank-line
//! separated paragraph.
//!
//! Owns recovering the title and the paragraphs and dropping the lines
//! that are not article text (back-links, mirror chrome, paywall and
//! log-in notices, photo credits; see `boilerplate`). Also turns plain
//! paragraphs into Markdown that renders them literally, which the HTML
//! path uses for JSON-LD `articleBody`.

use super::Extracted;
use super::boilerplate::is_boilerplate;
use anyhow::{Result, bail};
use std::collections::HashSet;

/// Titles longer than this are taken as a paragraph, not a headline.
const MAX_TITLE_CHARS: usize = 200;

/// Reads a saved text dump: the first line that is not furniture is the
/// title, the rest are paragraphs.
pub fn extract_text_dump(text: &str) -> Result<Extracted> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = crate::vocabulary::text::nfc(text);
    let text = &*text;
    let mut paragraphs = paragraphs(text).into_iter();
    let Some(title) = paragraphs
        .by_ref()
        .find(|p| p.chars().count() <= MAX_TITLE_CHARS)
    else {
        bail!("the text dump holds no title line; is it empty or all notices?");
    };
    let body: Vec<String> = paragraphs.collect();
    Ok(Extracted {
        title,
        excerpt: body.first().cloned(),
        markdown: body
            .iter()
            .map(|p| escape_markdown(p))
            .collect::<Vec<_>>()
            .join("\n\n"),
        ..Extracted::default()
    })
}

/// Plain text with paragraphs separated by blank lines (or one paragraph a
/// line) as Markdown paragraphs, furniture lines left out.
pub fn paragraphs_to_markdown(text: &str) -> String {
    paragraphs(text)
        .iter()
        .map(|p| escape_markdown(p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The article paragraphs of a text: lines joined where they were
/// hard-wrapped, furniture and repeats dropped, whitespace collapsed.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut current = String::new();
    let mut last_line_chars = 0;
    let mut flush = |current: &mut String| {
        let p = crate::vocabulary::text::one_line(current);
        current.clear();
        if !p.is_empty() && !is_boilerplate(&p) && seen.insert(p.clone()) {
            out.push(p);
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current);
            continue;
        }
        // A line that is furniture on its own never joins a paragraph.
        if is_boilerplate(line) {
            flush(&mut current);
            continue;
        }
        if !current.is_empty() && !is_wrapped(&current, last_line_chars) {
            flush(&mut current);
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
        last_line_chars = line.chars().count();
    }
    flush(&mut current);
    out
}

/// Whether the paragraph so far looks hard-wrapped (its last line, of
/// `last_line_chars`, was cut without ending a sentence), so the next line
/// continues it.
fn is_wrapped(current: &str, last_line_chars: usize) -> bool {
    let ends_sentence = current.ends_with(['.', '!', '?', ':', '"', '”', '’', '»', ')', '…']);
    ((40..=100).contains(&last_line_chars) && !ends_sentence) || current.ends_with('-')
}

/// Escapes what Markdown would otherwise read as markup, so a paragraph
/// renders exactly as written.
fn escape_markdown(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    for c in p.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // Line-start markup: headings, quotes, list bullets and numbers.
    let starts_block = out.starts_with(['#', '-', '+', '='])
        || out.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 9 && n.chars().all(|c| c.is_ascii_digit())
        });
    if starts_block {
        if out.starts_with(['#', '-', '+', '=']) {
            out.insert(0, '\\');
        } else if let Some(i) = out.find(['.', ')']) {
            out.insert(i, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mirror's article page as a browser saves it as text.
    const DUMP: &str = "\u{FEFF}< Back to Harbour Mirror UK front page

Ferry Row Ends as Council Backs Night Crossings

Original source (on modern site) | Article images: [1] [2] [3]

You have a preview view of this article while we are checking your access. When we have confirmed access, the full article content will load.

Councillors voted seven to two on Tuesday to fund a night ferry across the harbour, ending three years of argument.

The mayor, Ruth Abara, at the east pier on Monday.Credit...Photo by Sam Lee for The Harbour Courier

The service starts in March and will run every forty minutes until two in the morning. Fares will be £2.50, or *£1* for students.

Read more: What the ferry study found

\"This is about fairness,\" said councillor Maria Quinn, who has campaigned for the crossing
since 2023 and who proposed the motion on Tuesday evening after a long and heated
debate.

1. The first sailing is on 2 March.

Thank you for your patience while we verify access. If you are in Reader mode please exit and log into your Courier account, or subscribe for all of The Courier.

Thank you for your patience while we verify access.

Already a member? Sign in.

Want all of The Harbour Courier? Subscribe.

< Back to Harbour Mirror UK front page
";

    #[test]
    fn mirror_dump_yields_title_and_paragraphs_only() {
        let e = extract_text_dump(DUMP).unwrap();
        assert_eq!(e.title, "Ferry Row Ends as Council Backs Night Crossings");
        let text = e.text();
        let blocks: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(
            blocks,
            [
                "Ferry Row Ends as Council Backs Night Crossings",
                "Councillors voted seven to two on Tuesday to fund a night ferry across the harbour, ending three years of argument.",
                "The service starts in March and will run every forty minutes until two in the morning. Fares will be £2.50, or *£1* for students.",
                "\"This is about fairness,\" said councillor Maria Quinn, who has campaigned for the crossing since 2023 and who proposed the motion on Tuesday evening after a long and heated debate.",
                "1. The first sailing is on 2 March.",
            ]
        );
        assert!(
            e.markdown.contains(r"\*£1\*") && e.markdown.contains(r"1\. The first"),
            "{}",
            e.markdown
        );
        assert!(e.excerpt.unwrap().starts_with("Councillors voted"));
    }

    #[test]
    fn empty_or_all_notice_dumps_are_errors() {
        assert!(extract_text_dump("").is_err());
        assert!(extract_text_dump("Already a subscriber? Log in.\n\nSubscribe.\n").is_err());
    }

    #[test]
    fn markdown_escaping_keeps_text_literal() {
        let cases = [
            ("# not a heading", r"\# not a heading"),
            ("- not a bullet", r"\- not a bullet"),
            ("2026. A year", r"2026\. A year"),
            ("a_b [c] <d>", r"a\_b \[c\] \<d\>"),
            ("Plain words.", "Plain words."),
        ];
        for (text, want) in cases {
            assert_eq!(escape_markdown(text), want);
        }
    }
}
