//! Markdown bodies to period HTML.
//!
//! Walks pulldown-cmark's events and writes only elements the profile
//! allows: HTML 2.0 (`b`, `i`, `tt`, tables as `pre`), HTML 3.2 (adds
//! tables, `strike`, `sup`), or small HTML5, and only where the profile's
//! DTD lets them nest (a heading inside a list item becomes a bold
//! paragraph; a rule HTML 2.0 forbids there is left out). Raw HTML inside
//! Markdown goes through `sanitize`, so script, style, iframes, event
//! handlers and `javascript:` URLs never reach a page. A link or image URL
//! longer than the profile's attribute limit loses its link and keeps its
//! text. Blocks nested deeper than `sanitize::MAX_DEPTH` (quotes in quotes,
//! lists in lists) are written without their markup. Owns nothing about
//! pages or charsets: the result is a UTF-8 HTML fragment.

use super::sanitize;
use crate::config::ImageMode;
use crate::vocabulary::html::{escape, escape_into, is_safe_url, url_to_ascii};
use crate::vocabulary::profile::{Inline, Profile};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::fmt::Write;

/// Renders Markdown for `profile`. Body headings start at `<h2>`: the
/// article's title is the page's only `<h1>`.
pub fn render(markdown: &str, profile: Profile, images: ImageMode) -> String {
    render_reporting(markdown, profile, images).html
}

/// A rendered body, with the Markdown links that could not be kept.
pub struct Rendered {
    pub html: String,
    /// Each link left out of the page (its text is kept), with the reason.
    pub dropped: Vec<(String, &'static str)>,
}

impl Rendered {
    /// Each link left out of `page`, with what to say about it: "link to
    /// ADDRESS left out of PAGE: WHY (its text is kept)", for the build's
    /// warnings and `paperboy check`.
    pub fn dropped_messages(&self, page: &str) -> Vec<(&str, String)> {
        self.dropped
            .iter()
            .map(|(url, why)| {
                let shown = shorten(&crate::vocabulary::text::one_line(url), 100).into_owned();
                let message =
                    format!("link to {shown} left out of {page}: {why} (its text is kept)");
                (url.as_str(), message)
            })
            .collect()
    }
}

/// Whether [`render_reporting`] might leave a link of `markdown` out: false
/// only when every link destination the text can hold (after `](`, after
/// `]:`, or in `<…>`) is a short ASCII `http(s)://` address. A cheap scan,
/// so `paperboy check` renders only the bodies that need it.
pub fn may_leave_out_links(markdown: &str) -> bool {
    /// Longer destinations are rendered to measure them.
    const SURELY_SHORT: usize = 500;
    let bytes = markdown.as_bytes();
    let safe_at = |from: usize| {
        let rest = markdown[from..].trim_start();
        let rest = rest.strip_prefix('<').unwrap_or(rest);
        let dest = rest
            .split(|c: char| c.is_whitespace() || c == '>')
            .next()
            .unwrap_or_default();
        (dest.starts_with("https://") || dest.starts_with("http://"))
            && dest.len() <= SURELY_SHORT
            && dest.is_ascii()
    };
    for (at, &b) in bytes.iter().enumerate() {
        let unsafe_here = match b {
            b']' => match bytes.get(at + 1) {
                Some(b'(' | b':') => !safe_at(at + 2),
                _ => false,
            },
            b'<' => !safe_at(at + 1),
            _ => false,
        };
        if unsafe_here {
            return true;
        }
    }
    false
}

/// `s` cut to at most `max` characters, with "..." when cut.
fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", &s[..i]).into(),
        None => s.into(),
    }
}

/// [`render`], saying which links it had to leave out and why, so the
/// build can name them.
pub fn render_reporting(markdown: &str, profile: Profile, images: ImageMode) -> Rendered {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut w = Writer {
        profile,
        images,
        ..Writer::default()
    };
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    let html = if w.raw_html {
        sanitize::clean(&w.out, profile)
    } else {
        w.out
    };
    Rendered {
        html,
        dropped: w.dropped,
    }
}

/// A block element the writer has open: the name its children are checked
/// against, and what closes it.
struct Open {
    name: &'static str,
    close: &'static str,
}

/// HTML 2.0 has no tables: their cells are collected as text and written
/// as an aligned `<pre>` block.
#[derive(Default)]
pub(super) struct TextTable {
    pub rows: Vec<Vec<String>>,
    pub head_rows: usize,
}

#[derive(Default)]
struct Writer {
    profile: Profile,
    images: ImageMode,
    out: String,
    raw_html: bool,
    /// Inside `![alt](url)`: alt text is collected, not written.
    image: Option<(String, String)>,
    /// Whether a table cell is in the header row.
    in_table_head: bool,
    alignments: Vec<Alignment>,
    cell: usize,
    text_table: Option<TextTable>,
    /// Links we dropped (unsafe scheme, too long) must not write a closing `</a>`.
    link_stack: Vec<bool>,
    /// Open block elements, innermost last.
    blocks: Vec<Open>,
    /// Links left out, with the reason.
    dropped: Vec<(String, &'static str)>,
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
        if self.text_table.is_some() {
            self.table_text_event(event);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.open(Inline::Code);
                self.text(&t);
                self.close(Inline::Code);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Html(h) | Event::InlineHtml(h) => {
                self.raw_html = true;
                self.out.push_str(&h);
            }
            Event::SoftBreak => self.text("\n"),
            Event::HardBreak => self.out.push_str("<br>\n"),
            Event::Rule => {
                // HTML 2.0 allows no rule inside a list item: leave it out.
                if self.profile.allows_child(self.parent(), "hr") {
                    self.out.push_str("<hr>\n");
                }
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => {
                let _ = write!(self.out, "[{}]", escape(&name));
            }
        }
    }

    /// The block element new content goes into.
    fn parent(&self) -> &'static str {
        self.blocks.last().map_or("body", |b| b.name)
    }

    /// Opens block `name` with markup `open`, closed later by `close`. Where
    /// the profile forbids `name` here, a heading becomes a bold paragraph
    /// and anything else is left out, its content kept.
    fn block(&mut self, name: &'static str, open: &str, close: &'static str) {
        let parent = self.parent();
        if self.blocks.len() >= sanitize::MAX_DEPTH {
            // Deeper quotes and lists are written flat, as raw HTML is.
            self.blocks.push(Open {
                name: parent,
                close: "",
            });
        } else if self.profile.allows_child(parent, name) {
            self.out.push_str(open);
            self.blocks.push(Open { name, close });
        } else if name.starts_with('h') && self.profile.allows_child(parent, "p") {
            self.out.push_str("<p><b>");
            self.blocks.push(Open {
                name: "p",
                close: "</b></p>\n",
            });
        } else {
            self.blocks.push(Open {
                name: parent,
                close: "",
            });
        }
    }

    fn end_block(&mut self) {
        if let Some(open) = self.blocks.pop() {
            self.out.push_str(open.close);
        }
    }

    fn open(&mut self, inline: Inline) {
        if let Some(name) = self.profile.inline(inline) {
            let _ = write!(self.out, "<{name}>");
        }
    }

    fn close(&mut self, inline: Inline) {
        if let Some(name) = self.profile.inline(inline) {
            let _ = write!(self.out, "</{name}>");
        }
    }

    /// A URL as it may be written in an attribute: ASCII, safe, and short
    /// enough for the profile; `None` otherwise.
    fn link_target(&self, url: &str) -> Option<String> {
        let url = url.trim();
        // "/x" points into the source site, not this mirror.
        let url = match url.strip_prefix("//") {
            Some(rest) => format!("https://{rest}"),
            None if url.starts_with('/') => return None,
            None => url.to_string(),
        };
        let ascii = url_to_ascii(&url);
        (is_safe_url(&url) && !ascii.is_empty() && ascii.len() <= self.profile.max_attribute_len())
            .then_some(ascii)
    }

    /// Why [`Writer::link_target`] refused `url`.
    fn why_not(&self, url: &str) -> &'static str {
        let url = url.trim();
        if url.starts_with('/') && !url.starts_with("//") {
            "a path on the source site, not a full address"
        } else if !is_safe_url(url) {
            "not an http(s) address"
        } else {
            "longer than the 1,024 bytes period browsers take"
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.block("p", "<p>", "</p>\n"),
            Tag::Heading { level, .. } => {
                let (name, open, close) = heading(level);
                self.block(name, open, close);
            }
            Tag::BlockQuote(_) => self.block("blockquote", "<blockquote>\n", "</blockquote>\n"),
            Tag::CodeBlock(_) => self.block("pre", "<pre>", "</pre>\n"),
            Tag::HtmlBlock => self.raw_html = true,
            Tag::List(Some(start)) if start != 1 && self.profile != Profile::Html2 => {
                self.block("ol", &format!("<ol start=\"{start}\">\n"), "</ol>\n");
            }
            Tag::List(Some(_)) => self.block("ol", "<ol>\n", "</ol>\n"),
            Tag::List(None) => self.block("ul", "<ul>\n", "</ul>\n"),
            Tag::Item => self.block("li", "<li>", "</li>\n"),
            // Footnotes are not enabled; their paragraphs stand on their own.
            Tag::FootnoteDefinition(_) => self.block(self.parent(), "", ""),
            Tag::DefinitionList => self.block("dl", "<dl>\n", "</dl>\n"),
            Tag::DefinitionListTitle => self.block("dt", "<dt>", "</dt>\n"),
            Tag::DefinitionListDefinition => self.block("dd", "<dd>", "</dd>\n"),
            Tag::Table(_) if !self.profile.has_tables() => {
                self.text_table = Some(TextTable::default())
            }
            Tag::Table(alignments) => {
                self.alignments = alignments;
                let open = if self.profile == Profile::Html32 {
                    "<table border=\"1\">\n"
                } else {
                    "<table>\n"
                };
                self.block("table", open, "</table>\n");
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.cell = 0;
                self.block("tr", "<tr>", "</tr>\n");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.block("tr", "<tr>", "</tr>\n");
            }
            Tag::TableCell => {
                let (name, close) = if self.in_table_head {
                    ("th", "</th>")
                } else {
                    ("td", "</td>")
                };
                let align = match self.alignments.get(self.cell) {
                    _ if self.profile == Profile::Modern => "",
                    Some(Alignment::Left) => " align=\"left\"",
                    Some(Alignment::Center) => " align=\"center\"",
                    Some(Alignment::Right) => " align=\"right\"",
                    _ => "",
                };
                self.block(name, &format!("<{name}{align}>"), close);
            }
            Tag::Emphasis => self.open(Inline::Emphasis),
            Tag::Strong => self.open(Inline::Strong),
            Tag::Strikethrough => self.open(Inline::Strike),
            Tag::Superscript => self.open(Inline::Sup),
            Tag::Subscript => self.open(Inline::Sub),
            Tag::Link {
                dest_url, title, ..
            } => {
                let target = self.link_target(&dest_url);
                if target.is_none() && !dest_url.trim().is_empty() {
                    let why = self.why_not(&dest_url);
                    self.dropped.push((dest_url.to_string(), why));
                }
                if let Some(href) = &target {
                    let _ = write!(self.out, "<a href=\"{}\"", escape(href));
                    let title = title.trim();
                    if !title.is_empty() && title.len() <= self.profile.max_attribute_len() {
                        let _ = write!(self.out, " title=\"{}\"", escape(title));
                    }
                    self.out.push('>');
                }
                self.link_stack.push(target.is_some());
            }
            Tag::Image { dest_url, .. } => self.image = Some((dest_url.to_string(), String::new())),
            Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::HtmlBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {}
            TagEnd::TableHead => {
                self.in_table_head = false;
                self.end_block();
            }
            TagEnd::TableCell => {
                self.cell += 1;
                self.end_block();
            }
            TagEnd::Emphasis => self.close(Inline::Emphasis),
            TagEnd::Strong => self.close(Inline::Strong),
            TagEnd::Strikethrough => self.close(Inline::Strike),
            TagEnd::Superscript => self.close(Inline::Sup),
            TagEnd::Subscript => self.close(Inline::Sub),
            TagEnd::Link => {
                if self.link_stack.pop().unwrap_or(false) {
                    self.out.push_str("</a>");
                }
            }
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableRow => self.end_block(),
        }
    }

    /// Events inside an HTML 2.0 table: keep the cells' text, nothing else.
    fn table_text_event(&mut self, event: Event) {
        let Some(table) = &mut self.text_table else {
            return;
        };
        if !table.take(&event, str::to_string) {
            return;
        }
        let table = self.text_table.take().expect("inside a table");
        let text = table.to_text();
        if self.profile.allows_child(self.parent(), "pre") {
            self.out.push_str("<pre>");
            escape_into(&text, &mut self.out);
            self.out.push_str("</pre>\n");
        } else {
            escape_into(&text, &mut self.out);
        }
    }

    fn text(&mut self, text: &str) {
        escape_into(text, &mut self.out);
    }

    /// Inline images become a link to the picture (or just their alt text
    /// with `images: none`), never an `<img>`: pages stay text-only.
    fn end_image(&mut self) {
        let Some((url, alt)) = self.image.take() else {
            return;
        };
        if self.images == ImageMode::None {
            return;
        }
        let label = if alt.trim().is_empty() {
            "[Image]".to_string()
        } else {
            format!("[Image: {}]", alt.trim())
        };
        match self.link_target(&url) {
            Some(href) => {
                let _ = write!(
                    self.out,
                    "<a href=\"{}\">{}</a>",
                    escape(&href),
                    escape(&label)
                );
            }
            None => self.out.push_str(&escape(&label)),
        }
    }
}

impl TextTable {
    /// Takes one event inside the table: a new row, a new cell, or text
    /// for the current cell (through `text`, which may fold it). Returns
    /// whether the event ends the table.
    pub fn take(&mut self, event: &Event, text: impl FnOnce(&str) -> String) -> bool {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => self.rows.push(Vec::new()),
            Event::End(TagEnd::TableHead) => self.head_rows = self.rows.len(),
            Event::Start(Tag::TableCell) => {
                if let Some(r) = self.rows.last_mut() {
                    r.push(String::new());
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => {
                if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&text(t));
                }
            }
            Event::End(TagEnd::Table) => return true,
            _ => {}
        }
        false
    }

    /// Columns padded to their widest cell, ` | ` between them, and a rule
    /// under the header rows.
    pub fn to_text(&self) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let width = |c: usize| {
            self.rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..columns).map(width).collect();
        let mut out = String::new();
        for (i, row) in self.rows.iter().enumerate() {
            let cells: Vec<String> = (0..columns)
                .map(|c| {
                    format!(
                        "{:w$}",
                        row.get(c).map_or("", |s| s.as_str()),
                        w = widths[c]
                    )
                })
                .collect();
            out.push_str(cells.join(" | ").trim_end());
            out.push('\n');
            if i + 1 == self.head_rows {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                out.push_str(&rule.join("-+-"));
                out.push('\n');
            }
        }
        out
    }
}

/// Body headings are one level below the page title, at most `<h6>`:
/// (name, open tag, close tag).
fn heading(level: HeadingLevel) -> (&'static str, &'static str, &'static str) {
    match level as usize + 1 {
        2 => ("h2", "<h2>", "</h2>\n"),
        3 => ("h3", "<h3>", "</h3>\n"),
        4 => ("h4", "<h4>", "</h4>\n"),
        5 => ("h5", "<h5>", "</h5>\n"),
        _ => ("h6", "<h6>", "</h6>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, Profile::Html32, ImageMode::Link)
    }

    #[test]
    fn maps_inline_markup_to_html32() {
        let cases = [
            (
                "**b** *i* `c` ~~s~~",
                "<p><b>b</b> <i>i</i> <tt>c</tt> <strike>s</strike></p>\n",
            ),
            ("# Top\n## Sub", "<h2>Top</h2>\n<h3>Sub</h3>\n"),
            ("a & <b\"", "<p>a &amp; &lt;b&#34;</p>\n"),
            (
                "3. x\n4. y",
                "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n",
            ),
            ("```\nx < 1\n```", "<pre>x &lt; 1\n</pre>\n"),
        ];
        for (md, want) in cases {
            assert_eq!(html(md), want, "{md}");
        }
    }

    #[test]
    fn profiles_choose_their_elements() {
        let md = "**b** *i* `c` ~~s~~\n\n3. x";
        let html2 = render(md, Profile::Html2, ImageMode::Link);
        assert_eq!(
            html2,
            "<p><b>b</b> <i>i</i> <tt>c</tt> s</p>\n<ol>\n<li>x</li>\n</ol>\n"
        );
        let modern = render(md, Profile::Modern, ImageMode::Link);
        assert_eq!(
            modern,
            "<p><strong>b</strong> <em>i</em> <code>c</code> <del>s</del></p>\n<ol start=\"3\">\n<li>x</li>\n</ol>\n"
        );
    }

    #[test]
    fn html2_tables_become_aligned_text() {
        let out = render(
            "| City | °C |\n|---|--:|\n| Tromsø | -15 |\n| Rome | 9 |\n",
            Profile::Html2,
            ImageMode::Link,
        );
        assert_eq!(
            out,
            "<pre>City   | °C\n-------+----\nTromsø | -15\nRome   | 9\n</pre>\n"
        );
    }

    #[test]
    fn raw_html_is_cut_to_the_profile() {
        let md = "<table><tr><td>cell</td></tr></table>\n\n<center>mid</center>";
        let html2 = render(md, Profile::Html2, ImageMode::Link);
        assert!(
            !html2.contains("<table") && !html2.contains("<center") && html2.contains("cell"),
            "{html2}"
        );
        let html32 = render(md, Profile::Html32, ImageMode::Link);
        assert!(
            html32.contains("<table>") && html32.contains("<center>"),
            "{html32}"
        );
    }

    #[test]
    fn tables_keep_alignment() {
        let out = html("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
        assert!(out.contains("<table border=\"1\">"));
        assert!(out.contains("<th align=\"left\">a</th><th align=\"right\">b</th>"));
        assert!(out.contains("<td align=\"left\">1</td>"));
    }

    #[test]
    fn images_become_links_not_img() {
        let out = html("![A ferry](https://e.org/f.jpg)");
        assert_eq!(
            out,
            "<p><a href=\"https://e.org/f.jpg\">[Image: A ferry]</a></p>\n"
        );
        let out = render(
            "![A ferry](https://e.org/f.jpg)",
            Profile::Html32,
            ImageMode::None,
        );
        assert_eq!(out, "<p></p>\n");
    }

    #[test]
    fn hostile_markdown_is_neutralised() {
        let cases = [
            "[x](javascript:alert(1))",
            "[x]( JaVaScRiPt:alert(1))",
            "[x](data:text/html,hi)",
            "<script>alert(1)</script>",
            "<p onclick=\"alert(1)\">hi</p>",
            "<iframe src=\"https://e.org\"></iframe>",
            "<style>body{}</style>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<object data=\"x\"></object><embed src=\"x\">",
            "<img src=x onerror=alert(1)>",
            "<span style=\"color:red\">x</span>",
        ];
        for md in cases {
            let out = html(md).to_ascii_lowercase();
            for bad in [
                "script",
                "javascript",
                "onclick",
                "onerror",
                "iframe",
                "<style",
                "style=",
                "data:",
                "object",
                "embed",
                "<img",
            ] {
                assert!(!out.contains(bad), "{md:?} gave {out:?}");
            }
        }
    }

    #[test]
    fn root_relative_links_lose_their_link() {
        assert_eq!(
            html("[a](/topics/x) [b](//e.org/y)"),
            "<p>a <a href=\"https://e.org/y\">b</a></p>\n"
        );
    }

    #[test]
    fn allowed_raw_html_survives() {
        assert_eq!(html("Say <b>hi</b> now"), "<p>Say <b>hi</b> now</p>\n");
    }

    #[test]
    fn headings_and_rules_never_nest_where_the_dtd_forbids() {
        let md = "- item\n\n  ## Heading in a list\n\n  ---\n\n  more\n";
        let html32 = render(md, Profile::Html32, ImageMode::Link);
        assert!(!html32.contains("<h3>"), "{html32}");
        assert!(
            html32.contains("<p><b>Heading in a list</b></p>"),
            "{html32}"
        );
        assert!(
            html32.contains("<hr>"),
            "HTML 3.2 allows a rule in a list item: {html32}"
        );
        let html2 = render(md, Profile::Html2, ImageMode::Link);
        assert!(!html2.contains("<hr>") && html2.contains("more"), "{html2}");
        let modern = render(md, Profile::Modern, ImageMode::Link);
        assert!(modern.contains("<h3>"), "{modern}");
    }

    #[test]
    fn overlong_urls_keep_their_text_only() {
        let long = format!("https://e.org/{}", "a".repeat(1100));
        let out = html(&format!("[the text]({long}) and ![alt]({long})"));
        assert_eq!(out, "<p>the text and [Image: alt]</p>\n");
        let modern = render(&format!("[t]({long})"), Profile::Modern, ImageMode::Link);
        assert!(modern.contains("<a href="), "{modern}");
    }

    #[test]
    fn period_links_stop_where_the_html2_declaration_does() {
        // LITLEN 1024 less NORMSEP 2: onsgmls rejects a 1023-byte value.
        let url = |len: usize| format!("https://e.org/{}", "a".repeat(len - 14));
        let kept = html(&format!("[t]({})", url(1022)));
        assert!(kept.contains("<a href="), "{kept}");
        assert_eq!(html(&format!("[t]({})", url(1023))), "<p>t</p>\n");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Markdown with the constructs that need care: nesting, raw HTML,
    /// links and tables.
    fn markdown() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("> ".to_string()),
            Just("- ".to_string()),
            Just("1. ".to_string()),
            Just("# ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("*".to_string()),
            Just("**".to_string()),
            Just("~~".to_string()),
            Just("`".to_string()),
            Just("    code\n".to_string()),
            Just("| a | b |\n|---|:-:|\n| c | d |\n".to_string()),
            Just("[link](https://e.org/x \"t\")".to_string()),
            Just("[bad](javascript:alert(1))".to_string()),
            Just("![img](https://e.org/i.png)".to_string()),
            Just("<div onclick=\"x\">".to_string()),
            Just("</div>".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("<table><tr><td><h2>x</h2>".to_string()),
            Just("<a href=\"https://e.org/a\" style=\"x\">".to_string()),
            Just("<font color=red><center><iframe src=x>".to_string()),
            Just("<img src=x alt=y>".to_string()),
            Just("---\n".to_string()),
            "[a-zA-Z0-9 .,!?&<>\"']{0,12}",
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
    }

    /// Every tag in `html`: its name and attribute names with value lengths.
    fn tags(html: &str) -> Vec<(String, Vec<(String, usize)>)> {
        let mut out = Vec::new();
        for chunk in html.split('<').skip(1) {
            let Some(end) = chunk.find('>') else { continue };
            let inside = chunk[..end].trim_start_matches('/');
            let name: String = inside
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let mut attrs = Vec::new();
            let mut rest = &inside[name.len()..];
            while let Some(eq) = rest.find("=\"") {
                let key = rest[..eq].trim().to_ascii_lowercase();
                let value_end = rest[eq + 2..].find('"').unwrap_or(rest.len() - eq - 2);
                attrs.push((key, value_end));
                rest = &rest[(eq + 2 + value_end + 1).min(rest.len())..];
            }
            out.push((name, attrs));
        }
        out
    }

    /// Markdown of a few links (inline, by reference, autolinks) to
    /// destinations good and bad, among text that can confuse a scan.
    fn links() -> impl Strategy<Value = String> {
        let dest = prop_oneof![
            Just("https://e.org/x".to_string()),
            Just("http://e.org".to_string()),
            Just("HTTPS://E.ORG/x".to_string()),
            Just("//e.org/x".to_string()),
            Just("/path".to_string()),
            Just("a/b".to_string()),
            Just("mailto:jo@e.org".to_string()),
            Just("jo@e.org".to_string()),
            Just("javascript:x".to_string()),
            Just("https://e.org/é".to_string()),
            Just(format!("https://e.org/{}", "a".repeat(1100))),
            Just(format!("https://e.org/{}", "é".repeat(200))),
            "[a-z:/.]{0,8}",
        ];
        let text = prop_oneof![
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("`".to_string()),
            Just("\\".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("> ".to_string()),
            Just("- ".to_string()),
            "[a-z ]{0,6}",
        ];
        let piece = prop_oneof![
            dest.clone().prop_map(|d| format!("[t]({d})")),
            dest.clone().prop_map(|d| format!("[t](<{d}> \"title\")")),
            dest.clone().prop_map(|d| format!("[t][r]\n\n[r]: {d}\n")),
            dest.prop_map(|d| format!("<{d}>")),
            text,
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn the_link_scan_misses_no_link_the_render_leaves_out(md in links()) {
            for profile in Profile::ALL {
                let dropped = render_reporting(&md, profile, ImageMode::Link).dropped;
                prop_assert!(dropped.is_empty() || may_leave_out_links(&md), "{:?}: {:?} left out of {:?}", profile, dropped, md);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn rendered_markdown_stays_within_the_profile(md in markdown()) {
            for profile in Profile::ALL {
                let html = render(&md, profile, ImageMode::Link);
                for (name, attrs) in tags(&html) {
                    prop_assert!(profile.allows_element(&name), "{:?}: <{}> in {}", profile, name, html);
                    for (key, len) in attrs {
                        prop_assert!(profile.allows_attribute(&key), "{:?}: {}= in {}", profile, key, html);
                        prop_assert!(len <= profile.max_attribute_len());
                    }
                }
                let lower = html.to_ascii_lowercase();
                prop_assert!(!lower.contains("<script") && !lower.contains("\"javascript:"), "{}", html);
            }
        }
    }
}
