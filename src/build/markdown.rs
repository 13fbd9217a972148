//! Markdown bodies to period HTML.
//!
//! Walks pulldown-cmark's events and writes only elements the profile
//! allows: HTML 2.0 (`b`, `i`, `tt`, tables as `pre`), HTML 3.2 (adds
//! tables, `strike`, `sup`), or small HTML5. Raw HTML inside Markdown goes
//! through an ammonia allowlist for the same profile, so script, style,
//! iframes, event handlers and `javascript:` URLs never reach a page. Owns
//! nothing about pages or charsets: the result is a UTF-8 HTML fragment.

use crate::config::{ImageMode, Profile};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::sync::OnceLock;

/// The rendered body of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// The HTML fragment.
    pub html: String,
    /// Plain text of the first paragraph, for summaries.
    pub first_paragraph: String,
}

/// URL schemes a link may use; anything else loses its link.
const SAFE_SCHEMES: &[&str] = &[
    "http", "https", "ftp", "mailto", "gopher", "news", "nntp", "telnet",
];

/// Renders Markdown for `profile`. Body headings start at `<h2>`: the
/// article's title is the page's only `<h1>`.
pub fn render(markdown: &str, profile: Profile, images: ImageMode) -> Rendered {
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
        sanitize(&w.out, profile)
    } else {
        w.out
    };
    Rendered {
        html,
        first_paragraph: w.first_paragraph.trim().to_string(),
    }
}

/// Inline elements, named per profile; `None` writes the text alone.
#[derive(Clone, Copy)]
enum Inline {
    Strong,
    Emphasis,
    Code,
    Strike,
    Sup,
    Sub,
}

fn element(profile: Profile, inline: Inline) -> Option<&'static str> {
    use Inline::*;
    match (profile, inline) {
        (Profile::Modern, Strong) => Some("strong"),
        (Profile::Modern, Emphasis) => Some("em"),
        (Profile::Modern, Code) => Some("code"),
        (Profile::Modern, Strike) => Some("del"),
        (_, Strong) => Some("b"),
        (_, Emphasis) => Some("i"),
        (_, Code) => Some("tt"),
        (Profile::Html2, Strike | Sup | Sub) => None,
        (_, Strike) => Some("strike"),
        (_, Sup) => Some("sup"),
        (_, Sub) => Some("sub"),
    }
}

/// HTML 2.0 has no tables: their cells are collected as text and written
/// as an aligned `<pre>` block.
#[derive(Default)]
struct TextTable {
    rows: Vec<Vec<String>>,
    head_rows: usize,
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
    /// Links we dropped (unsafe scheme) must not write a closing `</a>`.
    link_stack: Vec<bool>,
    paragraphs: usize,
    in_first_paragraph: bool,
    first_paragraph: String,
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
            Event::Rule => self.out.push_str("<hr>\n"),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => {
                let _ = write!(self.out, "[{}]", escape(&name));
            }
        }
    }

    fn open(&mut self, inline: Inline) {
        if let Some(name) = element(self.profile, inline) {
            let _ = write!(self.out, "<{name}>");
        }
    }

    fn close(&mut self, inline: Inline) {
        if let Some(name) = element(self.profile, inline) {
            let _ = write!(self.out, "</{name}>");
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.paragraphs += 1;
                self.in_first_paragraph = self.paragraphs == 1;
                self.out.push_str("<p>");
            }
            Tag::Heading { level, .. } => {
                let _ = write!(self.out, "<h{}>", heading(level));
            }
            Tag::BlockQuote(_) => self.out.push_str("<blockquote>\n"),
            Tag::CodeBlock(_) => self.out.push_str("<pre>"),
            Tag::HtmlBlock => self.raw_html = true,
            Tag::List(Some(start)) if start != 1 && self.profile != Profile::Html2 => {
                let _ = writeln!(self.out, "<ol start=\"{start}\">");
            }
            Tag::List(Some(_)) => self.out.push_str("<ol>\n"),
            Tag::List(None) => self.out.push_str("<ul>\n"),
            Tag::Item => self.out.push_str("<li>"),
            Tag::FootnoteDefinition(_) => self.out.push_str("<p>"),
            Tag::DefinitionList => self.out.push_str("<dl>\n"),
            Tag::DefinitionListTitle => self.out.push_str("<dt>"),
            Tag::DefinitionListDefinition => self.out.push_str("<dd>"),
            Tag::Table(_) if self.profile == Profile::Html2 => {
                self.text_table = Some(TextTable::default())
            }
            Tag::Table(alignments) => {
                self.alignments = alignments;
                self.out.push_str(if self.profile == Profile::Html32 {
                    "<table border=\"1\">\n"
                } else {
                    "<table>\n"
                });
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.cell = 0;
                self.out.push_str("<tr>");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.out.push_str("<tr>");
            }
            Tag::TableCell => {
                let name = if self.in_table_head { "th" } else { "td" };
                let align = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => " align=\"left\"",
                    Some(Alignment::Center) => " align=\"center\"",
                    Some(Alignment::Right) => " align=\"right\"",
                    _ => "",
                };
                let align = if self.profile == Profile::Modern {
                    ""
                } else {
                    align
                };
                let _ = write!(self.out, "<{name}{align}>");
            }
            Tag::Emphasis => self.open(Inline::Emphasis),
            Tag::Strong => self.open(Inline::Strong),
            Tag::Strikethrough => self.open(Inline::Strike),
            Tag::Superscript => self.open(Inline::Sup),
            Tag::Subscript => self.open(Inline::Sub),
            Tag::Link {
                dest_url, title, ..
            } => {
                // "/x" points into the source site, not this mirror: keep the text only.
                let dest_url = match dest_url.strip_prefix("//") {
                    Some(rest) => format!("https://{rest}").into(),
                    None => dest_url,
                };
                let safe = is_safe_url(&dest_url) && !dest_url.starts_with('/');
                if safe {
                    let _ = write!(self.out, "<a href=\"{}\"", escape(&url_to_ascii(&dest_url)));
                    if !title.is_empty() {
                        let _ = write!(self.out, " title=\"{}\"", escape(&title));
                    }
                    self.out.push('>');
                }
                self.link_stack.push(safe);
            }
            Tag::Image { dest_url, .. } => self.image = Some((dest_url.to_string(), String::new())),
            Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.in_first_paragraph = false;
                self.out.push_str("</p>\n");
            }
            TagEnd::Heading(level) => {
                let _ = writeln!(self.out, "</h{}>", heading(level));
            }
            TagEnd::BlockQuote(_) => self.out.push_str("</blockquote>\n"),
            TagEnd::CodeBlock => self.out.push_str("</pre>\n"),
            TagEnd::HtmlBlock => {}
            TagEnd::List(true) => self.out.push_str("</ol>\n"),
            TagEnd::List(false) => self.out.push_str("</ul>\n"),
            TagEnd::Item => self.out.push_str("</li>\n"),
            TagEnd::FootnoteDefinition => self.out.push_str("</p>\n"),
            TagEnd::DefinitionList => self.out.push_str("</dl>\n"),
            TagEnd::DefinitionListTitle => self.out.push_str("</dt>\n"),
            TagEnd::DefinitionListDefinition => self.out.push_str("</dd>\n"),
            TagEnd::Table => self.out.push_str("</table>\n"),
            TagEnd::TableHead => {
                self.in_table_head = false;
                self.out.push_str("</tr>\n");
            }
            TagEnd::TableRow => self.out.push_str("</tr>\n"),
            TagEnd::TableCell => {
                self.out
                    .push_str(if self.in_table_head { "</th>" } else { "</td>" });
                self.cell += 1;
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
            TagEnd::Image | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Events inside an HTML 2.0 table: keep the cells' text, nothing else.
    fn table_text_event(&mut self, event: Event) {
        let Some(table) = &mut self.text_table else {
            return;
        };
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => table.rows.push(Vec::new()),
            Event::End(TagEnd::TableHead) => table.head_rows = table.rows.len(),
            Event::Start(Tag::TableCell) => table
                .rows
                .last_mut()
                .into_iter()
                .for_each(|r| r.push(String::new())),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => {
                if let Some(cell) = table.rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&t);
                }
            }
            Event::End(TagEnd::Table) => {
                let table = self.text_table.take().expect("inside a table");
                self.out.push_str("<pre>");
                escape_into(&table.to_text(), &mut self.out);
                self.out.push_str("</pre>\n");
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_first_paragraph {
            self.first_paragraph.push_str(text);
        }
        escape_into(text, &mut self.out);
    }

    /// Inline images become a link to the picture (or just their alt text
    /// with `images: none`), never an `<img>`: pages stay text-only.
    fn end_image(&mut self) {
        let Some((url, alt)) = self.image.take() else {
            return;
        };
        let label = if alt.trim().is_empty() {
            "[Image]".to_string()
        } else {
            format!("[Image: {}]", alt.trim())
        };
        if self.images != ImageMode::None && is_safe_url(&url) {
            let _ = write!(
                self.out,
                "<a href=\"{}\">{}</a>",
                escape(&url_to_ascii(&url)),
                escape(&label)
            );
        } else if self.images != ImageMode::None {
            self.out.push_str(&escape(&label));
        }
    }
}

impl TextTable {
    /// Columns padded to their widest cell, ` | ` between them, and a rule
    /// under the header rows.
    fn to_text(&self) -> String {
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

/// Body headings are one level below the page title, at most `<h6>`.
fn heading(level: HeadingLevel) -> usize {
    (level as usize + 1).min(6)
}

/// Escapes text for HTML content or a double-quoted attribute. Uses only
/// entities every HTML version knows, and decimal references (HTML 2.0
/// and 3.2 have no hexadecimal ones).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            _ => out.push(c),
        }
    }
}

/// A link is safe when it is relative or uses an allowed scheme (http, https, ftp, mailto, gopher, news, nntp, telnet).
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    // Browsers ignore control characters and whitespace inside a scheme.
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .collect();
    match compact.find(':') {
        Some(colon) => {
            let scheme = &compact[..colon];
            let before_path = compact.find(['/', '?', '#']).is_none_or(|i| colon < i);
            if !before_path {
                return true; // "a/b:c" is a relative path, not a scheme
            }
            SAFE_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s))
        }
        None => true,
    }
}

/// Percent-encodes spaces and non-ASCII bytes so that a URL survives any
/// output charset unchanged.
pub fn url_to_ascii(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.trim().bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Cleans HTML that came from raw HTML in Markdown, keeping only elements
/// of `profile` and attributes that cannot run code or load anything.
fn sanitize(html: &str, profile: Profile) -> String {
    static BUILDERS: OnceLock<HashMap<Profile, ammonia::Builder<'static>>> = OnceLock::new();
    let builders = BUILDERS.get_or_init(|| {
        [Profile::Html2, Profile::Html32, Profile::Modern]
            .into_iter()
            .map(|p| (p, allowlist(p)))
            .collect()
    });
    // html5ever writes `&nbsp;` and `&quot;`; turn them back into a character
    // and a decimal reference so charset folding and old DTDs see them.
    builders[&profile]
        .clean(html)
        .to_string()
        .replace("&nbsp;", "\u{A0}")
        .replace("&quot;", "&#34;")
}

fn allowlist(profile: Profile) -> ammonia::Builder<'static> {
    const COMMON: &[&str] = &[
        "a",
        "b",
        "i",
        "em",
        "strong",
        "code",
        "kbd",
        "samp",
        "var",
        "cite",
        "p",
        "br",
        "hr",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "address",
    ];
    let extra: &[&str] = match profile {
        Profile::Html2 => &["tt"],
        Profile::Html32 => &[
            "tt", "u", "strike", "big", "small", "sub", "sup", "dfn", "center", "div", "table",
            "caption", "tr", "th", "td",
        ],
        Profile::Modern => &[
            "small",
            "sub",
            "sup",
            "dfn",
            "abbr",
            "q",
            "del",
            "ins",
            "s",
            "mark",
            "div",
            "table",
            "caption",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "figure",
            "figcaption",
        ],
    };
    let tags: HashSet<&str> = COMMON.iter().chain(extra).copied().collect();
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    attributes.insert("a", ["href", "title"].into_iter().collect());
    if profile != Profile::Html2 {
        attributes.insert("ol", ["start"].into_iter().collect());
        attributes.insert("td", ["colspan", "rowspan"].into_iter().collect());
        attributes.insert("th", ["colspan", "rowspan"].into_iter().collect());
    }
    let mut b = ammonia::Builder::default();
    b.tags(tags)
        .generic_attributes(HashSet::new())
        .tag_attributes(attributes)
        .url_schemes(SAFE_SCHEMES.iter().copied().collect())
        .link_rel(None);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, Profile::Html32, ImageMode::Link).html
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
        let html2 = render(md, Profile::Html2, ImageMode::Link).html;
        assert_eq!(
            html2,
            "<p><b>b</b> <i>i</i> <tt>c</tt> s</p>\n<ol>\n<li>x</li>\n</ol>\n"
        );
        let modern = render(md, Profile::Modern, ImageMode::Link).html;
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
        )
        .html;
        assert_eq!(
            out,
            "<pre>City   | °C\n-------+----\nTromsø | -15\nRome   | 9\n</pre>\n"
        );
    }

    #[test]
    fn raw_html_is_cut_to_the_profile() {
        let md = "<table><tr><td>cell</td></tr></table>\n\n<center>mid</center>";
        let html2 = render(md, Profile::Html2, ImageMode::Link).html;
        assert!(
            !html2.contains("<table") && !html2.contains("<center") && html2.contains("cell"),
            "{html2}"
        );
        let html32 = render(md, Profile::Html32, ImageMode::Link).html;
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
        )
        .html;
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
    fn first_paragraph_is_plain_text() {
        let r = render(
            "Hello *big* world.\n\nSecond.",
            Profile::Html32,
            ImageMode::Link,
        );
        assert_eq!(r.first_paragraph, "Hello big world.");
    }

    #[test]
    fn urls_become_ascii() {
        assert_eq!(
            url_to_ascii("https://e.org/São Paulo"),
            "https://e.org/S%C3%A3o%20Paulo"
        );
        assert!(is_safe_url("world/a.html"));
        assert!(is_safe_url("a/b:c"));
        assert!(!is_safe_url("vbscript:x"));
    }
}
