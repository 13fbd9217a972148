//! Lines of links to the site's categories and tags at either end of a
//! Markdown body ("[Foundation], [From the archives], [Technology]"): the
//! post's filing, not its text.
//!
//! Owns what makes a line a filing line: nothing but links, each to a
//! category, tag, topic or section page of the site, and separators.

use regex::Regex;
use std::sync::LazyLock;

/// A Markdown link: its text and its address.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)"#).expect("valid link pattern")
});

/// A path segment naming a category, tag, topic or section page.
static TAXONOMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(?:category|categories|c|tag|tags|topic|topics|section|kategorie|rubrik|thema|themen|schlagwort|categorie|categoria|etiqueta|tema)/")
        .expect("valid taxonomy pattern")
});

/// How many blocks at each end of the body are looked at.
const END_BLOCKS: usize = 2;

/// The body without filing lines among its first and last
/// [`END_BLOCKS`] blocks. A body of fewer than three blocks is left as it
/// is.
pub fn drop_taxonomy_lines(markdown: &str) -> String {
    let blocks: Vec<&str> = markdown.split("\n\n").collect();
    let n = blocks.len();
    if n < 3 {
        return markdown.to_string();
    }
    let at_an_end = |i: usize| i < END_BLOCKS || i + END_BLOCKS >= n;
    let kept: Vec<&str> = blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| !(at_an_end(i) && is_filing_line(b)))
        .map(|(_, b)| *b)
        .collect();
    if kept.len() == n {
        return markdown.to_string();
    }
    kept.join("\n\n")
}

/// Whether a Markdown block holds only links to category, tag, topic or
/// section pages, with separators and emphasis marks between them.
fn is_filing_line(block: &str) -> bool {
    let mut links = LINK.captures_iter(block).peekable();
    if links.peek().is_none() {
        return false;
    }
    links.all(|c| TAXONOMY.is_match(&c[2]))
        && LINK.replace_all(block, "").chars().all(|c| {
            c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '/' | '*' | '_' | '-' | ';')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filing_lines_at_the_ends_go() {
        let story =
            "The harbour board met on Tuesday and agreed that the old pier would be repaired.";
        let filing = "[Harbour](https://courier.example/c/harbour/), [From the archives](https://courier.example/category/archives/)";
        let md = format!(
            "{filing}\n\n{story}\n\n{story}\n\n{story}\n\n*[Ferries](/tag/ferries) · [Pier](/tag/pier)*"
        );
        assert_eq!(
            drop_taxonomy_lines(&md),
            format!("{story}\n\n{story}\n\n{story}")
        );
        // In the middle of the story, or among other links, or with words
        // of its own, a line stays.
        for kept in [
            format!("{story}\n\n{story}\n\n{filing}\n\n{story}\n\n{story}\n\n{story}"),
            format!(
                "[Harbour](/c/harbour/), [the council's report](/report.pdf)\n\n{story}\n\n{story}"
            ),
            format!("Filed by the desk: [Harbour](/c/harbour/)\n\n{story}\n\n{story}"),
        ] {
            assert_eq!(drop_taxonomy_lines(&kept), kept);
        }
    }
}
