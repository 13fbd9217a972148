//! The other ways to read the news: a Gemini capsule, a Gopher hole,
//! plain-text articles and daily e-books, made from the same library and
//! the same theme as the HTML site.
//!
//! A [`Target`] is a folder the build writes: the HTML site (which also
//! holds the `.txt` articles and the e-books), the capsule or the hole.
//! Each has the HTML site's pages under names of its own
//! ([`Target::path`]): `us/world/harbour-ferry.html` is
//! `us/world/harbour-ferry.gmi` in the capsule and
//! `us/world/harbour-ferry.txt` in the hole, whose menus are `gophermap`
//! files, one per folder. Owns those names, the links templates write
//! (the `gmi` and `selector` filters), finishing gophermaps, and the
//! renderers of article bodies: `plain` (text wrapped at a width, for
//! text and Gopher), `gemtext` and `epub` (the e-book container). What
//! each page shows is `pages`'.

pub mod epub;
pub mod gemtext;
pub mod plain;

use crate::config::OutputKind;
use serde::Serialize;

/// A folder the build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// The HTML site, with the `.txt` articles and e-books when those are on.
    Html,
    Gemini,
    Gopher,
}

/// Plain-text articles are wrapped at this many columns.
pub const TEXT_WIDTH: usize = 72;
/// Gopher text items are wrapped at this many columns.
pub const GOPHER_WIDTH: usize = 70;

impl Target {
    /// The folder `kind` is written to, if it has one of its own.
    pub fn of(kind: OutputKind) -> Option<Target> {
        match kind {
            OutputKind::Html => Some(Target::Html),
            OutputKind::Gemini => Some(Target::Gemini),
            OutputKind::Gopher => Some(Target::Gopher),
            OutputKind::Text | OutputKind::Epub => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Target::Html => "html",
            Target::Gemini => "gemini",
            Target::Gopher => "gopher",
        }
    }

    /// The file of the page the HTML site has at `html`.
    pub fn path(self, html: &str) -> String {
        match self {
            Target::Html => html.to_string(),
            Target::Gemini => gemini_path(html),
            Target::Gopher => gopher_path(html),
        }
    }

    /// The template for a page the HTML site makes with `template`
    /// (`index.html` → `gemini/index.gmi`, `gopher/index.gophermap`).
    pub fn template(self, template: &str) -> String {
        let stem = template.trim_end_matches(".html");
        match self {
            Target::Html => template.to_string(),
            Target::Gemini => format!("gemini/{stem}.gmi"),
            Target::Gopher if stem == "article" => "gopher/article.txt".to_string(),
            Target::Gopher => format!("gopher/{stem}.gophermap"),
        }
    }
}

/// Whether a link has a scheme (leaves the site).
fn is_external(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// `x.html` → `x.gmi`; anything else as it is.
pub fn gemini_path(html: &str) -> String {
    match html.strip_suffix(".html") {
        Some(stem) if !is_external(html) => format!("{stem}.gmi"),
        _ => html.to_string(),
    }
}

/// `x.html` → `x.txt`: the plain-text version of an article.
pub fn text_path(html: &str) -> String {
    format!("{}.txt", html.trim_end_matches(".html"))
}

/// Whether the HTML page at `html` is a list (a menu in Gopher): a front
/// or section page (`index.html`) or any archive page.
fn is_menu(html: &str) -> bool {
    let parts: Vec<&str> = html.split('/').collect();
    parts.last() == Some(&"index.html") || parts.iter().take(2).any(|p| *p == "archive")
}

/// The folder of a menu from the hole's root, without slashes at its
/// ends (`""` for the root).
fn menu_dir(html: &str) -> String {
    let stem = html.trim_end_matches(".html");
    let dir = stem.strip_suffix("index").unwrap_or(stem);
    dir.trim_end_matches('/').to_string()
}

/// The file in the hole for the page the HTML site has at `html`: menus
/// are `<folder>/gophermap`, articles `<section>/<slug>.txt`.
pub fn gopher_path(html: &str) -> String {
    if is_menu(html) {
        match menu_dir(html).as_str() {
            "" => "gophermap".to_string(),
            dir => format!("{dir}/gophermap"),
        }
    } else {
        text_path(html)
    }
}

/// The selector of the page the HTML site has at `html`, for a hole
/// served under `prefix`: a menu's folder with a trailing `/`, an
/// article's text file. An external URL becomes `URL:<url>`, the
/// convention Gopher clients follow to the web.
pub fn gopher_selector(prefix: &str, html: &str) -> String {
    if is_external(html) {
        return format!("URL:{html}");
    }
    let prefix = prefix.trim_end_matches('/');
    if is_menu(html) {
        match menu_dir(html).as_str() {
            "" => format!("{prefix}/"),
            dir => format!("{prefix}/{dir}/"),
        }
    } else {
        format!("{prefix}/{}", text_path(html))
    }
}

/// A rendered gophermap made whole: every line as RFC 1436 writes menu
/// lines (a line without a tab becomes an `i` info line; a link line
/// missing its host and port gets the hole's), CRLF line ends, and the
/// closing `.` line. The result is a menu any server can send as it is,
/// and one that gophernicus-style servers read as their gophermap.
pub fn finish_gophermap(text: &str, host: &str, port: u16) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line == "." {
            break;
        }
        if line.contains('\t') {
            let fields: Vec<&str> = line.splitn(4, '\t').collect();
            let selector = fields.get(1).copied().unwrap_or("");
            let h = fields
                .get(2)
                .copied()
                .filter(|h| !h.is_empty())
                .unwrap_or(host);
            let p = fields
                .get(3)
                .copied()
                .filter(|p| !p.is_empty())
                .map_or_else(|| port.to_string(), str::to_string);
            out.push_str(&format!("{}\t{selector}\t{h}\t{p}\r\n", fields[0]));
        } else {
            out.push_str(&format!("i{line}\t\t{host}\t{port}\r\n"));
        }
    }
    out.push_str(".\r\n");
    out
}

/// A numbered reference at the end of a text article: a link of the
/// body, the original source or an image.
#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    pub number: usize,
    /// What it is ("Original source", "Image 1: The ferry"); empty for a
    /// link of the body, whose text carries the number.
    pub label: String,
    pub url: String,
}

/// The references of a text article: the body's links (numbered as the
/// text numbers them), then the original source and the images.
pub fn references(body_links: &[String], extra: Vec<(String, String)>) -> Vec<Reference> {
    let mut refs: Vec<Reference> = body_links
        .iter()
        .enumerate()
        .map(|(i, url)| Reference {
            number: i + 1,
            label: String::new(),
            url: url.clone(),
        })
        .collect();
    for (label, url) in extra {
        refs.push(Reference {
            number: refs.len() + 1,
            label,
            url,
        });
    }
    refs
}

/// The `gmi` template filter: an HTML page's path as the capsule names it.
pub fn gmi_filter(url: &str) -> String {
    gemini_path(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_name_in_each_target() {
        let cases = [
            ("index.html", "index.gmi", "gophermap", "/news/"),
            ("us/index.html", "us/index.gmi", "us/gophermap", "/news/us/"),
            (
                "us/world/index.html",
                "us/world/index.gmi",
                "us/world/gophermap",
                "/news/us/world/",
            ),
            (
                "us/world/harbour-ferry.html",
                "us/world/harbour-ferry.gmi",
                "us/world/harbour-ferry.txt",
                "/news/us/world/harbour-ferry.txt",
            ),
            (
                "us/archive/2026/11/27.html",
                "us/archive/2026/11/27.gmi",
                "us/archive/2026/11/27/gophermap",
                "/news/us/archive/2026/11/27/",
            ),
            (
                "archive/2026/11/index.html",
                "archive/2026/11/index.gmi",
                "archive/2026/11/gophermap",
                "/news/archive/2026/11/",
            ),
            (
                "archive/undated.html",
                "archive/undated.gmi",
                "archive/undated/gophermap",
                "/news/archive/undated/",
            ),
        ];
        for (html, gmi, gopher, selector) in cases {
            assert_eq!(Target::Gemini.path(html), gmi);
            assert_eq!(Target::Gopher.path(html), gopher);
            assert_eq!(gopher_selector("/news", html), selector);
        }
        assert_eq!(gopher_selector("", "index.html"), "/");
        assert_eq!(
            gopher_selector("", "https://e.org/a.html"),
            "URL:https://e.org/a.html"
        );
        assert_eq!(gemini_path("https://e.org/a.html"), "https://e.org/a.html");
    }

    #[test]
    fn gophermaps_are_made_whole() {
        let map = finish_gophermap(
            "Hello\n1World\t/world/\n0Story\t/a.txt\th\t7070\n",
            "host",
            70,
        );
        assert_eq!(
            map,
            "iHello\t\thost\t70\r\n1World\t/world/\thost\t70\r\n0Story\t/a.txt\th\t7070\r\n.\r\n"
        );
    }
}
