//! Markdown bodies to gemtext (text/gemini).
//!
//! Gemtext has one kind of each thing: a paragraph is one line (the
//! client wraps it), headings have three levels, list items are `* `
//! lines with no nesting, quotes are `> ` lines, preformatted text sits
//! between ```` ``` ```` lines, and a link is a line of its own
//! (`=> URL label`). So a paragraph keeps its links' text, and their link
//! lines follow it; images become link lines; tables become
//! preformatted text. A text line that would read as markup starts with a
//! space. UTF-8 throughout: Gemini's own charset.

use super::super::markdown::TextTable;
use super::plain::keep_url;
use crate::config::ImageMode;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Renders `markdown` as gemtext. Body headings start at `##`: the
/// article's title is the page's `#`.
pub fn render(markdown: &str, images: ImageMode) -> String {
    let mut w = Writer {
        images,
        ..Writer::default()
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    w.flush();
    let mut out = w.blocks.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[derive(Default)]
struct Writer {
    images: ImageMode,
    /// Finished blocks, separated by blank lines when written.
    blocks: Vec<String>,
    buf: String,
    /// Link lines that follow the block being written.
    pending: Vec<String>,
    link_stack: Vec<Option<String>>,
    /// The text of the open link, to label its line.
    link_text: Vec<String>,
    image: Option<(String, String)>,
    code: Option<String>,
    table: Option<TextTable>,
    heading: Option<HeadingLevel>,
    quote: usize,
    lists: Vec<Option<u64>>,
    /// Lines of the list being written.
    items: Vec<String>,
}

impl Writer {
    fn event(&mut self, event: Event) {
        if let Some((_, alt)) = &mut self.image {
            match event {
                Event::End(TagEnd::Image) => self.end_image(),
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                _ => {}
            }
            return;
        }
        if let Some(code) = &mut self.code {
            match event {
                Event::End(TagEnd::CodeBlock) => {
                    let code = self.code.take().unwrap_or_default();
                    self.blocks.push(format!(
                        "```\n{}\n```",
                        code.trim_end_matches('\n').replace("\n```", "\n ```")
                    ));
                }
                Event::Text(t) => code.push_str(&t),
                _ => {}
            }
            return;
        }
        if let Some(table) = &mut self.table {
            if table.take(&event, str::to_string) {
                let table = self.table.take().expect("inside a table");
                self.blocks
                    .push(format!("```\n{}```", table.to_text().replace("```", "'''")));
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push_text(&t)
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let text = super::plain::strip_tags(&h);
                self.push_text(&text);
            }
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.buf.push('\n'),
            Event::Rule => {
                self.flush();
                self.blocks.push("-----".into());
            }
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => self.push_text(&format!("[{name}]")),
        }
    }

    fn push_text(&mut self, t: &str) {
        self.buf.push_str(t);
        for l in &mut self.link_text {
            l.push_str(t);
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.flush_inline(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::List(start) => {
                self.flush_inline();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush_inline();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => String::new(),
                };
                self.buf.push_str(&marker);
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TextTable::default());
            }
            Tag::Link { dest_url, .. } => {
                self.link_stack.push(keep_url(&dest_url));
                self.link_text.push(String::new());
            }
            Tag::Image { dest_url, .. } => self.image = Some((dest_url.to_string(), String::new())),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush_inline(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::Item => self.flush_inline(),
            TagEnd::List(_) => {
                self.flush_inline();
                self.lists.pop();
                if self.lists.is_empty() {
                    self.flush();
                }
            }
            TagEnd::Link => {
                let text = self.link_text.pop().unwrap_or_default();
                if let Some(Some(url)) = self.link_stack.pop() {
                    let label = crate::vocabulary::text::one_line(&text);
                    self.pending.push(if label.is_empty() {
                        format!("=> {url}")
                    } else {
                        format!("=> {url} {label}")
                    });
                }
            }
            _ => {}
        }
    }

    fn end_image(&mut self) {
        let Some((url, alt)) = self.image.take() else {
            return;
        };
        if self.images == ImageMode::None {
            return;
        }
        let alt = crate::vocabulary::text::one_line(&alt);
        let label = if alt.is_empty() {
            "[Image]".to_string()
        } else {
            format!("[Image: {alt}]")
        };
        match keep_url(&url) {
            Some(url) => self.pending.push(format!("=> {url} {label}")),
            None => self.push_text(&label),
        }
    }

    /// Ends the inline text gathered so far: a list item's line, or a
    /// block of its own.
    fn flush_inline(&mut self) {
        let text = std::mem::take(&mut self.buf);
        let heading = self.heading.take();
        let lines: Vec<String> = text
            .split('\n')
            .map(crate::vocabulary::text::one_line)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            if self.lists.is_empty() && self.items.is_empty() && !self.pending.is_empty() {
                let links: Vec<String> = self.pending.drain(..).collect();
                self.blocks.push(links.join("\n"));
            }
            return;
        }
        if !self.lists.is_empty() {
            for l in lines {
                self.items.push(format!("* {l}"));
            }
            return;
        }
        let block: Vec<String> = match heading {
            Some(level) => {
                let marks = match level {
                    HeadingLevel::H1 => "##",
                    _ => "###",
                };
                vec![format!("{marks} {}", lines.join(" "))]
            }
            None if self.quote > 0 => lines.iter().map(|l| format!("> {l}")).collect(),
            None => lines.into_iter().map(guard).collect(),
        };
        let mut block = block.join("\n");
        for link in self.pending.drain(..) {
            block.push('\n');
            block.push_str(&link);
        }
        self.blocks.push(block);
    }

    /// Ends whatever is open: inline text, a list.
    fn flush(&mut self) {
        self.flush_inline();
        if !self.items.is_empty() {
            let mut block = std::mem::take(&mut self.items).join("\n");
            for link in self.pending.drain(..) {
                block.push('\n');
                block.push_str(&link);
            }
            self.blocks.push(block);
        }
        if !self.pending.is_empty() {
            self.blocks
                .push(self.pending.drain(..).collect::<Vec<_>>().join("\n"));
        }
    }
}

/// `text` as one line of gemtext: its whitespace collapsed, and a space
/// before it when it would read as markup ("# 1 in the league").
pub fn text_line(text: &str) -> String {
    guard(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A text line that would read as gemtext markup starts with a space.
fn guard(line: String) -> String {
    if ["=>", "*", "#", ">", "```"]
        .iter()
        .any(|m| line.starts_with(m))
    {
        format!(" {line}")
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_line_is_one_line_that_reads_as_text() {
        assert_eq!(text_line("#MeToo at\nten"), " #MeToo at ten");
        assert_eq!(text_line("=> not a link"), " => not a link");
        assert_eq!(text_line("Plain  words"), "Plain words");
    }

    #[test]
    fn paragraphs_are_lines_and_links_follow_them() {
        let md = "The [council](https://e.org/c) voted\non Thursday.\n\n## Next\n\n- a [b](https://e.org/b)\n- c\n\n> said\n> this\n\n#1 in the league";
        assert_eq!(
            render(md, ImageMode::Link),
            "The council voted on Thursday.\n=> https://e.org/c council\n\n### Next\n\n* a b\n* c\n=> https://e.org/b b\n\n> said this\n\n #1 in the league\n"
        );
    }

    #[test]
    fn code_tables_and_images() {
        let md =
            "```\nx < 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Ferry](https://e.org/f.jpg)";
        assert_eq!(
            render(md, ImageMode::Link),
            "```\nx < 1\n```\n\n```\na | b\n--+--\n1 | 2\n```\n\n=> https://e.org/f.jpg [Image: Ferry]\n"
        );
        assert_eq!(render("![Ferry](https://e.org/f.jpg)", ImageMode::None), "");
    }
}
