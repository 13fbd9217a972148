//! Markdown bodies to plain text wrapped at a width: the text version of
//! an article (72 columns) and its Gopher item (70).
//!
//! Walks pulldown-cmark's events, as the HTML writer does, and writes
//! paragraphs wrapped word by word, headings underlined, lists with
//! hanging indents, quotes behind `> `, code and tables unwrapped. A link
//! keeps its text and gets a number, `[1]`; its URL joins the list the
//! caller prints at the end. Text is folded to the charset before it is
//! wrapped, so a line measured here is the line written. Knows nothing
//! of pages or templates.

use super::super::markdown::TextTable;
use crate::config::ImageMode;
use crate::vocabulary::Charset;
use crate::vocabulary::charset::fold_text;
use crate::vocabulary::html::{is_safe_url, url_to_ascii};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A body as plain text, and the URLs its `[n]` marks point to, in order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plain {
    pub text: String,
    pub links: Vec<String>,
}

/// Renders `markdown` as text wrapped at `width` columns (counted in
/// characters), folded for `charset`.
pub fn render(markdown: &str, width: usize, charset: Charset, images: ImageMode) -> Plain {
    let mut w = Writer {
        width,
        charset,
        images,
        ..Writer::default()
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    w.flush();
    while w.lines.last().is_some_and(|l| l.trim().is_empty()) {
        w.lines.pop();
    }
    let mut text = w.lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    Plain {
        text,
        links: w.links,
    }
}

/// One level of indentation: what the first line of the block writes,
/// and what the lines after it write.
struct Indent {
    first: String,
    rest: String,
    /// Whether the first line was written.
    used: bool,
}

#[derive(Default)]
struct Writer {
    width: usize,
    charset: Charset,
    images: ImageMode,
    lines: Vec<String>,
    links: Vec<String>,
    /// Inline text of the block being written.
    buf: String,
    indents: Vec<Indent>,
    /// Ordered lists' next numbers (None: a bullet list), innermost
    /// last, with whether an item of the list was started.
    lists: Vec<(Option<u64>, bool)>,
    /// The URL of each open link (None: not a link we keep).
    link_stack: Vec<Option<String>>,
    /// Inside `![alt](url)`: the URL and the alt text so far.
    image: Option<(String, String)>,
    code: Option<String>,
    table: Option<TextTable>,
    /// The heading being written, by level.
    heading: Option<usize>,
    /// No blank line before the next block (the first in a list item).
    tight: bool,
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
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                Event::Text(t) => code.push_str(&t),
                _ => {}
            }
            return;
        }
        if let Some(table) = &mut self.table {
            if table.take(&event, |t| fold_text(t, self.charset)) {
                let table = self.table.take().expect("inside a table");
                let lines: Vec<String> =
                    table.to_text().lines().map(|l| format!("  {l}")).collect();
                self.emit_block(lines);
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.buf.push_str(&fold_text(&t, self.charset));
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let text = strip_tags(&h);
                self.buf.push_str(&fold_text(&text, self.charset));
            }
            Event::SoftBreak => self.buf.push(' '),
            Event::HardBreak => self.buf.push('\n'),
            Event::Rule => {
                self.flush();
                let rule = "-".repeat(self.width.min(20));
                self.emit_block(vec![rule]);
            }
            Event::TaskListMarker(done) => self.buf.push_str(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => self.buf.push_str(&format!("[{name}]")),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as usize);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.indents.push(Indent {
                    first: "> ".into(),
                    rest: "> ".into(),
                    used: false,
                });
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push((start, false));
            }
            Tag::Item => {
                self.flush();
                let (marker, later) = match self.lists.last_mut() {
                    Some((number, started)) => {
                        let later = std::mem::replace(started, true);
                        match number {
                            Some(n) => {
                                let m = format!("{n}. ");
                                *n += 1;
                                (m, later)
                            }
                            None => ("* ".to_string(), later),
                        }
                    }
                    None => ("* ".to_string(), false),
                };
                let rest = " ".repeat(marker.chars().count());
                self.indents.push(Indent {
                    first: marker,
                    rest,
                    used: false,
                });
                // Items follow each other without a blank line.
                if later {
                    self.tight = true;
                }
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TextTable::default());
            }
            Tag::Link { dest_url, .. } => {
                let url = keep_url(&dest_url);
                self.link_stack.push(url);
            }
            Tag::Image { dest_url, .. } => self.image = Some((dest_url.to_string(), String::new())),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.indents.pop();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                self.tight = false;
            }
            TagEnd::Item => {
                self.flush();
                self.indents.pop();
            }
            TagEnd::Link => {
                if let Some(Some(url)) = self.link_stack.pop() {
                    let n = self.reference(url);
                    self.buf.push_str(&format!("[{n}]"));
                }
            }
            _ => {}
        }
    }

    /// The number of `url` among the links, adding it if new.
    fn reference(&mut self, url: String) -> usize {
        match self.links.iter().position(|l| *l == url) {
            Some(i) => i + 1,
            None => {
                self.links.push(url);
                self.links.len()
            }
        }
    }

    fn end_image(&mut self) {
        let Some((url, alt)) = self.image.take() else {
            return;
        };
        if self.images == ImageMode::None {
            return;
        }
        let alt = fold_text(alt.trim(), self.charset);
        self.buf.push_str(&if alt.is_empty() {
            "[Image]".to_string()
        } else {
            format!("[Image: {alt}]")
        });
        if let Some(url) = keep_url(&url) {
            let n = self.reference(url);
            self.buf.push_str(&format!("[{n}]"));
        }
    }

    fn end_code(&mut self) {
        let code = self.code.take().unwrap_or_default();
        let code = fold_text(&code, self.charset);
        let lines = code
            .trim_end_matches('\n')
            .lines()
            .map(|l| format!("    {}", l.replace('\t', "    ")))
            .collect();
        self.emit_block(lines);
    }

    /// Writes the inline text gathered so far as a wrapped block.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.buf);
        let heading = self.heading.take();
        if text.trim().is_empty() {
            return;
        }
        let (first, rest) = self.prefixes();
        let mut lines = wrap(&text, self.width, &first, &rest);
        if let Some(level) = heading {
            let longest = lines
                .iter()
                .map(|l| l.chars().count() - rest.chars().count())
                .max()
                .unwrap_or(0);
            let mark = if level <= 2 { "=" } else { "-" };
            lines.push(format!("{rest}{}", mark.repeat(longest)));
        }
        self.push_lines(lines);
    }

    /// Writes lines that already have their shape (code, tables, rules),
    /// behind the current indentation.
    fn emit_block(&mut self, block: Vec<String>) {
        let (first, rest) = self.prefixes();
        let lines = block
            .into_iter()
            .enumerate()
            .map(|(i, l)| format!("{}{l}", if i == 0 { &first } else { &rest }))
            .collect();
        self.push_lines(lines);
    }

    fn push_lines(&mut self, lines: Vec<String>) {
        if lines.is_empty() {
            return;
        }
        if !self.tight && !self.lines.is_empty() {
            let blank = self.blank_prefix();
            self.lines.push(blank);
        }
        self.tight = false;
        for i in &mut self.indents {
            i.used = true;
        }
        self.lines.extend(lines);
    }

    /// What the first line and the later lines of the next block start with.
    fn prefixes(&self) -> (String, String) {
        let mut first = String::new();
        let mut rest = String::new();
        for i in &self.indents {
            first.push_str(if i.used { &i.rest } else { &i.first });
            rest.push_str(&i.rest);
        }
        (first, rest)
    }

    /// A blank line inside quotes keeps their marks.
    fn blank_prefix(&self) -> String {
        let mut s = String::new();
        for i in self.indents.iter().filter(|i| i.used) {
            if i.rest.starts_with('>') {
                s.push_str(&i.rest);
            } else {
                s.push_str(&" ".repeat(i.rest.chars().count()));
            }
        }
        s.trim_end().to_string()
    }
}

/// The links worth a reference: http(s) and other safe absolute URLs.
pub(super) fn keep_url(url: &str) -> Option<String> {
    let url = url.trim();
    let url = match url.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None if url.starts_with('/') || url.starts_with('#') => return None,
        None => url.to_string(),
    };
    (is_safe_url(&url) && url.contains(':')).then(|| url_to_ascii(&url))
}

/// The text of a piece of raw HTML: tags dropped, with what scripts and
/// styles hold, and the common entities read.
pub(super) fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag = &rest[i..];
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        let name: String = tag[1..end.min(tag.len())]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &tag[end..];
        if matches!(name.as_str(), "script" | "style") {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(j) => &rest[j..],
                None => "",
            };
        }
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// `text` wrapped greedily at `width` characters, the first line behind
/// `first` and the others behind `rest`; `\n` forces a break. A word
/// longer than a line stands on a line of its own.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut len = first.chars().count();
    let mut empty = true;
    for (k, part) in text.split('\n').enumerate() {
        if k > 0 {
            lines.push(line.trim_end().to_string());
            line = rest.to_string();
            len = rest.chars().count();
            empty = true;
        }
        for word in part.split_whitespace() {
            let n = word.chars().count();
            if !empty && len + 1 + n > width {
                lines.push(line.trim_end().to_string());
                line = rest.to_string();
                len = rest.chars().count();
                empty = true;
            }
            if !empty {
                line.push(' ');
                len += 1;
            }
            line.push_str(word);
            len += n;
            empty = false;
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(md: &str, width: usize) -> Plain {
        render(md, width, Charset::Utf8, ImageMode::Link)
    }

    #[test]
    fn wraps_paragraphs_and_numbers_links() {
        let p = text(
            "The [harbour council](https://e.org/a) voted on Thursday to run a night ferry from March, and [again](https://e.org/a).\n\nSecond.",
            30,
        );
        assert_eq!(
            p.text,
            "The harbour council[1] voted\non Thursday to run a night\nferry from March, and\nagain[1].\n\nSecond.\n"
        );
        assert_eq!(p.links, ["https://e.org/a"]);
        assert!(p.text.lines().all(|l| l.chars().count() <= 30));
    }

    #[test]
    fn lists_quotes_headings_and_code() {
        let md = "## Votes\n\n- one two three four five six\n- seven\n\n1. first\n2. second\n\n> quoted words here\n>\n> more\n\n```\nlet x = 1;\n```\n";
        let p = text(md, 20);
        assert_eq!(
            p.text,
            "Votes\n=====\n\n* one two three four\n  five six\n* seven\n\n1. first\n2. second\n\n> quoted words here\n>\n> more\n\n    let x = 1;\n"
        );
    }

    #[test]
    fn folds_before_measuring() {
        let p = render("“Quoted” … café", 72, Charset::Ascii, ImageMode::Link);
        assert_eq!(p.text, "\"Quoted\" ... cafe\n");
    }

    #[test]
    fn images_and_unsafe_links() {
        let p = text(
            "![A ferry](https://e.org/f.jpg) [x](javascript:alert(1))",
            72,
        );
        assert_eq!(p.text, "[Image: A ferry][1] x\n");
        assert_eq!(p.links, ["https://e.org/f.jpg"]);
        let none = render(
            "![A ferry](https://e.org/f.jpg)",
            72,
            Charset::Utf8,
            ImageMode::None,
        );
        assert_eq!(none.text, "");
    }

    #[test]
    fn raw_html_keeps_its_text_only() {
        assert_eq!(
            strip_tags(
                "<p onclick=\"x()\">Hi &amp; <b>bye</b></p><script>alert(1)</script><STYLE>p{}</STYLE>!"
            ),
            "Hi & bye!"
        );
    }

    #[test]
    fn long_words_stand_alone() {
        let lines = wrap("a https://example.org/a/very/long/url b", 10, "", "");
        assert_eq!(lines, ["a", "https://example.org/a/very/long/url", "b"]);
    }
}
