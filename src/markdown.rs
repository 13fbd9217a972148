//! Markdown bodies to period HTML.
//!
//! Walks pulldown-cmark's events and writes only elements HTML 3.2
//! allows (HTML 3.2: `b`, `i`, `tt`, `pre`, tables...). Raw HTML inside
//! Markdown goes through an ammonia allowlist, so script, style, iframes,
//! event handlers and `javascript:` URLs never reach a page. Owns nothing
//! about pages or charsets: the result is a UTF-8 HTML fragment.

use crate::config::ImageMode;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
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

/// Renders Markdown as HTML 3.2. Body headings start at `<h2>`: the
/// article's title is the page's only `<h1>`.
pub fn render(markdown: &str, images: ImageMode) -> Rendered {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut w = Writer {
        images,
        ..Writer::default()
    };
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    let html = if w.raw_html { sanitize(&w.out) } else { w.out };
    Rendered {
        html,
        first_paragraph: w.first_paragraph.trim().to_string(),
    }
}

#[derive(Default)]
struct Writer {
    images: ImageMode,
    out: String,
    raw_html: bool,
    /// Inside `![alt](url)`: alt text is collected, not written.
    image: Option<(String, String)>,
    /// Whether a table cell is in the header row.
    in_table_head: bool,
    alignments: Vec<Alignment>,
    cell: usize,
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
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.out.push_str("<tt>");
                self.text(&t);
                self.out.push_str("</tt>");
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
            Tag::List(Some(1)) => self.out.push_str("<ol>\n"),
            Tag::List(Some(start)) => {
                let _ = writeln!(self.out, "<ol start=\"{start}\">");
            }
            Tag::List(None) => self.out.push_str("<ul>\n"),
            Tag::Item => self.out.push_str("<li>"),
            Tag::FootnoteDefinition(_) => self.out.push_str("<p>"),
            Tag::DefinitionList => self.out.push_str("<dl>\n"),
            Tag::DefinitionListTitle => self.out.push_str("<dt>"),
            Tag::DefinitionListDefinition => self.out.push_str("<dd>"),
            Tag::Table(alignments) => {
                self.alignments = alignments;
                self.out.push_str("<table border=\"1\">\n");
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
                let _ = write!(self.out, "<{name}{align}>");
            }
            Tag::Emphasis => self.out.push_str("<i>"),
            Tag::Strong => self.out.push_str("<b>"),
            Tag::Strikethrough => self.out.push_str("<strike>"),
            Tag::Superscript => self.out.push_str("<sup>"),
            Tag::Subscript => self.out.push_str("<sub>"),
            Tag::Link {
                dest_url, title, ..
            } => {
                let safe = is_safe_url(&dest_url);
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
            TagEnd::Emphasis => self.out.push_str("</i>"),
            TagEnd::Strong => self.out.push_str("</b>"),
            TagEnd::Strikethrough => self.out.push_str("</strike>"),
            TagEnd::Superscript => self.out.push_str("</sup>"),
            TagEnd::Subscript => self.out.push_str("</sub>"),
            TagEnd::Link => {
                if self.link_stack.pop().unwrap_or(false) {
                    self.out.push_str("</a>");
                }
            }
            TagEnd::Image | TagEnd::MetadataBlock(_) => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_first_paragraph {
            self.first_paragraph.push_str(text);
        }
        self.out.push_str(&escape(text));
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

/// A link is safe when it is relative or uses a scheme from [`SAFE_SCHEMES`].
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

/// Cleans HTML that came from raw HTML in Markdown, keeping only HTML 3.2
/// elements and attributes that cannot run code or load anything.
fn sanitize(html: &str) -> String {
    static HTML32: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let builder = HTML32.get_or_init(|| {
        let tags: HashSet<&str> = [
            "a",
            "b",
            "i",
            "u",
            "tt",
            "strike",
            "big",
            "small",
            "sub",
            "sup",
            "em",
            "strong",
            "code",
            "kbd",
            "samp",
            "var",
            "cite",
            "dfn",
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
            "center",
            "div",
            "table",
            "caption",
            "tr",
            "th",
            "td",
        ]
        .into_iter()
        .collect();
        let mut b = ammonia::Builder::default();
        b.tags(tags)
            .generic_attributes(HashSet::new())
            .tag_attributes(
                [
                    ("a", ["href", "title"].into_iter().collect::<HashSet<_>>()),
                    ("ol", ["start"].into_iter().collect()),
                    ("td", ["align", "colspan", "rowspan"].into_iter().collect()),
                    ("th", ["align", "colspan", "rowspan"].into_iter().collect()),
                ]
                .into_iter()
                .collect(),
            )
            .url_schemes(SAFE_SCHEMES.iter().copied().collect())
            .link_rel(None);
        b
    });
    // html5ever writes `&nbsp;` and `&quot;`; turn them back into characters
    // and a decimal reference so charset folding and old DTDs see them.
    builder
        .clean(html)
        .to_string()
        .replace("&nbsp;", "\u{A0}")
        .replace("&quot;", "&#34;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, ImageMode::Link).html
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
        let out = render("![A ferry](https://e.org/f.jpg)", ImageMode::None).html;
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
    fn allowed_raw_html_survives() {
        assert_eq!(html("Say <b>hi</b> now"), "<p>Say <b>hi</b> now</p>\n");
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        let r = render("Hello *big* world.\n\nSecond.", ImageMode::Link);
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
