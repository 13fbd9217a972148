//! Sanitized article HTML to Markdown, and Markdown back to plain text.
//!
//! Owns the htmd settings (ATX headings, `-` bullets, inline links, no
//! images, no `<head>`/script text) and the plain-text view used by
//! [`super::Extracted::text`]. Deciding what belongs to the article is
//! `clean`'s job; what markup is safe is `sanitize`'s.

use htmd::HtmlToMarkdown;
use htmd::options::{BulletListMarker, Options};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;
use std::sync::LazyLock;

/// Tags whose text must never reach the Markdown. htmd writes the text of
/// unknown and head elements by default.
const SKIP: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "img", "picture", "source",
    "video", "audio", "iframe", "object", "embed", "svg", "button", "form", "input", "select",
    "textarea",
];

/// Converts sanitized HTML to Markdown.
pub fn to_markdown(html: &str) -> String {
    thread_local! {
        // htmd's handlers are boxed trait objects that are not `Sync`, so
        // each rayon worker builds its own converter once.
        static CONVERTER: HtmlToMarkdown = HtmlToMarkdown::builder()
            .options(Options {
                bullet_list_marker: BulletListMarker::Dash,
                ul_bullet_spacing: 1,
                ol_number_spacing: 1,
                ..Options::default()
            })
            .skip_tags(SKIP.to_vec())
            .build();
    }
    let md = CONVERTER.with(|c| c.convert(html).unwrap_or_default());
    escape_bare_hashes(&drop_empty_links(&drop_link_titles(&drop_stray_marks(&md))))
}

/// A line of hashes alone ("###", "# # #": a press release's end mark)
/// escaped, as htmd leaves it: Markdown reads it as an empty heading.
/// Lines inside a fenced code block are code.
fn escape_bare_hashes(md: &str) -> String {
    let bare = |line: &str| {
        let line = line.trim();
        !line.is_empty() && line.chars().all(|c| c == '#' || c == ' ')
    };
    if !md.lines().any(bare) {
        return md.to_string();
    }
    let mut fenced = false;
    md.lines()
        .map(|line| {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
            }
            if !fenced && bare(line) {
                line.replace('#', "\\#")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Byte order marks inside the text (a template's stray U+FEFF between
/// two elements) go, and so do the paragraphs they leave empty: a mark
/// that shows nothing is no paragraph.
fn drop_stray_marks(md: &str) -> String {
    if !md.contains('\u{feff}') {
        return md.trim().to_string();
    }
    md.replace('\u{feff}', "")
        .split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
        .trim()
        .to_string()
}

/// `[](url)` goes: a link whose only content was an image has nothing
/// left to click in a text page. Blocks left empty go with it.
fn drop_empty_links(md: &str) -> String {
    const LINK: &str = r"\[\s*\]\((<[^>\n]*>|[^()\s]*)(\s+\x22[^\x22\n]*\x22)?\)";
    static EMPTY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(LINK).expect("valid empty link pattern"));
    // A heading that held nothing but the link goes with it.
    static EMPTY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?m)^#{{1,6}}[ \t]+{LINK}[ \t]*$"))
            .expect("valid empty heading pattern")
    });
    if !md.contains("[]") && !md.contains("[ ]") {
        return md.to_string();
    }
    static BLANK_RUN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\n[ \t]*\n(?:[ \t]*\n)+").expect("valid blank-line pattern"));
    let md = EMPTY_HEADING.replace_all(md, "");
    let md = EMPTY.replace_all(&md, "");
    BLANK_RUN.replace_all(&md, "\n\n").trim().to_string()
}

/// `[text](url "title")` to `[text](url)`: a title is a tooltip
/// ("Navigate to Entertainment") no text browser shows.
fn drop_link_titles(md: &str) -> String {
    static TITLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\]\((<[^>\n]*>|[^()\s]+)\s+"[^"\n]*"\)"#).expect("valid link title pattern")
    });
    if !md.contains("\"") {
        return md.to_string();
    }
    TITLED.replace_all(md, "]($1)").into_owned()
}

/// The text of a Markdown document: one block per paragraph, heading, list
/// item or table row, blocks separated by a blank line, no markup.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut block = String::new();
    let flush = |block: &mut String, out: &mut String| {
        let text = crate::vocabulary::text::one_line(block);
        if !text.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&text);
        }
        block.clear();
    };
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => block.push_str(&t),
            Event::SoftBreak | Event::HardBreak => block.push(' '),
            Event::Start(Tag::TableCell) => block.push(' '),
            Event::Start(Tag::Item)
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => flush(&mut block, &mut out),
            _ => {}
        }
    }
    flush(&mut block, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_titles_are_dropped() {
        let cases = [
            (
                r#"See [News](https://e.org/news "Navigate to News") now."#,
                "See [News](https://e.org/news) now.",
            ),
            (
                r#"A "quoted" word and [a](https://e.org/a)."#,
                r#"A "quoted" word and [a](https://e.org/a)."#,
            ),
        ];
        for (md, want) in cases {
            assert_eq!(drop_link_titles(md), want);
        }
    }

    /// A paragraph of hashes alone ("###", a press release's end mark) is
    /// text, not an empty Markdown heading; in code it stays as it is.
    #[test]
    fn a_paragraph_of_hashes_is_no_heading() {
        assert_eq!(
            to_markdown("<p>One.</p><p>###</p><p># # #</p><p>#</p>"),
            "One.\n\n\\#\\#\\#\n\n\\# # #\n\n\\#"
        );
        let code = to_markdown("<pre><code>###\n# #</code></pre>");
        assert!(code.contains("\n###\n# #\n"), "{code}");
    }

    #[test]
    fn stray_byte_order_marks_leave_no_paragraph() {
        assert_eq!(
            to_markdown("<p>One.</p>\u{feff}<div> </div><p>Two\u{feff}.</p>"),
            "One.\n\nTwo."
        );
    }

    #[test]
    fn empty_links_are_dropped() {
        let cases = [
            (
                "Before.\n\n[](https://e.org/photo/1)\n\nAfter [a](https://e.org/a) [](https://e.org/b).",
                "Before.\n\nAfter [a](https://e.org/a) .",
            ),
            ("## [](https://e.org/logo)\n\nText.", "Text."),
            ("```\n#\n```\n\n[](https://e.org/b)", "```\n#\n```"),
            ("## [](https://e.org/logo) Harbour", "##  Harbour"),
            ("No links here.", "No links here."),
            ("A [ ] box", "A [ ] box"),
        ];
        for (md, want) in cases {
            assert_eq!(drop_empty_links(md), want);
        }
    }
}
