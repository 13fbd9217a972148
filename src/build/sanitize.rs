//! Raw HTML inside an article's Markdown, made safe and valid for the
//! profile.
//!
//! Two passes. ammonia applies the profile's allowlist of body elements and
//! attributes (script, style, iframes, objects, event handlers and
//! `javascript:`/`data:` URLs never survive). Then the cleaned fragment is
//! written out again under the profile's content models: an element the
//! DTD forbids where it stands is unwrapped with its text kept (a heading
//! in a list item becomes a bold paragraph), text where only elements may
//! stand is wrapped (`<li>` in a list), links inside links and pictures in
//! preformatted text are unwrapped, attribute values over the profile's
//! limit are dropped (a link loses its link, keeps its text), and nesting
//! deeper than [`MAX_DEPTH`] is flattened to its text. Before either pass,
//! tags nested deeper than [`MAX_HTML_DEPTH`] are dropped in one linear
//! pass, so parsing hostile nesting costs no more than its length.

use crate::vocabulary::Profile;
use crate::vocabulary::html::{SAFE_SCHEMES, escape_into};
use crate::vocabulary::nesting::{MAX_HTML_DEPTH, flatten_deep};
use dom_query::{Document, NodeRef};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Elements nested deeper than this are written as plain text: no article
/// needs more, and the limit bounds the work on hostile input.
pub const MAX_DEPTH: usize = 48;

/// Cleans `html` for `profile`: allowlist, nesting and limits.
pub fn clean(html: &str, profile: Profile) -> String {
    static BUILDERS: OnceLock<HashMap<Profile, ammonia::Builder<'static>>> = OnceLock::new();
    let builders = BUILDERS.get_or_init(|| {
        Profile::ALL
            .into_iter()
            .map(|p| (p, allowlist(p)))
            .collect()
    });
    let safe = builders[&profile]
        .clean(&flatten_deep(html, MAX_HTML_DEPTH))
        .to_string();
    let doc = Document::fragment(safe);
    let mut w = Rewriter {
        profile,
        out: String::with_capacity(html.len()),
    };
    w.children(&doc.root(), "body", Scope::default(), 0);
    w.out
}

fn allowlist(profile: Profile) -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.tags(profile.body_elements().clone())
        .generic_attributes(Default::default())
        .tag_attributes(profile.body_attributes())
        .url_schemes(SAFE_SCHEMES.iter().copied().collect())
        .link_rel(None);
    b
}

/// Ancestors that exclude elements anywhere below them (SGML exclusions).
#[derive(Clone, Copy, Default)]
struct Scope {
    in_a: bool,
    in_pre: bool,
}

struct Rewriter {
    profile: Profile,
    out: String,
}

impl Rewriter {
    /// Writes the children of `node` as content of element `parent`.
    fn children(&mut self, node: &NodeRef, parent: &str, scope: Scope, depth: usize) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.text(&child.text(), parent);
            } else if child.is_element() {
                self.element(&child, parent, scope, depth + 1);
            }
        }
    }

    fn text(&mut self, text: &str, parent: &str) {
        if self.profile.allows_child(parent, "#text") {
            escape_into(text, &mut self.out);
            return;
        }
        if text.trim().is_empty() {
            self.out.push('\n');
            return;
        }
        // Text where the DTD wants elements: give it the element it needs.
        let (open, close) = match parent {
            "ul" | "ol" | "dir" | "menu" => ("<li>", "</li>\n"),
            "dl" => ("<dd>", "</dd>\n"),
            "table" => ("<tr><td>", "</td></tr>\n"),
            "tr" => ("<td>", "</td>"),
            _ => ("", ""),
        };
        self.out.push_str(open);
        escape_into(text, &mut self.out);
        self.out.push_str(close);
    }

    fn element(&mut self, node: &NodeRef, parent: &str, scope: Scope, depth: usize) {
        let Some(name) = node.node_name() else {
            return;
        };
        let name = name.to_ascii_lowercase();
        if depth > MAX_DEPTH {
            self.text(&node.text(), parent);
            return;
        }
        let excluded = (scope.in_a && self.profile.excludes("a", &name))
            || (scope.in_pre && self.profile.excludes("pre", &name));
        let wrapper = matches!(name.as_str(), "html" | "head" | "body");
        if wrapper || excluded || !self.profile.allows_element(&name) {
            self.children(node, parent, scope, depth);
            return;
        }
        if !self.profile.allows_child(parent, &name) {
            if matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                && self.profile.allows_child(parent, "p")
            {
                self.out.push_str("<p><b>");
                self.children(node, "b", scope, depth);
                self.out.push_str("</b></p>\n");
            } else {
                self.children(node, parent, scope, depth);
            }
            return;
        }
        let attrs = self.attributes(node);
        if name == "a" && !attrs.iter().any(|(k, _)| k == "href") {
            // A link whose URL is gone keeps its text.
            self.children(node, parent, scope, depth);
            return;
        }
        self.out.push('<');
        self.out.push_str(&name);
        for (k, v) in &attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_into(v, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
        if matches!(name.as_str(), "br" | "hr") {
            return;
        }
        let scope = Scope {
            in_a: scope.in_a || name == "a",
            in_pre: scope.in_pre || name == "pre",
        };
        self.children(node, &name, scope, depth);
        self.out.push_str("</");
        self.out.push_str(&name);
        self.out.push('>');
    }

    /// The attributes ammonia kept, without values over the profile's limit.
    fn attributes(&self, node: &NodeRef) -> Vec<(String, String)> {
        let max = self.profile.max_attribute_len();
        node.attrs()
            .into_iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .filter(|(k, v)| self.profile.allows_attribute(k) && v.len() <= max)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_follows_the_profile() {
        let cases = [
            (
                Profile::Html32,
                "<ul><li><h3>Heading</h3> text</li></ul>",
                "<ul><li><p><b>Heading</b></p>\n text</li></ul>",
            ),
            (
                Profile::Html2,
                "<pre><b>bold</b> code</pre>",
                "<pre>bold code</pre>",
            ),
            (
                Profile::Html32,
                "<a href=\"https://e.org/a\">one <a href=\"https://e.org/b\">two</a></a>",
                "<a href=\"https://e.org/a\">one </a><a href=\"https://e.org/b\">two</a>",
            ),
            (
                Profile::Html32,
                "<table><tr><td><pre>x</pre></td></tr></table>",
                "<table><tr><td><pre>x</pre></td></tr></table>",
            ),
        ];
        for (profile, input, want) in cases {
            assert_eq!(clean(input, profile), want, "{input}");
        }
    }

    #[test]
    fn long_urls_lose_their_link_not_their_text() {
        let url = format!("https://e.org/{}", "x".repeat(2000));
        let out = clean(&format!("<a href=\"{url}\">kept text</a>"), Profile::Html32);
        assert_eq!(out, "kept text");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = format!(
            "{}deep text{}",
            "<blockquote>".repeat(5000),
            "</blockquote>".repeat(5000)
        );
        let out = clean(&html, Profile::Html32);
        assert!(out.contains("deep text"));
        assert!(out.matches("<blockquote>").count() <= MAX_DEPTH);
    }
}
