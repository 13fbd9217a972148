//! The allowlist every extracted article passes through before it becomes
//! Markdown.
//!
//! Owns what markup may survive: text structure (paragraphs, headings,
//! lists, quotes, tables), links and emphasis. Scripts, styles, frames,
//! plugins, forms and their contents are dropped whole; unknown tags are
//! unwrapped; event handlers and every other attribute go. Links are made
//! absolute against the page; a link that does not end up an `http(s)`
//! URL a reader can follow (a relative link with no page address,
//! `javascript:`, `mailto:`, Cloudflare's `/cdn-cgi/` e-mail wrappers)
//! loses its address and keeps its text.

use std::collections::HashSet;
use url::Url;

/// Tags kept; anything else is replaced by its children.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// Tags dropped together with everything inside them.
/// AMP's players and embeds hold only their fallback text ("Your browser
/// does not support video").
const DROP_WITH_CONTENT: &[&str] = &[
    "applet",
    "audio",
    "button",
    "canvas",
    "embed",
    "form",
    "frame",
    "frameset",
    "iframe",
    "input",
    "map",
    "math",
    "noscript",
    "object",
    "option",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
    "amp-ad",
    "amp-audio",
    "amp-brightcove",
    "amp-embed",
    "amp-iframe",
    "amp-instagram",
    "amp-jwplayer",
    "amp-twitter",
    "amp-video",
    "amp-youtube",
];

/// Sanitizes an article fragment. Relative links are resolved against
/// `base` when there is one and dropped (their text kept) otherwise.
pub fn sanitize(html: &str, base: Option<&Url>) -> String {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
        .tag_attributes([("a", HashSet::from(["href"]))].into())
        .generic_attributes(HashSet::new())
        .url_schemes(HashSet::from(["http", "https"]))
        .attribute_filter(|_, attr, value| {
            if attr != "href" {
                return Some(value.into());
            }
            // Cloudflare's e-mail obfuscation: a page of script, not an address.
            if value.contains("/cdn-cgi/") {
                return None;
            }
            // An absolute address as the URL standard reads it: no spaces
            // around it, no line breaks in it, inner spaces escaped.
            match Url::parse(value) {
                Ok(url) => Some(String::from(url).into()),
                Err(_) => Some(value.into()),
            }
        })
        .link_rel(None)
        .strip_comments(true);
    match base {
        Some(base) => builder.url_relative(ammonia::UrlRelative::RewriteWithBase(base.clone())),
        None => builder.url_relative(ammonia::UrlRelative::Deny),
    };
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_markup_is_neutralised() {
        let base = Url::parse("https://news.example/world/story.html").unwrap();
        let html = r#"<p onclick="steal()" style="color:red">Kept <b onmouseover="x()">bold</b>
            <a href="javascript:alert(1)">js link</a> <a href="data:text/html,hi">data link</a>
            <a href="/about?a=1&amp;b=2" target="_blank" onclick="y()">about</a>
            <a href="mailto:desk@news.example">mail</a></p>
            <script>alert("script")</script><style>p{}</style>
            <iframe src="https://evil.example">iframe text</iframe>
            <object data="x.swf">object text</object><embed src="x.swf">
            <form action="/login"><input name="pw">form text<button>Go</button></form>
            <svg><text>svg text</text></svg><noscript>noscript text</noscript>
            <custom-el>custom inner</custom-el><img src="x.jpg" onerror="z()">"#;
        let out = sanitize(html, Some(&base));
        for gone in [
            "onclick",
            "onmouseover",
            "onerror",
            "style",
            "javascript:",
            "data:",
            "script",
            "iframe",
            "object",
            "embed",
            "form",
            "input",
            "button",
            "svg",
            "noscript",
            "<img",
            "target",
            "custom-el",
        ] {
            assert!(!out.contains(gone), "{gone} survived: {out}");
        }
        assert!(out.contains("<b>bold</b>"), "{out}");
        assert!(
            out.contains(r#"<a href="https://news.example/about?a=1&amp;b=2">about</a>"#),
            "{out}"
        );
        assert!(
            !out.contains("mailto:") && out.contains(">mail</a>"),
            "{out}"
        );
        assert!(
            out.contains("custom inner") && out.contains(">js link</a>"),
            "{out}"
        );
        for text in [
            "iframe text",
            "form text",
            "svg text",
            "noscript text",
            "alert",
        ] {
            assert!(!out.contains(text), "{text} survived: {out}");
        }
    }

    #[test]
    fn links_that_cannot_be_followed_lose_their_address() {
        let out = sanitize(r#"<a href="../x.html">x</a> <a href="/news/y">y</a>"#, None);
        assert_eq!(out, "<a>x</a> <a>y</a>");
        let base = Url::parse("https://news.example/world/story.html").unwrap();
        let out = sanitize(
            r#"<a href="/cdn-cgi/l/email-protection#a1b2">[email&#160;protected]</a> <a href="/news/y" title="Navigate to News">y</a>"#,
            Some(&base),
        );
        assert_eq!(
            out,
            r#"<a>[email&nbsp;protected]</a> <a href="https://news.example/news/y">y</a>"#
        );
    }

    #[test]
    fn addresses_lose_stray_whitespace() {
        let out = sanitize(
            "<a href=\" https://news.example/a b.pdf\n   \">pdf</a> <a href=\"https://news.example/x\n/y\">x</a>",
            None,
        );
        assert_eq!(
            out,
            r#"<a href="https://news.example/a%20b.pdf">pdf</a> <a href="https://news.example/x/y">x</a>"#
        );
    }
}
