//! Breadcrumb trails left in the story's box: "Home / News / Local", a
//! row of links from the site's front page down to the story's section.
//!
//! Boxes whose class names one (`breadcrumb`) go with the page's other
//! furniture; this finds the trails that are named for nothing
//! (`<div class="crumbs">`, a bare `<p>` or `<ol>`) by what they are: a
//! few short links with nothing but separators between them, the first
//! to the site's front page.

use dom_query::{Document, NodeRef};
use url::Url;

/// The most links a trail holds.
const MOST_STEPS: usize = 6;

/// The longest link text (in characters) of a step in a trail.
const STEP_CHARS: usize = 40;

/// Characters that part a trail's steps.
const SEPARATORS: &[char] = &[
    '/', '\\', '>', '<', '›', '»', '|', '→', '·', '•', '＞', '-', '–', '—', ':', '：',
];

/// Names of a site's front page, lower-cased, that open a trail whose
/// first link's address says nothing (`href="#"`, a language's root).
const FRONT_PAGE_NAMES: &[&str] = &[
    "home",
    "homepage",
    "home page",
    "startseite",
    "accueil",
    "inicio",
    "início",
    "portada",
    "voorpagina",
    "etusivu",
    "forside",
    "strona główna",
    "главная",
    "首页",
    "首頁",
    "ホーム",
    "홈",
];

/// Removes the breadcrumb trails in `doc` (a story's box after
/// Readability). `base` is the page's address: a first link to its host's
/// root ("/") opens a trail.
pub fn remove_trails(doc: &Document, base: Option<&Url>) {
    let trails: Vec<NodeRef> = doc
        .select("p, div, nav, ol, ul")
        .nodes()
        .iter()
        .filter(|n| is_trail(n, base))
        .copied()
        .collect();
    for trail in trails {
        trail.remove_from_parent();
    }
}

/// Whether `node` is a trail: two to [`MOST_STEPS`] links of at most
/// [`STEP_CHARS`] characters each, nothing but separators and spaces
/// outside them, the first to the site's front page.
fn is_trail(node: &NodeRef, base: Option<&Url>) -> bool {
    // One more than a trail holds is enough to tell.
    let links: Vec<NodeRef> = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .take(MOST_STEPS + 1)
        .collect();
    if !(2..=MOST_STEPS).contains(&links.len())
        || links.iter().any(|a| {
            let n = a.text().trim().chars().count();
            n == 0 || n > STEP_CHARS
        })
    {
        return false;
    }
    let only_separators_between = node
        .descendants_it()
        .filter(|d| d.is_text())
        .filter(|t| {
            !t.ancestors_it(None)
                .take_while(|a| a.id != node.id)
                .any(|a| a.has_name("a"))
        })
        .all(|t| {
            t.text()
                .chars()
                .all(|c| c.is_whitespace() || SEPARATORS.contains(&c))
        });
    only_separators_between && leads_to_front_page(&links[0], base)
}

/// Whether `link` leads to the site's front page: its address is the
/// root of the page's host, or its text names the front page.
fn leads_to_front_page(link: &NodeRef, base: Option<&Url>) -> bool {
    let name = link.text().trim().to_lowercase();
    if FRONT_PAGE_NAMES.contains(&name.as_str()) {
        return true;
    }
    let Some(href) = link.attr("href") else {
        return false;
    };
    let target = match base {
        Some(base) => base.join(href.trim()).ok(),
        None => Url::parse(href.trim()).ok(),
    };
    target.is_some_and(|t| {
        t.path() == "/" && t.query().is_none() && base.is_none_or(|b| b.host_str() == t.host_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(html: &str) -> String {
        let doc = Document::fragment(html);
        let base = Url::parse("https://courier.example/news/local/pier").unwrap();
        remove_trails(&doc, Some(&base));
        doc.root().text().trim().to_string()
    }

    #[test]
    fn trails_from_the_front_page_go() {
        for trail in [
            r#"<div class="crumbs"><a href="/">Courier</a> / <a href="/news">News</a> / <a href="/news/local">Local</a></div>"#,
            r#"<p><a href="https://courier.example/">Home</a> &gt; <a href="/news">News</a></p>"#,
            r##"<ol><li><a href="#">Startseite</a></li><li><a href="/news">Nachrichten</a></li></ol>"##,
            r#"<nav><span><a href="/">首页</a></span> › <span><a href="/news">新闻</a></span></nav>"#,
        ] {
            assert_eq!(
                after(&format!("{trail}<p>The pier reopens.</p>")),
                "The pier reopens.",
                "{trail}"
            );
        }
    }

    #[test]
    fn links_that_are_no_trail_stay() {
        for html in [
            // Words between the links.
            r#"<p><a href="/">Courier</a> and <a href="/news">News</a></p>"#,
            // Another site's front page.
            r#"<p><a href="https://wire.example/">Wire</a> / <a href="https://agency.example/">Agency</a></p>"#,
            // One link alone, or a first link to a page.
            r#"<p><a href="/">Home</a></p>"#,
            r#"<p><a href="/news/report">Report</a> | <a href="/">Home</a></p>"#,
            // A list of headlines.
            r#"<ul><li><a href="/">Storm closes the pier for the rest of the winter, the board says</a></li><li><a href="/b">Gulls</a></li></ul>"#,
        ] {
            assert_ne!(after(html), "", "{html}");
        }
    }
}
